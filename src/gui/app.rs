//! The application state and its `eframe::App` impl. `logic` drains engine events into
//! the session and collects background job results within a small time budget; `ui`
//! only draws and collects the user's actions, which are applied after drawing.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use chrono::Utc;
use eframe::egui::{self, CentralPanel, Panel, ScrollArea, Ui};

use super::GuiOptions;
use super::checklist_run::ChecklistRun;
use super::jobs::{JobResult, Jobs, Picked};
use super::manual_trace::{ManualTrace, TraceEnd};
use super::tools::{self, ToolView};
use super::views::bundle_view::{self, Viewing};
use super::views::checklist::{self as checklist_view, ChecklistAction};
use super::views::home::{self, CardsFor, Controls};
use super::views::network::{self, ManualTraceView, NetworkInput, NetworkView};
use super::views::notes::{self, NotesDraft};
use super::views::results::{self, ResultsHeader};
use super::views::{Action, StatusLine, status_ui};
use crate::bundle::{self, Privacy, Redactor, WriteOptions};
use crate::checklist::Library;
use crate::checks::{self, CheckBox};
use crate::config::Config;
use crate::engine::{self, EngineEvent, RunHandle};
use crate::logging::LogBuffer;
use crate::model::{Category, HostInfo, Report};
use crate::net::live::LiveBoard;
use crate::session::{RunState, Session};

/// How long one frame may spend folding engine events; the rest waits for the next frame,
/// so a burst of progress notes never stalls drawing.
const EVENT_BUDGET: Duration = Duration::from_millis(4);

/// Shown when a file dialog closes at once without an answer.
const NO_DIALOG: &str = "No file dialog could be shown on this system. On Linux, install \
    xdg-desktop-portal (with a GTK or KDE backend) or zenity.";

pub struct DeskcheckApp {
    config: Arc<Config>,
    checks: Vec<CheckBox>,
    check_counts: Vec<(Category, usize)>,
    save_path: Option<PathBuf>,
    open_path: Option<PathBuf>,
    log: LogBuffer,
    host: HostInfo,
    session: Session,
    run: Option<RunHandle>,
    cancelling: bool,
    jobs: Jobs,
    saving: bool,
    opening: bool,
    draft: NotesDraft,
    privacy: Privacy,
    status: Option<StatusLine>,
    viewing: Option<Viewing>,
    filter: Option<Category>,
    notes_open: bool,
    /// Live probe snapshots (RTT series, hop tables) that the Network view draws.
    live: Arc<LiveBoard>,
    live_waker_set: bool,
    show_network: bool,
    net_input: NetworkInput,
    /// The background DHCP-server probe, merged into the report when it ends.
    probe_run: Option<RunHandle>,
    /// The trace the user asked for with "Trace to…"; replacing it cancels the old one.
    manual_trace: Option<ManualTrace>,
    /// Numbers manual traces, so each has its own key on the live board.
    trace_serial: u64,
    /// A bundle to open as soon as the window shows.
    open_at_start: Option<PathBuf>,
    /// Show the Network view once that bundle is open.
    network_after_open: bool,
    /// The checklists on offer; read off the UI thread (the folder may be on a share).
    library: Library,
    library_rx: Option<mpsc::Receiver<Library>>,
    /// The checklist being walked, if any.
    checklist: Option<ChecklistRun>,
    /// A checklist to open once the library is loaded.
    start_checklist: Option<String>,
    /// A tester opened from the home screen, and when.
    tool: Option<(Box<dyn ToolView>, chrono::DateTime<Utc>)>,
}

impl DeskcheckApp {
    /// Build the app without a window (the window calls this too), so tests can drive it.
    pub fn new(options: GuiOptions) -> Self {
        let GuiOptions { config, checks, save_path, open_path, log, open_at_start, start_checklist, network_view } =
            options;
        let checks = checks.unwrap_or_else(checks::registry);
        let check_counts = home::counts_by_area(checks.iter().map(|c| c.meta().category));
        let host = crate::platform::host_info();
        let (library_tx, library_rx) = mpsc::channel();
        let dir = config.checklists_dir();
        // If the thread cannot start, the list simply stays empty; nothing else depends on it.
        let _ = std::thread::Builder::new().name("deskcheck-checklists".into()).spawn(move || {
            let _ = library_tx.send(Library::load(dir.as_deref()));
        });
        Self {
            config,
            checks,
            check_counts,
            save_path,
            open_path,
            log,
            session: Session::new(host.clone()),
            host,
            run: None,
            cancelling: false,
            jobs: Jobs::default(),
            saving: false,
            opening: false,
            draft: NotesDraft::default(),
            privacy: Privacy::default(),
            status: None,
            viewing: None,
            filter: None,
            notes_open: false,
            live: LiveBoard::new(),
            live_waker_set: false,
            show_network: network_view && open_at_start.is_none(),
            net_input: NetworkInput::default(),
            probe_run: None,
            manual_trace: None,
            trace_serial: 0,
            network_after_open: network_view && open_at_start.is_some(),
            open_at_start,
            library: Library::default(),
            library_rx: Some(library_rx),
            checklist: None,
            tool: None,
            start_checklist,
        }
    }

