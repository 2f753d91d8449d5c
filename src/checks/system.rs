//! System area: OS and uptime, CPU, memory, disks, battery, temperatures and a
//! network interfaces overview. Each check is one small unit.

use std::sync::LazyLock;
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::i18n::Msg;
use crate::model::{Category, Finding, Severity};
use crate::{msg, platform};

pub fn checks() -> Vec<CheckBox> {
    vec![
        std::sync::Arc::new(OsUptime),
        std::sync::Arc::new(Cpu),
        std::sync::Arc::new(Memory),
        std::sync::Arc::new(Disks),
        std::sync::Arc::new(Battery),
        std::sync::Arc::new(Temperatures),
        std::sync::Arc::new(Interfaces),
    ]
}

const fn meta(id: &'static str, title: &'static str, description: &'static str, timeout_ms: u64) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::System,
        description,
        timeout: Duration::from_millis(timeout_ms),
        needs: Needs { root: false, network: false },
    }
}

/// sysinfo reads files and may sleep; keep it off the async workers.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, CheckError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| CheckError::Failed(format!("system probe did not finish: {e}")))
}

pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} B") } else { format!("{value:.1} {}", UNITS[unit]) }
}

/// `msg` with the `days`, `hours` and `minutes` of `secs`, which the message words through
/// `system-duration` (the same span as `human_duration`, in the reader's language).
fn with_duration(msg: Msg, secs: u64) -> Msg {
    msg.arg("days", secs / 86_400).arg("hours", secs % 86_400 / 3600).arg("minutes", secs % 3600 / 60)
}

/// A time span alone, worded in `lang` ("3 days 4 h").
pub fn human_duration_in(lang: crate::i18n::Lang, secs: u64) -> String {
    crate::i18n::text(lang, &with_duration(msg!("system-duration"), secs))
}

pub fn human_duration(secs: u64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3600, secs % 3600 / 60);
    match (d, h) {
        (0, 0) => format!("{m} min"),
        (0, _) => format!("{h} h {m} min"),
        _ => format!("{d} days {h} h"),
    }
}

// ---------------------------------------------------------------- OS and uptime

struct OsUptime;
static OS_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "system.os.uptime",
        "Operating system and uptime",
        "Which OS this is and how long since it last restarted.",
        5_000,
    )
});

#[derive(Serialize, Deserialize)]
pub struct OsData {
    host: crate::model::HostInfo,
    long_os_version: Option<String>,
    uptime_secs: Option<u64>,
    boot_time_unix: Option<u64>,
}

/// Two weeks without a restart: pending updates and leaked resources pile up.
const UPTIME_WARN_SECS: u64 = 14 * 86_400;

#[async_trait]
impl Check for OsUptime {
    fn meta(&self) -> &CheckMeta {
        &OS_META
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let data = blocking(|| OsData {
            host: platform::host_info(),
            long_os_version: sysinfo::System::long_os_version().ok(),
            uptime_secs: sysinfo::System::uptime().ok(),
            boot_time_unix: sysinfo::System::boot_time().ok(),
        })
        .await?;
        let os =
            data.long_os_version.clone().unwrap_or_else(|| format!("{} {}", data.host.os_name, data.host.os_version));
        let mut findings = vec![
            Finding::msg(Severity::Info, msg!("system-os", os = os))
                .evidence("Host name", &data.host.hostname)
                .evidence("Kernel", &data.host.kernel)
                .evidence("Architecture", &data.host.arch),
        ];
        match data.uptime_secs {
            Some(up) if up > UPTIME_WARN_SECS => findings.push(
                Finding::msg(Severity::Warn, with_duration(msg!("system-uptime-long"), up))
                    .evidence("Uptime", human_duration(up)),
            ),
            Some(up) => findings.push(
                Finding::msg(Severity::Pass, with_duration(msg!("system-uptime"), up))
                    .evidence("Uptime", human_duration(up)),
            ),
            None => {}
        }
        Ok(CheckResult::new(findings).with_data(data))
    }
}

