//! Printers over IPP: the status of a printer or CUPS queue (state, reasons, supplies, jobs),
//! the local CUPS queues and default, a test page, and cancelling stuck jobs.
//!
//! Everything here is blocking (the `ipp` crate's ureq client); checks call it on a blocking
//! task. One IPP path serves CUPS (Linux/macOS, at `localhost:631`) and network printers alike;
//! where no CUPS server runs (Windows, or CUPS stopped) the CUPS calls say `Unreachable`.

pub mod attrs;
mod client;
pub mod mdns;
pub mod raster;
pub mod spool;
pub mod testpage;
pub mod text;

use std::time::Duration;

use chrono::{DateTime, Utc};
use ipp::model::{DelimiterTag, Operation, StatusCode};
use ipp::prelude::IppValue;
use serde::{Deserialize, Serialize};

pub use attrs::{ReasonSeverity, StateReason, Supply, SupplyCondition, SupplyLevel, SupplySource};
pub use client::{normalize_uri, uri_host, uri_port};
pub use testpage::TestPage;
pub use text::clean;

use client::{Group, Target};

/// What went wrong talking to a printer or print server; the URI comes last.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PrinterError {
    #[error("'{uri}' is not a printer address: {reason}")]
    InvalidUri { problem: UriProblem, reason: String, uri: String },
    #[error("the printer does not answer: {reason} ({uri})")]
    Unreachable { reason: String, uri: String },
    #[error("stopped before it was done: {what} ({uri})")]
    Stopped { what: String, uri: String },
    #[error("the printer answered with HTTP status {status} ({uri})")]
    Http { status: u16, uri: String },
    #[error("{operation} was refused: {status}{} ({uri})", message.as_deref().map(|m| format!(" — {m}")).unwrap_or_default())]
    Refused { operation: &'static str, status: String, message: Option<String>, uri: String },
    #[error("{operation} failed: {reason} ({uri})")]
    Protocol { operation: &'static str, reason: String, uri: String },
    #[error("the printer accepts only {formats}; deskcheck can send {ours} ({uri})")]
    NoUsableFormat { formats: String, ours: String, uri: String },
    /// The Windows print spooler refused or failed (winspool).
    #[error("the print spooler: {reason}{}", if printer.is_empty() { String::new() } else { format!(" ({printer})") })]
    Spooler { reason: String, printer: String },
}

/// Why a text is not a printer address, so each language can say it in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UriProblem {
    /// Not a URI at all (the parser's words are in the reason).
    Unparsable,
    /// A scheme other than ipp, ipps, http or https.
    Scheme,
    NoHost,
}

impl UriProblem {
    /// The keyword the message `printers-not-an-address` words.
    pub fn keyword(self) -> &'static str {
        match self {
            UriProblem::Unparsable => "unparsable",
            UriProblem::Scheme => "scheme",
            UriProblem::NoHost => "no-host",
        }
    }
}

/// How long to wait, and when a job counts as stuck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryOptions {
    /// Per request.
    pub timeout: Duration,
    /// A job pending or held longer than this is stuck.
    pub stuck_after: Duration,
}

impl Default for QueryOptions {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(10), stuck_after: Duration::from_secs(600) }
    }
}

/// printer-state (RFC 8011 §5.4.11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrinterState {
    Idle,
    Processing,
    Stopped,
    Unknown,
}

impl PrinterState {
    fn from_enum(v: Option<i64>) -> Self {
        match v {
            Some(3) => PrinterState::Idle,
            Some(4) => PrinterState::Processing,
            Some(5) => PrinterState::Stopped,
            _ => PrinterState::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PrinterState::Idle => "idle",
            PrinterState::Processing => "printing",
            PrinterState::Stopped => "stopped",
            PrinterState::Unknown => "unknown",
        }
    }
}

/// job-state (RFC 8011 §5.3.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Pending,
    Held,
    Processing,
    Stopped,
    Canceled,
    Aborted,
    Completed,
    Unknown,
}

impl JobState {
    fn from_enum(v: Option<i64>) -> Self {
        match v {
            Some(3) => JobState::Pending,
            Some(4) => JobState::Held,
            Some(5) => JobState::Processing,
            Some(6) => JobState::Stopped,
            Some(7) => JobState::Canceled,
            Some(8) => JobState::Aborted,
            Some(9) => JobState::Completed,
            _ => JobState::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            JobState::Pending => "waiting",
            JobState::Held => "held",
            JobState::Processing => "printing",
            JobState::Stopped => "stopped",
            JobState::Canceled => "cancelled",
            JobState::Aborted => "aborted",
            JobState::Completed => "completed",
            JobState::Unknown => "unknown",
        }
    }
}

