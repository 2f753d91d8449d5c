//! ICMP echo ("ping"): per-probe round-trip times and the min/avg/max/mdev summary.
//!
//! On Windows it goes through the OS's ICMP API (`IcmpSendEcho2`/`Icmp6SendEcho2`), as
//! ping.exe does, which needs no administrator rights. Elsewhere it prefers an
//! unprivileged ICMP datagram socket (Linux when `net.ipv4.ping_group_range` includes the
//! user, macOS), then a raw ICMP socket (root, CAP_NET_RAW). When ICMP is refused (no
//! socket allowed, or the Windows ICMP API blocked by policy) it times TCP connects (port
//! 443, then 80) and says so in [`PingStats::method`] and [`PingStats::note`]. Probes go
//! out every `interval` without waiting for earlier replies, like `ping -i`.

mod stats;
mod tcp;

pub use stats::{RttSummary, duration_ms, summarize};

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU16, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use surge_ping::{Client, Config, ICMP, IcmpPacket, PingIdentifier, PingSequence, SurgeError};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::platform;
use crate::platform::probe::{EchoApi, EchoOutcome, EchoVia, ReplyKind};

/// How to ping.
#[derive(Debug, Clone, PartialEq)]
pub struct PingOptions {
    /// Number of probes.
    pub count: u32,
    /// Time between sending probes (not between a reply and the next probe).
    pub interval: Duration,
    /// How long each probe waits for its answer.
    pub timeout: Duration,
    /// ICMP payload bytes, as `ping -s` (ignored by the TCP fallback).
    pub payload_size: usize,
}

impl Default for PingOptions {
    fn default() -> Self {
        PingOptions {
            count: 4,
            interval: Duration::from_millis(200),
            timeout: Duration::from_millis(1000),
            payload_size: 56,
        }
    }
}

/// How the probes were sent.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PingMethod {
    /// ICMP echo on a datagram socket, which needs no privileges where the OS allows it.
    IcmpUnprivileged,
    /// ICMP echo on a raw socket (root, CAP_NET_RAW or administrator).
    IcmpRaw,
    /// ICMP echo through the Windows ICMP API (`IcmpSendEcho2`), which needs no administrator rights.
    IcmpApi,
    /// Timed TCP connects to `port`, because ICMP was not permitted.
    TcpConnect { port: u16 },
}

/// The result of a ping, also published live while it runs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, schemars::JsonSchema)]
pub struct PingStats {
    pub target: IpAddr,
    pub method: PingMethod,
    /// Why the method is not plain ICMP echo, in plain words.
    pub note: Option<String>,
    /// Probes sent so far (all of them in the final result).
    pub sent: u32,
    pub received: u32,
    /// Loss among the probes that finished (answered or timed out).
    pub loss_percent: f64,
    /// One entry per sent probe, in order; `None` = lost, or not answered yet while `in_flight > 0`.
    pub rtts_ms: Vec<Option<f64>>,
    pub min_ms: Option<f64>,
    pub avg_ms: Option<f64>,
    pub max_ms: Option<f64>,
    /// Population standard deviation of the RTTs, as ping(8)'s "mdev".
    pub mdev_ms: Option<f64>,
    /// Probes still waiting for an answer; 0 in the final result.
    pub in_flight: u32,
    /// The first reason a probe failed other than silence, e.g. "host unreachable (from
    /// 10.0.0.1)" or a local "network is unreachable": it tells no route from no answer.
    pub probe_error: Option<String>,
    /// Which probes have finished (answered or given up), index for index with
    /// `rtts_ms`: lets a live view tell "lost" from "not answered yet". Not serialized:
    /// in a final result every probe has finished.
    #[serde(skip)]
    pub finished: Vec<bool>,
}

