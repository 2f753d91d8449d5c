//! Printers area: the local CUPS queues (default, paused queues, stuck jobs) and the status
//! of every printer (queues, configured URIs, printers found by mDNS): state, reasons,
//! supplies, reachability. On demand: a test page, and cancelling stuck jobs.
//! The local queues are CUPS queues or, on Windows, the print spooler's (`hw::printer::spool`);
//! the Windows Print Spooler service has its own checks in `spooler`.

pub mod spooler;

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::config::Config;
use crate::hw::printer::{
    self, CupsQueues, PrinterError, PrinterState, PrinterStatus, QueryOptions, ReasonSeverity, SubmittedJob,
    SupplyCondition, TestPage, mdns,
};
use crate::i18n::{self, Lang, Msg};
use crate::model::{Attachment, Category, Finding, Severity};
use crate::net::{dns, join_all, ping, reach};
use crate::{msg, t};

/// The printer checks of every run of the area.
pub fn checks() -> Vec<CheckBox> {
    vec![Arc::new(Queues), Arc::new(Status), Arc::new(spooler::SpoolerState)]
}

/// Run only when asked: they print paper or change the queue. `printers.jobs.cancel_stuck`
/// as listed here cancels nothing; runners build it with the user's approval (`cancel_approved`).
pub fn on_demand() -> Vec<CheckBox> {
    vec![Arc::new(Reach), Arc::new(TestPageCheck), Arc::new(cancel_unapproved()), spooler::restart_unapproved()]
}

/// Per IPP request; an "all attributes" answer is a few kB even from slow printers.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(8);
/// How long mDNS browsing listens for announcements.
const MDNS_WINDOW: Duration = Duration::from_secs(3);
/// The usual printing ports: IPP, raw/JetDirect, LPD.
const PRINTER_PORTS: [u16; 3] = [631, 9100, 515];

fn meta(id: &'static str, title: &'static str, description: &'static str, timeout_s: u64) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::Printers,
        description,
        timeout: Duration::from_secs(timeout_s),
        needs: Needs { root: false, network: true },
    }
}

fn query_options(config: &Config) -> QueryOptions {
    QueryOptions {
        timeout: REQUEST_TIMEOUT,
        stuck_after: Duration::from_secs(config.printers.stuck_job_minutes.saturating_mul(60)),
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, CheckError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| CheckError::Failed(format!("printer probe did not finish: {e}")))
}

/// Attachment file name from a printer name or URI.
fn file_name(name: &str) -> String {
    let s: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
    format!("{}.txt", s.trim_matches('_'))
}

/// The local queues (CUPS, or the Windows spooler), or why there are none to read.
/// Unreachable CUPS = no CUPS here.
async fn local_queues(config: &Config) -> Result<CupsQueues, PrinterError> {
    let server = config.printers.cups_server.clone();
    let opts = query_options(config);
    blocking(move || printer::spool::local_queues(server.as_deref(), &opts))
        .await
        .map_err(|e| PrinterError::Protocol { operation: "CUPS", reason: e.to_string(), uri: String::new() })?
}

fn no_cups(err: &PrinterError) -> CheckError {
    CheckError::UnsupportedMsg(msg!("printers-no-cups", error = err.to_string()))
}

/// Findings for one printer's status (not its reachability or, for queues, its jobs).
pub fn status_findings(s: &PrinterStatus, include_jobs: bool) -> Vec<Finding> {
    let name = s.display_name();
    let mut findings = Vec::new();
    let with_facts = |mut f: Finding| {
        if let Some(m) = &s.make_and_model {
            f = f.evidence("Make and model", m);
        }
        f = f.evidence("State", s.state.label());
        if let Some(m) = &s.state_message {
            f = f.evidence("Printer says", m);
        }
        if !s.state_reasons.is_empty() {
            f = f.evidence(
                "State reasons",
                s.state_reasons.iter().map(|r| r.keyword.as_str()).collect::<Vec<_>>().join(", "),
            );
        }
        f.evidence("Address", &s.uri)
    };
    for r in &s.state_reasons {
        let severity = match r.severity {
            ReasonSeverity::Error => Severity::Fail,
            ReasonSeverity::Warning => Severity::Warn,
            ReasonSeverity::Report => continue,
        };
        // Supply levels get their own, more precise findings below.
        if matches!(r.reason.as_str(), "toner-low" | "marker-supply-low") && !s.supplies.is_empty() {
            continue;
        }
        // The message words each known keyword plainly and keeps the keyword in the title.
        findings.push(with_facts(Finding::msg(severity, msg!("printers-reason", reason = &r.reason, name = &name))));
    }
    if s.state == PrinterState::Stopped && !findings.iter().any(|f| f.severity == Severity::Fail) {
        findings.push(with_facts(Finding::msg(Severity::Fail, msg!("printers-stopped", name = &name))));
    }
    if s.accepting_jobs == Some(false) {
        findings.push(with_facts(Finding::msg(Severity::Warn, msg!("printers-not-accepting", name = &name))));
    }
    for supply in &s.supplies {
        let level = supply.level.describe();
        let (severity, message) = match (supply.condition(), supply.fills_up) {
            (SupplyCondition::Empty, false) => (Severity::Fail, msg!("printers-supply-empty")),
            (SupplyCondition::Empty, true) => (Severity::Fail, msg!("printers-waste-full")),
            (SupplyCondition::Low, false) => (Severity::Warn, msg!("printers-supply-low")),
            (SupplyCondition::Low, true) => (Severity::Warn, msg!("printers-waste-nearly-full")),
            _ => continue,
        };
        let message = message.arg("supply", &supply.name).arg("name", &name).arg("level", supply.level.keyword());
        let mut f = Finding::msg(severity, message).evidence("Supply", &supply.name).evidence("Level", &level);
        if let Some(k) = &supply.kind {
            f = f.evidence("Type", k);
        }
        findings.push(f.evidence("Printer", &name));
    }
    if include_jobs {
        findings.extend(stuck_jobs_finding(s));
    }
    if findings.is_empty() {
        let mut f =
            with_facts(Finding::msg(Severity::Pass, msg!("printers-ready", name = &name, state = s.state.label())));
        for supply in &s.supplies {
            f = f.evidence(&supply.name, supply.level.describe());
        }
        findings.push(f);
    }
    findings
}

fn stuck_jobs_finding(s: &PrinterStatus) -> Option<Finding> {
    let stuck: Vec<_> = s.stuck_jobs().collect();
    if stuck.is_empty() {
        return None;
    }
    let mut f = Finding::msg(Severity::Warn, msg!("printers-stuck-jobs", count = stuck.len(), name = s.display_name()));
    for j in &stuck {
        let age = j.age_secs.map(|a| format!(", {} min", a / 60)).unwrap_or_default();
        f = f.evidence(
            format!("Job {}", j.id),
            format!(
                "{} ({}{age}){}",
                j.name.as_deref().unwrap_or("untitled"),
                j.state.label(),
                j.user.as_deref().map(|u| format!(" by {u}")).unwrap_or_default()
            ),
        );
    }
    Some(f)
}

// ---------------------------------------------------------------- printers.queues

struct Queues;
static QUEUES: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "printers.queues",
        "Print queues",
        "The printers set up on this computer (CUPS queues), the default printer, paused queues and stuck jobs.",
        30,
    )
});