/// One job that has not finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub id: i32,
    pub name: Option<String>,
    pub user: Option<String>,
    pub state: JobState,
    pub state_reasons: Vec<String>,
    pub created_at: Option<DateTime<Utc>>,
    /// How long ago it was submitted, by the printer's clock when it says (immune to clock skew).
    pub age_secs: Option<i64>,
    /// Pending (or stopped) for longer than the configured limit. A held job is never stuck:
    /// it waits on purpose (secure release, hold-until) for its owner.
    pub stuck: bool,
}

/// Everything deskcheck reads about one printer or queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrinterStatus {
    /// The URI it was asked at.
    pub uri: String,
    /// The CUPS queue name, for local queues.
    pub queue: Option<String>,
    pub name: Option<String>,
    pub make_and_model: Option<String>,
    pub location: Option<String>,
    /// Where a CUPS queue sends its jobs (device-uri).
    pub device_uri: Option<String>,
    pub state: PrinterState,
    pub state_reasons: Vec<StateReason>,
    pub state_message: Option<String>,
    pub accepting_jobs: Option<bool>,
    pub queued_job_count: Option<i64>,
    pub jobs: Vec<Job>,
    /// From printer-supply and from CUPS marker-* (a CUPS queue of an IPP printer may have both).
    pub supplies: Vec<Supply>,
    pub document_formats: Vec<String>,
    /// Every attribute as `name (type) = value` lines, for the bundle.
    #[serde(skip)]
    pub raw_attributes: String,
}

impl PrinterStatus {
    pub fn stuck_jobs(&self) -> impl Iterator<Item = &Job> {
        self.jobs.iter().filter(|j| j.stuck)
    }

    /// The name people know it by: queue, printer-name, or the URI.
    pub fn display_name(&self) -> String {
        self.queue.clone().or_else(|| self.name.clone()).unwrap_or_else(|| self.uri.clone())
    }
}

/// The local CUPS queues and the default destination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CupsQueues {
    /// `host:port` of the CUPS server asked.
    pub server: String,
    pub default: Option<String>,
    pub queues: Vec<PrinterStatus>,
}

/// A job deskcheck submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedJob {
    pub printer_uri: String,
    pub job_id: i32,
    pub job_uri: Option<String>,
    pub document_format: String,
    /// How a raster page was made ("sgray_8 300dpi iso_a4_210x297mm"); None for PDF.
    pub rendering: Option<String>,
}

const JOB_ATTRIBUTES: &[&str] = &[
    "job-id",
    "job-name",
    "job-originating-user-name",
    "job-state",
    "job-state-reasons",
    "time-at-creation",
    "date-time-at-creation",
    "job-printer-up-time",
];

/// The most jobs read per printer or queue (Get-Jobs `limit`): enough for any office queue,
/// and a bound on what a hostile print server can make us list.
pub const MAX_JOBS_PER_PRINTER: i32 = 500;

/// The user name sent with requests (CUPS checks it for Cancel-Job); jobs whose
/// job-originating-user-name is this are "yours".
pub fn current_user() -> String {
    user_name()
}

fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "deskcheck".into())
}

fn check_status(resp: &client::Response, op: Operation, uri: &str) -> Result<(), PrinterError> {
    if resp.status.is_success() {
        return Ok(());
    }
    Err(PrinterError::Refused {
        operation: client::op_name(op),
        status: resp.status.to_string(),
        message: resp.message.clone(),
        uri: uri.to_string(),
    })
}

fn printer_from_group(uri: &str, g: &Group) -> PrinterStatus {
    // CUPS 2.4 also publishes printer-supply made from its markers: one entry per name,
    // the marker's (it carries the driver's low-level threshold).
    let mut supplies = attrs::parse_markers(&attrs::Markers {
        names: g.strings("marker-names"),
        levels: g.ints("marker-levels"),
        colors: g.strings("marker-colors"),
        types: g.strings("marker-types"),
        low_levels: g.ints("marker-low-levels"),
    });
    for s in attrs::parse_printer_supplies(&g.strings("printer-supply"), &g.strings("printer-supply-description")) {
        if !supplies.iter().any(|m| m.name.eq_ignore_ascii_case(&s.name)) {
            supplies.push(s);
        }
    }
    let reasons = g.strings("printer-state-reasons");
    PrinterStatus {
        uri: uri.to_string(),
        queue: None,
        name: g.string("printer-name"),
        make_and_model: g.string("printer-make-and-model"),
        location: g.string("printer-location"),
        device_uri: g.string("device-uri"),
        state: PrinterState::from_enum(g.int("printer-state")),
        state_reasons: attrs::parse_reasons(reasons.iter().map(String::as_str)),
        state_message: g.string("printer-state-message"),
        accepting_jobs: g.bool("printer-is-accepting-jobs"),
        queued_job_count: g.int("queued-job-count"),
        jobs: Vec::new(),
        supplies,
        document_formats: g.strings("document-format-supported"),
        raw_attributes: client::dump(g),
    }
}

