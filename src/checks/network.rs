//! Network area: one check per layer of the verdict ladder (link → address/DHCP →
//! gateway → DNS → internet → services). Each runs concurrently with the others and
//! puts its typed results (lease, ping stats, hops, DNS answers) in the run's `data`.

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::config::Config;
use crate::i18n::{self, Lang, Msg, MsgArg};
use crate::model::{Category, CheckRun, Finding, Outcome, Severity};
use crate::net::live::{self, LiveBoard, LiveSnapshot};
use crate::net::{dhcp, dns, join_all, ping, reach, trace, wifi};
use crate::platform::wifi::{WifiAdapter, WifiBand, WifiError, WifiLink};
use crate::platform::{self, InterfaceInfo, lease::Lease};
use crate::{msg, t};
use tokio::sync::watch;

/// The network suite, in ladder order. The active DHCP probe is on demand: see `dhcp_probe()`.
pub fn checks() -> Vec<CheckBox> {
    vec![
        Arc::new(Link),
        Arc::new(WifiLinkCheck),
        Arc::new(LeaseCheck),
        Arc::new(Gateway),
        Arc::new(Dns),
        // The trace before the ping: within the internet layer its finding names the hop.
        Arc::new(Trace),
        Arc::new(InternetPing),
        Arc::new(TcpPorts),
        Arc::new(Http),
        Arc::new(CaptivePortal),
    ]
}

/// The active DHCP probe: listens for offers for seconds, so it runs only when asked.
pub fn dhcp_probe() -> CheckBox {
    Arc::new(DhcpProbe)
}

fn meta(id: &'static str, title: &'static str, description: &'static str, timeout_ms: u64, root: bool) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::Network,
        description,
        timeout: Duration::from_millis(timeout_ms),
        needs: Needs { root, network: true },
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, CheckError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| CheckError::Failed(format!("network probe did not finish: {e}")))
}

fn probe_timeout(cx: &CheckCx) -> Duration {
    Duration::from_millis(cx.config.network.probe_timeout_ms)
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{} ms", trace::format_rtt(v))).unwrap_or_else(|| "—".into())
}

/// Between lines of a technician's text. A char, not a "…" literal: the translation test
/// reads string literals with a pattern that a backslash inside one throws out of step.
const LINE_BREAK: char = '\n';

/// A probe's own error text (raw, from the OS or the library), or "no answer" in the
/// reader's language when it gave none.
fn error_arg(error: &Option<String>) -> MsgArg {
    match error {
        Some(e) => e.into(),
        None => msg!("net-no-answer").into(),
    }
}

/// The interface that carries the default route, else the first one with a link and an address.
fn primary(interfaces: &[InterfaceInfo]) -> Option<&InterfaceInfo> {
    let usable = |i: &&InterfaceInfo| i.has_link();
    interfaces
        .iter()
        .filter(usable)
        .find(|i| i.is_default || !i.gateway_ipv4.is_empty())
        .or_else(|| interfaces.iter().filter(usable).find(|i| !i.ipv4.is_empty()))
}

/// The interface the address layer speaks for: the primary one, else the first with a link
/// (a cable plugged in to a network whose DHCP server is silent has a link and no address).
fn linked(interfaces: &[InterfaceInfo]) -> Option<&InterfaceInfo> {
    primary(interfaces).or_else(|| interfaces.iter().find(|i| i.has_link()))
}

fn is_link_local_v4(cidr: &str) -> bool {
    cidr.starts_with("169.254.")
}

/// fe80::/10, which every IPv6 interface gives itself: not an address from the network.
fn is_link_local_v6(cidr: &str) -> bool {
    let lower = cidr.to_ascii_lowercase();
    ["fe8", "fe9", "fea", "feb"].iter().any(|p| lower.starts_with(p))
}

// ---------------------------------------------------------------- lower layers

const LINK_ID: &str = "net.link.status";
const LEASE_ID: &str = "net.dhcp.lease";
const GATEWAY_ID: &str = "net.gateway.ping";
const DNS_ID: &str = "net.dns.resolve";

/// A check (or one of its targets) not tested because a layer below it failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stopped {
    /// Plain words: "DNS does not answer".
    pub reason: String,
    /// The check whose result stopped this one.
    pub stopped_by: String,
}

/// Why the layers above cannot work when the lower-layer check `id` failed, in plain words.
/// The reason follows from which check stopped the others, so `Stopped` keeps only its id
/// and the English words, and each reader words it again from the id.
fn stop_reason(id: &str) -> Option<Msg> {
    match id {
        LINK_ID => Some(msg!("net-stopped-link")),
        LEASE_ID => Some(msg!("net-stopped-lease")),
        GATEWAY_ID => Some(msg!("net-stopped-gateway")),
        DNS_ID => Some(msg!("net-stopped-dns")),
        _ => None,
    }
}

/// Why a finished lower-layer run means the layers above it cannot work, in plain words
/// (English, as `Stopped::reason` keeps it); None when it passed, or could not run (then
/// the check above tries for itself).
fn failure_of(run: &CheckRun) -> Option<String> {
    if run.outcome != Outcome::Completed {
        return None;
    }
    let failed = run.findings.iter().any(|f| f.severity == Severity::Fail);
    let stops = match run.id.as_str() {
        LINK_ID | LEASE_ID => failed,
        // A slow router still routes; only one that does not answer (or none set) stops the rest.
        GATEWAY_ID if failed => {
            let stats = serde_json::from_value::<ping::PingStats>(run.data.clone()).ok();
            stats.is_none_or(|s| s.received == 0)
        }
        DNS_ID => {
            let data = serde_json::from_value::<DnsData>(run.data.clone()).ok()?;
            let servers: Vec<&dns::DnsServerReport> = data.servers.iter().filter(|r| r.server.is_some()).collect();
            servers.iter().all(|r| !r.responding)
        }
        _ => false,
    };
    if stops { stop_reason(&run.id).map(|m| i18n::text(Lang::En, &m)) } else { None }
}