#[async_trait]
impl Check for Queues {
    fn meta(&self) -> &CheckMeta {
        &QUEUES
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let cups = match local_queues(&cx.config).await {
            Ok(c) => c,
            Err(e @ PrinterError::Unreachable { .. }) => return Err(no_cups(&e)),
            Err(e @ PrinterError::Spooler { .. }) => {
                return Err(CheckError::Failed(format!(
                    "could not read the print queues: {e}. {}",
                    spooler::restart_step(Lang::En)
                )));
            }
            Err(e) => return Err(CheckError::Failed(format!("could not read the print queues: {e}"))),
        };
        let mut findings = Vec::new();
        if cups.queues.is_empty() {
            findings
                .push(Finding::msg(Severity::Info, msg!("printers-no-queues")).evidence("Print server", &cups.server));
        } else {
            let list: Vec<String> = cups
                .queues
                .iter()
                .map(|q| {
                    format!(
                        "{} ({}{})",
                        q.display_name(),
                        q.state.label(),
                        if q.accepting_jobs == Some(false) { ", rejecting jobs" } else { "" }
                    )
                })
                .collect();
            let mut f = Finding::msg(
                Severity::Info,
                msg!("printers-queues", count = cups.queues.len(), list = list.join(", ")),
            );
            for q in &cups.queues {
                f = f.evidence(q.display_name(), q.device_uri.clone().unwrap_or_else(|| q.uri.clone()));
            }
            findings.push(f);
            match &cups.default {
                Some(d) => findings
                    .push(Finding::msg(Severity::Pass, msg!("printers-default", name = d)).evidence("Default", d)),
                None => findings.push(Finding::msg(Severity::Warn, msg!("printers-no-default"))),
            }
        }
        for q in &cups.queues {
            let name = q.display_name();
            // A CUPS queue is stopped when paused; a spooler queue also on errors, which the
            // status check words by their reasons.
            let paused = q.state_reasons.iter().any(|r| r.reason == "paused");
            if q.state == PrinterState::Stopped && (cups.server != printer::spool::SPOOLER_SERVER || paused) {
                let message = if cups.server == printer::spool::SPOOLER_SERVER {
                    msg!("printers-queue-paused-spooler", name = &name)
                } else {
                    msg!("printers-queue-paused", name = &name)
                };
                findings.push(Finding::msg(Severity::Warn, message).evidence("Queue", &name));
            }
            if q.accepting_jobs == Some(false) {
                findings.push(
                    Finding::msg(Severity::Warn, msg!("printers-queue-rejects", name = &name)).evidence("Queue", &name),
                );
            }
            findings.extend(stuck_jobs_finding(q));
        }
        let mut result = CheckResult::new(findings);
        for q in &cups.queues {
            result =
                result.attach(Attachment::text(file_name(&format!("queue-{}", q.display_name())), &q.raw_attributes));
        }
        Ok(result.with_data(cups))
    }
}

// ---------------------------------------------------------------- printers.status

/// Where a printer in the status check came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrinterSource {
    Queue,
    Configured,
    Discovered,
}

/// Can the printer's host be reached: ping and the printing ports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reachability {
    pub host: String,
    pub address: Option<IpAddr>,
    pub ping_received: Option<u32>,
    pub ping_sent: Option<u32>,
    pub ping_error: Option<String>,
    pub ports: Vec<reach::TcpResult>,
}

impl Reachability {
    pub fn answers_ping(&self) -> bool {
        self.ping_received.is_some_and(|r| r > 0)
    }

    pub fn open_ports(&self) -> Vec<u16> {
        self.ports.iter().filter(|p| p.connected).filter_map(|p| p.address.map(|a| a.port())).collect()
    }
}

/// One printer the status check looked at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrinterEntry {
    pub uri: String,
    pub source: PrinterSource,
    pub status: Option<PrinterStatus>,
    pub error: Option<String>,
    pub reachability: Option<Reachability>,
}

/// Everything `printers.status` saw, for the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusData {
    pub printers: Vec<PrinterEntry>,
    pub discovered: Vec<mdns::Discovered>,
    /// Why the local queues were not read, when they were not.
    pub queues_note: Option<String>,
    pub discovery_note: Option<String>,
}

/// Ping the host and try the printing ports (plus the URI's own port).
pub async fn reachability(uri: &str, timeout: Duration) -> Option<Reachability> {
    let host = printer::uri_host(uri)?;
    let mut ports: Vec<u16> = printer::uri_port(uri).into_iter().collect();
    for p in PRINTER_PORTS {
        if !ports.contains(&p) {
            ports.push(p);
        }
    }
    let address = dns::resolve_host(&host, timeout).await.ok().and_then(|a| a.first().copied());
    let bracketed = if host.contains(':') { format!("[{host}]") } else { host.clone() };
    let tcp = join_all(ports.iter().map(|p| {
        let target = format!("{bracketed}:{p}");
        async move { reach::tcp_connect(&target, timeout).await }
    }));
    let opts =
        ping::PingOptions { count: 3, interval: Duration::from_millis(200), timeout, ..ping::PingOptions::default() };
    let (ping_received, ping_sent, ping_error) = match address {
        Some(ip) => match ping::ping(ip, &opts, None).await {
            Ok(s) => (Some(s.received), Some(s.sent), s.probe_error),
            Err(e) => (None, None, Some(e.to_string())),
        },
        None => (None, None, Some(format!("{host} does not resolve to an address"))),
    };
    Some(Reachability { host, address, ping_received, ping_sent, ping_error, ports: tcp.await })
}

/// The Fail finding for a printer that does not answer IPP, worded by what still answers.
pub fn unreachable_finding(name: &str, uri: &str, err: &PrinterError, r: Option<&Reachability>) -> Finding {
    let host = r.map(|r| r.host.clone()).or_else(|| printer::uri_host(uri)).unwrap_or_else(|| uri.to_string());
    let message = match r {
        // Something answers at the address: the printer is on, its print service is not.
        Some(r) if r.answers_ping() || !r.open_ports().is_empty() => {
            msg!("printers-unreachable-service", name = name, host = host)
        }
        _ => msg!("printers-unreachable", name = name, host = host),
    };
    let mut f = Finding::msg(Severity::Fail, message).detail(err.to_string()).evidence("Address", uri);
    if let Some(r) = r {
        f = f.evidence(
            "Ping",
            match (r.ping_received, r.ping_sent) {
                (Some(rcv), Some(sent)) => format!("{rcv} of {sent} answered"),
                _ => r.ping_error.clone().unwrap_or_else(|| "not sent".into()),
            },
        );
        for p in &r.ports {
            let port = p.target.rsplit(':').next().unwrap_or("");
            f = f.evidence(
                format!("TCP {port}"),
                if p.connected { "open".to_string() } else { p.error.clone().unwrap_or_else(|| "closed".into()) },
            );
        }
    }
    f
}

/// The finding for a configured address that is not a printer address.
fn not_an_address(uri: &str, problem: printer::UriProblem, reason: &str) -> Finding {
    Finding::msg(
        Severity::Fail,
        msg!("printers-not-an-address", uri = uri, problem = problem.keyword(), reason = reason),
    )
}

