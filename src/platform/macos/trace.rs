//! Traceroute sockets on macOS, with no privileges: an unprivileged ICMP datagram socket
//! (`SOCK_DGRAM`, `IPPROTO_ICMP`/`IPPROTO_ICMPV6`) both sends the echo probes, with the
//! TTL set per probe (XNU allows `IP_TTL`/`IPV6_UNICAST_HOPS` on it), and hears every
//! ICMP answer: echo replies and the routers' "time exceeded" quoting our probes. UDP
//! probes go out on a plain UDP socket and their ICMP errors are heard on the same ICMP
//! socket. TCP probes are connects, each from its own socket with the TTL set: the
//! destination answers by accepting or refusing, routers' "time exceeded" quoting the
//! probe's source port is heard on the ICMP socket. macOS has no `IP_RECVERR`, so this is
//! the only unprivileged way; see [`super::icmp`] for the kernel's rules. The round
//! scheduler is `net::trace`'s.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use socket2::{Domain, Protocol, SockRef, Socket, Type};
use tokio::net::{TcpSocket, UdpSocket};
use tokio::sync::mpsc;
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;

use super::icmp::{self, AnswerKind, Probes};
// The socket-layer interface every OS implements (`platform::open_trace`).
use crate::platform::probe::{OpenError, Opened, Prober, Reply, ReplyKind, TraceProtocol, TraceSocketOptions};

/// Payload of echo probes, after the 8-byte header: recognisable in a packet capture.
const ICMP_PAYLOAD: &[u8; 24] = b"deskcheck traceroute\0\0\0\0";
/// Payload of UDP probes.
const UDP_PAYLOAD: &[u8; 32] = b"deskcheck traceroute probe\0\0\0\0\0\0";
/// TTL of echo requests sent straight to a router: enough for any path.
const ECHO_TTL: u8 = 64;

/// Open the sockets for a trace to `target`. Must run inside a tokio runtime.
pub(super) fn open(target: IpAddr, opts: &TraceSocketOptions) -> Result<Opened, OpenError> {
    open_with(target, opts, Type::DGRAM)
}

/// `open` with the ICMP socket's type as a parameter: macOS's unprivileged ICMP socket is
/// `SOCK_DGRAM`; Linux's `SOCK_RAW` behaves the same way on receive, which lets the tests
/// drive this code through real sockets on Linux as root.
fn open_with(target: IpAddr, opts: &TraceSocketOptions, icmp_type: Type) -> Result<Opened, OpenError> {
    let listener = icmp_socket(target, icmp_type).map_err(|source| OpenError::OpenSocket { what: "ICMP", source })?;
    let (probes, udp) = match opts.protocol {
        TraceProtocol::Icmp => (Probes::Echo { ident: identifier() }, None),
        TraceProtocol::Udp => {
            let udp = udp_socket(target).map_err(|source| OpenError::OpenSocket { what: "UDP", source })?;
            let src_port = udp
                .local_addr()
                .map_err(|source| OpenError::OpenSocket { what: "UDP (no local port)", source })?
                .port();
            // Port 0 cannot be a destination; ports count up from first_port.
            (Probes::Udp { src_port, first_port: opts.first_port.max(1) }, Some(Arc::new(udp)))
        }
        TraceProtocol::Tcp { port } => (Probes::Tcp { dst_port: port }, None),
    };
    // TCP answers name the probe by its socket's local port; this maps it to the probe.
    let tcp_ports = Arc::new(Mutex::new(HashMap::new()));
    let listener = Arc::new(listener);
    let (tx, replies) = mpsc::unbounded_channel();
    let reader = read_icmp(listener.clone(), target.is_ipv6(), probes, tcp_ports.clone(), tx.clone());
    let mut readers = vec![tokio::spawn(reader)];
    if let (Some(udp), Probes::Udp { first_port, .. }) = (&udp, probes) {
        readers.push(tokio::spawn(read_udp(udp.clone(), target, first_port, tx.clone())));
    }
    let tcp = TcpProbes { ports: tcp_ports, connects: JoinSet::new(), tx, timeout: opts.probe_timeout };
    let prober = BsdProber { icmp: listener, udp, tcp, target, probes, readers };
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
    tcp: TcpProbes,
    target: IpAddr,
    probes: Probes,
    readers: Vec<JoinHandle<()>>,
}

/// The TCP probes in flight: one connect each, aborted when the prober is dropped.
struct TcpProbes {
    /// Local port of each probe's socket → its sequence number.
    ports: Arc<Mutex<HashMap<u16, u16>>>,
    connects: JoinSet<()>,
    tx: mpsc::UnboundedSender<Reply>,
    timeout: Duration,
}

