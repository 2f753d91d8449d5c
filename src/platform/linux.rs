//! Linux: facts from /sys and /etc.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

mod wifi;

pub use super::facts::sysinfo_cpu_usage as cpu_usage_percent;
pub use wifi::wifi_links;

use super::lease::{self, Lease};
use super::probe::{EchoVia, OpenError, Opened, TraceSocketOptions};
use super::{BatteryInfo, BatteryState, Unsupported, programs};

mod trace;

pub fn dns_servers() -> Vec<IpAddr> {
    std::fs::read_to_string("/etc/resolv.conf").map(|t| parse_resolv_conf(&t)).unwrap_or_default()
}

/// `nameserver` lines of resolv.conf; comments and bad addresses are ignored.
pub fn parse_resolv_conf(text: &str) -> Vec<IpAddr> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            match (words.next(), words.next()) {
                // A scoped IPv6 (fe80::1%eth0) keeps its address part.
                (Some("nameserver"), Some(addr)) => addr.split('%').next()?.parse().ok(),
                _ => None,
            }
        })
        .collect()
}

pub fn batteries() -> Result<Vec<BatteryInfo>, Unsupported> {
    let dir = Path::new("/sys/class/power_supply");
    let Ok(entries) = std::fs::read_dir(dir) else {
        // No power_supply class at all (containers, some VMs): simply no battery.
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let read = |name: &str| std::fs::read_to_string(path.join(name)).ok().map(|s| s.trim().to_string());
        if read("type").as_deref() != Some("Battery") {
            continue;
        }
        found.push(battery_from(&entry.file_name().to_string_lossy(), read));
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

/// Builds a battery from its sysfs attributes; `read` returns one attribute's text.
pub fn battery_from(name: &str, read: impl Fn(&str) -> Option<String>) -> BatteryInfo {
    let num = |n: &str| read(n).and_then(|v| v.parse::<f64>().ok());
    let full = num("energy_full").or_else(|| num("charge_full"));
    let design = num("energy_full_design").or_else(|| num("charge_full_design"));
    let health_percent = match (full, design) {
        (Some(f), Some(d)) if d > 0.0 => Some((f / d * 100.0).min(100.0)),
        _ => None,
    };
    let state = match read("status").as_deref() {
        Some("Charging") => BatteryState::Charging,
        Some("Discharging") => BatteryState::Discharging,
        Some("Full") => BatteryState::Full,
        Some("Not charging") => BatteryState::NotCharging,
        _ => BatteryState::Unknown,
    };
    BatteryInfo {
        name: name.to_string(),
        model: read("model_name").filter(|s| !s.is_empty()),
        manufacturer: read("manufacturer").filter(|s| !s.is_empty()),
        charge_percent: num("capacity"),
        state,
        health_percent,
        cycle_count: num("cycle_count").filter(|c| *c > 0.0).map(|c| c as u64),
    }
}

/// Every DHCP lease the usual Linux clients recorded, for interfaces that exist here:
/// dhclient files, systemd-networkd and NetworkManager's internal client, `nmcli`, `dhcpcd -U`.
pub fn dhcp_leases(extra_files: &[PathBuf], interfaces: &[String]) -> Result<Vec<Lease>, Unsupported> {
    let mut found: Vec<Lease> = Vec::new();
    let mut dhclient_files: Vec<PathBuf> = extra_files.to_vec();
    for dir in ["/var/lib/dhcp", "/var/lib/dhclient", "/var/lib/NetworkManager"] {
        dhclient_files.extend(
            list_dir(dir).into_iter().filter(|p| name_of(p).starts_with("dhclient") && name_of(p).contains(".lease")),
        );
    }
    for path in &dhclient_files {
        if let Ok(text) = std::fs::read_to_string(path) {
            found.extend(lease::parse_dhclient(&text, &path.to_string_lossy()));
        }
    }
    // systemd-networkd names lease files by interface index.
    for path in list_dir("/run/systemd/netif/leases") {
        let Ok(index) = name_of(&path).parse::<u32>() else { continue };
        let Some(iface) = interface_by_index(index) else { continue };
        if let Ok(text) = std::fs::read_to_string(&path) {
            found.push(lease::parse_networkd(&text, &iface, modified(&path), &path.to_string_lossy()));
        }
    }
    // NetworkManager's internal client: internal-<uuid>-<iface>.lease, networkd format.
    for path in list_dir("/var/lib/NetworkManager") {
        let name = name_of(&path);
        if let Some(rest) = name.strip_prefix("internal-").and_then(|r| r.strip_suffix(".lease"))
            && let Some(iface) = rest.get(37..)
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            let mut l = lease::parse_networkd(&text, iface, modified(&path), &path.to_string_lossy());
            l.client = "NetworkManager".into();
            found.push(l);
        }
    }
    for iface in interfaces {
        if found.iter().any(|l| &l.interface == iface) {
            continue;
        }
        // Asking the running clients only when no file told us: each is a program start.
        if let Ok(text) =
            programs::run("nmcli", &["-t", "-f", "DHCP4", "device", "show", iface], Duration::from_secs(2))
            && let Some(l) = lease::parse_nmcli_dhcp4(&text, iface)
        {
            found.push(l);
        } else if let Ok(text) = programs::run("dhcpcd", &["-U", iface], Duration::from_secs(2))
            && let Some(l) =
                lease::parse_dhcpcd_dump(&text, iface, modified(Path::new(&format!("/var/lib/dhcpcd/{iface}.lease"))))
        {
            found.push(l);
        }
    }
    found.retain(|l| interfaces.contains(&l.interface));
    // Newest lease per interface.
    found.sort_by_key(|l| std::cmp::Reverse(l.expiry.or(l.obtained)));
    let mut seen = Vec::new();
    found.retain(|l| {
        let first = !seen.contains(&l.interface);
        seen.push(l.interface.clone());
        first
    });
    Ok(found)
}

fn list_dir(dir: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default()
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn modified(path: &Path) -> Option<DateTime<Utc>> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok().map(DateTime::<Utc>::from)
}

fn interface_by_index(index: u32) -> Option<String> {
    list_dir("/sys/class/net").into_iter().find_map(|p| {
        let i: u32 = std::fs::read_to_string(p.join("ifindex")).ok()?.trim().parse().ok()?;
        (i == index).then(|| name_of(&p))
    })
}

pub fn display_connectors() -> Result<Vec<super::drm::DrmConnector>, super::drm::DrmError> {
    super::drm::read_connectors(Path::new(super::drm::SYSFS_DRM))
}

/// Traceroute sockets: UDP, ICMP datagram (or raw as root) and TCP, none privileged.
pub fn open_trace(target: IpAddr, opts: &TraceSocketOptions) -> Result<Opened, OpenError> {
    trace::open(target, opts)
}

/// Ping goes through sockets: datagram ICMP if `net.ipv4.ping_group_range` allows, else raw.
pub fn echo_via(_target: IpAddr) -> EchoVia {
    EchoVia::Sockets
}

pub const ICMP_DENIED_HINT: &str =
    " (net.ipv4.ping_group_range excludes the user's groups and raw sockets need CAP_NET_RAW)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolv_conf_nameservers() {
        let text = "# generated\nsearch corp.example\nnameserver 10.1.1.1\nnameserver fe80::1%eth0\nnameserver bogus\noptions edns0\n";
        let got = parse_resolv_conf(text);
        assert_eq!(got, vec!["10.1.1.1".parse::<IpAddr>().unwrap(), "fe80::1".parse().unwrap()]);
    }

    #[test]
    fn battery_health_from_sysfs_attributes() {
        let attrs = [
            ("status", "Discharging"),
            ("capacity", "76"),
            ("energy_full", "40000000"),
            ("energy_full_design", "50000000"),
            ("cycle_count", "312"),
            ("model_name", "5B10W13930"),
        ];
        let b = battery_from("BAT0", |n| attrs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string()));
        assert_eq!(b.state, BatteryState::Discharging);
        assert_eq!(b.charge_percent, Some(76.0));
        assert_eq!(b.health_percent, Some(80.0));
        assert_eq!(b.cycle_count, Some(312));
        assert_eq!(b.model.as_deref(), Some("5B10W13930"));
    }
}
