//! Traceroute sockets on Linux. None need privileges: UDP and ICMP-datagram probes get
//! their ICMP errors through `IP_RECVERR`, TCP probes are plain connects with a TTL. ICMP
//! falls back to a raw socket when unprivileged ICMP sockets are refused but we are root,
//! and to UDP (saying so) when neither is allowed.

mod dgram;
mod errqueue;
mod packets;
mod tcp;

use std::io;
use std::net::{IpAddr, SocketAddr};

use dgram::{DgramProber, Mode};

use crate::platform::probe::{OpenError, Opened, TraceProtocol, TraceSocketOptions};

const RAW_NOTE: &str =
    "ICMP echo on a raw socket: unprivileged ICMP sockets are not permitted here (net.ipv4.ping_group_range).";
const UDP_FALLBACK_NOTE: &str = "ICMP echo is not permitted for this user (net.ipv4.ping_group_range excludes the user's groups and raw sockets need CAP_NET_RAW), so this trace used UDP probes instead.";

pub(super) fn open(target: IpAddr, opts: &TraceSocketOptions) -> Result<Opened, OpenError> {
    match opts.protocol {
        TraceProtocol::Udp => open_udp(target, opts, None),
        TraceProtocol::Icmp => match dgram::socket(target, Mode::IcmpDgram) {
            Ok(sock) => start(sock, target, Mode::IcmpDgram, TraceProtocol::Icmp, None),
            Err(e) if denied(&e) => {
                let mode = Mode::IcmpRaw { ident: raw_identifier() };
                match dgram::socket(target, mode) {
                    Ok(sock) => start(sock, target, mode, TraceProtocol::Icmp, Some(RAW_NOTE)),
                    Err(e) if denied(&e) => open_udp(target, opts, Some(UDP_FALLBACK_NOTE)),
                    Err(source) => Err(OpenError::OpenSocket { what: "raw ICMP", source }),
                }
            }
            Err(source) => Err(OpenError::OpenSocket { what: "ICMP", source }),
        },
        TraceProtocol::Tcp { port } => {
            let (prober, replies) = tcp::TcpProber::new(SocketAddr::new(target, port), opts.probe_timeout);
            Ok(Opened { prober: Box::new(prober), replies, protocol: opts.protocol, note: None })
        }
    }
}

fn open_udp(target: IpAddr, opts: &TraceSocketOptions, note: Option<&str>) -> Result<Opened, OpenError> {
    let sock = dgram::socket(target, Mode::Udp { first_port: 0 })
        .map_err(|source| OpenError::OpenSocket { what: "UDP", source })?;
    // Port 0 cannot be a destination; ports count up from first_port.
    let mode = Mode::Udp { first_port: opts.first_port.max(1) };
    start(sock, target, mode, TraceProtocol::Udp, note)
}

fn start(
    sock: socket2::Socket,
    target: IpAddr,
    mode: Mode,
    protocol: TraceProtocol,
    note: Option<&str>,
) -> Result<Opened, OpenError> {
    let (prober, replies) = DgramProber::start(sock, target, mode)
        .map_err(|source| OpenError::SetOption { option: "IP_RECVERR and non-blocking mode", source })?;
    Ok(Opened { prober: Box::new(prober), replies, protocol, note: note.map(str::to_string) })
}

/// EACCES/EPERM: the OS refuses this kind of socket to this user.
fn denied(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::PermissionDenied
}

/// Raw sockets see every ICMP packet on the host; our identifier picks out ours.
fn raw_identifier() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static COUNTER: AtomicU16 = AtomicU16::new(0x5a5a);
    (std::process::id() as u16) ^ COUNTER.fetch_add(0x3c6f, Ordering::Relaxed)
}
