//! "Plug it in now": compare the devices present at the start with the devices present
//! now, woken by the OS's hotplug events where it sends them and by polling otherwise.

use std::future::poll_fn;
use std::time::{Duration, Instant};

use futures_core::Stream;
use serde::Serialize;

use super::{UsbDevice, UsbError};

/// What changed between two listings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UsbDiff {
    pub added: Vec<UsbDevice>,
    pub removed: Vec<UsbDevice>,
}

/// A device is "the same" while it keeps its bus, address and ids. The OS gives a freshly
/// plugged device a new address, so unplugging and replugging the same device counts as new.
fn same(a: &UsbDevice, b: &UsbDevice) -> bool {
    a.bus == b.bus && a.address == b.address && a.vendor_id == b.vendor_id && a.product_id == b.product_id
}

/// Devices in `now` that were not in `before`, and the other way round.
pub fn diff(before: &[UsbDevice], now: &[UsbDevice]) -> UsbDiff {
    UsbDiff {
        added: now.iter().filter(|d| !before.iter().any(|b| same(b, d))).cloned().collect(),
        removed: before.iter().filter(|b| !now.iter().any(|d| same(b, d))).cloned().collect(),
    }
}

/// How a wait for a new device ended.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct WatchOutcome {
    /// The new devices (empty: none appeared in time).
    pub added: Vec<UsbDevice>,
    /// Devices that went away meanwhile (the user may have unplugged the wrong one).
    pub removed: Vec<UsbDevice>,
    pub waited_ms: u64,
    /// Whether the OS's hotplug notifications were in use (else only polling).
    pub hotplug_events: bool,
}

/// Waits up to `timeout` for a device that is not in `baseline`. Lists devices through
/// `list` every `poll` and whenever a hotplug event arrives (`hotplug`, if the OS gives
/// one). `progress` gets a note now and then. Returns as soon as something new appears.
pub async fn wait_for_new_device<L, H>(
    baseline: &[UsbDevice],
    mut list: L,
    hotplug: Option<H>,
    timeout: Duration,
    poll: Duration,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<WatchOutcome, UsbError>
where
    L: FnMut() -> Result<Vec<UsbDevice>, UsbError>,
    H: Stream + Unpin,
{
    let started = Instant::now();
    let hotplug_events = hotplug.is_some();
    let mut hotplug = hotplug;
    let mut last_note = Instant::now();
    progress("Waiting for a new USB device…");
    loop {
        let changes = diff(baseline, &list()?);
        let removed = changes.removed;
        if !changes.added.is_empty() {
            return Ok(WatchOutcome {
                added: changes.added,
                removed,
                waited_ms: started.elapsed().as_millis() as u64,
                hotplug_events,
            });
        }
        let left = timeout.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Ok(WatchOutcome {
                added: Vec::new(),
                removed,
                waited_ms: timeout.as_millis() as u64,
                hotplug_events,
            });
        }
        if last_note.elapsed() >= Duration::from_secs(5) {
            last_note = Instant::now();
            progress(&format!("Still waiting for a new USB device… ({} s left)", left.as_secs()));
        }
        let nap = tokio::time::sleep(poll.min(left));
        match hotplug.as_mut() {
            Some(events) => {
                tokio::select! {
                    event = poll_fn(|cx| std::pin::Pin::new(&mut *events).poll_next(cx)) => {
                        if event.is_none() {
                            // The event source closed; polling carries on alone.
                            hotplug = None;
                        }
                    }
                    _ = nap => {}
                }
            }
            None => nap.await,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::super::tests::device;
    use super::*;

    #[test]
    fn diff_finds_added_and_removed_and_replugged() {
        let before = vec![device("1", 2, 0x046d, 0xc52b), device("1", 3, 0x0781, 0x5581)];
        let mut now = before.clone();
        assert_eq!(diff(&before, &now), UsbDiff::default());
        now.push(device("2", 1, 0x05ac, 0x12a8));
        now.remove(0);
        let d = diff(&before, &now);
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.added[0].vendor_id, 0x05ac);
        assert_eq!(d.removed.len(), 1);
        assert_eq!(d.removed[0].product_id, 0xc52b);
        // The same stick replugged gets a new address: it is new.
        let replugged = vec![device("1", 2, 0x046d, 0xc52b), device("1", 9, 0x0781, 0x5581)];
        let d = diff(&before, &replugged);
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.added[0].address, 9);
    }

    /// A hotplug source that never fires (these tests drive the watcher by polling).
    struct NoEvents;

    impl Stream for NoEvents {
        type Item = ();
        fn poll_next(self: std::pin::Pin<&mut Self>, _cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<()>> {
            std::task::Poll::Pending
        }
    }

    #[tokio::test]
    async fn watcher_returns_the_device_that_appears() {
        let baseline = vec![device("1", 2, 0x046d, 0xc52b)];
        let calls = RefCell::new(0);
        let list = || {
            *calls.borrow_mut() += 1;
            let mut now = baseline.clone();
            if *calls.borrow() >= 3 {
                now.push(device("1", 7, 0x0781, 0x5581));
            }
            Ok(now)
        };
        let notes = std::sync::Mutex::new(Vec::new());
        let progress = |n: &str| notes.lock().unwrap().push(n.to_string());
        let out = wait_for_new_device(
            &baseline,
            list,
            Some(NoEvents),
            Duration::from_secs(5),
            Duration::from_millis(10),
            &progress,
        )
        .await
        .unwrap();
        assert_eq!(out.added.len(), 1);
        assert_eq!(out.added[0].address, 7);
        assert!(out.hotplug_events);
        assert_eq!(notes.lock().unwrap()[0], "Waiting for a new USB device…");
    }

    #[tokio::test]
    async fn watcher_gives_up_after_the_timeout() {
        let baseline = vec![device("1", 2, 0x046d, 0xc52b)];
        let out = wait_for_new_device(
            &baseline,
            || Ok(baseline.clone()),
            None::<NoEvents>,
            Duration::from_millis(80),
            Duration::from_millis(10),
            &|_| {},
        )
        .await
        .unwrap();
        assert!(out.added.is_empty());
        assert_eq!(out.waited_ms, 80);
        assert!(!out.hotplug_events);
    }
}
