//! `deskcheck.toml`: organisation details, outside targets and thresholds.
//! Layered in one place: built-in defaults, then the file, then CLI flags.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod validate;

pub use validate::{dns_name, host_name, host_port, web_url};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read config file {path}: {error}")]
    Read { path: PathBuf, error: std::io::Error },
    /// Every mistake in the file, each as `path:line:column: message`, the way compilers
    /// report, so editors can jump there; all at once, so one edit fixes them all.
    #[error("{}", describe(path, mistakes))]
    Invalid { path: PathBuf, mistakes: Vec<ConfigMistake> },
}

/// One mistake in a config file, at the value it is about (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigMistake {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn describe(path: &Path, mistakes: &[ConfigMistake]) -> String {
    let lines: Vec<String> =
        mistakes.iter().map(|m| format!("{}:{}:{}: {}", path.display(), m.line, m.column, m.message)).collect();
    match lines.len() {
        1 => lines.join(""),
        n => format!("{n} mistakes in {}:\n{}", path.display(), lines.join("\n")),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The file this was read from (None: built-in defaults); its folder holds `checklists/`.
    #[serde(skip)]
    pub source: Option<PathBuf>,
    /// Shown in the report header and the GUI title.
    pub organisation: Option<String>,
    /// Who the user should call; shown with every "escalate" next step.
    pub support_contact: Option<String>,
    /// Where the IT department's own checklists (`*.toml`) live; default: `checklists/`
    /// beside this file. A relative path is taken from this file's folder. A file with a
    /// built-in's id replaces it.
    pub checklists_dir: Option<PathBuf>,
    pub targets: Targets,
    pub network: NetworkSettings,
    pub printers: PrinterSettings,
    pub thresholds: Thresholds,
}

/// Which printers the printer checks look at, besides the local queues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrinterSettings {
    /// Printers by IPP URI (`ipp://192.0.2.7:631/ipp/print`); `--printer` adds to these.
    pub uris: Vec<String>,
    /// Look for printers on the local network by mDNS (`_ipp._tcp`).
    pub discover_mdns: bool,
    /// A job pending or held longer than this is reported as stuck.
    pub stuck_job_minutes: u64,
    /// The CUPS server (`host[:port]`) whose queues are listed; unset: `CUPS_SERVER`, else `localhost:631`.
    pub cups_server: Option<String>,
}

impl Default for PrinterSettings {
    fn default() -> Self {
        Self { uris: Vec::new(), discover_mdns: true, stuck_job_minutes: 10, cups_server: None }
    }
}

/// How the network checks probe, beyond what they probe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkSettings {
    /// Extra DHCP lease files to read (dhclient format), besides the OS's usual places.
    pub dhcp_lease_files: Vec<String>,
    /// Echo requests per ping target.
    pub ping_count: u32,
    /// Milliseconds between echo requests.
    pub ping_interval_ms: u64,
    /// Probes per hop. Unset, each traceroute uses its own: the network suite's sends
    /// [`SUITE_TRACE_PROBES`] (enough paced probes per router to place loss), `deskcheck
    /// trace` [`QUICK_TRACE_PROBES`] (as traceroute does); set, both use it.
    pub trace_probes: Option<u32>,
    /// Per-probe/per-query timeout for ping, trace and DNS.
    pub probe_timeout_ms: u64,
    /// How long the active DHCP probe listens for offers.
    pub dhcp_listen_ms: u64,
    /// The network suite's deadline: network checks still running this long after the
    /// start end as "timed out", so the verdict is ready within 3 s under any fault
    /// (the rest of the 3 s is process start, the verdict and the report).
    pub suite_deadline_ms: u64,
    /// `[network.wifi]`: when the Wi-Fi link check warns or fails.
    pub wifi: WifiSettings,
}

/// Thresholds of the Wi-Fi link check (`net.wifi.link`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WifiSettings {
    /// Warn below this signal (dBm). ChromeOS's network diagnostics use -70.
    pub signal_warn_dbm: i32,
    /// Fail below this signal (dBm): -80 is where links start dropping and rates collapse.
    pub signal_fail_dbm: i32,
    /// 2.4 GHz congestion: warn when a link on 2.4 GHz runs below this rate (Mbit/s) while
    /// its signal is not weak, so distance does not explain it (a clean 2.4 GHz 802.11n
    /// link with a good signal runs at 65 Mbit/s or more; rate adaptation falls below 30
    /// when neighbours and retries crowd the channel). 0 turns the rule off.
    pub congested_24ghz_below_mbps: f64,
}

impl Default for WifiSettings {
    fn default() -> Self {
        Self { signal_warn_dbm: -70, signal_fail_dbm: -80, congested_24ghz_below_mbps: 30.0 }
    }
}