impl PingStats {
    /// Nothing sent yet: the first live snapshot.
    pub fn empty(target: IpAddr, method: PingMethod, note: Option<String>) -> Self {
        Self {
            target,
            method,
            note,
            sent: 0,
            received: 0,
            loss_percent: 0.0,
            rtts_ms: Vec::new(),
            min_ms: None,
            avg_ms: None,
            max_ms: None,
            mdev_ms: None,
            in_flight: 0,
            probe_error: None,
            finished: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PingError {
    #[error("ping needs at least one probe (count is 0)")]
    NoProbes,
    #[error("could not open a probe socket (ICMP: {icmp}; TCP fallback: {tcp}) for {target}")]
    NoSocket { icmp: String, tcp: io::Error, target: IpAddr },
}

impl PingError {
    /// Say why ICMP could not be used in a "no socket" error.
    fn with_icmp(self, why: String) -> PingError {
        match self {
            PingError::NoSocket { tcp, target, .. } => PingError::NoSocket { icmp: why, tcp, target },
            other => other,
        }
    }
}

/// What one probe came to.
pub(crate) enum ProbeOutcome {
    Answered(Duration),
    /// No answer within the timeout.
    Lost,
    /// No answer, for a reason worth reporting.
    Failed(String),
    /// Not sent: the OS or a policy refuses ICMP to this program.
    Refused(String),
}

/// Ping `target`. Loss is not an error: only "could not probe at all" is.
pub async fn ping(
    target: IpAddr,
    opts: &PingOptions,
    live: Option<&watch::Sender<PingStats>>,
) -> Result<PingStats, PingError> {
    if opts.count == 0 {
        return Err(PingError::NoProbes);
    }
    match platform::echo_via(target) {
        EchoVia::Api(api) => {
            let run = ping_api(api, target, opts, live).await;
            match refused_by_policy(&run) {
                Some(why) => ping_tcp(target, opts, live, &format!("ICMP echo was refused on this computer ({why})"))
                    .await
                    .map_err(|e| e.with_icmp(why)),
                None => Ok(run.stats),
            }
        }
        EchoVia::ApiRefused(err) => ping_tcp(target, opts, live, &format!("the ICMP API could not be opened ({err})"))
            .await
            .map_err(|e| e.with_icmp(err.to_string())),
        EchoVia::Sockets => match icmp_client(target) {
            Ok((client, method)) => Ok(ping_icmp(client, method, target, opts, live).await),
            Err(icmp_err) => {
                let why = format!("ICMP echo is not permitted for this user{}", platform::ICMP_DENIED_HINT);
                ping_tcp(target, opts, live, &why).await.map_err(|e| e.with_icmp(icmp_err.to_string()))
            }
        },
    }
}

/// Ping through the OS's ICMP service: each probe is one request the OS answers by
/// itself, all in flight at once on the interval schedule.
async fn ping_api(
    api: Arc<dyn EchoApi>,
    target: IpAddr,
    opts: &PingOptions,
    live: Option<&watch::Sender<PingStats>>,
) -> Run {
    let mut run = Run::new(target, PingMethod::IcmpApi, None);
    let (payload, timeout) = (opts.payload_size, opts.timeout);
    let probe = move |_| {
        // Stamped before the call: the answer may be in before the call returns.
        let sent_at = tokio::time::Instant::now();
        let answer = api.echo(target, None, payload, timeout);
        async move {
            // The OS ends every request by its own timeout; this only guards against a
            // completion that never comes.
            match tokio::time::timeout(timeout + API_GRACE, answer).await {
                Ok(Ok(outcome)) => api_outcome(outcome, sent_at),
                Ok(Err(_)) => ProbeOutcome::Failed("the ICMP request was dropped without an answer".into()),
                Err(_) => ProbeOutcome::Lost,
            }
        }
    };
    run_probes(&mut run, 0, opts, live, probe).await;
    run
}

/// Time beyond a probe's timeout that a request through the OS's ICMP API may take to
/// report back before it counts as lost.
const API_GRACE: Duration = Duration::from_millis(500);

/// One API outcome as a probe outcome: an echo reply is an answer, anything else from
/// the network is a failure in traceroute's words.
fn api_outcome(outcome: EchoOutcome, sent_at: tokio::time::Instant) -> ProbeOutcome {
    match outcome {
        EchoOutcome::Answer { kind: ReplyKind::Reached, at, .. } => {
            ProbeOutcome::Answered(at.saturating_duration_since(sent_at))
        }
        EchoOutcome::Answer { from, kind: ReplyKind::TimeExceeded, .. } => {
            ProbeOutcome::Failed(format!("time to live exceeded (from {from})"))
        }
        EchoOutcome::Answer { from, kind: ReplyKind::Unreachable { icmp_type, code }, .. } => {
            ProbeOutcome::Failed(format!("{} (from {from})", describe_icmp_error(from.is_ipv6(), icmp_type, code)))
        }
        EchoOutcome::TimedOut => ProbeOutcome::Lost,
        EchoOutcome::Failed { why, refused: true } => ProbeOutcome::Refused(why),
        EchoOutcome::Failed { why, refused: false } => ProbeOutcome::Failed(why),
    }
}

/// Why ICMP is blocked here, when every probe was refused by the OS or a policy: then
/// (and only then) TCP timing stands in.
fn refused_by_policy(run: &Run) -> Option<String> {
    let sent = run.stats.sent;
    (sent > 0 && run.refused == sent).then(|| run.stats.probe_error.clone().unwrap_or_default())
}

/// An ICMP client: datagram socket first (no privileges needed), raw socket second.
fn icmp_client(target: IpAddr) -> io::Result<(Client, PingMethod)> {
    let kind = if target.is_ipv4() { ICMP::V4 } else { ICMP::V6 };
    let make = |hint| Client::new(&Config::builder().kind(kind).sock_type_hint(hint).build());
    // surge-ping falls back between the two types itself but then reports the first
    // error; asking for RAW explicitly second makes us see the permission error on
    // systems (Windows) where DGRAM is merely unsupported.
    let client = match make(socket2::Type::DGRAM) {
        Ok(c) => c,
        Err(first) => make(socket2::Type::RAW)
            .map_err(|second| if second.kind() == io::ErrorKind::PermissionDenied { second } else { first })?,
    };
    let method = if client.get_socket().get_type() == socket2::Type::RAW {
        PingMethod::IcmpRaw
    } else {
        PingMethod::IcmpUnprivileged
    };
    Ok((client, method))
}

/// A per-process, per-call identifier so concurrent pings on raw sockets don't take
/// each other's replies (datagram sockets get a kernel-chosen one instead).
fn next_identifier() -> PingIdentifier {
    static COUNTER: AtomicU16 = AtomicU16::new(0);
    let pid = std::process::id() as u16;
    PingIdentifier(pid.rotate_left(8) ^ COUNTER.fetch_add(0x9e37, Ordering::Relaxed))
}

async fn ping_icmp(
    client: Client,
    method: PingMethod,
    target: IpAddr,
    opts: &PingOptions,
    live: Option<&watch::Sender<PingStats>>,
) -> PingStats {
    let mut run = Run::new(target, method, None);
    let ident = next_identifier();
    let payload: Arc<[u8]> = vec![0u8; opts.payload_size].into();
    let timeout = opts.timeout;
    let probe = move |i: u32| {
        let client = client.clone();
        let payload = payload.clone();
        async move {
            let mut pinger = client.pinger(target, ident).await;
            pinger.timeout(timeout);
            // Sequence numbers wrap like ping's; only 65536 probes in flight could collide.
            match pinger.ping(PingSequence((i % 65536) as u16), &payload).await {
                Ok((packet, rtt)) => match icmp_reply_error(&packet) {
                    None => ProbeOutcome::Answered(rtt),
                    Some(err) => ProbeOutcome::Failed(err),
                },
                Err(SurgeError::Timeout { .. }) => ProbeOutcome::Lost,
                Err(e) => ProbeOutcome::Failed(format!("{e}")),
            }
        }
    };
    run_probes(&mut run, 0, opts, live, probe).await;
    run.stats
}

/// `None` for an echo reply; a description for an ICMP error about our request.
fn icmp_reply_error(packet: &IcmpPacket) -> Option<String> {
    let (v6, ty, code, from) = match packet {
        IcmpPacket::V4(p) => (false, p.get_icmp_type().0, p.get_icmp_code().0, IpAddr::V4(p.get_source())),
        IcmpPacket::V6(p) => (true, p.get_icmpv6_type().0, p.get_icmpv6_code().0, IpAddr::V6(p.get_source())),
    };
    let echo_reply = if v6 { 129 } else { 0 };
    (ty != echo_reply).then(|| format!("{} (from {from})", describe_icmp_error(v6, ty, code)))
}

/// Plain words for an ICMP error type/code, in traceroute's vocabulary.
pub(crate) fn describe_icmp_error(v6: bool, icmp_type: u8, code: u8) -> String {
    let text = match (v6, icmp_type, code) {
        (false, 11, _) | (true, 3, _) => "time to live exceeded",
        (false, 3, 0) | (true, 1, 0) => "network unreachable",
        (false, 3, 1) | (true, 1, 3) => "host unreachable",
        (false, 3, 2) => "protocol unreachable",
        (false, 3, 3) | (true, 1, 4) => "port unreachable",
        (false, 3, 4) => "fragmentation needed",
        (false, 3, 9 | 10 | 13) | (true, 1, 1) => "administratively prohibited",
        (false, 3, _) | (true, 1, _) => return format!("destination unreachable (code {code})"),
        (true, 2, _) => "packet too big",
        _ => return format!("ICMP{} type {icmp_type} code {code}", if v6 { "v6" } else { "" }),
    };
    text.to_string()
}

/// Time TCP connects instead of ICMP echo; `why` says why ICMP could not be used.
async fn ping_tcp(
    target: IpAddr,
    opts: &PingOptions,
    live: Option<&watch::Sender<PingStats>>,
    why: &str,
) -> Result<PingStats, PingError> {
    tcp::check_socket(target).map_err(|tcp| PingError::NoSocket { icmp: why.to_string(), tcp, target })?;
    let why = why.to_string();
    let [first_port, second_port] = tcp::FALLBACK_PORTS;
    let mut run = Run::new(target, PingMethod::TcpConnect { port: first_port }, Some(why.clone()));
    // Probe 1 picks the port: the first one that answers at all, even with a refusal.
    run.sent();
    run.publish(live);
    let mut first = ProbeOutcome::Lost;
    let mut chosen = None;
    for port in tcp::FALLBACK_PORTS {
        let outcome = tcp::connect_probe(SocketAddr::new(target, port), opts.timeout).await;
        let answered = matches!(outcome, ProbeOutcome::Answered(_));
        // Keep a reported failure over a later plain timeout: it says more.
        if answered || !matches!(outcome, ProbeOutcome::Lost) || matches!(first, ProbeOutcome::Lost) {
            first = outcome;
        }
        if answered {
            chosen = Some(port);
            break;
        }
    }
    let port = chosen.unwrap_or(first_port);
    run.stats.method = PingMethod::TcpConnect { port };
    run.stats.note = Some(match chosen {
        Some(port) => format!(
            "{why}, so this timed TCP connections to port {port} instead (an answer, even a refusal, proves the host is up)."
        ),
        None => format!(
            "{why}, so this timed TCP connections instead; neither port {first_port} nor {second_port} answered, so the host may be up but filtering them."
        ),
    });
    run.finish(0, first);
    run.publish(live);
    if opts.count > 1 {
        let timeout = opts.timeout;
        let probe = move |_| tcp::connect_probe(SocketAddr::new(target, port), timeout);
        run_probes(&mut run, 1, opts, live, probe).await;
    }
    Ok(run.stats)
}

/// Send probes `first..opts.count` every `interval` without waiting for earlier replies,
/// folding each outcome into `run` as it arrives.
async fn run_probes<F, Fut>(
    run: &mut Run,
    first: u32,
    opts: &PingOptions,
    live: Option<&watch::Sender<PingStats>>,
    mut probe: F,
) where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = ProbeOutcome> + Send + 'static,
{
    let mut tasks = JoinSet::new();
    let mut index_of = HashMap::new();
    let begin = tokio::time::Instant::now();
    let mut next = first;
    loop {
        let joined = if next < opts.count {
            let due = begin + opts.interval.saturating_mul(next - first);
            tokio::select! {
                _ = tokio::time::sleep_until(due) => {
                    let handle = tasks.spawn(probe(next));
                    index_of.insert(handle.id(), next);
                    run.sent();
                    next += 1;
                    None
                }
                Some(joined) = tasks.join_next_with_id() => Some(joined),
            }
        } else {
            match tasks.join_next_with_id().await {
                Some(joined) => Some(joined),
                None => break,
            }
        };
        match joined {
            Some(Ok((id, outcome))) => {
                if let Some(i) = index_of.remove(&id) {
                    run.finish(i, outcome);
                }
            }
            Some(Err(e)) => {
                if let Some(i) = index_of.remove(&e.id()) {
                    run.finish(i, ProbeOutcome::Failed(format!("probe task failed: {e}")));
                }
            }
            None => {}
        }
        run.publish(live);
    }
}

/// The stats being built; `stats.finished` says which probes are done.
struct Run {
    stats: PingStats,
    /// Probes the OS refused to send (policy), as opposed to lost or failed ones.
    refused: u32,
}

impl Run {
    fn new(target: IpAddr, method: PingMethod, note: Option<String>) -> Run {
        Run { stats: PingStats::empty(target, method, note), refused: 0 }
    }

    fn sent(&mut self) {
        self.stats.rtts_ms.push(None);
        self.stats.finished.push(false);
        self.refresh();
    }

    fn finish(&mut self, index: u32, outcome: ProbeOutcome) {
        let i = index as usize;
        if i >= self.stats.finished.len() {
            return;
        }
        self.stats.finished[i] = true;
        match outcome {
            ProbeOutcome::Answered(rtt) => self.stats.rtts_ms[i] = Some(duration_ms(rtt)),
            ProbeOutcome::Lost => {}
            ProbeOutcome::Failed(why) => {
                self.stats.probe_error.get_or_insert(why);
            }
            ProbeOutcome::Refused(why) => {
                self.refused += 1;
                self.stats.probe_error.get_or_insert(why);
            }
        }
        self.refresh();
    }

    fn refresh(&mut self) {
        let finished: Vec<Option<f64>> =
            self.stats.rtts_ms.iter().zip(&self.stats.finished).filter(|(_, done)| **done).map(|(r, _)| *r).collect();
        let s = summarize(&finished);
        let st = &mut self.stats;
        st.sent = u32::try_from(st.rtts_ms.len()).unwrap_or(u32::MAX);
        st.in_flight = st.sent - s.sent;
        st.received = s.received;
        st.loss_percent = s.loss_percent;
        (st.min_ms, st.avg_ms, st.max_ms, st.mdev_ms) = (s.min_ms, s.avg_ms, s.max_ms, s.mdev_ms);
    }

    fn publish(&self, live: Option<&watch::Sender<PingStats>>) {
        if let Some(tx) = live {
            tx.send_replace(self.stats.clone());
        }
    }
}

#[cfg(test)]
mod tests;
