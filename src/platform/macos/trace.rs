//! Traceroute sockets on macOS, with no privileges: an unprivileged ICMP datagram socket
//! (`SOCK_DGRAM`, `IPPROTO_ICMP`/`IPPROTO_ICMPV6`) both sends the echo probes, with the
//! TTL set per probe (XNU allows `IP_TTL`/`IPV6_UNICAST_HOPS` on it), and hears every
//! ICMP answer: echo replies and the routers' "time exceeded" quoting our probes. UDP
//! probes go out on a plain UDP socket and their ICMP errors are heard on the same ICMP
//! socket. macOS has no `IP_RECVERR`, so this is the only unprivileged way; see
//! [`super::icmp`] for the kernel's rules. The round scheduler is `net::trace`'s.
//!
//! TCP probes are not offered here: their answers would need the same matching by
//! quoted TCP port, which is not written yet.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use socket2::{Domain, Protocol, SockRef, Socket, Type};
use tokio::net::UdpSocket;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::icmp::{self, AnswerKind, Probes};
use crate::net::trace::{Opened, Prober, Reply, ReplyKind, TraceError, TraceOptions, TraceProtocol};

/// Payload of echo probes, after the 8-byte header: recognisable in a packet capture.
const ICMP_PAYLOAD: &[u8; 24] = b"deskcheck traceroute\0\0\0\0";
/// Payload of UDP probes.
const UDP_PAYLOAD: &[u8; 32] = b"deskcheck traceroute probe\0\0\0\0\0\0";
/// TTL of echo requests sent straight to a router: enough for any path.
const ECHO_TTL: u8 = 64;

/// Open the sockets for a trace to `target`. Must run inside a tokio runtime.
pub(crate) fn open(target: IpAddr, opts: &TraceOptions) -> Result<Opened, TraceError> {
    open_with(target, opts, Type::DGRAM)
}

/// `open` with the ICMP socket's type as a parameter: macOS's unprivileged ICMP socket is
/// `SOCK_DGRAM`; Linux's `SOCK_RAW` behaves the same way on receive, which lets the tests
/// drive this code through real sockets on Linux as root.
fn open_with(target: IpAddr, opts: &TraceOptions, icmp_type: Type) -> Result<Opened, TraceError> {
    let listener = icmp_socket(target, icmp_type).map_err(|source| TraceError::OpenSocket { what: "ICMP", source })?;
    let (probes, udp) = match opts.protocol {
        TraceProtocol::Icmp => (Probes::Echo { ident: identifier() }, None),
        TraceProtocol::Udp => {
            let udp = udp_socket(target).map_err(|source| TraceError::OpenSocket { what: "UDP", source })?;
            let src_port = udp
                .local_addr()
                .map_err(|source| TraceError::OpenSocket { what: "UDP (no local port)", source })?
                .port();
            // Port 0 cannot be a destination; ports count up from first_port.
            (Probes::Udp { src_port, first_port: opts.first_port.max(1) }, Some(Arc::new(udp)))
        }
        TraceProtocol::Tcp { .. } => return Err(TraceError::Unsupported("TCP probes on macOS; ICMP and UDP work")),
    };
    let listener = Arc::new(listener);
    let (tx, replies) = mpsc::unbounded_channel();
    let mut readers = vec![tokio::spawn(read_icmp(listener.clone(), target.is_ipv6(), probes, tx.clone()))];
    if let (Some(udp), Probes::Udp { first_port, .. }) = (&udp, probes) {
        readers.push(tokio::spawn(read_udp(udp.clone(), target, first_port, tx)));
    }
    let prober = BsdProber { icmp: listener, udp, target, probes, readers };
    Ok(Opened { prober: Box::new(prober), replies, protocol: opts.protocol, note: None })
}

fn icmp_socket(target: IpAddr, ty: Type) -> io::Result<UdpSocket> {
    let (domain, protocol) =
        if target.is_ipv4() { (Domain::IPV4, Protocol::ICMPV4) } else { (Domain::IPV6, Protocol::ICMPV6) };
    let sock = Socket::new(domain, ty, Some(protocol))?;
    sock.set_nonblocking(true)?;
    // tokio's UdpSocket drives any datagram-style fd: sendto/recvfrom with a sockaddr.
    UdpSocket::from_std(std::net::UdpSocket::from(sock))
}

