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

    /// Replace the snapshot under `key` (e.g. "ping 10.0.0.1", "trace 1.1.1.1").
    pub fn publish(&self, key: &str, snapshot: LiveSnapshot) {
        if let Ok(mut e) = self.entries.lock() {
            e.insert(key.to_string(), snapshot);
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

/// Forward every change of a probe's watch channel to the board until the probe ends.
pub fn forward_ping(board: Arc<LiveBoard>, key: String, mut rx: tokio::sync::watch::Receiver<PingStats>) {
    tokio::spawn(async move {
        while rx.changed().await.is_ok() {
            let snap = rx.borrow_and_update().clone();
            board.publish(&key, LiveSnapshot::Ping(snap));
        }
    });
}

pub fn forward_trace(board: Arc<LiveBoard>, key: String, mut rx: tokio::sync::watch::Receiver<TraceSnapshot>) {
    tokio::spawn(async move {
        while rx.changed().await.is_ok() {
            let snap = rx.borrow_and_update().clone();
            board.publish(&key, LiveSnapshot::Trace(snap));
        }
    });
}
