//! Quick technician commands: `deskcheck ping HOST` and `deskcheck trace HOST`. Each runs
//! one manual check on the engine (`engine::start_manual`), like every other probe: its own
//! timeout, a caught panic, Ctrl-C as cancellation. Ping lines stream from the live board
//! as replies arrive; the final result is the run's typed data.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Context;

use super::output::{self, PingOutput, TraceOutput};
use super::{Cli, EXIT_FAIL, EXIT_OK, EXIT_WARN, PingArgs, TraceArgs, load_config};
use crate::checks::manual::{ManualPing, ManualPingData, ManualTrace, ManualTraceData};
use crate::engine::{self, EngineEvent, RunHandle};
use crate::model::{CheckRun, Outcome, SCHEMA_VERSION, Status};
use crate::net::live::{LiveBoard, LiveSnapshot};
use crate::net::{ping as pinger, trace as tracer};

/// Wakes the command's loop whenever the engine or the live board has something new.
fn wake_channel() -> (Arc<dyn Fn() + Send + Sync>, mpsc::Receiver<()>) {
    let (tx, rx) = mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    // A send error means the loop is gone: nobody is waiting for the wake-up.
    let wake = Arc::new(move || {
        if let Ok(tx) = tx.lock() {
            let _ = tx.send(());
        }
    });
    (wake, rx)
}

/// Sets the flag and wakes the loop on Ctrl-C, so the command can stop the probe and still
/// print what finished (as ping(8) does).
fn watch_ctrl_c(wake: Arc<dyn Fn() + Send + Sync>) -> anyhow::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("could not start the Ctrl-C watcher")?;
    let (registered_tx, registered) = mpsc::channel();
    std::thread::Builder::new()
        .name("deskcheck-ctrl-c".into())
        .spawn(move || {
            runtime.block_on(async move {
                let ctrl_c = tokio::signal::ctrl_c();
                tokio::pin!(ctrl_c);
                // Polling it once installs the handler; only then may the first probe go out.
                let early = tokio::select! {
                    biased;
                    got = &mut ctrl_c => Some(got),
                    _ = std::future::ready(()) => None,
                };
                let _ = registered_tx.send(());
                let got = match early {
                    Some(got) => got,
                    None => ctrl_c.await,
                };
                if got.is_ok() {
                    set.store(true, Ordering::SeqCst);
                    wake();
                }
            })
        })
        .context("could not start the Ctrl-C watcher")?;
    // If the thread died before saying so, Ctrl-C simply ends the process as usual.
    let _ = registered.recv_timeout(Duration::from_secs(1));
    Ok(flag)
}

/// The run's finished event, if it came.
fn finished(run: &RunHandle) -> Option<CheckRun> {
    while let Some(event) = run.try_recv() {
        if let EngineEvent::Finished(done) = event {
            return Some(*done);
        }
    }
    None
}

/// A run that did not complete, as the command's error (rc 3: "could not run").
fn not_completed(run: &CheckRun) -> anyhow::Error {
    match &run.outcome {
        Outcome::Errored { message } => anyhow::anyhow!("{message}"),
        other => anyhow::anyhow!("{}: {}", other.label(), other.reason().unwrap_or_default()),
    }
}