struct Status;
static STATUS: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "printers.status",
        "Printer status",
        "Each printer's state, error reasons, toner and ink levels, stuck jobs and whether it can be reached.",
        45,
    )
});

#[async_trait]
impl Check for Status {
    fn meta(&self) -> &CheckMeta {
        &STATUS
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let config = cx.config.clone();
        let opts = query_options(&config);
        let (queues, queues_note) = match local_queues(&config).await {
            Ok(c) => (c.queues, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let (discovered, discovery_note) = if config.printers.discover_mdns {
            cx.progress(&t!("printers-progress-mdns"));
            match blocking(|| mdns::discover(MDNS_WINDOW)).await? {
                Ok(d) => (d, None),
                Err(e) => (Vec::new(), Some(e.to_string())),
            }
        } else {
            (Vec::new(), Some("mDNS discovery is switched off (printers.discover_mdns)".into()))
        };
        let mut targets: Vec<(String, PrinterSource)> = Vec::new();
        for uri in &config.printers.uris {
            if !targets.iter().any(|(u, _)| u == uri) {
                targets.push((uri.clone(), PrinterSource::Configured));
            }
        }
        for d in &discovered {
            if !targets.iter().any(|(u, _)| *u == d.uri)
                && !queues.iter().any(|q| q.device_uri.as_deref() == Some(&d.uri))
            {
                targets.push((d.uri.clone(), PrinterSource::Discovered));
            }
        }
        // The message words "switched off" and "nothing found"; an error is shown as it is.
        let discovery_said = match (&discovery_note, config.printers.discover_mdns) {
            (_, false) => "switched-off".to_string(),
            (Some(note), true) => note.clone(),
            (None, true) => "nothing-found".to_string(),
        };
        if queues.is_empty() && targets.is_empty() {
            let queues_said = queues_note.clone().unwrap_or_else(|| "none".into());
            return Ok(CheckResult::new(vec![Finding::msg(
                Severity::Info,
                msg!("printers-none-to-check", queues = queues_said, discovery = discovery_said),
            )])
            .with_data(StatusData { printers: Vec::new(), discovered, queues_note, discovery_note }));
        }
        cx.progress(&t!("printers-progress-asking", count = targets.len() + queues.len()));
        let probe_timeout = Duration::from_millis(cx.config.network.probe_timeout_ms.max(200));
        let queried = join_all(targets.into_iter().map(|(uri, source)| async move {
            let u = uri.clone();
            let result = blocking(move || printer::printer_status(&u, &opts)).await;
            let (status, error) = match result {
                Ok(Ok(s)) => (Some(s), None),
                Ok(Err(e)) => (None, Some(e)),
                Err(e) => (
                    None,
                    Some(PrinterError::Protocol { operation: "status", reason: e.to_string(), uri: uri.clone() }),
                ),
            };
            // Reachability for every network printer: it tells "printer off" from "IPP off".
            let reach = reachability(&uri, probe_timeout).await;
            (uri, source, status, error, reach)
        }))
        .await;
        // Queues whose device is a network printer: probe that device too.
        let queue_reach = join_all(queues.iter().map(|q| {
            let device = q.device_uri.clone().filter(|d| {
                ["ipp://", "ipps://", "socket://", "lpd://", "http://", "https://"].iter().any(|s| d.starts_with(s))
            });
            async move {
                match device {
                    Some(d) => reachability(&d, probe_timeout).await,
                    None => None,
                }
            }
        }))
        .await;

        let mut findings = Vec::new();
        let mut entries = Vec::new();
        let mut result = CheckResult::default();
        for (q, reach) in queues.into_iter().zip(queue_reach) {
            findings.extend(status_findings(&q, false));
            if let Some(r) = &reach
                && !r.answers_ping()
                && r.open_ports().is_empty()
            {
                let err = PrinterError::Unreachable {
                    reason: "no ping reply, no printing port open".into(),
                    uri: q.device_uri.clone().unwrap_or_default(),
                };
                findings.push(unreachable_finding(
                    &q.display_name(),
                    q.device_uri.as_deref().unwrap_or(&q.uri),
                    &err,
                    Some(r),
                ));
            }
            result =
                result.attach(Attachment::text(file_name(&format!("queue-{}", q.display_name())), &q.raw_attributes));
            entries.push(PrinterEntry {
                uri: q.uri.clone(),
                source: PrinterSource::Queue,
                status: Some(q),
                error: None,
                reachability: reach,
            });
        }
        for (uri, source, status, error, reach) in queried {
            match (&status, &error) {
                (Some(s), _) => {
                    findings.extend(status_findings(s, true));
                    result = result.attach(Attachment::text(file_name(&s.uri), &s.raw_attributes));
                }
                (None, Some(e @ (PrinterError::Unreachable { .. } | PrinterError::Http { .. }))) => {
                    findings.push(unreachable_finding(&uri, &uri, e, reach.as_ref()));
                }
                (None, Some(PrinterError::InvalidUri { problem, reason, .. })) => {
                    findings.push(not_an_address(&uri, *problem, reason))
                }
                (None, Some(e)) => findings
                    .push(Finding::msg(Severity::Fail, msg!("printers-bad-answer", uri = &uri)).detail(e.to_string())),
                (None, None) => {}
            }
            entries.push(PrinterEntry {
                uri,
                source,
                status,
                error: error.map(|e| e.to_string()),
                reachability: reach,
            });
        }
        result.findings = findings;
        Ok(result.with_data(StatusData { printers: entries, discovered, queues_note, discovery_note }))
    }
}

// ---------------------------------------------------------------- printers.reach (on demand)

/// The connection question alone, for the printer checklist's "can this computer reach the
/// printer?" step: does each printer answer IPP, and if not, does its address answer at all.
/// Toner and paper are other steps' business, so they never make this one fail.
struct Reach;
static REACH: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "printers.reach",
        "Printer connection",
        "Whether this computer can reach each printer: its print service, ping and the printing ports.",
        30,
    )
});