/// Resolves with the lowest of `deps` (listed lowest layer first) that failed; never
/// resolves while they pass, so it can be raced against a probe. Dependencies not part of
/// this run count as passed.
async fn lower_layer_failed(cx: &CheckCx, deps: &[&'static str]) -> Stopped {
    let mut waits = tokio::task::JoinSet::new();
    for (rank, &dep) in deps.iter().enumerate() {
        let runs = cx.runs.clone();
        waits.spawn(async move { runs.outcome(dep).await.and_then(|r| failure_of(&r).map(|why| (rank, dep, why))) });
    }
    while let Some(joined) = waits.join_next().await {
        let Ok(Some((rank, dep, reason))) = joined else { continue };
        // A lower layer that has not finished yet may have failed too and is the better
        // reason ("no address" rather than "no route to the gateway"): wait for those.
        let mut lowest = (rank, dep, reason);
        for &lower in &deps[..rank] {
            if let Some(why) = cx.runs.outcome(lower).await.and_then(|r| failure_of(&r)) {
                let r = deps.iter().position(|d| *d == lower).unwrap_or(rank);
                if r < lowest.0 {
                    lowest = (r, lower, why);
                }
            }
        }
        return Stopped { reason: lowest.2, stopped_by: lowest.1.to_string() };
    }
    std::future::pending().await
}

/// Run `work` unless a layer in `deps` fails first; then stop at once.
async fn unless_lower_layer_failed<T>(
    cx: &CheckCx,
    deps: &[&'static str],
    work: impl std::future::Future<Output = T>,
) -> Result<T, Stopped> {
    tokio::select! {
        done = work => Ok(done),
        stopped = lower_layer_failed(cx, deps) => Err(stopped),
    }
}

/// Whether reaching `host` needs a name lookup (it is not an address literal).
fn needs_dns(host: &str) -> bool {
    host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>().is_err()
}

/// The host part of a URL ("http://user@host:8080/x" → "host"), for deciding whether it needs DNS.
fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host_port = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    if let Some(v6) = host_port.strip_prefix('[') {
        return v6.split(']').next().unwrap_or(v6);
    }
    host_port.split(':').next().unwrap_or(host_port)
}

/// The layers a probe of `host` stands on: `base`, plus DNS when the host is a name.
fn deps_for(base: &[&'static str], host: &str) -> Vec<&'static str> {
    let mut deps = base.to_vec();
    if needs_dns(host) {
        deps.push(DNS_ID);
    }
    deps
}

/// The gateway check's target in `NotTestedData::targets` (data stays English; the
/// finding words it in the reader's language).
const DEFAULT_GATEWAY_TARGET: &str = "the default gateway";

/// The Info finding of a check (or some of its targets) stopped by a lower layer: it says
/// which result stopped it and what it would have tried.
fn not_tested(stopped: &Stopped, targets: &[String]) -> Finding {
    let reason = stop_reason(&stopped.stopped_by).map(MsgArg::part).unwrap_or_else(|| stopped.reason.as_str().into());
    let tried = if targets.is_empty() {
        MsgArg::part(msg!("net-not-tested-nothing"))
    } else {
        let named = |t: &String| {
            if t == DEFAULT_GATEWAY_TARGET { MsgArg::part(msg!("net-target-default-gateway")) } else { t.into() }
        };
        MsgArg::list(targets.iter().map(named).collect(), ", ")
    };
    Finding::msg(Severity::Info, msg!("net-not-tested", reason = reason, check = &stopped.stopped_by, targets = tried))
        .evidence("Stopped by", &stopped.stopped_by)
        .evidence("Targets", targets.join(", "))
}

/// The data of a whole check stopped by a lower layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotTestedData {
    pub not_tested: Stopped,
    pub targets: Vec<String>,
}

fn not_tested_result(stopped: Stopped, targets: Vec<String>) -> CheckResult {
    CheckResult::new(vec![not_tested(&stopped, &targets)])
        .with_not_tested_data(NotTestedData { not_tested: stopped, targets })
}

/// Ping with live snapshots on the board under "ping <ip>", so views can draw the RTTs as they come.
async fn ping_live(
    board: &Arc<LiveBoard>,
    ip: IpAddr,
    opts: &ping::PingOptions,
) -> Result<ping::PingStats, ping::PingError> {
    ping_live_recorded(board, ip, opts, None).await
}

/// `ping_live`, also recording every snapshot as the check's partial result (`cx`), so a
/// ping cut off by the suite deadline still reports the replies it had.
async fn ping_live_recorded(
    board: &Arc<LiveBoard>,
    ip: IpAddr,
    opts: &ping::PingOptions,
    cx: Option<&CheckCx>,
) -> Result<ping::PingStats, ping::PingError> {
    let key = format!("ping {ip}");
    let (tx, rx) = watch::channel(ping::PingStats::empty(ip, ping::PingMethod::IcmpUnprivileged, None));
    if let Some(cx) = cx {
        let (cx, mut rx) = (cx.clone(), rx.clone());
        tokio::spawn(async move {
            while rx.changed().await.is_ok() {
                let snap = rx.borrow_and_update().clone();
                cx.record_partial(&snap);
            }
        });
    }
    live::forward(board.clone(), key.clone(), rx, LiveSnapshot::Ping);
    let stats = ping::ping(ip, opts, Some(&tx)).await?;
    board.publish(&key, LiveSnapshot::Ping(stats.clone()));
    Ok(stats)
}

fn ping_options(config: &Config) -> ping::PingOptions {
    ping::PingOptions {
        count: config.network.ping_count.max(1),
        interval: Duration::from_millis(config.network.ping_interval_ms),
        timeout: Duration::from_millis(config.network.probe_timeout_ms),
        ..ping::PingOptions::default()
    }
}

/// Loss severity with the configured thresholds.
fn loss_severity(loss_percent: f64, config: &Config) -> Severity {
    let t = &config.thresholds;
    if loss_percent >= 100.0 || loss_percent >= t.loss_fail_percent {
        Severity::Fail
    } else if loss_percent >= t.loss_warn_percent {
        Severity::Warn
    } else {
        Severity::Pass
    }
}

// ---------------------------------------------------------------- link

struct Link;
static LINK: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.link.status",
        "Network connection",
        "Whether a network adapter is connected (cable or Wi-Fi).",
        5_000,
        false,
    )
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkData {
    pub primary: Option<String>,
    pub interfaces: Vec<InterfaceInfo>,
}

#[async_trait]
impl Check for Link {
    fn meta(&self) -> &CheckMeta {
        &LINK
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let interfaces = blocking(platform::interfaces).await?;
        let physical: Vec<&InterfaceInfo> = interfaces.iter().filter(|i| !i.is_loopback).collect();
        // The link layer is the carrier / the OS's connected state, never "has an address".
        let linked_if = linked(&interfaces);
        let finding = match linked_if {
            Some(i) => Finding::msg(
                Severity::Pass,
                msg!("net-link-connected", adapter = i.friendly_name.as_deref().unwrap_or(&i.name)),
            )
            .evidence("Interface", &i.name)
            .evidence("State", &i.state),
            None if physical.is_empty() => Finding::msg(Severity::Fail, msg!("net-link-no-adapter")),
            None => {
                // The OS's own words for each adapter's state: a name, not translated.
                let adapters = physical
                    .iter()
                    .map(|i| format!("{} {}", i.name, i.link_state_note()))
                    .collect::<Vec<_>>()
                    .join("; ");
                Finding::msg(Severity::Fail, msg!("net-link-unplugged", adapters = adapters))
            }
        };
        let data = LinkData { primary: linked_if.map(|i| i.name.clone()), interfaces: interfaces.clone() };
        Ok(CheckResult::new(vec![finding]).with_data(data))
    }
}

// ---------------------------------------------------------------- Wi-Fi link

struct WifiLinkCheck;
static WIFI_LINK: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.wifi.link",
        "Wi-Fi link",
        "Each Wi-Fi adapter: network, signal (dBm), band and channel, PHY, link rate and security, against the [network.wifi] thresholds.",
        5_000,
        false,
    )
});

#[async_trait]
impl Check for WifiLinkCheck {
    fn meta(&self) -> &CheckMeta {
        &WIFI_LINK
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let reading = wifi::read().await.map_err(|e| match e {
            WifiError::Unsupported(why) => CheckError::Unsupported(why),
            WifiError::Failed(why) => CheckError::Failed(why),
        })?;
        let findings = wifi_findings(&reading.adapters, &reading.source, &cx.config.network.wifi);
        Ok(CheckResult::new(findings).with_data(reading))
    }
}

