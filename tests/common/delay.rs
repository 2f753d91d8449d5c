//! A user-space network delay for the namespace lab: this kernel has no `tc netem`, so every
//! packet a router forwards is handed to us through an NFQUEUE and let go `one_way` later.
//!
//! A thread enters the router's namespace with `setns` (which moves only that thread), binds
//! an NFQUEUE there and gives each packet its verdict once its time has come, in arrival
//! order. Both directions through the router are forwarded, so a delay of 25 ms on the office
//! router gives every hop behind it a round trip of at least 50 ms, the way an ISP line does,
//! while the router itself (hop 1) still answers at LAN speed.
//!
//! The iptables rule uses `--queue-bypass`: once the thread is gone, packets pass undelayed
//! instead of being dropped, so a torn-down delay never turns into loss.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU16, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::netns::Topology;

/// Queue numbers are per namespace; a process-wide counter keeps two delays apart anyway.
static NEXT_QUEUE: AtomicU16 = AtomicU16::new(40);

/// A running delay; dropping it removes the rule and releases every held packet.
pub struct Delay {
    ns: String,
    rule: Vec<String>,
    stop: Arc<AtomicBool>,
    delayed: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl Delay {
    /// Delay every packet that router namespace `ns` forwards by `one_way`.
    pub fn start(t: &Topology, ns: &str, one_way: Duration) -> Result<Delay, String> {
        let queue_num = NEXT_QUEUE.fetch_add(1, Ordering::SeqCst);
        let stop = Arc::new(AtomicBool::new(false));
        let delayed = Arc::new(AtomicU64::new(0));
        let (ready_tx, ready_rx) = std::sync::mpsc::channel::<Result<(), String>>();
        let thread = {
            let (ns, stop, delayed) = (ns.to_string(), stop.clone(), delayed.clone());
            std::thread::Builder::new()
                .name(format!("delay-{ns}"))
                .spawn(move || run_queue(&ns, queue_num, one_way, &stop, &delayed, ready_tx))
                .map_err(|e| format!("start the delay thread: {e}"))?
        };
        let mut delay = Delay { ns: ns.to_string(), rule: Vec::new(), stop, delayed, thread: Some(thread) };
        match ready_rx.recv_timeout(Duration::from_secs(5)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(e),
            Err(_) => return Err(format!("the NFQUEUE in {ns} did not come up within 5 s")),
        }
        let q = queue_num.to_string();
        let rule: Vec<String> = ["-t", "mangle", "FORWARD", "-j", "NFQUEUE", "--queue-num", &q, "--queue-bypass"]
            .map(String::from)
            .to_vec();
        let mut add = vec!["iptables".to_string(), rule[0].clone(), rule[1].clone(), "-I".to_string()];
        add.extend_from_slice(&rule[2..]);
        t.sh(ns, &add.iter().map(String::as_str).collect::<Vec<_>>())?;
        delay.rule = rule;
        Ok(delay)
    }

    /// How many packets were held back so far (a lab sanity check: a delay that saw no
    /// packet measured nothing).
    pub fn packets(&self) -> u64 {
        self.delayed.load(Ordering::Relaxed)
    }
}

impl Drop for Delay {
    fn drop(&mut self) {
        if !self.rule.is_empty() {
            let mut del = vec!["ip", "netns", "exec", &self.ns, "iptables", &self.rule[0], &self.rule[1], "-D"];
            del.extend(self.rule[2..].iter().map(String::as_str));
            let _ = std::process::Command::new(del[0]).args(&del[1..]).status();
        }
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run_queue(
    ns: &str,
    queue_num: u16,
    one_way: Duration,
    stop: &AtomicBool,
    delayed: &AtomicU64,
    ready: std::sync::mpsc::Sender<Result<(), String>>,
) {
    let queue = (|| -> Result<nfq::Queue, String> {
        let path = format!("/run/netns/{ns}");
        let file = std::fs::File::open(&path).map_err(|e| format!("open {path}: {e}"))?;
        // SAFETY: setns on a valid namespace fd; it moves only this thread.
        if unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
            return Err(format!("setns {path}: {}", std::io::Error::last_os_error()));
        }
        let mut q = nfq::Queue::open().map_err(|e| format!("open an NFQUEUE socket in {ns}: {e}"))?;
        q.bind(queue_num).map_err(|e| format!("bind NFQUEUE {queue_num} in {ns}: {e}"))?;
        // Metadata only: the verdict needs the packet id, not its bytes.
        q.set_copy_range(queue_num, 0).map_err(|e| format!("NFQUEUE copy range in {ns}: {e}"))?;
        q.set_queue_max_len(queue_num, 65_536).map_err(|e| format!("NFQUEUE length in {ns}: {e}"))?;
        q.set_nonblocking(true);
        Ok(q)
    })();
    let mut queue = match queue {
        Ok(q) => {
            let _ = ready.send(Ok(()));
            q
        }
        Err(e) => {
            let _ = ready.send(Err(e));
            return;
        }
    };
    let mut held: VecDeque<(Instant, nfq::Message)> = VecDeque::new();
    while !stop.load(Ordering::SeqCst) {
        // Take everything the kernel has queued, stamping each packet with its release time.
        loop {
            match queue.recv() {
                Ok(mut msg) => {
                    msg.set_verdict(nfq::Verdict::Accept);
                    held.push_back((Instant::now() + one_way, msg));
                    delayed.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) => {
                    eprintln!("delay in {ns}: NFQUEUE receive failed: {e}");
                    break;
                }
            }
        }
        let now = Instant::now();
        while held.front().is_some_and(|(due, _)| *due <= now) {
            if let Some((_, msg)) = held.pop_front()
                && let Err(e) = queue.verdict(msg)
            {
                eprintln!("delay in {ns}: NFQUEUE verdict failed: {e}");
            }
        }
        // Wake for the next release, or within 200 µs to take new packets: the added jitter stays
        // far below the delays the lab uses.
        let next = held.front().map_or(Duration::from_micros(200), |(due, _)| due.saturating_duration_since(now));
        std::thread::sleep(next.min(Duration::from_micros(200)));
    }
    for (_, msg) in held.drain(..) {
        let _ = queue.verdict(msg);
    }
}
