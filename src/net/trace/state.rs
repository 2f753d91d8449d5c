//! Hop bookkeeping of a running trace: which probe went out with which TTL, what came
//! back, where the path ends, and the snapshot built from it all. Pure: times are passed
//! in, so the tests drive it without sockets.

use std::collections::HashMap;
use std::net::IpAddr;

use tokio::time::{Duration, Instant};

use super::{EchoCounts, Hop, HopName, Loss, TraceProtocol, TraceSnapshot, classify_loss};
use crate::net::ping::{describe_icmp_error, duration_ms, summarize};
pub(super) use crate::platform::probe::{Reply, ReplyKind};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Probe {
    InFlight,
    Lost,
    Answered { rtt_ms: f64 },
}

#[derive(Debug, Default)]
struct HopState {
    probes: Vec<Probe>,
    /// Echo requests straight to the router: (finished, answered).
    echo: Option<(u32, u32)>,
    /// Every address that answered for this TTL, first seen first.
    addrs: Vec<IpAddr>,
}

#[derive(Debug, Clone, Copy)]
struct InFlight {
    ttl: u8,
    index: usize,
    sent_at: Instant,
}

/// Where the path ends: the lowest TTL that got a final answer.
#[derive(Debug, Clone)]
struct End {
    ttl: u8,
    reached: bool,
    /// A router's "unreachable", worth telling.
    why: Option<String>,
}

#[derive(Debug)]
pub(super) struct TraceState {
    target: IpAddr,
    protocol: TraceProtocol,
    note: Option<String>,
    max_hops: u8,
    resolve_names: bool,
    hops: Vec<HopState>,
    in_flight: HashMap<u16, InFlight>,
    end: Option<End>,
    names: HashMap<IpAddr, HopName>,
    new_addrs: Vec<IpAddr>,
}

impl TraceState {
    pub fn new(
        target: IpAddr,
        protocol: TraceProtocol,
        note: Option<String>,
        max_hops: u8,
        resolve_names: bool,
    ) -> TraceState {
        TraceState {
            target,
            protocol,
            note,
            max_hops,
            resolve_names,
            hops: (0..max_hops).map(|_| HopState::default()).collect(),
            in_flight: HashMap::new(),
            end: None,
            names: HashMap::new(),
            new_addrs: Vec::new(),
        }
    }

    /// The highest TTL still worth probing: the end of the path once known.
    pub fn ttl_limit(&self) -> u8 {
        self.end.as_ref().map_or(self.max_hops, |e| e.ttl)
    }

    pub fn any_sent(&self) -> bool {
        self.hops.iter().any(|h| !h.probes.is_empty())
    }

    /// Probes sent so far with `ttl`, answered or not.
    pub fn sent_count(&self, ttl: u8) -> u32 {
        self.hop(ttl).map_or(0, |h| u32::try_from(h.probes.len()).unwrap_or(u32::MAX))
    }

    /// The destination's TTL, once an answer from it says where the path ends.
    pub fn destination_ttl(&self) -> Option<u8> {
        self.end.as_ref().filter(|e| e.reached).map(|e| e.ttl)
    }

    /// Finished probes (answered or lost) and answered ones for `ttl`.
    pub fn finished_count(&self, ttl: u8) -> (u32, u32) {
        self.hop(ttl).map_or((0, 0), |h| {
            let n = |f: fn(&Probe) -> bool| u32::try_from(h.probes.iter().filter(|p| f(p)).count()).unwrap_or(u32::MAX);
            (n(|p| !matches!(p, Probe::InFlight)), n(|p| matches!(p, Probe::Answered { .. })))
        })
    }

    /// The router that answered for `ttl` first.
    pub fn hop_addr(&self, ttl: u8) -> Option<IpAddr> {
        self.hop(ttl).and_then(|h| h.addrs.first().copied())
    }

    /// An echo request straight to `ttl`'s router finished.
    pub fn echo_finished(&mut self, ttl: u8, answered: bool) {
        if let Some(hop) = self.hop_mut(ttl) {
            let (sent, received) = hop.echo.get_or_insert((0, 0));
            *sent += 1;
            *received += u32::from(answered);
        }
    }

    /// Echo requests to `ttl`'s router finished so far.
    pub fn echo_count(&self, ttl: u8) -> u32 {
        self.hop(ttl).and_then(|h| h.echo).map_or(0, |(sent, _)| sent)
    }

