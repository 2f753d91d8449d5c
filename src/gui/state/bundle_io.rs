//! Bundle I/O: saving the live report (with the chosen privacy), opening a saved bundle
//! read-only, and the technician's notes draft that goes into the bundle.

use std::path::PathBuf;

use chrono::Utc;
use eframe::egui::{self, Ui};

use super::run::RunPart;
use crate::bundle::{self, Privacy, Redactor, WriteOptions};
use crate::gui::jobs::{JobResult, Jobs, Picked};
use crate::gui::views::bundle_view::{self, Viewing};
use crate::gui::views::notes::{self, NotesDraft};
use crate::gui::views::{Action, StatusLine};
use crate::model::Report;
use crate::t;

/// What a finished background job means for the rest of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleEvent {
    /// A bundle was opened and is now being viewed.
    Opened,
}

pub struct BundleIoPart {
    /// When set, "Save bundle…" writes here without asking (tests).
    save_path: Option<PathBuf>,
    /// When set, "Open bundle…" opens this file without asking (tests).
    open_path: Option<PathBuf>,
    /// A bundle to open as soon as the window shows.
    open_at_start: Option<PathBuf>,
    jobs: Jobs,
    pub saving: bool,
    pub opening: bool,
    pub draft: NotesDraft,
    pub privacy: Privacy,
    /// The bundle being viewed read-only, if any.
    pub viewing: Option<Viewing>,
    pub notes_open: bool,
}

impl BundleIoPart {
    pub fn new(save_path: Option<PathBuf>, open_path: Option<PathBuf>, open_at_start: Option<PathBuf>) -> Self {
        Self {
            save_path,
            open_path,
            open_at_start,
            jobs: Jobs::default(),
            saving: false,
            opening: false,
            draft: NotesDraft::default(),
            privacy: Privacy::default(),
            viewing: None,
            notes_open: false,
        }
    }

    /// Whether a dialog, a save or an open is still out.
    pub fn busy(&self) -> bool {
        self.jobs.busy()
    }

    /// The live report with the technician's notes, as it would be saved.
    pub fn report_for_saving(&self, run: &RunPart) -> Report {
        let mut report = run.session.report.clone();
        report.ticket = self.draft.ticket();
        report.notes = self.draft.notes.clone();
        report
    }

    /// What "Copy summary" copies: the viewed bundle's summary, or the live one scrubbed like
    /// the bundle with the chosen profile.
    pub fn summary_text(&self, run: &RunPart) -> String {
        match &self.viewing {
            Some(viewing) => viewing.summary.clone(),
            None => bundle::summary_text(
                &bundle::redact_report(&self.report_for_saving(run), self.privacy),
                crate::i18n::current(),
            ),
        }
    }

    /// Collects finished jobs (dialogs, writes, reads); the bundle asked for at start is
    /// opened on the first call.
    pub fn drain(
        &mut self,
        ctx: &egui::Context,
        run: &RunPart,
        status: &mut Option<StatusLine>,
    ) -> Option<BundleEvent> {
        if let Some(path) = self.open_at_start.take() {
            self.opening = true;
            self.start_read(ctx, path, status);
        }
        let mut event = None;
        while let Some(result) = self.jobs.try_recv() {
            match result {
                JobResult::SaveTarget(Picked::Path(path)) => self.start_write(ctx, run, path, status),
                JobResult::SaveTarget(Picked::Cancelled) => {
                    self.saving = false;
                    *status = None;
                }
                JobResult::SaveTarget(Picked::NoDialog) => {
                    self.saving = false;
                    *status = Some(StatusLine::error(t!("gui-no-dialog")));
                }
                JobResult::Saved(Ok(written)) => {
                    self.saving = false;
                    *status = Some(StatusLine::Saved {
                        path: written.path,
                        map_path: written.map_path,
                        bytes: written.bytes,
                    });
                }
                JobResult::Saved(Err(err)) => {
                    self.saving = false;
                    *status = Some(StatusLine::error(t!("gui-err-save", error = err.to_string())));
                }
                JobResult::OpenTarget(Picked::Path(path)) => self.start_read(ctx, path, status),
                JobResult::OpenTarget(Picked::Cancelled) => {
                    self.opening = false;
                    *status = None;
                }
                JobResult::OpenTarget(Picked::NoDialog) => {
                    self.opening = false;
                    *status = Some(StatusLine::error(t!("gui-no-dialog")));
                }
                JobResult::Opened(Ok(bundle)) => {
                    self.opening = false;
                    self.viewing = Some(Viewing::new(*bundle));
                    *status = None;
                    event = Some(BundleEvent::Opened);
                }
                JobResult::Opened(Err(err)) => {
                    self.opening = false;
                    *status = Some(StatusLine::error(t!("gui-err-open", error = err.to_string())));
                }
            }
        }
        event
    }

