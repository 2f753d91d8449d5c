//! The run of checks: the engine handle, the live session it feeds, cancelling.

use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, Ui};

use crate::checks::{self, CheckBox};
use crate::config::Config;
use crate::engine::{self, EngineEvent, RunHandle};
use crate::gui::views::Action;
use crate::gui::views::home::{self, CardsFor, Controls};
use crate::gui::views::results::{self, ResultsHeader};
use crate::logging::LogBuffer;
use crate::model::{Category, HostInfo};
use crate::net::live::LiveBoard;
use crate::session::{RunState, Session};
use crate::t;

/// How long one frame may spend folding engine events; the rest waits for the next frame,
/// so a burst of progress notes never stalls drawing.
const EVENT_BUDGET: Duration = Duration::from_millis(4);

/// How a run ended, for the parts that act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunEnded {
    /// The user cancelled it.
    Cancelled,
    /// It ran to the end; `network` says whether network checks were among it.
    Completed { network: bool },
}

pub struct RunPart {
    pub config: Arc<Config>,
    checks: Vec<CheckBox>,
    /// Checks per area, for the cards (an area with none says "not available yet").
    pub check_counts: Vec<(Category, usize)>,
    pub host: HostInfo,
    pub log: LogBuffer,
    /// What the checks produced so far (and the checklists walked).
    pub session: Session,
    handle: Option<RunHandle>,
    cancelling: bool,
}

impl RunPart {
    pub fn new(config: Arc<Config>, checks: Option<Vec<CheckBox>>, log: LogBuffer) -> Self {
        let checks = checks.unwrap_or_else(checks::registry);
        let check_counts = home::counts_by_area(checks.iter().map(|c| c.meta().category));
        let host = crate::platform::host_info();
        Self {
            config,
            checks,
            check_counts,
            session: Session::new(host.clone()),
            host,
            log,
            handle: None,
            cancelling: false,
        }
    }

    pub fn running(&self) -> bool {
        self.handle.is_some()
    }

    /// Checks of the current run that have not finished yet (the ladder says "Checking").
    pub fn pending_checks(&self) -> Vec<String> {
        if self.handle.is_none() {
            return Vec::new();
        }
        self.session.planned.iter().filter(|p| p.state != RunState::Done).map(|p| p.id.clone()).collect()
    }

    /// How many of the planned checks have finished, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.session.planned.iter().filter(|p| p.state == RunState::Done).count();
        (done, self.session.planned.len())
    }

    /// Which buttons can be pressed right now.
    pub fn controls(&self, saving: bool) -> Controls {
        let ran = self.session.finished && !self.session.report.runs.is_empty();
        let walked = !self.session.report.checklists.is_empty();
        let finished = self.handle.is_none() && (ran || walked);
        Controls {
            running: self.handle.is_some(),
            cancelling: self.cancelling,
            can_save: finished,
            saving,
            can_copy: finished,
        }
    }

    /// Folds the engine's events into the session within the frame's budget; says how the
    /// run ended when it did.
    pub fn drain(&mut self, ctx: &egui::Context) -> Option<RunEnded> {
        let handle = self.handle.as_ref()?;
        let started = Instant::now();
        let mut all_done = false;
        while let Some(event) = handle.try_recv() {
            all_done = event == EngineEvent::AllDone;
            self.session.apply(event);
            if all_done || started.elapsed() >= EVENT_BUDGET {
                break;
            }
        }
        if all_done {
            return Some(self.finish());
        }
        if started.elapsed() >= EVENT_BUDGET {
            // Events may be left over: come back next frame instead of waiting for a new wake.
            ctx.request_repaint();
        }
        None
    }

    fn finish(&mut self) -> RunEnded {
        let network = self.session.report.runs.iter().any(|r| r.id.starts_with("net."));
        if let Some(handle) = self.handle.take() {
            // Dropping joins the engine thread, which may take a moment to shut its
            // runtime down; do that off the UI thread.
            let _ = std::thread::Builder::new().name("deskcheck-engine-drop".into()).spawn(move || drop(handle));
        }
        if std::mem::take(&mut self.cancelling) { RunEnded::Cancelled } else { RunEnded::Completed { network } }
    }

    /// Starts the checks of `areas` (all areas: `None`) on a fresh session; checklists
    /// walked before stay in the report, their answers are not asked again.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        live: &Arc<LiveBoard>,
        areas: Option<&[Category]>,
    ) -> Result<(), String> {
        if self.handle.is_some() {
            return Ok(());
        }
        // A new run starts a new log, so the bundle's log.txt tells only this run's story.
        self.log.clear();
        let walked = std::mem::take(&mut self.session.report.checklists);
        let walked_runs: Vec<_> =
            self.session.report.runs.drain(..).filter(|r| r.id.starts_with("checklist.")).collect();
        self.session = Session::new(self.host.clone());
        self.session.report.checklists = walked;
        self.session.report.runs = walked_runs;
        self.session.report.notices = self
            .check_counts
            .iter()
            .filter(|(area, count)| *count == 0 && areas.is_none_or(|a| a.contains(area)))
            .map(|(area, _)| format!("{}: not available yet — this version has no checks for this area.", area.title()))
            .collect();
        let chosen: Vec<CheckBox> = match areas {
            None => self.checks.clone(),
            Some(areas) => self.checks.iter().filter(|c| areas.contains(&c.meta().category)).cloned().collect(),
        };
        let waker_ctx = ctx.clone();
        let waker: engine::Waker = Arc::new(move || waker_ctx.request_repaint());
        live.clear();
        let handle = engine::start_with_live(chosen, self.config.clone(), waker, live.clone())
            .map_err(|err| t!("gui-err-start-checks", error = err.to_string()))?;
        self.handle = Some(handle);
        Ok(())
    }

    /// Asks the engine to stop; true when a run was out.
    pub fn cancel(&mut self) -> bool {
        let Some(handle) = &self.handle else { return false };
        handle.cancel();
        self.cancelling = true;
        true
    }

    /// Forgets the results (not while running): the guided flow's "Start over".
    pub fn reset(&mut self) {
        if self.handle.is_none() {
            self.session = Session::new(self.host.clone());
        }
    }

    /// The live progress bar.
    pub fn progress_ui(&self, ui: &mut Ui) {
        home::progress_ui(ui, &self.session, self.handle.is_some());
    }

    /// The area cards of the live session.
    pub fn areas_ui(&self, ui: &mut Ui, filter: Option<Category>, actions: &mut Vec<Action>) {
        home::areas_ui(ui, &self.session, &self.check_counts, filter, CardsFor::Live, true, actions);
    }

    /// The verdict and the results under the checklists.
    pub fn findings_ui(&self, ui: &mut Ui, filter: Option<Category>, actions: &mut Vec<Action>) {
        let report = &self.session.report;
        if let Some(verdict) = &report.verdict {
            results::verdict_ui(ui, verdict);
            ui.add_space(8.0);
        }
        let empty_text = t!("gui-no-results-yet");
        let header = ResultsHeader {
            tally: self.session.finished,
            // The notices about areas without checks would repeat what the cards say.
            notices: false,
            empty_text: &empty_text,
        };
        results::results_ui(ui, report, filter, &header, actions);
    }
}