    /// Whether some answer already said where the path ends.
    pub fn end_known(&self) -> bool {
        self.end.is_some()
    }

    /// Probes out that matter (at or below the end of the path).
    pub fn in_flight_count(&self) -> usize {
        let limit = self.ttl_limit();
        self.in_flight.values().filter(|p| p.ttl <= limit).count()
    }

    /// Give up on every probe still out without counting it: the trace ran out of time,
    /// not the probes. They leave the statistics as if never sent.
    pub fn discard_in_flight(&mut self) {
        let mut out: Vec<InFlight> = self.in_flight.drain().map(|(_, p)| p).collect();
        // Highest index first, so removing one doesn't shift the next one's index.
        out.sort_by_key(|p| std::cmp::Reverse(p.index));
        for p in out {
            if let Some(hop) = self.hop_mut(p.ttl)
                && p.index < hop.probes.len()
            {
                hop.probes.remove(p.index);
            }
        }
    }

    /// A probe with `ttl` went out; its answers will carry `seq`.
    pub fn sent(&mut self, seq: u16, ttl: u8, at: Instant) {
        let Some(hop) = self.hop_mut(ttl) else { return };
        hop.probes.push(Probe::InFlight);
        let index = hop.probes.len() - 1;
        // A sequence number reused while its old probe is still out: the old one is lost.
        if let Some(old) = self.in_flight.insert(seq, InFlight { ttl, index, sent_at: at }) {
            self.set_probe(old, Probe::Lost);
        }
    }

    /// A probe could not be sent: it counts as sent and lost.
    pub fn send_failed(&mut self, ttl: u8) {
        if let Some(hop) = self.hop_mut(ttl) {
            hop.probes.push(Probe::Lost);
        }
    }

    /// Fold in an answer; false if it matched no probe in flight (late or foreign).
    pub fn on_reply(&mut self, reply: &Reply) -> bool {
        let Some(probe) = self.in_flight.remove(&reply.seq) else { return false };
        let rtt_ms = duration_ms(reply.at.saturating_duration_since(probe.sent_at));
        self.set_probe(probe, Probe::Answered { rtt_ms });
        if let Some(hop) = self.hop_mut(probe.ttl)
            && !hop.addrs.contains(&reply.from)
        {
            hop.addrs.push(reply.from);
            if self.resolve_names && !self.names.contains_key(&reply.from) {
                self.names.insert(reply.from, HopName::Pending);
                self.new_addrs.push(reply.from);
            }
        }
        let end = match reply.kind {
            ReplyKind::TimeExceeded => None,
            ReplyKind::Reached => Some(End { ttl: probe.ttl, reached: true, why: None }),
            ReplyKind::Unreachable { icmp_type, code } => Some(End {
                ttl: probe.ttl,
                reached: reply.from == self.target,
                why: Some(format!(
                    "hop {} ({}) answered: {}",
                    probe.ttl,
                    reply.from,
                    describe_icmp_error(reply.from.is_ipv6(), icmp_type, code)
                )),
            }),
        };
        if let Some(new) = end {
            match &mut self.end {
                Some(old) if old.ttl < new.ttl => {}
                Some(old) if old.ttl == new.ttl => {
                    old.reached |= new.reached;
                    if old.why.is_none() {
                        old.why = new.why;
                    }
                }
                _ => self.end = Some(new),
            }
        }
        true
    }

    /// Probes out longer than `timeout` are lost; true if any were.
    pub fn expire(&mut self, now: Instant, timeout: Duration) -> bool {
        let expired: Vec<u16> =
            self.in_flight.iter().filter(|(_, p)| p.sent_at + timeout <= now).map(|(seq, _)| *seq).collect();
        for seq in &expired {
            if let Some(p) = self.in_flight.remove(seq) {
                self.set_probe(p, Probe::Lost);
            }
        }
        !expired.is_empty()
    }

    /// Whether any probe that matters (at or below the end of the path) is still out.
    pub fn waiting(&self) -> bool {
        let limit = self.ttl_limit();
        self.in_flight.values().any(|p| p.ttl <= limit)
    }

    /// When the oldest probe that matters times out.
    pub fn next_expiry(&self, timeout: Duration) -> Option<Instant> {
        let limit = self.ttl_limit();
        self.in_flight.values().filter(|p| p.ttl <= limit).map(|p| p.sent_at + timeout).min()
    }

