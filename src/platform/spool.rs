//! The OS print spooler's own view of its printers and jobs, as plain data: on Windows the
//! winspool API (`platform/windows/printers.rs`), on Linux and macOS nobody (their queues are
//! CUPS queues, read over IPP by `hw/printer`). Also the spooler service itself and the port
//! names Windows gives network printers, parsed into an address to probe.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where this OS keeps its print queues: the switch `hw/printer` and the printer checks
/// follow, so no caller asks which OS it runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrintSystem {
    /// A CUPS server answers IPP (Linux, macOS).
    Cups,
    /// The Windows print spooler, through winspool.
    Winspool,
}

/// What the spooler says a printer is doing, from its status flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpoolPrinterState {
    Idle,
    Printing,
    /// Paused, or in error: nothing prints until someone acts.
    Stopped,
}

/// One printer (queue) of the spooler, from PRINTER_INFO_2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolPrinter {
    /// The name programs print to ("HP LaserJet 4250", `\\printsrv\Floor2`).
    pub name: String,
    /// The print server of a connection (`\\printsrv`); None for a local printer.
    pub server: Option<String>,
    /// The share name when this computer shares the printer.
    pub share: Option<String>,
    /// The port it prints to ("IP_192.168.1.20", "WSD-…", "USB001", "http://…").
    pub port: String,
    pub driver: String,
    pub location: Option<String>,
    pub comment: Option<String>,
    /// Status flags as the spooler gave them (PRINTER_STATUS_*), for the technician.
    pub status_flags: u32,
    /// Attribute flags (PRINTER_ATTRIBUTE_*), for the technician.
    pub attribute_flags: u32,
    pub state: SpoolPrinterState,
    /// The status flags as IPP printer-state-reasons keywords with their severity suffix
    /// (`media-empty-error`, `toner-low-warning`), so they read like any other printer's.
    pub reasons: Vec<String>,
    /// Jobs in its queue (cJobs).
    pub job_count: u32,
    /// "Use Printer Offline" is switched on: jobs wait on this computer.
    pub work_offline: bool,
}

/// What a job is doing, from its status flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpoolJobState {
    /// Waiting (or spooling) to be printed.
    Pending,
    /// Paused by its owner or an administrator: it waits on purpose.
    Held,
    Printing,
    /// In error, offline, out of paper, blocked: waiting for someone to act.
    Stopped,
    /// Being deleted, printed, or kept after printing.
    Done,
}

/// One job in a spooler queue, from JOB_INFO_2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolJob {
    pub id: u32,
    pub document: Option<String>,
    pub user: Option<String>,
    pub machine: Option<String>,
    pub status_flags: u32,
    /// The driver's or port monitor's own words (pStatus), when it gave any.
    pub status_text: Option<String>,
    pub state: SpoolJobState,
    /// The status flags as IPP job-state-reasons-like words (`job-paused`, `paper-out`).
    pub reasons: Vec<String>,
    pub submitted: Option<DateTime<Utc>>,
    pub total_pages: u32,
    pub size_bytes: u32,
}

/// One printer with its jobs (or why they could not be read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolQueue {
    pub printer: SpoolPrinter,
    pub jobs: Vec<SpoolJob>,
    pub jobs_error: Option<String>,
}

/// Every queue the spooler lists, and the user's default printer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolSnapshot {
    pub queues: Vec<SpoolQueue>,
    pub default: Option<String>,
}

/// Why the spooler could not be asked; the printer comes last.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpoolError {
    /// This OS has no such spooler (its queues are CUPS queues).
    #[error("{0}")]
    Unsupported(String),
    /// A winspool call failed: its name, the Windows error code and text.
    #[error("{call} failed: {message} (error {code}){}", if printer.is_empty() { String::new() } else { format!(" ({printer})") })]
    Call { call: &'static str, code: u32, message: String, printer: String },
    /// The answer made no sense (a count or size the buffer cannot hold).
    #[error("{call} gave an answer that cannot be read: {reason}")]
    BadAnswer { call: &'static str, reason: String },
}

/// A job the spooler took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpooledJob {
    pub printer: String,
    pub job_id: u32,
    /// How the page was made ("GDI text through the printer's driver").
    pub rendering: String,
}

/// The Print Spooler service's state (SERVICE_STATUS_PROCESS.dwCurrentState).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceState {
    Stopped,
    StartPending,
    StopPending,
    Running,
    ContinuePending,
    PausePending,
    Paused,
    Unknown,
}

