//! The checklists: the library on offer (read off the UI thread, the folder may be on a
//! share) and the one being walked.

use std::sync::{Arc, mpsc};

use eframe::egui::{self, Ui};

use crate::checklist::Library;
use crate::config::Config;
use crate::gui::checklist_run::ChecklistRun;
use crate::gui::views::Action;
use crate::gui::views::checklist::{self as checklist_view, ChecklistAction};
use crate::model::Report;

pub struct ChecklistPart {
    /// The checklists on offer (built in and the IT department's own).
    pub library: Library,
    library_rx: Option<mpsc::Receiver<Library>>,
    /// The checklist being walked, if any.
    pub walk: Option<ChecklistRun>,
    /// A checklist to open once the library is loaded.
    start_checklist: Option<String>,
}

impl ChecklistPart {
    /// Starts reading the library in the background.
    pub fn new(config: &Config, start_checklist: Option<String>) -> Self {
        let (library_tx, library_rx) = mpsc::channel();
        let dir = config.checklists_dir();
        // If the thread cannot start, the list simply stays empty; nothing else depends on it.
        let _ = std::thread::Builder::new().name("deskcheck-checklists".into()).spawn(move || {
            let _ = library_tx.send(Library::load(dir.as_deref()));
        });
        Self { library: Library::default(), library_rx: Some(library_rx), walk: None, start_checklist }
    }

    /// Whether the checklists folder has been read.
    pub fn ready(&self) -> bool {
        self.library_rx.is_none()
    }

    /// Takes the library once it is read (opening the checklist asked for at start) and
    /// collects the walk's probe results. True when the walk wants a checklist opened.
    pub fn drain(&mut self, ctx: &egui::Context) -> Option<String> {
        let mut open = None;
        if let Some(rx) = &self.library_rx
            && let Ok(library) = rx.try_recv()
        {
            self.library = library;
            self.library_rx = None;
            open = self.start_checklist.take();
        }
        if let Some(run) = &mut self.walk
            && run.drain()
        {
            ctx.request_repaint();
        }
        open
    }

    /// Applies a checklist button; true when a checklist was opened (other views give way).
    pub fn apply(
        &mut self,
        action: ChecklistAction,
        ctx: &egui::Context,
        config: &Arc<Config>,
        report: &mut Report,
    ) -> bool {
        match action {
            ChecklistAction::Open(id) => {
                let Some(found) = self.library.find(&id) else { return false };
                let mut run = ChecklistRun::new(found.clone(), config);
                run.ensure_probe(ctx, config);
                run.record(report);
                self.walk = Some(run);
                true
            }
            ChecklistAction::Close => {
                if let Some(mut run) = self.walk.take() {
                    run.close();
                    run.record(report);
                }
                false
            }
            other => {
                if let Some(run) = &mut self.walk {
                    run.apply(other, ctx, config, report);
                    run.record(report);
                }
                false
            }
        }
    }

    /// Whether the walk opened a tester (it takes the whole window).
    pub fn tool_open(&self) -> bool {
        self.walk.as_ref().is_some_and(|w| w.tool_title().is_some())
    }

    /// The walk's tester as a full view; true when one is showing.
    pub fn tool_ui(&mut self, ui: &mut Ui, report: &mut Report) -> bool {
        let Some(run) = &mut self.walk else { return false };
        let Some(tool) = run.tool_mut() else { return false };
        if let Some(finished) = tool.ui(ui) {
            run.tool_finished(finished);
            run.record(report);
        }
        true
    }

    /// The current step of the walk; false when no checklist is being walked.
    pub fn step_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) -> bool {
        let Some(run) = &mut self.walk else { return false };
        let mut text = std::mem::take(&mut run.text);
        checklist_view::step_ui(ui, &run.view(), &mut text, actions);
        run.text = text;
        true
    }

    /// The list of checklists on the home screen.
    pub fn list_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        checklist_view::list_ui(ui, &self.library.checklists, &self.library.problems, actions);
    }
}
