//! The engine: a tokio runtime on its own thread that runs checks concurrently,
//! each under its own timeout, with panics caught and cancellation, and streams
//! `EngineEvent`s to whoever drives it (GUI, CLI, tests).

use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::Utc;
use tokio::sync::watch;

use crate::checks::{CheckBox, CheckCx, CheckError, CheckResult, RunBoard};
use crate::config::Config;
use crate::model::{Category, CheckRun, Outcome};
use crate::net::live::LiveBoard;

/// Called whenever an event is queued; the GUI passes `ctx.request_repaint()`,
/// so it repaints only when something changed. The CLI passes a no-op.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

#[derive(Debug, Clone, PartialEq)]
pub enum EngineEvent {
    /// Sent for every check before any starts, so views can list what is coming.
    Planned {
        id: String,
        title: String,
        category: Category,
    },
    Started {
        id: String,
    },
    Progress {
        id: String,
        note: String,
    },
    Finished(Box<CheckRun>),
    AllDone,
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("could not start the check runtime: {0}")]
    Runtime(std::io::Error),
    #[error("could not start the engine thread: {0}")]
    Thread(std::io::Error),
}

/// A run in progress. Dropping it cancels what is still running.
pub struct RunHandle {
    events: mpsc::Receiver<EngineEvent>,
    cancel: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl RunHandle {
    /// Next event if one is queued; never blocks (for the UI thread).
    pub fn try_recv(&self) -> Option<EngineEvent> {
        self.events.try_recv().ok()
    }

    /// Wait for the next event; `None` once the run has ended and all events were read.
    pub fn recv(&self) -> Option<EngineEvent> {
        self.events.recv().ok()
    }

    /// Ask every running check to stop; each ends as Skipped ("cancelled").
    pub fn cancel(&self) {
        // A send error means the run already ended: nothing left to cancel.
        let _ = self.cancel.send(true);
    }
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.cancel();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Start running `checks` on a fresh runtime thread.
pub fn start(checks: Vec<CheckBox>, config: Arc<Config>, waker: Waker) -> Result<RunHandle, EngineError> {
    start_with_live(checks, config, waker, LiveBoard::new())
}

/// Like `start`, with a board the caller reads live probe snapshots from.
pub fn start_with_live(
    checks: Vec<CheckBox>,
    config: Arc<Config>,
    waker: Waker,
    live: Arc<LiveBoard>,
) -> Result<RunHandle, EngineError> {
    let (tx, rx) = mpsc::channel();
    let (cancel_tx, cancel_rx) = watch::channel(false);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("deskcheck-engine")
        .enable_all()
        .build()
        .map_err(EngineError::Runtime)?;
    let thread = std::thread::Builder::new()
        .name("deskcheck-engine-main".into())
        .spawn(move || {
            let emit = Emitter { tx, waker };
            runtime.block_on(run_all(checks, config, emit, cancel_rx, live));
            // Checks that block a thread past their timeout must not hold up the caller.
            runtime.shutdown_timeout(Duration::from_millis(200));
        })
        .map_err(EngineError::Thread)?;
    Ok(RunHandle { events: rx, cancel: cancel_tx, thread: Some(thread) })
}

/// Run one probe a person asked for by hand (`checks::manual`: "Trace to…", "Ping",
/// `deskcheck ping`/`trace`) the way every check runs: on the engine's runtime, under its
/// own timeout, with its panic caught, cancelled by `RunHandle::cancel` or by dropping the
/// handle, its snapshots on `live`, and its events (ending with `Finished`) on the handle.
pub fn start_manual(
    check: CheckBox,
    config: Arc<Config>,
    waker: Waker,
    live: Arc<LiveBoard>,
) -> Result<RunHandle, EngineError> {
    start_with_live(vec![check], config, waker, live)
}

/// Run to completion on the calling thread, collecting every finished run
/// (for tests and simple callers; `start` is the streaming form).
pub fn run_blocking(checks: Vec<CheckBox>, config: Arc<Config>) -> Result<Vec<CheckRun>, EngineError> {
    let handle = start(checks, config, Arc::new(|| {}))?;
    let mut runs = Vec::new();
    while let Some(event) = handle.recv() {
        match event {
            EngineEvent::Finished(run) => runs.push(*run),
            EngineEvent::AllDone => break,
            _ => {}
        }
    }
    Ok(runs)
}

#[derive(Clone)]
struct Emitter {
    tx: mpsc::Sender<EngineEvent>,
    waker: Waker,
}

impl Emitter {
    fn send(&self, event: EngineEvent) {
        // The receiver is gone only when the caller dropped the run; then nobody listens.
        if self.tx.send(event).is_ok() {
            (self.waker)();
        }
    }
}

async fn run_all(
    checks: Vec<CheckBox>,
    config: Arc<Config>,
    emit: Emitter,
    cancel: watch::Receiver<bool>,
    live: Arc<LiveBoard>,
) {
    for check in &checks {
        let m = check.meta();
        emit.send(EngineEvent::Planned { id: m.id.into(), title: m.title.into(), category: m.category });
    }
    let board = RunBoard::new(checks.iter().map(|c| c.meta().id));
    // The network verdict has a deadline: checks still running then end as timed out,
    // so the verdict never waits for the slowest probe of a broken network.
    let deadline = Instant::now() + Duration::from_millis(config.network.suite_deadline_ms);
    let mut tasks = tokio::task::JoinSet::new();
    for check in checks {
        let emit = emit.clone();
        let config = config.clone();
        let cancel = cancel.clone();
        let bounded = check.meta().category == Category::Network && !check.background();
        let ctx =
            RunCtx { emit, cancel, live: live.clone(), board: board.clone(), deadline: bounded.then_some(deadline) };
        tasks.spawn(run_one(check, config, ctx));
    }
    // Report in completion order: fast checks show up first.
    while tasks.join_next().await.is_some() {}
    tracing::info!("all checks done");
    emit.send(EngineEvent::AllDone);
}

/// What the engine hands each check's runner besides the check and config.
struct RunCtx {
    emit: Emitter,
    cancel: watch::Receiver<bool>,
    live: Arc<LiveBoard>,
    board: Arc<RunBoard>,
    /// The suite deadline this check must finish by, if it is bound by one.
    deadline: Option<Instant>,
}

/// Runs one check with timeout, panic capture and cancellation, and emits its events.
async fn run_one(check: CheckBox, config: Arc<Config>, ctx: RunCtx) {
    let RunCtx { emit, mut cancel, live, board, deadline } = ctx;
    let meta = check.meta().clone();
    let id = meta.id.to_string();
    emit.send(EngineEvent::Started { id: id.clone() });
    tracing::info!(check = %id, "started");
    let started_at = Utc::now();
    let clock = Instant::now();

    let progress_emit = emit.clone();
    let progress_id = id.clone();
    let cx = CheckCx::new(
        config,
        Arc::new(move |note: &str| {
            progress_emit.send(EngineEvent::Progress { id: progress_id.clone(), note: note.to_string() })
        }),
    )
    .with_live(live)
    .with_runs(board.clone());
    // Its own timeout, or what is left until the suite deadline if that comes first.
    let timeout = match deadline {
        Some(d) => meta.timeout.min(d.saturating_duration_since(Instant::now())),
        None => meta.timeout,
    };
    let partial_cx = cx.clone();
    // The check runs in its own task so a panic stays inside it.
    let task = tokio::spawn(async move { check.run(&cx).await });
    let abort = task.abort_handle();
    let outcome = tokio::select! {
        joined = tokio::time::timeout(timeout, task) => match joined {
            Ok(Ok(result)) => Ok(result),
            Ok(Err(join_err)) if join_err.is_panic() => Err(Outcome::Errored {
                message: format!("the check crashed: {}", panic_message(&*join_err.into_panic())),
            }),
            Ok(Err(join_err)) => Err(Outcome::Errored { message: format!("the check was stopped: {join_err}") }),
            Err(_) => {
                abort.abort();
                Err(Outcome::TimedOut { after_ms: timeout.as_millis() as u64 })
            }
        },
        _ = cancelled(&mut cancel) => {
            abort.abort();
            Err(Outcome::skipped(crate::msg!("common-cancelled-by-user")))
        }
    };

    let mut run = CheckRun {
        id: id.clone(),
        title: meta.title.to_string(),
        category: meta.category,
        outcome: Outcome::Completed,
        findings: Vec::new(),
        started_at,
        duration_ms: clock.elapsed().as_millis() as u64,
        data: serde_json::Value::Null,
        attachments: Vec::new(),
    };
    match outcome {
        Ok(Ok(CheckResult { findings, data, data_check, attachments })) => {
            // A check writes its own data type; another check's type is a bug in the check.
            debug_assert!(
                data_check.is_none_or(|owner| owner == meta.id),
                "{} wrote the data type of {data_check:?}",
                meta.id
            );
            run.findings = findings;
            run.data = data;
            run.attachments = attachments;
        }
        Ok(Err(err)) => {
            run.outcome = match err {
                CheckError::Unsupported(reason) => Outcome::Unsupported { reason, msg: None },
                CheckError::Skipped(reason) => Outcome::Skipped { reason, msg: None },
                CheckError::UnsupportedMsg(msg) => Outcome::unsupported(msg),
                CheckError::SkippedMsg(msg) => Outcome::skipped(msg),
                CheckError::Failed(message) => Outcome::Errored { message },
            }
        }
        Err(outcome) => {
            // Cut off: keep what it had (the ping replies so far), so the report shows it.
            if matches!(outcome, Outcome::TimedOut { .. }) {
                let partial = partial_cx.take_partial();
                debug_assert!(
                    partial.data_check.is_none_or(|owner| owner == meta.id),
                    "{} kept the data type of {:?}",
                    meta.id,
                    partial.data_check
                );
                run.data = partial.data;
            }
            run.outcome = outcome;
        }
    }
    match &run.outcome {
        Outcome::Completed => {
            tracing::info!(check = %id, duration_ms = run.duration_ms, findings = run.findings.len(), "finished")
        }
        other => {
            tracing::warn!(check = %id, duration_ms = run.duration_ms, outcome = other.label(), reason = other.reason().unwrap_or_default(), "did not complete")
        }
    }
    // Dependants learn the outcome before the views do: they may be waiting on it.
    board.publish(&run);
    emit.send(EngineEvent::Finished(Box::new(run)));
}

async fn cancelled(cancel: &mut watch::Receiver<bool>) {
    // If the sender is gone the run is being torn down: treat as cancelled.
    let _ = cancel.wait_for(|c| *c).await;
}

/// The text of a caught panic (what `panic!` was given), for error lines.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing;

    fn run(names: &[&str]) -> Vec<CheckRun> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        run_blocking(testing::by_names(&names).unwrap(), Arc::new(Config::default())).unwrap()
    }

