//! The printer checks against a real ippeveprinter (with its private D-Bus and avahi-daemon)
//! and a real cupsd, each in its own network namespace, through the real `deskcheck` binary
//! (and the library engine for the on-demand checks, which the CLI does not run).

mod common;

use std::sync::Arc;

use common::printer_lab::*;
use deskcheck::config::Config;
use deskcheck::i18n::Lang;
use deskcheck::model::{CheckRun, Finding, Severity};

macro_rules! need_lab {
    ($name:expr) => {
        if let Some(why) = unavailable() {
            common::skip($name, &why);
            return;
        }
    };
}

fn run<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["runs"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no run {id}: {report}"))
}

/// The first finding of `severity` as the report stores it (with its message), to read in Danish.
fn finding_of(run: &serde_json::Value, severity: &str) -> Finding {
    let f = run["findings"].as_array().unwrap().iter().find(|f| f["severity"] == severity);
    serde_json::from_value(f.unwrap_or_else(|| panic!("no {severity} finding: {run}")).clone()).unwrap()
}

fn findings(run: &serde_json::Value) -> Vec<(String, String, String)> {
    run["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["summary"].as_str().unwrap().to_string(),
                f["next_step"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The status entry for the lab printer.
fn lab_entry<'a>(status_run: &'a serde_json::Value, uri: &str) -> &'a serde_json::Value {
    status_run["data"]["printers"].as_array().unwrap().iter().find(|p| p["uri"] == uri).expect("lab printer entry")
}

/// Run on-demand checks by id through the engine, from inside the client namespace.
fn on_demand_in(lab: &PrinterLab, ids: &[&'static str], config: Config) -> Vec<CheckRun> {
    let checks: Vec<_> =
        deskcheck::checks::printers::on_demand().into_iter().filter(|c| ids.contains(&c.meta().id)).collect();
    assert_eq!(checks.len(), ids.len(), "unknown on-demand id in {ids:?}");
    in_ns(&lab.client_ns, move || deskcheck::engine::run_blocking(checks, Arc::new(config)).unwrap())
}

fn lab_config(lab: &PrinterLab, with_uri: bool, stuck_minutes: u64) -> Config {
    let mut c = Config::default();
    c.printers.discover_mdns = false;
    c.printers.stuck_job_minutes = stuck_minutes;
    c.printers.cups_server = Some("127.0.0.1:631".into());
    if with_uri {
        c.printers.uris = vec![lab.printer_uri()];
    }
    c
}

#[test]
fn status_reasons_supplies_then_low_toner_warns() {
    need_lab!("status_reasons_supplies_then_low_toner_warns");
    let lab = PrinterLab::start().unwrap();
    let uri = lab.printer_uri();
    let cfg = lab.write_config(false, 10);
    let (report, _code, _) = lab.deskcheck(&cfg, &["--printer", &uri]);

    // No cupsd in the client namespace yet: the queue check says "not available", never fails.
    let queues = run(&report, "printers.queues");
    assert_eq!(queues["outcome"]["kind"], "unsupported", "{queues}");

    let status = run(&report, "printers.status");
    assert_eq!(status["outcome"]["kind"], "completed", "{status}");
    let s = &lab_entry(status, &uri)["status"];
    assert_eq!(s["make_and_model"], format!("{MAKE} {MODEL}"));
    assert_eq!(s["name"], SERVICE_NAME);
    assert_eq!(s["state"], "idle");
    assert_eq!(s["accepting_jobs"], true);
    assert_eq!(s["queued_job_count"], 0);
    assert_eq!(s["state_reasons"].as_array().unwrap().len(), 0, "{s}");
    let supplies = s["supplies"].as_array().unwrap();
    let toner = supplies.iter().find(|x| x["name"] == "Black Toner").expect("Black Toner");
    assert_eq!(toner["level"]["percent"], 75);
    assert_eq!(toner["kind"], "toner");
    assert_eq!(toner["color"], "black");
    assert_eq!(toner["source"], "printer_supply");
    let waste = supplies.iter().find(|x| x["name"] == "Toner Waste Tank").expect("waste tank");
    assert_eq!((waste["level"]["percent"].as_u64(), waste["fills_up"].as_bool()), (Some(25), Some(true)));
    let f = findings(status);
    assert!(f.iter().all(|(sev, ..)| sev == "pass"), "{f:?}");
    // Raw attributes are attached for the bundle.
    let names: Vec<&str> =
        status["attachments"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert!(names.iter().any(|n| n.contains("8631_ipp_print")), "{names:?}");

    // Low toner through the printer's own web form.
    lab.set_supply(&[25, 4]).unwrap();
    let bundle = lab.dir.path().join("bundle.zip");
    let bundle_arg = bundle.to_string_lossy().into_owned();
    let (report, code, _) = lab.deskcheck(&cfg, &["--printer", &uri, "--bundle", &bundle_arg]);
    // The raw IPP attributes are in the bundle, for the ticket.
    let text = common::zip_text(&bundle);
    assert!(text.contains("=== raw/printers.status/"), "no raw attributes in the bundle");
    assert!(text.contains("level=4;colorantname=black;"), "raw printer-supply missing");
    let status = run(&report, "printers.status");
    let s = &lab_entry(status, &uri)["status"];
    let reasons: Vec<&str> =
        s["state_reasons"].as_array().unwrap().iter().map(|r| r["keyword"].as_str().unwrap()).collect();
    assert_eq!(reasons, vec!["toner-low-report"]);
    assert_eq!(s["state_reasons"][0]["severity"], "report");
    let f = findings(status);
    let warn = f.iter().find(|(sev, ..)| sev == "warn").unwrap_or_else(|| panic!("no warn: {f:?}"));
    assert!(warn.1.contains("Black Toner") && warn.1.contains("4 %"), "{warn:?}");
    assert!(!warn.2.is_empty());
    // The same finding, read from the report in Danish: the supply's name as the printer says it.
    let low = finding_of(status, "warn");
    assert_eq!(low.title_in(Lang::Da), "Forbrugsvare ved at slippe op");
    let da = low.summary_in(Lang::Da);
    assert!(da.starts_with("Black Toner i ") && da.ends_with(" er ved at slippe op (4 %)."), "{da}");
    assert_eq!(code, 1, "a warning gives exit code 1");
}

#[test]
fn stopped_printer_is_unreachable_with_a_next_step() {
    need_lab!("stopped_printer_is_unreachable_with_a_next_step");
    let mut lab = PrinterLab::start().unwrap();
    let uri = lab.printer_uri();
    lab.stop_printer();
    let cfg = lab.write_config(false, 10);
    let (report, code, _) = lab.deskcheck(&cfg, &["--printer", &uri]);
    let status = run(&report, "printers.status");
    let f = findings(status);
    let fail = f.iter().find(|(sev, ..)| sev == "fail").unwrap_or_else(|| panic!("no fail: {f:?}"));
    assert!(fail.1.contains("unreachable"), "{fail:?}");
    // The host still answers ping: the wording says the print service is what is down.
    assert!(fail.1.contains("answers on the network"), "{fail:?}");
    assert!(fail.2.contains("Switch the printer off and on"), "{fail:?}");
    let da = finding_of(status, "fail");
    assert!(da.summary_in(Lang::Da).contains("svarer på netværket, men dens udskriftstjeneste gør ikke"), "{da:?}");
    assert!(da.next_step_in(Lang::Da).is_some_and(|n| n.starts_with("Sluk printeren, tænd den igen")), "{da:?}");
    let entry = lab_entry(status, &uri);
    assert_eq!(entry["reachability"]["ping_received"], 3, "{entry}");
    assert_eq!(code, 2);
}

#[test]
fn test_page_reaches_the_spool() {
    need_lab!("test_page_reaches_the_spool");
    let lab = PrinterLab::start().unwrap();
    let runs = on_demand_in(&lab, &["printers.test_page"], lab_config(&lab, true, 10));
    let r = &runs[0];
    assert_eq!(r.findings[0].severity, Severity::Pass, "{r:?}");
    let job_id = r.data["job"]["job_id"].as_i64().unwrap();
    assert!(r.findings[0].summary.contains(&format!("job {job_id}")), "{}", r.findings[0].summary);
    // ippeveprinter writes the document when it processes the job; give it a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let hostname = deskcheck::platform::host_info().hostname;
    loop {
        let files = lab.spooled();
        let page = files.iter().find_map(|p| std::fs::read(p).ok().filter(|b| b.starts_with(b"%PDF")));
        if let Some(bytes) = page {
            let text = String::from_utf8_lossy(&bytes);
            assert!(text.contains("deskcheck test page"), "{text}");
            assert!(text.contains(&format!("Computer: {hostname}")), "{text}");
            assert!(text.contains(&lab.printer_uri()), "{text}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "nothing spooled: {files:?}\n{}", lab.log("ippeveprinter.log"));
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// A held job (secure release, hold-until) waits on purpose: it is listed, never stuck; the
/// cancel check without an approval cancels nothing.
#[test]
fn cupsd_queue_default_held_job_is_not_stuck() {
    need_lab!("cupsd_queue_default_held_job_is_not_stuck");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    let lp = lab.held_job().unwrap();
    assert!(lp.contains("office-"), "{lp}");
    // Any pending job would count as stuck with a 0-minute limit; a held one does not.
    let cfg = lab.write_config(false, 0);
    let (report, code, _) = lab.deskcheck(&cfg, &[]);
    let queues = run(&report, "printers.queues");
    assert_eq!(queues["outcome"]["kind"], "completed", "{queues}");
    let data = &queues["data"];
    assert_eq!(data["default"], "office");
    let office = data["queues"].as_array().unwrap().iter().find(|q| q["queue"] == "office").expect("office queue");
    assert_eq!(office["device_uri"], lab.printer_uri());
    let jobs = office["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    assert_eq!((jobs[0]["state"].as_str(), jobs[0]["stuck"].as_bool()), (Some("held"), Some(false)));
    let f = findings(queues);
    assert!(f.iter().any(|(sev, s, _)| sev == "pass" && s.contains("default printer is office")), "{f:?}");
    assert!(!f.iter().any(|(_, s, _)| s.contains("job(s) on office")), "{f:?}");
    assert_eq!(code, 0, "{f:?}");

    let runs = on_demand_in(&lab, &["printers.jobs.cancel_stuck"], lab_config(&lab, false, 0));
    let r = &runs[0];
    assert_eq!(r.findings[0].title, "Nothing cancelled", "{r:?}");
    assert_eq!(lab.lpstat_ids().len(), 1, "the held job is still there");
}

/// Consent against the real cupsd, through the real binary and an answers file: jobs A and B
/// of the current user wait in a paused queue (stuck), with a held job of the user's, a
/// stuck job of another user and a held job of another user. The step shows all five; the
/// answer approves A only; CUPS's own `lpstat -o` then lists B, both held jobs and the other
/// user's job — only A was cancelled.
#[test]
fn cancel_only_the_approved_ids_and_leave_others_and_held_jobs() {
    need_lab!("cancel_only_the_approved_ids_and_leave_others_and_held_jobs");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    lab.cups_tool(&["cupsdisable", "-h", "127.0.0.1:631", "office"]).unwrap();
    let a = lab.submit("tester", "quarterly-report", false).unwrap();
    let b = lab.submit("tester", "holiday-plan", false).unwrap();
    let held = lab.submit("tester", "payslip", true).unwrap();
    let other = lab.submit("alice", "alices-draft", false).unwrap();
    let other_held = lab.submit("alice", "alices-secure-print", true).unwrap();
    assert_eq!(lab.lpstat_ids(), vec![a, b, held, other, other_held]);

    let cfg = lab.write_config(false, 0);
    let answers = cfg.with_file_name("answers.toml");
    std::fs::write(
        &answers,
        format!(
            "power = \"yes\"\npanel = \"Ready, or nothing unusual\"\npaper = \"yes\"\ndoors = \"yes\"\ntoner = \"no\"\n\
             queue_fix = \"yes\"\ncancel = \"{a}\"\n"
        ),
    )
    .unwrap();
    let out = lab
        .deskcheck_cmd()
        .env("USER", "tester")
        .args(["--config"])
        .arg(&cfg)
        .args(["checklist", "printer", "--printer", &lab.printer_uri(), "--json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    eprintln!("{err}");
    // What the step showed: the two stuck jobs of the user, the others as left alone.
    assert!(err.contains(&format!("[{a}] job {a} on office: \"quarterly-report\" by tester, waiting")), "{err}");
    assert!(err.contains(&format!("[{b}] job {b} on office: \"holiday-plan\"")), "{err}");
    assert!(err.contains(&format!("not yours, left alone: job {other} on office")), "{err}");
    assert!(err.contains(&format!("held on purpose, left alone: job {held} on office")), "{err}");
    assert!(err.contains(&format!("held on purpose, left alone: job {other_held} on office")), "{err}");
    assert!(err.contains(&format!("Approved: {a}\n")), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cancel = run(&report, "printers.jobs.cancel_stuck");
    assert_eq!(cancel["data"]["approved"], serde_json::json!([a]), "{cancel}");
    assert_eq!(cancel["data"]["done"][0]["result"], "cancelled", "{cancel}");
    let f = findings(cancel);
    assert_eq!(f[0].1, format!("Cancelled job {a}."), "{f:?}");
    // CUPS's own view: only A is gone.
    assert_eq!(lab.lpstat_ids(), vec![b, held, other, other_held]);
}

/// A run that times out stops cancelling and says what it did: A (real cupsd) is cancelled,
/// X sits on a printer that accepts the connection and never answers, B is never reached —
/// `lpstat` still lists B after the run, well after X's request would have ended.
#[test]
fn a_timed_out_or_cancelled_run_stops_cancelling_and_says_what_was_done() {
    use deskcheck::checks::printers::{self, CancelResult};
    use deskcheck::engine::{self, EngineEvent};
    use std::time::Duration;
    need_lab!("a_timed_out_or_cancelled_run_stops_cancelling_and_says_what_was_done");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    lab.cups_tool(&["cupsdisable", "-h", "127.0.0.1:631", "office"]).unwrap();
    let ids: Vec<i32> = ["a1", "b1", "a2", "b2"].iter().map(|t| lab.submit("tester", t, false).unwrap()).collect();
    // A printer that takes the connection and never answers, inside the client namespace.
    let silent = in_ns(&lab.client_ns, || std::net::TcpListener::bind("127.0.0.1:0").unwrap());
    let silent_port = silent.local_addr().unwrap().port();
    let config = Arc::new(lab_config(&lab, false, 0));
    let offer = {
        let c = config.clone();
        in_ns(&lab.client_ns, move || printers::cancel_offer(&c, true))
    };
    assert_eq!(offer.offered().len(), 4, "{offer:?}");
    let job = |id: i32| offer.stuck.iter().find(|j| j.id == id).unwrap().clone();
    let mut stuck_job = job(ids[0]);
    stuck_job.id = 999;
    stuck_job.printer_uri = format!("ipp://127.0.0.1:{silent_port}/printers/office");

    // 1. Timed out: a 4 s check gives itself 3 s; X's request takes what is left; B is not reached.
    let approved = vec![job(ids[0]), stuck_job.clone(), job(ids[1])];
    let (check, log) = printers::cancel_approved(offer.clone(), approved.clone(), Vec::new(), Duration::from_secs(4));
    let runs = in_ns(&lab.client_ns, {
        let config = config.clone();
        move || engine::run_blocking(vec![check], config).unwrap()
    });
    let r = &runs[0];
    assert_eq!(r.findings[0].severity, Severity::Fail, "{r:?}");
    assert_eq!(
        r.findings[0].summary,
        format!("Cancelled job {}; 999 could not be cancelled; {} was not reached.", ids[0], ids[1]),
    );
    assert!(log.snapshot().iter().any(|o| matches!(o.result, CancelResult::NotReached { .. })));
    assert_eq!(lab.lpstat_ids(), vec![ids[1], ids[2], ids[3]], "b1 was not reached");

    // 2. Cancelled by the user while X's request is out: the run ends at once, says what was
    // done, and the blocking request that was out does not go on to B.
    let approved = vec![stuck_job, job(ids[2]), job(ids[3])];
    let (check, log) = printers::cancel_approved(offer, approved.clone(), Vec::new(), Duration::from_secs(30));
    let mut run = in_ns(&lab.client_ns, {
        let config = config.clone();
        move || {
            let handle = engine::start(vec![check], config, Arc::new(|| {})).unwrap();
            let mut run = None;
            while let Some(event) = handle.recv() {
                match event {
                    EngineEvent::Progress { note, .. } if note.contains("999") => handle.cancel(),
                    EngineEvent::Finished(r) => run = Some(*r),
                    EngineEvent::AllDone => break,
                    _ => {}
                }
            }
            run.unwrap()
        }
    });
    printers::explain_stop(&mut run, &log, &approved);
    let said = &run.findings.last().unwrap().summary;
    assert!(
        said.ends_with(&format!(
            "cancelled no job; 999 was being cancelled when it stopped (check the queue); {} and {} were not reached.",
            ids[2], ids[3]
        )),
        "{said}"
    );
    // X's request ends by its own timeout (8 s); after it, the loop sees the stop.
    std::thread::sleep(Duration::from_secs(10));
    assert_eq!(lab.lpstat_ids(), vec![ids[1], ids[2], ids[3]], "nothing was cancelled after the stop");
    drop(silent);
}

/// The printer checklist from an answers file, against the real printer and cupsd: the
/// automatic steps find the printer reachable, the paused queue with a stuck job (cancelled
/// after the "yes" and the approval "all"; the held job stays), and print a real test page;
/// the walk ends resolved and its transcript is in the bundle.
#[test]
fn printer_checklist_from_answers_ends_resolved_with_its_transcript_in_the_bundle() {
    need_lab!("printer_checklist_from_answers_ends_resolved_with_its_transcript_in_the_bundle");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    lab.cups_tool(&["cupsdisable", "-h", "127.0.0.1:631", "office"]).unwrap();
    lab.submit("tester", "stuck", false).unwrap();
    let held = lab.submit("tester", "held", true).unwrap();
    let cfg = lab.write_config(false, 0);
    let answers = cfg.with_file_name("answers.toml");
    std::fs::write(
        &answers,
        "power = \"yes\"\npanel = \"Ready, or nothing unusual\"\npaper = \"yes\"\ndoors = \"yes\"\ntoner = \"no\"\n\
         queue_fix = \"yes\"\ncancel = \"all\"\ndefault = \"yes\"\ndriver = \"1\"\ntest_page_out = \"yes\"\n",
    )
    .unwrap();
    let bundle = cfg.with_file_name("printer-checklist.zip");
    let out = lab
        .deskcheck_cmd()
        .env("USER", "tester")
        .args(["--config"])
        .arg(&cfg)
        .args(["checklist", "printer", "--printer", &lab.printer_uri(), "--answers"])
        .arg(&answers)
        .arg("--bundle")
        .arg(&bundle)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("checklist ended: resolved"), "exit {:?}\n{err}", out.status.code());
    let opened = deskcheck::bundle::read(&bundle).unwrap();
    let t = &opened.report.checklists[0];
    assert_eq!((t.end.kind, t.end.step.as_str()), (deskcheck::model::EndKind::Resolved, "fixed"));
    let path: Vec<(&str, &str)> = t.entries.iter().map(|e| (e.step.as_str(), e.answer.as_str())).collect();
    let steps: Vec<&str> = path.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        steps,
        [
            "power",
            "panel",
            "paper",
            "doors",
            "toner",
            "reach",
            "spooler",
            "queue",
            "queue_fix",
            "cancel",
            "default",
            "driver",
            "test_page",
            "test_page_out"
        ],
        "{path:?}"
    );
    assert!(path[5].1.starts_with("Passed: The printer"), "{path:?}");
    assert!(path[6].1.starts_with("Not available here"), "no Windows spooler here: {path:?}");
    assert!(path[7].1.starts_with("Found a problem"), "the queue is paused: {path:?}");
    assert!(path[9].1.starts_with("Passed: "), "{path:?}");
    assert!(path[12].1.starts_with("Passed: "), "{path:?}");
    for id in
        ["printers.reach", "printers.queues", "printers.jobs.cancel_stuck", "printers.test_page", "checklist.printer"]
    {
        assert!(opened.report.runs.iter().any(|r| r.id == id), "{id} missing from the report");
    }
    assert_eq!(lab.lpstat_ids(), vec![held], "the stuck job was cancelled, the held one stays");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !lab.spooled().iter().any(|p| std::fs::read(p).is_ok_and(|b| b.starts_with(b"%PDF"))) {
        assert!(std::time::Instant::now() < deadline, "the test page did not reach the spool");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let names: Vec<String> = common::zip_entries(&bundle).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"raw/checklist.printer/transcript.txt".to_string()), "{names:?}");
}

#[test]
fn mdns_finds_the_printer_inside_the_namespaces() {
    need_lab!("mdns_finds_the_printer_inside_the_namespaces");
    let lab = PrinterLab::start().unwrap();
    // Browsing is multicast: only here, between the lab's own namespaces.
    let cfg = lab.write_config(true, 10);
    let (report, _, _) = lab.deskcheck(&cfg, &[]);
    let status = run(&report, "printers.status");
    let found = status["data"]["discovered"].as_array().unwrap();
    let lab_uri = lab.printer_uri();
    assert!(found.iter().any(|d| d["uri"] == lab_uri), "discovered {found:?}, want {lab_uri}");
    let entry = lab_entry(status, &lab_uri);
    assert_eq!(entry["source"], "discovered");
    assert_eq!(entry["status"]["make_and_model"], format!("{MAKE} {MODEL}"));
}

/// Without CUPS and without printers the area says so and fails nothing. Host namespace, but
/// loopback only: the CUPS server is a closed port on 127.0.0.1 and mDNS is off.
#[test]
fn no_cups_and_no_printers_is_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("deskcheck.toml");
    std::fs::write(&cfg, "[printers]\ndiscover_mdns = false\ncups_server = \"127.0.0.1:1\"\n").unwrap();
    let out = common::deskcheck().args(["run", "--only", "printers", "--json", "--config"]).arg(&cfg).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let queues = run(&report, "printers.queues");
    assert_eq!(queues["outcome"]["kind"], "unsupported", "{queues}");
    assert!(queues["outcome"]["reason"].as_str().unwrap().contains("no CUPS print server"), "{queues}");
    let status = run(&report, "printers.status");
    let f = findings(status);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "info");
    assert!(f[0].2.contains("ipp://"), "{f:?}");
    assert_eq!(out.status.code(), Some(0));
}

/// The `job-state` of job `id` on the lab printer, as `ipptool` (CUPS's own IPP client) reads it.
fn job_state_by_ipptool(lab: &PrinterLab, id: i64) -> String {
    let test = lab.dir.path().join("job-state.test");
    std::fs::write(
        &test,
        "{\n OPERATION Get-Job-Attributes\n GROUP operation-attributes-tag\n ATTR charset attributes-charset utf-8\n \
         ATTR naturalLanguage attributes-natural-language en\n ATTR uri printer-uri $uri\n ATTR integer job-id $job\n \
         ATTR keyword requested-attributes job-state,job-state-reasons\n STATUS successful-ok\n DISPLAY job-state\n DISPLAY job-state-reasons\n}\n",
    )
    .unwrap();
    let uri = lab.printer_uri();
    let job = format!("job={id}");
    let out = lab.cups_tool(&["ipptool", "-tv", "-d", &job, &uri, &test.to_string_lossy()]).unwrap_or_else(|e| e);
    out.lines().find(|l| l.trim_start().starts_with("job-state ")).map(|l| l.trim().to_string()).unwrap_or(out)
}

/// An IPP Everywhere printer that takes no PDF (ippeveprinter with its DEFAULT formats:
/// octet-stream, PWG raster, URF): the test page goes out as a PWG raster at the printer's
/// resolution and media; CUPS's ippevepcl reads it with libcups and the job completes.
#[test]
fn test_page_prints_as_pwg_raster_where_pdf_is_not_offered() {
    need_lab!("test_page_prints_as_pwg_raster_where_pdf_is_not_offered");
    for tool in ["ippevepcl", "ipptool"] {
        if common::netns::which(tool).is_none() {
            common::skip(
                "test_page_prints_as_pwg_raster_where_pdf_is_not_offered",
                &format!("{tool} is not installed"),
            );
            return;
        }
    }
    let lab = PrinterLab::start_raster_only().unwrap();
    let runs = on_demand_in(&lab, &["printers.test_page"], lab_config(&lab, true, 10));
    let r = &runs[0];
    assert_eq!(r.findings[0].severity, Severity::Pass, "{r:?}\n{}", lab.log("ippeveprinter.log"));
    assert_eq!(r.data["job"]["document_format"], "image/pwg-raster", "{r:?}");
    let rendering = r.data["job"]["rendering"].as_str().unwrap().to_string();
    eprintln!("rendered as {rendering}");
    let job_id = r.data["job"]["job_id"].as_i64().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let raster = loop {
        let files = lab.spooled();
        if let Some(bytes) = files.iter().find_map(|p| std::fs::read(p).ok().filter(|b| b.starts_with(b"RaS2"))) {
            break bytes;
        }
        assert!(std::time::Instant::now() < deadline, "no raster spooled: {files:?}\n{}", lab.log("ippeveprinter.log"));
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    // The header says what the rendering says: e.g. "sgray_8 300dpi iso_a4_210x297mm".
    let be = |at: usize| u32::from_be_bytes(raster[4 + at..8 + at].try_into().unwrap());
    let dpi: u32 = rendering.split(' ').nth(1).unwrap().trim_end_matches("dpi").parse().unwrap();
    assert_eq!((be(276), be(280)), (dpi, dpi));
    let media = rendering.split(' ').nth(2).unwrap();
    assert!(raster[4 + 1732..].starts_with(media.as_bytes()));
    // The printer read it to the end: the job completed (aborted if ippevepcl had refused it).
    let state = loop {
        let s = job_state_by_ipptool(&lab, job_id);
        if !s.contains("pending") && !s.contains("processing") {
            break s;
        }
        assert!(std::time::Instant::now() < deadline, "job {job_id} still {s}");
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    eprintln!("job {job_id}: {state}");
    assert!(state.contains("completed"), "job {job_id}: {state}\n{}", lab.log("ippeveprinter.log"));
    // The printer's command (ippevepcl) turned the raster into a whole PCL page: a raster
    // block per band of lines and the page's form feed at the end. The control: a raster cut
    // short after its header gives no page at all, so this is not a pass by default.
    let pcl = |job: i64| {
        let prn = lab.spooled().into_iter().find(|p| {
            p.extension().is_some_and(|e| e == "prn")
                && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&format!("{job}-")))
        });
        prn.and_then(|p| std::fs::read(p).ok()).unwrap_or_default()
    };
    let count = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).filter(|w| *w == needle).count();
    let ours = pcl(job_id);
    eprintln!("PCL from our raster: {} bytes, {} raster rows", ours.len(), count(&ours, b"\x1b*b"));
    assert!(count(&ours, b"\x1b*b") > 100, "ippevepcl made no page from our raster ({} bytes)", ours.len());
    assert!(ours.contains(&0x0c), "no form feed: the page did not end");
    let bad = lab.dir.path().join("cut.pwg");
    std::fs::write(&bad, &raster[..4 + 1796 + 10]).unwrap();
    let sent = lab.cups_tool(&[
        "ipptool",
        "-t",
        "-f",
        &bad.to_string_lossy(),
        "-d",
        "filetype=image/pwg-raster",
        &lab.printer_uri(),
        "print-job.test",
    ]);
    assert!(sent.is_ok(), "{sent:?}");
    let cut = loop {
        let p = pcl(job_id + 1);
        if !p.is_empty() || std::time::Instant::now() > deadline {
            break p;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    std::thread::sleep(std::time::Duration::from_millis(500));
    let cut = if cut.is_empty() { pcl(job_id + 1) } else { cut };
    eprintln!("PCL from a cut raster: {} bytes", cut.len());
    assert!(count(&cut, b"\x1b*b") < 5, "the control made rows: {} bytes", cut.len());
}

/// The same consent in the window, against the real cupsd: the cancel step lists the stuck
/// jobs with a box each (none ticked), the other user's and the held job as left alone;
/// ticking A and pressing "Cancel the selected job" cancels A only (`lpstat -o` shows B).
#[test]
fn gui_cancel_step_cancels_only_the_ticked_job() {
    use deskcheck::gui::{DeskcheckApp, GuiOptions};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::time::{Duration, Instant};
    need_lab!("gui_cancel_step_cancels_only_the_ticked_job");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    lab.cups_tool(&["cupsdisable", "-h", "127.0.0.1:631", "office"]).unwrap();
    let me = deskcheck::hw::printer::current_user();
    let a = lab.submit(&me, "quarterly-report", false).unwrap();
    let b = lab.submit(&me, "holiday-plan", false).unwrap();
    let held = lab.submit(&me, "payslip", true).unwrap();
    let other = lab.submit(&format!("{me}-colleague"), "colleagues-draft", false).unwrap();
    let dir = lab.dir.path().join("checklists");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("queue.toml"),
        "title = \"Stuck queue\"\narea = \"printers\"\n\n[[steps]]\nid = \"cancel\"\nkind = \"automatic\"\n\
         probe = \"printers.jobs.cancel_stuck\"\ntext = \"Choose the stuck jobs to cancel.\"\npass = \"fixed\"\nfail = \"call\"\n\n\
         [[steps]]\nid = \"fixed\"\nkind = \"resolved\"\ntext = \"Done.\"\nresolution = \"Queue cleared.\"\n\n\
         [[steps]]\nid = \"call\"\nkind = \"escalate\"\ntext = \"Call IT.\"\nreason = \"Queue stuck.\"\n",
    )
    .unwrap();
    let mut config = lab_config(&lab, false, 0);
    config.checklists_dir = Some(dir);
    // The window, its offer thread and its engine run inside the client namespace.
    let summary = in_ns(&lab.client_ns, move || {
        let mut options = GuiOptions::new(Arc::new(config), deskcheck::logging::LogBuffer::default());
        options.checks = Some(Vec::new());
        options.mode = Some(deskcheck::gui::UiMode::Technician);
        let mut h = Harness::builder().with_size([1280.0, 1000.0]).build_eframe(move |_cc| DeskcheckApp::new(options));
        let wait =
            |h: &mut Harness<'_, DeskcheckApp>, what: &str, done: &dyn Fn(&Harness<'_, DeskcheckApp>) -> bool| {
                let deadline = Instant::now() + Duration::from_secs(15);
                while !done(h) {
                    assert!(Instant::now() < deadline, "timed out waiting for {what}");
                    h.step();
                    std::thread::sleep(Duration::from_millis(20));
                }
                h.run_ok();
            };
        wait(&mut h, "the checklists", &|h| h.state().checklists_ready());
        h.get_by_label("Stuck queue").click();
        h.run_ok();
        wait(&mut h, "the jobs to be shown", &|h| h.state().awaiting_consent());
        h.get_by_label_contains(&format!("job {b} on office: \"holiday-plan\""));
        h.get_by_label_contains(&format!("Not yours, left alone: job {other} on office"));
        h.get_by_label_contains(&format!("Held on purpose, left alone: job {held} on office"));
        assert!(h.query_by_label_contains("Cancel the selected job").is_none(), "nothing is ticked at first");
        h.get_by_label_contains(&format!("job {a} on office: \"quarterly-report\"")).click();
        h.run_ok();
        h.get_by_label("Cancel the selected job").click();
        h.run_ok();
        wait(&mut h, "the cancel check", &|h| !h.state().is_probing() && !h.state().awaiting_consent());
        h.get_by_label("Continue").click();
        h.run_ok();
        let report = &h.state().session().report;
        let run = report.runs.iter().find(|r| r.id == "printers.jobs.cancel_stuck").expect("the cancel run");
        run.findings[0].summary.clone()
    });
    assert_eq!(summary, format!("Cancelled job {a}."));
    assert_eq!(lab.lpstat_ids(), vec![b, held, other], "only the ticked job was cancelled");
}

/// A printer that takes neither PDF nor PWG raster but JPEG (ippeveprinter `-f image/jpeg`,
/// documents printed through CUPS's ippeveps, which reads the JPEG's frame header): the test
/// page goes out as a gray JPEG and the job completes.
#[test]
fn test_page_prints_as_jpeg_where_only_jpeg_is_offered() {
    need_lab!("test_page_prints_as_jpeg_where_only_jpeg_is_offered");
    for tool in ["ippeveps", "ipptool"] {
        if common::netns::which(tool).is_none() {
            common::skip("test_page_prints_as_jpeg_where_only_jpeg_is_offered", &format!("{tool} is not installed"));
            return;
        }
    }
    let lab = PrinterLab::start_with(Some("image/jpeg"), Some("/usr/sbin/ippeveps")).unwrap();
    let runs = on_demand_in(&lab, &["printers.test_page"], lab_config(&lab, true, 10));
    let r = &runs[0];
    assert_eq!(r.findings[0].severity, Severity::Pass, "{r:?}\n{}", lab.log("ippeveprinter.log"));
    assert_eq!(r.data["job"]["document_format"], "image/jpeg", "{r:?}");
    let job_id = r.data["job"]["job_id"].as_i64().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !lab.spooled().iter().any(|p| std::fs::read(p).is_ok_and(|b| b.starts_with(&[0xff, 0xd8, 0xff]))) {
        assert!(std::time::Instant::now() < deadline, "no JPEG spooled\n{}", lab.log("ippeveprinter.log"));
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let state = loop {
        let s = job_state_by_ipptool(&lab, job_id);
        if !s.contains("pending") && !s.contains("processing") {
            break s;
        }
        assert!(std::time::Instant::now() < deadline, "job {job_id} still {s}");
        std::thread::sleep(std::time::Duration::from_millis(300));
    };
    eprintln!("job {job_id}: {state}");
    assert!(state.contains("completed"), "job {job_id}: {state}\n{}", lab.log("ippeveprinter.log"));
    // ippeveps read our JPEG's frame header and placed it as a gray image of the page's size.
    let rendering = r.data["job"]["rendering"].as_str().unwrap();
    let media = rendering.rsplit(' ').next().unwrap();
    let (w, h) = deskcheck::hw::printer::raster::media_size_hmm(media).unwrap();
    let (w, h) = (w * 150 / 2540, h * 150 / 2540);
    let ps = lab
        .spooled()
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "prn"))
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    assert!(ps.starts_with("%!PS"), "{ps:.300}");
    assert!(ps.contains("/DeviceGray setcolorspace"), "{ps:.600}");
    assert!(ps.contains(&format!("/Width {w}/Height {h}/")), "want {w}x{h}: {ps:.600}");
}
