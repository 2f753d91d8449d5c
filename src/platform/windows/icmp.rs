//! ICMP echo through the Windows ICMP API (`IcmpSendEcho2Ex` / `Icmp6SendEcho2`), the way
//! ping.exe and tracert send it: no raw socket, so no administrator rights. Requests are
//! started asynchronously in the APC form, all from one thread of ours that waits
//! alertably: the OS queues each completion as an APC to that thread, so any number of
//! requests are in flight at once without a thread each. (The event form, one event and
//! one thread-pool wait per request, corrupted the calling threads' memory under wine 8:
//! tokio assertions and page faults in the lib tests, as if the I/O status block were
//! kept on the caller's stack; the APC form runs clean there and is as valid on Windows.)
//! A request's buffers belong to the request until its APC has run, whatever the caller
//! does meanwhile.

use std::ffi::c_void;
use std::io;
use std::net::IpAddr;
use std::ptr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::Instant;
use windows_sys::Win32::Foundation::{ERROR_IO_PENDING, GetLastError, HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    IP_OPTION_INFORMATION, Icmp6CreateFile, Icmp6ParseReplies, Icmp6SendEcho2, IcmpCloseHandle, IcmpCreateFile,
    IcmpParseReplies, IcmpSendEcho2Ex,
};
use windows_sys::Win32::Networking::WinSock::{AF_INET6, SOCKADDR_IN6};
use windows_sys::Win32::System::IO::IO_STATUS_BLOCK;
use windows_sys::Win32::System::Threading::{INFINITE, QueueUserAPC, SleepEx};

use crate::platform::icmp_reply::{self, StatusMeaning};
use crate::platform::probe::{EchoApi, EchoOutcome};

/// Room for the reply structure, our data echoed back, the 8 bytes of an ICMP error the
/// API asks for, and the I/O status block asynchronous requests keep there.
const REPLY_SLACK: usize = 8 + 64;

/// TTL when the caller asks for the OS default: Windows' own.
const DEFAULT_TTL: u8 = 128;

/// An ICMP handle, closed when the last request that uses it has ended.
struct Handle(HANDLE);

// SAFETY: an ICMP handle is a kernel handle usable from any thread; requests on it are
// independent.
unsafe impl Send for Handle {}
unsafe impl Sync for Handle {}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: the handle came from Icmp(6)CreateFile and no request uses it any more.
        unsafe { IcmpCloseHandle(self.0) };
    }
}

/// The Windows ICMP service for one address family.
pub struct IcmpApi {
    handle: Arc<Handle>,
    v6: bool,
}

/// How starting a request ended.
pub enum Started {
    /// In flight: the outcome goes to the callback.
    Pending,
    /// Finished at once (a local failure, or a synchronous answer); the callback is dropped.
    Done(EchoOutcome),
}

type Done = Box<dyn FnOnce(EchoOutcome) + Send>;

impl IcmpApi {
    /// Open the API for IPv4 or IPv6 requests.
    pub fn open(v6: bool) -> io::Result<IcmpApi> {
        // SAFETY: plain calls without arguments.
        let handle = unsafe { if v6 { Icmp6CreateFile() } else { IcmpCreateFile() } };
        if handle.is_null() || handle == INVALID_HANDLE_VALUE {
            return Err(io::Error::last_os_error());
        }
        Ok(IcmpApi { handle: Arc::new(Handle(handle)), v6 })
    }