impl TcpProbes {
    /// Start a connect to `to` with `ttl`; an accepted or refused connection is "reached".
    fn send(&mut self, to: SocketAddr, ttl: u8, seq: u16) -> io::Result<()> {
        let socket = if to.is_ipv6() { TcpSocket::new_v6()? } else { TcpSocket::new_v4()? };
        let sock = SockRef::from(&socket);
        if to.is_ipv6() {
            sock.set_unicast_hops_v6(u32::from(ttl))?;
        } else {
            sock.set_ttl_v4(u32::from(ttl))?;
        }
        // Reset at once on close, so an accepted probe leaves no half-open connection.
        sock.set_linger(Some(Duration::ZERO))?;
        let any = if to.is_ipv6() { IpAddr::V6(Ipv6Addr::UNSPECIFIED) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) };
        socket.bind(SocketAddr::new(any, 0))?;
        let port = socket.local_addr()?.port();
        if let Ok(mut ports) = self.ports.lock() {
            ports.insert(port, seq);
        }
        let (tx, timeout) = (self.tx.clone(), self.timeout);
        self.connects.spawn(async move {
            let reached = match tokio::time::timeout(timeout, socket.connect(to)).await {
                Ok(Ok(_connected)) => true,
                Ok(Err(e)) => e.kind() == io::ErrorKind::ConnectionRefused,
                Err(_) => false,
            };
            if reached {
                let _ = tx.send(Reply { seq, from: to.ip(), kind: ReplyKind::Reached, at: Instant::now() });
            }
        });
        Ok(())
    }
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
            (Probes::Tcp { dst_port }, _) => self.tcp.send(SocketAddr::new(self.target, dst_port), ttl, seq),
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
            Probes::Echo { .. } | Probes::Tcp { .. } => 1 << 16,
        }
    }
}

/// Everything the ICMP socket hears, turned into replies to our probes.
async fn read_icmp(
    sock: Arc<UdpSocket>,
    v6: bool,
    probes: Probes,
    tcp_ports: Arc<Mutex<HashMap<u16, u16>>>,
    tx: mpsc::UnboundedSender<Reply>,
) {
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
        let Some(a) = answer else { continue };
        let seq = match probes {
            Probes::Tcp { .. } => match tcp_ports.lock().ok().and_then(|ports| ports.get(&a.seq).copied()) {
                Some(seq) => seq,
                None => continue,
            },
            _ => a.seq,
        };
        if tx.send(Reply { seq, from: a.from, kind: reply_kind(a.kind), at }).is_err() {
            return;
        }
    }
}

