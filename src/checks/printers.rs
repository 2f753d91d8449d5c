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
use crate::model::{Attachment, Category, Finding, Severity};
use crate::net::{dns, join_all, ping, reach};

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
    CheckError::Unsupported(format!("no CUPS print server answers on this computer ({err})"))
}

fn plain_reason(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "media-empty" | "media-needed" => "The printer is out of paper.",
        "media-jam" => "Paper is jammed in the printer.",
        "media-low" => "The paper is running low.",
        "door-open" | "cover-open" | "interlock-open" => "A door or cover of the printer is open.",
        "toner-empty" | "marker-supply-empty" => "The toner or ink is empty.",
        "toner-low" | "marker-supply-low" => "The toner or ink is running low.",
        "marker-waste-full" | "marker-waste-almost-full" => "The waste toner/ink container is (nearly) full.",
        "input-tray-missing" => "A paper tray is missing or not pushed in.",
        "output-area-full" | "output-area-almost-full" => "The output tray is full: take the printed paper out.",
        "offline" | "shutdown" => "The printer is offline.",
        "paused" => "The print queue is paused.",
        "connecting-to-device" => "The computer is trying to reach the printer.",
        "cups-missing-filter" => "The printer driver is missing a part needed to print.",
        // Windows spooler status flags (hw::printer::spool words them as these reasons).
        "media-problem" => "The printer has a paper problem (wrong size or type, or a misfeed).",
        "not-available" => "The printer is not available to this computer.",
        "page-too-complex" => "A page was too complex for the printer's memory.",
        "user-intervention" => "The printer needs someone to attend to it.",
        "out-of-memory" => "The printer ran out of memory.",
        "server-unknown" => "The print server this printer belongs to is unknown.",
        "server-offline" => "The print server this printer belongs to is offline.",
        "driver-update-needed" => "The printer's driver needs an update.",
        "other" => "The printer reports an error.",
        _ => return None,
    })
}