/// One finding per Wi-Fi adapter, the worst first (it speaks for the link layer).
fn wifi_findings(adapters: &[WifiAdapter], source: &str, settings: &crate::config::WifiSettings) -> Vec<Finding> {
    if adapters.is_empty() {
        return vec![Finding::msg(Severity::Info, msg!("net-wifi-no-adapter")).evidence("Source", source)];
    }
    let mut findings: Vec<Finding> = adapters
        .iter()
        .map(|a| match &a.link {
            Some(link) => wifi_link_finding(&a.interface, link, settings),
            None => {
                // The OS's state word ("disconnected") is its own; only our fallback is worded.
                let state: MsgArg = match &a.state {
                    Some(s) => s.into(),
                    None => msg!("net-wifi-state-not-connected").into(),
                };
                let description = a.description.as_ref().map(|d| format!(" ({d})")).unwrap_or_default();
                Finding::msg(
                    Severity::Info,
                    msg!("net-wifi-not-connected", adapter = &a.interface, description = description, state = state),
                )
                .evidence("Interface", &a.interface)
            }
        })
        .map(|f| f.evidence("Source", source))
        .collect();
    // Worst first; the order of equals stays the adapters' order.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}

fn wifi_link_finding(interface: &str, link: &WifiLink, settings: &crate::config::WifiSettings) -> Finding {
    let judged = wifi::judge(link, settings);
    let network = match &link.ssid {
        Some(ssid) => msg!("net-wifi-the-network-named", ssid = ssid),
        None => msg!("net-wifi-the-network"),
    };
    let dbm = link.signal_dbm.map(|d| format!("{d} dBm")).unwrap_or_default();
    let rate = link.rate_mbps().map(|r| format!("{} Mbit/s", trim_rate(r)));
    let faster_band = link.other_bands.iter().find(|b| matches!(b, WifiBand::Ghz5 | WifiBand::Ghz6));
    let detail = wifi_detail(interface, link, settings);
    let finding = match judged.signal {
        Some(wifi::SignalLevel::VeryWeak) => {
            Finding::msg(Severity::Fail, msg!("net-wifi-very-weak", signal = &dbm, detail = detail))
        }
        Some(wifi::SignalLevel::Weak) => {
            Finding::msg(Severity::Warn, msg!("net-wifi-weak", signal = &dbm, detail = detail))
        }
        _ if judged.congested_24ghz => {
            let advice = match faster_band {
                Some(b) => msg!("net-wifi-advice-other-band", band = b.label()),
                None => msg!("net-wifi-advice-5ghz"),
            };
            Finding::msg(
                Severity::Warn,
                msg!(
                    "net-wifi-congested",
                    rate = rate.clone().unwrap_or_default(),
                    signal = &dbm,
                    advice = advice,
                    detail = detail
                ),
            )
        }
        _ => {
            let signal: MsgArg =
                if dbm.is_empty() { "".into() } else { msg!("net-wifi-good-signal", signal = &dbm).into() };
            let band: MsgArg = match link.band {
                Some(b) => msg!("net-wifi-on-band", band = b.label()).into(),
                None => "".into(),
            };
            Finding::msg(
                Severity::Pass,
                msg!("net-wifi-connected", network = network, signal = signal, band = band, detail = detail),
            )
        }
    };
    let mut f = finding.evidence("Interface", interface);
    if let Some(ssid) = &link.ssid {
        f = f.evidence("Network (SSID)", ssid);
    }
    if let Some(bssid) = &link.bssid {
        f = f.evidence("Access point (BSSID)", bssid);
    }
    if let Some(d) = link.signal_dbm {
        let how = if link.signal_estimated { " (estimated from the OS's percentage)" } else { "" };
        f = f.evidence("Signal", format!("{d} dBm{how}"));
    }
    if let Some(n) = link.noise_dbm {
        f = f.evidence("Noise", format!("{n} dBm"));
    }
    if let Some(band) = link.band {
        let channel = link.channel.map(|c| format!(", channel {c}")).unwrap_or_default();
        let width = link.channel_width_mhz.map(|w| format!(", {w} MHz wide")).unwrap_or_default();
        f = f.evidence("Band", format!("{}{channel}{width}", band.label()));
    }
    if let Some(phy) = link.phy {
        f = f.evidence("PHY", phy.label());
    }
    if link.tx_rate_mbps.is_some() || link.rx_rate_mbps.is_some() {
        let show = |r: Option<f64>| r.map(|r| format!("{} Mbit/s", trim_rate(r))).unwrap_or_else(|| "—".into());
        f = f.evidence("Link rate (tx / rx)", format!("{} / {}", show(link.tx_rate_mbps), show(link.rx_rate_mbps)));
    }
    if let Some(sec) = &link.security {
        f = f.evidence("Security", sec.label());
    }
    if !link.other_bands.is_empty() {
        f = f.evidence("Also seen on", link.other_bands.iter().map(|b| b.label()).collect::<Vec<_>>().join(", "));
    }
    f
}

/// The technician line: the radio facts in one sentence, and the rule that judged them.
fn wifi_detail(interface: &str, link: &WifiLink, settings: &crate::config::WifiSettings) -> Msg {
    let bssid: MsgArg = match &link.bssid {
        Some(b) => msg!("net-wifi-detail-bssid", bssid = b).into(),
        None => "".into(),
    };
    let channel: MsgArg = match (link.band, link.channel) {
        (Some(band), Some(ch)) => msg!("net-wifi-detail-channel", band = band.label(), channel = ch.to_string()).into(),
        _ => "".into(),
    };
    let phy: MsgArg = match link.phy {
        Some(phy) => msg!("net-wifi-detail-phy", phy = phy.label()).into(),
        None => "".into(),
    };
    msg!(
        "net-wifi-detail",
        interface = interface,
        bssid = bssid,
        channel = channel,
        phy = phy,
        warn = settings.signal_warn_dbm.to_string(),
        fail = settings.signal_fail_dbm.to_string(),
        slow = trim_rate(settings.congested_24ghz_below_mbps)
    )
}

/// "26", "866.7": rates without a trailing ".0".
fn trim_rate(r: f64) -> String {
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

// ---------------------------------------------------------------- address / lease

struct LeaseCheck;
static LEASE: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.dhcp.lease",
        "Address (DHCP lease)",
        "The address this computer got, and the DHCP lease behind it: server, obtained, renew, expiry.",
        5_000,
        false,
    )
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaseData {
    pub interface: Option<String>,
    pub ipv4: Vec<String>,
    pub ipv6: Vec<String>,
    pub lease: Option<Lease>,
    pub other_leases: Vec<Lease>,
    pub lease_source_note: Option<String>,
    pub remaining_secs: Option<i64>,
}

#[async_trait]
impl Check for LeaseCheck {
    fn meta(&self) -> &CheckMeta {
        &LEASE
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let extra: Vec<PathBuf> = cx.config.network.dhcp_lease_files.iter().map(PathBuf::from).collect();
        let (interfaces, leases) = blocking(move || (platform::interfaces(), platform::dhcp_leases(&extra))).await?;
        let (leases, note) = match leases {
            Ok(l) => (l, None),
            Err(u) => (Vec::new(), Some(u.0)),
        };
        let Some(i) = linked(&interfaces) else {
            return Err(CheckError::SkippedMsg(msg!("net-lease-skipped")));
        };
        let lease = leases.iter().find(|l| l.interface == i.name).cloned();
        let now = chrono::Utc::now();
        let remaining = lease.as_ref().and_then(|l| l.remaining_secs(now));
        let routable_v4: Vec<&String> = i.ipv4.iter().filter(|a| !is_link_local_v4(a)).collect();
        let routable_v6: Vec<&String> = i.ipv6.iter().filter(|a| !is_link_local_v6(a)).collect();
        let mut findings = Vec::new();
        if routable_v4.is_empty() && routable_v6.is_empty() {
            // The link is up (this check only looks at linked adapters) and there is no address
            // from the network: the DHCP server did not answer. Not a cable problem.
            let own: Vec<&String> = i.ipv4.iter().chain(i.ipv6.iter()).collect();
            let addresses = if own.is_empty() {
                msg!("net-dhcp-no-address-at-all")
            } else {
                let list = own.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                msg!("net-dhcp-only-link-local", addresses = list)
            };
            findings.push(
                Finding::msg(
                    Severity::Fail,
                    msg!("net-dhcp-no-address", interface = &i.name, state = &i.state, addresses = addresses),
                )
                .evidence("Interface", &i.name),
            );
        } else {
            let addr = routable_v4.first().or(routable_v6.first()).map(|s| s.as_str()).unwrap_or("");
            let mut f = match &lease {
                Some(l) => Finding::msg(
                    Severity::Pass,
                    msg!(
                        "net-lease-from-dhcp",
                        address = addr,
                        server = l.server.map(|s| format!(" {s}")).unwrap_or_default()
                    ),
                ),
                // A static configuration is not a DHCP failure: an address without a lease is fine.
                None => {
                    // The platform's note (why leases can't be read here) is its own text.
                    let why: MsgArg = match &note {
                        Some(n) => n.into(),
                        None => msg!("net-lease-no-record").into(),
                    };
                    Finding::msg(Severity::Info, msg!("net-lease-static", address = addr, note = why))
                }
            };
            f = f.evidence("Interface", &i.name);
            if let Some(l) = &lease {
                if let Some(s) = l.server {
                    f = f.evidence("DHCP server", s.to_string());
                }
                if let Some(t) = l.obtained {
                    f = f.evidence("Obtained", t.to_rfc3339());
                }
                if let Some(t) = l.renew {
                    f = f.evidence("Renews", t.to_rfc3339());
                }
                if let Some(t) = l.rebind {
                    f = f.evidence("Rebinds", t.to_rfc3339());
                }
                if let Some(t) = l.expiry {
                    f = f.evidence("Expires", t.to_rfc3339());
                }
                if let Some(r) = remaining {
                    f = f.evidence("Time remaining", crate::checks::system::human_duration(r.max(0) as u64));
                }
                if !l.routers.is_empty() {
                    f = f.evidence("Router", l.routers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "));
                }
                if !l.dns_servers.is_empty() {
                    f = f.evidence("DNS", l.dns_servers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "));
                }
                if let Some(d) = &l.domain {
                    f = f.evidence("Domain", d);
                }
                f = f.evidence("Lease source", format!("{} ({})", l.client, l.source));
            }
            findings.push(f);
            if let Some(r) = remaining.filter(|r| *r < 0) {
                let ago = crate::checks::system::human_duration((-r) as u64);
                findings.push(Finding::msg(Severity::Warn, msg!("net-lease-expired", ago = ago)));
            }
        }
        let data = LeaseData {
            interface: Some(i.name.clone()),
            ipv4: i.ipv4.clone(),
            ipv6: i.ipv6.clone(),
            other_leases: leases.iter().filter(|l| l.interface != i.name).cloned().collect(),
            lease,
            lease_source_note: note,
            remaining_secs: remaining,
        };
        Ok(CheckResult::new(findings).with_data(data))
    }
}

// ---------------------------------------------------------------- gateway

struct Gateway;
static GATEWAY: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta("net.gateway.ping", "Router (gateway)", "Whether the local router answers, and how fast.", 8_000, false)
});

impl Gateway {
    async fn probe(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let interfaces = blocking(platform::interfaces).await?;
        let Some(i) = primary(&interfaces) else {
            // No adapter with a link and an address: the lower layers say why, in a moment.
            let why = tokio::time::timeout(Duration::from_secs(1), lower_layer_failed(cx, self.depends_on())).await;
            return match why {
                Ok(stopped) => Ok(not_tested_result(stopped, vec![DEFAULT_GATEWAY_TARGET.into()])),
                Err(_) => Err(CheckError::SkippedMsg(msg!("net-gw-skipped"))),
            };
        };
        let gateways: Vec<IpAddr> = i.gateway_ipv4.iter().chain(i.gateway_ipv6.iter()).copied().collect();
        let Some(gw) = gateways.first().copied() else {
            let f = Finding::msg(Severity::Fail, msg!("net-gw-no-router")).evidence("Interface", &i.name);
            return Ok(CheckResult::new(vec![f]));
        };
        cx.progress(&t!("net-gw-progress", gateway = gw.to_string()));
        let stats = ping_live_recorded(&cx.live, gw, &ping_options(&cx.config), Some(cx))
            .await
            .map_err(|e| CheckError::Failed(format!("could not ping the router {gw}: {e}")))?;
        let t = &cx.config.thresholds;
        let gateway = gw.to_string();
        let mut f = if stats.received == 0 {
            // Counts as text: "3 of 3" reads the same for one request as for many.
            let (sent, method) = (stats.sent.to_string(), format!("{:?}", stats.method));
            Finding::msg(Severity::Fail, msg!("net-gw-no-answer", gateway = &gateway, sent = sent, method = method))
        } else if stats.avg_ms.is_some_and(|a| a > t.gateway_fail_ms) {
            Finding::msg(Severity::Fail, msg!("net-gw-very-slow", gateway = &gateway, avg = ms(stats.avg_ms)))
        } else {
            match loss_severity(stats.loss_percent, &cx.config) {
                Severity::Pass => {
                    Finding::msg(Severity::Pass, msg!("net-gw-answers", gateway = &gateway, avg = ms(stats.avg_ms)))
                }
                sev => Finding::msg(
                    sev,
                    msg!("net-gw-loss", gateway = &gateway, loss = format!("{:.0}", stats.loss_percent)),
                ),
            }
        };
        f = f
            .evidence("Gateway", gw.to_string())
            .evidence("Loss", format!("{:.0}% ({} of {})", stats.loss_percent, stats.sent - stats.received, stats.sent))
            .evidence("RTT min/avg/max", format!("{} / {} / {}", ms(stats.min_ms), ms(stats.avg_ms), ms(stats.max_ms)));
        if let Some(note) = &stats.note {
            f = f.evidence("Method", note);
        }
        Ok(CheckResult::new(vec![f]).with_data(stats))
    }
}

#[async_trait]
impl Check for Gateway {
    fn meta(&self) -> &CheckMeta {
        &GATEWAY
    }

    fn depends_on(&self) -> &'static [&'static str] {
        &[LINK_ID, LEASE_ID]
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        match unless_lower_layer_failed(cx, self.depends_on(), self.probe(cx)).await {
            Ok(result) => result,
            Err(stopped) => Ok(not_tested_result(stopped, vec![DEFAULT_GATEWAY_TARGET.into()])),
        }
    }
}

