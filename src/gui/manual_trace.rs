//! "Trace to…": one traceroute the user asked for. It resolves the name and traces on its
//! own thread (a current-thread tokio runtime), publishing hop snapshots to the live board
//! under its own key, and reports how it ended over a channel. Dropping the handle cancels
//! the trace, so starting a second one replaces the first.

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use eframe::egui;
use tokio::sync::{oneshot, watch};

use crate::engine::panic_message;
use crate::net::live::{self, LiveBoard, LiveSnapshot};
use crate::net::{dns, trace};

/// How long the name lookup may take before the trace gives up.
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(3);

/// Probes per hop: enough for mtr-style loss and jitter figures.
const PROBES_PER_HOP: u32 = 10;
/// Time between two probes to the destination (routers are paced by their ICMP budget).
const ROUND_INTERVAL: Duration = Duration::from_millis(100);

/// How a manual trace ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceEnd {
    Finished,
    /// Why it could not run (name lookup, socket), in words for the inline message.
    Failed(String),
    Cancelled,
}

/// A running (or finished) manual trace; dropping it cancels the trace.
pub struct ManualTrace {
    /// Where its snapshots appear on the live board.
    pub key: String,
    /// What the user typed.
    pub target: String,
    ended: mpsc::Receiver<TraceEnd>,
    /// Dropping the sender wakes the trace thread's `select!`, which then stops.
    cancel: Option<oneshot::Sender<()>>,
    running: bool,
}

impl ManualTrace {
    /// Start tracing to `target` (already validated). `serial` keeps each trace's board
    /// key unique, so a replaced trace's last snapshot can never overwrite the new one.
    pub fn start(ctx: &egui::Context, board: Arc<LiveBoard>, target: String, serial: u64) -> Result<Self, String> {
        let key = format!("manual trace {serial}: {target}");
        let (end_tx, ended) = mpsc::channel();
        let (cancel, cancelled) = oneshot::channel();
        let thread_key = key.clone();
        let thread_target = target.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("deskcheck-trace".into())
            .spawn(move || {
                let job = || run(board, thread_key, thread_target, cancelled);
                let end = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).unwrap_or_else(|payload| {
                    TraceEnd::Failed(format!("the trace crashed: {}", panic_message(&*payload)))
                });
                // A send error means the window closed or a newer trace replaced this one.
                if end_tx.send(end).is_ok() {
                    ctx.request_repaint();
                }
            })
            .map_err(|err| format!("Could not start the trace: {err}"))?;
        Ok(Self { key, target, ended, cancel: Some(cancel), running: true })
    }

    /// How it ended, once, when it has; never blocks.
    pub fn poll(&mut self) -> Option<TraceEnd> {
        let end = self.ended.try_recv().ok()?;
        self.running = false;
        Some(end)
    }

    /// Ask the trace to stop; it reports `Cancelled` through `poll`.
    pub fn stop(&mut self) {
        self.cancel = None;
    }

    pub fn is_running(&self) -> bool {
        self.running
    }
}

fn run(board: Arc<LiveBoard>, key: String, target: String, cancelled: oneshot::Receiver<()>) -> TraceEnd {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => return TraceEnd::Failed(format!("Could not start the trace: {err}")),
    };
    runtime.block_on(async move {
        tokio::select! {
            result = resolve_and_trace(&board, &key, &target) => match result {
                Ok(()) => TraceEnd::Finished,
                Err(message) => TraceEnd::Failed(message),
            },
            // Either a "stop" or the handle being dropped (replaced, window closed).
            _ = cancelled => TraceEnd::Cancelled,
        }
    })
}

async fn resolve_and_trace(board: &Arc<LiveBoard>, key: &str, target: &str) -> Result<(), String> {
    let addresses = dns::resolve_host(target, RESOLVE_TIMEOUT).await.map_err(|err| err.to_string())?;
    let ip = *addresses.first().ok_or_else(|| format!("no address found for {target}"))?;
    let options = trace::TraceOptions {
        probes_per_hop: PROBES_PER_HOP,
        // A live table to watch: the destination's row fills in over about a second.
        round_interval: ROUND_INTERVAL,
        ..trace::TraceOptions::default()
    };
    // The table appears at once ("tracing…"), before the first hop answers.
    let first = trace::TraceSnapshot::empty(ip, options.protocol);
    board.publish(key, LiveSnapshot::Trace(first.clone()));
    let (tx, rx) = watch::channel(first);
    live::forward_trace(board.clone(), key.to_string(), rx);
    let last = trace::trace(ip, &options, Some(&tx))
        .await
        .map_err(|err| format!("Could not trace the path: {err} (to {target})"))?;
    board.publish(key, LiveSnapshot::Trace(last));
    Ok(())
}