// ---------------------------------------------------------------- CPU

struct Cpu;
static CPU_META: LazyLock<CheckMeta> =
    LazyLock::new(|| meta("system.cpu.load", "Processor", "The processor model and how busy it is right now.", 5_000));

#[derive(Serialize, Deserialize)]
pub struct CpuData {
    brand: String,
    logical_cores: usize,
    physical_cores: Option<usize>,
    frequency_mhz: u64,
    usage_percent: f32,
    load_average: Option<[f64; 3]>,
}

#[async_trait]
impl Check for Cpu {
    fn meta(&self) -> &CheckMeta {
        &CPU_META
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let data = blocking(|| -> Result<CpuData, String> {
            let mut sys = sysinfo::System::new().map_err(|e| format!("could not read processor state: {e}"))?;
            // Model and frequency from sysinfo; usage (two samples apart) from the platform
            // module, which on Windows avoids sysinfo's PDH counters (see platform/windows/cpu.rs).
            sys.refresh_cpu_specifics(sysinfo::CpuRefreshKind::nothing().with_frequency());
            let usage_percent =
                crate::platform::cpu_usage_percent(sysinfo::MINIMUM_CPU_UPDATE_INTERVAL).map_err(|e| e.0)?;
            let cpus = sys.cpus();
            Ok(CpuData {
                brand: cpus.first().map(|c| c.brand().trim().to_string()).unwrap_or_default(),
                logical_cores: cpus.len(),
                physical_cores: sysinfo::System::physical_core_count().ok(),
                frequency_mhz: cpus.first().map(|c| c.frequency()).unwrap_or(0),
                usage_percent,
                load_average: sysinfo::System::load_average().ok().map(|l| [l.one, l.five, l.fifteen]),
            })
        })
        .await?
        .map_err(CheckError::Failed)?;
        let busy = data.usage_percent >= 95.0;
        let usage = format!("{:.0}%", data.usage_percent);
        let finding = if busy {
            Finding::msg(Severity::Warn, msg!("system-cpu-busy", usage = usage))
        } else {
            Finding::msg(Severity::Pass, msg!("system-cpu", usage = usage))
        };
        let mut finding = finding
            .evidence("Model", if data.brand.is_empty() { "unknown".into() } else { data.brand.clone() })
            .evidence(
                "Cores",
                format!(
                    "{} logical{}",
                    data.logical_cores,
                    data.physical_cores.map(|p| format!(", {p} physical")).unwrap_or_default()
                ),
            )
            .evidence("Usage", format!("{:.1}%", data.usage_percent));
        if let Some([one, five, fifteen]) = data.load_average {
            finding = finding.evidence("Load average", format!("{one:.2} {five:.2} {fifteen:.2}"));
        }
        Ok(CheckResult::new(vec![finding]).with_data(data))
    }
}

// ---------------------------------------------------------------- Memory

struct Memory;
static MEM_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta("system.memory.usage", "Memory", "How much memory is in use; warns when it runs short.", 5_000)
});

#[derive(Serialize, Deserialize)]
pub struct MemData {
    total_bytes: u64,
    available_bytes: u64,
    used_percent: f64,
    swap_total_bytes: u64,
    swap_used_bytes: u64,
}

pub fn memory_severity(used_percent: f64, warn: f64, fail: f64) -> Severity {
    if used_percent >= fail {
        Severity::Fail
    } else if used_percent >= warn {
        Severity::Warn
    } else {
        Severity::Pass
    }
}

