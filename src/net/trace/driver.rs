//! The probe scheduler: decides which TTL may get a probe when, times probes out, folds
//! in answers and hop names, and publishes snapshots. Knows nothing of sockets: the
//! per-OS module hands it a [`Prober`] and a channel of [`Reply`]s.
//!
//! Probes go out in TTL order (all of TTL 1's, then TTL 2's…), as many at once as each
//! router's ICMP budget allows, the way traceroute has them all in flight. While the end
//! of the path is unknown each TTL gets at most [`DISCOVERY_PROBES`]; UDP and TCP probes
//! are further held to a window of [`DISCOVERY_WINDOW`], because the destination answers
//! every TTL past it with a rate-limited error, and the answers that matter (its own
//! TTL's) must come first within its burst. ICMP echo needs no window: echo replies are
//! not rate-limited.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;

use tokio::sync::watch;
use tokio::time::{Duration, Instant};

use super::names::Names;
use super::state::TraceState;
use super::{TraceError, TraceOptions, TraceProtocol, TraceSnapshot};
use crate::platform::probe::{Opened, Reply, ReplyKind};

/// Live snapshots go out at most this often: enough for a GUI, cheap for a fast trace.
const PUBLISH_EVERY: Duration = Duration::from_millis(25);

/// Probes per TTL while the end of the path is unknown: traceroute's three.
const DISCOVERY_PROBES: u32 = 3;

/// UDP/TCP probes out at once while the end of the path is unknown (traceroute's `-N 16`).
const DISCOVERY_WINDOW: usize = 16;

/// With a `max_duration`, no probe goes out later than this before the end: it could not
/// be answered in time and would only be discarded.
const LAST_SEND_MARGIN: Duration = Duration::from_millis(200);

/// A router's ICMP token bucket, as we expect it to be for us: full at the start, one
/// token back every `refill`. Spending within it means every probe can be answered.
#[derive(Debug, Clone, Copy)]
pub(super) struct Budget {
    tokens: f64,
    at: Instant,
}

impl Budget {
    pub fn new(burst: u32, now: Instant) -> Budget {
        Budget { tokens: f64::from(burst), at: now }
    }

    fn refill(&mut self, now: Instant, burst: u32, refill: Duration) {
        let gained = now.saturating_duration_since(self.at).as_secs_f64() / refill.as_secs_f64().max(1e-6);
        self.tokens = (self.tokens + gained).min(f64::from(burst));
        self.at = now;
    }

    /// When the next token is there (now, if one is).
    pub fn ready_at(&mut self, now: Instant, burst: u32, refill: Duration) -> Instant {
        self.refill(now, burst, refill);
        if self.tokens >= 1.0 { now } else { now + refill.mul_f64(1.0 - self.tokens) }
    }

    pub fn spend(&mut self) {
        self.tokens -= 1.0;
    }
}

/// When a TTL may have its next probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    Now,
    At(Instant),
    /// It has all its probes (or lies past the end of the path).
    Never,
}

/// Per-TTL pacing: how many probes a TTL gets and when the next may go.
pub(super) struct Pacer {
    probes_per_hop: u32,
    destination_probes: u32,
    round_interval: Duration,
    burst: u32,
    refill: Duration,
    /// Keep TCP probes (real connections to a service) spaced, never a burst.
    spaced: bool,
    budgets: Vec<Budget>,
    last_sent: Vec<Option<Instant>>,
    /// The end of the path whose router was last charged for the probes past it.
    charged_end: Option<u8>,
}

impl Pacer {
    pub fn new(opts: &TraceOptions, protocol: TraceProtocol, now: Instant) -> Pacer {
        let n = usize::from(opts.max_hops);
        Pacer {
            probes_per_hop: opts.probes_per_hop,
            destination_probes: opts.destination_probes.max(opts.probes_per_hop),
            round_interval: opts.round_interval,
            burst: opts.router_burst.max(1),
            refill: opts.router_refill,
            spaced: matches!(protocol, TraceProtocol::Tcp { .. }),
            budgets: vec![Budget::new(opts.router_burst.max(1), now); n],
            last_sent: vec![None; n],
            charged_end: None,
        }
    }

