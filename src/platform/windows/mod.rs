//! windows: facts this platform module can answer so far.

mod cpu;

pub use cpu::cpu_usage_percent;

use std::net::IpAddr;
use std::path::PathBuf;

use super::lease::Lease;
use super::{BatteryInfo, Unsupported};

pub fn dns_servers() -> Vec<IpAddr> {
    // netdev reports per-interface DNS servers on this OS; there is no global list to add.
    Vec::new()
}

pub fn batteries() -> Result<Vec<BatteryInfo>, Unsupported> {
    Err(Unsupported("battery status is not read on this operating system yet".into()))
}

pub fn dhcp_leases(_extra_files: &[PathBuf], _interfaces: &[String]) -> Result<Vec<Lease>, Unsupported> {
    Err(Unsupported("reading DHCP lease details is not supported on this operating system yet".into()))
}

pub fn display_connectors() -> Result<Vec<super::drm::DrmConnector>, super::drm::DrmError> {
    Err(super::drm::DrmError::Unsupported("display connectors are only read from Linux's DRM layer so far".into()))
}

mod icmp;
mod trace;

use std::sync::Arc;

use super::probe::{EchoVia, OpenError, Opened, TraceSocketOptions};

/// Traces go through the ICMP API with a TTL per request, as tracert does: ICMP only.
pub fn open_trace(target: IpAddr, opts: &TraceSocketOptions) -> Result<Opened, OpenError> {
    trace::open(target, opts)
}

/// Ping goes through the ICMP API, as ping.exe does: no administrator rights needed.
pub fn echo_via(target: IpAddr) -> EchoVia {
    match icmp::IcmpApi::open(target.is_ipv6()) {
        Ok(api) => EchoVia::Api(Arc::new(api)),
        Err(e) => EchoVia::ApiRefused(e),
    }
}

pub const ICMP_DENIED_HINT: &str = " (the Windows ICMP API is blocked by policy)";
