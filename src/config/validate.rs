//! Meaning checks for a `deskcheck.toml` that parsed: a value of the right type can still
//! make no sense (a URL without a scheme, port 70000, a warn threshold above its fail
//! threshold) and would then silently change the diagnosis. Every rule here returns a
//! `Mistake` naming the key it is about; `locate` turns that key into a file position.

use std::net::IpAddr;
use std::ops::RangeInclusive;

use toml::de::{DeTable, DeValue};

use super::{Config, NetworkSettings, PrinterSettings, Targets, Thresholds, WifiSettings};

/// One step of a key path: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// A value that parsed but makes no sense, with the key path it sits at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub path: Vec<Seg>,
    /// For a pair of keys: the other one, pointed at when the file sets only that one.
    pub other: Option<Vec<Seg>>,
    pub message: String,
}

/// Upper bounds: generous enough for any real office, small enough that a typo (an extra
/// zero or two) is caught instead of making a check wait for minutes.
const MAX_TIMEOUT_MS: u64 = 60_000;
const MAX_PING_COUNT: u32 = 1_000;
const MAX_TRACE_PROBES: u32 = 100;
const MAX_LATENCY_MS: f64 = 60_000.0;
/// A week: a job pending longer than that is stuck by any measure.
const MAX_STUCK_MINUTES: u64 = 7 * 24 * 60;

struct Rules {
    found: Vec<Mistake>,
}

impl Rules {
    fn add(&mut self, path: Vec<Seg>, message: String) {
        self.found.push(Mistake { path, other: None, message });
    }

    fn add_pair(&mut self, path: Vec<Seg>, other: Vec<Seg>, message: String) {
        self.found.push(Mistake { path, other: Some(other), message });
    }
}

fn key(section: &'static str, name: &'static str) -> Vec<Seg> {
    vec![Seg::Key(section), Seg::Key(name)]
}

fn item(section: &'static str, name: &'static str, index: usize) -> Vec<Seg> {
    vec![Seg::Key(section), Seg::Key(name), Seg::Index(index)]
}

/// Every mistake in the config, in no particular order (the caller sorts by position).
pub fn check(config: &Config) -> Vec<Mistake> {
    let mut rules = Rules { found: Vec::new() };
    if let Some(dir) = &config.checklists_dir
        && dir.as_os_str().is_empty()
    {
        rules.add(vec![Seg::Key("checklists_dir")], "checklists_dir is empty; leave it out to use the default".into());
    }
    targets(&mut rules, &config.targets);
    network(&mut rules, &config.network);
    printers(&mut rules, &config.printers);
    thresholds(&mut rules, &config.thresholds);
    rules.found
}

fn targets(rules: &mut Rules, t: &Targets) {
    for (i, host) in t.ping_hosts.iter().enumerate() {
        if let Err(why) = host_name(host) {
            rules.add(item("targets", "ping_hosts", i), format!("ping host '{host}' {why}"));
        }
    }
    for (i, name) in t.dns_names.iter().enumerate() {
        if let Err(why) = dns_name(name) {
            rules.add(item("targets", "dns_names", i), format!("DNS test name '{name}' {why}"));
        }
    }
    for (i, server) in t.dns_servers.iter().enumerate() {
        if server.trim().parse::<IpAddr>().is_err() {
            rules.add(
                item("targets", "dns_servers", i),
                format!("DNS server '{server}' is not an IP address (write e.g. 192.0.2.53 or 2001:db8::53)"),
            );
        }
    }
    if !t.nxdomain_probe_domain.is_empty()
        && let Err(why) = dns_name(&t.nxdomain_probe_domain)
    {
        rules.add(
            key("targets", "nxdomain_probe_domain"),
            format!("nxdomain_probe_domain '{}' {why}", t.nxdomain_probe_domain),
        );
    }
    for (i, url) in t.http_urls.iter().enumerate() {
        if let Err(why) = web_url(url, &["http", "https"]) {
            rules.add(item("targets", "http_urls", i), format!("URL '{url}' {why}"));
        }
    }
    for (i, target) in t.tcp_ports.iter().enumerate() {
        if let Err(why) = host_port(target) {
            rules.add(item("targets", "tcp_ports", i), format!("TCP target '{target}' {why}"));
        }
    }
    let portal = &t.captive_portal;
    if let Err(why) = web_url(&portal.url, &["http", "https"]) {
        rules.add(
            vec![Seg::Key("targets"), Seg::Key("captive_portal"), Seg::Key("url")],
            format!("captive portal URL '{}' {why}", portal.url),
        );
    }
    if portal.expected_body.trim().is_empty() {
        rules.add(
            vec![Seg::Key("targets"), Seg::Key("captive_portal"), Seg::Key("expected_body")],
            "captive portal expected_body is empty: every page would match, so a sign-in page would go unnoticed"
                .into(),
        );
    }
}