pub fn ping(cli: &Cli, args: &PingArgs) -> anyhow::Result<i32> {
    // Flags over the config file over the defaults; a broken file is refused before any probe.
    let config = load_config(cli)?;
    let count = args.count.unwrap_or(config.network.ping_count);
    let timeout_ms = args.timeout_ms.unwrap_or(config.network.probe_timeout_ms);
    let opts = pinger::PingOptions {
        count,
        interval: Duration::from_millis(args.interval_ms),
        timeout: Duration::from_millis(timeout_ms),
        ..pinger::PingOptions::default()
    };
    let payload_size = opts.payload_size;
    let key = format!("ping {}", args.host);
    let check = Arc::new(ManualPing::new(args.host.clone(), opts, key.clone()));
    let (wake, woken) = wake_channel();
    let interrupted = watch_ctrl_c(wake.clone())?;
    let live = LiveBoard::new();
    live.set_waker(wake.clone());
    let run = engine::start_manual(check, Arc::new(config), wake, live.clone())?;
    // Lines stream as probes finish, like ping(8); Ctrl-C stops early and still prints the
    // statistics of what finished.
    let mut lines: Option<ReplyLines> = None;
    let mut last: Option<pinger::PingStats> = None;
    let ended = loop {
        // The timeout only bounds how late a lost wake-up could be noticed.
        let _ = woken.recv_timeout(Duration::from_millis(250));
        if let Some(LiveSnapshot::Ping(stats)) = live.get(&key) {
            let lines = lines.get_or_insert_with(|| {
                if !args.json {
                    println!("PING {} ({}) {payload_size} bytes of data, {count} probes.", args.host, stats.target);
                }
                ReplyLines::new(stats.target, payload_size)
            });
            if !args.json {
                lines.print_new(&stats);
            }
            last = Some(stats);
        }
        if interrupted.load(Ordering::SeqCst) {
            run.cancel();
            break None;
        }
        if let Some(done) = finished(&run) {
            break Some(done);
        }
    };
    let stats = match ended {
        Some(done) if done.outcome == Outcome::Completed => {
            let Some(ManualPingData(mut stats)) = done.data::<ManualPingData>()? else {
                anyhow::bail!("the ping of {} left no result", args.host);
            };
            // `finished` is not in the JSON: in a final result every probe has finished, and
            // the replies not yet printed from the live board are printed from it below.
            stats.finished = vec![true; stats.rtts_ms.len()];
            stats
        }
        Some(done) => return Err(not_completed(&done)),
        None => match &last {
            Some(live) => finished_only(live),
            None => anyhow::bail!("stopped by Ctrl-C before the first probe to {}", args.host),
        },
    };
    let interrupted = ended_by_ctrl_c(&interrupted);
    let code = match stats.received {
        0 => EXIT_FAIL,
        r if r < stats.sent => EXIT_WARN,
        _ => EXIT_OK,
    };
    if args.json {
        let status = Status::from_exit_code(code);
        output::print(&PingOutput { schema_version: SCHEMA_VERSION, status, host: args.host.clone(), stats })?;
    } else {
        let ip = stats.target;
        lines.get_or_insert_with(|| ReplyLines::new(ip, payload_size)).print_new(&stats);
        if let Some(note) = &stats.note {
            println!("note: {note}");
        }
        print!("{}", ping_statistics(&args.host, &stats, interrupted));
    }
    Ok(code)
}

fn ended_by_ctrl_c(flag: &AtomicBool) -> bool {
    flag.load(Ordering::SeqCst)
}

/// Prints each probe's line once, when it has finished.
struct ReplyLines {
    ip: std::net::IpAddr,
    payload_size: usize,
    printed: Vec<bool>,
}

impl ReplyLines {
    fn new(ip: std::net::IpAddr, payload_size: usize) -> Self {
        ReplyLines { ip, payload_size, printed: Vec::new() }
    }

    fn print_new(&mut self, stats: &pinger::PingStats) {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        for line in self.take_new(stats) {
            // A closed pipe (`| head`) is not worth an error here; the exit code still says it.
            let _ = writeln!(out, "{line}");
        }
        let _ = out.flush();
    }

    fn take_new(&mut self, stats: &pinger::PingStats) -> Vec<String> {
        self.printed.resize(stats.rtts_ms.len(), false);
        let mut lines = Vec::new();
        for (i, (rtt, done)) in stats.rtts_ms.iter().zip(&stats.finished).enumerate() {
            if !*done || self.printed[i] {
                continue;
            }
            self.printed[i] = true;
            lines.push(reply_line(self.ip, self.payload_size, i + 1, *rtt, &stats.method));
        }
        lines
    }
}

/// One probe's line, in ping(8)'s words (sequence numbers from 1, as ping counts).
fn reply_line(
    ip: std::net::IpAddr,
    payload_size: usize,
    seq: usize,
    rtt_ms: Option<f64>,
    method: &pinger::PingMethod,
) -> String {
    match (rtt_ms, method) {
        (Some(ms), pinger::PingMethod::TcpConnect { port }) => {
            format!("connected to {ip} port {port}: seq={seq} time={} ms", tracer::format_rtt(ms))
        }
        (Some(ms), _) => {
            format!("{} bytes from {ip}: icmp_seq={seq} time={} ms", payload_size + 8, tracer::format_rtt(ms))
        }
        (None, _) => format!("no answer from {ip}: icmp_seq={seq}"),
    }
}

/// The stats of the probes that finished: on Ctrl-C those still out are not counted.
fn finished_only(live: &pinger::PingStats) -> pinger::PingStats {
    let mut s = live.clone();
    let kept: Vec<Option<f64>> =
        s.rtts_ms.iter().zip(&s.finished).filter(|(_, done)| **done).map(|(rtt, _)| *rtt).collect();
    let sum = pinger::summarize(&kept);
    s.finished = vec![true; kept.len()];
    s.rtts_ms = kept;
    (s.sent, s.received, s.loss_percent, s.in_flight) = (sum.sent, sum.received, sum.loss_percent, 0);
    (s.min_ms, s.avg_ms, s.max_ms, s.mdev_ms) = (sum.min_ms, sum.avg_ms, sum.max_ms, sum.mdev_ms);
    s
}