/// Where the reach check looks: the configured printers, else the local queues' network
/// devices (the default queue first). USB and other local devices have no address to probe.
async fn reach_targets(config: &Config) -> (Vec<(String, String)>, Option<String>) {
    if !config.printers.uris.is_empty() {
        return (config.printers.uris.iter().map(|u| (u.clone(), u.clone())).collect(), None);
    }
    match local_queues(config).await {
        Ok(c) => {
            let mut queues = c.queues;
            queues.sort_by_key(|q| q.queue != c.default);
            let network = queues
                .iter()
                .filter_map(|q| {
                    let d = q.device_uri.clone()?;
                    let is_network = ["ipp://", "ipps://", "http://", "https://"].iter().any(|s| d.starts_with(s));
                    is_network.then(|| (q.display_name(), d))
                })
                .collect();
            (network, None)
        }
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}

#[async_trait]
impl Check for Reach {
    fn meta(&self) -> &CheckMeta {
        &REACH
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let config = cx.config.clone();
        let (targets, note) = reach_targets(&config).await;
        if targets.is_empty() {
            return Err(CheckError::UnsupportedMsg(match note {
                Some(n) => msg!("printers-reach-none-server", error = n),
                None => msg!("printers-reach-none"),
            }));
        }
        let opts = query_options(&config);
        let probe_timeout = Duration::from_millis(config.network.probe_timeout_ms.max(200));
        cx.progress(&t!("printers-progress-trying", count = targets.len()));
        let results = join_all(targets.into_iter().map(|(name, uri)| async move {
            let u = uri.clone();
            let answer = blocking(move || printer::printer_status(&u, &opts)).await;
            let reach = reachability(&uri, probe_timeout).await;
            (name, uri, answer, reach)
        }))
        .await;
        let mut findings = Vec::new();
        let mut data = Vec::new();
        for (name, uri, answer, reach) in results {
            let error = match answer {
                Ok(Ok(status)) => {
                    findings.push(
                        Finding::msg(
                            Severity::Pass,
                            msg!("printers-reachable", name = status.display_name(), state = status.state.label()),
                        )
                        .evidence("Address", uri.clone()),
                    );
                    None
                }
                Ok(Err(e)) => {
                    findings.push(unreachable_finding(&name, &uri, &e, reach.as_ref()));
                    Some(e.to_string())
                }
                Err(e) => {
                    findings.push(
                        Finding::msg(Severity::Warn, msg!("printers-not-checked", name = &name)).detail(format!("{e}")),
                    );
                    Some(format!("{e}"))
                }
            };
            data.push(serde_json::json!({ "printer": name, "uri": uri, "error": error, "reachability": reach }));
        }
        Ok(CheckResult::new(findings).with_data(crate::model::ListData::new(data)))
    }
}

// ---------------------------------------------------------------- printers.test_page (on demand)

/// Where the test page goes: the first configured printer, else the default queue.
async fn test_page_target(config: &Config) -> Result<String, CheckError> {
    if let Some(uri) = config.printers.uris.first() {
        return Ok(uri.clone());
    }
    let server = config.printers.cups_server.clone();
    let opts = query_options(config);
    match blocking(move || printer::spool::default_destination(server.as_deref(), &opts)).await? {
        Ok(Some(uri)) => Ok(uri),
        Ok(None) => Err(CheckError::SkippedMsg(msg!("printers-test-page-no-target"))),
        Err(e) => Err(CheckError::SkippedMsg(msg!("printers-test-page-no-server", error = e.to_string()))),
    }
}

struct TestPageCheck;
static TEST_PAGE: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "printers.test_page",
        "Print a test page",
        "Prints one page naming this computer, the time and the printer, to the first configured printer or the default one.",
        30,
    )
});

/// What the test page check did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestPageData {
    pub job: SubmittedJob,
    pub hostname: String,
    pub time: String,
}

#[async_trait]
impl Check for TestPageCheck {
    fn meta(&self) -> &CheckMeta {
        &TEST_PAGE
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let uri = test_page_target(&cx.config).await?;
        let hostname = crate::platform::host_info().hostname;
        let time = chrono::Utc::now().format("%Y-%m-%d %H:%M:%S UTC").to_string();
        let page = TestPage {
            hostname: hostname.clone(),
            time: time.clone(),
            printer: uri.clone(),
            tool: format!("deskcheck {}", env!("CARGO_PKG_VERSION")),
        };
        let opts = query_options(&cx.config);
        let u = uri.clone();
        // The page goes out only while the run goes on and there is time for the Print-Job
        // request to finish before the engine's timeout.
        let stop = Arc::new(AtomicBool::new(false));
        let _stop_on_drop = StopOnDrop(stop.clone());
        let send_by = Instant::now() + TEST_PAGE.timeout.saturating_sub(stop_margin(TEST_PAGE.timeout) + opts.timeout);
        let go_on = move || !stop.load(Ordering::SeqCst) && Instant::now() < send_by;
        let finding = match blocking(move || printer::print_test_page(&u, &page, &opts, &go_on)).await? {
            Ok(job) => {
                let message = msg!(
                    "printers-test-page-sent",
                    uri = &uri,
                    job = job.job_id.to_string(),
                    host = &hostname,
                    time = &time
                );
                let mut f = Finding::msg(Severity::Pass, message)
                    .evidence("Printer", &uri)
                    .evidence("Job", job.job_id.to_string())
                    .evidence("Format", &job.document_format);
                if let Some(r) = &job.rendering {
                    f = f.evidence("Rendered as", r);
                }
                tracing::info!("test page sent to {uri} as job {} ({})", job.job_id, job.document_format);
                return Ok(CheckResult::new(vec![f]).with_data(TestPageData { job, hostname, time }));
            }
            Err(e @ PrinterError::Stopped { .. }) => {
                tracing::info!("test page: {e}");
                Finding::msg(Severity::Warn, msg!("printers-test-page-stopped")).detail(e.to_string())
            }
            Err(e @ PrinterError::NoUsableFormat { .. }) => {
                Finding::msg(Severity::Fail, msg!("printers-test-page-no-format", uri = &uri)).detail(e.to_string())
            }
            Err(e @ PrinterError::Unreachable { .. }) => unreachable_finding(&uri, &uri, &e, None),
            Err(e) => Finding::msg(Severity::Fail, msg!("printers-test-page-failed", uri = &uri)).detail(e.to_string()),
        };
        Ok(CheckResult::new(vec![finding]))
    }
}

// ---------------------------------------------------------------- printers.jobs.cancel_stuck (on demand)
//
// Consent, in three parts: `cancel_offer` reads the stuck jobs and sorts them (yours, other
// users', held); the caller shows that list and asks which ids to cancel (`Approval`); the
// check built by `cancel_approved` cancels exactly those jobs, by id, from the list that was
// shown — it reads no job list of its own. Without an approval it cancels nothing.

pub const CANCEL_STUCK_ID: &str = "printers.jobs.cancel_stuck";

/// Whether a checklist step running `probe` acts only on the user's approval (answers files
/// give it as "yes"/"no", "all"/"none" or job ids): cancelling jobs, restarting the spooler.
pub fn takes_approval(probe: &str) -> bool {
    probe == CANCEL_STUCK_ID || probe == spooler::RESTART_SPOOLER_ID
}

/// One job as it was shown before cancelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownJob {
    /// The printer or queue URI the job is cancelled at.
    pub printer_uri: String,
    /// The queue or printer name people know.
    pub printer: String,
    pub id: i32,
    pub owner: Option<String>,
    pub title: Option<String>,
    pub age_secs: Option<i64>,
    pub state: printer::JobState,
    /// Submitted by the user deskcheck runs as.
    pub yours: bool,
}

impl ShownJob {
    /// "job 12 on office: "report.pdf" by alice, waiting for 14 min", in `lang`.
    pub fn line_in(&self, lang: Lang) -> String {
        let (age_kind, age) = match self.age_secs {
            Some(a) if a >= 120 => ("min", a / 60),
            Some(a) => ("s", a),
            None => ("none", 0),
        };
        let m = msg!(
            "printers-job-line",
            id = self.id.to_string(),
            printer = &self.printer,
            title_kind = if self.title.is_some() { "given" } else { "none" },
            title = self.title.clone().unwrap_or_default(),
            owner_kind = if self.owner.is_some() { "given" } else { "none" },
            owner = self.owner.clone().unwrap_or_default(),
            state = self.state.label(),
            age_kind = age_kind,
            age = age.to_string(),
        );
        i18n::text(lang, &m)
    }
}

