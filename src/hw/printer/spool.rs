//! The OS's print queues whichever system keeps them: CUPS over IPP (Linux, macOS) or the
//! Windows spooler (`platform::spool`), turned into the same `PrinterStatus`/`Job` values, so
//! the printer checks word a Windows queue's paper jam exactly as a CUPS queue's.
//!
//! A spooler queue is addressed as `winspool:<printer name>`; `cancel_job` and
//! `print_test_page` in `mod.rs` send such addresses here instead of to IPP.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{
    CupsQueues, Job, JobState, PrinterError, PrinterState, PrinterStatus, QueryOptions, SubmittedJob, TestPage,
};
use crate::platform::spool::{
    self, PortTarget, PrintSystem, SpoolJob, SpoolJobState, SpoolPrinterState, SpoolQueue, SpoolSnapshot,
};

/// How a spooler queue is addressed among printer URIs.
pub const WINSPOOL_SCHEME: &str = "winspool:";
/// The `server` of the queue list when the spooler answered.
pub const SPOOLER_SERVER: &str = "Windows print spooler";

/// `winspool:<name>` for a spooler queue.
pub fn queue_uri(name: &str) -> String {
    format!("{WINSPOOL_SCHEME}{name}")
}

/// The printer name of a `winspool:` address; None for any other URI.
pub fn spool_printer(uri: &str) -> Option<&str> {
    uri.strip_prefix(WINSPOOL_SCHEME).filter(|n| !n.is_empty())
}

fn spool_error(err: impl std::fmt::Display, printer: &str) -> PrinterError {
    PrinterError::Spooler { reason: err.to_string(), printer: printer.to_string() }
}

/// The local queues and the default: from CUPS (the configured server, `CUPS_SERVER`, else
/// localhost) where CUPS keeps them, from the spooler on Windows.
pub fn local_queues(cups_server: Option<&str>, opts: &QueryOptions) -> Result<CupsQueues, PrinterError> {
    match spool::print_system() {
        PrintSystem::Cups => super::cups_queues(&super::cups_server(cups_server), opts),
        PrintSystem::Winspool => {
            let snapshot = spool::snapshot().map_err(|e| spool_error(e, ""))?;
            let mut queues = queues_from_snapshot(&snapshot, Utc::now(), opts.stuck_after);
            fill_wine_cups_jobs(&snapshot, &mut queues, cups_server, opts);
            Ok(queues)
        }
    }
}

/// Wine lists each CUPS queue as a printer on a `CUPS:<queue>` port, but its EnumJobsW is a
/// stub that lists nothing. For those ports only (real Windows has none), the jobs come from
/// the CUPS server the port names, over IPP, so deskcheck.exe under wine still sees them.
fn fill_wine_cups_jobs(
    snapshot: &SpoolSnapshot,
    queues: &mut CupsQueues,
    cups_server: Option<&str>,
    opts: &QueryOptions,
) {
    let server = super::cups_server(cups_server);
    for (q, status) in snapshot.queues.iter().zip(queues.queues.iter_mut()) {
        let Some(cups_queue) = q.printer.port.strip_prefix("CUPS:").filter(|n| !n.is_empty()) else { continue };
        if q.jobs_error.is_none() && !q.jobs.is_empty() {
            continue;
        }
        let uri = format!("ipp://{server}/printers/{cups_queue}");
        match super::jobs(&uri, opts) {
            Ok(jobs) => {
                status.jobs = jobs;
                status.raw_attributes.push_str(&format!("jobs read from = {uri} (wine CUPS port)\n"));
            }
            Err(e) => tracing::info!("jobs of wine's CUPS queue {cups_queue} not read: {e:#}"),
        }
    }
}

/// The spooler's queues as printer statuses (pure: tested on recorded values).
pub fn queues_from_snapshot(snapshot: &SpoolSnapshot, now: DateTime<Utc>, stuck_after: Duration) -> CupsQueues {
    CupsQueues {
        server: SPOOLER_SERVER.into(),
        default: snapshot.default.clone(),
        queues: snapshot.queues.iter().map(|q| status_from_queue(q, now, stuck_after)).collect(),
    }
}