/// Probes per hop of the network suite's traceroute when the config names none: a stock
/// Linux router answers 6 at once and then one a second, so 8 fit the suite's 3 s.
pub const SUITE_TRACE_PROBES: u32 = 8;
/// Probes per hop of `deskcheck trace` when neither the flag nor the config names a number.
pub const QUICK_TRACE_PROBES: u32 = 3;

impl NetworkSettings {
    /// Probes per hop for the network suite's traceroute.
    pub fn suite_trace_probes(&self) -> u32 {
        self.trace_probes.unwrap_or(SUITE_TRACE_PROBES)
    }

    /// Probes per hop for `deskcheck trace` without `--probes`.
    pub fn quick_trace_probes(&self) -> u32 {
        self.trace_probes.unwrap_or(QUICK_TRACE_PROBES)
    }
}

impl Default for NetworkSettings {
    fn default() -> Self {
        Self {
            dhcp_lease_files: Vec::new(),
            ping_count: 10,
            ping_interval_ms: 20,
            trace_probes: None,
            probe_timeout_ms: 1000,
            dhcp_listen_ms: 4000,
            suite_deadline_ms: 2500,
            wifi: WifiSettings::default(),
        }
    }
}

/// Everything outside this computer that checks talk to. Defaults are public services
/// for users' machines; tests and IT departments override them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Targets {
    /// Hosts to ping and trace to ("is the internet there?").
    pub ping_hosts: Vec<String>,
    /// Names each DNS server must resolve.
    pub dns_names: Vec<String>,
    /// Extra DNS servers to test besides the system's own.
    pub dns_servers: Vec<String>,
    /// A domain under which a random label must be NXDOMAIN (hijack detection).
    pub nxdomain_probe_domain: String,
    /// URLs fetched with HTTP(S) GET.
    pub http_urls: Vec<String>,
    /// `host:port` pairs that must accept a TCP connection.
    pub tcp_ports: Vec<String>,
    pub captive_portal: CaptivePortal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaptivePortal {
    pub url: String,
    pub expected_body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    pub memory_warn_percent: f64,
    pub memory_fail_percent: f64,
    pub disk_warn_free_percent: f64,
    pub disk_fail_free_percent: f64,
    /// Below this many free bytes a disk fails whatever its size (a full disk breaks logins, updates, printing).
    pub disk_fail_free_bytes: u64,
    pub cpu_temp_warn_celsius: f64,
    pub battery_health_warn_percent: f64,
    /// Gateway: fail when the average reply takes longer (ChromeOS uses the same figure).
    pub gateway_fail_ms: f64,
    pub dns_warn_ms: f64,
    pub dns_fail_ms: f64,
    pub https_warn_ms: f64,
    pub https_fail_ms: f64,
    /// Packet loss (percent) from which a path is reported as lossy.
    pub loss_warn_percent: f64,
    pub loss_fail_percent: f64,
}

impl Default for Targets {
    fn default() -> Self {
        Self {
            ping_hosts: vec!["1.1.1.1".into(), "8.8.8.8".into()],
            dns_names: vec!["example.com".into(), "wikipedia.org".into()],
            dns_servers: Vec::new(),
            nxdomain_probe_domain: "example.com".into(),
            http_urls: vec!["https://www.example.com/".into()],
            tcp_ports: vec!["example.com:443".into()],
            captive_portal: CaptivePortal::default(),
        }
    }
}

impl Default for CaptivePortal {
    fn default() -> Self {
        // The same probe Windows NCSI uses: a tiny file with a known body.
        Self {
            url: "http://www.msftconnecttest.com/connecttest.txt".into(),
            expected_body: "Microsoft Connect Test".into(),
        }
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            memory_warn_percent: 90.0,
            memory_fail_percent: 97.0,
            disk_warn_free_percent: 10.0,
            disk_fail_free_percent: 3.0,
            disk_fail_free_bytes: 1024 * 1024 * 1024,
            cpu_temp_warn_celsius: 90.0,
            battery_health_warn_percent: 60.0,
            gateway_fail_ms: 1500.0,
            dns_warn_ms: 400.0,
            dns_fail_ms: 500.0,
            https_warn_ms: 500.0,
            https_fail_ms: 1000.0,
            loss_warn_percent: 2.0,
            loss_fail_percent: 50.0,
        }
    }
}

