//! "Trace to…" and "Ping": one probe the user asked for. It runs on the engine like every
//! other probe (`engine::start_manual`: its own timeout, a caught panic, cancellation),
//! publishes its snapshots to the live board under its own key, and reports how it ended
//! through the engine's events. Dropping the handle cancels the probe, so starting a
//! second one replaces the first.

use std::sync::Arc;
use std::time::Duration;

use eframe::egui;

use crate::checks::CheckBox;
use crate::checks::manual::{ManualPing, ManualTrace as ManualTraceCheck};
use crate::config::Config;
use crate::engine::{self, EngineEvent, RunHandle};
use crate::gui::views::network::ManualKind;
use crate::model::Outcome;
use crate::net::live::LiveBoard;
use crate::net::{ping, trace};
use crate::{i18n, t};

/// Probes per hop: enough for mtr-style loss and jitter figures.
const PROBES_PER_HOP: u32 = 10;
/// Time between two probes to the destination (routers are paced by their ICMP budget).
const ROUND_INTERVAL: Duration = Duration::from_millis(100);

/// How a manual probe ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceEnd {
    Finished,
    /// Why it could not run (name lookup, socket), in words for the inline message.
    Failed(String),
    Cancelled,
}

/// A running (or finished) manual trace or ping; dropping it cancels the probe.
pub struct ManualTrace {
    pub kind: ManualKind,
    /// Where its snapshots appear on the live board.
    pub key: String,
    /// What the user typed.
    pub target: String,
    run: Option<RunHandle>,
    running: bool,
}

impl ManualTrace {
    /// Start a trace or ping to `target` (already validated). `serial` keeps each probe's
    /// board key unique, so a replaced probe's last snapshot can never overwrite the new one.
    pub fn start(
        ctx: &egui::Context,
        config: Arc<Config>,
        board: Arc<LiveBoard>,
        kind: ManualKind,
        target: String,
        serial: u64,
    ) -> Result<Self, String> {
        let (key, check): (String, CheckBox) = match kind {
            ManualKind::Trace => {
                let key = format!("manual trace {serial}: {target}");
                let options = trace::TraceOptions {
                    probes_per_hop: PROBES_PER_HOP,
                    // A live table to watch: the destination's row fills in over about a second.
                    round_interval: ROUND_INTERVAL,
                    ..trace::TraceOptions::default()
                };
                (key.clone(), Arc::new(ManualTraceCheck::new(target.clone(), options, key)))
            }
            ManualKind::Ping => {
                let key = format!("manual ping {serial}: {target}");
                let options = ping::PingOptions {
                    count: config.network.ping_count.max(1),
                    interval: Duration::from_millis(config.network.ping_interval_ms),
                    timeout: Duration::from_millis(config.network.probe_timeout_ms),
                    ..ping::PingOptions::default()
                };
                (key.clone(), Arc::new(ManualPing::new(target.clone(), options, key)))
            }
        };
        let ctx = ctx.clone();
        let run = engine::start_manual(check, config, Arc::new(move || ctx.request_repaint()), board)
            .map_err(|err| t!("netview-manual-could-not-start", error = err.to_string()))?;
        Ok(Self { kind, key, target, run: Some(run), running: true })
    }

    /// How it ended, once, when it has; never blocks.
    pub fn poll(&mut self) -> Option<TraceEnd> {
        let run = self.run.as_ref()?;
        while let Some(event) = run.try_recv() {
            if let EngineEvent::Finished(finished) = event {
                self.running = false;
                let lang = i18n::current();
                return Some(match &finished.outcome {
                    Outcome::Completed => TraceEnd::Finished,
                    Outcome::Skipped { .. } => TraceEnd::Cancelled,
                    other => TraceEnd::Failed(other.reason_in(lang).unwrap_or_else(|| other.label_in(lang))),
                });
            }
        }
        None
    }

    /// Ask the probe to stop; it reports `Cancelled` through `poll`.
    pub fn stop(&mut self) {
        if let Some(run) = &self.run {
            run.cancel();
        }
    }

    pub fn is_running(&self) -> bool {
        self.running
    }
}

impl Drop for ManualTrace {
    /// Cancels the probe. Dropping a run handle waits for the engine's thread to wind down
    /// (up to a few hundred ms): that wait happens on a thread of its own, not the UI's.
    fn drop(&mut self) {
        if let Some(run) = self.run.take() {
            run.cancel();
            // Should the thread not start, the closure (and the handle) is dropped here instead.
            let _ = std::thread::Builder::new().name("deskcheck-probe-end".into()).spawn(move || drop(run));
        }
    }
}
