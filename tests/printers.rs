//! The printer checks against a real ippeveprinter (with its private D-Bus and avahi-daemon)
//! and a real cupsd, each in its own network namespace, through the real `deskcheck` binary
//! (and the library engine for the on-demand checks, which the CLI does not run).

mod common;

use std::sync::Arc;

use common::printer_lab::*;
use deskcheck::config::Config;
use deskcheck::model::{CheckRun, Severity};

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

#[test]
fn cupsd_queue_default_stuck_job_and_cancel() {
    need_lab!("cupsd_queue_default_stuck_job_and_cancel");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    let lp = lab.held_job().unwrap();
    assert!(lp.contains("office-"), "{lp}");
    // Any held job counts as stuck with a 0-minute limit.
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
    assert_eq!((jobs[0]["state"].as_str(), jobs[0]["stuck"].as_bool()), (Some("held"), Some(true)));
    let f = findings(queues);
    assert!(f.iter().any(|(sev, s, _)| sev == "pass" && s.contains("default printer is office")), "{f:?}");
    assert!(f.iter().any(|(sev, s, _)| sev == "warn" && s.contains("1 job(s) on office")), "{f:?}");
    assert_eq!(code, 1);

    let runs = on_demand_in(&lab, &["printers.jobs.cancel_stuck"], lab_config(&lab, false, 0));
    let r = &runs[0];
    assert_eq!(r.findings[0].severity, Severity::Pass, "{r:?}");
    assert!(r.findings[0].summary.contains("1 stuck job(s) cancelled"), "{:?}", r.findings);
    let left = lab.cups_tool(&["lpstat", "-h", "127.0.0.1:631", "-o"]).unwrap();
    assert!(left.trim().is_empty(), "jobs left: {left}");
    let (report, _, _) = lab.deskcheck(&cfg, &[]);
    let office = &run(&report, "printers.queues")["data"]["queues"][0];
    assert_eq!(office["jobs"].as_array().unwrap().len(), 0);
}

/// The printer checklist from an answers file, against the real printer and cupsd: the
/// automatic steps find the printer reachable, the stuck job in the queue (cancelled after
/// the "yes" to the confirmation), and print a real test page; the walk ends resolved and
/// its transcript is in the bundle.
#[test]
fn printer_checklist_from_answers_ends_resolved_with_its_transcript_in_the_bundle() {
    need_lab!("printer_checklist_from_answers_ends_resolved_with_its_transcript_in_the_bundle");
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    lab.held_job().unwrap();
    let cfg = lab.write_config(false, 0);
    let answers = cfg.with_file_name("answers.toml");
    std::fs::write(
        &answers,
        "power = \"yes\"\npanel = \"Ready, or nothing unusual\"\npaper = \"yes\"\ndoors = \"yes\"\ntoner = \"no\"\n\
         queue_fix = \"yes\"\ndefault = \"yes\"\ndriver = \"1\"\ntest_page_out = \"yes\"\n",
    )
    .unwrap();
    let bundle = cfg.with_file_name("printer-checklist.zip");
    let out = lab
        .deskcheck_cmd()
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
    assert!(path[6].1.starts_with("Found a problem"), "the held job is stuck: {path:?}");
    assert!(path[8].1.starts_with("Passed: "), "{path:?}");
    assert!(path[11].1.starts_with("Passed: "), "{path:?}");
    for id in
        ["printers.reach", "printers.queues", "printers.jobs.cancel_stuck", "printers.test_page", "checklist.printer"]
    {
        assert!(opened.report.runs.iter().any(|r| r.id == id), "{id} missing from the report");
    }
    let left = lab.cups_tool(&["lpstat", "-h", "127.0.0.1:631", "-o"]).unwrap();
    assert!(left.trim().is_empty(), "the stuck job was cancelled: {left}");
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
