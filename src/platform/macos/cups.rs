//! Waking the CUPS scheduler. macOS runs cupsd on demand: launchd listens on the
//! scheduler's socket `/private/var/run/cupsd` and starts cupsd when something connects
//! there; cupsd then also listens on `localhost:631` (cupsd.conf), and exits again after
//! 60 s without work (`IdleExitTimeout`). So an idle Mac refuses IPP on localhost:631
//! until someone opens the socket. Sources: scheduler/org.cups.cupsd.plist,
//! conf/cupsd.conf.in and scheduler/main.c in apple-oss-distributions/cups
//! (2716564fcd1f5bf4cd4082279e97625a8f98204e).

use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

/// launchd's listening socket for cupsd on macOS.
pub const CUPSD_SOCKET: &str = "/private/var/run/cupsd";

/// How long cupsd may take from launch to listening on port 631.
const START_WAIT: Duration = Duration::from_secs(3);

/// Make sure a local scheduler at `server` (host:port) accepts connections, starting it
/// through `socket` when it does not. Returns whether it accepts now. Remote servers are
/// left alone: only the local one is started on demand.
pub fn wake_cups_at(server: &str, socket: &Path, wait: Duration) -> bool {
    let Ok(addrs) = server.to_socket_addrs().map(|a| a.collect::<Vec<_>>()) else { return false };
    if addrs.is_empty() || !addrs.iter().all(|a| a.ip().is_loopback()) {
        return false;
    }
    if accepts(&addrs) {
        return true;
    }
    // Opening the socket is what makes launchd start cupsd; the connection itself is not
    // needed after that.
    if let Err(e) = UnixStream::connect(socket) {
        tracing::debug!("could not open the CUPS scheduler socket {}: {e}", socket.display());
        return false;
    }
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        if accepts(&addrs) {
            return true;
        }
    }
    false
}

/// macOS's own socket and wait.
pub fn wake_cups(server: &str) -> bool {
    wake_cups_at(server, Path::new(CUPSD_SOCKET), START_WAIT)
}

fn accepts(addrs: &[SocketAddr]) -> bool {
    addrs.iter().any(|a| TcpStream::connect_timeout(a, Duration::from_millis(300)).is_ok())
}

#[cfg(test)]
mod tests {
    use std::net::TcpListener;
    use std::os::unix::net::UnixListener;

    use super::*;

    /// launchd's part played by a thread: a connection on the socket "starts" a scheduler
    /// that then listens on a loopback port. Loopback and a temporary socket only.
    #[test]
    fn a_connection_on_the_socket_starts_the_scheduler() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("cupsd");
        let launchd = UnixListener::bind(&socket).unwrap();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let server = format!("127.0.0.1:{port}");
        let scheduler = std::thread::spawn(move || {
            let _client = launchd.accept().unwrap();
            let cupsd = TcpListener::bind(("127.0.0.1", port)).unwrap();
            let _ = cupsd.accept();
        });
        assert!(wake_cups_at(&server, &socket, Duration::from_secs(5)));
        scheduler.join().unwrap();
        // Now nothing listens and nothing starts it: the socket is gone.
        std::fs::remove_file(&socket).unwrap();
        assert!(!wake_cups_at(&server, &socket, Duration::from_millis(200)));
        // A remote server is never "woken".
        assert!(!wake_cups_at("192.0.2.1:631", &socket, Duration::from_millis(200)));
    }
}