fn job_from_group(g: &Group, now: DateTime<Utc>, stuck_after: Duration) -> Option<Job> {
    let id = i32::try_from(g.int("job-id")?).ok()?;
    let state = JobState::from_enum(g.int("job-state"));
    let created_at = g.datetime("date-time-at-creation");
    let age_secs = match (g.int("job-printer-up-time"), g.int("time-at-creation")) {
        (Some(up), Some(created)) if up >= created && created > 0 => Some(up - created),
        _ => created_at.map(|c| (now - c).num_seconds().max(0)),
    };
    let waiting = matches!(state, JobState::Pending | JobState::Stopped);
    let stuck = waiting && age_secs.is_some_and(|a| a >= stuck_after.as_secs() as i64);
    Some(Job {
        id,
        name: g.string("job-name"),
        user: g.string("job-originating-user-name"),
        state,
        state_reasons: g.strings("job-state-reasons").into_iter().filter(|r| r != "none").collect(),
        created_at,
        age_secs,
        stuck,
    })
}

/// Get-Printer-Attributes ("all") of one printer or queue.
fn printer_attributes(uri: &str, opts: &QueryOptions) -> Result<PrinterStatus, PrinterError> {
    let parsed = normalize_uri(uri)?;
    let op = Operation::GetPrinterAttributes;
    let mut req = client::request(op, Some(&parsed))?;
    client::add_op_attr(&mut req, "requesting-user-name", IppValue::new_name_without_language(user_name()))?;
    client::requested(&mut req, &["all", "media-col-ready"])?;
    let target = Target { uri, timeout: opts.timeout };
    let resp = client::send(&target, op, req, DelimiterTag::PrinterAttributes)?;
    check_status(&resp, op, uri)?;
    let group = resp.groups.first().ok_or_else(|| PrinterError::Protocol {
        operation: client::op_name(op),
        reason: "the answer has no printer attributes".into(),
        uri: uri.to_string(),
    })?;
    Ok(printer_from_group(uri, group))
}

/// Get-Jobs (not completed) of one printer or queue.
pub fn jobs(uri: &str, opts: &QueryOptions) -> Result<Vec<Job>, PrinterError> {
    let parsed = normalize_uri(uri)?;
    let op = Operation::GetJobs;
    let mut req = client::request(op, Some(&parsed))?;
    client::add_op_attr(&mut req, "requesting-user-name", IppValue::new_name_without_language(user_name()))?;
    client::add_op_attr(&mut req, "which-jobs", IppValue::new_keyword("not-completed"))?;
    client::add_op_attr(&mut req, "limit", Ok(IppValue::Integer(MAX_JOBS_PER_PRINTER)))?;
    client::requested(&mut req, JOB_ATTRIBUTES)?;
    let resp = client::send(&Target { uri, timeout: opts.timeout }, op, req, DelimiterTag::JobAttributes)?;
    // "Not found" is how some printers say "no jobs".
    if resp.status == StatusCode::ClientErrorNotFound {
        return Ok(Vec::new());
    }
    check_status(&resp, op, uri)?;
    let now = Utc::now();
    Ok(resp
        .groups
        .iter()
        .filter_map(|g| job_from_group(g, now, opts.stuck_after))
        .take(MAX_JOBS_PER_PRINTER as usize)
        .collect())
}

/// The full status of a printer or queue: attributes, then its unfinished jobs.
/// A printer that refuses Get-Jobs still has its status; the jobs stay empty.
pub fn printer_status(uri: &str, opts: &QueryOptions) -> Result<PrinterStatus, PrinterError> {
    let mut status = printer_attributes(uri, opts)?;
    match jobs(uri, opts) {
        Ok(j) => status.jobs = j,
        Err(e) => tracing::info!("jobs of {uri} not read: {e:#}"),
    }
    Ok(status)
}

