//! OS facts behind one API. Per-OS modules export the same names; callers never write `cfg`.
//! Cross-platform crates (sysinfo, netdev) are wrapped here once.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as os;
#[cfg(target_os = "macos")]
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

pub mod drm;
mod facts;
pub mod files;
pub mod lease;
pub mod programs;

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

/// Display connectors the graphics driver lists (Linux DRM), with their raw EDID; other
/// OSes say Unsupported.
pub fn display_connectors() -> Result<Vec<drm::DrmConnector>, drm::DrmError> {
    os::display_connectors()
}

/// Busy share of all processors over `interval`, in percent (two samples `interval` apart);
/// `None` when the OS does not say. Windows reads `GetSystemTimes` (platform/windows/cpu.rs:
/// sysinfo's PDH path aborts under wine); every other OS goes through sysinfo.
pub fn cpu_usage_percent(interval: std::time::Duration) -> Option<f32> {
    #[cfg(target_os = "windows")]
    return os::cpu_usage_percent(interval);
    #[cfg(not(target_os = "windows"))]
    return facts::sysinfo_cpu_usage_percent(interval);
}

/// "This OS has no way for us to know", shown as "not available on this system".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);