fn network(rules: &mut Rules, n: &NetworkSettings) {
    for (i, file) in n.dhcp_lease_files.iter().enumerate() {
        if file.trim().is_empty() {
            rules.add(item("network", "dhcp_lease_files", i), "a DHCP lease file path is empty".into());
        }
    }
    count(rules, key("network", "ping_count"), "ping_count", n.ping_count, 1..=MAX_PING_COUNT);
    if let Some(probes) = n.trace_probes {
        count(rules, key("network", "trace_probes"), "trace_probes", probes, 1..=MAX_TRACE_PROBES);
    }
    millis(rules, key("network", "ping_interval_ms"), "ping_interval_ms", n.ping_interval_ms, 1..=10_000);
    millis(rules, key("network", "probe_timeout_ms"), "probe_timeout_ms", n.probe_timeout_ms, 1..=MAX_TIMEOUT_MS);
    // Shorter than a tenth of a second and no DHCP server could answer: zero offers would be a false alarm.
    millis(rules, key("network", "dhcp_listen_ms"), "dhcp_listen_ms", n.dhcp_listen_ms, 100..=MAX_TIMEOUT_MS);
    // Under half a second no network check could finish: every run would end "timed out".
    millis(rules, key("network", "suite_deadline_ms"), "suite_deadline_ms", n.suite_deadline_ms, 500..=MAX_TIMEOUT_MS);
    wifi(rules, &n.wifi);
}

/// Signals a Wi-Fi card can report: -100 dBm is the noise floor, -20 dBm a card beside the access point.
const WIFI_DBM: RangeInclusive<i32> = -100..=-20;
/// Above any rate 802.11 has (802.11be tops out near 46 Gbit/s; 2.4 GHz links far lower).
const MAX_WIFI_RATE_MBPS: f64 = 10_000.0;

fn wifi_key(name: &'static str) -> Vec<Seg> {
    vec![Seg::Key("network"), Seg::Key("wifi"), Seg::Key(name)]
}

fn wifi(rules: &mut Rules, w: &WifiSettings) {
    for (name, value) in [("signal_warn_dbm", w.signal_warn_dbm), ("signal_fail_dbm", w.signal_fail_dbm)] {
        if !WIFI_DBM.contains(&value) {
            rules.add(
                wifi_key(name),
                format!(
                    "{name} = {value} is out of range ({} to {} dBm; signals are negative, e.g. -70)",
                    WIFI_DBM.start(),
                    WIFI_DBM.end()
                ),
            );
        }
    }
    // Lower is worse for a signal: the warning level is the higher (less negative) one.
    if w.signal_warn_dbm <= w.signal_fail_dbm {
        rules.add_pair(
            wifi_key("signal_warn_dbm"),
            wifi_key("signal_fail_dbm"),
            format!(
                "signal_warn_dbm ({}) must be above signal_fail_dbm ({}): the warning comes before the failure",
                w.signal_warn_dbm, w.signal_fail_dbm
            ),
        );
    }
    let rate = w.congested_24ghz_below_mbps;
    if !(rate.is_finite() && (0.0..=MAX_WIFI_RATE_MBPS).contains(&rate)) {
        rules.add(
            wifi_key("congested_24ghz_below_mbps"),
            format!("congested_24ghz_below_mbps = {rate} is out of range (0 to {MAX_WIFI_RATE_MBPS} Mbit/s; 0 turns the rule off)"),
        );
    }
}

fn printers(rules: &mut Rules, p: &PrinterSettings) {
    for (i, uri) in p.uris.iter().enumerate() {
        if let Err(why) = web_url(uri, &["ipp", "ipps", "http", "https"]) {
            rules.add(item("printers", "uris", i), format!("printer URI '{uri}' {why}"));
        }
    }
    // 0 is allowed: every pending job counts as stuck (a strict desk, or a test lab).
    if p.stuck_job_minutes > MAX_STUCK_MINUTES {
        rules.add(
            key("printers", "stuck_job_minutes"),
            format!("stuck_job_minutes = {} is out of range (0 to {MAX_STUCK_MINUTES})", p.stuck_job_minutes),
        );
    }
    if let Some(server) = &p.cups_server {
        // CUPS also takes a local socket path, as CUPS_SERVER does.
        let ok = server.starts_with('/') || host_name(server).is_ok() || host_port(server).is_ok();
        if !ok {
            rules.add(
                key("printers", "cups_server"),
                format!(
                    "cups_server '{server}' should be host, host:port or a socket path such as /run/cups/cups.sock"
                ),
            );
        }
    }
}

