//! Guided mode: for a user on the phone with a technician. One plain step per screen with
//! big buttons, "Step N of M", Back and Next, never moving on by itself: "What is wrong?",
//! the checks that answer picks (a plain progress line), the matching checklist's questions,
//! then the result in one sentence with what to do now and the read-out code.
//!
//! Keyboard alone works: Tab and Shift+Tab move the focus, Enter or Space press the focused
//! button, Esc goes back; each new screen puts the focus on its first sensible button, so
//! Enter goes on. The flow's rules live in `flow.rs` (pure, unit-tested); `screens.rs` draws.

mod flow;
mod screens;

pub use flow::{GuidedCommand, Pick, Problem, Screen};

use eframe::egui;

use super::checklist_run::ChecklistRun;
use super::views::checklist::{ConsentView, ProbeView};
use crate::checklist::Library;
use crate::model::Report;
use flow::{Facts, Flow, WalkFacts};

/// The guided flow's state: where the user is, the answers chosen, the focus.
pub struct Guided {
    flow: Flow,
    /// The typed answer of a text question.
    text: String,
    /// The screen that last got its first focus, so focus is set once per screen.
    focused_for: Option<String>,
}

/// What the guided screens read from the app each frame.
pub struct GuidedCx<'a> {
    pub report: &'a Report,
    pub running: bool,
    /// Checks of the current run that have finished, and how many it has.
    pub finished: usize,
    pub planned: usize,
    pub library: &'a Library,
    pub checklist: Option<&'a ChecklistRun>,
}

impl Default for Guided {
    fn default() -> Self {
        Self::new()
    }
}

impl Guided {
    pub fn new() -> Self {
        Self { flow: Flow::new(), text: String::new(), focused_for: None }
    }

    /// The screen showing (tests read it to know where the keyboard has taken them).
    pub fn screen(&self, cx: &GuidedCx<'_>) -> Screen {
        self.flow.screen(&facts(cx))
    }

    /// Draws the current guided screen and returns what the app must do.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &GuidedCx<'_>) -> Vec<GuidedCommand> {
        let commands = screens::screen_ui(ui, self, cx);
        if !commands.is_empty() {
            // The app applies the commands after this frame; draw the next screen at once.
            ui.ctx().request_repaint();
        }
        commands
    }
}

/// The flow's view of the app's state.
fn facts<'a>(cx: &GuidedCx<'a>) -> Facts<'a> {
    let walk = cx.checklist.map(|run| {
        let view = run.view();
        let walk = run.walk();
        WalkFacts {
            checklist: walk.checklist(),
            step: walk.current(),
            depth: walk.depth(),
            can_back: walk.can_go_back(),
            finished: walk.is_finished(),
            probe_done: matches!(view.probe, Some(ProbeView::Finished(_))),
            consent_ready: matches!(view.consent, Some(ConsentView::Ready { .. })),
        }
    });
    Facts { running: cx.running, checks_done: !cx.running, walk, checklists: &cx.library.checklists }
}