/// What the cancel step shows: the stuck jobs it may cancel, and the ones it leaves alone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelOffer {
    /// The user deskcheck runs as (the `requesting-user-name` it sends).
    pub user: String,
    /// Whether other users' stuck jobs are offered too (off unless asked for).
    pub others_allowed: bool,
    /// Every stuck job (pending or stopped past the limit), yours and others'.
    pub stuck: Vec<ShownJob>,
    /// Held jobs (secure release, hold-until): never stuck, never offered.
    pub held: Vec<ShownJob>,
    /// Printers whose jobs could not be read.
    pub notes: Vec<String>,
}

impl CancelOffer {
    /// The jobs the user may approve.
    pub fn offered(&self) -> Vec<&ShownJob> {
        self.stuck.iter().filter(|j| j.yours || self.others_allowed).collect()
    }

    /// Other users' stuck jobs when they are not offered: shown as "not yours, left alone".
    pub fn not_yours(&self) -> Vec<&ShownJob> {
        self.stuck.iter().filter(|j| !j.yours && !self.others_allowed).collect()
    }

    /// The list as shown on a terminal or in the report, one job a line, in `lang`.
    pub fn describe_in(&self, lang: Lang) -> Vec<String> {
        let said = |m: Msg| i18n::text(lang, &m);
        let mut out: Vec<String> = self.offered().iter().map(|j| format!("[{}] {}", j.id, j.line_in(lang))).collect();
        out.extend(self.not_yours().iter().map(|j| said(msg!("printers-offer-not-yours", job = j.line_in(lang)))));
        out.extend(self.held.iter().map(|j| said(msg!("printers-offer-held", job = j.line_in(lang)))));
        out.extend(self.notes.iter().map(|n| said(msg!("printers-offer-not-read", note = n))));
        out
    }

    /// The list in English, as the report's evidence keeps it.
    pub fn describe(&self) -> Vec<String> {
        self.describe_in(Lang::En)
    }
}

/// Reads the stuck and held jobs of the local queues and the configured printers (blocking).
pub fn cancel_offer(config: &Config, others_allowed: bool) -> CancelOffer {
    let opts = query_options(config);
    let user = printer::current_user();
    let mut printers: Vec<(String, String, Vec<printer::Job>)> = Vec::new();
    let mut notes = Vec::new();
    match printer::spool::local_queues(config.printers.cups_server.as_deref(), &opts) {
        Ok(c) => printers.extend(c.queues.into_iter().map(|q| (q.uri.clone(), q.display_name(), q.jobs))),
        Err(e) => notes.push(format!("local queues: {e}")),
    }
    for uri in &config.printers.uris {
        match printer::jobs(uri, &opts) {
            Ok(j) => printers.push((uri.clone(), uri.clone(), j)),
            Err(e) => notes.push(e.to_string()),
        }
    }
    let mut offer = CancelOffer { user: user.clone(), others_allowed, notes, ..CancelOffer::default() };
    for (uri, name, jobs) in printers {
        for j in jobs {
            let shown = ShownJob {
                printer_uri: uri.clone(),
                printer: name.clone(),
                id: j.id,
                // A job whose owner the server hides is never taken for yours.
                yours: j.user.as_deref() == Some(user.as_str()),
                owner: j.user,
                title: j.name,
                age_secs: j.age_secs,
                state: j.state,
            };
            if j.state == printer::JobState::Held {
                offer.held.push(shown);
            } else if j.stuck {
                offer.stuck.push(shown);
            }
        }
    }
    offer
}

/// Which of the shown jobs the user approved, as typed or written in an answers file:
/// "all" (every offered job shown), "none", or job ids ("12 14", "12, 14", "jobs 12 14").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approval {
    AllShown,
    Nothing,
    Ids(Vec<i32>),
}

impl Approval {
    pub fn parse(text: &str) -> Result<Approval, String> {
        let t = text.trim().to_ascii_lowercase();
        match t.as_str() {
            "all" | "yes" | "all shown" => return Ok(Approval::AllShown),
            "none" | "no" | "" => return Ok(Approval::Nothing),
            _ => {}
        }
        let list = t.strip_prefix("jobs").or_else(|| t.strip_prefix("job")).unwrap_or(&t);
        let ids: Result<Vec<i32>, _> =
            list.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(str::parse).collect();
        match ids {
            Ok(ids) if !ids.is_empty() && ids.iter().all(|i| *i > 0) => Ok(Approval::Ids(ids)),
            // In this thread's language: the answer goes back to whoever typed it.
            _ => Err(t!("printers-not-an-approval", text = text.trim())),
        }
    }

    /// The approved jobs among those offered, and the ids named that were not offered.
    pub fn select(&self, offer: &CancelOffer) -> (Vec<ShownJob>, Vec<i32>) {
        let offered = offer.offered();
        match self {
            Approval::AllShown => (offered.into_iter().cloned().collect(), Vec::new()),
            Approval::Nothing => (Vec::new(), Vec::new()),
            Approval::Ids(ids) => {
                let chosen = offered.iter().filter(|j| ids.contains(&j.id)).map(|j| (*j).clone()).collect();
                let missing = ids.iter().copied().filter(|i| !offered.iter().any(|j| j.id == *i)).collect();
                (chosen, missing)
            }
        }
    }
}