fn thresholds(rules: &mut Rules, t: &Thresholds) {
    let percents = [
        ("memory_warn_percent", t.memory_warn_percent),
        ("memory_fail_percent", t.memory_fail_percent),
        ("disk_warn_free_percent", t.disk_warn_free_percent),
        ("disk_fail_free_percent", t.disk_fail_free_percent),
        ("battery_health_warn_percent", t.battery_health_warn_percent),
        ("loss_warn_percent", t.loss_warn_percent),
        ("loss_fail_percent", t.loss_fail_percent),
    ];
    for (name, value) in percents {
        if !(value.is_finite() && (0.0..=100.0).contains(&value)) {
            rules.add(key("thresholds", name), format!("{name} = {value} is not a percentage (0 to 100)"));
        }
    }
    let latencies = [
        ("gateway_fail_ms", t.gateway_fail_ms),
        ("dns_warn_ms", t.dns_warn_ms),
        ("dns_fail_ms", t.dns_fail_ms),
        ("https_warn_ms", t.https_warn_ms),
        ("https_fail_ms", t.https_fail_ms),
    ];
    for (name, value) in latencies {
        if !(value.is_finite() && value > 0.0 && value <= MAX_LATENCY_MS) {
            rules.add(
                key("thresholds", name),
                format!("{name} = {value} is out of range (more than 0, at most {MAX_LATENCY_MS} ms)"),
            );
        }
    }
    if !(t.cpu_temp_warn_celsius.is_finite() && (30.0..=150.0).contains(&t.cpu_temp_warn_celsius)) {
        rules.add(
            key("thresholds", "cpu_temp_warn_celsius"),
            format!("cpu_temp_warn_celsius = {} is out of range (30 to 150 °C)", t.cpu_temp_warn_celsius),
        );
    }
    // Higher is worse for these: the warning must come first.
    let rising = [
        ("memory_warn_percent", t.memory_warn_percent, "memory_fail_percent", t.memory_fail_percent),
        ("dns_warn_ms", t.dns_warn_ms, "dns_fail_ms", t.dns_fail_ms),
        ("https_warn_ms", t.https_warn_ms, "https_fail_ms", t.https_fail_ms),
        ("loss_warn_percent", t.loss_warn_percent, "loss_fail_percent", t.loss_fail_percent),
    ];
    for (warn, warn_value, fail, fail_value) in rising {
        if warn_value >= fail_value {
            rules.add_pair(
                key("thresholds", warn),
                key("thresholds", fail),
                format!(
                    "{warn} ({warn_value}) must be below {fail} ({fail_value}): the warning comes before the failure"
                ),
            );
        }
    }
    // Free space: lower is worse, so the warning level is the higher one.
    if t.disk_warn_free_percent <= t.disk_fail_free_percent {
        rules.add_pair(
            key("thresholds", "disk_warn_free_percent"),
            key("thresholds", "disk_fail_free_percent"),
            format!(
                "disk_warn_free_percent ({}) must be above disk_fail_free_percent ({}): the warning comes before the failure",
                t.disk_warn_free_percent, t.disk_fail_free_percent
            ),
        );
    }
}

fn count(rules: &mut Rules, path: Vec<Seg>, name: &str, value: u32, range: RangeInclusive<u32>) {
    if !range.contains(&value) {
        rules.add(path, format!("{name} = {value} is out of range ({} to {})", range.start(), range.end()));
    }
}

fn millis(rules: &mut Rules, path: Vec<Seg>, name: &str, value: u64, range: RangeInclusive<u64>) {
    if !range.contains(&value) {
        rules.add(path, format!("{name} = {value} is out of range ({} to {} ms)", range.start(), range.end()));
    }
}

