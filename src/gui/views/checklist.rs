//! Guided checklists on screen: the list to choose from, then one step per screen in the
//! Windows-troubleshooter manner — "Step 3 of 8", one plain question, big answer buttons,
//! Back and Skip, never advancing by itself. Automatic steps show their check's result
//! inline and wait for "Continue"; tool steps open a tester as a full view.

use eframe::egui::{Button, Frame, RichText, TextEdit, Ui, vec2};

use std::collections::BTreeSet;

use super::Action;
use super::results::run_row_ui;
use crate::checklist::ChecklistError;
use crate::checks::printers::CancelOffer;
use crate::model::{CheckRun, Checklist, EndKind, Step, StepKind};
use crate::t;

/// What the user pressed on a checklist screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistAction {
    /// Start the checklist with this id.
    Open(String),
    Yes,
    No,
    Done,
    Failed,
    Choice(usize),
    /// The free-text answer as typed.
    Text(String),
    /// Take the automatic step's result and go on.
    Continue,
    /// Run the automatic step's check once more.
    RunAgain,
    /// Tick or untick a stuck job (by id) on the cancel step.
    ToggleJob(i32),
    /// Offer other users' stuck jobs too (off by default).
    OthersJobs(bool),
    /// Cancel the ticked jobs (none ticked: cancel nothing).
    ApproveJobs,
    OpenTool,
    Skip,
    Back,
    /// Leave the checklist (recorded as not finished unless it ended).
    Close,
}

/// The list on the home screen: a button per checklist, and the files that could not be used.
pub fn list_ui(ui: &mut Ui, checklists: &[Checklist], problems: &[ChecklistError], actions: &mut Vec<Action>) {
    ui.label(RichText::new(t!("gui-checklists-title")).size(18.0).strong());
    ui.label(RichText::new(t!("gui-checklists-hint")).weak());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for c in checklists {
            let lang = crate::i18n::current();
            let button = Button::new(RichText::new(c.title.get(lang)).size(16.0)).min_size(vec2(260.0, 40.0));
            let hover = if c.description.en.is_empty() { c.title.get(lang) } else { c.description.get(lang) };
            if ui.add(button).on_hover_text(hover).clicked() {
                actions.push(Action::Checklist(ChecklistAction::Open(c.id.clone())));
            }
        }
    });
    ui.add_space(8.0);
    ui.label(RichText::new(t!("gui-testers")).size(16.0).strong());
    ui.horizontal_wrapped(|ui| {
        for tool in crate::gui::tools::ON_HOME {
            if ui.add(Button::new(crate::gui::tools::home_label(tool)).min_size(vec2(150.0, 32.0))).clicked() {
                actions.push(Action::OpenTool(tool.to_string()));
            }
        }
    });
    for p in problems {
        ui.label(
            RichText::new(format!("⚠ {}", t!("gui-checklist-unusable", problem = p.to_string())))
                .color(ui.visuals().warn_fg_color),
        );
    }
}

/// Where an automatic step's check stands.
pub enum ProbeView<'a> {
    Running(Option<&'a str>),
    Finished(&'a CheckRun),
}

/// The cancel step before it runs: the jobs being read, then the list to tick.
pub enum ConsentView<'a> {
    Reading,
    Ready { offer: &'a CancelOffer, selected: &'a BTreeSet<i32> },
}

/// Everything one step screen shows.
pub struct StepView<'a> {
    pub checklist: &'a Checklist,
    pub step: &'a Step,
    /// (step number, steps in all on the longest way from here).
    pub position: (usize, usize),
    pub can_back: bool,
    pub probe: Option<ProbeView<'a>>,
    /// On the cancel step, until the user approved.
    pub consent: Option<ConsentView<'a>>,
    /// The tester is not part of this build (should not happen for the built-in tools).
    pub tool_missing: bool,
    pub end: Option<EndKind>,
}