/// The CUPS server to ask: the configured one, else `CUPS_SERVER` (when it is host[:port]),
/// else `localhost:631`. A socket path in CUPS_SERVER is skipped: IPP here goes over TCP.
pub fn cups_server(configured: Option<&str>) -> String {
    let env = std::env::var("CUPS_SERVER").ok();
    let chosen = configured
        .map(str::to_string)
        .or(env)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && !s.starts_with('/'))
        .unwrap_or_else(|| "localhost".into());
    if chosen.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) && !chosen.ends_with(']') {
        chosen
    } else {
        format!("{chosen}:631")
    }
}

fn server_uri(server: &str, path: &str) -> String {
    format!("ipp://{server}{path}")
}

/// CUPS-Get-Default: the default destination's name, None when there is none.
pub fn cups_default(server: &str, opts: &QueryOptions) -> Result<Option<String>, PrinterError> {
    crate::platform::wake_local_cups(server);
    let uri = server_uri(server, "/");
    let op = Operation::CupsGetDefault;
    let mut req = client::request(op, None)?;
    client::requested(&mut req, &["printer-name"])?;
    let resp = client::send(&Target { uri: &uri, timeout: opts.timeout }, op, req, DelimiterTag::PrinterAttributes)?;
    default_from(&resp, &uri)
}

/// The queues of a CUPS-Get-Printers answer (no queues at all is "not found" in CUPS).
fn queues_from(server: &str, resp: &client::Response) -> Result<Vec<PrinterStatus>, PrinterError> {
    if resp.status == StatusCode::ClientErrorNotFound {
        return Ok(Vec::new());
    }
    check_status(resp, Operation::CupsGetPrinters, &server_uri(server, "/"))?;
    Ok(resp
        .groups
        .iter()
        .filter_map(|g| {
            let name = g.string("printer-name")?;
            let mut status = printer_from_group(&server_uri(server, &format!("/printers/{name}")), g);
            status.queue = Some(name);
            Some(status)
        })
        .collect())
}

fn default_from(resp: &client::Response, uri: &str) -> Result<Option<String>, PrinterError> {
    if resp.status == StatusCode::ClientErrorNotFound {
        return Ok(None);
    }
    check_status(resp, Operation::CupsGetDefault, uri)?;
    Ok(resp.groups.first().and_then(|g| g.string("printer-name")))
}

/// Read a captured Get-Printer-Attributes answer (the HTTP body) as a status, for fixtures and fuzzing.
pub fn parse_printer_attributes(uri: &str, bytes: &[u8]) -> Result<PrinterStatus, PrinterError> {
    let resp = client::parse_bytes(bytes, DelimiterTag::PrinterAttributes)?;
    check_status(&resp, Operation::GetPrinterAttributes, uri)?;
    resp.groups.first().map(|g| printer_from_group(uri, g)).ok_or_else(|| PrinterError::Protocol {
        operation: "Get-Printer-Attributes",
        reason: "the answer has no printer attributes".into(),
        uri: uri.to_string(),
    })
}

/// Read a captured CUPS-Get-Printers answer as the queues of `server`.
pub fn parse_cups_printers(server: &str, bytes: &[u8]) -> Result<Vec<PrinterStatus>, PrinterError> {
    queues_from(server, &client::parse_bytes(bytes, DelimiterTag::PrinterAttributes)?)
}

/// Read a captured CUPS-Get-Default answer: the default's name, None when there is none.
pub fn parse_cups_default(bytes: &[u8]) -> Result<Option<String>, PrinterError> {
    default_from(&client::parse_bytes(bytes, DelimiterTag::PrinterAttributes)?, "CUPS-Get-Default answer")
}

/// CUPS-Get-Printers + CUPS-Get-Default + Get-Jobs per queue, against the CUPS server.
pub fn cups_queues(server: &str, opts: &QueryOptions) -> Result<CupsQueues, PrinterError> {
    crate::platform::wake_local_cups(server);
    let uri = server_uri(server, "/");
    let op = Operation::CupsGetPrinters;
    let mut req = client::request(op, None)?;
    client::add_op_attr(&mut req, "requesting-user-name", IppValue::new_name_without_language(user_name()))?;
    client::requested(&mut req, &["all"])?;
    let resp = client::send(&Target { uri: &uri, timeout: opts.timeout }, op, req, DelimiterTag::PrinterAttributes)?;
    let mut queues = queues_from(server, &resp)?;
    for status in &mut queues {
        match jobs(&status.uri, opts) {
            Ok(j) => status.jobs = j,
            Err(e) => tracing::info!("jobs of {} not read: {e:#}", status.uri),
        }
    }
    let default = cups_default(server, opts)?;
    Ok(CupsQueues { server: server.to_string(), default, queues })
}