/// An IP address or a DNS host name (RFC 1123 labels).
pub fn host_name(host: &str) -> Result<(), String> {
    if host.parse::<IpAddr>().is_ok() {
        return Ok(());
    }
    if host.contains("://") {
        return Err("is a URL; write only the host name or IP address".into());
    }
    if host.contains('/') {
        return Err("contains '/'; write only the host name or IP address".into());
    }
    if host.contains(':') {
        return Err("contains ':'; write only the host name or IP address, without a port".into());
    }
    dns_name(host)
}

/// A DNS name: 1–63 character labels of letters, digits, '-' (and '_' as in SRV names), at most 253 in all.
pub fn dns_name(name: &str) -> Result<(), String> {
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.is_empty() {
        return Err("is empty".into());
    }
    if trimmed.len() > 253 {
        return Err("is longer than 253 characters".into());
    }
    let labels: Vec<&str> = trimmed.split('.').collect();
    for label in &labels {
        if label.is_empty() {
            return Err("has an empty label (two dots in a row, or a leading dot)".into());
        }
        if label.len() > 63 {
            return Err(format!("has a label longer than 63 characters ('{label}')"));
        }
        if let Some(bad) = label.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
            return Err(format!("is not a valid host name (character '{bad}')"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("is not a valid host name (label '{label}' starts or ends with '-')"));
        }
    }
    // All-numeric names are meant as IPv4 addresses; "300.1.1.1" is neither.
    if labels.iter().all(|l| l.chars().all(|c| c.is_ascii_digit())) {
        return Err("is not a valid IPv4 address".into());
    }
    Ok(())
}

/// `host:port` or `[v6]:port` with a port from 1 to 65535.
pub fn host_port(target: &str) -> Result<(), String> {
    let (host, port) = if let Some(rest) = target.strip_prefix('[') {
        let (h, p) = rest.split_once("]:").ok_or("should look like [address]:port")?;
        if h.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(format!("has '{h}' in brackets, which is not an IPv6 address"));
        }
        (None, p)
    } else {
        let (h, p) = target.rsplit_once(':').ok_or("has no port (write host:port, e.g. intranet.example:443)")?;
        (Some(h), p)
    };
    if let Some(host) = host {
        host_name(host)?;
    }
    port_number(port)
}

fn port_number(port: &str) -> Result<(), String> {
    match port.parse::<u32>() {
        Ok(p) if (1..=65535).contains(&p) => Ok(()),
        Ok(p) => Err(format!("has port {p}, out of range (1 to 65535)")),
        Err(_) => Err(format!("has port '{port}', which is not a number (1 to 65535)")),
    }
}

/// `scheme://host[:port][/path]` with one of the allowed schemes.
pub fn web_url(url: &str, schemes: &[&str]) -> Result<(), String> {
    let choices = schemes.iter().map(|s| format!("{s}://")).collect::<Vec<_>>().join(", ");
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(format!("has no scheme (start it with {choices})"));
    };
    if !schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return Err(format!("has the scheme '{scheme}'; use {choices}"));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    // User info (user:password@) may itself contain ':'; the host starts after the last '@'.
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host_port.is_empty() {
        return Err("has no host".into());
    }
    if let Some(rest) = host_port.strip_prefix('[') {
        let (h, tail) = rest.split_once(']').ok_or("has an unclosed '[' in its host")?;
        if h.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(format!("has '{h}' in brackets, which is not an IPv6 address"));
        }
        return match tail.strip_prefix(':') {
            Some(port) => port_number(port),
            None if tail.is_empty() => Ok(()),
            None => Err(format!("has '{tail}' after its host")),
        };
    }
    match host_port.rsplit_once(':') {
        Some((host, port)) => {
            host_name(host)?;
            port_number(port)
        }
        None => host_name(host_port),
    }
}

/// Byte offset of a mistake in the parsed document: its value (or array element); when the
/// file does not set it (a default paired with a set value), the other key of its pair, else
/// the nearest enclosing table; None when the file sets none of it.
pub fn position(doc: &DeTable<'_>, mistake: &Mistake) -> Option<usize> {
    match (locate(doc, &mistake.path), &mistake.other) {
        ((Some(at), true), _) => Some(at),
        ((nearest, false), Some(other)) => match locate(doc, other) {
            (Some(at), true) => Some(at),
            _ => nearest,
        },
        ((nearest, _), _) => nearest,
    }
}