    #[test]
    fn panic_and_timeouts_do_not_spoil_the_others() {
        let started = Instant::now();
        let runs = run(&["pass", "panic", "sleep", "block", "slow"]);
        assert_eq!(runs.len(), 5);
        let by_id = |id: &str| runs.iter().find(|r| r.id == id).unwrap();
        assert_eq!(by_id("test.pass").outcome, Outcome::Completed);
        assert_eq!(by_id("test.slow").outcome, Outcome::Completed);
        match &by_id("test.panic").outcome {
            Outcome::Errored { message } => assert!(message.contains("panicked on purpose"), "{message}"),
            other => panic!("expected Errored, got {other:?}"),
        }
        assert_eq!(by_id("test.sleep").outcome, Outcome::TimedOut { after_ms: 300 });
        assert_eq!(by_id("test.block").outcome, Outcome::TimedOut { after_ms: 300 });
        // Concurrency: the whole set takes about as long as the slowest (1 s), not the sum.
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    /// What the slow test check has when the deadline cuts it off.
    #[derive(serde::Serialize, serde::Deserialize)]
    struct SoFar {
        so_far: String,
    }

    impl crate::model::CheckData for SoFar {
        const CHECK_ID: &'static str = "net.test.slow";
    }

    /// A network check for the deadline and run-board tests.
    struct NetCheck {
        meta: crate::checks::CheckMeta,
        sleep: Duration,
        background: bool,
        /// Wait for this check's run and report its first finding's title.
        reads: Option<&'static str>,
    }

    #[async_trait::async_trait]
    impl crate::checks::Check for NetCheck {
        fn meta(&self) -> &crate::checks::CheckMeta {
            &self.meta
        }
        fn background(&self) -> bool {
            self.background
        }
        async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
            let mut findings = Vec::new();
            if let Some(dep) = self.reads {
                let run = cx.runs.outcome(dep).await.ok_or_else(|| CheckError::Failed(format!("{dep} not planned")))?;
                findings.push(crate::model::Finding::new(crate::model::Severity::Info, "read", &run.findings[0].title));
            }
            cx.record_partial(&SoFar { so_far: "half".into() });
            tokio::time::sleep(self.sleep).await;
            findings.push(crate::model::Finding::new(crate::model::Severity::Fail, "done", "done"));
            Ok(CheckResult::new(findings))
        }
    }