    /// The heading of the tester shown as a full view, if any.
    pub fn tool_title(&self) -> Option<String> {
        if let Some((tool, _)) = &self.tool {
            return Some(tool.title().to_string());
        }
        self.checklist.as_ref().and_then(|c| c.tool_title())
    }

    /// Whether the checklists folder has been read.
    pub fn checklists_ready(&self) -> bool {
        self.library_rx.is_none()
    }

    /// The checklists on offer (built in and the IT department's own).
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The id of the checklist being walked, if any.
    pub fn walking(&self) -> Option<&str> {
        self.checklist.as_ref().map(|c| c.walk().checklist().id.as_str())
    }

    /// Whether the current checklist step's check is still running.
    pub fn is_probing(&self) -> bool {
        self.checklist.as_ref().is_some_and(ChecklistRun::probing)
    }

    /// Whether the checklist's cancel step shows its jobs and waits for the user's approval.
    pub fn awaiting_consent(&self) -> bool {
        self.checklist.as_ref().is_some_and(ChecklistRun::awaiting_consent)
    }

    /// Whether the Network view is showing.
    pub fn showing_network(&self) -> bool {
        self.show_network
    }

    /// Whether the background DHCP probe is still out.
    pub fn is_probing_dhcp(&self) -> bool {
        self.probe_run.is_some()
    }

    /// The inline message under "Trace to…", if any.
    pub fn trace_error(&self) -> Option<&str> {
        self.net_input.trace_error.as_deref()
    }

    /// The live board (tests read the manual trace from it).
    pub fn live_board(&self) -> &Arc<LiveBoard> {
        &self.live
    }

    fn drain_probe(&mut self, ctx: &egui::Context) {
        let Some(probe) = &self.probe_run else { return };
        let mut done = false;
        while let Some(event) = probe.try_recv() {
            match event {
                EngineEvent::Finished(run) => {
                    let report = &mut self.session.report;
                    report.runs.retain(|r| r.id != run.id);
                    report.runs.push(*run);
                    report.verdict = crate::diagnose::verdict(&report.runs);
                }
                EngineEvent::AllDone => done = true,
                _ => {}
            }
        }
        if done {
            if let Some(handle) = self.probe_run.take() {
                let _ = std::thread::Builder::new().name("deskcheck-probe-drop".into()).spawn(move || drop(handle));
            }
            self.net_input.probing_dhcp = false;
            ctx.request_repaint();
        }
    }

    fn start_dhcp_probe(&mut self, ctx: &egui::Context) {
        if self.probe_run.is_some() || self.viewing.is_some() {
            return;
        }
        let waker_ctx = ctx.clone();
        let waker: engine::Waker = Arc::new(move || waker_ctx.request_repaint());
        match engine::start_with_live(
            vec![checks::network::dhcp_probe()],
            self.config.clone(),
            waker,
            self.live.clone(),
        ) {
            Ok(handle) => {
                self.probe_run = Some(handle);
                self.net_input.probing_dhcp = true;
            }
            Err(err) => self.status = Some(StatusLine::error(format!("Could not start the DHCP probe: {err}"))),
        }
    }

    /// Trace or ping what the user typed, on the engine; bad input never starts anything.
    fn start_manual_trace(&mut self, ctx: &egui::Context, kind: network::ManualKind, target: String) {
        if let Err(err) = network::validate_trace_target(&target) {
            self.net_input.trace_error = Some(err);
            return;
        }
        self.net_input.trace_error = None;
        self.trace_serial += 1;
        // Dropping the old handle cancels its trace: only the newest one runs.
        self.manual_trace = None;
        match ManualTrace::start(ctx, self.config.clone(), self.live.clone(), kind, target, self.trace_serial) {
            Ok(trace) => self.manual_trace = Some(trace),
            Err(err) => self.net_input.trace_error = Some(err),
        }
        self.sync_manual_trace();
    }