fn status_from_queue(q: &SpoolQueue, now: DateTime<Utc>, stuck_after: Duration) -> PrinterStatus {
    let p = &q.printer;
    let device_uri = match spool::port_target(&p.port) {
        PortTarget::Network { uri, .. } => Some(uri),
        _ if p.port.is_empty() => None,
        // The port name itself (USB001, WSD-…) still tells the technician where it prints.
        _ => Some(p.port.clone()),
    };
    let mut raw = String::new();
    let mut line = |k: &str, v: &str| raw.push_str(&format!("{k} = {v}\n"));
    line("printer-name", &p.name);
    line("port", &p.port);
    line("driver", &p.driver);
    for (k, v) in [("server", &p.server), ("share", &p.share), ("location", &p.location), ("comment", &p.comment)] {
        if let Some(v) = v {
            line(k, v);
        }
    }
    line("status-flags", &format!("0x{:08x}", p.status_flags));
    line("attribute-flags", &format!("0x{:08x}", p.attribute_flags));
    line("jobs", &p.job_count.to_string());
    if let Some(e) = &q.jobs_error {
        line("jobs-error", e);
    }
    for j in &q.jobs {
        line(
            &format!("job {}", j.id),
            &format!(
                "status 0x{:08x} [{}] {:?} by {:?}",
                j.status_flags,
                j.reasons.join(" "),
                j.document.as_deref().unwrap_or(""),
                j.user.as_deref().unwrap_or("")
            ),
        );
    }
    PrinterStatus {
        uri: queue_uri(&p.name),
        queue: Some(p.name.clone()),
        name: Some(p.name.clone()),
        make_and_model: (!p.driver.is_empty()).then(|| p.driver.clone()),
        location: p.location.clone(),
        device_uri,
        state: match p.state {
            SpoolPrinterState::Idle => PrinterState::Idle,
            SpoolPrinterState::Printing => PrinterState::Processing,
            SpoolPrinterState::Stopped => PrinterState::Stopped,
        },
        state_reasons: super::attrs::parse_reasons(p.reasons.iter().map(String::as_str)),
        state_message: p.comment.clone(),
        accepting_jobs: None,
        queued_job_count: Some(i64::from(p.job_count)),
        jobs: q.jobs.iter().filter_map(|j| job_from_spool(j, now, stuck_after)).collect(),
        supplies: Vec::new(),
        document_formats: Vec::new(),
        raw_attributes: raw,
    }
}

/// One spooler job as a `Job`; finished jobs (deleting, printed) are left out, as IPP's
/// "not-completed" list leaves them out. The stuck rule is the IPP one: waiting or stopped
/// for longer than the limit; a held (paused) job is never stuck.
pub fn job_from_spool(j: &SpoolJob, now: DateTime<Utc>, stuck_after: Duration) -> Option<Job> {
    let state = match j.state {
        SpoolJobState::Pending => JobState::Pending,
        SpoolJobState::Held => JobState::Held,
        SpoolJobState::Printing => JobState::Processing,
        SpoolJobState::Stopped => JobState::Stopped,
        SpoolJobState::Done => return None,
    };
    let age_secs = j.submitted.map(|t| (now - t).num_seconds().max(0));
    let waiting = matches!(state, JobState::Pending | JobState::Stopped);
    Some(Job {
        id: i32::try_from(j.id).ok()?,
        name: j.document.clone(),
        user: j.user.clone(),
        state,
        state_reasons: j.reasons.clone(),
        created_at: j.submitted,
        age_secs,
        stuck: waiting && age_secs.is_some_and(|a| a >= stuck_after.as_secs() as i64),
    })
}

/// The default printer's address: the CUPS default queue or the spooler's default printer.
pub fn default_destination(cups_server: Option<&str>, opts: &QueryOptions) -> Result<Option<String>, PrinterError> {
    match spool::print_system() {
        PrintSystem::Cups => {
            let server = super::cups_server(cups_server);
            Ok(super::cups_default(&server, opts)?.map(|name| format!("ipp://{server}/printers/{name}")))
        }
        PrintSystem::Winspool => {
            let snapshot = spool::snapshot().map_err(|e| spool_error(e, ""))?;
            Ok(snapshot.default.map(|d| queue_uri(&d)))
        }
    }
}

/// Removes a job from a spooler queue, by id.
pub fn cancel_job(printer: &str, job_id: i32) -> Result<(), PrinterError> {
    let id = u32::try_from(job_id).map_err(|_| spool_error(format!("{job_id} is not a job id"), printer))?;
    spool::cancel_job(printer, id).map_err(|e| spool_error(e, printer))
}