fn udp_socket(target: IpAddr) -> io::Result<UdpSocket> {
    let any = if target.is_ipv4() { IpAddr::V4(Ipv4Addr::UNSPECIFIED) } else { IpAddr::V6(Ipv6Addr::UNSPECIFIED) };
    let sock = std::net::UdpSocket::bind(SocketAddr::new(any, 0))?;
    sock.set_nonblocking(true)?;
    UdpSocket::from_std(sock)
}

/// Every ICMP socket sees every echo reply on the host; our identifier picks out ours.
fn identifier() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static COUNTER: AtomicU16 = AtomicU16::new(0x2d1b);
    (std::process::id() as u16).rotate_left(5) ^ COUNTER.fetch_add(0x61c9, Ordering::Relaxed)
}

struct BsdProber {
    icmp: Arc<UdpSocket>,
    udp: Option<Arc<UdpSocket>>,
    target: IpAddr,
    probes: Probes,
    readers: Vec<JoinHandle<()>>,
}

impl Drop for BsdProber {
    fn drop(&mut self) {
        for reader in &self.readers {
            reader.abort();
        }
    }
}

/// Set the TTL, then send straight on the non-blocking fd: tokio's `try_send_to` would
/// refuse until its reactor has seen the socket writable once.
fn send_with_ttl(sock: &UdpSocket, ttl: u8, packet: &[u8], to: SocketAddr) -> io::Result<()> {
    let sock = SockRef::from(sock);
    if to.is_ipv6() {
        sock.set_unicast_hops_v6(u32::from(ttl))?;
    } else {
        sock.set_ttl_v4(u32::from(ttl))?;
    }
    sock.send_to(packet, &to.into()).map(drop)
}

impl Prober for BsdProber {
    fn send(&mut self, ttl: u8, seq: u16) -> io::Result<()> {
        let v6 = self.target.is_ipv6();
        match (self.probes, &self.udp) {
            (Probes::Echo { ident }, _) => {
                let packet = icmp::echo_request(v6, ident, seq, ICMP_PAYLOAD);
                send_with_ttl(&self.icmp, ttl, &packet, SocketAddr::new(self.target, 0))
            }
            (Probes::Udp { first_port, .. }, Some(udp)) => {
                let port = first_port.saturating_add(seq);
                send_with_ttl(udp, ttl, UDP_PAYLOAD, SocketAddr::new(self.target, port))
            }
            (Probes::Udp { .. }, None) => Err(io::Error::other("the UDP probe socket is missing")),
        }
    }

    fn send_echo(&mut self, to: IpAddr, seq: u16) -> io::Result<()> {
        let Probes::Echo { ident } = self.probes else { return Err(io::ErrorKind::Unsupported.into()) };
        let v6 = to.is_ipv6();
        if v6 != self.target.is_ipv6() {
            return Err(io::ErrorKind::InvalidInput.into());
        }
        let packet = icmp::echo_request(v6, ident, seq, ICMP_PAYLOAD);
        send_with_ttl(&self.icmp, ECHO_TTL, &packet, SocketAddr::new(to, 0))
    }

    fn seq_space(&self) -> u32 {
        match self.probes {
            // Ports first_port..=65535 tell probes apart.
            Probes::Udp { first_port, .. } => 65536 - u32::from(first_port),
            Probes::Echo { .. } => 1 << 16,
        }
    }
}