    /// Collect how the manual trace ended and tell the view what it needs to know.
    fn drain_manual_trace(&mut self) {
        if let Some(trace) = &mut self.manual_trace
            && let Some(TraceEnd::Failed(message)) = trace.poll()
        {
            self.net_input.trace_error = Some(message);
        }
        self.sync_manual_trace();
    }

    fn sync_manual_trace(&mut self) {
        self.net_input.manual = self.manual_trace.as_ref().map(|t| ManualTraceView {
            kind: t.kind,
            key: t.key.clone(),
            target: t.target.clone(),
            running: t.is_running(),
        });
    }

    /// Whether the "Trace to…" trace is still running.
    pub fn is_tracing(&self) -> bool {
        self.manual_trace.as_ref().is_some_and(ManualTrace::is_running)
    }

    /// Checks of the current run that have not finished yet (the ladder says "Checking").
    fn pending_checks(&self) -> Vec<String> {
        if self.run.is_none() {
            return Vec::new();
        }
        self.session.planned.iter().filter(|p| p.state != RunState::Done).map(|p| p.id.clone()).collect()
    }

    /// The live session (what "Check everything" produced so far).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Whether checks are running right now.
    pub fn is_running(&self) -> bool {
        self.run.is_some()
    }

    /// Whether a run or a background job (dialog, save, open) is still out.
    pub fn is_busy(&self) -> bool {
        self.run.is_some() || self.jobs.busy()
    }

    /// The line under the buttons ("Saved to …", an error), as shown.
    pub fn status_text(&self) -> Option<String> {
        self.status.as_ref().map(StatusLine::text)
    }

    /// The bundle being viewed read-only, if any.
    pub fn viewing_path(&self) -> Option<&Path> {
        self.viewing.as_ref().map(|v| v.path.as_path())
    }

    fn drain_engine(&mut self, ctx: &egui::Context) {
        let Some(run) = &self.run else { return };
        let started = Instant::now();
        let mut all_done = false;
        while let Some(event) = run.try_recv() {
            all_done = event == EngineEvent::AllDone;
            self.session.apply(event);
            if all_done || started.elapsed() >= EVENT_BUDGET {
                break;
            }
        }
        if all_done {
            self.finish_run(ctx);
        } else if started.elapsed() >= EVENT_BUDGET {
            // Events may be left over: come back next frame instead of waiting for a new wake.
            ctx.request_repaint();
        }
    }

    fn finish_run(&mut self, ctx: &egui::Context) {
        let ran_network = self.session.report.runs.iter().any(|r| r.id.starts_with("net."));
        if let Some(handle) = self.run.take() {
            // Dropping joins the engine thread, which may take a moment to shut its
            // runtime down; do that off the UI thread.
            let _ = std::thread::Builder::new().name("deskcheck-engine-drop".into()).spawn(move || drop(handle));
        }
        if std::mem::take(&mut self.cancelling) {
            self.status =
                Some(StatusLine::Success("Cancelled. Checks that had not finished are marked skipped.".into()));
        } else if ran_network {
            // After the verdict is on screen: look for rogue DHCP servers in the background.
            self.start_dhcp_probe(ctx);
        }
    }

    fn drain_jobs(&mut self, ctx: &egui::Context) {
        while let Some(result) = self.jobs.try_recv() {
            match result {
                JobResult::SaveTarget(Picked::Path(path)) => self.start_write(ctx, path),
                JobResult::SaveTarget(Picked::Cancelled) => {
                    self.saving = false;
                    self.status = None;
                }
                JobResult::SaveTarget(Picked::NoDialog) => {
                    self.saving = false;
                    self.status = Some(StatusLine::error(NO_DIALOG));
                }
                JobResult::Saved(Ok(written)) => {
                    self.saving = false;
                    self.status = Some(StatusLine::Saved {
                        path: written.path,
                        map_path: written.map_path,
                        bytes: written.bytes,
                    });
                }
                JobResult::Saved(Err(err)) => {
                    self.saving = false;
                    self.status = Some(StatusLine::error(format!("Could not save the bundle: {err}")));
                }
                JobResult::OpenTarget(Picked::Path(path)) => self.start_read(ctx, path),
                JobResult::OpenTarget(Picked::Cancelled) => {
                    self.opening = false;
                    self.status = None;
                }
                JobResult::OpenTarget(Picked::NoDialog) => {
                    self.opening = false;
                    self.status = Some(StatusLine::error(NO_DIALOG));
                }
                JobResult::Opened(Ok(bundle)) => {
                    self.opening = false;
                    self.viewing = Some(Viewing::new(*bundle));
                    self.filter = None;
                    self.status = None;
                    self.show_network = std::mem::take(&mut self.network_after_open);
                }
                JobResult::Opened(Err(err)) => {
                    self.opening = false;
                    self.status = Some(StatusLine::error(format!("Could not open the bundle: {err}")));
                }
            }
        }
    }

