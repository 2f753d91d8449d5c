//! Traceroute with mtr-style per-hop statistics, published as live snapshots.
//!
//! Every TTL is in flight at once, the way traceroute does it: probes go out in TTL order,
//! up to a window of 16 while the end of the path is unknown, and the trace ends as soon
//! as the destination has answered and every lower hop is complete. Each router's probes
//! are paced within the ICMP budget a stock Linux router has for us (a burst of 6 errors,
//! then 1 per second), so per-hop statistics show what the path does, not the router's
//! rate limit; the destination's echo replies are not limited and go every
//! `round_interval`. What loss is left is classified by mtr's rule ([`Loss`]). Hops past
//! the destination are dropped. Reverse DNS of hop addresses runs alongside and fills
//! names in as they arrive ([`HopName`]); it never holds up probing.
//!
//! The socket layer is per OS (`platform::open_trace`, see `platform/probe.rs`); the round
//! scheduler (`driver.rs`) and the hop bookkeeping (`state.rs`) are plain Rust shared by
//! all, so every OS gets the same hop table. Nothing needs privileges: on Linux ICMP
//! errors come back through `IP_RECVERR` on datagram sockets, the way tracepath does it;
//! on Windows every probe is an `IcmpSendEcho2Ex` call with its TTL, the way tracert does
//! it, and only ICMP is offered there.

mod driver;
mod loss;
mod names;
mod state;
mod table;

pub use crate::platform::probe::TraceProtocol;
pub use loss::{Loss, classify_loss};
pub use table::{format_rtt, format_table};

use std::io;
use std::net::IpAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use crate::platform::probe::{OpenError, TraceSocketOptions};

/// How to trace.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceOptions {
    pub protocol: TraceProtocol,
    /// The highest TTL probed.
    pub max_hops: u8,
    /// Probes per hop. 10 gives mtr-style statistics.
    pub probes_per_hop: u32,
    /// Probes to the destination's TTL once it is known, when more than `probes_per_hop`:
    /// its echo replies are not rate-limited, so it can measure the end-to-end loss well.
    pub destination_probes: u32,
    /// End as soon as the destination has answered all its probes and every lower hop has
    /// had its burst answered or lost: with no loss end to end there is no loss to place,
    /// and more paced probes to the routers would only take time. For the suite's verdict;
    /// statistics mode leaves it off to fill every row.
    pub settle_when_clean: bool,
    /// When the destination loses probes, also ping each router on the path directly (as
    /// pathping does), `destination_probes` times each, to place the loss. ICMP only.
    pub echo_hops_on_loss: bool,
    /// Stop after this long even if not every probe went out: probes still unanswered
    /// then are left out of the statistics (not counted as lost). `None`: no limit.
    pub max_duration: Option<Duration>,
    /// How long a probe waits for its answer before it counts as lost.
    pub probe_timeout: Duration,
    /// Least time between two probes to the same TTL once its router's burst is used
    /// (and between all probes to a destination that is not rate-limited).
    pub round_interval: Duration,
    /// The ICMP budget each router is assumed to have for us: it answers a burst of
    /// `router_burst` probes at once, then one per `router_refill`. Stock Linux: 6 and
    /// 1 s (`net.ipv4.icmp_ratelimit`). A stricter router shows as rate-limited.
    pub router_burst: u32,
    pub router_refill: Duration,
    /// Look up hop names (reverse DNS) alongside the trace.
    pub resolve_names: bool,
    /// First UDP destination port; each probe uses the next one, so answers can be matched.
    pub first_port: u16,
    /// How long one reverse lookup may take before it counts as [`HopName::Timeout`].
    pub name_timeout: Duration,
    /// Ask these DNS servers (port 53) for hop names instead of the system's resolvers.
    pub dns_servers: Vec<IpAddr>,
}

impl Default for TraceOptions {
    fn default() -> Self {
        TraceOptions {
            // Like mtr: echo replies are not rate-limited the way port-unreachables are, so
            // the destination row is true. Falls back to UDP (saying so) where not permitted.
            protocol: TraceProtocol::Icmp,
            max_hops: 30,
            probes_per_hop: 3,
            destination_probes: 0,
            settle_when_clean: false,
            echo_hops_on_loss: false,
            max_duration: None,
            probe_timeout: Duration::from_millis(800),
            round_interval: Duration::from_millis(50),
            router_burst: 6,
            // A little over the router's 1 s, so its clock and ours never disagree by a token.
            router_refill: Duration::from_millis(1050),
            resolve_names: true,
            first_port: 33434,
            name_timeout: Duration::from_millis(1000),
            dns_servers: Vec::new(),
        }
    }
}