impl ServiceState {
    /// From the SERVICE_* state constant (winsvc.h: 1 stopped … 7 paused).
    pub fn from_code(code: u32) -> Self {
        match code {
            1 => ServiceState::Stopped,
            2 => ServiceState::StartPending,
            3 => ServiceState::StopPending,
            4 => ServiceState::Running,
            5 => ServiceState::ContinuePending,
            6 => ServiceState::PausePending,
            7 => ServiceState::Paused,
            _ => ServiceState::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ServiceState::Stopped => "stopped",
            ServiceState::StartPending => "starting",
            ServiceState::StopPending => "stopping",
            ServiceState::Running => "running",
            ServiceState::ContinuePending => "resuming",
            ServiceState::PausePending => "pausing",
            ServiceState::Paused => "paused",
            ServiceState::Unknown => "in an unknown state",
        }
    }
}

/// The Print Spooler service as the service manager reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolerService {
    /// The service's key name ("Spooler").
    pub name: String,
    pub state: ServiceState,
    pub process_id: Option<u32>,
    /// The exit code of its last stop, when it stopped with one.
    pub exit_code: Option<u32>,
}

/// Why the spooler service could not be read or restarted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    #[error("{0}")]
    Unsupported(String),
    /// The account may not stop or start the service: only an administrator may.
    #[error("needs administrator rights: {what} was refused (access denied)")]
    NeedsAdmin { what: &'static str },
    #[error("{call} failed: {message} (error {code}) (service {service})")]
    Call { call: &'static str, code: u32, message: String, service: String },
    #[error("the {service} service did not reach the {wanted} state within {waited_s} s (it is {now})")]
    Timeout { service: String, wanted: &'static str, waited_s: u64, now: &'static str },
}

/// What a restart of the spooler did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolerRestart {
    pub before: ServiceState,
    pub after: ServiceState,
    /// Whether a stop was needed (a stopped spooler is only started).
    pub stopped_first: bool,
}

/// What a printer's port tells about where the printer is, for the reachability probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PortTarget {
    /// A network address: a Standard TCP/IP port's host or an http(s)/ipp URL's host.
    /// `uri` is what the reachability probe is given (`socket://host` or the URL itself).
    Network { host: String, uri: String },
    /// Web Services for Devices: the port name is a device id, not an address.
    Wsd,
    /// USB, LPT, COM, FILE:, PORTPROMPT:, a virtual printer: nothing on the network to probe.
    Local,
    /// A port name that says nothing deskcheck can read.
    Unknown,
}

/// Reads a port name: Standard TCP/IP ports are named `IP_192.168.1.20` (or just the
/// address, `printer.corp.example`, and `_2` when a second port with that address was made),
/// Internet Printing ports are the printer's URL, WSD ports `WSD-<uuid>`.
pub fn port_target(port: &str) -> PortTarget {
    let port = port.trim();
    let lower = port.to_ascii_lowercase();
    for scheme in ["http://", "https://", "ipp://", "ipps://"] {
        if lower.starts_with(scheme) {
            let rest = &port[scheme.len()..];
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
            let host = match host.strip_prefix('[') {
                Some(v6) => v6.split(']').next().unwrap_or(""),
                None => host.split(':').next().unwrap_or(""),
            };
            return if host.is_empty() {
                PortTarget::Unknown
            } else {
                PortTarget::Network { host: host.to_string(), uri: port.to_string() }
            };
        }
    }
    if lower.starts_with("wsd-") || lower.starts_with("wsd_") {
        return PortTarget::Wsd;
    }
    let local = ["usb", "lpt", "com", "file:", "portprompt:", "nul:", "xps", "pdf", "ts", "ne", "shrfax:", "cups:"];
    let looks_local = local.iter().any(|p| lower.starts_with(p))
        && !lower.starts_with("ip_")
        && port.parse::<std::net::IpAddr>().is_err()
        && !looks_like_host(port);
    if looks_local || port.ends_with(':') {
        return PortTarget::Local;
    }
    let host = port.strip_prefix("IP_").or_else(|| port.strip_prefix("ip_")).unwrap_or(port);
    // "192.168.1.20_1": the Add Printer wizard's suffix for a second port to the same address.
    let host = match host.rsplit_once('_') {
        Some((h, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && looks_like_host(h) => h,
        _ => host,
    };
    if host.parse::<std::net::IpAddr>().is_ok() || looks_like_host(host) {
        let bracketed = if host.contains(':') { format!("[{host}]") } else { host.to_string() };
        return PortTarget::Network { host: host.to_string(), uri: format!("socket://{bracketed}") };
    }
    PortTarget::Unknown
}

/// A DNS name with at least one dot ("printer.corp.example"): single words are too often
/// local port names ("Microsoft Print to PDF", "nul") to be taken for hosts.
fn looks_like_host(s: &str) -> bool {
    s.contains('.')
        && !s.starts_with('.')
        && !s.ends_with('.')
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
        })
}

// ---------------------------------------------------------------- the switch
//
// Windows asks winspool and the service manager; every other OS has CUPS (read over IPP by
// `hw/printer`) and says Unsupported here.