    /// The live report with the technician's notes, as it would be saved.
    fn report_for_saving(&self) -> Report {
        let mut report = self.session.report.clone();
        report.ticket = self.draft.ticket();
        report.notes = self.draft.notes.clone();
        report
    }

    fn controls(&self) -> Controls {
        let ran = self.session.finished && !self.session.report.runs.is_empty();
        let walked = !self.session.report.checklists.is_empty();
        let finished = self.run.is_none() && (ran || walked);
        Controls {
            running: self.run.is_some(),
            cancelling: self.cancelling,
            can_save: finished,
            saving: self.saving,
            can_copy: finished,
        }
    }

    fn apply(&mut self, action: Action, ctx: &egui::Context, frame: &eframe::Frame) {
        match action {
            Action::CheckEverything => self.start_run(ctx),
            Action::Cancel => {
                if let Some(run) = &self.run {
                    run.cancel();
                    self.cancelling = true;
                    self.status = Some(StatusLine::Busy("Cancelling…".into()));
                }
            }
            Action::SaveBundle => self.save(ctx, frame),
            Action::CopySummary => {
                let text = match &self.viewing {
                    Some(viewing) => viewing.summary.clone(),
                    // What goes into a ticket is scrubbed like the bundle, with the chosen profile.
                    None => bundle::summary_text(&bundle::redact_report(&self.report_for_saving(), self.privacy)),
                };
                ctx.copy_text(text);
                self.status = Some(StatusLine::Success("Copied the summary to the clipboard.".into()));
            }
            Action::OpenBundle => self.open(ctx, frame),
            Action::CloseBundle => {
                self.viewing = None;
                self.filter = None;
                self.status = None;
                self.show_network = false;
            }
            Action::ToggleNotes => self.notes_open = !self.notes_open,
            Action::Filter(area) => self.filter = area,
            Action::ShowNetwork(show) => self.show_network = show,
            Action::TraceTo(target) => self.start_manual_trace(ctx, network::ManualKind::Trace, target),
            Action::PingTo(target) => self.start_manual_trace(ctx, network::ManualKind::Ping, target),
            Action::StopTrace => {
                if let Some(trace) = &mut self.manual_trace {
                    trace.stop();
                }
            }
            Action::DhcpProbe => self.start_dhcp_probe(ctx),
            Action::Checklist(action) => self.apply_checklist(action, ctx),
            Action::OpenTool(name) => {
                self.tool = tools::open(&name, &self.session.report).map(|t| (t, Utc::now()));
            }
        }
    }

    fn apply_checklist(&mut self, action: ChecklistAction, ctx: &egui::Context) {
        match action {
            ChecklistAction::Open(id) => {
                let Some(found) = self.library.find(&id) else { return };
                let mut run = ChecklistRun::new(found.clone(), &self.config);
                run.ensure_probe(ctx, &self.config);
                run.record(&mut self.session.report);
                self.checklist = Some(run);
                self.show_network = false;
            }
            ChecklistAction::Close => {
                if let Some(mut run) = self.checklist.take() {
                    run.close();
                    run.record(&mut self.session.report);
                }
            }
            other => {
                if let Some(run) = &mut self.checklist {
                    run.apply(other, ctx, &self.config, &self.session.report);
                    run.record(&mut self.session.report);
                }
            }
        }
    }