impl Config {
    /// The platform config file: `~/.config/deskcheck/deskcheck.toml` on Linux,
    /// `%APPDATA%\deskcheck\deskcheck.toml` on Windows, `~/Library/Application Support/...` on macOS.
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("deskcheck").join("deskcheck.toml"))
    }

    /// The folder of extra checklists: the configured one (relative to the config file), else
    /// `checklists/` beside the config file that was read, else `deskcheck/checklists` in the
    /// platform config dir.
    pub fn checklists_dir(&self) -> Option<PathBuf> {
        let beside = self.source.as_deref().and_then(Path::parent);
        match (&self.checklists_dir, beside) {
            (Some(dir), Some(base)) if dir.is_relative() => Some(base.join(dir)),
            (Some(dir), _) => Some(dir.clone()),
            (None, Some(base)) => Some(base.join("checklists")),
            (None, None) => dirs::config_dir().map(|d| d.join("deskcheck").join("checklists")),
        }
    }

    /// Explicit file (must exist), else the platform file if present, else defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        match explicit {
            Some(path) => Self::from_file(path),
            None => match Self::default_path() {
                Some(path) if path.is_file() => Self::from_file(&path),
                _ => Ok(Config::default()),
            },
        }
    }

    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Read { path: path.to_path_buf(), error: source })?;
        let mut config = Self::parse(&text, path)?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// Reads the text and checks every value for meaning; all mistakes come back together.
    /// `path` only names the file in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mistake = |offset: Option<usize>, message: String| {
            let (line, column) = offset.map_or((1, 1), |o| line_column(text, o));
            ConfigMistake { line, column, message }
        };
        let invalid = |mut mistakes: Vec<ConfigMistake>| {
            mistakes.sort_by_key(|m| (m.line, m.column));
            mistakes.dedup();
            ConfigError::Invalid { path: path.to_path_buf(), mistakes }
        };
        // A syntax error leaves nothing reliable to read further.
        let doc = toml::de::DeTable::parse(text)
            .map_err(|err| invalid(vec![mistake(err.span().map(|s| s.start), err.message().to_string())]))?;

        // A value of the wrong type (or an unknown key) stops serde at the first one; take
        // that entry out and read again, so the file's other mistakes are found too.
        let mut mistakes = Vec::new();
        let mut remaining = doc.clone();
        let config = loop {
            match Config::deserialize(toml::de::Deserializer::from(remaining.clone())) {
                Ok(config) => break config,
                Err(err) => {
                    let offset = err.span().map(|s| s.start);
                    mistakes.push(mistake(offset, err.message().to_string()));
                    let removed = offset.is_some_and(|o| validate::remove_at(remaining.get_mut(), o));
                    if !removed {
                        return Err(invalid(mistakes));
                    }
                }
            }
        };
        for m in validate::check(&config) {
            mistakes.push(mistake(validate::position(doc.get_ref(), &m), m.message));
        }
        if mistakes.is_empty() { Ok(config) } else { Err(invalid(mistakes)) }
    }
}

/// 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        let cfg = Config::parse("", Path::new("x.toml")).unwrap();
        assert_eq!(cfg, Config::default());
    }

    #[test]
    fn overrides_targets_and_keeps_other_defaults() {
        let text = "organisation = \"Acme\"\n[targets]\nping_hosts = [\"10.0.0.1\"]\n";
        let cfg = Config::parse(text, Path::new("x.toml")).unwrap();
        assert_eq!(cfg.organisation.as_deref(), Some("Acme"));
        assert_eq!(cfg.targets.ping_hosts, vec!["10.0.0.1"]);
        assert_eq!(cfg.targets.dns_names, Targets::default().dns_names);
    }

    #[test]
    fn bad_file_names_line_and_column() {
        let text = "organisation = \"Acme\"\n[targets]\nping_hosts = 5\n";
        let err = Config::parse(text, Path::new("/etc/x.toml")).unwrap_err().to_string();
        assert!(err.starts_with("/etc/x.toml:3:14:"), "{err}");
    }

    #[test]
    fn every_mistake_is_reported_in_file_order() {
        let text = "[targets]\nhttp_urls = [\"x.example/\"]\nbogus = 1\n[network]\nping_count = -2\ntrace_probes = 0\n";
        let err = Config::parse(text, Path::new("x.toml")).unwrap_err();
        let ConfigError::Invalid { mistakes, .. } = &err else { panic!("{err}") };
        let at: Vec<(usize, usize)> = mistakes.iter().map(|m| (m.line, m.column)).collect();
        assert_eq!(at, [(2, 14), (3, 1), (5, 14), (6, 16)], "{err}");
        assert!(
            err.to_string().starts_with("4 mistakes in x.toml:\nx.toml:2:14: URL 'x.example/' has no scheme"),
            "{err}"
        );
    }

    #[test]
    fn checklists_live_beside_the_config_file() {
        let mut cfg = Config { source: Some(PathBuf::from("/etc/deskcheck/deskcheck.toml")), ..Config::default() };
        assert_eq!(cfg.checklists_dir(), Some(PathBuf::from("/etc/deskcheck/checklists")));
        cfg.checklists_dir = Some(PathBuf::from("lists"));
        assert_eq!(cfg.checklists_dir(), Some(PathBuf::from("/etc/deskcheck/lists")));
        cfg.checklists_dir = Some(PathBuf::from("/srv/lists"));
        assert_eq!(cfg.checklists_dir(), Some(PathBuf::from("/srv/lists")));
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = Config::parse("[targets]\npingg = []\n", Path::new("x.toml")).unwrap_err();
        assert!(err.to_string().starts_with("x.toml:2:1:"), "{err}");
    }
}