    /// Start one echo request to `to` with `ttl`, carrying `payload`, with the API's own
    /// `timeout`. `done` runs on the ICMP thread when it ends, unless it ended at once.
    pub fn start(&self, to: IpAddr, ttl: u8, payload: &[u8], timeout: Duration, done: Done) -> Started {
        if to.is_ipv6() != self.v6 {
            return Started::Done(failed("the ICMP handle is for the other address family"));
        }
        let Ok(request_size) = u16::try_from(payload.len()) else {
            return Started::Done(failed("the ICMP payload is larger than 65535 bytes"));
        };
        let reply_bytes =
            if self.v6 { icmp_reply::V6_REPLY_SIZE } else { icmp_reply::V4_REPLY_SIZE } + payload.len() + REPLY_SLACK;
        let mut request = Request {
            handle: self.handle.clone(),
            v6: self.v6,
            to,
            timeout,
            request_size,
            data: payload.to_vec(),
            options: IP_OPTION_INFORMATION { Ttl: ttl, ..IP_OPTION_INFORMATION::default() },
            source6: SOCKADDR_IN6 { sin6_family: AF_INET6, ..SOCKADDR_IN6::default() },
            dest6: SOCKADDR_IN6::default(),
            // u64s keep the reply structure 8-byte aligned, as the API expects.
            reply: vec![0u64; reply_bytes.div_ceil(8)],
            done: Some(done),
        };
        if let IpAddr::V6(a) = to {
            request.dest6.sin6_family = AF_INET6;
            request.dest6.sin6_addr.u.Byte = a.octets();
        }
        match apc_thread() {
            Ok(thread) => thread.submit(request),
            Err(why) => Started::Done(failed(why)),
        }
    }
}

/// The one thread that starts every request and runs every completion APC.
struct ApcThread {
    queue: std::sync::Mutex<Vec<Request>>,
    thread: std::thread::JoinHandle<()>,
}

fn apc_thread() -> Result<&'static ApcThread, &'static str> {
    static THREAD: std::sync::OnceLock<Result<ApcThread, String>> = std::sync::OnceLock::new();
    THREAD
        .get_or_init(|| {
            std::thread::Builder::new()
                .name("icmp-api".into())
                // Alertable forever: requests and their completions arrive as APCs.
                .spawn(|| {
                    loop {
                        // SAFETY: a plain alertable sleep.
                        unsafe { SleepEx(INFINITE, 1) };
                    }
                })
                .map(|thread| ApcThread { queue: std::sync::Mutex::new(Vec::new()), thread })
                .map_err(|e| format!("could not start the ICMP thread: {e}"))
        })
        .as_ref()
        .map_err(String::as_str)
}

impl ApcThread {
    /// Hand `request` to the thread: it is started there, and ends there.
    fn submit(&self, request: Request) -> Started {
        use std::os::windows::io::AsRawHandle;
        match self.queue.lock() {
            Ok(mut queue) => queue.push(request),
            Err(_) => return Started::Done(failed("the ICMP request queue is broken")),
        }
        // SAFETY: the thread handle lives as long as the (never ending) thread.
        if unsafe { QueueUserAPC(Some(start_queued), self.thread.as_raw_handle(), 0) } == 0 {
            // Not woken now: the request stays queued and goes with the next one.
            tracing::debug!("QueueUserAPC failed: {}", io::Error::last_os_error());
        }
        Started::Pending
    }
}

/// Runs on the ICMP thread: start every queued request.
unsafe extern "system" fn start_queued(_: usize) {
    let Ok(thread) = apc_thread() else { return };
    let requests = match thread.queue.lock() {
        Ok(mut queue) => std::mem::take(&mut *queue),
        Err(_) => return,
    };
    for request in requests {
        // Boxed here, so its buffers stay where the OS was told they are.
        let raw = Box::into_raw(Box::new(request));
        // SAFETY: `raw` is a live Request; the completion APC takes it back when the call is
        // pending, every other path here.
        unsafe {
            let replies = (*raw).send();
            let error = GetLastError();
            if replies == 0 && error == ERROR_IO_PENDING {
                continue;
            }
            let mut request = Box::from_raw(raw);
            let outcome =
                if replies != 0 { request.outcome(Some(replies)) } else { request.meaning_to_outcome(error, None) };
            request.finish(outcome);
        }
    }
}