/// Everything the ICMP socket hears, turned into replies to our probes.
async fn read_icmp(sock: Arc<UdpSocket>, v6: bool, probes: Probes, tx: mpsc::UnboundedSender<Reply>) {
    let mut buf = [0u8; 1500];
    loop {
        let (n, from) = match sock.recv_from(&mut buf).await {
            Ok(got) => got,
            Err(e) => {
                tracing::debug!("traceroute ICMP socket read: {e}");
                return;
            }
        };
        let at = Instant::now();
        let packet = &buf[..n.min(buf.len())];
        let answer = if v6 { icmp::parse_v6(packet, from.ip(), probes) } else { icmp::parse_v4(packet, probes) };
        if let Some(a) = answer
            && tx.send(Reply { seq: a.seq, from: a.from, kind: reply_kind(a.kind), at }).is_err()
        {
            return;
        }
    }
}

/// A UDP service at the destination that answers a probe: reached, like port unreachable.
async fn read_udp(sock: Arc<UdpSocket>, target: IpAddr, first_port: u16, tx: mpsc::UnboundedSender<Reply>) {
    let mut buf = [0u8; 1500];
    loop {
        let from = match sock.recv_from(&mut buf).await {
            Ok((_, from)) => from,
            Err(e) => {
                // A queued ICMP error can fail one read on some systems; keep listening.
                tracing::debug!("traceroute UDP socket read: {e}");
                continue;
            }
        };
        let Some(seq) = from.port().checked_sub(first_port).filter(|_| from.ip() == target) else { continue };
        if tx.send(Reply { seq, from: from.ip(), kind: ReplyKind::Reached, at: Instant::now() }).is_err() {
            return;
        }
    }
}

fn reply_kind(kind: AnswerKind) -> ReplyKind {
    match kind {
        AnswerKind::TimeExceeded => ReplyKind::TimeExceeded,
        AnswerKind::Reached => ReplyKind::Reached,
        AnswerKind::Unreachable { icmp_type, code } => ReplyKind::Unreachable { icmp_type, code },
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::time::Duration;

    use super::*;

    /// The whole socket path on real sockets: on Linux a raw ICMP socket delivers what
    /// macOS's ICMP datagram socket does (IPv4 header included, every ICMP packet), so
    /// as root this traces loopback with this module's code. Loopback only: nothing leaves
    /// the machine.
    #[tokio::test]
    async fn loopback_echo_probes_come_back_through_the_icmp_socket() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: raw ICMP sockets (standing in for macOS's datagram ones) need root");
            return;
        }
        for target in [IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V6(Ipv6Addr::LOCALHOST)] {
            let opts = TraceOptions { protocol: TraceProtocol::Icmp, ..TraceOptions::default() };
            let Opened { mut prober, mut replies, .. } = open_with(target, &opts, Type::RAW).unwrap();
            prober.send(1, 7).unwrap();
            prober.send(2, 8).unwrap();
            let mut seqs = Vec::new();
            while seqs.len() < 2 {
                let reply = tokio::time::timeout(Duration::from_secs(3), replies.recv()).await.unwrap().unwrap();
                assert_eq!((reply.from, reply.kind), (target, ReplyKind::Reached));
                seqs.push(reply.seq);
            }
            seqs.sort_unstable();
            assert_eq!(seqs, vec![7, 8], "{target}");
        }
    }

    #[tokio::test]
    async fn udp_probes_to_a_closed_loopback_port_are_reached() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: raw ICMP sockets (standing in for macOS's datagram ones) need root");
            return;
        }
        let target = IpAddr::V4(Ipv4Addr::LOCALHOST);
        // A port nothing listens on: bind one, note it, close it.
        let port = std::net::UdpSocket::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let opts = TraceOptions { protocol: TraceProtocol::Udp, first_port: port - 3, ..TraceOptions::default() };
        let Opened { mut prober, mut replies, .. } = open_with(target, &opts, Type::RAW).unwrap();
        prober.send(1, 3).unwrap();
        let reply = tokio::time::timeout(Duration::from_secs(3), replies.recv()).await.unwrap().unwrap();
        assert_eq!((reply.seq, reply.from, reply.kind), (3, target, ReplyKind::Reached));
        let tcp = TraceOptions { protocol: TraceProtocol::Tcp { port: 443 }, ..TraceOptions::default() };
        assert!(matches!(open_with(target, &tcp, Type::RAW), Err(TraceError::Unsupported(_))));
    }
}