/// The formats deskcheck can make a test page in, in order of preference.
pub const TEST_PAGE_FORMATS: [&str; 3] = ["application/pdf", "image/pwg-raster", "image/jpeg"];

/// The JPEG test page's resolution: sharp enough for 14 pt text, small enough to send quickly.
const JPEG_DPI: u32 = 150;

/// The test page, made in a format the printer accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub format: &'static str,
    /// For a raster: "sgray_8 300dpi iso_a4_210x297mm".
    pub rendering: Option<String>,
    pub bytes: Vec<u8>,
}

/// PDF when the printer lists it; else a PWG raster at a resolution, colour space and media
/// size it lists; else a gray JPEG of its default media at 150 dpi. `application/octet-stream` is never used: IPP Everywhere printers that list
/// it sniff the document and refuse what they cannot print (ippeveprinter refuses PDF so).
fn test_page_document(uri: &str, g: &Group, page: &TestPage) -> Result<Document, PrinterError> {
    let formats = g.strings("document-format-supported");
    let takes = |f: &str| formats.iter().any(|s| s.eq_ignore_ascii_case(f));
    if takes("application/pdf") {
        return Ok(Document { format: "application/pdf", rendering: None, bytes: page.to_pdf() });
    }
    if takes("image/pwg-raster") {
        let supported = g.resolutions_dpi("pwg-raster-document-resolution-supported");
        let default = g.resolutions_dpi("printer-resolution-default").into_iter().next();
        // The printer's own default when raster can use it, else the lowest it offers (the
        // smallest document), else 300 dpi, which every PWG raster printer takes.
        let dpi = match default {
            Some(d) if supported.is_empty() || supported.contains(&d) => d,
            _ => supported.iter().copied().min().unwrap_or(300),
        }
        .clamp(72, 1200);
        let types = g.strings("pwg-raster-document-type-supported");
        let color = if types.is_empty() || types.iter().any(|t| t == "sgray_8") {
            raster::ColorSpace::Sgray8
        } else if types.iter().any(|t| t == "srgb_8") {
            raster::ColorSpace::Srgb8
        } else {
            return Err(PrinterError::NoUsableFormat {
                formats: format!("image/pwg-raster as {}", types.join(", ")),
                ours: "application/pdf, image/pwg-raster as sgray_8 or srgb_8".into(),
                uri: uri.to_string(),
            });
        };
        let media = g.string("media-default").filter(|m| raster::media_size_hmm(m).is_some());
        let media = media.unwrap_or_else(|| "iso_a4_210x297mm".to_string());
        let (width_hmm, height_hmm) = raster::media_size_hmm(&media).unwrap_or(raster::RasterPage::A4);
        let spec = raster::RasterPage { width_hmm, height_hmm, dpi, color };
        return Ok(Document {
            format: "image/pwg-raster",
            rendering: Some(format!("{} {dpi}dpi {media}", color.keyword())),
            bytes: page.to_pwg_raster(&spec, &media),
        });
    }
    if takes("image/jpeg") {
        let media = g.string("media-default").filter(|m| raster::media_size_hmm(m).is_some());
        let media = media.unwrap_or_else(|| "iso_a4_210x297mm".to_string());
        let (width_hmm, height_hmm) = raster::media_size_hmm(&media).unwrap_or(raster::RasterPage::A4);
        let spec = raster::RasterPage { width_hmm, height_hmm, dpi: JPEG_DPI, color: raster::ColorSpace::Sgray8 };
        let bytes = page.to_jpeg(&spec).map_err(|reason| PrinterError::Protocol {
            operation: "making the test page",
            reason,
            uri: uri.to_string(),
        })?;
        return Ok(Document { format: "image/jpeg", rendering: Some(format!("gray {JPEG_DPI}dpi {media}")), bytes });
    }
    Err(PrinterError::NoUsableFormat {
        formats: if formats.is_empty() { "no format it names".into() } else { formats.join(", ") },
        ours: TEST_PAGE_FORMATS.join(", "),
        uri: uri.to_string(),
    })
}