fn reason_next_step(reason: &str) -> &'static str {
    match reason {
        "media-empty" | "media-needed" | "media-low" => "Load paper into the tray and push it in fully.",
        "media-jam" => "Open the doors the printer's panel shows, remove the jammed paper gently, close them.",
        "door-open" | "cover-open" | "interlock-open" => "Close every door and cover until they click.",
        "toner-empty" | "marker-supply-empty" | "toner-low" | "marker-supply-low" => {
            "Replace the toner or ink cartridge named on the printer's panel."
        }
        "paused" => "Resume the printer in the system's printer settings.",
        "offline" | "shutdown" | "connecting-to-device" | "not-available" => {
            "Switch the printer on and check its network cable or Wi-Fi light. On Windows, also untick \"Use Printer Offline\" in the printer's queue window."
        }
        "server-unknown" | "server-offline" => "Check that the print server is on and reachable, or ask IT.",
        "driver-update-needed" => "Ask IT to update the printer's driver.",
        _ => "Look at the printer's panel for the message and follow it; call IT if it stays.",
    }
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
        let summary = plain_reason(&r.reason)
            .map(|p| format!("{name}: {p}"))
            .unwrap_or_else(|| format!("{name} reports a problem: {}.", r.reason));
        findings.push(
            with_facts(Finding::new(severity, format!("Printer problem: {}", r.reason), summary))
                .next_step(reason_next_step(&r.reason)),
        );
    }
    if s.state == PrinterState::Stopped && !findings.iter().any(|f| f.severity == Severity::Fail) {
        findings.push(
            with_facts(Finding::new(Severity::Fail, "Printer stopped", format!("{name} is stopped and prints nothing.")))
                .next_step("Look at the printer's panel for an error; if it shows none, resume the printer in the system's printer settings."),
        );
    }
    if s.accepting_jobs == Some(false) {
        findings.push(
            with_facts(Finding::new(Severity::Warn, "Not accepting jobs", format!("{name} refuses new print jobs.")))
                .next_step(
                    "Turn 'accept jobs' back on in the printer settings (an administrator may have switched it off).",
                ),
        );
    }
    for supply in &s.supplies {
        let level = supply.level.describe();
        let (severity, title, summary) = match (supply.condition(), supply.fills_up) {
            (SupplyCondition::Empty, false) => {
                (Severity::Fail, "Supply empty", format!("{} in {name} is empty ({level}).", supply.name))
            }
            (SupplyCondition::Empty, true) => {
                (Severity::Fail, "Waste container full", format!("{} in {name} is full ({level}).", supply.name))
            }
            (SupplyCondition::Low, false) => {
                (Severity::Warn, "Supply low", format!("{} in {name} is low ({level}).", supply.name))
            }
            (SupplyCondition::Low, true) => (
                Severity::Warn,
                "Waste container nearly full",
                format!("{} in {name} is nearly full ({level}).", supply.name),
            ),
            _ => continue,
        };
        let mut f = Finding::new(severity, title, summary).evidence("Supply", &supply.name).evidence("Level", &level);
        if let Some(k) = &supply.kind {
            f = f.evidence("Type", k);
        }
        f = f.evidence("Printer", &name);
        let step = if supply.fills_up {
            "Replace the waste container soon (the printer's panel or manual shows how)."
        } else {
            "Get a replacement ready and swap it when the printer asks, or now if prints are faint."
        };
        findings.push(f.next_step(step));
    }
    if include_jobs {
        findings.extend(stuck_jobs_finding(s));
    }
    if findings.is_empty() {
        let summary = match s.state {
            PrinterState::Processing => format!("{name} is printing."),
            _ => format!("{name} is ready."),
        };
        let mut f = with_facts(Finding::new(Severity::Pass, "Printer ready", summary));
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
    let mut f = Finding::new(
        Severity::Warn,
        "Stuck print jobs",
        format!(
            "{} job(s) on {} have been waiting for a long time and block the queue.",
            stuck.len(),
            s.display_name()
        ),
    );
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
    Some(f.next_step("Cancel the stuck jobs (deskcheck can do it after you confirm), then print again."))
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
                    spooler::RESTART_STEP
                )));
            }
            Err(e) => return Err(CheckError::Failed(format!("could not read the print queues: {e}"))),
        };
        let mut findings = Vec::new();
        if cups.queues.is_empty() {
            findings.push(
                Finding::new(Severity::Info, "No printers set up", "No printer is set up on this computer.")
                    .evidence("Print server", &cups.server)
                    .next_step("Add the printer in the system's printer settings, or type its address (ipp://…) into deskcheck."),
            );
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
            let mut f = Finding::new(
                Severity::Info,
                "Print queues",
                format!("{} printer(s) set up on this computer: {}.", cups.queues.len(), list.join(", ")),
            );
            for q in &cups.queues {
                f = f.evidence(q.display_name(), q.device_uri.clone().unwrap_or_else(|| q.uri.clone()));
            }
            findings.push(f);
            match &cups.default {
                Some(d) => findings.push(
                    Finding::new(Severity::Pass, "Default printer", format!("The default printer is {d}."))
                        .evidence("Default", d),
                ),
                None => findings.push(
                    Finding::new(
                        Severity::Warn,
                        "No default printer",
                        "No default printer is set: programs may not know where to print.",
                    )
                    .next_step("Choose a default printer in the system's printer settings."),
                ),
            }
        }
        for q in &cups.queues {
            let name = q.display_name();
            // A CUPS queue is stopped when paused; a spooler queue also on errors, which the
            // status check words by their reasons.
            let paused = q.state_reasons.iter().any(|r| r.reason == "paused");
            if q.state == PrinterState::Stopped && (cups.server != printer::spool::SPOOLER_SERVER || paused) {
                findings.push(
                    Finding::new(
                        Severity::Warn,
                        "Queue paused",
                        format!("The print queue {name} is paused: jobs wait and nothing prints."),
                    )
                    .evidence("Queue", &name)
                    .next_step(if cups.server == printer::spool::SPOOLER_SERVER {
                        "Open the printer's queue window (Settings, Printers, Open print queue) and untick \"Pause printing\"."
                    } else {
                        "Resume the printer in the system's printer settings (or `cupsenable` as an administrator)."
                    }),
                );
            }
            if q.accepting_jobs == Some(false) {
                findings.push(
                    Finding::new(
                        Severity::Warn,
                        "Queue rejects jobs",
                        format!("The print queue {name} refuses new jobs."),
                    )
                    .evidence("Queue", &name)
                    .next_step("Allow jobs again in the printer settings (or `cupsaccept` as an administrator)."),
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
    let (summary, step) = match r {
        Some(r) if r.answers_ping() || !r.open_ports().is_empty() => (
            format!(
                "The printer {name} is unreachable for printing: its address {host} answers on the network, but its print service does not."
            ),
            "Switch the printer off and on again and wait until it says it is ready. If it stays, check in the printer's network settings that IPP printing is on, or call IT.",
        ),
        _ => (
            format!("The printer {name} is unreachable: nothing answers at {host}."),
            "Check that the printer is switched on and shows no error, that its network cable is plugged in (or its Wi-Fi light is on), and that its IP address on the printer's network page is still the one above. Then run the check again.",
        ),
    };
    let mut f =
        Finding::new(Severity::Fail, "Printer unreachable", summary).detail(err.to_string()).evidence("Address", uri);
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
    f.next_step(step)
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
            cx.progress("looking for printers on the network (mDNS)");
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
        if queues.is_empty() && targets.is_empty() {
            return Ok(CheckResult::new(vec![
                Finding::new(Severity::Info, "No printers to check", "No printer is set up on this computer, none is configured, and none was found on the network.")
                    .detail(format!("Queues: {}. Discovery: {}.", queues_note.as_deref().unwrap_or("none"), discovery_note.as_deref().unwrap_or("nothing found")))
                    .next_step("Type the printer's address (for example ipp://192.0.2.7/ipp/print) into deskcheck and run the check again."),
            ])
            .with_data(StatusData { printers: Vec::new(), discovered, queues_note, discovery_note }));
        }
        cx.progress(&format!("asking {} printer(s)", targets.len() + queues.len()));
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
                (None, Some(PrinterError::InvalidUri { reason, .. })) => findings.push(
                    Finding::new(Severity::Fail, "Not a printer address", format!("'{uri}' is not a printer address: {reason}."))
                        .next_step("Type the address as the printer shows it, for example ipp://192.0.2.7/ipp/print."),
                ),
                (None, Some(e)) => findings.push(
                    Finding::new(Severity::Fail, "Printer did not answer properly", format!("The printer at {uri} answered, but not as a printer should."))
                        .detail(e.to_string())
                        .next_step("Check that the address is the printer's IPP address (ipp://…/ipp/print); if it is, restart the printer."),
                ),
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
            let why = note.map(|n| format!(" (the local print server: {n})")).unwrap_or_default();
            return Err(CheckError::Unsupported(format!(
                "no network printer is known to this computer: none is configured and no queue prints to a network address{why}"
            )));
        }
        let opts = query_options(&config);
        let probe_timeout = Duration::from_millis(config.network.probe_timeout_ms.max(200));
        cx.progress(&format!("trying {} printer(s)", targets.len()));
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
                        Finding::new(
                            Severity::Pass,
                            "Printer reachable",
                            format!("The printer {} answers ({}).", status.display_name(), status.state.label()),
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
                        Finding::new(
                            Severity::Warn,
                            "Printer not checked",
                            format!("The printer {name} could not be asked."),
                        )
                        .detail(format!("{e}")),
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
        Ok(None) => Err(CheckError::Skipped(
            "no printer to print to: none is configured and there is no default printer".into(),
        )),
        Err(e) => Err(CheckError::Skipped(format!(
            "no printer to print to: none is configured and the local print server does not answer ({e})"
        ))),
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
                let mut f = Finding::new(
                    Severity::Pass,
                    "Test page sent",
                    format!("A test page went to {uri} as job {}.", job.job_id),
                )
                .evidence("Printer", &uri)
                .evidence("Job", job.job_id.to_string())
                .evidence("Format", &job.document_format);
                if let Some(r) = &job.rendering {
                    f = f.evidence("Rendered as", r);
                }
                let f = f.next_step(format!("Fetch the page from the printer: it names {hostname} and {time}. If none comes out, the problem is at the printer."));
                tracing::info!("test page sent to {uri} as job {} ({})", job.job_id, job.document_format);
                return Ok(CheckResult::new(vec![f]).with_data(TestPageData { job, hostname, time }));
            }
            Err(e @ PrinterError::Stopped { .. }) => {
                tracing::info!("test page: {e}");
                Finding::new(Severity::Warn, "Test page not sent", "The run was stopped before the test page was sent: nothing was printed.")
                    .detail(e.to_string())
            }
            Err(e @ PrinterError::NoUsableFormat { .. }) => Finding::new(
                Severity::Fail,
                "No format the printer takes",
                format!("The test page was not sent: {uri} takes none of the formats deskcheck can make, so nothing was printed."),
            )
            .detail(e.to_string())
            .next_step("Print a page from another program (the printer's own driver converts it), or ask IT to check the printer's settings."),
            Err(e @ PrinterError::Unreachable { .. }) => unreachable_finding(&uri, &uri, &e, None),
            Err(e) => Finding::new(
                Severity::Fail,
                "Test page not printed",
                format!("The test page could not be sent to {uri}."),
            )
            .detail(e.to_string())
            .next_step("Look at the printer's panel for an error, then try again; call IT if it stays."),
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
    /// "job 12 on office: "report.pdf" by alice, waiting for 14 min"
    pub fn line(&self) -> String {
        let age = match self.age_secs {
            Some(a) if a >= 120 => format!(" for {} min", a / 60),
            Some(a) => format!(" for {a} s"),
            None => String::new(),
        };
        format!(
            "job {} on {}: \"{}\" by {}, {}{age}",
            self.id,
            self.printer,
            self.title.as_deref().unwrap_or("untitled"),
            self.owner.as_deref().unwrap_or("an unknown user"),
            self.state.label()
        )
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

    /// The list as shown on a terminal or in the report, one job a line.
    pub fn describe(&self) -> Vec<String> {
        let mut out: Vec<String> = self.offered().iter().map(|j| format!("[{}] {}", j.id, j.line())).collect();
        out.extend(self.not_yours().iter().map(|j| format!("not yours, left alone: {}", j.line())));
        out.extend(self.held.iter().map(|j| format!("held on purpose, left alone: {}", j.line())));
        out.extend(self.notes.iter().map(|n| format!("not read: {n}")));
        out
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
            _ => Err(format!(
                "\"{}\" is not an approval: give job ids (\"12 14\"), \"all\" for every job shown, or \"none\"",
                text.trim()
            )),
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

/// "cancelled job 12 and 13; 14 was not reached; 15 could not be cancelled"
pub fn done_sentence(done: &[CancelOutcome], approved: &[ShownJob]) -> String {
    let ids = |f: &dyn Fn(&CancelResult) -> bool| -> Vec<String> {
        done.iter().filter(|o| f(&o.result)).map(|o| o.job.id.to_string()).collect()
    };
    let join = |v: &[String]| match v {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let cancelled = ids(&|r| matches!(r, CancelResult::Cancelled));
    let failed = ids(&|r| matches!(r, CancelResult::Failed { .. }));
    let in_flight = ids(&|r| matches!(r, CancelResult::InFlight));
    let mut unreached = ids(&|r| matches!(r, CancelResult::NotReached { .. }));
    unreached.extend(approved.iter().filter(|j| !done.iter().any(|o| o.job.id == j.id)).map(|j| j.id.to_string()));
    let mut parts = Vec::new();
    if cancelled.is_empty() {
        parts.push("cancelled no job".to_string());
    } else {
        parts.push(format!("cancelled job {}", join(&cancelled)));
    }
    if !failed.is_empty() {
        parts.push(format!("{} could not be cancelled", join(&failed)));
    }
    if !in_flight.is_empty() {
        parts.push(format!("{} was being cancelled when it stopped (check the queue)", join(&in_flight)));
    }
    if !unreached.is_empty() {
        parts.push(format!("{} {} not reached", join(&unreached), if unreached.len() == 1 { "was" } else { "were" }));
    }
    parts.join("; ")
}

/// For a cancel run that did not complete (cancelled by the user, or timed out): a finding
/// that says which approved jobs were cancelled and which were not, from the check's log.
pub fn explain_stop(run: &mut crate::model::CheckRun, log: &CancelLog, approved: &[ShownJob]) {
    if matches!(run.outcome, crate::model::Outcome::Completed) {
        return;
    }
    let done = log.snapshot();
    let why = run.outcome.reason().unwrap_or_else(|| run.outcome.label().to_string());
    run.findings.push(
        Finding::new(
            Severity::Warn,
            "Cancelling stopped",
            format!("Cancelling stuck jobs stopped ({why}): {}.", done_sentence(&done, approved)),
        )
        .next_step("Look at the print queue; run the step again to cancel the jobs that were not reached."),
    );
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
            let mut f = Finding::new(
                Severity::Info,
                "Nothing cancelled",
                "Nothing was cancelled: deskcheck cancels print jobs only after you approve them by id, from the list it shows.",
            );
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
                progress.progress(&format!("cancelling job {}", job.id));
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
            findings.push(shown_evidence(Finding::new(
                Severity::Info,
                "Nothing cancelled",
                if consent.shown.offered().is_empty() {
                    "No stuck job of yours was waiting, so nothing was cancelled."
                } else {
                    "No job was approved, so nothing was cancelled."
                },
            )));
        } else {
            let sentence = done_sentence(&done, &consent.approved);
            let all_done =
                done.iter().all(|o| o.result == CancelResult::Cancelled) && done.len() == consent.approved.len();
            let f = Finding::new(
                if all_done { Severity::Pass } else { Severity::Fail },
                if all_done { "Stuck jobs cancelled" } else { "Not every approved job was cancelled" },
                // The sentence starts with "cancelled": capitalise it for a summary of its own.
                format!("C{}.", sentence.strip_prefix('c').unwrap_or(&sentence)),
            );
            let mut f = shown_evidence(f);
            for o in &done {
                if let CancelResult::Failed { error } | CancelResult::NotReached { why: error } = &o.result {
                    f = f.evidence(format!("Job {}", o.job.id), error);
                }
            }
            findings.push(if all_done {
                f.next_step("Print the document again.")
            } else {
                f.next_step(
                    "Cancel the remaining jobs in the system's printer settings as an administrator, or ask IT.",
                )
            });
        }
        if !consent.not_offered.is_empty() {
            let ids: Vec<String> = consent.not_offered.iter().map(i32::to_string).collect();
            findings.push(Finding::new(
                Severity::Info,
                "Not offered, left alone",
                format!(
                    "Job(s) {} were approved but not among the jobs shown, so they were left alone.",
                    ids.join(", ")
                ),
            ));
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

    #[test]
    fn attachment_names_are_safe() {
        assert_eq!(file_name("ipp://10.0.0.9:631/ipp/print"), "ipp___10.0.0.9_631_ipp_print.txt");
    }
}
