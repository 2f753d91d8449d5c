//! Traceroute on Windows, as tracert does it without administrator rights: every probe is
//! one asynchronous `IcmpSendEcho2Ex` (`Icmp6SendEcho2`) request with its TTL set in
//! `IP_OPTION_INFORMATION`. The API returns the router's "TTL expired in transit" or the
//! destination's echo reply for each, which become the same [`Reply`]s the Linux sockets
//! give, so the shared driver builds the same hop table. Windows allows UDP and TCP probes
//! with a TTL only on raw sockets (administrator), so ICMP is the one protocol here.

use std::io;
use std::net::IpAddr;
use std::time::Duration;

use tokio::sync::mpsc;

use super::icmp::{IcmpApi, Started};
use crate::platform::probe::{EchoOutcome, OpenError, Opened, Prober, Reply, TraceProtocol, TraceSocketOptions};

/// Payload of each probe: recognisable in a packet capture, as on Linux.
const PAYLOAD: &[u8; 24] = b"deskcheck traceroute\0\0\0\0";
/// TTL of echo requests sent straight to a router: enough for any path.
const ECHO_TTL: u8 = 64;

pub(super) fn open(target: IpAddr, opts: &TraceSocketOptions) -> Result<Opened, OpenError> {
    if opts.protocol != TraceProtocol::Icmp {
        return Err(OpenError::ProtocolUnavailable(format!(
            "{} probes are not available on Windows: a program without administrator rights can only trace with ICMP echo (the ICMP API, as tracert does); use --protocol icmp",
            opts.protocol
        )));
    }
    let api =
        IcmpApi::open(target.is_ipv6()).map_err(|source| OpenError::OpenSocket { what: "Windows ICMP API", source })?;
    let (tx, replies) = mpsc::unbounded_channel();
    let prober = ApiProber { api, target, timeout: opts.probe_timeout, tx };
    Ok(Opened { prober: Box::new(prober), replies, protocol: TraceProtocol::Icmp, note: None })
}

struct ApiProber {
    api: IcmpApi,
    target: IpAddr,
    timeout: Duration,
    tx: mpsc::UnboundedSender<Reply>,
}

impl ApiProber {
    fn start(&self, to: IpAddr, ttl: u8, seq: u16) -> io::Result<()> {
        let tx = self.tx.clone();
        let done = Box::new(move |outcome| forward(&tx, seq, outcome));
        match self.api.start(to, ttl, PAYLOAD, self.timeout, done) {
            Started::Pending => Ok(()),
            // Failing at once is a local fault (no route, refused): the driver decides
            // whether that ends the trace (nothing sent yet) or is one probe not sent.
            Started::Done(EchoOutcome::Failed { why, .. }) => Err(io::Error::other(why)),
            Started::Done(outcome) => {
                forward(&self.tx, seq, outcome);
                Ok(())
            }
        }
    }
}

/// An answer goes to the driver; a timeout is the driver's to notice, a late failure only
/// worth a log line (the probe then counts as lost).
fn forward(tx: &mpsc::UnboundedSender<Reply>, seq: u16, outcome: EchoOutcome) {
    match outcome {
        EchoOutcome::Answer { from, kind, at } => {
            let _ = tx.send(Reply { seq, from, kind, at });
        }
        EchoOutcome::TimedOut => {}
        EchoOutcome::Failed { why, .. } => tracing::debug!("traceroute probe {seq} failed: {why}"),
    }
}

impl Prober for ApiProber {
    fn send(&mut self, ttl: u8, seq: u16) -> io::Result<()> {
        self.start(self.target, ttl, seq)
    }

    fn send_echo(&mut self, to: IpAddr, seq: u16) -> io::Result<()> {
        if to.is_ipv6() != self.target.is_ipv6() {
            return Err(io::ErrorKind::InvalidInput.into());
        }
        self.start(to, ECHO_TTL, seq)
    }
}
