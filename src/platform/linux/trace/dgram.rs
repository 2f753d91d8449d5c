//! Probes on one datagram-style socket: UDP to a port per probe, ICMP echo on an
//! unprivileged ICMP socket (both answered through the error queue), or ICMP echo on a
//! raw socket (root only; answers are read and matched by hand). The TTL is set before
//! each send; a reader task turns what comes back into [`Reply`]s.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::os::fd::AsRawFd;
use std::sync::Arc;

use socket2::{Domain, Protocol, Socket, Type};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::errqueue::{self, Received};
use super::packets;
use crate::platform::probe::{Prober, Reply, ReplyKind};

/// Which probes, on which kind of socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// UDP to `first_port + seq`; the port in the queued error says which probe it was.
    Udp { first_port: u16 },
    /// ICMP echo on a `SOCK_DGRAM` ICMP socket; the kernel picks the identifier.
    IcmpDgram,
    /// ICMP echo on a raw socket with our own identifier.
    IcmpRaw { ident: u16 },
}

/// Payload of UDP probes: recognisable in a packet capture.
const UDP_PAYLOAD: &[u8; 32] = b"deskcheck traceroute probe\0\0\0\0\0\0";
/// TTL of echo requests sent straight to a router: enough for any path.
const ECHO_TTL: u8 = 64;
/// Payload of ICMP probes, after the 8-byte echo header.
const ICMP_PAYLOAD: &[u8; 24] = b"deskcheck traceroute\0\0\0\0";

/// Make the socket for `mode`; kept apart so the caller can tell "not permitted".
pub(super) fn socket(target: IpAddr, mode: Mode) -> io::Result<Socket> {
    let domain = if target.is_ipv4() { Domain::IPV4 } else { Domain::IPV6 };
    let icmp = if target.is_ipv4() { Protocol::ICMPV4 } else { Protocol::ICMPV6 };
    match mode {
        Mode::Udp { .. } => Socket::new(domain, Type::DGRAM, Some(Protocol::UDP)),
        Mode::IcmpDgram => Socket::new(domain, Type::DGRAM, Some(icmp)),
        Mode::IcmpRaw { .. } => Socket::new(domain, Type::RAW, Some(icmp)),
    }
}

pub(super) struct DgramProber {
    sock: Arc<AsyncFd<Socket>>,
    target: IpAddr,
    mode: Mode,
    reader: JoinHandle<()>,
}

impl DgramProber {
    /// Configure `sock` and start reading answers. Must run inside a tokio runtime.
    pub fn start(
        sock: Socket,
        target: IpAddr,
        mode: Mode,
    ) -> io::Result<(DgramProber, mpsc::UnboundedReceiver<Reply>)> {
        let v6 = target.is_ipv6();
        sock.set_nonblocking(true)?;
        if !matches!(mode, Mode::IcmpRaw { .. }) {
            errqueue::set_recverr(&sock, v6)?;
        }
        // SAFETY: the Socket owns its fd and returns the same one for as long as it lives,
        // and the AsyncFd owns the Socket.
        let sock = Arc::new(unsafe { AsyncFd::register_with_interest(sock, Interest::READABLE | Interest::ERROR) }?);
        let (tx, rx) = mpsc::unbounded_channel();
        let reader = tokio::spawn(read_replies(sock.clone(), target, mode, tx));
        Ok((DgramProber { sock, target, mode, reader }, rx))
    }
}

impl Drop for DgramProber {
    fn drop(&mut self) {
        self.reader.abort();
    }
}

impl Prober for DgramProber {
    fn send(&mut self, ttl: u8, seq: u16) -> io::Result<()> {
        let v6 = self.target.is_ipv6();
        let (packet, port) = match self.mode {
            Mode::Udp { first_port } => (UDP_PAYLOAD.to_vec(), first_port.saturating_add(seq)),
            Mode::IcmpDgram => (packets::echo_request(v6, 0, seq, ICMP_PAYLOAD, false), 0),
            Mode::IcmpRaw { ident } => (packets::echo_request(v6, ident, seq, ICMP_PAYLOAD, !v6), 0),
        };
        let sock = self.sock.get_ref();
        errqueue::set_ttl(sock, v6, ttl)?;
        send_clearing_pending_error(sock, &packet, &SocketAddr::new(self.target, port).into())
    }