    /// When `ttl` may have its next probe, given what the trace knows so far.
    pub fn next(&mut self, state: &TraceState, protocol: TraceProtocol, ttl: u8, now: Instant) -> Next {
        let Some(i) = usize::from(ttl).checked_sub(1).filter(|&i| i < self.budgets.len()) else { return Next::Never };
        if ttl > state.ttl_limit() {
            return Next::Never;
        }
        let destination = state.destination_ttl() == Some(ttl);
        let unlimited = destination && protocol == TraceProtocol::Icmp;
        // The router (or destination) at the end of the path answered every probe sent
        // past it as well, from the same budget.
        if state.end_known() && ttl == state.ttl_limit() && self.charged_end != Some(ttl) {
            self.charged_end = Some(ttl);
            if !unlimited {
                let beyond: u32 = (ttl.saturating_add(1)..=u8::try_from(self.budgets.len()).unwrap_or(u8::MAX))
                    .map(|t| state.sent_count(t))
                    .sum();
                for _ in 0..beyond {
                    self.budgets[i].spend();
                }
            }
        }
        let wanted = match (state.end_known(), destination) {
            (_, true) => self.destination_probes,
            (false, false) => self.probes_per_hop.min(DISCOVERY_PROBES),
            (true, false) => self.probes_per_hop,
        };
        let sent = state.sent_count(ttl);
        if sent >= wanted {
            return Next::Never;
        }
        let spacing = self.last_sent[i].map(|t| t + self.round_interval);
        // The destination's echo replies are not rate-limited: no budget, only spaced like
        // ping, so its loss is sampled over time rather than in one burst.
        let mut at =
            if unlimited { spacing.unwrap_or(now) } else { self.budgets[i].ready_at(now, self.burst, self.refill) };
        if self.spaced {
            at = at.max(spacing.unwrap_or(now));
        }
        if at <= now { Next::Now } else { Next::At(at) }
    }

    /// The destination answered every one of its probes and every lower hop has finished
    /// its first burst: the path loses nothing end to end.
    pub fn clean_end_to_end(&self, state: &TraceState) -> bool {
        let Some(dest) = state.destination_ttl() else { return false };
        let (finished, received) = state.finished_count(dest);
        let lower = self.probes_per_hop.min(self.burst);
        finished >= self.destination_probes
            && received == finished
            && (1..dest).all(|ttl| state.finished_count(ttl).0 >= lower)
    }

    /// A probe with `ttl` went out at `now`.
    pub fn sent(&mut self, ttl: u8, now: Instant) {
        if let Some(i) = usize::from(ttl).checked_sub(1).filter(|&i| i < self.budgets.len()) {
            self.budgets[i].spend();
            self.last_sent[i] = Some(now);
        }
    }
}

/// Echo requests sent straight to routers (pathping's way), by sequence number.
#[derive(Default)]
struct HopEchoes {
    out: HashMap<u16, (u8, Instant)>,
    last_sent: HashMap<u8, Instant>,
    unsupported: bool,
}

impl HopEchoes {
    /// Whether to ping the routers: the destination lost probes, and we can.
    fn wanted(&self, state: &TraceState) -> bool {
        !self.unsupported
            && state.destination_ttl().is_some_and(|dest| {
                let (finished, received) = state.finished_count(dest);
                received < finished
            })
    }

    fn next(&self, state: &TraceState, ttl: u8, wanted: u32, spacing: Duration, now: Instant) -> Next {
        let out = u32::try_from(self.out.values().filter(|(t, _)| *t == ttl).count()).unwrap_or(u32::MAX);
        if state.echo_count(ttl) + out >= wanted {
            return Next::Never;
        }
        match self.last_sent.get(&ttl) {
            Some(&t) if t + spacing > now => Next::At(t + spacing),
            _ => Next::Now,
        }
    }

    fn done(&self, state: &TraceState, wanted: u32) -> bool {
        let dest = state.destination_ttl().unwrap_or(1);
        (1..dest).all(|ttl| state.hop_addr(ttl).is_none() || state.echo_count(ttl) >= wanted)
    }

    fn sent(&mut self, seq: u16, ttl: u8, now: Instant) {
        self.out.insert(seq, (ttl, now));
        self.last_sent.insert(ttl, now);
    }

