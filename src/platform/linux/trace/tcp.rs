//! TCP probes without privileges: each probe is a non-blocking `connect()` on its own
//! socket with the TTL set and `IP_RECVERR` on. A router's "time exceeded" for the SYN
//! lands on that socket's error queue; the destination answers SYN-ACK (connected) or RST
//! (refused), either of which means "reached". Sockets close with linger 0, so an
//! accepted connection is reset at once rather than left half-open.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::os::fd::AsRawFd;
use std::time::Duration;

use socket2::{Domain, Protocol, Socket, Type};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::dgram::icmp_kind;
use super::errqueue;
use crate::platform::probe::{Prober, Reply, ReplyKind};

pub(super) struct TcpProber {
    target: SocketAddr,
    timeout: Duration,
    tx: mpsc::UnboundedSender<Reply>,
    /// One task per probe; dropping the prober aborts the ones still waiting.
    tasks: JoinSet<()>,
}

impl TcpProber {
    pub fn new(target: SocketAddr, timeout: Duration) -> (TcpProber, mpsc::UnboundedReceiver<Reply>) {
        let (tx, rx) = mpsc::unbounded_channel();
        (TcpProber { target, timeout, tx, tasks: JoinSet::new() }, rx)
    }
}

impl Prober for TcpProber {
    fn send(&mut self, ttl: u8, seq: u16) -> io::Result<()> {
        let v6 = self.target.is_ipv6();
        let sock = Socket::new(Domain::for_address(self.target), Type::STREAM, Some(Protocol::TCP))?;
        sock.set_nonblocking(true)?;
        sock.set_linger(Some(Duration::ZERO))?;
        errqueue::set_ttl(&sock, v6, ttl)?;
        errqueue::set_recverr(&sock, v6)?;
        match sock.connect(&self.target.into()) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {}
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                let _ =
                    self.tx.send(Reply { seq, from: self.target.ip(), kind: ReplyKind::Reached, at: Instant::now() });
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        // SAFETY: the Socket owns its fd for as long as the AsyncFd owns the Socket.
        let fd = unsafe { AsyncFd::register_with_interest(sock, Interest::WRITABLE | Interest::ERROR) }?;
        let (tx, target, timeout) = (self.tx.clone(), self.target.ip(), self.timeout);
        self.tasks.spawn(async move {
            if let Ok(Some((from, kind))) = tokio::time::timeout(timeout, wait_for_answer(&fd, target)).await {
                let _ = tx.send(Reply { seq, from, kind, at: Instant::now() });
            }
        });
        // Reap finished probes so a long trace keeps a small task set.
        while self.tasks.try_join_next().is_some() {}
        Ok(())
    }
}

/// Who answered the SYN and how; `None` if the connect failed without a router saying why.
async fn wait_for_answer(fd: &AsyncFd<Socket>, target: IpAddr) -> Option<(IpAddr, ReplyKind)> {
    let v6 = target.is_ipv6();
    let mut buf = [0u8; 64];
    loop {
        let mut guard = fd.ready(Interest::WRITABLE | Interest::ERROR).await.ok()?;
        // The queued ICMP error comes before the socket error it causes: read it first.
        if let Ok(Some(r)) = errqueue::recv(fd.as_raw_fd(), &mut buf, true)
            && let Some(ext) = r.ext
            && let Some(kind) = icmp_kind(v6, ext.icmp_type, ext.code, false)
        {
            return Some((ext.offender?, kind));
        }
        match fd.get_ref().take_error() {
            Ok(Some(e)) if e.kind() == io::ErrorKind::ConnectionRefused => return Some((target, ReplyKind::Reached)),
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) if fd.get_ref().peer_addr().is_ok() => return Some((target, ReplyKind::Reached)),
            Ok(None) => guard.clear_ready(),
        }
    }
}