/// ping(8)'s closing block.
fn ping_statistics(host: &str, s: &pinger::PingStats, interrupted: bool) -> String {
    let f = |v: Option<f64>| v.map_or_else(|| "-".into(), tracer::format_rtt);
    format!(
        "--- {host} ping statistics ---\n{} packets transmitted, {} received, {:.0}% packet loss{}\nrtt min/avg/max/mdev = {}/{}/{}/{} ms\n",
        s.sent,
        s.received,
        s.loss_percent,
        if interrupted { " (stopped by Ctrl-C)" } else { "" },
        f(s.min_ms),
        f(s.avg_ms),
        f(s.max_ms),
        f(s.mdev_ms)
    )
}

pub fn trace(cli: &Cli, args: &TraceArgs) -> anyhow::Result<i32> {
    // Flags over the config file over the defaults; a broken file is refused before any probe.
    let config = load_config(cli)?;
    let probes = args.probes.unwrap_or(config.network.quick_trace_probes());
    let protocol = match args.protocol.to_ascii_lowercase().as_str() {
        "udp" => tracer::TraceProtocol::Udp,
        "icmp" => tracer::TraceProtocol::Icmp,
        "tcp" => tracer::TraceProtocol::Tcp { port: args.port },
        other => anyhow::bail!("unknown protocol '{other}' (choose udp, icmp or tcp)"),
    };
    let opts = tracer::TraceOptions {
        protocol,
        max_hops: args.max_hops,
        probes_per_hop: probes,
        resolve_names: !args.numeric,
        ..tracer::TraceOptions::default()
    };
    let probes_per_hop = opts.probes_per_hop;
    let key = format!("trace {}", args.host);
    let check = Arc::new(ManualTrace::new(args.host.clone(), opts, key));
    let (wake, woken) = wake_channel();
    let run = engine::start_manual(check, Arc::new(config), wake, LiveBoard::new())?;
    let done = loop {
        let _ = woken.recv_timeout(Duration::from_millis(250));
        if let Some(done) = finished(&run) {
            break done;
        }
    };
    if done.outcome != Outcome::Completed {
        return Err(not_completed(&done));
    }
    let Some(ManualTraceData(snap)) = done.data::<ManualTraceData>()? else {
        anyhow::bail!("the trace to {} left no result", args.host);
    };
    let code = if !snap.reached {
        EXIT_FAIL
    } else if snap.hops.iter().any(|h| h.loss == tracer::Loss::Persistent) {
        // Only loss that persists to the destination; a router's rate limit is not loss.
        EXIT_WARN
    } else {
        EXIT_OK
    };
    if args.json {
        let status = Status::from_exit_code(code);
        output::print(&TraceOutput { schema_version: SCHEMA_VERSION, status, host: args.host.clone(), trace: snap })?;
    } else {
        println!("trace to {} ({}), {probes_per_hop} probes per hop, {} ms", args.host, snap.target, snap.elapsed_ms);
        print!("{}", tracer::format_table(&snap));
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stream_once_per_finished_probe_with_microseconds() {
        let ip: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        let mut s = pinger::PingStats::empty(ip, pinger::PingMethod::IcmpUnprivileged, None);
        s.rtts_ms = vec![Some(0.052), None, None];
        s.finished = vec![true, false, true];
        let mut lines = ReplyLines::new(ip, 56);
        assert_eq!(
            lines.take_new(&s),
            ["64 bytes from 10.0.0.1: icmp_seq=1 time=0.052 ms", "no answer from 10.0.0.1: icmp_seq=3"]
        );
        s.rtts_ms[1] = Some(12.25);
        s.finished[1] = true;
        assert_eq!(lines.take_new(&s), ["64 bytes from 10.0.0.1: icmp_seq=2 time=12.2 ms"]);
        assert!(lines.take_new(&s).is_empty());
    }

    #[test]
    fn interrupted_statistics_count_only_finished_probes() {
        let ip: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        let mut s = pinger::PingStats::empty(ip, pinger::PingMethod::IcmpUnprivileged, None);
        s.rtts_ms = vec![Some(0.052), None, Some(0.060), None];
        s.finished = vec![true, true, true, false];
        let f = finished_only(&s);
        assert_eq!((f.sent, f.received, f.in_flight), (3, 2, 0));
        let text = ping_statistics("gw", &f, true);
        assert!(text.contains("3 packets transmitted, 2 received, 33% packet loss (stopped by Ctrl-C)"), "{text}");
        assert!(text.contains("rtt min/avg/max/mdev = 0.052/0.056/0.060/0.004 ms"), "{text}");
    }
}
