//! macOS facts. The OS is asked through its own tools where no library answers
//! (`ipconfig getpacket` for the DHCP lease, `ioreg` for the battery), run with an
//! argument list and a timeout; their output goes through pure parsers. CUPS is the
//! same IPP server as on Linux, started on demand ([`wake_cups`]). Traceroute uses
//! unprivileged ICMP datagram sockets ([`trace`]); ping needs nothing here (surge-ping
//! already speaks macOS's ICMP datagram sockets).
//!
//! The whole module also compiles into the Linux test build, so the parsers' fixture
//! tests and the socket code's loopback tests run in Linux CI; only macOS calls it.
#![cfg_attr(not(target_os = "macos"), allow(dead_code, unused_imports))]

mod cups;
mod icmp;
mod ioreg;
mod ipconfig;
pub(crate) mod trace;

pub use cups::wake_cups;

mod wifi;

pub use wifi::wifi_links;

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

pub use super::facts::sysinfo_cpu_usage as cpu_usage_percent;
use super::lease::{self, Lease};
use super::{BatteryInfo, Unsupported, programs};

/// How long one `ipconfig`/`ioreg` run may take: both answer from memory in milliseconds.
const PROGRAM_TIMEOUT: Duration = Duration::from_secs(3);

pub fn dns_servers() -> Vec<IpAddr> {
    // netdev reports per-interface DNS servers on this OS; there is no global list to add.
    Vec::new()
}

/// The battery from `ioreg -rn AppleSmartBattery`; a Mac without one (a desktop) lists none.
pub fn batteries() -> Result<Vec<BatteryInfo>, Unsupported> {
    programs::run("ioreg", &["-rn", "AppleSmartBattery"], PROGRAM_TIMEOUT)
        .map(|text| ioreg::parse_smart_battery(&text))
        .map_err(|e| Unsupported(format!("could not read the battery from the I/O registry: {e}")))
}

/// Each interface's lease from `ipconfig getpacket IF`, plus `extra_files` (dhclient format).
pub fn dhcp_leases(extra_files: &[PathBuf], interfaces: &[String]) -> Result<Vec<Lease>, Unsupported> {
    let mut found: Vec<Lease> = Vec::new();
    for path in extra_files {
        if let Ok(text) = std::fs::read_to_string(path) {
            found.extend(lease::parse_dhclient(&text, &path.to_string_lossy()));
        }
    }
    // macOS runs DHCP on its enN interfaces only (Ethernet, Wi-Fi, USB and Thunderbolt
    // adapters); asking the others (lo0, utun, awdl, bridge…) would only start programs.
    for iface in interfaces.iter().filter(|i| i.starts_with("en")) {
        if found.iter().any(|l| &l.interface == iface) {
            continue;
        }
        match programs::run("ipconfig", &["getpacket", iface], PROGRAM_TIMEOUT) {
            Ok(text) => found.extend(ipconfig::parse_getpacket(&text, iface)),
            // A failed or stuck run for one interface (no DHCP packet there, e.g. a static
            // address) is no lease on it; the others are still asked.
            Err(e @ (programs::ProgramError::Failed { .. } | programs::ProgramError::TimedOut { .. })) => {
                tracing::debug!("no DHCP lease read for {iface}: {e}");
            }
            Err(e) => return Err(Unsupported(format!("could not ask ipconfig for the DHCP lease: {e}"))),
        }
    }
    found.retain(|l| interfaces.contains(&l.interface));
    Ok(found)
}

pub use super::macos_displays::display_connectors;
/// Traceroute over unprivileged ICMP datagram sockets (UDP and TCP probes too), see trace.rs.
pub fn open_trace(
    target: IpAddr,
    opts: &super::probe::TraceSocketOptions,
) -> Result<super::probe::Opened, super::probe::OpenError> {
    trace::open(target, opts)
}

/// Ping goes through sockets: macOS allows unprivileged ICMP datagram sockets.
pub fn echo_via(_target: IpAddr) -> super::probe::EchoVia {
    super::probe::EchoVia::Sockets
}

pub const ICMP_DENIED_HINT: &str = "";