    /// Addresses seen for the first time since the last call, to look up.
    pub fn take_new_addrs(&mut self) -> Vec<IpAddr> {
        std::mem::take(&mut self.new_addrs)
    }

    pub fn set_name(&mut self, addr: IpAddr, name: HopName) {
        self.names.insert(addr, name);
    }

    /// Names still pending become `Timeout` (their lookups were given up).
    pub fn time_out_pending_names(&mut self) {
        for name in self.names.values_mut() {
            if *name == HopName::Pending {
                *name = HopName::Timeout;
            }
        }
    }

    pub fn snapshot(&self, done: bool, elapsed_ms: u64) -> TraceSnapshot {
        let shown = match &self.end {
            Some(end) => usize::from(end.ttl),
            None => {
                let last_answer = self.hops.iter().rposition(|h| !h.addrs.is_empty()).map_or(0, |i| i + 1);
                let last_sent = self.hops.iter().rposition(|h| !h.probes.is_empty()).map_or(0, |i| i + 1);
                (last_answer + 1).min(last_sent)
            }
        };
        let reached = self.end.as_ref().is_some_and(|e| e.reached);
        let mut hops: Vec<Hop> =
            self.hops.iter().take(shown).enumerate().map(|(i, h)| self.hop_snapshot(i, h, reached)).collect();
        let losses = classify_loss(&hops, reached);
        for (hop, loss) in hops.iter_mut().zip(losses) {
            hop.loss = loss;
        }
        let why = self.end.as_ref().and_then(|e| e.why.clone());
        let method_note = match (&self.note, why) {
            (Some(n), Some(w)) => Some(format!("{n} {w}.")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(w)) => Some(format!("The path ends early: {w}.")),
            (None, None) => None,
        };
        TraceSnapshot { target: self.target, protocol: self.protocol, method_note, hops, reached, done, elapsed_ms }
    }

    fn hop_snapshot(&self, index: usize, h: &HopState, reached: bool) -> Hop {
        let ttl = u8::try_from(index + 1).unwrap_or(u8::MAX);
        let finished: Vec<Option<f64>> = h
            .probes
            .iter()
            .filter_map(|p| match p {
                Probe::InFlight => None,
                Probe::Lost => Some(None),
                Probe::Answered { rtt_ms } => Some(Some(*rtt_ms)),
            })
            .collect();
        let s = summarize(&finished);
        let addr = h.addrs.first().copied();
        let name = match addr {
            None => HopName::Disabled,
            Some(a) if self.resolve_names => self.names.get(&a).cloned().unwrap_or(HopName::Pending),
            Some(_) => HopName::Disabled,
        };
        Hop {
            ttl,
            addr,
            other_addrs: h.addrs.iter().skip(1).copied().collect(),
            name,
            sent: u32::try_from(h.probes.len()).unwrap_or(u32::MAX),
            received: s.received,
            loss_percent: s.loss_percent,
            last_ms: finished.iter().rev().flatten().next().copied(),
            avg_ms: s.avg_ms,
            best_ms: s.min_ms,
            worst_ms: s.max_ms,
            rtts_ms: finished,
            is_destination: reached && self.end.as_ref().is_some_and(|e| e.ttl == ttl),
            loss: Loss::None,
            echo: h.echo.map(|(sent, received)| EchoCounts {
                sent,
                received,
                loss_percent: if sent == 0 { 0.0 } else { f64::from(sent - received) * 100.0 / f64::from(sent) },
            }),
        }
    }

    fn hop(&self, ttl: u8) -> Option<&HopState> {
        self.hops.get(usize::from(ttl).checked_sub(1)?)
    }

    fn hop_mut(&mut self, ttl: u8) -> Option<&mut HopState> {
        self.hops.get_mut(usize::from(ttl).checked_sub(1)?)
    }