    fn net_check(id: &'static str, sleep_ms: u64, background: bool, reads: Option<&'static str>) -> CheckBox {
        Arc::new(NetCheck {
            meta: crate::checks::CheckMeta {
                id,
                title: id,
                category: Category::Network,
                description: "test",
                timeout: Duration::from_secs(10),
                needs: crate::checks::Needs::default(),
            },
            sleep: Duration::from_millis(sleep_ms),
            background,
            reads,
        })
    }

    #[test]
    fn the_suite_deadline_ends_slow_network_checks_but_not_background_ones() {
        let mut config = Config::default();
        config.network.suite_deadline_ms = 300;
        let started = Instant::now();
        let runs = run_blocking(
            vec![
                net_check("net.test.slow", 5_000, false, None),
                net_check("net.test.quick", 10, false, None),
                net_check("net.test.background", 600, true, None),
            ],
            Arc::new(config),
        )
        .unwrap();
        let by_id = |id: &str| runs.iter().find(|r| r.id == id).unwrap();
        // Ended at the deadline (what was left of 300 ms when it started), not its own 10 s.
        assert!(
            matches!(by_id("net.test.slow").outcome, Outcome::TimedOut { after_ms } if (250..=300).contains(&after_ms)),
            "{:?}",
            by_id("net.test.slow").outcome
        );
        // What it had when it was cut off is kept.
        assert_eq!(by_id("net.test.slow").data, serde_json::json!({ "so_far": "half" }));
        assert_eq!(by_id("net.test.quick").outcome, Outcome::Completed);
        assert_eq!(by_id("net.test.background").outcome, Outcome::Completed);
        // The slow check's own 10 s timeout was not waited for.
        assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    }