/// Where this OS keeps its print queues.
pub fn print_system() -> PrintSystem {
    if cfg!(target_os = "windows") { PrintSystem::Winspool } else { PrintSystem::Cups }
}

#[cfg(not(target_os = "windows"))]
const NO_SPOOLER: &str = "this operating system has no Windows print spooler; its queues are CUPS queues";

/// Every printer of the spooler with its jobs, and the default printer.
pub fn snapshot() -> Result<SpoolSnapshot, SpoolError> {
    #[cfg(target_os = "windows")]
    return super::windows::printers::snapshot();
    #[cfg(not(target_os = "windows"))]
    Err(SpoolError::Unsupported(NO_SPOOLER.into()))
}

/// Removes one job, by id, from a spooler queue.
pub fn cancel_job(printer: &str, job_id: u32) -> Result<(), SpoolError> {
    #[cfg(target_os = "windows")]
    return super::windows::printers::cancel_job(printer, job_id);
    #[cfg(not(target_os = "windows"))]
    {
        let _ = (printer, job_id);
        Err(SpoolError::Unsupported(NO_SPOOLER.into()))
    }
}

/// Prints `lines` as one page through the printer's own driver.
pub fn print_text_page(printer: &str, document: &str, lines: &[String]) -> Result<SpooledJob, SpoolError> {
    #[cfg(target_os = "windows")]
    return super::windows::printers::print_text_page(printer, document, lines);
    #[cfg(not(target_os = "windows"))]
    {
        let _ = (printer, document, lines);
        Err(SpoolError::Unsupported(NO_SPOOLER.into()))
    }
}

/// The Print Spooler service's state (any user may read it).
pub fn spooler_service() -> Result<SpoolerService, ServiceError> {
    #[cfg(target_os = "windows")]
    return super::windows::spooler::service();
    #[cfg(not(target_os = "windows"))]
    Err(ServiceError::Unsupported(NO_SPOOLER.into()))
}

/// Stops and starts the Print Spooler within `timeout` (administrators only).
pub fn restart_spooler(timeout: std::time::Duration) -> Result<SpoolerRestart, ServiceError> {
    #[cfg(target_os = "windows")]
    return super::windows::spooler::restart(timeout);
    #[cfg(not(target_os = "windows"))]
    {
        let _ = timeout;
        Err(ServiceError::Unsupported(NO_SPOOLER.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(port: &str) -> Option<(String, String)> {
        match port_target(port) {
            PortTarget::Network { host, uri } => Some((host, uri)),
            _ => None,
        }
    }

    #[test]
    fn standard_tcp_ip_port_names_give_the_address() {
        assert_eq!(host("IP_192.168.1.20"), Some(("192.168.1.20".into(), "socket://192.168.1.20".into())));
        assert_eq!(host("192.168.1.20"), Some(("192.168.1.20".into(), "socket://192.168.1.20".into())));
        assert_eq!(host("192.168.1.20_1"), Some(("192.168.1.20".into(), "socket://192.168.1.20".into())));
        assert_eq!(host("IP_10.0.0.7_2").map(|h| h.0).as_deref(), Some("10.0.0.7"));
        assert_eq!(host("printer7.corp.example").map(|h| h.0).as_deref(), Some("printer7.corp.example"));
        assert_eq!(host("IP_fe80::12").map(|h| h.1).as_deref(), Some("socket://[fe80::12]"));
    }

    #[test]
    fn url_ports_give_their_host() {
        assert_eq!(
            host("http://printsrv.corp.example:631/printers/floor2"),
            Some(("printsrv.corp.example".into(), "http://printsrv.corp.example:631/printers/floor2".into()))
        );
        assert_eq!(host("https://[2001:db8::5]/ipp/print").map(|h| h.0).as_deref(), Some("2001:db8::5"));
        assert_eq!(host("ipp://10.1.2.3/ipp/print").map(|h| h.0).as_deref(), Some("10.1.2.3"));
    }

    #[test]
    fn wsd_and_local_ports_have_no_address() {
        assert_eq!(port_target("WSD-4c4c4544-0031-4b10-8036-b2c04f4b4e32"), PortTarget::Wsd);
        for p in ["USB001", "LPT1:", "COM3:", "FILE:", "PORTPROMPT:", "nul:", "TS001", "CUPS:office", "Ne01:"] {
            assert_eq!(port_target(p), PortTarget::Local, "{p}");
        }
        assert_eq!(port_target("Microsoft Print to PDF"), PortTarget::Unknown);
        assert_eq!(port_target(""), PortTarget::Unknown);
    }

    #[test]
    fn service_states_from_their_codes() {
        assert_eq!(ServiceState::from_code(1), ServiceState::Stopped);
        assert_eq!(ServiceState::from_code(4), ServiceState::Running);
        assert_eq!(ServiceState::from_code(99), ServiceState::Unknown);
    }
}