// ---------------------------------------------------------------- DNS

struct Dns;
static DNS: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.dns.resolve",
        "Name lookup (DNS)",
        "Each DNS server separately and the system resolver: test names, latency, NXDOMAIN hijacking, reverse lookup.",
        6_000,
        false,
    )
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DnsData {
    pub servers: Vec<dns::DnsServerReport>,
    pub reverse: Vec<dns::DnsAnswer>,
}

impl Dns {
    async fn probe(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let interfaces = blocking(platform::interfaces).await?;
        let mut servers: Vec<IpAddr> = platform::system_dns_servers();
        if let Some(i) = primary(&interfaces) {
            for s in &i.dns_servers {
                if !servers.contains(s) {
                    servers.push(*s);
                }
            }
        }
        for s in &cx.config.targets.dns_servers {
            match s.parse::<IpAddr>() {
                Ok(ip) if !servers.contains(&ip) => servers.push(ip),
                Ok(_) => {}
                Err(_) => {
                    return Err(CheckError::Failed(format!(
                        "config: targets.dns_servers has an invalid address '{s}'"
                    )));
                }
            }
        }
        let query_timeout = probe_timeout(cx).min(Duration::from_millis(1200));
        let opts = dns::DnsTestOptions {
            names: cx.config.targets.dns_names.clone(),
            nx_domain: Some(cx.config.targets.nxdomain_probe_domain.clone()).filter(|d| !d.is_empty()),
            query_timeout,
            include_system: true,
        };
        cx.progress(&t!("net-dns-progress", count = servers.len()));
        let own: Vec<IpAddr> = primary(&interfaces)
            .map(|i| i.ipv4.iter().filter_map(|c| c.split('/').next()?.parse().ok()).collect())
            .unwrap_or_default();
        let reverse_server = servers.first().copied();
        let (reports, reverse) = tokio::join!(dns::test_servers(&servers, &opts), async {
            let mut out = Vec::new();
            for a in own.iter().take(2) {
                out.push(dns::reverse(*a, reverse_server, query_timeout).await);
            }
            out
        });
        let findings = dns_findings(&reports, &servers, &cx.config);
        Ok(CheckResult::new(findings).with_data(DnsData { servers: reports, reverse }))
    }
}

#[async_trait]
impl Check for Dns {
    fn meta(&self) -> &CheckMeta {
        &DNS
    }

    fn depends_on(&self) -> &'static [&'static str] {
        &[LINK_ID, LEASE_ID]
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        match unless_lower_layer_failed(cx, self.depends_on(), self.probe(cx)).await {
            Ok(result) => result,
            Err(stopped) => Ok(not_tested_result(stopped, cx.config.targets.dns_names.clone())),
        }
    }
}

fn dns_findings(reports: &[dns::DnsServerReport], configured: &[IpAddr], config: &Config) -> Vec<Finding> {
    let t = &config.thresholds;
    let mut findings = Vec::new();
    if configured.is_empty() {
        findings.push(Finding::msg(Severity::Fail, msg!("net-dns-no-server")));
    }
    let per_server: Vec<&dns::DnsServerReport> = reports.iter().filter(|r| r.server.is_some()).collect();
    let dead: Vec<&dns::DnsServerReport> = per_server.iter().copied().filter(|r| !r.responding).collect();
    let alive: Vec<&dns::DnsServerReport> = per_server.iter().copied().filter(|r| r.responding).collect();
    let names = |rs: &[&dns::DnsServerReport]| rs.iter().map(|r| r.label.clone()).collect::<Vec<_>>().join(", ");
    if !per_server.is_empty() && alive.is_empty() {
        findings.push(Finding::msg(Severity::Fail, msg!("net-dns-dead", count = dead.len(), servers = names(&dead))));
    } else if !dead.is_empty() {
        findings.push(Finding::msg(Severity::Warn, msg!("net-dns-some-dead", servers = names(&dead))));
    }
    for r in &alive {
        // A name the server says does not exist (or cannot look up) is a failure; a query that
        // went unanswered while others were answered points at packet loss, not at DNS.
        let failed: Vec<&dns::DnsAnswer> = r
            .answers
            .iter()
            .filter(|a| a.record_type == "A" && !matches!(a.status, dns::DnsStatus::NoError | dns::DnsStatus::Timeout))
            .collect();
        let unanswered = r.answers.iter().filter(|a| a.status == dns::DnsStatus::Timeout).count();
        if !failed.is_empty() {
            let names =
                failed.iter().map(|a| format!("{} ({})", a.name, a.status.label())).collect::<Vec<_>>().join(", ");
            findings.push(Finding::msg(Severity::Fail, msg!("net-dns-names-fail", server = &r.label, names = names)));
        }
        if unanswered > 0 {
            // Info, not a warning: the server does answer; the lost queries are a symptom
            // that the internet layer (ping, trace) reports with its cause and place.
            findings.push(Finding::msg(
                Severity::Info,
                msg!("net-dns-unanswered", server = &r.label, unanswered = unanswered, total = r.answers.len()),
            ));
        }
        if let Some(nx) = r.nx_probe.as_ref().filter(|n| n.hijacked) {
            findings.push(Finding::msg(
                Severity::Warn,
                msg!("net-dns-hijack", server = &r.label, name = &nx.name, values = nx.values.join(", ")),
            ));
        }
        if let Some(avg) = r.avg_latency_ms {
            let sev = if avg > t.dns_fail_ms {
                Severity::Fail
            } else if avg > t.dns_warn_ms {
                Severity::Warn
            } else {
                Severity::Pass
            };
            let avg = format!("{avg:.0}");
            let f = if sev == Severity::Pass {
                Finding::msg(Severity::Pass, msg!("net-dns-server-ok", server = &r.label, avg = avg))
            } else {
                Finding::msg(sev, msg!("net-dns-slow", server = &r.label, avg = avg))
            };
            let mut f = f;
            for a in &r.answers {
                f = f.evidence(
                    format!("{} {}", a.record_type, a.name),
                    format!("{:?} {} {}", a.status, a.values.join(" "), ms(a.latency_ms)),
                );
            }
            findings.push(f);
        }
    }
    if let Some(sys) = reports.iter().find(|r| r.server.is_none()) {
        let ok = sys.answers.iter().any(|a| matches!(a.status, dns::DnsStatus::NoError));
        let only_slow = sys.answers.iter().all(|a| a.status == dns::DnsStatus::Timeout);
        let f = if ok || sys.answers.is_empty() {
            Finding::msg(Severity::Info, msg!("net-dns-system-ok"))
        } else if only_slow && !alive.is_empty() {
            // The servers answer when asked directly: the system's lookups only took too long,
            // a symptom (of loss, usually) that lower layers report with its cause.
            Finding::msg(Severity::Info, msg!("net-dns-system-slow"))
        } else {
            Finding::msg(Severity::Fail, msg!("net-dns-system-fails"))
        };
        findings.push(f);
    }
    findings
}

// ---------------------------------------------------------------- internet

struct InternetPing;

/// One outside target of `net.internet.ping`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PingTargetResult {
    pub target: String,
    pub stats: Option<ping::PingStats>,
    pub error: Option<String>,
}
static INTERNET: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.internet.ping",
        "Internet",
        "Whether hosts outside the office network answer (configured targets).",
        8_000,
        false,
    )
});

/// Resolve configured targets: IP literals as they are, names through the system resolver.
/// An error is the resolver's own text, or our words for a name without an address.
async fn resolve_targets(targets: &[String], timeout: Duration) -> Vec<(String, Result<IpAddr, MsgArg>)> {
    let mut out = Vec::new();
    for t in targets {
        let r = match dns::resolve_host(t, timeout).await {
            Ok(addrs) => addrs.first().copied().ok_or_else(|| msg!("net-ping-no-address", target = t).into()),
            Err(e) => Err(e.to_string().into()),
        };
        out.push((t.clone(), r));
    }
    out
}

#[async_trait]
impl Check for InternetPing {
    fn meta(&self) -> &CheckMeta {
        &INTERNET
    }

    fn depends_on(&self) -> &'static [&'static str] {
        &[LINK_ID, LEASE_ID, GATEWAY_ID, DNS_ID]
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let targets = &cx.config.targets.ping_hosts;
        if targets.is_empty() {
            return Err(CheckError::SkippedMsg(msg!("net-internet-skipped")));
        }
        // DNS matters only when every target is a name: an address literal is pinged as it is.
        let deps: Vec<&'static str> = self
            .depends_on()
            .iter()
            .copied()
            .filter(|d| *d != DNS_ID || targets.iter().all(|t| needs_dns(t)))
            .collect();
        match unless_lower_layer_failed(cx, &deps, self.probe(cx, targets)).await {
            Ok(result) => result,
            Err(stopped) => Ok(not_tested_result(stopped, targets.clone())),
        }
    }
}