/// What happened to one approved job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum CancelResult {
    Cancelled,
    Failed {
        error: String,
    },
    /// The Cancel-Job request was out when the run stopped: it may or may not have been done.
    InFlight,
    NotReached {
        why: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelOutcome {
    pub job: ShownJob,
    #[serde(flatten)]
    pub result: CancelResult,
}

/// The check's record of what it did, shared with whoever started it, so a run that was
/// cancelled or timed out can still say which jobs were cancelled (see `explain_stop`).
#[derive(Debug, Clone, Default)]
pub struct CancelLog(Arc<Mutex<Vec<CancelOutcome>>>);

impl CancelLog {
    fn push(&self, outcome: CancelOutcome) {
        // A poisoned lock only means another thread panicked mid-push; the list is still usable.
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(outcome);
    }

    fn settle(&self, id: i32, result: CancelResult) {
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(last) = list.iter_mut().rev().find(|o| o.job.id == id) {
            last.result = result;
        }
    }

    pub fn snapshot(&self) -> Vec<CancelOutcome> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Everything the cancel step showed, approved and did, for the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelData {
    pub shown: CancelOffer,
    pub approved: Vec<i32>,
    /// Ids the approval named that were not among the jobs shown: never cancelled.
    pub not_offered: Vec<i32>,
    pub done: Vec<CancelOutcome>,
}

/// Adds the job ids of one list to `msg` as `<list>_n` (how many), `<list>_head` (all but the
/// last, comma-separated) and `<list>_last`, so each language joins them with its own "and".
fn with_ids(msg: Msg, list: &str, ids: &[String]) -> Msg {
    let (head, last) = match ids {
        [] => (String::new(), String::new()),
        [rest @ .., last] => (rest.join(", "), last.clone()),
    };
    msg.arg(&format!("{list}_n"), ids.len()).arg(&format!("{list}_head"), head).arg(&format!("{list}_last"), last)
}

/// `msg` with what was done to the approved jobs, as the messages `printers-cancel-first`
/// (the cancelled jobs) and `printers-cancel-rest` (failed, in flight, not reached) word it.
fn with_done(msg: Msg, done: &[CancelOutcome], approved: &[ShownJob]) -> Msg {
    let ids = |f: &dyn Fn(&CancelResult) -> bool| -> Vec<String> {
        done.iter().filter(|o| f(&o.result)).map(|o| o.job.id.to_string()).collect()
    };
    let mut unreached = ids(&|r| matches!(r, CancelResult::NotReached { .. }));
    unreached.extend(approved.iter().filter(|j| !done.iter().any(|o| o.job.id == j.id)).map(|j| j.id.to_string()));
    let msg = with_ids(msg, "cancelled", &ids(&|r| matches!(r, CancelResult::Cancelled)));
    let msg = with_ids(msg, "failed", &ids(&|r| matches!(r, CancelResult::Failed { .. })));
    let msg = with_ids(msg, "flight", &ids(&|r| matches!(r, CancelResult::InFlight)));
    with_ids(msg, "unreached", &unreached)
}

/// "cancelled job 12 and 13; 14 was not reached; 15 could not be cancelled", in `lang`.
pub fn done_sentence_in(lang: Lang, done: &[CancelOutcome], approved: &[ShownJob]) -> String {
    let first = with_done(msg!("printers-cancel-first"), done, approved);
    let rest = with_done(msg!("printers-cancel-rest"), done, approved);
    i18n::text(lang, &first) + &i18n::text(lang, &rest)
}

/// The same in English.
pub fn done_sentence(done: &[CancelOutcome], approved: &[ShownJob]) -> String {
    done_sentence_in(Lang::En, done, approved)
}

/// For a cancel run that did not complete (cancelled by the user, or timed out): a finding
/// that says which approved jobs were cancelled and which were not, from the check's log.
pub fn explain_stop(run: &mut crate::model::CheckRun, log: &CancelLog, approved: &[ShownJob]) {
    use crate::model::Outcome;
    if matches!(run.outcome, Outcome::Completed) {
        return;
    }
    let done = log.snapshot();
    let why = run.outcome.reason().unwrap_or_else(|| run.outcome.label().to_string());
    // Why it stopped, in words each language has: a timeout, the user's cancel, else as said.
    let message = match &run.outcome {
        Outcome::TimedOut { after_ms } => msg!("printers-cancel-stopped", stop = "timeout", ms = *after_ms),
        Outcome::Skipped { msg: Some(m), .. } if m.id == "common-cancelled-by-user" => {
            msg!("printers-cancel-stopped", stop = "user")
        }
        _ => msg!("printers-cancel-stopped", stop = "other"),
    };
    let message = with_done(message.arg("why", why), &done, approved);
    run.findings.push(Finding::msg(Severity::Warn, message));
}

/// The cancel check; `printers.jobs.cancel_stuck` in the list of on-demand checks has no
/// approval and cancels nothing (it says what it would offer).
pub struct CancelStuck {
    meta: CheckMeta,
    /// None: nobody was asked.
    consent: Option<Consent>,
    log: CancelLog,
}

#[derive(Clone)]
struct Consent {
    shown: CancelOffer,
    approved: Vec<ShownJob>,
    not_offered: Vec<i32>,
}

fn cancel_meta(timeout: Duration) -> CheckMeta {
    CheckMeta {
        id: CANCEL_STUCK_ID,
        title: "Cancel stuck print jobs",
        category: Category::Printers,
        description: "Cancels, by id, the stuck print jobs the user approved from the list shown; never held jobs, never other users' jobs unless allowed.",
        timeout,
        needs: Needs { root: false, network: true },
    }
}

/// The check as listed (no approval: it only reads and shows).
fn cancel_unapproved() -> CancelStuck {
    CancelStuck { meta: cancel_meta(Duration::from_secs(30)), consent: None, log: CancelLog::default() }
}

/// A cancel check for exactly `approved` (taken from `shown`), within `timeout`. The log tells
/// what it did even when the run is cancelled or times out (see `explain_stop`).
pub fn cancel_approved(
    shown: CancelOffer,
    approved: Vec<ShownJob>,
    not_offered: Vec<i32>,
    timeout: Duration,
) -> (CheckBox, CancelLog) {
    let log = CancelLog::default();
    let check = CancelStuck {
        meta: cancel_meta(timeout),
        consent: Some(Consent { shown, approved, not_offered }),
        log: log.clone(),
    };
    (Arc::new(check), log)
}

/// Sets the flag when dropped: the engine drops a check's future when the run is cancelled or
/// times out, and the blocking loop, which cannot be aborted, looks at the flag before each job.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// How long before the engine's timeout a check stops starting new requests, so it can still
/// report what it did: a quarter of the timeout, at most 2 s.
fn stop_margin(timeout: Duration) -> Duration {
    (timeout / 4).min(Duration::from_secs(2))
}

#[async_trait]
impl Check for CancelStuck {
    fn meta(&self) -> &CheckMeta {
        &self.meta
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let Some(consent) = self.consent.clone() else {
            let config = cx.config.clone();
            let shown = blocking(move || cancel_offer(&config, false)).await?;
            let mut f = Finding::msg(Severity::Info, msg!("printers-cancel-unapproved"));
            for (i, line) in shown.describe().iter().enumerate() {
                f = f.evidence(format!("Shown {}", i + 1), line);
            }
            let data = CancelData { shown, approved: Vec::new(), not_offered: Vec::new(), done: Vec::new() };
            return Ok(CheckResult::new(vec![f]).with_data(data));
        };
        let deadline = Instant::now() + self.meta.timeout.saturating_sub(stop_margin(self.meta.timeout));
        let stop = Arc::new(AtomicBool::new(false));
        let _stop_on_drop = StopOnDrop(stop.clone());
        let opts = query_options(&cx.config);
        let log = self.log.clone();
        let jobs = consent.approved.clone();
        let progress = cx.clone();
        blocking(move || {
            for job in jobs {
                let left = deadline.saturating_duration_since(Instant::now());
                let why = if stop.load(Ordering::SeqCst) {
                    Some("the run was stopped")
                } else if left < Duration::from_millis(200) {
                    Some("the check's time ran out")
                } else {
                    None
                };
                if let Some(why) = why {
                    log.push(CancelOutcome { job, result: CancelResult::NotReached { why: why.into() } });
                    continue;
                }
                progress.progress(&t!("printers-progress-cancelling", job = job.id.to_string()));
                let (uri, id) = (job.printer_uri.clone(), job.id);
                log.push(CancelOutcome { job, result: CancelResult::InFlight });
                let opts = QueryOptions { timeout: opts.timeout.min(left), ..opts };
                let result = match printer::cancel_job(&uri, id, &opts) {
                    Ok(()) => CancelResult::Cancelled,
                    Err(e) => CancelResult::Failed { error: e.to_string() },
                };
                tracing::info!("cancel job {id} at {uri}: {result:?}");
                log.settle(id, result);
            }
        })
        .await?;
        let done = self.log.snapshot();
        let mut findings = Vec::new();
        let shown_evidence = |mut f: Finding| {
            for (i, line) in consent.shown.describe().iter().enumerate() {
                f = f.evidence(format!("Shown {}", i + 1), line);
            }
            f
        };
        if consent.approved.is_empty() {
            findings.push(shown_evidence(Finding::msg(
                Severity::Info,
                if consent.shown.offered().is_empty() {
                    msg!("printers-cancel-none-waiting")
                } else {
                    msg!("printers-cancel-none-approved")
                },
            )));
        } else {
            let all_done =
                done.iter().all(|o| o.result == CancelResult::Cancelled) && done.len() == consent.approved.len();
            let f = if all_done {
                Finding::msg(Severity::Pass, with_done(msg!("printers-cancel-done"), &done, &consent.approved))
            } else {
                Finding::msg(Severity::Fail, with_done(msg!("printers-cancel-partly"), &done, &consent.approved))
            };
            let mut f = shown_evidence(f);
            for o in &done {
                if let CancelResult::Failed { error } | CancelResult::NotReached { why: error } = &o.result {
                    f = f.evidence(format!("Job {}", o.job.id), error);
                }
            }
            findings.push(f);
        }
        if !consent.not_offered.is_empty() {
            let ids: Vec<String> = consent.not_offered.iter().map(i32::to_string).collect();
            findings.push(Finding::msg(Severity::Info, msg!("printers-not-offered", ids = ids.join(", "))));
        }
        let data = CancelData {
            approved: consent.approved.iter().map(|j| j.id).collect(),
            not_offered: consent.not_offered,
            shown: consent.shown,
            done,
        };
        Ok(CheckResult::new(findings).with_data(data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hw::printer::attrs;

    fn status(reasons: &[&str], supplies: Vec<printer::Supply>) -> PrinterStatus {
        PrinterStatus {
            uri: "ipp://10.0.0.9/ipp/print".into(),
            queue: None,
            name: Some("Office".into()),
            make_and_model: Some("Acme Laser".into()),
            location: None,
            device_uri: None,
            state: PrinterState::Idle,
            state_reasons: attrs::parse_reasons(reasons.iter().copied()),
            state_message: None,
            accepting_jobs: Some(true),
            queued_job_count: Some(0),
            jobs: Vec::new(),
            supplies,
            document_formats: Vec::new(),
            raw_attributes: String::new(),
        }
    }

    #[test]
    fn low_toner_names_the_supply_and_level() {
        let toner =
            attrs::parse_printer_supply("type=toner;maxcapacity=100;level=4;colorantname=black;", Some("Black Toner"))
                .unwrap();
        let f = status_findings(&status(&["toner-low-report"], vec![toner]), true);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warn);
        assert!(f[0].summary.contains("Black Toner") && f[0].summary.contains("4 %"), "{}", f[0].summary);
    }

    #[test]
    fn error_reasons_fail_in_plain_words() {
        let f = status_findings(&status(&["media-jam-error", "media-low-warning"], Vec::new()), true);
        assert_eq!(f.iter().map(|f| f.severity).collect::<Vec<_>>(), vec![Severity::Fail, Severity::Warn]);
        assert!(f[0].summary.contains("jammed"), "{}", f[0].summary);
    }

    #[test]
    fn healthy_printer_passes() {
        let f = status_findings(&status(&["none"], Vec::new()), true);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Pass);
    }

    fn shown(id: i32, yours: bool) -> ShownJob {
        ShownJob {
            printer_uri: "ipp://127.0.0.1:631/printers/office".into(),
            printer: "office".into(),
            id,
            owner: Some(if yours { "me" } else { "alice" }.into()),
            title: Some("report.pdf".into()),
            age_secs: Some(900),
            state: printer::JobState::Pending,
            yours,
        }
    }

    #[test]
    fn only_your_jobs_are_offered_and_approval_names_ids() {
        let offer = CancelOffer {
            user: "me".into(),
            others_allowed: false,
            stuck: vec![shown(12, true), shown(13, true), shown(20, false)],
            held: vec![shown(14, true)],
            notes: Vec::new(),
        };
        assert_eq!(offer.offered().iter().map(|j| j.id).collect::<Vec<_>>(), vec![12, 13]);
        let lines = offer.describe();
        assert_eq!(lines[0], "[12] job 12 on office: \"report.pdf\" by me, waiting for 15 min");
        assert!(lines[2].starts_with("not yours, left alone: job 20"), "{lines:?}");
        assert!(lines[3].starts_with("held on purpose, left alone: job 14"), "{lines:?}");
        let (ok, missing) = Approval::parse("12, 20 99").unwrap().select(&offer);
        assert_eq!((ok.iter().map(|j| j.id).collect::<Vec<_>>(), missing), (vec![12], vec![20, 99]));
        assert_eq!(Approval::parse("all").unwrap().select(&offer).0.len(), 2);
        assert_eq!(Approval::parse("jobs 13").unwrap(), Approval::Ids(vec![13]));
        assert_eq!(Approval::parse(" none ").unwrap(), Approval::Nothing);
        assert!(Approval::parse("the stuck ones").is_err());
        assert!(Approval::parse("-3").is_err());
        let everyone = CancelOffer { others_allowed: true, ..offer };
        assert_eq!(everyone.offered().len(), 3);
        assert!(everyone.not_yours().is_empty());
    }

    #[test]
    fn what_was_done_in_one_sentence() {
        let approved = vec![shown(12, true), shown(13, true), shown(14, true), shown(15, true)];
        let done = vec![
            CancelOutcome { job: shown(12, true), result: CancelResult::Cancelled },
            CancelOutcome { job: shown(13, true), result: CancelResult::Cancelled },
            CancelOutcome { job: shown(14, true), result: CancelResult::InFlight },
        ];
        assert_eq!(
            done_sentence(&done, &approved),
            "cancelled job 12 and 13; 14 was being cancelled when it stopped (check the queue); 15 was not reached"
        );
        assert_eq!(done_sentence(&[], &approved[..2]), "cancelled no job; 12 and 13 were not reached");
    }

    /// The words moved into messages unchanged in English, and read in Danish from the same finding.
    #[test]
    fn printer_findings_read_in_english_and_danish() {
        let f = status_findings(&status(&["media-jam-error", "frobnicated-warning"], Vec::new()), true);
        assert_eq!(f[0].title, "Printer problem: media-jam");
        assert_eq!(f[0].summary, "Office: Paper is jammed in the printer.");
        assert_eq!(
            f[0].next_step.as_deref(),
            Some("Open the doors the printer's panel shows, remove the jammed paper gently, close them.")
        );
        // The keyword stays in the Danish title; the printer's name is never translated.
        assert_eq!(f[0].title_in(Lang::Da), "Problem med printeren: media-jam");
        assert_eq!(f[0].summary_in(Lang::Da), "Office: Der sidder papir fast i printeren.");
        assert!(f[0].next_step_in(Lang::Da).is_some_and(|n| n.contains("fastklemte papir")));
        // A keyword without plain words is shown as it is, in both languages.
        assert_eq!(f[1].summary, "Office reports a problem: frobnicated.");
        assert_eq!(f[1].summary_in(Lang::Da), "Office melder et problem: frobnicated.");
        assert_eq!(
            f[1].next_step.as_deref(),
            Some("Look at the printer's panel for the message and follow it; call IT if it stays.")
        );

        let offline = status_findings(&status(&["offline-error"], Vec::new()), true);
        assert_eq!(
            offline[0].next_step.as_deref(),
            Some(
                "Switch the printer on and check its network cable or Wi-Fi light. On Windows, also untick \"Use Printer Offline\" in the printer's queue window."
            )
        );
        assert!(offline[0].next_step_in(Lang::Da).is_some_and(|n| n.starts_with("Tænd printeren")));

        let toner = attrs::parse_printer_supply("type=toner;maxcapacity=100;level=0;", Some("Black Toner")).unwrap();
        let empty = &status_findings(&status(&["none"], vec![toner]), true)[0];
        assert_eq!(
            (empty.title.as_str(), empty.summary.as_str()),
            ("Supply empty", "Black Toner in Office is empty (0 %).")
        );
        assert_eq!(empty.summary_in(Lang::Da), "Black Toner i Office er brugt op (0 %).");
        assert_eq!(printer::SupplyLevel::Unavailable.describe(), "level not reported by the printer");
        assert_eq!(printer::SupplyLevel::SomeRemaining.describe_in(Lang::Da), "ukendt niveau, men ikke tom");

        let ready = &status_findings(&status(&["none"], Vec::new()), true)[0];
        assert_eq!((ready.title.as_str(), ready.summary.as_str()), ("Printer ready", "Office is ready."));
        assert_eq!(
            (ready.title_in(Lang::Da), ready.summary_in(Lang::Da)),
            ("Printeren er klar".into(), "Office er klar.".into())
        );

        let err =
            PrinterError::Unreachable { reason: "no answer in time".into(), uri: "ipp://10.0.0.9/ipp/print".into() };
        let gone = unreachable_finding("Office", "ipp://10.0.0.9/ipp/print", &err, None);
        assert_eq!(gone.summary, "The printer Office is unreachable: nothing answers at 10.0.0.9.");
        assert_eq!(gone.summary_in(Lang::Da), "Printeren Office kan ikke nås: intet svarer på 10.0.0.9.");
        assert_eq!(gone.title_in(Lang::Da), "Printeren kan ikke nås");
    }

    #[test]
    fn a_wrong_address_is_explained_in_each_language() {
        let uri = "lpd://10.0.0.9/queue";
        let Err(PrinterError::InvalidUri { problem, reason, .. }) = printer::normalize_uri(uri) else {
            panic!("lpd:// is not a printer address for deskcheck")
        };
        let f = not_an_address(uri, problem, &reason);
        assert_eq!(
            f.summary,
            "'lpd://10.0.0.9/queue' is not a printer address: it must start with ipp://, ipps://, http:// or https://."
        );
        assert_eq!(
            f.summary_in(Lang::Da),
            "'lpd://10.0.0.9/queue' er ikke en printeradresse: den skal begynde med ipp://, ipps://, http:// eller https://."
        );
        assert_eq!(f.title_in(Lang::Da), "Ikke en printeradresse");
    }

    #[test]
    fn what_was_done_reads_in_danish_and_a_stop_says_why() {
        let approved = vec![shown(12, true), shown(13, true), shown(14, true)];
        let done = vec![
            CancelOutcome { job: shown(12, true), result: CancelResult::Cancelled },
            CancelOutcome { job: shown(13, true), result: CancelResult::Cancelled },
        ];
        assert_eq!(done_sentence(&done, &approved), "cancelled job 12 and 13; 14 was not reached");
        assert_eq!(
            done_sentence_in(Lang::Da, &done, &approved),
            "job 12 og 13 blev annulleret; job 14 nåede deskcheck ikke"
        );
        let mut run = crate::model::CheckRun::errored(CANCEL_STUCK_ID, Category::Printers, "x");
        run.outcome = crate::model::Outcome::TimedOut { after_ms: 30000 };
        explain_stop(&mut run, &CancelLog::default(), &approved[..2]);
        let f = &run.findings[0];
        assert_eq!(f.title, "Cancelling stopped");
        assert_eq!(
            f.summary,
            "Cancelling stuck jobs stopped (no answer within 30000 ms): cancelled no job; 12 and 13 were not reached."
        );
        assert_eq!(
            f.summary_in(Lang::Da),
            "Annulleringen af udskrifter, der sad fast, stoppede (intet svar inden for 30000 ms): ingen udskrift blev annulleret; job 12 og 13 nåede deskcheck ikke."
        );
        let mut run = crate::model::CheckRun::errored(CANCEL_STUCK_ID, Category::Printers, "x");
        run.outcome = crate::model::Outcome::skipped(msg!("common-cancelled-by-user"));
        explain_stop(&mut run, &CancelLog::default(), &approved[..1]);
        assert_eq!(
            run.findings[0].summary,
            "Cancelling stuck jobs stopped (cancelled by the user): cancelled no job; 12 was not reached."
        );
    }

    #[test]
    fn the_jobs_shown_read_in_danish() {
        let mut untitled = shown(15, false);
        (untitled.title, untitled.owner, untitled.age_secs) = (None, None, Some(45));
        let offer = CancelOffer {
            user: "me".into(),
            others_allowed: false,
            stuck: vec![shown(12, true), untitled],
            held: vec![shown(14, true)],
            notes: vec!["ipp://10.0.0.9/ipp/print: no answer in time".into()],
        };
        assert_eq!(
            offer.describe(),
            vec![
                "[12] job 12 on office: \"report.pdf\" by me, waiting for 15 min",
                "not yours, left alone: job 15 on office: \"untitled\" by an unknown user, waiting for 45 s",
                "held on purpose, left alone: job 14 on office: \"report.pdf\" by me, waiting for 15 min",
                "not read: ipp://10.0.0.9/ipp/print: no answer in time",
            ]
        );
        assert_eq!(
            offer.describe_in(Lang::Da),
            vec![
                "[12] job 12 på office: \"report.pdf\" fra me, venter i 15 min.",
                "ikke din, ikke rørt: job 15 på office: \"uden navn\" fra en ukendt bruger, venter i 45 sek.",
                "tilbageholdt med vilje, ikke rørt: job 14 på office: \"report.pdf\" fra me, venter i 15 min.",
                "ikke læst: ipp://10.0.0.9/ipp/print: no answer in time",
            ]
        );
        i18n::set_current(Lang::En);
        assert_eq!(
            Approval::parse("the stuck ones"),
            Err("\"the stuck ones\" is not an approval: give job ids (\"12 14\"), \"all\" for every job shown, or \"none\"".into())
        );
        i18n::set_current(Lang::Da);
        assert!(Approval::parse("de gamle").is_err_and(|e| e.contains("er ikke et svar")));
        i18n::set_current(Lang::En);
    }

    #[test]
    fn check_titles_have_messages_equal_to_the_english_titles() {
        for check in checks().into_iter().chain(on_demand()) {
            let meta = check.meta();
            let id = format!("check-{}", meta.id.replace('.', "-"));
            assert_eq!(i18n::tr(Lang::En, &id), meta.title, "{id}");
            assert_ne!(i18n::tr(Lang::Da, &id), id, "{id} has Danish");
        }
    }

    #[test]
    fn attachment_names_are_safe() {
        assert_eq!(file_name("ipp://10.0.0.9:631/ipp/print"), "ipp___10.0.0.9_631_ipp_print.txt");
    }
}
