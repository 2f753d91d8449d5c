//! The Windows build's printer checks under wine, against the printer lab's real cupsd:
//! wine's winspool lists each CUPS queue (through libcups, which reads `CUPS_SERVER`) as a
//! Windows printer on a `CUPS:<queue>` port, so `EnumPrintersW` level 2 and
//! `GetDefaultPrinterW` are exercised for real. Wine 8's `EnumJobsW` is a stub that lists no
//! job; for wine's `CUPS:` ports deskcheck reads the jobs from that CUPS server instead (real
//! Windows has no such port), and the JSON says so. Everything runs inside the lab's client
//! namespace: wine's sockets and cupsd's stay there.

mod common;

use std::time::Duration;

use common::printer_lab::{self, PrinterLab};
use common::skip;
use common::wine::{self, WineBox};

/// `Z:\…`: how a Windows program under wine names a path of this machine.
fn windows_path(path: &std::path::Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn run<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["runs"].as_array().and_then(|r| r.iter().find(|r| r["id"] == id)).unwrap_or_else(|| panic!("{id} missing"))
}

#[test]
fn enum_printers_under_wine_lists_the_cups_queue_and_the_held_job() {
    let name = "enum_printers_under_wine_lists_the_cups_queue_and_the_held_job";
    if let Some(why) = printer_lab::unavailable().or_else(wine::unavailable) {
        skip(name, &why);
        return;
    }
    let mut lab = PrinterLab::start().expect("printer lab");
    lab.start_cups().expect("cupsd with the office queue");
    let held = lab.submit("tester", "payslip", true).expect("a held job");
    let cfg = lab.write_config(false, 0);
    let box_ = WineBox::new(None).expect("wine prefix");
    let mut cmd =
        box_.deskcheck(Some(&lab.client_ns), &["run", "--only", "printers", "--json", "--config", &windows_path(&cfg)]);
    // libcups inside wine finds the lab's cupsd by this, as any CUPS client does.
    cmd.env("CUPS_SERVER", "127.0.0.1:631").env("USERNAME", "tester");
    let out = wine::run_with_timeout(cmd, Duration::from_secs(180)).expect("deskcheck.exe run --only printers");
    let text = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("not JSON ({e}), exit {:?}: {text}\nstderr: {stderr}", out.status.code()));

    let queues = run(&report, "printers.queues");
    assert_eq!(queues["outcome"]["kind"], "completed", "{queues}");
    let data = &queues["data"];
    assert_eq!(data["server"], "Windows print spooler", "the queues came from winspool: {data}");
    assert_eq!(data["default"], "office", "GetDefaultPrinterW names the CUPS default: {data}");
    let office = data["queues"]
        .as_array()
        .and_then(|q| q.iter().find(|q| q["queue"] == "office"))
        .unwrap_or_else(|| panic!("EnumPrintersW lists the office queue: {data}"));
    assert_eq!(office["uri"], "winspool:office");
    assert_eq!(office["device_uri"], "CUPS:office", "wine's port for a CUPS queue: {office}");
    let job = office["jobs"]
        .as_array()
        .and_then(|j| j.iter().find(|j| j["id"] == held))
        .unwrap_or_else(|| panic!("the held job {held} is listed: {office}"));
    assert_eq!(job["state"], "held", "{job}");
    assert_eq!(job["stuck"], false, "a held job is never stuck, even with a 0-minute limit: {job}");
    assert_eq!(job["user"], "tester");

    // The Print Spooler service check reads wine's service manager: wine starts its spoolsv
    // only on demand, so it reports "stopped, never started" (1077), which is a Fail here.
    let spooler = run(&report, "printers.spooler");
    assert_eq!(spooler["outcome"]["kind"], "completed", "{spooler}");
    assert_eq!(spooler["data"]["name"], "Spooler", "{spooler}");
    assert!(spooler["data"]["state"].is_string(), "{spooler}");
}

/// The test page through the queue under wine: the printer checklist's test-page step sends a
/// GDI document to the default printer (`winspool:office`); wine's PostScript driver hands it
/// to the lab's cupsd, which lists it as a new job of the queue or passes it to the printer.
#[test]
fn gdi_test_page_under_wine_goes_through_the_cups_queue() {
    let name = "gdi_test_page_under_wine_goes_through_the_cups_queue";
    if let Some(why) = printer_lab::unavailable().or_else(wine::unavailable) {
        skip(name, &why);
        return;
    }
    let mut lab = PrinterLab::start().expect("printer lab");
    lab.start_cups().expect("cupsd with the office queue");
    let before = lab.lpstat_ids();
    let cfg = lab.write_config(false, 60);
    let answers = cfg.with_file_name("answers.toml");
    std::fs::write(
        &answers,
        "power = \"yes\"\npanel = \"Ready, or nothing unusual\"\npaper = \"yes\"\ndoors = \"yes\"\ntoner = \"no\"\n\
         spooler_restart = \"no\"\nqueue_fix = \"no\"\ndefault = \"yes\"\ndriver = \"I can't tell\"\ntest_page_out = \"yes\"\n",
    )
    .expect("answers");
    let box_ = WineBox::new(None).expect("wine prefix");
    let mut cmd = box_.deskcheck(
        Some(&lab.client_ns),
        &["--config", &windows_path(&cfg), "checklist", "printer", "--json", "--answers", &windows_path(&answers)],
    );
    cmd.env("CUPS_SERVER", "127.0.0.1:631");
    let out = wine::run_with_timeout(cmd, Duration::from_secs(240)).expect("deskcheck.exe checklist printer");
    let text = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("not JSON ({e}), exit {:?}: {text}\nstderr: {stderr}", out.status.code()));
    let page = run(&report, "printers.test_page");
    assert_eq!(page["outcome"]["kind"], "completed", "{page}\n{stderr}");
    assert_eq!(page["findings"][0]["severity"], "pass", "{page}\n{stderr}");
    assert_eq!(page["data"]["job"]["printer_uri"], "winspool:office", "{page}");
    assert_eq!(page["data"]["job"]["document_format"], "printer driver (GDI)", "{page}");
    // cupsd got a job from wine: still queued, or already handed to ippeveprinter.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let queued = lab.lpstat_ids().iter().any(|id| !before.contains(id));
        let completed = lab
            .cups_tool(&["lpstat", "-h", "127.0.0.1:631", "-W", "completed", "-o"])
            .is_ok_and(|t| t.contains("office-"));
        if queued || completed || !lab.spooled().is_empty() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no job reached cupsd from wine: {}", lab.log("cupsd.log"));
        std::thread::sleep(Duration::from_millis(300));
    }
}
