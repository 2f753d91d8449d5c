//! Guided mode: one step per screen in plain words, for a user on the phone with support.
//! "What is wrong?" picks the areas to check, a progress screen follows, and the result
//! screen gives the verdict in one sentence with what to do now. The flow only draws and
//! returns commands; the app runs them.

use eframe::egui::{self, Button, RichText, vec2};

use super::checklist_run::ChecklistRun;
use super::views::checklist::ChecklistAction;
use crate::checklist::Library;
use crate::i18n;
use crate::model::{Category, Report};

/// What the guided screens need to see of the app.
pub struct GuidedCx<'a> {
    pub report: &'a Report,
    pub running: bool,
    /// Checks of this run that have finished, and how many were planned.
    pub finished: usize,
    pub planned: usize,
    pub library: &'a Library,
    /// The checklist being walked, if any.
    pub checklist: Option<&'a ChecklistRun>,
}

/// What the guided flow asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidedCommand {
    /// Run the checks of these areas (all of them when every area is listed).
    RunAreas(Vec<Category>),
    /// Start walking the checklist with this id.
    StartChecklist(String),
    /// A button on the checklist step being walked.
    ChecklistAnswer(ChecklistAction),
    CancelRun,
    SaveBundle,
    SwitchToTechnician,
    /// Forget the results and start from "What is wrong?".
    Reset,
}

/// Where in the flow the user is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    WhatIsWrong,
    /// The checks were asked for; `seen_running` once the run was seen going, so the
    /// result screen never shows before the run began.
    Checking {
        seen_running: bool,
    },
    Result,
}

/// The guided flow's state.
pub struct Guided {
    screen: Screen,
}

impl Default for Guided {
    fn default() -> Self {
        Self::new()
    }
}

/// The five answers to "What is wrong?" and the areas each one checks.
const PROBLEMS: [(&str, &[Category]); 5] = [
    ("The internet", &[Category::Network]),
    ("A printer", &[Category::Printers]),
    ("The screen", &[Category::Displays]),
    ("Keyboard, mouse or headset", &[Category::Peripherals]),
    ("Something else", &Category::ALL),
];

impl Guided {
    pub fn new() -> Self {
        Self { screen: Screen::WhatIsWrong }
    }

    /// Draws the current guided screen and returns what the app must do.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &GuidedCx<'_>) -> Vec<GuidedCommand> {
        let mut commands = Vec::new();
        if let Screen::Checking { seen_running } = self.screen {
            if cx.running {
                self.screen = Screen::Checking { seen_running: true };
            } else if seen_running {
                self.screen = Screen::Result;
            }
        }
        ui.add_space(12.0);
        match self.screen {
            Screen::WhatIsWrong => {
                ui.heading(RichText::new("What is wrong?").size(26.0).strong());
                ui.add_space(12.0);
                for (label, areas) in PROBLEMS {
                    let button = Button::new(RichText::new(label).size(20.0)).min_size(vec2(360.0, 48.0));
                    if ui.add(button).clicked() {
                        commands.push(GuidedCommand::RunAreas(areas.to_vec()));
                        self.screen = Screen::Checking { seen_running: false };
                    }
                    ui.add_space(6.0);
                }
            }
            Screen::Checking { .. } => {
                ui.heading(RichText::new("Checking…").size(26.0).strong());
                ui.add_space(8.0);
                ui.label(RichText::new(format!("{} of {} checks done", cx.finished, cx.planned)).size(18.0));
                let fraction = if cx.planned == 0 { 0.0 } else { cx.finished as f32 / cx.planned as f32 };
                ui.add(egui::ProgressBar::new(fraction).desired_width(360.0));
                ui.add_space(12.0);
                if ui.add(Button::new(RichText::new("Cancel").size(18.0)).min_size(vec2(160.0, 40.0))).clicked() {
                    commands.push(GuidedCommand::CancelRun);
                }
            }
            Screen::Result => {
                let lang = i18n::current();
                let (headline, next) = match &cx.report.verdict {
                    Some(verdict) => (verdict.headline_in(lang), verdict.next_step_in(lang)),
                    None => ("No problem was found.".to_string(), None),
                };
                ui.heading(RichText::new(headline).size(24.0).strong());
                if let Some(next) = next {
                    ui.add_space(8.0);
                    ui.label(RichText::new(next).size(18.0));
                }
                ui.add_space(16.0);
                ui.horizontal_wrapped(|ui| {
                    let big = |text: &str| Button::new(RichText::new(text).size(18.0)).min_size(vec2(200.0, 44.0));
                    if ui.add(big("Save a report file")).clicked() {
                        commands.push(GuidedCommand::SaveBundle);
                    }
                    if ui.add(big("Start again")).clicked() {
                        commands.push(GuidedCommand::Reset);
                        self.screen = Screen::WhatIsWrong;
                    }
                    if ui.add(big("Show the details")).clicked() {
                        commands.push(GuidedCommand::SwitchToTechnician);
                    }
                });
            }
        }
        commands
    }
}