/// The test page through a spooler queue: the page's lines drawn by the printer's own driver.
pub fn print_test_page(printer: &str, page: &TestPage, go_on: &dyn Fn() -> bool) -> Result<SubmittedJob, PrinterError> {
    if !go_on() {
        return Err(PrinterError::Stopped { what: "the test page was not sent".into(), uri: queue_uri(printer) });
    }
    let job = spool::print_text_page(printer, "deskcheck test page", &page.text_lines())
        .map_err(|e| spool_error(e, printer))?;
    Ok(SubmittedJob {
        printer_uri: queue_uri(printer),
        job_id: i32::try_from(job.job_id).unwrap_or(i32::MAX),
        job_uri: None,
        document_format: "printer driver (GDI)".into(),
        rendering: Some(job.rendering),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hw::printer::ReasonSeverity;
    use crate::platform::spool::SpoolPrinter;

    fn printer(name: &str, port: &str, state: SpoolPrinterState, reasons: &[&str]) -> SpoolPrinter {
        SpoolPrinter {
            name: name.into(),
            server: None,
            share: None,
            port: port.into(),
            driver: "HP Universal Printing PCL 6".into(),
            location: Some("Floor 2".into()),
            comment: None,
            status_flags: 0x10,
            attribute_flags: 0x40,
            state,
            reasons: reasons.iter().map(|r| r.to_string()).collect(),
            job_count: 2,
            work_offline: false,
        }
    }

    fn job(id: u32, state: SpoolJobState, minutes_ago: i64, now: DateTime<Utc>) -> SpoolJob {
        SpoolJob {
            id,
            document: Some("report.docx".into()),
            user: Some("jsmith".into()),
            machine: None,
            status_flags: 0,
            status_text: None,
            state,
            reasons: Vec::new(),
            submitted: Some(now - chrono::Duration::minutes(minutes_ago)),
            total_pages: 1,
            size_bytes: 1000,
        }
    }

    #[test]
    fn spooler_queues_read_like_cups_queues() {
        let now = Utc::now();
        let snapshot = SpoolSnapshot {
            default: Some("Floor2".into()),
            queues: vec![
                SpoolQueue {
                    printer: printer("Floor2", "IP_192.168.1.20", SpoolPrinterState::Stopped, &["media-empty-error"]),
                    jobs: vec![
                        job(12, SpoolJobState::Pending, 30, now),
                        job(13, SpoolJobState::Held, 90, now),
                        job(14, SpoolJobState::Pending, 1, now),
                        job(15, SpoolJobState::Done, 90, now),
                        job(16, SpoolJobState::Stopped, 45, now),
                    ],
                    jobs_error: None,
                },
                SpoolQueue {
                    printer: printer("Scanner-Fax", "WSD-4c4c4544-0031", SpoolPrinterState::Idle, &[]),
                    jobs: Vec::new(),
                    jobs_error: Some("EnumJobsW failed".into()),
                },
            ],
        };
        let q = queues_from_snapshot(&snapshot, now, Duration::from_secs(600));
        assert_eq!((q.server.as_str(), q.default.as_deref()), (SPOOLER_SERVER, Some("Floor2")));
        let floor2 = &q.queues[0];
        assert_eq!(floor2.uri, "winspool:Floor2");
        assert_eq!(floor2.display_name(), "Floor2");
        assert_eq!(floor2.device_uri.as_deref(), Some("socket://192.168.1.20"));
        assert_eq!(floor2.state, PrinterState::Stopped);
        assert_eq!(floor2.state_reasons[0].reason, "media-empty");
        assert_eq!(floor2.state_reasons[0].severity, ReasonSeverity::Error);
        let ids: Vec<(i32, bool)> = floor2.jobs.iter().map(|j| (j.id, j.stuck)).collect();
        // Held 13 is never stuck; 14 is too young; printed 15 is gone; stopped 16 is stuck.
        assert_eq!(ids, vec![(12, true), (13, false), (14, false), (16, true)]);
        assert_eq!(floor2.jobs[1].state, JobState::Held);
        assert!(floor2.raw_attributes.contains("status-flags = 0x00000010"), "{}", floor2.raw_attributes);
        let wsd = &q.queues[1];
        assert_eq!(wsd.device_uri.as_deref(), Some("WSD-4c4c4544-0031"));
        assert!(wsd.raw_attributes.contains("jobs-error = EnumJobsW failed"));
    }

    #[test]
    fn winspool_addresses() {
        assert_eq!(spool_printer(&queue_uri("\\\\printsrv\\Floor 2")), Some("\\\\printsrv\\Floor 2"));
        assert_eq!(spool_printer("winspool:"), None);
        assert_eq!(spool_printer("ipp://127.0.0.1/printers/office"), None);
    }
}