/// One step per screen.
pub fn step_ui(ui: &mut Ui, view: &StepView<'_>, text: &mut String, actions: &mut Vec<Action>) {
    let push = |actions: &mut Vec<Action>, a: ChecklistAction| actions.push(Action::Checklist(a));
    ui.horizontal(|ui| {
        ui.label(RichText::new(view.checklist.title.get(crate::i18n::current())).size(16.0).strong());
        if ui.button(t!("gui-close-checklist")).on_hover_text(t!("gui-close-checklist-hint")).clicked() {
            push(actions, ChecklistAction::Close);
        }
    });
    let (n, total) = view.position;
    ui.label(RichText::new(t!("gui-step-of", n = n, total = total)).weak());
    ui.add_space(10.0);
    Frame::group(ui.style()).inner_margin(18).corner_radius(8).show(ui, |ui| {
        ui.set_max_width(760.0);
        if let Some(end) = view.end {
            let heading = match end {
                EndKind::Resolved => format!("✔ {}", t!("gui-end-solved")),
                EndKind::Escalate => format!("✖ {}", t!("gui-end-escalate")),
                EndKind::Abandoned => format!("⚠ {}", t!("gui-end-abandoned")),
            };
            ui.label(RichText::new(heading).size(20.0).strong());
        }
        ui.add(eframe::egui::Label::new(RichText::new(view.step.text.get(crate::i18n::current())).size(20.0)).wrap());
        if let Some(help) = &view.step.help {
            ui.add_space(4.0);
            ui.add(eframe::egui::Label::new(RichText::new(help.get(crate::i18n::current())).weak()).wrap());
        }
        ui.add_space(14.0);
        answers_ui(ui, view, text, actions);
    });
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.add_enabled(view.can_back, Button::new(t!("gui-back")).min_size(vec2(90.0, 32.0))).clicked() {
            push(actions, ChecklistAction::Back);
        }
        let running = matches!(view.probe, Some(ProbeView::Running(_)));
        if view.end.is_none()
            && ui
                .add_enabled(!running, Button::new(t!("gui-skip")).min_size(vec2(90.0, 32.0)))
                .on_hover_text(t!("gui-skip-hint"))
                .clicked()
        {
            push(actions, ChecklistAction::Skip);
        }
    });
}

fn big(text: &str) -> Button<'static> {
    Button::new(RichText::new(text.to_string()).size(18.0)).min_size(vec2(200.0, 48.0))
}