    #[test]
    fn a_check_reads_the_run_it_depends_on_as_soon_as_it_finished() {
        let runs = run_blocking(
            vec![
                net_check("net.test.reader", 0, false, Some("net.test.lower")),
                net_check("net.test.lower", 50, false, None),
                // A dependency that is not part of the run: the reader is told at once.
                net_check("net.test.orphan", 0, false, Some("net.test.absent")),
            ],
            Arc::new(Config::default()),
        )
        .unwrap();
        let reader = runs.iter().find(|r| r.id == "net.test.reader").unwrap();
        assert_eq!(reader.outcome, Outcome::Completed);
        assert_eq!(reader.findings[0].summary, "done", "{reader:?}");
        let orphan = runs.iter().find(|r| r.id == "net.test.orphan").unwrap();
        assert!(matches!(&orphan.outcome, Outcome::Errored { message } if message.contains("not planned")));
    }

    #[test]
    fn cancel_ends_running_checks_as_skipped() {
        let handle =
            start(testing::by_names(&["slow".into()]).unwrap(), Arc::new(Config::default()), Arc::new(|| {})).unwrap();
        let mut runs = Vec::new();
        while let Some(event) = handle.recv() {
            match event {
                EngineEvent::Started { .. } => handle.cancel(),
                EngineEvent::Finished(run) => runs.push(*run),
                EngineEvent::AllDone => break,
                _ => {}
            }
        }
        assert_eq!(runs.len(), 1);
        assert!(matches!(&runs[0].outcome, Outcome::Skipped { reason, .. } if reason.contains("cancelled")));
    }

    #[test]
    fn waker_fires_for_each_event() {
        let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let c = count.clone();
        let handle = start(
            testing::by_names(&["pass".into()]).unwrap(),
            Arc::new(Config::default()),
            Arc::new(move || {
                c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }),
        )
        .unwrap();
        let mut events = 0;
        while let Some(event) = handle.recv() {
            events += 1;
            if event == EngineEvent::AllDone {
                break;
            }
        }
        // Planned, Started, Finished, AllDone: one wake each. The last wake follows its send,
        // so wait for the engine thread (dropping the handle joins it) before counting.
        drop(handle);
        assert_eq!(events, 4);
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 4);
    }
}
