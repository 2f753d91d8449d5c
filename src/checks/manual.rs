//! Probes a person asks for by hand: "Trace to…" and "Ping" in the GUI, `deskcheck ping`
//! and `deskcheck trace` on the command line. Each is a check like every other, so the
//! engine gives it what it gives every probe: its own timeout, a caught panic, cancellation
//! ("Stop", Ctrl-C), live snapshots on the board under the caller's key, and an
//! `EngineEvent` stream whose `Finished` run carries the final result as typed data.

use std::net::IpAddr;
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{Check, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::model::Category;
use crate::net::live::{self, LiveSnapshot};
use crate::net::{dns, ping, trace};

pub const MANUAL_PING_ID: &str = "net.manual.ping";
pub const MANUAL_TRACE_ID: &str = "net.manual.trace";

/// How long the name lookup may take before the probe gives up.
pub const RESOLVE_TIMEOUT: Duration = Duration::from_secs(3);

/// The result of a manual ping: the same shape as `deskcheck ping --json`'s `stats`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ManualPingData(pub ping::PingStats);

/// The result of a manual trace: the same shape as `deskcheck trace --json`'s `trace`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ManualTraceData(pub trace::TraceSnapshot);

fn manual_meta(id: &'static str, title: &'static str, description: &'static str, timeout: Duration) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::Network,
        description,
        timeout,
        needs: Needs { root: false, network: true },
    }
}

/// The first address of `target` (an IP literal is taken as it is).
async fn resolve(target: &str) -> Result<IpAddr, CheckError> {
    let addresses =
        dns::resolve_host(target, RESOLVE_TIMEOUT).await.map_err(|err| CheckError::Failed(err.to_string()))?;
    addresses.first().copied().ok_or_else(|| CheckError::Failed(format!("{target} has no address")))
}

/// Ping one host the user named, publishing each reply under `live_key`.
pub struct ManualPing {
    meta: CheckMeta,
    target: String,
    options: ping::PingOptions,
    live_key: String,
}

impl ManualPing {
    pub fn new(target: impl Into<String>, options: ping::PingOptions, live_key: impl Into<String>) -> Self {
        // Every probe's interval and its wait for the last answer, the lookup, and a margin.
        let probes = options.interval.saturating_mul(options.count);
        let timeout = probes + options.timeout + RESOLVE_TIMEOUT + Duration::from_secs(2);
        let meta = manual_meta(MANUAL_PING_ID, "Ping", "Ping a host you name.", timeout);
        Self { meta, target: target.into(), options, live_key: live_key.into() }
    }
}

#[async_trait]
impl Check for ManualPing {
    fn meta(&self) -> &CheckMeta {
        &self.meta
    }

    /// Asked for by hand: not part of the network verdict, not bound by its deadline.
    fn background(&self) -> bool {
        true
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let ip = resolve(&self.target).await?;
        // The row appears at once, with the address, before the first reply.
        let first = ping::PingStats::empty(ip, ping::PingMethod::IcmpUnprivileged, None);
        let stats = live::probe_live(&cx.live, &self.live_key, first, LiveSnapshot::Ping, |tx| async move {
            ping::ping(ip, &self.options, Some(&tx)).await
        })
        .await
        .map_err(|err| CheckError::Failed(format!("could not ping {ip}: {err}")))?;
        Ok(CheckResult::new(Vec::new()).with_data(ManualPingData(stats)))
    }
}

/// Trace the path to one host the user named, publishing the hop table under `live_key`.
pub struct ManualTrace {
    meta: CheckMeta,
    target: String,
    options: trace::TraceOptions,
    live_key: String,
}

impl ManualTrace {
    pub fn new(target: impl Into<String>, options: trace::TraceOptions, live_key: impl Into<String>) -> Self {
        // A trace ends by itself (max hops, its own duration cap); this only catches a hang.
        let timeout =
            options.max_duration.unwrap_or(Duration::from_secs(300)) + RESOLVE_TIMEOUT + Duration::from_secs(5);
        let meta = manual_meta(MANUAL_TRACE_ID, "Trace", "Trace the path to a host you name.", timeout);
        Self { meta, target: target.into(), options, live_key: live_key.into() }
    }
}

#[async_trait]
impl Check for ManualTrace {
    fn meta(&self) -> &CheckMeta {
        &self.meta
    }

    fn background(&self) -> bool {
        true
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let ip = resolve(&self.target).await?;
        // The table appears at once ("tracing…"), before the first hop answers.
        let first = trace::TraceSnapshot::empty(ip, self.options.protocol);
        let snapshot = live::probe_live(&cx.live, &self.live_key, first, LiveSnapshot::Trace, |tx| async move {
            trace::trace(ip, &self.options, Some(&tx)).await
        })
        .await
        .map_err(|err| CheckError::Failed(format!("could not trace the path to {ip}: {err}")))?;
        Ok(CheckResult::new(Vec::new()).with_data(ManualTraceData(snapshot)))
    }
}
