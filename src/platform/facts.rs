//! Facts every OS can answer through cross-platform crates.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::model::HostInfo;

/// Hostname, OS, kernel and architecture, for the report header.
pub fn host_info() -> HostInfo {
    let unknown = |r: Result<String, sysinfo::Error>| r.unwrap_or_else(|_| "unknown".to_string());
    HostInfo {
        hostname: unknown(sysinfo::System::host_name()),
        os_name: unknown(sysinfo::System::name()),
        os_version: unknown(sysinfo::System::os_version()),
        kernel: unknown(sysinfo::System::kernel_version()),
        arch: sysinfo::System::cpu_arch(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterfaceInfo {
    pub name: String,
    /// What the OS calls it in its own UI ("Wi-Fi", "Ethernet 2"), where that differs.
    pub friendly_name: Option<String>,
    pub kind: String,
    /// Operational state as the OS reports it: up, down, dormant, unknown…
    pub state: String,
    pub is_up: bool,
    pub is_loopback: bool,
    pub mac: Option<String>,
    pub ipv4: Vec<String>,
    pub ipv6: Vec<String>,
    pub gateway_ipv4: Vec<IpAddr>,
    pub gateway_ipv6: Vec<IpAddr>,
    pub dns_servers: Vec<IpAddr>,
    pub mtu: Option<u32>,
    pub speed_bps: Option<u64>,
    pub is_default: bool,
}

impl InterfaceInfo {
    /// Whether the link layer is connected: the OS's operational state says the cable is in
    /// (carrier) or the Wi-Fi is associated. Never inferred from having an address: a cable
    /// that is plugged in to a network without DHCP still has a link.
    pub fn has_link(&self) -> bool {
        // "unknown" is what drivers without carrier reporting (tun, some virtual NICs) say;
        // `is_up` already requires the OS's running flag, which follows the carrier.
        !self.is_loopback && self.is_up && matches!(self.state.as_str(), "up" | "unknown")
    }

    /// The reason a link is down, in the OS's own words, for the technician line.
    pub fn link_state_note(&self) -> String {
        match self.state.as_str() {
            "lowerlayerdown" | "down" => format!("no carrier ({})", self.state),
            "dormant" => "waiting to associate (dormant): Wi-Fi not connected".into(),
            "notpresent" => "not present".into(),
            other => format!("{other}, not running"),
        }
    }
}

/// Every network interface with its addresses, gateway and DNS servers.
pub fn interfaces() -> Vec<InterfaceInfo> {
    let dns = system_dns_servers();
    netdev::get_interfaces()
        .into_iter()
        .map(|i| {
            let gateway = i.gateway.as_ref();
            let dns_servers = if i.dns_servers.is_empty() { dns.clone() } else { i.dns_servers.clone() };
            InterfaceInfo {
                name: i.name.clone(),
                friendly_name: i.friendly_name.clone().filter(|f| *f != i.name),
                kind: format!("{:?}", i.if_type),
                state: format!("{:?}", i.oper_state).to_lowercase(),
                is_up: i.is_up() && i.is_running(),
                is_loopback: i.is_loopback(),
                mac: i.mac_addr.map(|m| m.to_string()).filter(|m| m != "00:00:00:00:00:00"),
                ipv4: i.ipv4.iter().map(|n| n.to_string()).collect(),
                ipv6: i.ipv6.iter().map(|n| n.to_string()).collect(),
                gateway_ipv4: gateway.map(|g| g.ipv4.iter().map(|a| IpAddr::V4(*a)).collect()).unwrap_or_default(),
                gateway_ipv6: gateway.map(|g| g.ipv6.iter().map(|a| IpAddr::V6(*a)).collect()).unwrap_or_default(),
                dns_servers: if i.is_loopback() { Vec::new() } else { dns_servers },
                mtu: i.mtu,
                speed_bps: i.transmit_speed.or(i.receive_speed),
                is_default: i.default,
            }
        })
        .collect()
}

/// The DNS servers the system resolver uses.
pub fn system_dns_servers() -> Vec<IpAddr> {
    super::os::dns_servers()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BatteryState {
    Charging,
    Discharging,
    Full,
    NotCharging,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatteryInfo {
    pub name: String,
    pub model: Option<String>,
    pub manufacturer: Option<String>,
    pub charge_percent: Option<f64>,
    pub state: BatteryState,
    /// Full-charge capacity as a share of design capacity.
    pub health_percent: Option<f64>,
    pub cycle_count: Option<u64>,
}

/// Processor use from two sysinfo samples `window` apart (Linux, macOS: /proc/stat and
/// host_processor_info, both always readable).
#[cfg_attr(windows, allow(dead_code))]
pub fn sysinfo_cpu_usage(window: std::time::Duration) -> Result<f32, super::Unsupported> {
    let mut sys =
        sysinfo::System::new().map_err(|e| super::Unsupported(format!("could not read processor state: {e}")))?;
    sys.refresh_cpu_usage();
    std::thread::sleep(window.max(sysinfo::MINIMUM_CPU_UPDATE_INTERVAL));
    sys.refresh_cpu_usage();
    Ok(sys.global_cpu_usage())
}
