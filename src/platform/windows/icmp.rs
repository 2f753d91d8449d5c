//! ICMP echo through the Windows ICMP API (`IcmpSendEcho2Ex` / `Icmp6SendEcho2`), the way
//! ping.exe and tracert send it: no raw socket, so no administrator rights. Each request
//! gets its own event and is started asynchronously; one thread-pool wait per event
//! (`CreateThreadpoolWait`) reports it when the OS signals completion, so any number of
//! requests are in flight at once without a thread each. The request's buffers belong to
//! the request until the OS has finished with them, whatever the caller does meanwhile.

use std::ffi::c_void;
use std::io;
use std::net::IpAddr;
use std::ptr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::Instant;
use windows_sys::Win32::Foundation::{CloseHandle, ERROR_IO_PENDING, GetLastError, HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    IP_OPTION_INFORMATION, Icmp6CreateFile, Icmp6ParseReplies, Icmp6SendEcho2, IcmpCloseHandle, IcmpCreateFile,
    IcmpParseReplies, IcmpSendEcho2Ex,
};
use windows_sys::Win32::Networking::WinSock::{AF_INET6, SOCKADDR_IN6};
use windows_sys::Win32::System::Threading::{
    CloseThreadpoolWait, CreateEventW, CreateThreadpoolWait, PTP_CALLBACK_INSTANCE, PTP_WAIT, SetThreadpoolWait,
};

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
    /// `timeout`. `done` runs on a thread-pool thread when it ends, unless it ended at once.
    pub fn start(&self, to: IpAddr, ttl: u8, payload: &[u8], timeout: Duration, done: Done) -> Started {
        if to.is_ipv6() != self.v6 {
            return Started::Done(failed("the ICMP handle is for the other address family"));
        }
        let Ok(request_size) = u16::try_from(payload.len()) else {
            return Started::Done(failed("the ICMP payload is larger than 65535 bytes"));
        };
        let reply_bytes =
            if self.v6 { icmp_reply::V6_REPLY_SIZE } else { icmp_reply::V4_REPLY_SIZE } + payload.len() + REPLY_SLACK;
        let mut request = Box::new(Request {
            handle: self.handle.clone(),
            v6: self.v6,
            to,
            event: ptr::null_mut(),
            wait: 0,
            data: payload.to_vec(),
            options: IP_OPTION_INFORMATION { Ttl: ttl, ..IP_OPTION_INFORMATION::default() },
            source6: SOCKADDR_IN6 { sin6_family: AF_INET6, ..SOCKADDR_IN6::default() },
            dest6: SOCKADDR_IN6::default(),
            // u64s keep the reply structure 8-byte aligned, as the API expects.
            reply: vec![0u64; reply_bytes.div_ceil(8)],
            done: Some(done),
        });
        if let IpAddr::V6(a) = to {
            request.dest6.sin6_family = AF_INET6;
            request.dest6.sin6_addr.u.Byte = a.octets();
        }
        // SAFETY: a manual-reset, unnamed, unsignalled event; checked below.
        request.event = unsafe { CreateEventW(ptr::null(), 1, 0, ptr::null()) };
        if request.event.is_null() {
            return Started::Done(failed(&format!("could not create an event: {}", io::Error::last_os_error())));
        }
        let raw = Box::into_raw(request);
        // SAFETY: `raw` is a live Request; the wait callback takes ownership of it only once
        // SetThreadpoolWait has armed the wait, and every other path takes it back here.
        unsafe {
            let wait = CreateThreadpoolWait(Some(on_complete), raw.cast(), ptr::null());
            if wait == 0 {
                let why = format!("could not create a wait: {}", io::Error::last_os_error());
                drop(Box::from_raw(raw));
                return Started::Done(failed(&why));
            }
            (*raw).wait = wait;
            let replies = (*raw).send(timeout, request_size);
            if replies != 0 {
                // Answered synchronously: the buffer holds it; the event may never be waited on.
                let mut request = Box::from_raw(raw);
                return Started::Done(request.outcome(Some(replies)));
            }
            let error = GetLastError();
            if error == ERROR_IO_PENDING {
                SetThreadpoolWait(wait, (*raw).event, ptr::null());
                return Started::Pending;
            }
            let request = Box::from_raw(raw);
            Started::Done(request.meaning_to_outcome(error, None))
        }
    }
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
    event: HANDLE,
    wait: PTP_WAIT,
    data: Vec<u8>,
    options: IP_OPTION_INFORMATION,
    source6: SOCKADDR_IN6,
    dest6: SOCKADDR_IN6,
    reply: Vec<u64>,
    done: Option<Done>,
}

impl Request {
    fn reply_len(&self) -> u32 {
        u32::try_from(self.reply.len() * 8).unwrap_or(u32::MAX)
    }

    /// Start the request; the API's return value (replies so far, 0 = pending or failed).
    ///
    /// # Safety
    /// `self` must stay where it is until the OS is done with it (it is boxed, and owned
    /// by the wait callback while the request is pending).
    unsafe fn send(&mut self, timeout: Duration, request_size: u16) -> u32 {
        let timeout_ms = u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX).max(1);
        let reply_len = self.reply_len();
        let data = self.data.as_ptr().cast::<c_void>();
        let reply = self.reply.as_mut_ptr().cast::<c_void>();
        match self.to {
            IpAddr::V4(a) => unsafe {
                IcmpSendEcho2Ex(
                    self.handle.0,
                    self.event,
                    None,
                    ptr::null(),
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
                    self.event,
                    None,
                    ptr::null(),
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

impl Drop for Request {
    fn drop(&mut self) {
        // SAFETY: the wait is disarmed or has fired (we run from its callback or never armed
        // it), and nothing waits on the event any more.
        unsafe {
            if self.wait != 0 {
                CloseThreadpoolWait(self.wait);
            }
            if !self.event.is_null() {
                CloseHandle(self.event);
            }
        }
    }
}

/// The thread-pool wait fired: the OS completed the request.
unsafe extern "system" fn on_complete(
    _instance: PTP_CALLBACK_INSTANCE,
    context: *mut c_void,
    _wait: PTP_WAIT,
    _result: u32,
) {
    // SAFETY: `context` is the Request boxed in `start`, owned by this (one-shot) wait.
    let mut request = unsafe { Box::from_raw(context.cast::<Request>()) };
    let done = request.done.take();
    let outcome = request.outcome(None);
    if let Some(done) = done {
        done(outcome);
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
