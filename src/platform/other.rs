//! other: facts this platform module can answer so far.

use std::net::IpAddr;
use std::path::PathBuf;

pub use super::facts::sysinfo_cpu_usage as cpu_usage_percent;
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

pub fn wifi_links() -> Result<super::wifi::WifiReading, super::wifi::WifiError> {
    Err(super::wifi::WifiError::Unsupported("Wi-Fi is read on Linux, Windows and macOS only".into()))
}

pub fn open_trace(
    _target: IpAddr,
    _opts: &super::probe::TraceSocketOptions,
) -> Result<super::probe::Opened, super::probe::OpenError> {
    Err(super::probe::OpenError::Unsupported(std::env::consts::OS))
}

pub fn echo_via(_target: IpAddr) -> super::probe::EchoVia {
    // Datagram ICMP sockets where the OS allows them, else raw sockets: surge-ping decides.
    super::probe::EchoVia::Sockets
}

pub const ICMP_DENIED_HINT: &str = "";