#[async_trait]
impl Check for Memory {
    fn meta(&self) -> &CheckMeta {
        &MEM_META
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let data = blocking(|| -> Result<MemData, String> {
            let mut sys = sysinfo::System::new().map_err(|e| format!("could not read memory state: {e}"))?;
            sys.refresh_memory();
            let total = sys.total_memory();
            let available = sys.available_memory();
            Ok(MemData {
                total_bytes: total,
                available_bytes: available,
                used_percent: if total == 0 {
                    0.0
                } else {
                    (total - available.min(total)) as f64 / total as f64 * 100.0
                },
                swap_total_bytes: sys.total_swap(),
                swap_used_bytes: sys.used_swap(),
            })
        })
        .await?
        .map_err(CheckError::Failed)?;
        if data.total_bytes == 0 {
            return Err(CheckError::UnsupportedMsg(msg!("system-memory-unsupported")));
        }
        let t = &cx.config.thresholds;
        let severity = memory_severity(data.used_percent, t.memory_warn_percent, t.memory_fail_percent);
        let used = format!("{:.0}%", data.used_percent);
        let message = match severity {
            Severity::Pass => msg!("system-memory-ok", used = used),
            _ => msg!(
                "system-memory-high",
                used = used,
                warn = format!("{:.0}%", t.memory_warn_percent),
                fail = format!("{:.0}%", t.memory_fail_percent),
            ),
        };
        let f = Finding::msg(severity, message)
            .evidence("Total", human_bytes(data.total_bytes))
            .evidence("Available", human_bytes(data.available_bytes))
            .evidence(
                "Swap used",
                format!("{} of {}", human_bytes(data.swap_used_bytes), human_bytes(data.swap_total_bytes)),
            );
        Ok(CheckResult::new(vec![f]).with_data(data))
    }
}

// ---------------------------------------------------------------- Disks

struct Disks;
static DISK_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "system.disk.free",
        "Disk space",
        "Free space on every disk; a full disk breaks logins, updates and printing.",
        5_000,
    )
});

#[derive(Serialize, Deserialize, Clone)]
pub struct DiskData {
    name: String,
    mount_point: String,
    file_system: String,
    kind: String,
    removable: bool,
    read_only: bool,
    total_bytes: u64,
    available_bytes: u64,
    free_percent: f64,
}

/// Pseudo and read-only image file systems say nothing about the user's free space.
fn is_interesting_disk(fs: &str, mount: &str, read_only: bool, total: u64) -> bool {
    const PSEUDO: [&str; 9] =
        ["squashfs", "overlay", "tmpfs", "devtmpfs", "proc", "sysfs", "iso9660", "ramfs", "efivarfs"];
    total > 0 && !read_only && !PSEUDO.contains(&fs) && !mount.starts_with("/snap/") && !mount.starts_with("/boot/efi")
}

pub fn disk_severity(free_percent: f64, free_bytes: u64, t: &crate::config::Thresholds) -> Severity {
    if free_percent < t.disk_fail_free_percent || free_bytes < t.disk_fail_free_bytes {
        Severity::Fail
    } else if free_percent < t.disk_warn_free_percent {
        Severity::Warn
    } else {
        Severity::Pass
    }
}

/// One disk's finding: free space against the thresholds.
fn disk_finding(d: &DiskData, t: &crate::config::Thresholds) -> Finding {
    let sev = disk_severity(d.free_percent, d.available_bytes, t);
    let free = human_bytes(d.available_bytes);
    let mount = d.mount_point.as_str();
    let message = match sev {
        Severity::Pass => {
            msg!("system-disk-ok", mount = mount, free = &free, percent = format!("{:.0}%", d.free_percent))
        }
        Severity::Warn => {
            msg!("system-disk-low", mount = mount, free = &free, percent = format!("{:.0}%", d.free_percent))
        }
        _ => msg!("system-disk-full", mount = mount, free = &free, percent = format!("{:.1}%", d.free_percent)),
    };
    Finding::msg(sev, message)
        .evidence("Free", format!("{free} of {}", human_bytes(d.total_bytes)))
        .evidence("Device", &d.name)
        .evidence("File system", &d.file_system)
}