    fn start_run(&mut self, ctx: &egui::Context) {
        if self.run.is_some() {
            return;
        }
        // A new run starts a new log, so the bundle's log.txt tells only this run's story.
        self.log.clear();
        // Checklists walked before this run stay in the report: their answers are not re-asked.
        let walked = std::mem::take(&mut self.session.report.checklists);
        let walked_runs: Vec<_> =
            self.session.report.runs.drain(..).filter(|r| r.id.starts_with("checklist.")).collect();
        self.session = Session::new(self.host.clone());
        self.session.report.checklists = walked;
        self.session.report.runs = walked_runs;
        self.session.report.notices = self
            .check_counts
            .iter()
            .filter(|(_, count)| *count == 0)
            .map(|(area, _)| format!("{}: not available yet — this version has no checks for this area.", area.title()))
            .collect();
        self.status = None;
        self.filter = None;
        let waker_ctx = ctx.clone();
        let waker: engine::Waker = Arc::new(move || waker_ctx.request_repaint());
        self.live.clear();
        match engine::start_with_live(self.checks.clone(), self.config.clone(), waker, self.live.clone()) {
            Ok(handle) => self.run = Some(handle),
            Err(err) => self.status = Some(StatusLine::error(format!("Could not start the checks: {err}"))),
        }
    }

    fn save(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if !self.controls().can_save || self.saving {
            return;
        }
        self.saving = true;
        match self.save_path.clone() {
            Some(path) => self.start_write(ctx, path),
            None => {
                // Under strict privacy the host name is hidden in the file name too.
                let host = Redactor::new(self.privacy, &self.host.hostname).text(&self.host.hostname);
                let name = bundle::default_file_name(&host, Utc::now());
                let directory = dirs::document_dir().or_else(dirs::home_dir);
                self.status = Some(StatusLine::Busy("Choose where to save the bundle…".into()));
                if let Err(err) = self.jobs.pick_save_path(ctx, frame, directory.as_deref(), &name) {
                    self.saving = false;
                    self.status = Some(StatusLine::error(format!("Could not open the save dialog: {err}")));
                }
            }
        }
    }

    fn start_write(&mut self, ctx: &egui::Context, path: PathBuf) {
        // The save dialog has already asked before overwriting; an injected path is the caller's choice.
        let options = WriteOptions { force: true, privacy: self.privacy };
        self.status = Some(StatusLine::Busy(format!("Saving to {}…", path.display())));
        if let Err(err) = self.jobs.write_bundle(ctx, self.report_for_saving(), self.log.clone(), path, options) {
            self.saving = false;
            self.status = Some(StatusLine::error(format!("Could not save the bundle: {err}")));
        }
    }

    fn open(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if self.opening {
            return;
        }
        self.opening = true;
        match self.open_path.clone() {
            Some(path) => self.start_read(ctx, path),
            None => {
                let directory = dirs::document_dir().or_else(dirs::home_dir);
                self.status = Some(StatusLine::Busy("Choose a bundle to open…".into()));
                if let Err(err) = self.jobs.pick_open_path(ctx, frame, directory.as_deref()) {
                    self.opening = false;
                    self.status = Some(StatusLine::error(format!("Could not open the file dialog: {err}")));
                }
            }
        }
    }

    fn start_read(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.status = Some(StatusLine::Busy(format!("Opening {}…", path.display())));
        if let Err(err) = self.jobs.read_bundle(ctx, path) {
            self.opening = false;
            self.status = Some(StatusLine::error(format!("Could not open the bundle: {err}")));
        }
    }