    fn give_up(&mut self) {
        self.unsupported = true;
    }

    /// Fold in a reply if it answers one of ours; true if it did.
    fn on_reply(&mut self, state: &mut TraceState, reply: &Reply) -> bool {
        let Some((ttl, _)) = self.out.remove(&reply.seq) else { return false };
        let answered = reply.kind == ReplyKind::Reached && state.hop_addr(ttl) == Some(reply.from);
        state.echo_finished(ttl, answered);
        true
    }

    fn expire(&mut self, state: &mut TraceState, now: Instant, timeout: Duration) -> bool {
        let expired: Vec<u16> = self.out.iter().filter(|(_, (_, at))| *at + timeout <= now).map(|(s, _)| *s).collect();
        for seq in &expired {
            if let Some((ttl, _)) = self.out.remove(seq) {
                state.echo_finished(ttl, false);
            }
        }
        !expired.is_empty()
    }

    fn next_expiry(&self, timeout: Duration) -> Option<Instant> {
        self.out.values().map(|(_, at)| *at + timeout).min()
    }
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
    let mut pacer = Pacer::new(opts, protocol, started);
    let mut names = opts.resolve_names.then(|| Names::new(opts));
    let seq_space = prober.seq_space().clamp(1, 1 << 16);
    let window = (protocol != TraceProtocol::Icmp).then_some(DISCOVERY_WINDOW);
    let end_at = opts.max_duration.map(|d| started + d);
    let last_send_at = end_at.map(|t| t.checked_sub(LAST_SEND_MARGIN).unwrap_or(started));
    let mut next_seq: u32 = 0;
    let mut last_publish: Option<Instant> = None;
    let mut dirty = false;
    let mut echoes = HopEchoes::default();
    let echo_wanted = opts.echo_hops_on_loss && protocol == TraceProtocol::Icmp;

    loop {
        // Everything that may go now goes, lowest TTL first; note when the next may.
        let now = Instant::now();
        let mut next_send: Option<Instant> = None;
        let may_send = last_send_at.is_none_or(|t| now < t);
        let mut all_sent = true;
        'ttls: for ttl in 1..=state.ttl_limit() {
            loop {
                match pacer.next(&state, protocol, ttl, now) {
                    Next::Never => break,
                    Next::At(t) => {
                        all_sent = false;
                        next_send = Some(next_send.map_or(t, |n| n.min(t)));
                        break;
                    }
                    Next::Now => {
                        all_sent = false;
                        let window_full = window.is_some_and(|w| !state.end_known() && state.in_flight_count() >= w);
                        if !may_send || window_full {
                            break 'ttls;
                        }
                        let seq = u16::try_from(next_seq).unwrap_or(0);
                        next_seq = (next_seq + 1) % seq_space;
                        // Stamped before the send: on a fast link the answer can be read
                        // before send() returns, and would otherwise time at 0.
                        let at = Instant::now();
                        match prober.send(ttl, seq) {
                            Ok(()) => state.sent(seq, ttl, at),
                            // Failing before anything went out: no route, no permission. Not loss.
                            Err(source) if !state.any_sent() => return Err(TraceError::Send { source, target }),
                            Err(e) => {
                                tracing::debug!("traceroute probe ttl {ttl} not sent: {e}");
                                state.send_failed(ttl);
                            }
                        }
                        pacer.sent(ttl, at);
                        dirty = true;
                    }
                }
            }
        }
        // The destination lost probes: ping the routers straight, to place the loss.
        let echo_active = echo_wanted && may_send && echoes.wanted(&state);
        if echo_active {
            let now = Instant::now();
            for ttl in 1..state.destination_ttl().unwrap_or(1) {
                let Some(addr) = state.hop_addr(ttl) else { continue };
                match echoes.next(&state, ttl, pacer.destination_probes, opts.round_interval, now) {
                    Next::Now => {
                        let seq = u16::try_from(next_seq).unwrap_or(0);
                        next_seq = (next_seq + 1) % seq_space;
                        match prober.send_echo(addr, seq) {
                            Ok(()) => echoes.sent(seq, ttl, now),
                            // Not possible here (UDP fallback, another family): traceroute only.
                            Err(e) if matches!(e.kind(), io::ErrorKind::Unsupported | io::ErrorKind::InvalidInput) => {
                                echoes.give_up();
                                break;
                            }
                            // Not sent this time (a full buffer): not lost either; try again.
                            Err(e) => {
                                tracing::debug!("echo to hop {ttl} ({addr}) not sent: {e}");
                                echoes.last_sent.insert(ttl, now);
                            }
                        }
                    }
                    Next::At(t) => next_send = Some(next_send.map_or(t, |n| n.min(t))),
                    Next::Never => {}
                }
            }
        }
        dirty |= state.expire(Instant::now(), opts.probe_timeout);
        dirty |= echoes.expire(&mut state, Instant::now(), opts.probe_timeout);
        if let Some(names) = &mut names {
            for addr in state.take_new_addrs() {
                if let Some(known) = names.lookup(addr) {
                    state.set_name(addr, known);
                }
            }
        }
        let now = Instant::now();
        if opts.settle_when_clean && pacer.clean_end_to_end(&state) {
            // Probes still out past the burst are not needed: leave them out.
            state.discard_in_flight();
            break;
        }
        if end_at.is_some_and(|t| now >= t) {
            // Out of time: what is still out was not lost, only not waited for.
            state.discard_in_flight();
            break;
        }
        let echoes_done = !echo_active || echoes.done(&state, pacer.destination_probes);
        if (all_sent || !may_send) && !state.waiting() && echoes_done && echoes.out.is_empty() {
            break;
        }
        let publish_at = last_publish.map_or(now, |t| t + PUBLISH_EVERY);
        if dirty && now >= publish_at {
            publish(live, &state, false, started);
            last_publish = Some(now);
            dirty = false;
        }

