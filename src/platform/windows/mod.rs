//! Windows: facts from the OS's own APIs (iphlpapi, SetupAPI, battery IOCTLs), all usable
//! without admin rights.

use std::net::IpAddr;
use std::path::PathBuf;

use super::lease::Lease;
use super::{BatteryInfo, InterfaceInfo, Unsupported};

mod adapters;
mod battery;
pub mod dhcp_port;
mod gaa;

/// Every adapter from GetAdaptersAddresses, named by its friendly name ("Wi-Fi"). This
/// replaces netdev here: netdev names Windows adapters by GUID and has no DHCP server,
/// DHCP flag or lease lifetimes, which the lease check needs from the same call.
pub fn interfaces() -> Vec<InterfaceInfo> {
    match gaa::read_adapters() {
        Ok(list) => adapters::interfaces_from(&list),
        Err(err) => {
            tracing::warn!("{err}");
            Vec::new()
        }
    }
}

pub fn dns_servers() -> Vec<IpAddr> {
    match gaa::read_adapters() {
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
    let list = gaa::read_adapters().map_err(|err| Unsupported(err.to_string()))?;
    let mut leases = adapters::leases_from(&list, chrono::Utc::now());
    leases.retain(|l| interfaces.contains(&l.interface));
    Ok(leases)
}

pub fn display_connectors() -> Result<Vec<super::drm::DrmConnector>, super::drm::DrmError> {
    Err(super::drm::DrmError::Unsupported("display connectors are only read from Linux's DRM layer so far".into()))
}
