//! Linux: facts from /sys and /etc.

use std::net::IpAddr;
use std::path::Path;

use super::{BatteryInfo, BatteryState, Unsupported};

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