/// Runs on the ICMP thread when the OS completed a request.
unsafe extern "system" fn on_complete(context: *mut c_void, _iosb: *mut IO_STATUS_BLOCK, _reserved: u32) {
    // SAFETY: `context` is the Request started in `start_queued`, handed to this APC.
    let mut request = unsafe { Box::from_raw(context.cast::<Request>()) };
    let outcome = request.outcome(None);
    request.finish(outcome);
}

fn failed(why: &str) -> EchoOutcome {
    EchoOutcome::Failed { why: why.to_string(), refused: false }
}

impl EchoApi for IcmpApi {
    fn echo(&self, to: IpAddr, ttl: Option<u8>, payload: usize, timeout: Duration) -> oneshot::Receiver<EchoOutcome> {
        let (tx, rx) = oneshot::channel();
        let data = vec![0u8; payload];
        // A receiver that went away (ping cancelled) just drops the outcome.
        let (tx_later, tx_now) = {
            let shared = Arc::new(std::sync::Mutex::new(Some(tx)));
            (shared.clone(), shared)
        };
        let done: Done = Box::new(move |outcome| {
            if let Some(tx) = tx_later.lock().ok().and_then(|mut t| t.take()) {
                let _ = tx.send(outcome);
            }
        });
        if let Started::Done(outcome) = self.start(to, ttl.unwrap_or(DEFAULT_TTL), &data, timeout, done)
            && let Some(tx) = tx_now.lock().ok().and_then(|mut t| t.take())
        {
            let _ = tx.send(outcome);
        }
        rx
    }
}

/// One request and everything the OS may still write to or read from.
struct Request {
    /// Keeps the ICMP handle open while the request runs.
    handle: Arc<Handle>,
    v6: bool,
    to: IpAddr,
    timeout: Duration,
    request_size: u16,
    data: Vec<u8>,
    options: IP_OPTION_INFORMATION,
    source6: SOCKADDR_IN6,
    dest6: SOCKADDR_IN6,
    reply: Vec<u64>,
    done: Option<Done>,
}

// SAFETY: a request is touched by one thread at a time (the caller builds it, then only
// the ICMP thread); its one raw pointer, `options.OptionsData`, is null.
unsafe impl Send for Request {}

impl Request {
    fn reply_len(&self) -> u32 {
        u32::try_from(self.reply.len() * 8).unwrap_or(u32::MAX)
    }

    /// Start the request; the API's return value (replies so far, 0 = pending or failed).
    ///
    /// # Safety
    /// `self` must stay where it is until the OS is done with it (it is boxed, and owned
    /// by the completion APC while the request is pending).
    unsafe fn send(&mut self) -> u32 {
        let timeout_ms = u32::try_from(self.timeout.as_millis()).unwrap_or(u32::MAX).max(1);
        let request_size = self.request_size;
        let context: *const c_void = ptr::from_mut(self).cast();
        let reply_len = self.reply_len();
        let data = self.data.as_ptr().cast::<c_void>();
        let reply = self.reply.as_mut_ptr().cast::<c_void>();
        match self.to {
            IpAddr::V4(a) => unsafe {
                IcmpSendEcho2Ex(
                    self.handle.0,
                    ptr::null_mut(),
                    Some(on_complete),
                    context,
                    0,
                    u32::from_ne_bytes(a.octets()),
                    data,
                    request_size,
                    &self.options,
                    reply,
                    reply_len,
                    timeout_ms,
                )
            },
            IpAddr::V6(_) => unsafe {
                Icmp6SendEcho2(
                    self.handle.0,
                    ptr::null_mut(),
                    Some(on_complete),
                    context,
                    &self.source6,
                    &self.dest6,
                    data,
                    request_size,
                    &self.options,
                    reply,
                    reply_len,
                    timeout_ms,
                )
            },
        }
    }