impl InternetPing {
    async fn probe(&self, cx: &CheckCx, targets: &[String]) -> Result<CheckResult, CheckError> {
        let resolved = resolve_targets(targets, probe_timeout(cx)).await;
        let opts = ping_options(&cx.config);
        let pings = resolved.into_iter().map(|(name, addr)| {
            let opts = opts.clone();
            let live = cx.live.clone();
            async move {
                match addr {
                    Ok(ip) => (name, ping_live(&live, ip, &opts).await.map_err(|e| MsgArg::from(e.to_string()))),
                    Err(e) => (name, Err(e)),
                }
            }
        });
        let results: Vec<(String, Result<ping::PingStats, MsgArg>)> = join_all(pings).await;
        let mut findings = Vec::new();
        let answered = results.iter().filter(|(_, r)| r.as_ref().is_ok_and(|s| s.received > 0)).count();
        if answered == 0 {
            findings.push(Finding::msg(Severity::Fail, msg!("net-internet-none", targets = targets.join(", "))));
        }
        for (name, r) in &results {
            match r {
                Ok(s) => {
                    let sev = loss_severity(s.loss_percent, &cx.config);
                    let found = if s.received == 0 {
                        Finding::msg(Severity::Warn, msg!("net-ping-no-answer", target = name))
                    } else if sev == Severity::Pass {
                        Finding::msg(sev, msg!("net-ping-ok", target = name, avg = ms(s.avg_ms)))
                    } else {
                        let loss = format!("{:.0}", s.loss_percent);
                        Finding::msg(sev, msg!("net-ping-loss", target = name, loss = loss))
                    };
                    let mut f = found
                        .evidence("Address", s.target.to_string())
                        .evidence("Loss", format!("{:.0}% ({} of {})", s.loss_percent, s.sent - s.received, s.sent))
                        .evidence(
                            "RTT min/avg/max/mdev",
                            format!("{} / {} / {} / {}", ms(s.min_ms), ms(s.avg_ms), ms(s.max_ms), ms(s.mdev_ms)),
                        );
                    if let Some(note) = &s.note {
                        f = f.evidence("Method", note);
                    }
                    findings.push(f);
                }
                Err(e) => findings
                    .push(Finding::msg(Severity::Warn, msg!("net-ping-error", target = name, error = e.clone()))),
            }
        }
        let data: Vec<PingTargetResult> = results
            .into_iter()
            .map(|(target, r)| match r {
                Ok(stats) => PingTargetResult { target, stats: Some(stats), error: None },
                // The data keeps English words, as the rest of report.json does.
                Err(e) => PingTargetResult { target, stats: None, error: Some(e.to_string()) },
            })
            .collect();
        Ok(CheckResult::new(findings).with_data(crate::model::ListData::new(data)))
    }
}

// ---------------------------------------------------------------- traceroute

struct Trace;

/// The suite's trace, name lookup of the target included, ends within this.
const SUITE_TRACE_BUDGET: Duration = Duration::from_millis(2400);
/// Echo probes to the destination, every 20 ms after a burst: the end-to-end loss to
/// within a few %.
const SUITE_DESTINATION_PROBES: u32 = 40;

static TRACE: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.trace.path",
        "Path to the internet",
        "Traceroute to the first outside target: every router on the way, with loss and delay per hop.",
        8_000,
        false,
    )
});

#[async_trait]
impl Check for Trace {
    fn meta(&self) -> &CheckMeta {
        &TRACE
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let started = std::time::Instant::now();
        let Some(target) = cx.config.targets.ping_hosts.first() else {
            return Err(CheckError::SkippedMsg(msg!("net-trace-skipped")));
        };
        let ip = dns::resolve_host(target, probe_timeout(cx))
            .await
            .map_err(|e| CheckError::Failed(format!("could not resolve the trace target: {e}")))?
            .first()
            .copied()
            .ok_or_else(|| CheckError::Failed(format!("{target} has no address")))?;
        // The suite answers within 3 s: the trace gets what is left of its budget. Routers
        // answer a burst, then 1 probe/s, so that is about 8 probes per router; the
        // destination's echo replies are not limited and measure the end-to-end loss.
        let budget = SUITE_TRACE_BUDGET.saturating_sub(started.elapsed());
        let opts = trace::TraceOptions {
            // ICMP echo like mtr: echo replies are not rate-limited the way port-unreachables
            // are, so the destination does not show false loss. Falls back to UDP by itself.
            protocol: trace::TraceProtocol::Icmp,
            probes_per_hop: cx.config.network.suite_trace_probes().max(1),
            destination_probes: SUITE_DESTINATION_PROBES,
            // Healthy, the trace ends once the burst is answered (about 1 s, so the suite
            // stays within 1.5 s); with loss at the destination it uses its whole budget
            // to place the loss.
            settle_when_clean: true,
            // With loss at the destination, ping each router straight too: 8 rate-limited
            // traceroute answers per router cannot place 20 % loss, 40 echo replies can.
            echo_hops_on_loss: true,
            round_interval: Duration::from_millis(20),
            max_duration: Some(budget),
            probe_timeout: probe_timeout(cx).min(Duration::from_millis(800)),
            ..trace::TraceOptions::default()
        };
        cx.progress(&t!("net-trace-progress", target = target));
        let key = format!("trace {ip}");
        let (tx, rx) = watch::channel(trace::TraceSnapshot::empty(ip, opts.protocol));
        live::forward(cx.live.clone(), key.clone(), rx, LiveSnapshot::Trace);
        let snap = trace::trace(ip, &opts, Some(&tx))
            .await
            .map_err(|e| CheckError::Failed(format!("traceroute to {target} failed: {e}")))?;
        cx.live.publish(&key, LiveSnapshot::Trace(snap.clone()));
        Ok(CheckResult::new(trace_findings(&snap, target, &cx.config)).with_data(snap))
    }
}

fn hop_label(h: &trace::Hop) -> String {
    match (&h.addr, &h.name) {
        (Some(a), trace::HopName::Resolved(n)) => format!("{n} ({a})"),
        (Some(a), _) => a.to_string(),
        (None, _) => "*".into(),
    }
}

/// Where loss starts: the first hop whose loss persists to the end of the path (mtr's
/// rule, [`trace::classify_loss`]), when the loss at the end reaches `warn_percent`.
/// Loss that later hops don't share is a router's ICMP rate limit and never counts.
pub fn loss_start(snap: &trace::TraceSnapshot, warn_percent: f64) -> Option<&trace::Hop> {
    let end = snap.hops.iter().rev().find(|h| h.received > 0)?;
    if end.loss != trace::Loss::Persistent || end.loss_percent < warn_percent {
        return None;
    }
    snap.hops.iter().find(|h| h.loss == trace::Loss::Persistent)
}

fn trace_findings(snap: &trace::TraceSnapshot, target: &str, config: &Config) -> Vec<Finding> {
    // One line per hop for the technician: figures and addresses, and what the loss means
    // in the reader's language.
    let path: Vec<MsgArg> = snap
        .hops
        .iter()
        .map(|h| {
            let (ttl, hop) = (format!("{:>2}", h.ttl), hop_label(h));
            match h.avg_ms {
                Some(avg) => msg!(
                    "net-trace-path-hop",
                    ttl = ttl,
                    hop = hop,
                    rtt = trace::format_rtt(avg),
                    loss = format!("{:.0}", h.loss_percent),
                    meaning = h.loss.msg()
                )
                .into(),
                None => msg!("net-trace-path-silent-hop", ttl = ttl, hop = hop).into(),
            }
        })
        .collect();
    let path = MsgArg::list(path, &LINE_BREAK.to_string());
    let end_loss = snap.hops.iter().rev().find(|h| h.received > 0).map_or(0.0, |h| h.loss_percent);
    let mut f = if let Some(h) = loss_start(snap, config.thresholds.loss_warn_percent) {
        // The amount is the end's loss: the destination's echo replies are the most
        // probes and are not rate-limited, unlike the routers' answers.
        Finding::msg(
            Severity::Warn,
            msg!(
                "net-trace-loss",
                path = path,
                target = target,
                hop = h.ttl.to_string(),
                router = hop_label(h),
                loss = format!("{end_loss:.0}")
            ),
        )
    } else if snap.reached {
        Finding::msg(Severity::Pass, msg!("net-trace-ok", target = target, hops = snap.hops.len(), path = path))
    } else {
        let last = match snap.hops.iter().rev().find(|h| h.received > 0) {
            Some(h) => msg!("net-trace-last-hop", hop = h.ttl.to_string(), router = hop_label(h)),
            None => msg!("net-trace-this-computer"),
        };
        Finding::msg(Severity::Warn, msg!("net-trace-ends-early", target = target, last = last, path = path))
    };
    let limited: Vec<String> =
        snap.hops.iter().filter(|h| h.loss == trace::Loss::RateLimited).map(|h| format!("hop {}", h.ttl)).collect();
    if !limited.is_empty() {
        f = f.evidence(
            "Rate-limited, not loss",
            format!(
                "{}: these routers limit their answers to probes; later hops don't share the loss.",
                limited.join(", ")
            ),
        );
    }
    let pinged: Vec<String> = snap
        .hops
        .iter()
        .filter_map(|h| h.echo.map(|e| format!("hop {} {:.0}% of {}", h.ttl, e.loss_percent, e.sent)))
        .collect();
    if !pinged.is_empty() {
        f = f.evidence("Routers pinged straight (loss)", pinged.join(", "));
    }
    if let Some(n) = &snap.method_note {
        f = f.evidence("Method", n);
    }
    vec![f]
}

