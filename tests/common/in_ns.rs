//! Run async library code inside a network namespace: a dedicated thread enters the
//! namespace with `setns` (which moves only that thread) and drives a current-thread tokio
//! runtime there, so every socket the code opens lives in the namespace.
#![allow(dead_code)]

use std::future::Future;
use std::os::fd::AsRawFd;

/// Run `make()`'s future to completion inside the network namespace `ns` (a name under
/// /run/netns, as `ip netns add` makes them).
pub fn block_on_in<F, Fut, T>(ns: &str, make: F) -> T
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = T>,
    T: Send + 'static,
{
    let path = format!("/run/netns/{ns}");
    std::thread::spawn(move || {
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("open {path}: {e}"));
        // SAFETY: setns on a valid namespace fd; it affects only this thread.
        let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
        assert_eq!(rc, 0, "setns {path}: {}", std::io::Error::last_os_error());
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
        rt.block_on(make())
    })
    .join()
    .unwrap_or_else(|e| std::panic::resume_unwind(e))
}