/// A UDP service at the destination that answers a probe: reached, like port unreachable.
async fn read_udp(sock: Arc<UdpSocket>, target: IpAddr, first_port: u16, tx: mpsc::UnboundedSender<Reply>) {
    let mut buf = [0u8; 1500];
    let mut failures = 0;
    loop {
        let from = match sock.recv_from(&mut buf).await {
            Ok((_, from)) => {
                failures = 0;
                from
            }
            // A queued ICMP error can fail one read on some systems: keep listening, but
            // not forever on a socket that only fails.
            Err(e) if failures < 16 => {
                failures += 1;
                tracing::debug!("traceroute UDP socket read: {e}");
                continue;
            }
            Err(e) => {
                tracing::debug!("traceroute UDP socket reader stopped: {e}");
                return;
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

/// Socket options for the tests, with the scheduler's defaults for the rest.
#[cfg(all(test, target_os = "linux"))]
fn socket_options(protocol: TraceProtocol, first_port: u16) -> TraceSocketOptions {
    TraceSocketOptions { protocol, first_port, ..TraceSocketOptions::default() }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
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
            let opts = socket_options(TraceProtocol::Icmp, 33434);
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
        let opts = socket_options(TraceProtocol::Udp, port - 3);
        let Opened { mut prober, mut replies, .. } = open_with(target, &opts, Type::RAW).unwrap();
        prober.send(1, 3).unwrap();
        let reply = tokio::time::timeout(Duration::from_secs(3), replies.recv()).await.unwrap().unwrap();
        assert_eq!((reply.seq, reply.from, reply.kind), (3, target, ReplyKind::Reached));
    }

    #[tokio::test]
    async fn tcp_probes_to_open_and_closed_loopback_ports_are_reached() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("skipped: raw ICMP sockets (standing in for macOS's datagram ones) need root");
            return;
        }
        let target = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let open = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        for (port, seq) in [(open.local_addr().unwrap().port(), 11), (closed, 12)] {
            let opts = socket_options(TraceProtocol::Tcp { port }, 33434);
            let Opened { mut prober, mut replies, .. } = open_with(target, &opts, Type::RAW).unwrap();
            prober.send(1, seq).unwrap();
            let reply = tokio::time::timeout(Duration::from_secs(3), replies.recv()).await.unwrap().unwrap();
            assert_eq!((reply.seq, reply.from, reply.kind), (seq, target, ReplyKind::Reached), "port {port}");
        }
    }
}

/// Through a real router: client ↔ router ↔ far in three network namespaces made here
/// (nothing reaches the host's own network), the probes this module sends with TTL 1 and
/// 2 come back as "time exceeded" from the router and "reached" from the far host. Linux
/// raw ICMP sockets stand in for macOS's datagram ones, as above.
#[cfg(all(test, target_os = "linux"))]
mod lab_tests {
    use std::os::fd::AsRawFd;
    use std::process::Command;
    use std::time::Duration;

    use super::*;

    /// The namespaces, deleted on drop (their veths go with them).
    struct Lab {
        names: [String; 3],
    }

    impl Drop for Lab {
        fn drop(&mut self) {
            for name in &self.names {
                let _ = Command::new("ip").args(["netns", "del", name]).status();
            }
        }
    }

    fn ip(args: &str) -> Result<(), String> {
        let words: Vec<&str> = args.split_whitespace().collect();
        let status = Command::new("ip").args(&words).status().map_err(|e| format!("ip {args}: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("ip {args}: {status}")) }
    }

    /// client (10.99.1.100, fd99:1::100) → router (10.99.1.1 | 10.99.2.1) → far (10.99.2.2, fd99:2::2).
    fn build() -> Result<Lab, String> {
        let p = format!("dcm{}", std::process::id() % 1_000_000);
        let (c, r, f) = (format!("{p}c"), format!("{p}r"), format!("{p}f"));
        let lab = Lab { names: [c.clone(), r.clone(), f.clone()] };
        for ns in &lab.names {
            ip(&format!("netns add {ns}"))?;
            ip(&format!("-n {ns} link set lo up"))?;
        }
        ip(&format!("link add {p}cr netns {c} type veth peer name {p}rc netns {r}"))?;
        ip(&format!("link add {p}rf netns {r} type veth peer name {p}fr netns {f}"))?;
        for (ns, dev, v4, v6) in [
            (&c, "cr", "10.99.1.100/24", "fd99:1::100/64"),
            (&r, "rc", "10.99.1.1/24", "fd99:1::1/64"),
            (&r, "rf", "10.99.2.1/24", "fd99:2::1/64"),
            (&f, "fr", "10.99.2.2/24", "fd99:2::2/64"),
        ] {
            ip(&format!("-n {ns} addr add {v4} dev {p}{dev}"))?;
            ip(&format!("-n {ns} -6 addr add {v6} dev {p}{dev} nodad"))?;
            ip(&format!("-n {ns} link set {p}{dev} up"))?;
        }
        ip(&format!("-n {c} route add default via 10.99.1.1"))?;
        ip(&format!("-n {c} -6 route add default via fd99:1::1"))?;
        ip(&format!("-n {f} route add default via 10.99.2.1"))?;
        ip(&format!("-n {f} -6 route add default via fd99:2::1"))?;
        for key in ["net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"] {
            ip(&format!("netns exec {r} sysctl -qw {key}"))?;
        }
        Ok(lab)
    }

    /// Send TTL 1 and 2 probes to `far` inside the client namespace; the replies by seq.
    fn probe_in(ns: &str, far: IpAddr, protocol: TraceProtocol) -> Vec<(u16, IpAddr, ReplyKind)> {
        let path = format!("/run/netns/{ns}");
        std::thread::spawn(move || {
            let file = std::fs::File::open(&path).unwrap();
            // SAFETY: setns on a valid namespace fd; it moves only this thread.
            assert_eq!(unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) }, 0);
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async move {
                let opts = socket_options(protocol, 33434);
                let Opened { mut prober, mut replies, .. } = open_with(far, &opts, Type::RAW).unwrap();
                prober.send(1, 1).unwrap();
                prober.send(2, 2).unwrap();
                let mut got = Vec::new();
                while got.len() < 2 {
                    let Ok(Some(r)) = tokio::time::timeout(Duration::from_secs(3), replies.recv()).await else { break };
                    got.push((r.seq, r.from, r.kind));
                }
                got.sort_by_key(|g| g.0);
                got
            })
        })
        .join()
        .unwrap()
    }

    #[test]
    fn a_router_answers_time_exceeded_and_the_far_host_is_reached() {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 || Command::new("ip").arg("-V").output().is_err() {
            eprintln!("skipped: network namespaces and raw ICMP sockets need root and iproute2");
            return;
        }
        let lab = build().unwrap();
        let client = &lab.names[0];
        for (far, router) in [("10.99.2.2", "10.99.1.1"), ("fd99:2::2", "fd99:1::1")] {
            let (far, router): (IpAddr, IpAddr) = (far.parse().unwrap(), router.parse().unwrap());
            for protocol in [TraceProtocol::Icmp, TraceProtocol::Udp, TraceProtocol::Tcp { port: 443 }] {
                let got = probe_in(client, far, protocol);
                let want = vec![(1, router, ReplyKind::TimeExceeded), (2, far, ReplyKind::Reached)];
                assert_eq!(got, want, "{protocol} to {far}");
            }
        }
    }
}