// ---------------------------------------------------------------- services

/// What the service checks stand on: the link, an address, the router, and DNS for names.
const SERVICE_DEPS: [&str; 4] = [LINK_ID, LEASE_ID, GATEWAY_ID, DNS_ID];

/// The service checks' dependencies without DNS, which only targets given by name need.
const SERVICE_BASE: [&str; 3] = [LINK_ID, LEASE_ID, GATEWAY_ID];

/// Findings plus one "Not tested" finding per lower-layer reason that stopped some targets.
fn with_not_tested(mut findings: Vec<Finding>, stopped: Vec<(String, Stopped)>) -> Vec<Finding> {
    let mut reasons: Vec<&Stopped> = Vec::new();
    for (_, s) in &stopped {
        if !reasons.contains(&s) {
            reasons.push(s);
        }
    }
    for reason in reasons {
        let targets: Vec<String> = stopped.iter().filter(|(_, s)| s == reason).map(|(t, _)| t.clone()).collect();
        findings.push(not_tested(reason, &targets));
    }
    findings
}

struct TcpPorts;
static TCP: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta("net.services.tcp", "Service ports", "TCP connections to the configured host:port pairs.", 6_000, false)
});

#[async_trait]
impl Check for TcpPorts {
    fn meta(&self) -> &CheckMeta {
        &TCP
    }

    fn depends_on(&self) -> &'static [&'static str] {
        &SERVICE_DEPS
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let targets = cx.config.targets.tcp_ports.clone();
        if targets.is_empty() {
            return Err(CheckError::SkippedMsg(msg!("net-tcp-skipped")));
        }
        // Long enough for two lost SYNs (retransmitted after 1 s and 3 s) on a lossy line;
        // a failed lower layer stops the wait at once.
        let timeout = probe_timeout(cx).max(Duration::from_millis(3500));
        let outcomes = join_all(targets.iter().map(|t| {
            let host = reach::split_host_port(t).map(|(h, _)| h).unwrap_or_default();
            let deps = deps_for(&SERVICE_BASE, &host);
            async move { unless_lower_layer_failed(cx, &deps, reach::tcp_connect(t, timeout)).await }
        }))
        .await;
        let mut stopped_targets: Vec<(String, Stopped)> = Vec::new();
        let mut results = Vec::new();
        for (target, outcome) in targets.iter().zip(outcomes) {
            match outcome {
                Ok(r) => results.push(r),
                Err(stopped) => {
                    results.push(reach::TcpResult {
                        target: target.clone(),
                        address: None,
                        connected: false,
                        latency_ms: None,
                        error: Some(format!("not tested: {}", stopped.reason)),
                    });
                    stopped_targets.push((target.clone(), stopped));
                }
            }
        }
        let findings = results
            .iter()
            .filter(|r| !stopped_targets.iter().any(|(t, _)| *t == r.target))
            .map(|r| {
                if r.connected {
                    Finding::msg(Severity::Pass, msg!("net-tcp-ok", target = &r.target, latency = ms(r.latency_ms)))
                } else {
                    Finding::msg(Severity::Fail, msg!("net-tcp-fail", target = &r.target, error = error_arg(&r.error)))
                }
            })
            .collect();
        Ok(CheckResult::new(with_not_tested(findings, stopped_targets)).with_data(crate::model::ListData::new(results)))
    }
}

struct Http;
static HTTP: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta("net.services.http", "Websites", "HTTP(S) GET of the configured URLs: status and time.", 8_000, false)
});

#[async_trait]
impl Check for Http {
    fn meta(&self) -> &CheckMeta {
        &HTTP
    }

    fn depends_on(&self) -> &'static [&'static str] {
        &SERVICE_DEPS
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let urls = cx.config.targets.http_urls.clone();
        if urls.is_empty() {
            return Err(CheckError::SkippedMsg(msg!("net-http-skipped")));
        }
        let t = cx.config.thresholds.clone();
        let outcomes = join_all(urls.iter().map(|u| {
            let deps = deps_for(&SERVICE_BASE, url_host(u));
            async move { unless_lower_layer_failed(cx, &deps, reach::http_get(u, Duration::from_secs(5))).await }
        }))
        .await;
        let mut stopped_targets: Vec<(String, Stopped)> = Vec::new();
        let mut results = Vec::new();
        for (url, outcome) in urls.iter().zip(outcomes) {
            match outcome {
                Ok(r) => results.push(r),
                Err(stopped) => {
                    results.push(reach::HttpResult {
                        url: url.clone(),
                        status: None,
                        latency_ms: None,
                        bytes: None,
                        final_url: None,
                        error: Some(format!("not tested: {}", stopped.reason)),
                    });
                    stopped_targets.push((url.clone(), stopped));
                }
            }
        }
        let findings = results
            .iter()
            .filter(|r| !stopped_targets.iter().any(|(u, _)| *u == r.url))
            .map(|r| match (r.status, r.latency_ms) {
                (Some(status), Some(lat)) if status < 400 => {
                    let sev = if lat > t.https_fail_ms {
                        Severity::Fail
                    } else if lat > t.https_warn_ms {
                        Severity::Warn
                    } else {
                        Severity::Pass
                    };
                    let (status, latency) = (status.to_string(), format!("{lat:.0}"));
                    if sev == Severity::Pass {
                        Finding::msg(sev, msg!("net-http-ok", url = &r.url, status = status, latency = latency))
                    } else {
                        Finding::msg(sev, msg!("net-http-slow", url = &r.url, status = status, latency = latency))
                    }
                }
                (Some(status), _) => Finding::msg(
                    Severity::Warn,
                    msg!("net-http-error-status", url = &r.url, status = status.to_string()),
                ),
                (None, _) => {
                    Finding::msg(Severity::Fail, msg!("net-http-fail", url = &r.url, error = error_arg(&r.error)))
                }
            })
            .collect();
        Ok(CheckResult::new(with_not_tested(findings, stopped_targets)).with_data(crate::model::ListData::new(results)))
    }
}

struct CaptivePortal;
static PORTAL: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.services.captive_portal",
        "Sign-in page (captive portal)",
        "Whether a hotel/guest network sign-in page intercepts web traffic (like Windows NCSI).",
        6_000,
        false,
    )
});

#[async_trait]
impl Check for CaptivePortal {
    fn meta(&self) -> &CheckMeta {
        &PORTAL
    }

    fn depends_on(&self) -> &'static [&'static str] {
        &SERVICE_DEPS
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let cp = &cx.config.targets.captive_portal;
        if cp.url.is_empty() {
            return Err(CheckError::SkippedMsg(msg!("net-portal-skipped")));
        }
        let deps = deps_for(&SERVICE_BASE, url_host(&cp.url));
        let probe = reach::captive_portal(&cp.url, &cp.expected_body, Duration::from_secs(4));
        let r = match unless_lower_layer_failed(cx, &deps, probe).await {
            Ok(r) => r,
            Err(stopped) => {
                let r = reach::CaptivePortalResult {
                    url: cp.url.clone(),
                    state: reach::PortalState::Unreachable,
                    status: None,
                    redirect_to: None,
                    latency_ms: None,
                    error: Some(format!("not tested: {}", stopped.reason)),
                };
                return Ok(CheckResult::new(vec![not_tested(&stopped, std::slice::from_ref(&cp.url))]).with_data(r));
            }
        };
        let f = match r.state {
            reach::PortalState::NoPortal => Finding::msg(Severity::Pass, msg!("net-portal-none")),
            reach::PortalState::PortalSuspected => {
                let redirect: MsgArg = match &r.redirect_to {
                    Some(t) => msg!("net-portal-redirect", target = t).into(),
                    None => "".into(),
                };
                Finding::msg(Severity::Fail, msg!("net-portal-found", redirect = redirect))
            }
            reach::PortalState::Unreachable => {
                Finding::msg(Severity::Info, msg!("net-portal-unreachable", error = error_arg(&r.error)))
            }
        };
        Ok(CheckResult::new(vec![f]).with_data(r))
    }
}

// ---------------------------------------------------------------- active DHCP probe

struct DhcpProbe;
static DHCP_PROBE: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "net.dhcp.probe",
        "DHCP servers on this network",
        "Broadcasts a DHCP DISCOVER (without taking an address) and lists every server that offers one: more than one is a rogue server.",
        8_000,
        true,
    )
});

#[async_trait]
impl Check for DhcpProbe {
    fn meta(&self) -> &CheckMeta {
        &DHCP_PROBE
    }

