//! The socket side of ping and traceroute, as one OS-neutral interface: each OS module
//! (`linux/trace/`, `windows/trace.rs`, `macos/`) opens a [`Prober`] that sends probes
//! with a TTL and hands back [`Reply`]s on a channel; `net::trace` schedules the probes and
//! keeps the hop statistics without knowing how they were sent. Windows also offers an
//! [`EchoApi`] (the ICMP API), which `net::ping` uses in place of sockets.

use std::io;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

/// What the probes are.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TraceProtocol {
    /// UDP datagrams to high ports (classic traceroute); the destination answers "port unreachable".
    Udp,
    /// ICMP echo requests (`traceroute -I`, mtr's default); the destination answers with an echo reply.
    Icmp,
    /// TCP connection attempts to `port` (`traceroute -T`); the destination answers SYN-ACK or RST.
    /// Gets through firewalls that drop UDP and ICMP.
    Tcp { port: u16 },
}

impl std::fmt::Display for TraceProtocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TraceProtocol::Udp => f.write_str("UDP"),
            TraceProtocol::Icmp => f.write_str("ICMP"),
            TraceProtocol::Tcp { port } => write!(f, "TCP port {port}"),
        }
    }
}

/// What an answer to a probe says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyKind {
    /// A router on the way: "time to live exceeded".
    TimeExceeded,
    /// The destination itself answered (port unreachable, echo reply, SYN-ACK or RST).
    Reached,
    /// "Destination unreachable" other than the destination's expected answer, as the ICMP
    /// (ICMPv6 for IPv6 targets) type and code.
    Unreachable { icmp_type: u8, code: u8 },
}

/// An answer, matched to the probe by `seq`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub seq: u16,
    pub from: IpAddr,
    pub kind: ReplyKind,
    /// When it was read: the round trip is `at` minus the time the probe was sent.
    pub at: Instant,
}

/// The socket side of a trace.
pub trait Prober: Send {
    /// Send one probe with `ttl`; answers to it come back with `seq`.
    fn send(&mut self, ttl: u8, seq: u16) -> io::Result<()>;

    /// Send an ICMP echo request straight to `to` (a router on the path), with a normal
    /// TTL; its answer comes back with `seq`. Only ICMP probers can.
    fn send_echo(&mut self, _to: IpAddr, _seq: u16) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    /// How many distinct `seq` values this prober can tell apart.
    fn seq_space(&self) -> u32 {
        1 << 16
    }
}

/// What the per-OS module opened for a trace.
pub struct Opened {
    pub prober: Box<dyn Prober>,
    pub replies: mpsc::UnboundedReceiver<Reply>,
    /// The protocol actually used.
    pub protocol: TraceProtocol,
    /// How the probes are sent, when that is not the obvious way.
    pub note: Option<String>,
}

/// How to open the probe sockets of a trace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TraceSocketOptions {
    pub protocol: TraceProtocol,
    /// First UDP destination port; each probe uses the next one.
    pub first_port: u16,
    /// How long a probe waits for its answer (TCP connects, the Windows ICMP API).
    pub probe_timeout: Duration,
}

impl Default for TraceSocketOptions {
    /// ICMP echo, UDP ports from traceroute's 33434, 800 ms per probe (net::trace's defaults).
    fn default() -> Self {
        TraceSocketOptions {
            protocol: TraceProtocol::Icmp,
            first_port: 33434,
            probe_timeout: Duration::from_millis(800),
        }
    }
}

/// Why no probe could be sent at all.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("traceroute is not supported on this operating system yet ({0})")]
    Unsupported(&'static str),
    /// The protocol exists elsewhere but not here; the text says why and what to use.
    #[error("{0}")]
    ProtocolUnavailable(String),
    #[error("could not open the {what} probe socket: {source}")]
    OpenSocket { what: &'static str, source: io::Error },
    #[error("could not set {option} on the probe socket: {source}")]
    SetOption { option: &'static str, source: io::Error },
}

/// How one ICMP echo request sent through an [`EchoApi`] ended.
#[derive(Debug, Clone, PartialEq)]
pub enum EchoOutcome {
    /// An ICMP message about the request came back from `from`: the echo reply
    /// ([`ReplyKind::Reached`]), a router's "time exceeded", or an "unreachable".
    Answer { from: IpAddr, kind: ReplyKind, at: Instant },
    /// No answer within the timeout.
    TimedOut,
    /// The request failed on this computer, in plain words. `refused` when the OS or a
    /// policy (firewall) would not let this program send ICMP at all.
    Failed { why: String, refused: bool },
}

/// An OS service that sends ICMP echo requests for us and tells how each ended: the
/// Windows ICMP API (`IcmpSendEcho2`), which needs no administrator rights.
pub trait EchoApi: Send + Sync {
    /// Send one echo request to `to` with `ttl` (the OS default when `None`), `payload`
    /// bytes of data, giving up after `timeout`. The outcome arrives on the receiver; every
    /// request ends by itself (answer, timeout or failure), even if nobody listens.
    fn echo(&self, to: IpAddr, ttl: Option<u8>, payload: usize, timeout: Duration) -> oneshot::Receiver<EchoOutcome>;
}

/// How this OS sends ICMP echo requests.
pub enum EchoVia {
    /// Through sockets the program opens itself (datagram ICMP, raw ICMP).
    Sockets,
    /// Through the OS's ICMP service.
    Api(Arc<dyn EchoApi>),
    /// The OS's ICMP service exists but refused to open (policy, resources): the error.
    ApiRefused(io::Error),
}