    /// "Save bundle…": to the injected path, or wherever the user picks.
    pub fn save(&mut self, ctx: &egui::Context, frame: &eframe::Frame, run: &RunPart, status: &mut Option<StatusLine>) {
        if !run.controls(self.saving).can_save || self.saving {
            return;
        }
        self.saving = true;
        match self.save_path.clone() {
            Some(path) => self.start_write(ctx, run, path, status),
            None => {
                // Under strict privacy the host name is hidden in the file name too.
                let host = Redactor::new(self.privacy, &run.host.hostname).text(&run.host.hostname);
                let name = bundle::default_file_name(&host, Utc::now());
                let directory = dirs::document_dir().or_else(dirs::home_dir);
                *status = Some(StatusLine::Busy(t!("gui-choose-save")));
                if let Err(err) = self.jobs.pick_save_path(ctx, frame, directory.as_deref(), &name) {
                    self.saving = false;
                    *status = Some(StatusLine::error(t!("gui-err-save-dialog", error = err.to_string())));
                }
            }
        }
    }

    fn start_write(&mut self, ctx: &egui::Context, run: &RunPart, path: PathBuf, status: &mut Option<StatusLine>) {
        // The save dialog has already asked before overwriting; an injected path is the caller's choice.
        let options = WriteOptions { force: true, privacy: self.privacy, lang: crate::i18n::current() };
        *status = Some(StatusLine::Busy(t!("gui-saving-to", path = path.display().to_string())));
        if let Err(err) = self.jobs.write_bundle(ctx, self.report_for_saving(run), run.log.clone(), path, options) {
            self.saving = false;
            *status = Some(StatusLine::error(t!("gui-err-save", error = err.to_string())));
        }
    }

    /// "Open bundle…": the injected path, or what the user picks.
    pub fn open(&mut self, ctx: &egui::Context, frame: &eframe::Frame, status: &mut Option<StatusLine>) {
        if self.opening {
            return;
        }
        self.opening = true;
        match self.open_path.clone() {
            Some(path) => self.start_read(ctx, path, status),
            None => {
                let directory = dirs::document_dir().or_else(dirs::home_dir);
                *status = Some(StatusLine::Busy(t!("gui-choose-open")));
                if let Err(err) = self.jobs.pick_open_path(ctx, frame, directory.as_deref()) {
                    self.opening = false;
                    *status = Some(StatusLine::error(t!("gui-err-open-dialog", error = err.to_string())));
                }
            }
        }
    }

    fn start_read(&mut self, ctx: &egui::Context, path: PathBuf, status: &mut Option<StatusLine>) {
        *status = Some(StatusLine::Busy(t!("gui-opening", path = path.display().to_string())));
        if let Err(err) = self.jobs.read_bundle(ctx, path) {
            self.opening = false;
            *status = Some(StatusLine::error(t!("gui-err-open", error = err.to_string())));
        }
    }

    /// The notes panel: editable for the live session, read-only for a viewed bundle.
    pub fn notes_ui(&mut self, ui: &mut Ui) {
        match &self.viewing {
            Some(viewing) => {
                let report = &viewing.session.report;
                notes::notes_readonly_ui(ui, report.ticket.as_deref(), &report.notes);
            }
            None => notes::notes_edit_ui(ui, &mut self.draft),
        }
    }

    /// The viewed bundle's header (name, "Close").
    pub fn header_ui(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if let Some(viewing) = &self.viewing {
            bundle_view::header_ui(ui, viewing, actions);
        }
    }
}
