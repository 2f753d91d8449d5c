//! Live snapshots of probes in flight (RTT series, traceroute hop tables), published
//! by checks and read by views each frame. Publishing wakes the UI; reading never blocks
//! on I/O, only on a short mutex.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::ping::PingStats;
use super::trace::TraceSnapshot;

#[derive(Debug, Clone, PartialEq)]
pub enum LiveSnapshot {
    Ping(PingStats),
    Trace(TraceSnapshot),
}

/// Called after every publish (the GUI passes `ctx.request_repaint()`).
pub type LiveWaker = Arc<dyn Fn() + Send + Sync>;

#[derive(Default)]
pub struct LiveBoard {
    entries: Mutex<BTreeMap<String, LiveSnapshot>>,
    waker: Mutex<Option<LiveWaker>>,
}

impl LiveBoard {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn set_waker(&self, waker: LiveWaker) {
        if let Ok(mut w) = self.waker.lock() {
            *w = Some(waker);
        }
    }

    /// Replace the snapshot under `key` (e.g. "ping 10.0.0.1", "trace 1.1.1.1"). Wakes the
    /// reader only when the snapshot changed: an unchanged republish must not cost a frame.
    pub fn publish(&self, key: &str, snapshot: LiveSnapshot) {
        let changed = match self.entries.lock() {
            Ok(mut e) => {
                let same = e.get(key) == Some(&snapshot);
                if !same {
                    e.insert(key.to_string(), snapshot);
                }
                !same
            }
            Err(_) => false,
        };
        if !changed {
            return;
        }
        let waker = self.waker.lock().ok().and_then(|w| w.clone());
        if let Some(w) = waker {
            w();
        }
    }

    /// A copy of every snapshot, ordered by key.
    pub fn snapshot(&self) -> Vec<(String, LiveSnapshot)> {
        self.entries.lock().map(|e| e.iter().map(|(k, v)| (k.clone(), v.clone())).collect()).unwrap_or_default()
    }

    /// A copy of the snapshot under `key`, if one was published.
    pub fn get(&self, key: &str) -> Option<LiveSnapshot> {
        self.entries.lock().ok().and_then(|e| e.get(key).cloned())
    }

    pub fn clear(&self) {
        if let Ok(mut e) = self.entries.lock() {
            e.clear();
        }
    }
}

/// Publish every change of a probe's watch channel under `key` until the probe drops its
/// sender. Awaited beside the probe (not spawned), so once both are done no stale
/// snapshot can land after the final one.
pub async fn relay<T: Clone>(
    board: &LiveBoard,
    key: &str,
    mut rx: tokio::sync::watch::Receiver<T>,
    snapshot: fn(T) -> LiveSnapshot,
) {
    while rx.changed().await.is_ok() {
        let snap = rx.borrow_and_update().clone();
        board.publish(key, snapshot(snap));
    }
}

/// `relay` on its own task, for a probe whose caller goes on without waiting for it.
pub fn forward<T>(
    board: Arc<LiveBoard>,
    key: String,
    rx: tokio::sync::watch::Receiver<T>,
    snapshot: fn(T) -> LiveSnapshot,
) where
    T: Clone + Send + Sync + 'static,
{
    tokio::spawn(async move { relay(&board, &key, rx, snapshot).await });
}

/// Run a probe live under `key`: `first` is on the board at once, every change the probe
/// sends on its channel follows (relayed beside the probe, not spawned, so nothing stale
/// lands after the end), and its final value, when it ends well, is published last.
pub async fn probe_live<T, E, F, Fut>(
    board: &LiveBoard,
    key: &str,
    first: T,
    snapshot: fn(T) -> LiveSnapshot,
    probe: F,
) -> Result<T, E>
where
    T: Clone,
    F: FnOnce(tokio::sync::watch::Sender<T>) -> Fut,
    Fut: std::future::Future<Output = Result<T, E>>,
{
    board.publish(key, snapshot(first.clone()));
    let (tx, rx) = tokio::sync::watch::channel(first);
    // The probe owns the sender: when it ends, the channel closes and the relay with it.
    let (result, ()) = tokio::join!(probe(tx), relay(board, key, rx, snapshot));
    if let Ok(last) = &result {
        board.publish(key, snapshot(last.clone()));
    }
    result
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::net::ping::PingMethod;

    #[test]
    fn the_reader_is_woken_only_when_a_snapshot_changes() {
        let board = LiveBoard::new();
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        board.set_waker(Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }));
        let first = PingStats::empty(IpAddr::V4(Ipv4Addr::LOCALHOST), PingMethod::IcmpUnprivileged, None);
        board.publish("ping 127.0.0.1", LiveSnapshot::Ping(first.clone()));
        board.publish("ping 127.0.0.1", LiveSnapshot::Ping(first.clone()));
        assert_eq!(wakes.load(Ordering::SeqCst), 1, "an unchanged snapshot must not wake the UI");
        let mut second = first.clone();
        second.sent = 1;
        board.publish("ping 127.0.0.1", LiveSnapshot::Ping(second.clone()));
        assert_eq!(wakes.load(Ordering::SeqCst), 2);
        // The same snapshot under another key is news.
        board.publish("ping other", LiveSnapshot::Ping(second));
        assert_eq!(wakes.load(Ordering::SeqCst), 3);
        assert_eq!(board.snapshot().len(), 2);
    }
}