        let mut wake = state.next_expiry(opts.probe_timeout).unwrap_or(now + opts.probe_timeout);
        if let Some(t) = echoes.next_expiry(opts.probe_timeout) {
            wake = wake.min(t);
        }
        if may_send && let Some(t) = next_send {
            wake = wake.min(t);
        }
        if let Some(t) = end_at {
            wake = wake.min(t);
        }
        if dirty {
            wake = wake.min(now + PUBLISH_EVERY);
        }
        tokio::select! {
            Some(reply) = replies.recv() => {
                dirty |= echoes.on_reply(&mut state, &reply) || state.on_reply(&reply);
                // Take everything already queued before deciding anything.
                while let Ok(reply) = replies.try_recv() {
                    dirty |= echoes.on_reply(&mut state, &reply) || state.on_reply(&reply);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(probes: u32) -> TraceOptions {
        TraceOptions { probes_per_hop: probes, max_hops: 4, ..TraceOptions::default() }
    }

    /// Send what the pacer allows for `ttl` at `now`; how many went.
    fn send_ready(
        p: &mut Pacer,
        s: &mut TraceState,
        proto: TraceProtocol,
        ttl: u8,
        now: Instant,
        seq: &mut u16,
    ) -> u32 {
        let mut n = 0;
        while p.next(s, proto, ttl, now) == Next::Now {
            s.sent(*seq, ttl, now);
            p.sent(ttl, now);
            *seq += 1;
            n += 1;
        }
        n
    }

    #[test]
    fn routers_get_a_burst_then_one_probe_per_refill() {
        let t0 = Instant::now();
        let o = opts(10);
        let target = "198.51.100.10".parse().unwrap();
        let mut s = TraceState::new(target, TraceProtocol::Icmp, None, 4, false);
        let mut p = Pacer::new(&o, TraceProtocol::Icmp, t0);
        let mut seq = 0;
        // The end unknown: three per TTL, traceroute's way.
        assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Icmp, 1, t0, &mut seq), 3);
        // Hop 4 answers as the destination.
        s.sent(seq, 4, t0);
        p.sent(4, t0);
        let reply = Reply { seq, from: target, kind: ReplyKind::Reached, at: t0 };
        assert!(s.on_reply(&reply));
        seq += 1;
        // Now hop 1 may use the rest of its burst, then waits for a token.
        assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Icmp, 1, t0, &mut seq), 3);
        assert_eq!(p.next(&s, TraceProtocol::Icmp, 1, t0), Next::At(t0 + o.router_refill));
        let later = t0 + o.router_refill;
        assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Icmp, 1, later, &mut seq), 1);
        // The destination answers echo without limit: one every round_interval, like ping.
        assert_eq!(p.next(&s, TraceProtocol::Icmp, 4, t0), Next::At(t0 + o.round_interval));
        let then = t0 + o.round_interval;
        assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Icmp, 4, then, &mut seq), 1);
        let far_later = t0 + Duration::from_secs(60);
        assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Icmp, 4, far_later, &mut seq), 1, "no burst");
        assert_eq!(p.next(&s, TraceProtocol::Icmp, 5, t0), Next::Never, "past the destination");
    }

    #[test]
    fn a_clean_path_settles_after_the_burst() {
        let t0 = Instant::now();
        let o = TraceOptions { destination_probes: 12, ..opts(10) };
        let target = "198.51.100.10".parse().unwrap();
        let mut s = TraceState::new(target, TraceProtocol::Icmp, None, 2, false);
        let p = Pacer::new(&o, TraceProtocol::Icmp, t0);
        let answer = |s: &mut TraceState, seq: u16, ttl: u8, lost: bool| {
            s.sent(seq, ttl, t0);
            let (from, kind) = if ttl == 2 {
                (target, ReplyKind::Reached)
            } else {
                ("10.0.0.1".parse().unwrap(), ReplyKind::TimeExceeded)
            };
            if !lost {
                s.on_reply(&Reply { seq, from, kind, at: t0 });
            }
        };
        for seq in 0..6 {
            answer(&mut s, seq, 1, seq == 0);
        }
        s.expire(t0 + Duration::from_secs(1), Duration::from_millis(800));
        for seq in 6..17 {
            answer(&mut s, seq, 2, false);
        }
        assert!(!p.clean_end_to_end(&s), "the destination has 11 of its 12");
        answer(&mut s, 17, 2, false);
        assert!(p.clean_end_to_end(&s), "hop 1's lost probe is its rate limit, not loss");
        answer(&mut s, 18, 2, true);
        s.expire(t0 + Duration::from_secs(1), Duration::from_millis(800));
        assert!(!p.clean_end_to_end(&s), "loss at the destination: keep probing to place it");
    }

    #[test]
    fn the_last_router_pays_for_the_probes_past_it() {
        let t0 = Instant::now();
        let o = opts(10);
        let target = "198.51.100.10".parse().unwrap();
        let router = "10.77.2.2".parse().unwrap();
        let mut s = TraceState::new(target, TraceProtocol::Icmp, None, 4, false);
        let mut p = Pacer::new(&o, TraceProtocol::Icmp, t0);
        // TTLs 2..=4 all reach the router, which says "network unreachable" to each.
        let mut seq = 0;
        for ttl in 2..=4 {
            assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Icmp, ttl, t0, &mut seq), 3);
        }
        let kind = ReplyKind::Unreachable { icmp_type: 3, code: 0 };
        assert!(s.on_reply(&Reply { seq: 0, from: router, kind, at: t0 }));
        assert_eq!(s.ttl_limit(), 2);
        // Its burst of 6 went on TTL 2's three and the six past it: wait for a token.
        assert!(matches!(p.next(&s, TraceProtocol::Icmp, 2, t0), Next::At(t) if t > t0));
    }

    #[test]
    fn a_udp_destination_is_rate_limited_like_a_router() {
        let t0 = Instant::now();
        let o = TraceOptions { destination_probes: 40, ..opts(10) };
        let target = "198.51.100.10".parse().unwrap();
        let mut s = TraceState::new(target, TraceProtocol::Udp, None, 4, false);
        let mut p = Pacer::new(&o, TraceProtocol::Udp, t0);
        s.sent(0, 1, t0);
        p.sent(1, t0);
        let reply = Reply { seq: 0, from: target, kind: ReplyKind::Reached, at: t0 };
        assert!(s.on_reply(&reply));
        let mut seq = 1;
        assert_eq!(send_ready(&mut p, &mut s, TraceProtocol::Udp, 1, t0, &mut seq), 5);
        assert!(matches!(p.next(&s, TraceProtocol::Udp, 1, t0), Next::At(t) if t > t0 + Duration::from_millis(900)));
    }
}