/// Byte offset of the value at `path`, and whether the whole path was found (else the
/// offset is that of the deepest part that was).
fn locate(doc: &DeTable<'_>, path: &[Seg]) -> (Option<usize>, bool) {
    let mut best = None;
    let mut current: Option<&toml::Spanned<DeValue<'_>>> = None;
    for seg in path {
        let next = match (seg, current.map(|v| v.get_ref())) {
            (Seg::Key(k), None) => doc.iter().find(|(key, _)| key.get_ref().as_ref() == *k).map(|(_, v)| v),
            (Seg::Key(k), Some(DeValue::Table(t))) => {
                t.iter().find(|(key, _)| key.get_ref().as_ref() == *k).map(|(_, v)| v)
            }
            (Seg::Index(i), Some(DeValue::Array(items))) => items.get(*i),
            _ => None,
        };
        match next {
            Some(v) => {
                best = Some(v.span().start);
                current = Some(v);
            }
            None => return (best, false),
        }
    }
    (best, true)
}

/// Removes the entry holding `offset` (the innermost table key whose key or value covers it),
/// so the rest of the file can be read and its other mistakes found. False when none holds it.
pub fn remove_at(table: &mut DeTable<'_>, offset: usize) -> bool {
    let mut hit = None;
    for (key, value) in table.iter_mut() {
        if let DeValue::Table(inner) = value.get_mut()
            && remove_at(inner, offset)
        {
            return true;
        }
        let covers = |span: std::ops::Range<usize>| span.contains(&offset) || span.start == offset;
        if covers(key.span()) || covers(value.span()) {
            hit = Some(key.get_ref().to_string());
            break;
        }
    }
    match hit {
        Some(name) => table.remove(name.as_str()).is_some(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert!(host_name("198.18.0.10").is_ok());
        assert!(host_name("2001:db8::1").is_ok());
        assert!(host_name("intranet.example.").is_ok());
        assert!(host_name("198.18.0.10/").is_err());
        assert!(host_name("300.1.1.1").is_err());
        assert!(host_name("bad_host!").is_err());
        assert!(host_name("-x.example").is_err());
        assert!(host_name("").is_err());
    }

    #[test]
    fn urls() {
        assert!(web_url("https://intranet.example/login?x=1", &["http", "https"]).is_ok());
        assert!(web_url("http://[2001:db8::1]:8080/", &["http"]).is_ok());
        assert!(web_url("http://user:p@ss@host.example/", &["http"]).is_ok());
        assert_eq!(
            web_url("198.18.0.10/", &["http", "https"]).unwrap_err(),
            "has no scheme (start it with http://, https://)"
        );
        assert!(web_url("ftp://x.example/", &["http"]).unwrap_err().contains("scheme 'ftp'"));
        assert!(web_url("http://x.example:70000/", &["http"]).unwrap_err().contains("70000"));
        assert!(web_url("http:///path", &["http"]).is_err());
    }

    #[test]
    fn host_ports() {
        assert!(host_port("intranet.example:443").is_ok());
        assert!(host_port("[2001:db8::1]:22").is_ok());
        assert!(host_port("intranet.example").unwrap_err().contains("no port"));
        assert!(host_port("intranet.example:70000").unwrap_err().contains("out of range"));
        assert!(host_port("intranet.example:0").is_err());
    }

    #[test]
    fn wifi_thresholds_are_checked_at_their_keys() {
        let text = "[network.wifi]\nsignal_warn_dbm = -85\nsignal_fail_dbm = 70\ncongested_24ghz_below_mbps = -1\n";
        let err = Config::parse(text, std::path::Path::new("x.toml")).unwrap_err();
        let crate::config::ConfigError::Invalid { mistakes, .. } = &err else { panic!("{err}") };
        let at: Vec<(usize, usize)> = mistakes.iter().map(|m| (m.line, m.column)).collect();
        // fail_dbm out of range, warn below fail (pointed at warn), the negative rate.
        assert_eq!(at, [(2, 19), (3, 19), (4, 30)], "{err}");
        assert!(err.to_string().contains("signal_fail_dbm = 70 is out of range"), "{err}");
        assert!(err.to_string().contains("must be above signal_fail_dbm"), "{err}");
        let ok = Config::parse(
            "[network.wifi]\nsignal_warn_dbm = -67\ncongested_24ghz_below_mbps = 0\n",
            std::path::Path::new("x.toml"),
        )
        .unwrap();
        assert_eq!((ok.network.wifi.signal_warn_dbm, ok.network.wifi.signal_fail_dbm), (-67, -80));
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(check(&Config::default()), Vec::new());
    }
}
