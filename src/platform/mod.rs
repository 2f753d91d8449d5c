//! OS facts behind one API. Per-OS modules export the same names; callers never write `cfg`.
//! Cross-platform crates (sysinfo, netdev) are wrapped here once.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as os;
// macOS's module also builds into Linux test runs, so its parsers and sockets are tested there.
#[cfg(any(target_os = "macos", all(test, target_os = "linux")))]
mod macos;
#[cfg(target_os = "macos")]
use macos as os;
#[cfg(target_os = "windows")]
mod windows;
#[cfg(target_os = "windows")]
use windows as os;
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
mod other;
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
use other as os;

pub mod dhcp_port;
pub mod drm;
mod facts;
pub mod files;
pub mod icmp_reply;
pub mod lease;
/// macOS displays (system_profiler, ioreg). Built on every OS so its parsers' tests run in CI.
#[path = "macos/displays.rs"]
pub mod macos_displays;
pub mod monitors;
pub mod probe;
pub mod programs;
pub mod spool;
pub mod wifi;

pub use facts::{BatteryInfo, BatteryState, InterfaceInfo, host_info, interfaces, system_dns_servers};

/// Every battery the OS reports; an empty list means none (a desktop), an error means
/// this OS has no way for us to ask yet.
pub fn batteries() -> Result<Vec<BatteryInfo>, Unsupported> {
    os::batteries()
}

/// DHCP leases of the interfaces that exist here (newest per interface), from the OS's
/// DHCP clients plus `extra_files` (dhclient format) named in the config.
pub fn dhcp_leases(extra_files: &[std::path::PathBuf]) -> Result<Vec<lease::Lease>, Unsupported> {
    let names: Vec<String> = interfaces().into_iter().map(|i| i.name).collect();
    os::dhcp_leases(extra_files, &names)
}

/// Display connectors with their raw EDID: the graphics driver's (Linux DRM), or each present
/// monitor device (Windows SetupAPI); other OSes say Unsupported.
pub fn display_connectors() -> Result<Vec<drm::DrmConnector>, drm::DrmError> {
    os::display_connectors()
}

/// Every Wi-Fi adapter and, for each connected one, its link: network, signal, band and
/// channel, PHY, rate and security (Linux: nl80211, else nmcli, else iw; Windows: wlanapi;
/// macOS: system_profiler).
pub fn wifi_links() -> Result<wifi::WifiReading, wifi::WifiError> {
    os::wifi_links()
}

/// Open the probe sockets of a trace to `target`: the OS's way of sending probes with a
/// TTL and reading what comes back. The protocol actually used may differ from the one
/// asked for (Linux falls back from ICMP to UDP), and `Opened::note` then says why.
pub fn open_trace(
    target: std::net::IpAddr,
    opts: &probe::TraceSocketOptions,
) -> Result<probe::Opened, probe::OpenError> {
    os::open_trace(target, opts)
}

/// How ICMP echo (ping) is sent to `target` here: sockets, or the OS's ICMP service.
pub fn echo_via(target: std::net::IpAddr) -> probe::EchoVia {
    os::echo_via(target)
}

/// Why this OS may refuse ICMP to this user, in plain words for a note (may be empty).
pub const ICMP_DENIED_HINT: &str = os::ICMP_DENIED_HINT;

/// How busy the processors were over `window`, in percent of all of them (blocks for `window`:
/// call it off the UI thread).
pub fn cpu_usage_percent(window: std::time::Duration) -> Result<f32, Unsupported> {
    os::cpu_usage_percent(window)
}

/// Make sure the local CUPS scheduler at `server` (host:port) is up before it is asked over
/// IPP. macOS starts cupsd on demand through launchd's socket and stops it after a minute
/// idle, when localhost:631 refuses connections; elsewhere cupsd runs as a service.
pub fn wake_local_cups(server: &str) {
    #[cfg(target_os = "macos")]
    macos::wake_cups(server);
    #[cfg(not(target_os = "macos"))]
    let _ = server;
}

/// "This OS has no way for us to know", shown as "not available on this system".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);