/// Send the test page in a format the printer lists (see `test_page_document`); to a
/// `winspool:` queue, through the printer's own driver (see `spool::print_test_page`). `go_on` is
/// asked just before the page is sent: false (the run was cancelled or ran out of time) sends
/// nothing and says so.
pub fn print_test_page(
    uri: &str,
    page: &TestPage,
    opts: &QueryOptions,
    go_on: &dyn Fn() -> bool,
) -> Result<SubmittedJob, PrinterError> {
    if let Some(printer) = spool::spool_printer(uri) {
        return spool::print_test_page(printer, page, go_on);
    }
    let parsed = normalize_uri(uri)?;
    let op = Operation::GetPrinterAttributes;
    let mut req = client::request(op, Some(&parsed))?;
    client::add_op_attr(&mut req, "requesting-user-name", IppValue::new_name_without_language(user_name()))?;
    client::requested(
        &mut req,
        &[
            "document-format-supported",
            "media-default",
            "pwg-raster-document-resolution-supported",
            "pwg-raster-document-type-supported",
            "printer-resolution-default",
        ],
    )?;
    let resp = client::send(&Target { uri, timeout: opts.timeout }, op, req, DelimiterTag::PrinterAttributes)?;
    check_status(&resp, op, uri)?;
    let group = resp.groups.first().cloned().unwrap_or_default();
    let doc = test_page_document(uri, &group, page)?;
    if !go_on() {
        return Err(PrinterError::Stopped { what: "the test page was not sent".into(), uri: uri.to_string() });
    }
    let op = Operation::PrintJob;
    let mut req = client::request(op, Some(&parsed))?;
    client::add_op_attr(&mut req, "requesting-user-name", IppValue::new_name_without_language(user_name()))?;
    client::add_op_attr(&mut req, "job-name", IppValue::new_name_without_language("deskcheck test page"))?;
    client::add_op_attr(&mut req, "document-format", IppValue::new_mime_media_type(doc.format))?;
    let req = client::with_payload(req, doc.bytes);
    let resp = client::send(&Target { uri, timeout: opts.timeout }, op, req, DelimiterTag::JobAttributes)?;
    check_status(&resp, op, uri)?;
    let job = resp.groups.first();
    let job_id = job.and_then(|g| g.int("job-id")).and_then(|i| i32::try_from(i).ok()).ok_or_else(|| {
        PrinterError::Protocol {
            operation: client::op_name(op),
            reason: "the answer has no job-id".into(),
            uri: uri.into(),
        }
    })?;
    Ok(SubmittedJob {
        printer_uri: uri.to_string(),
        job_id,
        job_uri: job.and_then(|g| g.string("job-uri")),
        document_format: doc.format.to_string(),
        rendering: doc.rendering,
    })
}