    fn set_probe(&mut self, p: InFlight, to: Probe) {
        if let Some(slot) = self.hop_mut(p.ttl).and_then(|h| h.probes.get_mut(p.index)) {
            *slot = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    const TARGET: &str = "198.51.100.10";
    const PATH: [&str; 4] = ["10.77.1.1", "10.77.2.2", "10.77.3.2", TARGET];

    fn state(max_hops: u8) -> TraceState {
        TraceState::new(ip(TARGET), TraceProtocol::Udp, None, max_hops, false)
    }

    /// One round: every TTL up to the limit, answered by PATH after `rtt_ms * ttl`, or
    /// by the destination for TTLs past it (as the real destination does).
    fn round(s: &mut TraceState, first_seq: u16, t0: Instant, rtt_ms: u64, drop_ttls: &[u8]) -> u16 {
        let limit = s.ttl_limit();
        let mut seq = first_seq;
        for ttl in 1..=limit {
            s.sent(seq, ttl, t0);
            if !drop_ttls.contains(&ttl) {
                let (from, kind) = match PATH.get(usize::from(ttl) - 1) {
                    Some(&a) if a != TARGET => (ip(a), ReplyKind::TimeExceeded),
                    _ => (ip(TARGET), ReplyKind::Reached),
                };
                let at = t0 + Duration::from_millis(rtt_ms * u64::from(ttl));
                assert!(s.on_reply(&Reply { seq, from, kind, at }));
            }
            seq += 1;
        }
        seq
    }

    #[test]
    fn hops_past_the_destination_are_dropped_and_probing_stops_there() {
        let mut s = state(30);
        let t0 = Instant::now();
        let next = round(&mut s, 0, t0, 1, &[]);
        assert_eq!(next, 30, "the first round probes every TTL at once");
        assert_eq!(s.ttl_limit(), 4);
        round(&mut s, next, t0 + Duration::from_millis(50), 1, &[]);
        let snap = s.snapshot(true, 100);
        assert!(snap.reached);
        let addrs: Vec<_> = snap.hops.iter().map(|h| h.addr.unwrap().to_string()).collect();
        assert_eq!(addrs, PATH);
        assert!(snap.hops[3].is_destination && !snap.hops[2].is_destination);
        assert!(snap.hops.iter().all(|h| h.sent == 2 && h.received == 2 && h.loss_percent == 0.0));
        assert_eq!(snap.hops[2].avg_ms, Some(3.0));
        assert!(!s.waiting(), "probes past the destination don't hold the trace up");
    }

    #[test]
    fn a_lower_ttl_reaching_the_destination_later_moves_the_end_down() {
        let mut s = state(8);
        let t0 = Instant::now();
        // Round 1 loses TTL 4, so TTL 5 is the first to reach the destination.
        let next = round(&mut s, 0, t0, 1, &[4]);
        assert_eq!(s.ttl_limit(), 5);
        round(&mut s, next, t0, 1, &[]);
        assert_eq!(s.ttl_limit(), 4);
        s.expire(t0 + Duration::from_secs(1), Duration::from_millis(800));
        let snap = s.snapshot(true, 0);
        assert_eq!(snap.hops.len(), 4);
        assert_eq!((snap.hops[3].sent, snap.hops[3].received), (2, 1));
        assert_eq!(snap.hops[3].loss_percent, 50.0);
        assert_eq!(snap.hops[3].rtts_ms, vec![None, Some(4.0)]);
    }

    #[test]
    fn loss_stats_and_last_follow_send_order() {
        let mut s = state(2);
        let t0 = Instant::now();
        for (seq, rtt) in [(0u16, Some(5)), (1, None), (2, Some(7)), (3, Some(3))] {
            s.sent(seq, 1, t0);
            if let Some(ms) = rtt {
                let at = t0 + Duration::from_millis(ms);
                s.on_reply(&Reply { seq, from: ip("10.0.0.1"), kind: ReplyKind::TimeExceeded, at });
            }
        }
        assert!(s.waiting());
        assert_eq!(s.next_expiry(Duration::from_millis(800)), Some(t0 + Duration::from_millis(800)));
        let live = s.snapshot(false, 0);
        assert_eq!((live.hops[0].sent, live.hops[0].rtts_ms.len()), (4, 3), "one still in flight");
        assert_eq!(live.hops[0].loss_percent, 0.0, "in-flight is not loss");
        assert!(s.expire(t0 + Duration::from_millis(800), Duration::from_millis(800)));
        let h = &s.snapshot(true, 0).hops[0];
        assert_eq!((h.sent, h.received, h.loss_percent), (4, 3, 25.0));
        assert_eq!((h.last_ms, h.best_ms, h.worst_ms, h.avg_ms), (Some(3.0), Some(3.0), Some(7.0), Some(5.0)));
        assert_eq!(h.rtts_ms, vec![Some(5.0), None, Some(7.0), Some(3.0)]);
    }

    #[test]
    fn ecmp_routers_are_listed_and_late_replies_ignored() {
        let mut s = state(3);
        let t0 = Instant::now();
        for (seq, from) in [(0u16, "10.0.0.1"), (1, "10.0.0.2"), (2, "10.0.0.1")] {
            s.sent(seq, 1, t0);
            s.on_reply(&Reply { seq, from: ip(from), kind: ReplyKind::TimeExceeded, at: t0 });
        }
        s.sent(3, 1, t0);
        s.expire(t0 + Duration::from_secs(1), Duration::from_millis(500));
        let late = Reply { seq: 3, from: ip("10.0.0.3"), kind: ReplyKind::TimeExceeded, at: t0 };
        assert!(!s.on_reply(&late), "a reply after its timeout is not counted");
        let h = &s.snapshot(true, 0).hops[0];
        assert_eq!(h.addr, Some(ip("10.0.0.1")));
        assert_eq!(h.other_addrs, vec![ip("10.0.0.2")]);
        assert_eq!((h.sent, h.received), (4, 3));
    }

    #[test]
    fn an_unreachable_router_ends_the_path_and_says_why() {
        let mut s = state(30);
        let t0 = Instant::now();
        s.sent(0, 1, t0);
        s.on_reply(&Reply { seq: 0, from: ip("10.0.0.1"), kind: ReplyKind::TimeExceeded, at: t0 });
        for ttl in 2..=30 {
            s.sent(u16::from(ttl), ttl, t0);
            let kind = ReplyKind::Unreachable { icmp_type: 3, code: 1 };
            s.on_reply(&Reply { seq: u16::from(ttl), from: ip("10.0.0.1"), kind, at: t0 });
        }
        let snap = s.snapshot(true, 0);
        assert!(!snap.reached);
        assert_eq!(snap.hops.len(), 2);
        assert_eq!(
            snap.method_note.as_deref(),
            Some("The path ends early: hop 2 (10.0.0.1) answered: host unreachable.")
        );
    }

    #[test]
    fn a_silent_tail_is_shown_as_one_star_hop() {
        let mut s = state(30);
        let t0 = Instant::now();
        for ttl in 1..=30u8 {
            s.sent(u16::from(ttl), ttl, t0);
        }
        s.on_reply(&Reply { seq: 1, from: ip("10.0.0.1"), kind: ReplyKind::TimeExceeded, at: t0 });
        s.on_reply(&Reply { seq: 3, from: ip("10.0.0.3"), kind: ReplyKind::TimeExceeded, at: t0 });
        let live = s.snapshot(false, 0);
        assert_eq!(live.hops.len(), 4, "hops up to the last answer plus the next one");
        s.expire(t0 + Duration::from_secs(1), Duration::from_millis(800));
        let snap = s.snapshot(true, 0);
        assert_eq!(snap.hops.len(), 4);
        assert_eq!(snap.hops[1].addr, None, "a silent hop in the middle stays");
        assert_eq!(snap.hops[1].loss_percent, 100.0);
        assert_eq!(snap.hops[3].addr, None);
        assert!(!snap.reached);
    }

    #[test]
    fn names_are_pending_until_filled_in() {
        let mut s = TraceState::new(ip(TARGET), TraceProtocol::Icmp, None, 4, true);
        let t0 = Instant::now();
        s.sent(0, 1, t0);
        s.on_reply(&Reply { seq: 0, from: ip("10.77.1.1"), kind: ReplyKind::TimeExceeded, at: t0 });
        assert_eq!(s.take_new_addrs(), vec![ip("10.77.1.1")]);
        assert!(s.take_new_addrs().is_empty());
        assert_eq!(s.snapshot(false, 0).hops[0].name, HopName::Pending);
        s.set_name(ip("10.77.1.1"), HopName::Resolved("gw.office.test".into()));
        assert_eq!(s.snapshot(false, 0).hops[0].name, HopName::Resolved("gw.office.test".into()));
        s.set_name(ip("10.77.1.1"), HopName::Pending);
        s.time_out_pending_names();
        assert_eq!(s.snapshot(true, 0).hops[0].name, HopName::Timeout);
    }
}
