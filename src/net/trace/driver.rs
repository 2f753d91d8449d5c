//! The round scheduler: sends a probe to every TTL each round, times probes out, folds in
//! answers and hop names, and publishes snapshots. Knows nothing of sockets: the per-OS
//! module hands it a [`Prober`] and a channel of [`Reply`]s.
#![cfg_attr(not(target_os = "linux"), allow(dead_code))]

use std::io;
use std::net::IpAddr;

use tokio::sync::{mpsc, watch};
use tokio::time::{Duration, Instant};

use super::names::Names;
use super::state::{Reply, TraceState};
use super::{TraceError, TraceOptions, TraceProtocol, TraceSnapshot};

/// Live snapshots go out at most this often: enough for a GUI, cheap for a fast trace.
const PUBLISH_EVERY: Duration = Duration::from_millis(25);

/// Rounds that may follow each other as fast as answers come back: routers answer a burst
/// of this many ICMP errors per peer (Linux: 6) before rate-limiting to one per second.
const EARLY_ROUNDS: u32 = 6;

/// The socket side of a trace.
pub(super) trait Prober: Send {
    /// Send one probe with `ttl`; answers to it come back with `seq`.
    fn send(&mut self, ttl: u8, seq: u16) -> io::Result<()>;

    /// How many distinct `seq` values this prober can tell apart.
    fn seq_space(&self) -> u32 {
        1 << 16
    }
}

/// What the per-OS module opened for a trace.
pub(super) struct Opened {
    pub prober: Box<dyn Prober>,
    pub replies: mpsc::UnboundedReceiver<Reply>,
    /// The protocol actually used.
    pub protocol: TraceProtocol,
    pub note: Option<String>,
}

pub(super) async fn drive(
    target: IpAddr,
    opts: &TraceOptions,
    opened: Opened,
    live: Option<&watch::Sender<TraceSnapshot>>,
) -> Result<TraceSnapshot, TraceError> {
    let Opened { mut prober, mut replies, protocol, note } = opened;
    let started = Instant::now();
    let mut state = TraceState::new(target, protocol, note, opts.max_hops, opts.resolve_names);
    let mut names = opts.resolve_names.then(|| Names::new(opts));
    let seq_space = prober.seq_space().clamp(1, 1 << 16);
    let mut next_seq: u32 = 0;
    let mut rounds = 0u32;
    let mut next_round = started;
    let mut last_publish: Option<Instant> = None;
    let mut dirty = false;

    loop {
        let now = Instant::now();
        // The next round goes out on schedule, or as soon as the last one is fully answered
        // while within the burst a Linux router answers before its 1/s ICMP limit sets in.
        // TCP probes are real connections to a service: keep them paced, never a burst.
        let answered_early =
            !matches!(protocol, TraceProtocol::Tcp { .. }) && rounds > 0 && rounds < EARLY_ROUNDS && !state.waiting();
        if rounds < opts.probes_per_hop && (now >= next_round || answered_early) {
            for ttl in 1..=state.ttl_limit() {
                let seq = u16::try_from(next_seq).unwrap_or(0);
                next_seq = (next_seq + 1) % seq_space;
                match prober.send(ttl, seq) {
                    Ok(()) => state.sent(seq, ttl, Instant::now()),
                    // Failing before anything went out: no route, no permission. Not loss.
                    Err(source) if !state.any_sent() => return Err(TraceError::Send { source, target }),
                    Err(e) => {
                        tracing::debug!("traceroute probe ttl {ttl} not sent: {e}");
                        state.send_failed(ttl);
                    }
                }
            }
            rounds += 1;
            next_round = now.max(next_round) + opts.round_interval;
            dirty = true;
        }
        dirty |= state.expire(Instant::now(), opts.probe_timeout);
        if let Some(names) = &mut names {
            for addr in state.take_new_addrs() {
                if let Some(known) = names.lookup(addr) {
                    state.set_name(addr, known);
                }
            }
        }
        if rounds >= opts.probes_per_hop && !state.waiting() {
            break;
        }
        let now = Instant::now();
        let publish_at = last_publish.map_or(now, |t| t + PUBLISH_EVERY);
        if dirty && now >= publish_at {
            publish(live, &state, false, started);
            last_publish = Some(now);
            dirty = false;
        }

        let mut wake = state.next_expiry(opts.probe_timeout).unwrap_or(now + opts.probe_timeout);
        if rounds < opts.probes_per_hop {
            wake = wake.min(next_round);
        }
        if dirty {
            wake = wake.min(now + PUBLISH_EVERY);
        }
        tokio::select! {
            Some(reply) = replies.recv() => {
                dirty |= state.on_reply(&reply);
                // Take everything already queued before deciding anything.
                while let Ok(reply) = replies.try_recv() {
                    dirty |= state.on_reply(&reply);
                }
            }
            Some((addr, name)) = next_name(&mut names) => {
                state.set_name(addr, name);
                dirty = true;
            }
            _ = tokio::time::sleep_until(wake) => {}
        }
    }
    drop(prober);

    // Names still being looked up get until their own deadline (each lookup times out by
    // itself), so the result carries them; probing was never held up by them.
    if let Some(names) = &mut names
        && names.running()
    {
        publish(live, &state, false, started);
        while let Some((addr, name)) = names.next().await {
            state.set_name(addr, name);
        }
    }
    state.time_out_pending_names();
    Ok(publish(live, &state, true, started))
}

async fn next_name(names: &mut Option<Names>) -> Option<(std::net::IpAddr, super::HopName)> {
    match names {
        Some(n) if n.running() => n.next().await,
        _ => std::future::pending().await,
    }
}

fn publish(
    live: Option<&watch::Sender<TraceSnapshot>>,
    state: &TraceState,
    done: bool,
    started: Instant,
) -> TraceSnapshot {
    let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let snap = state.snapshot(done, elapsed_ms);
    if let Some(tx) = live {
        tx.send_replace(snap.clone());
    }
    snap
}