    fn live_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let controls = self.controls();
        home::controls_ui(ui, controls, &mut self.privacy, actions);
        status_ui(ui, self.status.as_ref());
        ui.add_space(6.0);
        home::progress_ui(ui, &self.session, controls.running);
        ui.add_space(10.0);
        if self.show_network {
            let live = self.live.snapshot();
            let pending = self.pending_checks();
            let view = NetworkView {
                report: &self.session.report,
                live: &live,
                pending: &pending,
                interactive: true,
                dhcp_listen_ms: self.config.network.dhcp_listen_ms,
            };
            network::network_ui(ui, &view, &mut self.net_input, actions);
            return;
        }
        if let Some(run) = &mut self.checklist {
            let mut text = std::mem::take(&mut run.text);
            checklist_view::step_ui(ui, &run.view(), &mut text, actions);
            run.text = text;
            return;
        }
        home::areas_ui(ui, &self.session, &self.check_counts, self.filter, CardsFor::Live, true, actions);
        ui.add_space(12.0);
        checklist_view::list_ui(ui, &self.library.checklists, &self.library.problems, actions);
        ui.add_space(12.0);
        let report = &self.session.report;
        if let Some(verdict) = &report.verdict {
            results::verdict_ui(ui, verdict);
            ui.add_space(8.0);
        }
        let header = ResultsHeader {
            tally: self.session.finished,
            // The notices about areas without checks would repeat what the cards say.
            notices: false,
            empty_text: "No results yet. Press “Check everything” to start.",
        };
        results::results_ui(ui, report, self.filter, &header, actions);
    }

    fn viewing_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(viewing) = &self.viewing else { return };
        bundle_view::header_ui(ui, viewing, actions);
        status_ui(ui, self.status.as_ref());
        ui.add_space(8.0);
        let report = &viewing.session.report;
        let has_network = network::has_network(report);
        if self.show_network && has_network {
            // A saved bundle: nothing live, nothing to start.
            let view = NetworkView { report, live: &[], pending: &[], interactive: false, dhcp_listen_ms: 0 };
            network::network_ui(ui, &view, &mut self.net_input, actions);
            return;
        }
        bundle_view::facts_ui(ui, viewing);
        ui.add_space(10.0);
        let counts = home::counts_by_area(report.runs.iter().map(|r| r.category));
        home::areas_ui(ui, &viewing.session, &counts, self.filter, CardsFor::SavedBundle, has_network, actions);
        ui.add_space(12.0);
        if let Some(verdict) = &report.verdict {
            results::verdict_ui(ui, verdict);
            ui.add_space(8.0);
        }
        let header = ResultsHeader { tally: true, notices: true, empty_text: "This bundle has no results." };
        results::results_ui(ui, report, self.filter, &header, actions);
        ui.add_space(8.0);
        bundle_view::log_ui(ui, viewing);
    }
}

impl eframe::App for DeskcheckApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if !self.live_waker_set {
            let waker_ctx = ctx.clone();
            self.live.set_waker(Arc::new(move || waker_ctx.request_repaint()));
            self.live_waker_set = true;
        }
        if let Some(path) = self.open_at_start.take() {
            self.opening = true;
            self.start_read(ctx, path);
        }
        self.drain_engine(ctx);
        self.drain_probe(ctx);
        self.drain_jobs(ctx);
        self.drain_manual_trace();
        if let Some(rx) = &self.library_rx
            && let Ok(library) = rx.try_recv()
        {
            self.library = library;
            self.library_rx = None;
            if let Some(id) = self.start_checklist.take() {
                self.apply_checklist(ChecklistAction::Open(id), ctx);
            }
        }
        if let Some(run) = &mut self.checklist
            && run.drain()
        {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let mut actions = Vec::new();
        let organisation = self.config.organisation.clone();
        Panel::top("header").show(ui, |ui| {
            ui.add_space(4.0);
            home::header_ui(ui, organisation.as_deref(), self.notes_open, self.opening, &mut actions);
            ui.add_space(2.0);
        });
        let viewing = self.viewing.as_ref();
        let draft = &mut self.draft;
        Panel::right("technician-notes").resizable(true).default_size(320.0).show_collapsible(
            ui,
            &mut self.notes_open,
            |ui| match viewing {
                Some(viewing) => {
                    let report = &viewing.session.report;
                    notes::notes_readonly_ui(ui, report.ticket.as_deref(), &report.notes);
                }
                None => notes::notes_edit_ui(ui, draft),
            },
        );
        if let Some((tool, started_at)) = &mut self.tool {
            let finished = CentralPanel::default().show(ui, |ui| tool.ui(ui)).inner;
            if let Some(report) = finished {
                let run = tools::report_run(&report, *started_at);
                let runs = &mut self.session.report.runs;
                runs.retain(|r| r.id != run.id);
                runs.push(run);
                self.tool = None;
            }
            return;
        }
        if let Some(run) = &mut self.checklist
            && let Some(tool) = run.tool_mut()
        {
            let finished = CentralPanel::default().show(ui, |ui| tool.ui(ui)).inner;
            if let Some(report) = finished {
                run.tool_finished(report);
                run.record(&mut self.session.report);
            }
            return;
        }
        CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                if self.viewing.is_some() {
                    self.viewing_ui(ui, &mut actions);
                } else {
                    self.live_ui(ui, &mut actions);
                }
            });
        });
        let ctx = ui.ctx().clone();
        for action in actions {
            self.apply(action, &ctx, frame);
        }
    }
}