#[async_trait]
impl Check for Disks {
    fn meta(&self) -> &CheckMeta {
        &DISK_META
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let disks = blocking(|| -> Result<Vec<DiskData>, String> {
            let list = sysinfo::Disks::new_with_refreshed_list().map_err(|e| format!("could not list disks: {e}"))?;
            let mut seen = std::collections::HashSet::new();
            Ok(list
                .iter()
                .filter(|d| {
                    let fs = d.file_system().to_string_lossy();
                    is_interesting_disk(&fs, &d.mount_point().to_string_lossy(), d.is_read_only(), d.total_space())
                })
                // Bind mounts show the same device several times; report it once.
                .filter(|d| seen.insert((d.name().to_os_string(), d.total_space())))
                .map(|d| {
                    let total = d.total_space();
                    DiskData {
                        name: d.name().to_string_lossy().into_owned(),
                        mount_point: d.mount_point().to_string_lossy().into_owned(),
                        file_system: d.file_system().to_string_lossy().into_owned(),
                        kind: format!("{:?}", d.kind()),
                        removable: d.is_removable(),
                        read_only: d.is_read_only(),
                        total_bytes: total,
                        available_bytes: d.available_space(),
                        free_percent: d.available_space() as f64 / total as f64 * 100.0,
                    }
                })
                .collect())
        })
        .await?
        .map_err(CheckError::Failed)?;
        if disks.is_empty() {
            return Err(CheckError::UnsupportedMsg(msg!("system-disk-none")));
        }
        let t = &cx.config.thresholds;
        let findings = disks.iter().map(|d| disk_finding(d, t)).collect();
        Ok(CheckResult::new(findings).with_data(crate::model::ListData::new(disks)))
    }
}

// ---------------------------------------------------------------- Battery

struct Battery;
static BATTERY_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta("system.battery.health", "Battery", "Charge, charging state and wear of each battery.", 5_000)
});

/// One battery's finding: worn below `warn_health` percent, else its charge and state.
fn battery_finding(b: &platform::BatteryInfo, warn_health: f64) -> Finding {
    let charge = b.charge_percent.map(|c| format!("{c:.0}%")).unwrap_or_else(|| "unknown".into());
    let state = format!("{:?}", b.state).to_lowercase();
    let mut f = match b.health_percent {
        Some(h) if h < warn_health => {
            Finding::msg(Severity::Warn, msg!("system-battery-worn", name = &b.name, health = format!("{h:.0}%")))
        }
        // `state` is one of the keywords the Danish message words (charging, full…).
        _ => Finding::msg(Severity::Pass, msg!("system-battery", name = &b.name, charge = &charge, state = &state)),
    };
    f = f.evidence("Charge", charge).evidence("State", state);
    if let Some(h) = b.health_percent {
        f = f.evidence("Health", format!("{h:.0}% of design capacity"));
    }
    if let Some(c) = b.cycle_count {
        f = f.evidence("Charge cycles", c.to_string());
    }
    f
}

#[async_trait]
impl Check for Battery {
    fn meta(&self) -> &CheckMeta {
        &BATTERY_META
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let batteries = blocking(platform::batteries)
            .await?
            .map_err(|u| CheckError::UnsupportedMsg(msg!("system-battery-unreadable", reason = u.0)))?;
        if batteries.is_empty() {
            return Err(CheckError::UnsupportedMsg(msg!("system-battery-none")));
        }
        let warn_health = cx.config.thresholds.battery_health_warn_percent;
        let findings = batteries.iter().map(|b| battery_finding(b, warn_health)).collect();
        Ok(CheckResult::new(findings).with_data(crate::model::ListData::new(batteries)))
    }
}

// ---------------------------------------------------------------- Temperatures

struct Temperatures;
static TEMP_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "system.temperature.sensors",
        "Temperatures",
        "Readings of the hardware temperature sensors, where the OS exposes them.",
        5_000,
    )
});

#[derive(Serialize, Deserialize)]
pub struct Sensor {
    label: String,
    celsius: f32,
    critical_celsius: Option<f32>,
}