/// The reverse-DNS name of a hop's address.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, schemars::JsonSchema)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum HopName {
    /// The lookup is still running.
    Pending,
    Resolved(String),
    /// The address has no name (NXDOMAIN or no PTR record).
    NotFound,
    /// The lookup failed for another reason (server failure, no DNS configured).
    Failed(String),
    /// No answer within `name_timeout`.
    Timeout,
    /// Lookups are off, or the hop has no address.
    Disabled,
}

/// One TTL of the path.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, schemars::JsonSchema)]
pub struct Hop {
    pub ttl: u8,
    /// The router (or destination) that answered; `None` ("*") if nothing did.
    pub addr: Option<IpAddr>,
    /// Other routers that answered for this TTL (load balancing, ECMP), in the order seen.
    pub other_addrs: Vec<IpAddr>,
    /// Name of `addr`.
    pub name: HopName,
    /// Probes sent for this TTL, including those still in flight.
    pub sent: u32,
    pub received: u32,
    /// Loss among finished probes (answered or timed out).
    pub loss_percent: f64,
    pub last_ms: Option<f64>,
    pub avg_ms: Option<f64>,
    pub best_ms: Option<f64>,
    pub worst_ms: Option<f64>,
    /// Finished probes in the order sent, `None` = lost. `sent - rtts_ms.len()` are in flight.
    /// Times are whole microseconds (as milliseconds with three decimals).
    pub rtts_ms: Vec<Option<f64>>,
    pub is_destination: bool,
    /// What this hop's loss means (mtr's rule, see [`classify_loss`]).
    #[serde(default)]
    pub loss: Loss,
    /// Echo requests sent straight to this router (as pathping does), when the
    /// destination showed loss: routers don't rate-limit echo replies the way they do
    /// traceroute answers, so these place the loss with many more probes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub echo: Option<EchoCounts>,
}

/// Echo requests to one router and its answers.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Default, schemars::JsonSchema)]
pub struct EchoCounts {
    /// Finished echo requests (answered or timed out).
    pub sent: u32,
    pub received: u32,
    pub loss_percent: f64,
}

/// The path as known so far; the final one has `done == true`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, schemars::JsonSchema)]
pub struct TraceSnapshot {
    pub target: IpAddr,
    /// The protocol actually used (UDP when ICMP was asked for but is not permitted).
    pub protocol: TraceProtocol,
    /// How the probes were sent when that is not the obvious way, and why the path ends
    /// early when a router said so ("hop 3 (10.0.0.1) answered: host unreachable").
    pub method_note: Option<String>,
    /// Hops 1..=destination when reached; otherwise up to the first silent hop after the
    /// last one that answered (the silent tail is not listed hop by hop).
    pub hops: Vec<Hop>,
    pub reached: bool,
    pub done: bool,
    pub elapsed_ms: u64,
}

impl TraceSnapshot {
    /// Nothing probed yet: the first live snapshot.
    pub fn empty(target: IpAddr, protocol: TraceProtocol) -> Self {
        Self { target, protocol, method_note: None, hops: Vec::new(), reached: false, done: false, elapsed_ms: 0 }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TraceError {
    #[error("traceroute options are invalid: {0}")]
    InvalidOptions(&'static str),
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("could not send probes ({source}) to {target}")]
    Send { source: io::Error, target: IpAddr },
}

/// Trace the path to `target`. Silence is not an error: only "could not probe at all" is.
pub async fn trace(
    target: IpAddr,
    opts: &TraceOptions,
    live: Option<&watch::Sender<TraceSnapshot>>,
) -> Result<TraceSnapshot, TraceError> {
    if opts.max_hops == 0 {
        return Err(TraceError::InvalidOptions("max_hops must be at least 1"));
    }
    if opts.probes_per_hop == 0 {
        return Err(TraceError::InvalidOptions("probes_per_hop must be at least 1"));
    }
    if opts.router_burst == 0 {
        return Err(TraceError::InvalidOptions("router_burst must be at least 1"));
    }
    let socket_opts =
        TraceSocketOptions { protocol: opts.protocol, first_port: opts.first_port, probe_timeout: opts.probe_timeout };
    let opened = crate::platform::open_trace(target, &socket_opts)?;
    driver::drive(target, opts, opened, live).await
}

#[cfg(test)]
mod tests;