    fn send_echo(&mut self, to: IpAddr, seq: u16) -> io::Result<()> {
        let v6 = to.is_ipv6();
        if v6 != self.target.is_ipv6() {
            return Err(io::ErrorKind::InvalidInput.into());
        }
        let packet = match self.mode {
            Mode::IcmpDgram => packets::echo_request(v6, 0, seq, ICMP_PAYLOAD, false),
            Mode::IcmpRaw { ident } => packets::echo_request(v6, ident, seq, ICMP_PAYLOAD, !v6),
            Mode::Udp { .. } => return Err(io::ErrorKind::Unsupported.into()),
        };
        let sock = self.sock.get_ref();
        errqueue::set_ttl(sock, v6, ECHO_TTL)?;
        send_clearing_pending_error(sock, &packet, &SocketAddr::new(to, 0).into())
    }

    fn seq_space(&self) -> u32 {
        match self.mode {
            // Ports first_port..=65535 tell probes apart.
            Mode::Udp { first_port } => 65536 - u32::from(first_port),
            _ => 1 << 16,
        }
    }
}

/// A send fails with the error an earlier probe's ICMP answer left pending on the socket
/// (and clears it) before anything goes out; the next attempt is clean.
fn send_clearing_pending_error(sock: &Socket, packet: &[u8], to: &socket2::SockAddr) -> io::Result<()> {
    let mut last = None;
    for _ in 0..3 {
        match sock.send_to(packet, to) {
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Err(e),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("probe not sent")))
}