#[async_trait]
impl Check for Temperatures {
    fn meta(&self) -> &CheckMeta {
        &TEMP_META
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let sensors = blocking(|| -> Vec<Sensor> {
            sysinfo::Components::new_with_refreshed_list()
                .map(|list| {
                    list.iter()
                        .filter_map(|c| {
                            let celsius = c.temperature().filter(|t| t.is_finite() && *t > -50.0)?;
                            Some(Sensor { label: c.label().to_string(), celsius, critical_celsius: c.critical() })
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
        .await?;
        if sensors.is_empty() {
            return Err(CheckError::UnsupportedMsg(msg!("system-temp-none")));
        }
        let warn_at = cx.config.thresholds.cpu_temp_warn_celsius as f32;
        let hot: Vec<&Sensor> = sensors
            .iter()
            .filter(|s| s.celsius >= s.critical_celsius.filter(|c| *c > 0.0).unwrap_or(warn_at).min(warn_at))
            .collect();
        let mut f = if hot.is_empty() {
            let max = sensors.iter().map(|s| s.celsius).fold(f32::MIN, f32::max);
            Finding::msg(Severity::Pass, msg!("system-temp-ok", count = sensors.len(), max = format!("{max:.0} °C")))
        } else {
            let names: Vec<String> = hot.iter().map(|s| format!("{} {:.0} °C", s.label, s.celsius)).collect();
            Finding::msg(Severity::Warn, msg!("system-temp-hot", sensors = names.join(", ")))
        };
        for s in &sensors {
            f = f.evidence(&s.label, format!("{:.1} °C", s.celsius));
        }
        Ok(CheckResult::new(vec![f]).with_data(crate::model::ListData::new(sensors)))
    }
}

// ---------------------------------------------------------------- Interfaces

struct Interfaces;
static IF_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "system.network.interfaces",
        "Network interfaces",
        "Every network interface: state, MAC, addresses, default gateway and DNS servers.",
        5_000,
    )
});

#[async_trait]
impl Check for Interfaces {
    fn meta(&self) -> &CheckMeta {
        &IF_META
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let list = blocking(platform::interfaces).await?;
        let real: Vec<&platform::InterfaceInfo> = list.iter().filter(|i| !i.is_loopback).collect();
        let mut findings = Vec::new();
        let connected: Vec<&&platform::InterfaceInfo> =
            real.iter().filter(|i| i.is_up && !(i.ipv4.is_empty() && i.ipv6.is_empty())).collect();
        if real.is_empty() {
            findings.push(Finding::msg(Severity::Fail, msg!("system-if-none")));
        } else if connected.is_empty() {
            findings.push(Finding::msg(Severity::Warn, msg!("system-if-disconnected")));
        }
        for i in &real {
            let name = i.friendly_name.clone().unwrap_or_else(|| i.name.clone());
            let addrs: Vec<String> = i.ipv4.iter().chain(i.ipv6.iter()).cloned().collect();
            let message = if i.is_up && !addrs.is_empty() {
                let address = i.ipv4.first().or(i.ipv6.first()).cloned().unwrap_or_default();
                msg!("system-if-up", name = &i.name, adapter = &name, address = address)
            } else if i.is_up {
                msg!("system-if-no-address", name = &i.name, adapter = &name)
            } else {
                msg!("system-if-down", name = &i.name, adapter = &name)
            };
            let mut f = Finding::msg(Severity::Info, message).evidence("State", &i.state);
            if let Some(mac) = &i.mac {
                f = f.evidence("MAC", mac);
            }
            if !i.ipv4.is_empty() {
                f = f.evidence("IPv4", i.ipv4.join(", "));
            }
            if !i.ipv6.is_empty() {
                f = f.evidence("IPv6", i.ipv6.join(", "));
            }
            let gws: Vec<String> = i.gateway_ipv4.iter().chain(i.gateway_ipv6.iter()).map(|g| g.to_string()).collect();
            if !gws.is_empty() {
                f = f.evidence("Default gateway", gws.join(", "));
            }
            if !i.dns_servers.is_empty() && i.is_up {
                f = f.evidence(
                    "DNS servers",
                    i.dns_servers.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "),
                );
            }
            if let Some(speed) = i.speed_bps.filter(|s| *s > 0) {
                f = f.evidence("Link speed", format!("{} Mbit/s", speed / 1_000_000));
            }
            findings.push(f);
        }
        if !connected.is_empty() {
            findings.insert(0, Finding::msg(Severity::Pass, msg!("system-if-connected", count = connected.len())));
        }
        Ok(CheckResult::new(findings).with_data(crate::model::ListData::new(list)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Thresholds;
    use crate::i18n::Lang;

    #[test]
    fn disk_thresholds() {
        let t = Thresholds::default();
        let gib = 1024 * 1024 * 1024;
        assert_eq!(disk_severity(50.0, 100 * gib, &t), Severity::Pass);
        assert_eq!(disk_severity(8.0, 20 * gib, &t), Severity::Warn);
        assert_eq!(disk_severity(2.0, 5 * gib, &t), Severity::Fail);
        // A big disk with a few percent free is fine by percent, but not below the byte floor.
        assert_eq!(disk_severity(40.0, gib / 2, &t), Severity::Fail);
    }

    #[test]
    fn memory_thresholds() {
        assert_eq!(memory_severity(50.0, 90.0, 97.0), Severity::Pass);
        assert_eq!(memory_severity(92.0, 90.0, 97.0), Severity::Warn);
        assert_eq!(memory_severity(99.0, 90.0, 97.0), Severity::Fail);
    }

    #[test]
    fn pseudo_filesystems_are_ignored() {
        assert!(!is_interesting_disk("squashfs", "/snap/core/1", true, 100));
        assert!(!is_interesting_disk("tmpfs", "/run", false, 100));
        assert!(is_interesting_disk("ext4", "/", false, 100));
    }

    fn disk(free_percent: f64, available_bytes: u64) -> DiskData {
        DiskData {
            name: "/dev/sda2".into(),
            mount_point: "/home".into(),
            file_system: "ext4".into(),
            kind: "SSD".into(),
            removable: false,
            read_only: false,
            total_bytes: 100 * 1024 * 1024 * 1024,
            available_bytes,
            free_percent,
        }
    }

    /// The words moved into messages unchanged in English, and read in Danish from the same finding.
    #[test]
    fn system_findings_read_in_english_and_danish() {
        let t = Thresholds::default();
        let gib = 1024 * 1024 * 1024;
        let full = disk_finding(&disk(1.3, gib), &t);
        assert_eq!(full.severity, Severity::Fail);
        assert_eq!(full.title, "Disk /home");
        assert_eq!(full.summary, "/home is almost full: only 1.0 GiB free (1.3%). Programs can fail to save files.");
        assert_eq!(
            full.next_step.as_deref(),
            Some("Empty the recycle bin / trash and delete large files you no longer need, or ask IT to free space.")
        );
        assert_eq!(full.summary_in(Lang::En), full.summary);
        assert_eq!(
            full.summary_in(Lang::Da),
            "/home er næsten fuld: kun 1.0 GiB ledig plads (1.3%). Programmer kan få problemer med at gemme filer."
        );
        assert!(full.next_step_in(Lang::Da).is_some_and(|n| n.starts_with("Tøm papirkurven")));
        let fine = disk_finding(&disk(50.0, 50 * gib), &t);
        assert_eq!((fine.summary.as_str(), fine.next_step.as_deref()), ("/home has 50.0 GiB free (50%).", None));
        assert_eq!(fine.summary_in(Lang::Da), "Der er 50.0 GiB ledig plads på /home (50%).");

        let battery = |health: Option<f64>, state| platform::BatteryInfo {
            name: "BAT0".into(),
            model: None,
            manufacturer: None,
            charge_percent: Some(81.4),
            state,
            health_percent: health,
            cycle_count: Some(312),
        };
        let ok = battery_finding(&battery(Some(92.0), platform::BatteryState::Discharging), 70.0);
        assert_eq!(
            (ok.title.as_str(), ok.summary.as_str()),
            ("Battery BAT0", "The battery is at 81% and discharging.")
        );
        assert_eq!(ok.title_in(Lang::Da), "Batteri BAT0");
        assert_eq!(ok.summary_in(Lang::Da), "Batteriet er på 81% og kører på batteri.");
        let worn = battery_finding(&battery(Some(55.0), platform::BatteryState::Charging), 70.0);
        assert_eq!(worn.title, "Battery BAT0 worn");
        assert_eq!(worn.summary, "The battery holds only 55% of its original charge.");
        assert_eq!(worn.title_in(Lang::Da), "Batteri BAT0 er slidt");
        // Evidence labels stay English in the report and read in Danish.
        assert_eq!(crate::i18n::evidence_label(Lang::Da, "Charge cycles"), "Opladninger");
    }

    #[test]
    fn time_spans_read_in_each_language() {
        for secs in [59, 3_700, 90_000, 20 * 86_400 + 7_200] {
            assert_eq!(human_duration_in(Lang::En, secs), human_duration(secs), "{secs}");
        }
        assert_eq!(human_duration_in(Lang::Da, 90_000), "1 dag og 1 time");
        assert_eq!(human_duration_in(Lang::Da, 3_700), "1 time og 1 minut");
        assert_eq!(human_duration_in(Lang::Da, 120), "2 minutter");
        assert_eq!(human_duration_in(Lang::Da, 20 * 86_400 + 7_200), "20 dage og 2 timer");
        let up = Finding::msg(Severity::Warn, with_duration(msg!("system-uptime-long"), 20 * 86_400 + 7_200));
        assert_eq!(up.summary, "This computer has not been restarted for 20 days 2 h.");
        assert_eq!(up.summary_in(Lang::Da), "Computeren er ikke blevet genstartet i 20 dage og 2 timer.");
    }

    /// Every system check, run for real on this machine: each finding and each reason for not
    /// running is a message that reads in Danish (no English left but names and figures).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_system_finding_here_has_danish_words() {
        let cx = CheckCx::new(std::sync::Arc::new(crate::config::Config::default()), std::sync::Arc::new(|_: &str| {}));
        for check in checks() {
            let id = check.meta().id;
            match check.run(&cx).await {
                Ok(result) => {
                    for f in &result.findings {
                        assert!(f.msg.is_some(), "{id}: {f:?} has no message");
                        // Titles may be the same word in both ("Disk /", "Processor"); summaries never are.
                        assert!(!f.title_in(Lang::Da).is_empty(), "{id}");
                        assert_ne!(f.summary_in(Lang::Da), f.summary, "{id}: the Danish summary is the English one");
                    }
                }
                Err(CheckError::UnsupportedMsg(m) | CheckError::SkippedMsg(m)) => {
                    assert_ne!(crate::i18n::text(Lang::Da, &m), crate::i18n::text(Lang::En, &m), "{id}")
                }
                // An OS layer that could not be read says so in its own (English) words.
                Err(CheckError::Failed(why)) => println!("{id}: {why}"),
                Err(other) => panic!("{id}: a reason without a message: {other}"),
            }
        }
    }

    #[test]
    fn check_titles_have_messages_equal_to_the_english_titles() {
        for check in checks() {
            let meta = check.meta();
            let id = format!("check-{}", meta.id.replace('.', "-"));
            assert_eq!(crate::i18n::tr(Lang::En, &id), meta.title, "{id}");
            assert_ne!(crate::i18n::tr(Lang::Da, &id), id, "{id} has Danish");
        }
    }

    #[test]
    fn humane_units() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(3 * 1024 * 1024 * 1024), "3.0 GiB");
        assert_eq!(human_duration(90_000), "1 days 1 h");
        assert_eq!(human_duration(3_700), "1 h 1 min");
    }
}