/// Cancel-Job of one job, by id, on the printer or queue that holds it (a `winspool:` queue:
/// SetJobW through the spooler).
pub fn cancel_job(uri: &str, job_id: i32, opts: &QueryOptions) -> Result<(), PrinterError> {
    if let Some(printer) = spool::spool_printer(uri) {
        return spool::cancel_job(printer, job_id);
    }
    let parsed = normalize_uri(uri)?;
    let op = Operation::CancelJob;
    let mut req = client::request(op, Some(&parsed))?;
    client::add_op_attr(&mut req, "job-id", Ok(IppValue::Integer(job_id)))?;
    client::add_op_attr(&mut req, "requesting-user-name", IppValue::new_name_without_language(user_name()))?;
    let resp = client::send(&Target { uri, timeout: opts.timeout }, op, req, DelimiterTag::JobAttributes)?;
    check_status(&resp, op, uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/ipp/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Captured from ippeveprinter (CUPS 2.4.2) after setting Black Toner to 4 % on its Supplies page.
    #[test]
    fn ippeveprinter_fixture_reads_state_reasons_and_supplies() {
        let s = parse_printer_attributes("ipp://10.88.0.1:8631/ipp/print", &fixture("ippeveprinter-toner-low.ipp"))
            .unwrap();
        assert_eq!(s.make_and_model.as_deref(), Some("Acme LaserJet Test"));
        assert_eq!(s.state, PrinterState::Idle);
        assert_eq!(s.accepting_jobs, Some(true));
        assert_eq!(s.queued_job_count, Some(0));
        let keywords: Vec<&str> = s.state_reasons.iter().map(|r| r.keyword.as_str()).collect();
        assert_eq!(keywords, vec!["toner-low-report"]);
        assert_eq!(s.state_reasons[0].severity, ReasonSeverity::Report);
        assert_eq!(s.supplies.len(), 2);
        let toner = &s.supplies[1];
        assert_eq!(
            (toner.name.as_str(), toner.level, toner.fills_up),
            ("Black Toner", SupplyLevel::Percent { percent: 4 }, false)
        );
        assert_eq!(toner.condition(), SupplyCondition::Low);
        let waste = &s.supplies[0];
        assert_eq!((waste.name.as_str(), waste.level.percent(), waste.fills_up), ("Toner Waste Tank", Some(25), true));
        assert_eq!(waste.condition(), SupplyCondition::Ok);
        assert!(s.document_formats.iter().any(|f| f == "application/pdf"));
        assert!(s.raw_attributes.contains("printer-supply (1setOf octetString) = index=1;"), "{}", s.raw_attributes);
    }

    /// Captured from cupsd 2.4.2: a queue to ippeveprinter, and one whose backend reported
    /// marker-* levels (4, −3, −1, −2) the way printer drivers do, with `ATTR:` lines.
    #[test]
    fn cupsd_fixture_reads_queues_and_markers() {
        let queues = parse_cups_printers("127.0.0.1:631", &fixture("cupsd-get-printers.ipp")).unwrap();
        let names: Vec<&str> = queues.iter().filter_map(|q| q.queue.as_deref()).collect();
        assert_eq!(names, vec!["markers", "office"]);
        let office = &queues[1];
        assert_eq!(office.uri, "ipp://127.0.0.1:631/printers/office");
        assert_eq!(office.device_uri.as_deref(), Some("ipp://10.88.0.1:8631/ipp/print"));
        let m = &queues[0];
        let levels: Vec<(&str, SupplyLevel, Option<u8>)> =
            m.supplies.iter().map(|s| (s.name.as_str(), s.level, s.low_percent)).collect();
        assert_eq!(
            levels,
            vec![
                ("Black Toner", SupplyLevel::Percent { percent: 4 }, Some(5)),
                ("Cyan Toner", SupplyLevel::SomeRemaining, Some(5)),
                ("Magenta Toner", SupplyLevel::Unavailable, Some(5)),
                ("Waste Toner Box", SupplyLevel::Unknown, None),
            ]
        );
        assert!(m.supplies.iter().all(|s| s.source == SupplySource::CupsMarker));
        assert_eq!(m.supplies[0].color.as_deref(), Some("#000000"));
        assert!(m.supplies[3].fills_up);
        assert_eq!(m.supplies[0].condition(), SupplyCondition::Low);
        assert_eq!(m.supplies[1].condition(), SupplyCondition::Unknown);
    }

    #[test]
    fn cupsd_default_fixtures() {
        assert_eq!(parse_cups_default(&fixture("cupsd-get-default.ipp")).unwrap().as_deref(), Some("markers"));
        assert_eq!(parse_cups_default(&fixture("cupsd-get-default-none.ipp")).unwrap(), None);
    }

    #[test]
    fn truncated_or_garbage_answers_are_errors_not_panics() {
        let bytes = fixture("ippeveprinter-toner-low.ipp");
        for cut in [0, 3, 8, 9, 40, bytes.len() / 2, bytes.len() - 1] {
            let _ = parse_printer_attributes("ipp://x/ipp/print", &bytes[..cut]);
        }
        assert!(parse_printer_attributes("ipp://x/ipp/print", b"<html>not ipp</html>").is_err());
    }

    fn page() -> TestPage {
        TestPage { hostname: "desk-42".into(), time: "t".into(), printer: "p".into(), tool: "deskcheck".into() }
    }

    fn group(attrs: Vec<(&str, IppValue)>) -> Group {
        Group { attrs: attrs.into_iter().map(|(n, v)| (n.to_string(), v)).collect() }
    }

    fn keywords(kind: fn(String) -> IppValue, v: &[&str]) -> IppValue {
        IppValue::Array(v.iter().map(|s| kind(s.to_string())).collect())
    }

    #[test]
    fn pdf_when_offered_else_pwg_raster_at_the_printers_resolution_and_media() {
        let mime = |s: String| IppValue::MimeMediaType(s.parse().unwrap());
        let kw = |s: String| IppValue::Keyword(s.parse().unwrap());
        let with_pdf = group(vec![("document-format-supported", keywords(mime, &["application/pdf", "image/urf"]))]);
        assert_eq!(test_page_document("u", &with_pdf, &page()).unwrap().format, "application/pdf");
        // ippeveprinter's defaults: no PDF; raster at 150 and 300 dpi, default 300.
        let everywhere = group(vec![
            (
                "document-format-supported",
                keywords(mime, &["application/octet-stream", "image/pwg-raster", "image/urf"]),
            ),
            (
                "pwg-raster-document-resolution-supported",
                IppValue::Array(vec![
                    IppValue::Resolution { cross_feed: 150, feed: 150, units: 3 },
                    IppValue::Resolution { cross_feed: 300, feed: 300, units: 3 },
                ]),
            ),
            ("printer-resolution-default", IppValue::Resolution { cross_feed: 300, feed: 300, units: 3 }),
            ("pwg-raster-document-type-supported", keywords(kw, &["black_1", "sgray_8", "srgb_8"])),
            ("media-default", IppValue::Keyword("na_letter_8.5x11in".parse().unwrap())),
        ]);
        let doc = test_page_document("u", &everywhere, &page()).unwrap();
        assert_eq!(doc.format, "image/pwg-raster");
        assert_eq!(doc.rendering.as_deref(), Some("sgray_8 300dpi na_letter_8.5x11in"));
        assert!(doc.bytes.starts_with(b"RaS2"));
        let jpeg = group(vec![("document-format-supported", keywords(mime, &["image/urf", "image/jpeg"]))]);
        let doc = test_page_document("u", &jpeg, &page()).unwrap();
        assert_eq!((doc.format, doc.rendering.as_deref()), ("image/jpeg", Some("gray 150dpi iso_a4_210x297mm")));
        assert!(doc.bytes.starts_with(&[0xff, 0xd8, 0xff]) && doc.bytes.ends_with(&[0xff, 0xd9]));
        let urf_only = group(vec![(
            "document-format-supported",
            keywords(mime, &["application/octet-stream", "image/urf", "application/vnd.hp-pcl"]),
        )]);
        let err = test_page_document("ipp://p/ipp/print", &urf_only, &page()).unwrap_err().to_string();
        assert_eq!(
            err,
            "the printer accepts only application/octet-stream, image/urf, application/vnd.hp-pcl; deskcheck can send application/pdf, image/pwg-raster, image/jpeg (ipp://p/ipp/print)"
        );
    }

    #[test]
    fn held_jobs_are_never_stuck() {
        let now = Utc::now();
        let job = |state: i32| {
            group(vec![
                ("job-id", IppValue::Integer(7)),
                ("job-state", IppValue::Enum(state)),
                ("job-printer-up-time", IppValue::Integer(5000)),
                ("time-at-creation", IppValue::Integer(1000)),
            ])
        };
        let limit = Duration::from_secs(60);
        assert!(job_from_group(&job(3), now, limit).unwrap().stuck, "pending for over an hour");
        let held = job_from_group(&job(4), now, limit).unwrap();
        assert_eq!((held.state, held.stuck), (JobState::Held, false));
    }

    #[test]
    fn control_characters_from_the_printer_do_not_survive() {
        let g = group(vec![(
            "printer-state-message",
            IppValue::new_text_without_language("\u{1b}]0;pwned\u{7}Ready\u{202e}").unwrap(),
        )]);
        assert_eq!(g.string("printer-state-message").as_deref(), Some("]0;pwnedReady"));
        assert!(!client::dump(&g).contains('\u{1b}'));
    }

    #[test]
    fn cups_server_defaults_and_ports() {
        assert_eq!(cups_server(Some("printhost")), "printhost:631");
        assert_eq!(cups_server(Some("127.0.0.1:8631")), "127.0.0.1:8631");
        assert_eq!(cups_server(Some("[::1]")), "[::1]:631");
        assert_eq!(cups_server(Some("[::1]:632")), "[::1]:632");
    }

    #[test]
    fn uris_get_the_ipp_port() {
        assert_eq!(normalize_uri("ipps://printer/ipp/print").unwrap().to_string(), "ipps://printer:631/ipp/print");
        assert_eq!(normalize_uri("ipp://10.0.0.9:8631/ipp/print").unwrap().port_u16(), Some(8631));
        assert!(matches!(normalize_uri("lpd://x/q"), Err(PrinterError::InvalidUri { .. })));
        assert!(matches!(normalize_uri("not a uri"), Err(PrinterError::InvalidUri { .. })));
        assert_eq!(uri_host("ipp://[fe80::1]:631/x").as_deref(), Some("fe80::1"));
    }
}