    /// The outcome of a finished request, from its reply buffer. `replies` is what the
    /// call returned when it finished synchronously; otherwise the buffer is parsed.
    fn outcome(&mut self, replies: Option<u32>) -> EchoOutcome {
        let len = self.reply_len();
        let buf = self.reply.as_mut_ptr().cast::<c_void>();
        let at = Instant::now();
        // SAFETY: the OS has finished with the buffer (completion signalled or synchronous).
        let (count, error) = match replies {
            Some(n) => (n, 0),
            None => unsafe {
                let n = if self.v6 { Icmp6ParseReplies(buf, len) } else { IcmpParseReplies(buf, len) };
                (n, if n == 0 { GetLastError() } else { 0 })
            },
        };
        let bytes: Vec<u8> = self.reply.iter().flat_map(|w| w.to_ne_bytes()).collect();
        let parsed =
            if self.v6 { icmp_reply::parse_echo_reply_v6(&bytes) } else { icmp_reply::parse_echo_reply_v4(&bytes) };
        let status = match parsed {
            Some(reply) if count > 0 => reply.status,
            _ => error,
        };
        self.meaning_to_outcome(status, parsed.map(|p| (p.from, at)))
    }

    /// Hand the outcome to whoever asked.
    fn finish(&mut self, outcome: EchoOutcome) {
        if let Some(done) = self.done.take() {
            done(outcome);
        }
    }

    fn meaning_to_outcome(&self, status: u32, answered: Option<(IpAddr, Instant)>) -> EchoOutcome {
        match icmp_reply::status_meaning(self.v6, status) {
            StatusMeaning::Answer(kind) => match answered {
                Some((from, at)) if !from.is_unspecified() => EchoOutcome::Answer { from, kind, at },
                _ => failed(&format!("the ICMP API reported an answer (IP_STATUS {status}) without its sender")),
            },
            StatusMeaning::TimedOut => EchoOutcome::TimedOut,
            StatusMeaning::Failed { why, refused } => EchoOutcome::Failed { why, refused },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::mem::{offset_of, size_of};

    use windows_sys::Win32::NetworkManagement::IpHelper::{ICMP_ECHO_REPLY, ICMPV6_ECHO_REPLY_LH, IPV6_ADDRESS_EX};

    use super::*;

    #[test]
    fn the_pure_parsers_read_the_real_structures() {
        assert_eq!(offset_of!(ICMP_ECHO_REPLY, Status), icmp_reply::V4_STATUS);
        assert_eq!(offset_of!(ICMP_ECHO_REPLY, RoundTripTime), icmp_reply::V4_RTT);
        assert_eq!(offset_of!(ICMP_ECHO_REPLY, DataSize), icmp_reply::V4_DATA_SIZE);
        assert_eq!(size_of::<ICMP_ECHO_REPLY>(), icmp_reply::V4_REPLY_SIZE);
        assert_eq!(offset_of!(IPV6_ADDRESS_EX, sin6_addr), icmp_reply::V6_ADDR);
        assert_eq!(offset_of!(ICMPV6_ECHO_REPLY_LH, Status), icmp_reply::V6_STATUS);
        assert_eq!(offset_of!(ICMPV6_ECHO_REPLY_LH, RoundTripTime), icmp_reply::V6_RTT);
        assert_eq!(size_of::<ICMPV6_ECHO_REPLY_LH>(), icmp_reply::V6_REPLY_SIZE);
    }

    #[tokio::test]
    async fn loopback_answers_through_the_api() {
        let api = match IcmpApi::open(false) {
            Ok(api) => api,
            Err(e) => {
                eprintln!("skipped: loopback_answers_through_the_api: IcmpCreateFile failed: {e}");
                return;
            }
        };
        let target: IpAddr = "127.0.0.1".parse().unwrap();
        let answers: Vec<_> = (0..4).map(|_| api.echo(target, None, 32, Duration::from_secs(2))).collect();
        for rx in answers {
            match rx.await.unwrap() {
                EchoOutcome::Answer { from, kind, .. } => {
                    assert_eq!((from, kind), (target, crate::platform::probe::ReplyKind::Reached));
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
