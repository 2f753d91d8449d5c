//! Windows: facts from the OS's own APIs (iphlpapi, SetupAPI, battery IOCTLs), all usable
//! without admin rights.

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::lease::Lease;
use super::{BatteryInfo, InterfaceInfo, Unsupported};

mod adapters;
mod battery;
mod cpu;
pub mod dhcp_port;
pub mod displays;
mod gaa;
pub mod printers;
pub mod spooler;
mod wifi;

pub use cpu::cpu_usage_percent;
pub use wifi::wifi_links;

/// How long one reading of the adapters serves every caller: a network run asks for them
/// from several checks at once (link, lease, gateway, DNS), and one snapshot for all of them
/// is both consistent and cheap. (Under wine each reading takes 0.1-0.7 s.)
const ADAPTERS_FRESH_FOR: Duration = Duration::from_secs(1);

static ADAPTERS: Mutex<Option<(Instant, Arc<Vec<adapters::RawAdapter>>)>> = Mutex::new(None);

/// The adapters, read at most once per [`ADAPTERS_FRESH_FOR`]. The lock is held while
/// reading, so callers arriving together wait for the same reading instead of each making one.
fn adapter_snapshot() -> Result<Arc<Vec<adapters::RawAdapter>>, gaa::AdapterError> {
    let mut cached = ADAPTERS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((at, list)) = cached.as_ref()
        && at.elapsed() < ADAPTERS_FRESH_FOR
    {
        return Ok(Arc::clone(list));
    }
    let list = Arc::new(gaa::read_adapters()?);
    *cached = Some((Instant::now(), Arc::clone(&list)));
    Ok(list)
}

/// Every adapter from GetAdaptersAddresses, named by its friendly name ("Wi-Fi"). This
/// replaces netdev here: netdev names Windows adapters by GUID and has no DHCP server,
/// DHCP flag or lease lifetimes, which the lease check needs from the same call.
pub fn interfaces() -> Vec<InterfaceInfo> {
    match adapter_snapshot() {
        Ok(list) => adapters::interfaces_from(&list),
        Err(err) => {
            tracing::warn!("{err}");
            Vec::new()
        }
    }
}

pub fn dns_servers() -> Vec<IpAddr> {
    match adapter_snapshot() {
        Ok(list) => adapters::system_dns_from(&list),
        Err(err) => {
            tracing::warn!("{err}");
            Vec::new()
        }
    }
}

pub fn batteries() -> Result<Vec<BatteryInfo>, Unsupported> {
    battery::read_batteries().map_err(|err| Unsupported(err.to_string()))
}

/// Leases of the Windows DHCP Client, from the adapters themselves; dhclient-format files
/// named in the config do not exist on Windows and are not read.
pub fn dhcp_leases(_extra_files: &[PathBuf], interfaces: &[String]) -> Result<Vec<Lease>, Unsupported> {
    let list = adapter_snapshot().map_err(|err| Unsupported(err.to_string()))?;
    let mut leases = adapters::leases_from(&list, chrono::Utc::now());
    leases.retain(|l| interfaces.contains(&l.interface));
    Ok(leases)
}

pub fn display_connectors() -> Result<Vec<super::drm::DrmConnector>, super::drm::DrmError> {
    displays::display_connectors()
}

mod icmp;
mod trace;

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
