//! The Network panel: the live probe board it draws, what the user typed into it, the
//! background DHCP-server probe and the manual "Trace to…".

use std::sync::Arc;

use eframe::egui::{self, Ui};

use crate::checks;
use crate::config::Config;
use crate::engine::{self, EngineEvent, RunHandle};
use crate::gui::manual_trace::{ManualTrace, TraceEnd};
use crate::gui::views::Action;
use crate::gui::views::network::{self, ManualTraceView, NetworkInput, NetworkView};
use crate::model::Report;
use crate::net::live::LiveBoard;
use crate::t;

pub struct NetworkPart {
    /// Live probe snapshots (RTT series, hop tables) that the Network view draws.
    pub live: Arc<LiveBoard>,
    live_waker_set: bool,
    /// Whether the Network view is showing.
    pub show: bool,
    /// Show the Network view once the bundle opened at start is open.
    pub show_after_open: bool,
    pub input: NetworkInput,
    /// The background DHCP-server probe, merged into the report when it ends.
    probe_run: Option<RunHandle>,
    /// The trace the user asked for with "Trace to…"; replacing it cancels the old one.
    manual_trace: Option<ManualTrace>,
    /// Numbers manual traces, so each has its own key on the live board.
    trace_serial: u64,
}

impl NetworkPart {
    pub fn new(show: bool, show_after_open: bool) -> Self {
        Self {
            live: LiveBoard::new(),
            live_waker_set: false,
            show,
            show_after_open,
            input: NetworkInput::default(),
            probe_run: None,
            manual_trace: None,
            trace_serial: 0,
        }
    }

    /// Whether the background DHCP probe is still out.
    pub fn probing_dhcp(&self) -> bool {
        self.probe_run.is_some()
    }

    /// Whether the "Trace to…" trace is still running.
    pub fn tracing(&self) -> bool {
        self.manual_trace.as_ref().is_some_and(ManualTrace::is_running)
    }

    /// Collects the DHCP probe's result into `report` and how the manual trace ended.
    pub fn drain(&mut self, ctx: &egui::Context, report: &mut Report) {
        if !self.live_waker_set {
            let waker_ctx = ctx.clone();
            self.live.set_waker(Arc::new(move || waker_ctx.request_repaint()));
            self.live_waker_set = true;
        }
        self.drain_probe(ctx, report);
        if let Some(trace) = &mut self.manual_trace
            && let Some(TraceEnd::Failed(message)) = trace.poll()
        {
            self.input.trace_error = Some(message);
        }
        self.sync_manual_trace();
    }

    fn drain_probe(&mut self, ctx: &egui::Context, report: &mut Report) {
        let Some(probe) = &self.probe_run else { return };
        let mut done = false;
        while let Some(event) = probe.try_recv() {
            match event {
                EngineEvent::Finished(run) => {
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
            self.input.probing_dhcp = false;
            ctx.request_repaint();
        }
    }

    /// Looks for DHCP servers in the background (once at a time).
    pub fn start_dhcp_probe(&mut self, ctx: &egui::Context, config: &Arc<Config>) -> Result<(), String> {
        if self.probe_run.is_some() {
            return Ok(());
        }
        let waker_ctx = ctx.clone();
        let waker: engine::Waker = Arc::new(move || waker_ctx.request_repaint());
        let handle =
            engine::start_with_live(vec![checks::network::dhcp_probe()], config.clone(), waker, self.live.clone())
                .map_err(|err| t!("gui-err-start-dhcp-probe", error = err.to_string()))?;
        self.probe_run = Some(handle);
        self.input.probing_dhcp = true;
        Ok(())
    }

    /// Trace or ping what the user typed, on the engine; bad input never starts anything.
    pub fn start_manual_trace(
        &mut self,
        ctx: &egui::Context,
        config: &Arc<Config>,
        kind: network::ManualKind,
        target: String,
    ) {
        if let Err(err) = network::validate_trace_target(&target) {
            self.input.trace_error = Some(err);
            return;
        }
        self.input.trace_error = None;
        self.trace_serial += 1;
        // Dropping the old handle cancels its trace: only the newest one runs.
        self.manual_trace = None;
        match ManualTrace::start(ctx, config.clone(), self.live.clone(), kind, target, self.trace_serial) {
            Ok(trace) => self.manual_trace = Some(trace),
            Err(err) => self.input.trace_error = Some(err),
        }
        self.sync_manual_trace();
    }

    pub fn stop_trace(&mut self) {
        if let Some(trace) = &mut self.manual_trace {
            trace.stop();
        }
    }

    fn sync_manual_trace(&mut self) {
        self.input.manual = self.manual_trace.as_ref().map(|t| ManualTraceView {
            kind: t.kind,
            key: t.key.clone(),
            target: t.target.clone(),
            running: t.is_running(),
        });
    }

    /// The Network view of the live session.
    pub fn live_ui(
        &mut self,
        ui: &mut Ui,
        report: &Report,
        pending: &[String],
        config: &Config,
        actions: &mut Vec<Action>,
    ) {
        let live = self.live.snapshot();
        let view = NetworkView {
            report,
            live: &live,
            pending,
            interactive: true,
            dhcp_listen_ms: config.network.dhcp_listen_ms,
        };
        network::network_ui(ui, &view, &mut self.input, actions);
    }

    /// The Network view of a saved bundle: nothing live, nothing to start.
    pub fn saved_ui(&mut self, ui: &mut Ui, report: &Report, actions: &mut Vec<Action>) {
        let view = NetworkView { report, live: &[], pending: &[], interactive: false, dhcp_listen_ms: 0 };
        network::network_ui(ui, &view, &mut self.input, actions);
    }
}
