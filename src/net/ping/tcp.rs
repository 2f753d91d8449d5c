//! Timing a TCP connect, the stand-in for ICMP echo when this user may not send ICMP at
//! all: a SYN answered by SYN-ACK or by RST ("connection refused") both prove the host is
//! up, and either answer takes one round trip.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use tokio::net::TcpSocket;

use super::ProbeOutcome;

/// Ports tried in order: HTTPS is the port most hosts and firewalls answer on.
pub(super) const FALLBACK_PORTS: [u16; 2] = [443, 80];

fn new_socket(target: IpAddr) -> io::Result<TcpSocket> {
    match target {
        IpAddr::V4(_) => TcpSocket::new_v4(),
        IpAddr::V6(_) => TcpSocket::new_v6(),
    }
}

/// Whether a TCP socket can be made at all, so that "no socket possible" is an error
/// while "no answer" stays loss.
pub(super) fn check_socket(target: IpAddr) -> io::Result<()> {
    new_socket(target).map(drop)
}

/// One timed connect. The connection, if made, is closed at once.
pub(super) async fn connect_probe(target: SocketAddr, timeout: Duration) -> ProbeOutcome {
    let socket = match new_socket(target.ip()) {
        Ok(s) => s,
        Err(e) => return ProbeOutcome::Failed(format!("could not open a TCP socket: {e}")),
    };
    let started = Instant::now();
    match tokio::time::timeout(timeout, socket.connect(target)).await {
        Ok(Ok(_stream)) => ProbeOutcome::Answered(started.elapsed()),
        Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionRefused => ProbeOutcome::Answered(started.elapsed()),
        Ok(Err(e)) => ProbeOutcome::Failed(format!("TCP connect to port {} failed: {e}", target.port())),
        Err(_) => ProbeOutcome::Lost,
    }
}