    /// It listens for seconds after the verdict is in: the suite deadline does not cut it.
    fn background(&self) -> bool {
        true
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let extra: Vec<PathBuf> = cx.config.network.dhcp_lease_files.iter().map(PathBuf::from).collect();
        let (interfaces, leases) = blocking(move || (platform::interfaces(), platform::dhcp_leases(&extra))).await?;
        let Some(i) = linked(&interfaces) else {
            return Err(CheckError::SkippedMsg(msg!("net-dhcp-probe-no-link")));
        };
        // Consent: the probe asks the network's DHCP server for an address, which is only
        // ours to do on an interface that got its address by DHCP (a lease says so). On a
        // static configuration there is no DHCP server to ask, and a silence means nothing.
        let lease = leases.unwrap_or_default().into_iter().find(|l| l.interface == i.name);
        let Some(lease) = lease else {
            return Err(CheckError::SkippedMsg(msg!("net-dhcp-probe-no-lease", interface = &i.name)));
        };
        let lease_valid = lease.remaining_secs(chrono::Utc::now()).is_none_or(|r| r > 0);
        let listen = Duration::from_millis(cx.config.network.dhcp_listen_ms);
        cx.progress(&t!("net-dhcp-probe-progress", seconds = listen.as_secs().to_string(), interface = &i.name));
        let offers = dhcp::discover(&i.name, listen).await.map_err(|e| match e {
            dhcp::DhcpProbeError::NeedsRoot => CheckError::SkippedMsg(msg!("net-dhcp-probe-needs-root")),
            dhcp::DhcpProbeError::Unsupported(why) => CheckError::Unsupported(why),
            other => CheckError::Failed(other.to_string()),
        })?;
        let server_of = |o: &dhcp::DhcpOffer| o.server_id.map(IpAddr::V4).unwrap_or(o.source);
        let mut servers: Vec<IpAddr> = offers.iter().map(server_of).collect();
        servers.dedup();
        // "a and b and c", the word "and" in the reader's language.
        let list = servers
            .iter()
            .map(|s| MsgArg::from(s.to_string()))
            .reduce(|first, second| msg!("net-and", first = first, second = second).into())
            .unwrap_or_else(|| "".into());
        let f = match servers.len() {
            // The address in use still stands while its lease is valid: a warning about the
            // next renewal, never a failure of the connection.
            0 if lease_valid => {
                let from: MsgArg = match lease.server {
                    Some(s) => msg!("net-dhcp-lease-from", server = s.to_string()).into(),
                    None => "".into(),
                };
                Finding::msg(
                    Severity::Warn,
                    msg!("net-dhcp-silent", ms = listen.as_millis().to_string(), server = from),
                )
            }
            0 => Finding::msg(Severity::Fail, msg!("net-dhcp-none")),
            1 => Finding::msg(Severity::Pass, msg!("net-dhcp-one", servers = list)),
            _ => {
                let offer = |o: &dhcp::DhcpOffer| {
                    let routers = o.routers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(",");
                    let (server, address) = (server_of(o).to_string(), o.offered.to_string());
                    MsgArg::from(msg!("net-dhcp-offer", server = server, address = address, routers = routers))
                };
                let offers = MsgArg::list(offers.iter().map(offer).collect(), &LINE_BREAK.to_string());
                Finding::msg(Severity::Warn, msg!("net-dhcp-several", servers = list, offers = offers))
            }
        };
        Ok(CheckResult::new(vec![f.evidence("Interface", &i.name)]).with_data(crate::model::ListData::new(offers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(ttl: u8, loss: f64) -> trace::Hop {
        trace::Hop {
            ttl,
            addr: Some(IpAddr::from([10, 0, 0, ttl])),
            other_addrs: Vec::new(),
            name: trace::HopName::Disabled,
            sent: 10,
            received: (10.0 - loss / 10.0) as u32,
            loss_percent: loss,
            last_ms: Some(1.0),
            avg_ms: Some(1.0),
            best_ms: Some(1.0),
            worst_ms: Some(1.0),
            rtts_ms: (0..10).map(|i| (f64::from(i) >= loss / 10.0).then_some(1.0)).collect(),
            is_destination: false,
            loss: trace::Loss::None,
            echo: None,
        }
    }

    fn snap(hops: Vec<trace::Hop>, reached: bool) -> trace::TraceSnapshot {
        let mut hops = hops;
        let losses = trace::classify_loss(&hops, reached);
        for (h, l) in hops.iter_mut().zip(losses) {
            h.loss = l;
        }
        trace::TraceSnapshot {
            target: IpAddr::from([10, 0, 0, 9]),
            protocol: trace::TraceProtocol::Icmp,
            method_note: None,
            hops,
            reached,
            done: true,
            elapsed_ms: 10,
        }
    }

    fn recorded_macos_reading() -> platform::wifi::WifiReading {
        let path = format!("{}/tests/fixtures/wifi/macos-15.5-system_profiler.json", env!("CARGO_MANIFEST_DIR"));
        platform::wifi::system_profiler::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn a_recorded_good_wifi_link_passes_with_its_facts_as_evidence() {
        let r = recorded_macos_reading();
        let f = wifi_findings(&r.adapters, &r.source, &Config::default().network.wifi);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].severity, f[0].title.as_str()), (Severity::Pass, "Wi-Fi connected"));
        assert_eq!(f[0].summary, "Connected to the Wi-Fi network SSID-2 with a good signal (-40 dBm) on 2.4 GHz.");
        let ev = |label: &str| f[0].evidence.iter().find(|e| e.label == label).map(|e| e.value.clone());
        assert_eq!(ev("Band").as_deref(), Some("2.4 GHz, channel 6, 20 MHz wide"));
        assert_eq!(ev("PHY").as_deref(), Some("802.11n (Wi-Fi 4)"));
        assert_eq!(ev("Link rate (tx / rx)").as_deref(), Some("144 Mbit/s / —"));
        assert_eq!(ev("Security").as_deref(), Some("Open (no password)"));
        assert_eq!(ev("Source").as_deref(), Some("system_profiler"));
        // A stricter desk: the same link is weak under a -35 dBm warning level.
        let strict = crate::config::WifiSettings { signal_warn_dbm: -35, signal_fail_dbm: -90, ..Default::default() };
        let f = wifi_findings(&r.adapters, &r.source, &strict);
        assert_eq!(f[0].summary, "The Wi-Fi signal is weak (-40 dBm): move closer to the access point or use a cable.");
        assert!(f[0].next_step.as_deref().unwrap().contains("network cable"));
    }

    #[test]
    fn wifi_findings_for_every_state() {
        let settings = Config::default().network.wifi;
        let none = wifi_findings(&[], "sysfs", &settings);
        assert_eq!((none[0].severity, none[0].title.as_str()), (Severity::Info, "No Wi-Fi adapter"));
        let mut slow = WifiLink::empty();
        slow.ssid = Some("SSID-1".into());
        slow.signal_dbm = Some(-51);
        slow.set_frequency(2412);
        slow.tx_rate_mbps = Some(26.0);
        slow.other_bands = vec![WifiBand::Ghz5];
        let mut weak = WifiLink::empty();
        weak.signal_dbm = Some(-86);
        let adapters = vec![
            WifiAdapter {
                interface: "wlan1".into(),
                description: None,
                link: None,
                state: Some("disconnected".into()),
            },
            WifiAdapter { interface: "wlp1s0".into(), description: None, link: Some(slow), state: None },
            WifiAdapter { interface: "wlan2".into(), description: None, link: Some(weak), state: None },
        ];
        let f = wifi_findings(&adapters, "nl80211", &settings);
        // Worst first.
        assert_eq!(f.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Fail, Severity::Warn, Severity::Info]);
        assert_eq!(
            f[0].summary,
            "The Wi-Fi signal is very weak (-86 dBm): move closer to the access point or use a cable."
        );
        assert_eq!(
            f[1].summary,
            "The Wi-Fi link is slow (26 Mbit/s) on the crowded 2.4 GHz band although the signal is good (-51 dBm): this network is also on 5 GHz here, connect to that or use a cable."
        );
        assert_eq!(f[2].summary, "The Wi-Fi adapter wlan1 is not connected to a network.");
        assert_eq!(f[2].detail.as_deref(), Some("wlan1 is disconnected."));
    }

    #[test]
    fn targets_need_dns_only_when_given_by_name() {
        assert_eq!(url_host("http://198.51.100.10/x"), "198.51.100.10");
        assert_eq!(url_host("https://user:pw@www.example.com:8443/a?b"), "www.example.com");
        assert_eq!(url_host("http://[2001:db8::1]:80/"), "2001:db8::1");
        assert!(!needs_dns(url_host("http://[2001:db8::1]:80/")));
        assert!(!needs_dns("10.0.0.1"));
        assert!(needs_dns("intranet.corp"));
        assert_eq!(deps_for(&SERVICE_BASE, "10.0.0.1"), SERVICE_BASE.to_vec());
        assert_eq!(deps_for(&SERVICE_BASE, "intranet.corp").last(), Some(&DNS_ID));
        assert!(is_link_local_v6("fe80::1/64") && !is_link_local_v6("2001:db8::1/64"));
    }

    fn finished(id: &str, severity: Severity, data: serde_json::Value) -> CheckRun {
        CheckRun {
            id: id.into(),
            title: id.into(),
            category: Category::Network,
            outcome: Outcome::Completed,
            findings: vec![Finding::new(severity, "t", "s")],
            started_at: chrono::Utc::now(),
            duration_ms: 1,
            data,
            attachments: Vec::new(),
        }
    }

    #[test]
    fn which_lower_results_stop_the_layers_above() {
        assert!(failure_of(&finished(LINK_ID, Severity::Fail, serde_json::Value::Null)).is_some());
        assert!(failure_of(&finished(LINK_ID, Severity::Pass, serde_json::Value::Null)).is_none());
        // No router set (no data) stops; a slow one that answers does not.
        assert_eq!(
            failure_of(&finished(GATEWAY_ID, Severity::Fail, serde_json::Value::Null)).as_deref(),
            Some("no route to the gateway")
        );
        let mut slow = ping::PingStats::empty(IpAddr::from([10, 0, 0, 1]), ping::PingMethod::IcmpUnprivileged, None);
        slow.sent = 3;
        slow.received = 3;
        let slow = serde_json::to_value(slow).unwrap();
        assert!(failure_of(&finished(GATEWAY_ID, Severity::Fail, slow)).is_none());
        let dead = serde_json::json!({"servers": [{"server": "10.0.0.1", "label": "10.0.0.1", "answers": [],
            "nx_probe": null, "responding": false, "avg_latency_ms": null}], "reverse": []});
        assert_eq!(failure_of(&finished(DNS_ID, Severity::Fail, dead)).as_deref(), Some("DNS does not answer"));
        // A check that could not run says nothing about the layer.
        let mut timed_out = finished(LINK_ID, Severity::Fail, serde_json::Value::Null);
        timed_out.outcome = Outcome::TimedOut { after_ms: 1 };
        assert!(failure_of(&timed_out).is_none());
    }

    #[tokio::test]
    async fn the_lowest_failed_layer_is_the_reason() {
        let board = crate::checks::RunBoard::new([LINK_ID, LEASE_ID, GATEWAY_ID]);
        let cx = CheckCx::quiet(Config::default()).with_runs(board.clone());
        let deps = [LINK_ID, LEASE_ID, GATEWAY_ID];
        let waiting = tokio::spawn(async move { lower_layer_failed(&cx, &deps).await });
        // The gateway fails first; the lease, lower, fails a moment later and is the reason.
        board.publish(&finished(GATEWAY_ID, Severity::Fail, serde_json::Value::Null));
        board.publish(&finished(LINK_ID, Severity::Pass, serde_json::Value::Null));
        tokio::time::sleep(Duration::from_millis(20)).await;
        board.publish(&finished(LEASE_ID, Severity::Fail, serde_json::Value::Null));
        let stopped = waiting.await.unwrap();
        assert_eq!(stopped.stopped_by, LEASE_ID);
        assert_eq!(stopped.reason, "this computer has no address on the network");
    }

    #[test]
    fn loss_starts_where_it_persists() {
        let s = snap(vec![hop(1, 0.0), hop(2, 0.0), hop(3, 20.0), hop(4, 30.0)], true);
        assert_eq!(loss_start(&s, 2.0).map(|h| h.ttl), Some(3));
        // Loss at a middle router only: rate limiting, not real loss.
        let s = snap(vec![hop(1, 0.0), hop(2, 40.0), hop(3, 0.0)], true);
        assert_eq!(loss_start(&s, 2.0).map(|h| h.ttl), None);
        // Persistent but below the warning threshold: nothing to warn about.
        let s = snap(vec![hop(1, 0.0), hop(2, 10.0), hop(3, 10.0)], true);
        assert_eq!(loss_start(&s, 20.0).map(|h| h.ttl), None);
    }

    #[test]
    fn loss_on_the_access_line_is_placed_there_with_the_destination_amount() {
        let config = Config::default();
        let mut hops = vec![hop(1, 0.0), hop(2, 20.0), hop(3, 60.0), hop(4, 20.0)];
        hops[1].echo = Some(trace::EchoCounts { sent: 40, received: 32, loss_percent: 20.0 });
        let s = snap(hops, true);
        let f = &trace_findings(&s, "far.test", &config)[0];
        assert!(f.evidence.iter().any(|e| format!("{e:?}").contains("hop 2 20% of 40")), "{f:?}");
        assert_eq!(f.severity, Severity::Warn);
        assert!(f.summary.contains("starting at hop 2") && f.summary.contains("20% of packets"), "{}", f.summary);
    }

    #[test]
    fn a_last_router_answering_unreachable_now_and_then_is_no_loss_warning() {
        // The office router says "network unreachable" to 1 of 3 probes (rate limiting).
        let config = Config::default();
        let s = snap(vec![hop(1, 0.0), hop(2, 70.0)], false);
        assert_eq!(loss_start(&s, config.thresholds.loss_warn_percent), None);
        let f = &trace_findings(&s, "far.test", &config)[0];
        assert_eq!(f.title, "Path ends early", "{f:?}");
        assert!(f.evidence.iter().any(|e| format!("{e:?}").contains("Rate-limited")), "{f:?}");
    }

    #[test]
    fn rate_limited_hops_give_a_clean_pass_with_microsecond_times() {
        let config = Config::default();
        let mut hops = vec![hop(1, 0.0), hop(2, 50.0), hop(3, 0.0)];
        hops[0].avg_ms = Some(0.052);
        let s = snap(hops, true);
        let f = &trace_findings(&s, "far.test", &config)[0];
        assert_eq!(f.severity, Severity::Pass, "{f:?}");
        let detail = f.detail.clone().unwrap_or_default();
        assert!(detail.contains("0.052 ms") && detail.contains("rate-limited, not loss"), "{detail}");
        let lines: Vec<&str> = detail.lines().collect();
        assert_eq!(
            lines[..2],
            [" 1. 10.0.0.1  0.052 ms, 0% (no loss)", " 2. 10.0.0.2  1.00 ms, 50% (rate-limited, not loss)"]
        );
        let danish = f.detail_in(Lang::Da).unwrap_or_default();
        let lines: Vec<&str> = danish.lines().collect();
        assert_eq!(
            lines[..2],
            [" 1. 10.0.0.1  0.052 ms, 0 % (intet tab)", " 2. 10.0.0.2  1.00 ms, 50 % (begrænser svar, ikke tab)"]
        );
    }

    #[test]
    fn findings_and_skip_reasons_read_in_danish_and_keep_their_english() {
        let settings = Config::default().network.wifi;
        let mut weak = WifiLink::empty();
        weak.ssid = Some("Kontor".into());
        weak.signal_dbm = Some(-78);
        weak.set_frequency(5180);
        let adapters =
            vec![WifiAdapter { interface: "wlan0".into(), description: None, link: Some(weak), state: None }];
        let f = &wifi_findings(&adapters, "nl80211", &settings)[0];
        assert_eq!((f.severity, f.title.as_str()), (Severity::Warn, "Wi-Fi signal weak"));
        assert_eq!(f.summary, "The Wi-Fi signal is weak (-78 dBm): move closer to the access point or use a cable.");
        assert_eq!(f.title_in(Lang::Da), "Svagt Wi-Fi-signal");
        assert_eq!(
            f.summary_in(Lang::Da),
            "Wi-Fi-signalet er svagt (-78 dBm): gå tættere på adgangspunktet, eller brug et netværkskabel."
        );
        assert!(f.next_step_in(Lang::Da).unwrap().contains("netværkskabel"), "{f:?}");
        // The technician's sentence, with the thresholds, in both languages.
        assert_eq!(
            f.detail.as_deref(),
            Some(
                "wlan0 associated on 5 GHz channel 36. Thresholds: warn below -70 dBm, fail below -80 dBm; on 2.4 GHz warn below 30 Mbit/s with a good signal."
            )
        );
        assert!(f.detail_in(Lang::Da).unwrap().starts_with("wlan0 er forbundet på 5 GHz kanal 36. Grænser:"), "{f:?}");

        // A check stopped by a lower layer says why, in the reader's language.
        let stopped = Stopped { reason: failure_reason(LEASE_ID), stopped_by: LEASE_ID.into() };
        let f = not_tested(&stopped, &[DEFAULT_GATEWAY_TARGET.to_string()]);
        assert_eq!(f.summary, "Not tested: this computer has no address on the network.");
        assert_eq!(
            f.detail.as_deref(),
            Some(
                "Not tried because net.dhcp.lease found: this computer has no address on the network. Would have tried: the default gateway."
            )
        );
        assert_eq!(f.summary_in(Lang::Da), "Ikke testet: computeren har ingen adresse på netværket.");
        assert!(f.detail_in(Lang::Da).unwrap().ends_with("Ville have prøvet: standardgatewayen."), "{f:?}");

        // A skip reason keeps its message, so the outcome reads in Danish too.
        let outcome = Outcome::skipped(msg!("net-dhcp-probe-no-lease", interface = "eth0"));
        assert_eq!(
            outcome.reason().as_deref(),
            Some("not run: eth0 did not get its address by DHCP (no lease found), so there is no DHCP server to ask")
        );
        assert!(outcome.reason_in(Lang::Da).unwrap().starts_with("ikke kørt: eth0 fik ikke sin adresse fra DHCP"));
        // Every check of the suite has a title message equal to its English title.
        for check in checks().into_iter().chain([dhcp_probe()]) {
            let m = check.meta();
            let id = format!("check-{}", m.id.replace('.', "-"));
            assert_eq!(i18n::tr(Lang::En, &id), m.title, "{id}");
            assert_ne!(i18n::tr(Lang::Da, &id), id, "{id} has no Danish title");
        }
    }

    fn failure_reason(id: &str) -> String {
        failure_of(&finished(id, Severity::Fail, serde_json::Value::Null)).unwrap()
    }
}