fn answers_ui(ui: &mut Ui, view: &StepView<'_>, text: &mut String, actions: &mut Vec<Action>) {
    let push = |actions: &mut Vec<Action>, a: ChecklistAction| actions.push(Action::Checklist(a));
    match &view.step.kind {
        StepKind::YesNo { .. } => {
            ui.horizontal(|ui| {
                if ui.add(big(&t!("gui-yes"))).clicked() {
                    push(actions, ChecklistAction::Yes);
                }
                if ui.add(big(&t!("gui-no"))).clicked() {
                    push(actions, ChecklistAction::No);
                }
            });
        }
        StepKind::Instruction { .. } => {
            ui.horizontal(|ui| {
                if ui.add(big(&t!("gui-done"))).clicked() {
                    push(actions, ChecklistAction::Done);
                }
                if ui.add(big(&t!("gui-did-not-work"))).clicked() {
                    push(actions, ChecklistAction::Failed);
                }
            });
        }
        StepKind::Choice { options } => {
            for (i, o) in options.iter().enumerate() {
                if ui.add(big(o.label.get(crate::i18n::current())).min_size(vec2(420.0, 44.0))).clicked() {
                    push(actions, ChecklistAction::Choice(i));
                }
            }
        }
        StepKind::Text { .. } => {
            let label = ui.label(t!("gui-your-answer"));
            ui.add(TextEdit::multiline(text).desired_rows(3).desired_width(560.0)).labelled_by(label.id);
            ui.add_space(6.0);
            if ui.add(big(&t!("gui-continue"))).clicked() {
                push(actions, ChecklistAction::Text(text.clone()));
            }
        }
        StepKind::Automatic { .. } if view.probe.is_none() && view.consent.is_some() => {
            if let Some(consent) = &view.consent {
                consent_ui(ui, consent, actions);
            }
        }
        StepKind::Automatic { .. } => match &view.probe {
            Some(ProbeView::Running(note)) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(note.map_or_else(|| t!("gui-checking"), |n| t!("gui-checking-note", note = n)));
                });
            }
            Some(ProbeView::Finished(run)) => {
                run_row_ui(ui, run);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.add(big(&t!("gui-continue"))).clicked() {
                        push(actions, ChecklistAction::Continue);
                    }
                    if ui.button(t!("gui-check-again")).clicked() {
                        push(actions, ChecklistAction::RunAgain);
                    }
                });
            }
            None => {
                ui.label(t!("gui-starting-check"));
            }
        },
        StepKind::Tool { tool, .. } => {
            if view.tool_missing {
                ui.label(t!("gui-tester-missing", tool = tool.as_str()));
            } else if ui.add(big(&t!("gui-open-tester", tool = tool.as_str()))).clicked() {
                push(actions, ChecklistAction::OpenTool);
            }
            ui.add_space(6.0);
            ui.label(RichText::new(t!("gui-answer-without")).weak());
            ui.horizontal(|ui| {
                if ui.button(t!("gui-it-works")).clicked() {
                    push(actions, ChecklistAction::Done);
                }
                if ui.button(t!("gui-it-does-not-work")).clicked() {
                    push(actions, ChecklistAction::Failed);
                }
            });
        }
        StepKind::Resolved { resolution: detail } | StepKind::Escalate { reason: detail } => {
            ui.label(RichText::new(t!("gui-recorded", detail = detail.get(crate::i18n::current()))).weak());
            ui.label(RichText::new(t!("gui-save-then-close")).weak());
        }
    }
}

/// The stuck jobs with a box each (none ticked), the ones left alone, and the buttons.
fn consent_ui(ui: &mut Ui, consent: &ConsentView<'_>, actions: &mut Vec<Action>) {
    let push = |actions: &mut Vec<Action>, a: ChecklistAction| actions.push(Action::Checklist(a));
    let (offer, selected) = match consent {
        ConsentView::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("gui-reading-jobs"));
            });
            return;
        }
        ConsentView::Ready { offer, selected } => (*offer, *selected),
    };
    let offered = offer.offered();
    if offered.is_empty() {
        ui.label(t!("gui-no-stuck-jobs"));
    } else {
        ui.label(RichText::new(t!("gui-tick-jobs")).strong());
    }
    for job in &offered {
        let mut on = selected.contains(&job.id);
        if ui.checkbox(&mut on, job.line_in(crate::i18n::current())).changed() {
            push(actions, ChecklistAction::ToggleJob(job.id));
        }
    }
    for job in offer.not_yours() {
        ui.label(RichText::new(t!("gui-job-not-yours", job = job.line_in(crate::i18n::current()))).weak());
    }
    for job in &offer.held {
        ui.label(RichText::new(t!("gui-job-held", job = job.line_in(crate::i18n::current()))).weak());
    }
    for note in &offer.notes {
        ui.label(RichText::new(t!("gui-job-not-read", note = note.as_str())).weak());
    }
    let mut others = offer.others_allowed;
    if offer.stuck.iter().any(|j| !j.yours) && ui.checkbox(&mut others, t!("gui-offer-others-jobs")).changed() {
        push(actions, ChecklistAction::OthersJobs(others));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let n = offered.iter().filter(|j| selected.contains(&j.id)).count();
        let label = t!("gui-cancel-selected-jobs", count = n);
        if ui.add_enabled(n > 0, big(&label)).clicked() {
            push(actions, ChecklistAction::ApproveJobs);
        }
        if n == 0 && ui.add(big(&t!("gui-cancel-nothing"))).clicked() {
            push(actions, ChecklistAction::ApproveJobs);
        }
    });
}