async fn read_replies(sock: Arc<AsyncFd<Socket>>, target: IpAddr, mode: Mode, tx: mpsc::UnboundedSender<Reply>) {
    let mut buf = [0u8; 1500];
    let fd = sock.as_raw_fd();
    loop {
        let mut guard = match sock.ready(Interest::READABLE | Interest::ERROR).await {
            Ok(g) => g,
            Err(e) => {
                tracing::debug!("traceroute reader stopped: {e}");
                return;
            }
        };
        // Drain both queues, then wait again. A pending socket error makes a normal read
        // fail once (and clears it); look at the error queue again after that.
        let mut failures = 0;
        loop {
            loop {
                match errqueue::recv(fd, &mut buf, true) {
                    Ok(Some(r)) => {
                        let reply = classify_error(&r, &buf[..r.len], target, mode);
                        if let Some(reply) = reply
                            && tx.send(reply).is_err()
                        {
                            return;
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        tracing::debug!("traceroute error queue: {e}");
                        break;
                    }
                }
            }
            match errqueue::recv(fd, &mut buf, false) {
                Ok(Some(r)) => {
                    if let Some(reply) = classify_data(&r, &buf[..r.len], target, mode)
                        && tx.send(reply).is_err()
                    {
                        return;
                    }
                }
                Ok(None) => break,
                Err(_) if failures < 16 => failures += 1,
                Err(e) => {
                    tracing::debug!("traceroute socket read: {e}");
                    break;
                }
            }
        }
        guard.clear_ready();
    }
}

/// A queued ICMP error about one of our probes, as a reply.
fn classify_error(r: &Received, data: &[u8], target: IpAddr, mode: Mode) -> Option<Reply> {
    let ext = r.ext?;
    let v6 = target.is_ipv6();
    if ext.origin != if v6 { libc::SO_EE_ORIGIN_ICMP6 } else { libc::SO_EE_ORIGIN_ICMP } {
        return None;
    }
    let udp = matches!(mode, Mode::Udp { .. });
    let kind = icmp_kind(v6, ext.icmp_type, ext.code, udp)?;
    let seq = match mode {
        Mode::Udp { first_port } => r.from?.port().checked_sub(first_port)?,
        // The error returns our echo header; its sequence number says which probe.
        Mode::IcmpDgram => u16::from_be_bytes([*data.get(6)?, *data.get(7)?]),
        Mode::IcmpRaw { .. } => return None,
    };
    Some(Reply { seq, from: ext.offender?, kind, at: Instant::now() })
}

/// What an ICMP error type/code means for a trace. UDP probes are answered by the
/// destination's "port unreachable".
pub(super) fn icmp_kind(v6: bool, icmp_type: u8, code: u8, udp: bool) -> Option<ReplyKind> {
    let (time_exceeded, unreachable, port_unreachable) = if v6 { (3, 1, 4) } else { (11, 3, 3) };
    if icmp_type == time_exceeded {
        // Code 1 is "fragment reassembly time exceeded": not about the TTL.
        (code == 0).then_some(ReplyKind::TimeExceeded)
    } else if icmp_type == unreachable {
        Some(if udp && code == port_unreachable {
            ReplyKind::Reached
        } else {
            ReplyKind::Unreachable { icmp_type, code }
        })
    } else {
        None
    }
}

/// Normal data: an echo reply, a raw ICMP packet, or (rarely) a UDP service answering.
fn classify_data(r: &Received, data: &[u8], target: IpAddr, mode: Mode) -> Option<Reply> {
    let from = r.from?;
    let (seq, from, kind) = match mode {
        Mode::Udp { first_port } => {
            (from.ip() == target).then_some((from.port().checked_sub(first_port)?, from.ip(), ReplyKind::Reached))?
        }
        Mode::IcmpDgram => {
            let echo_reply = if target.is_ipv6() { 129 } else { 0 };
            (data.len() >= 8 && data[0] == echo_reply).then_some((
                u16::from_be_bytes([data[6], data[7]]),
                from.ip(),
                ReplyKind::Reached,
            ))?
        }
        Mode::IcmpRaw { ident } if target.is_ipv4() => packets::parse_raw_v4(data, ident)?,
        Mode::IcmpRaw { ident } => packets::parse_raw_v6(data, from.ip(), ident)?,
    };
    Some(Reply { seq, from, kind, at: Instant::now() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icmp_errors_map_to_trace_meanings() {
        assert_eq!(icmp_kind(false, 11, 0, true), Some(ReplyKind::TimeExceeded));
        assert_eq!(icmp_kind(false, 11, 1, true), None);
        assert_eq!(icmp_kind(false, 3, 3, true), Some(ReplyKind::Reached));
        assert_eq!(icmp_kind(false, 3, 3, false), Some(ReplyKind::Unreachable { icmp_type: 3, code: 3 }));
        assert_eq!(icmp_kind(false, 3, 13, true), Some(ReplyKind::Unreachable { icmp_type: 3, code: 13 }));
        assert_eq!(icmp_kind(true, 3, 0, true), Some(ReplyKind::TimeExceeded));
        assert_eq!(icmp_kind(true, 1, 4, true), Some(ReplyKind::Reached));
        assert_eq!(icmp_kind(true, 1, 0, true), Some(ReplyKind::Unreachable { icmp_type: 1, code: 0 }));
        assert_eq!(icmp_kind(true, 2, 0, true), None, "packet too big is not an answer");
    }

    #[test]
    fn udp_errors_are_matched_by_destination_port() {
        let target: IpAddr = "198.51.100.10".parse().unwrap();
        let router: IpAddr = "10.77.2.2".parse().unwrap();
        let r = Received {
            len: 0,
            from: Some(SocketAddr::new(target, 33434 + 7)),
            ext: Some(errqueue::ExtendedError {
                origin: libc::SO_EE_ORIGIN_ICMP,
                icmp_type: 11,
                code: 0,
                offender: Some(router),
            }),
        };
        let reply = classify_error(&r, &[], target, Mode::Udp { first_port: 33434 }).unwrap();
        assert_eq!((reply.seq, reply.from, reply.kind), (7, router, ReplyKind::TimeExceeded));
        let local = Received { ext: r.ext.map(|e| errqueue::ExtendedError { origin: 1, ..e }), ..r.clone() };
        assert!(classify_error(&local, &[], target, Mode::Udp { first_port: 33434 }).is_none(), "local errors");
    }

    #[test]
    fn icmp_socket_errors_are_matched_by_the_returned_echo_header() {
        let target: IpAddr = "198.51.100.10".parse().unwrap();
        let router: IpAddr = "10.77.1.1".parse().unwrap();
        let r = Received {
            len: 8,
            from: Some(SocketAddr::new(target, 0)),
            ext: Some(errqueue::ExtendedError {
                origin: libc::SO_EE_ORIGIN_ICMP,
                icmp_type: 11,
                code: 0,
                offender: Some(router),
            }),
        };
        let echo = [8, 0, 0, 0, 0x55, 0x66, 0x01, 0x00];
        let reply = classify_error(&r, &echo, target, Mode::IcmpDgram).unwrap();
        assert_eq!((reply.seq, reply.from), (256, router));
    }
}
