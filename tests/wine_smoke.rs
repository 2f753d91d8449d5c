//! The Windows build starts under wine and answers the commands that need no network:
//! `--version` and the system checks as JSON. Runs on the host: nothing here opens a socket.

mod common;

use std::time::Duration;

use common::wine::{WineBox, unavailable};
use common::{skip, stdout};

#[test]
fn windows_build_starts_and_reports_the_system_under_wine() {
    if let Some(why) = unavailable() {
        skip("windows_build_starts_and_reports_the_system_under_wine", &why);
        return;
    }
    let wine = WineBox::new(None).expect("wine prefix");
    let out = wine.run(None, &["--version"], Duration::from_secs(120)).expect("deskcheck.exe --version");
    assert!(out.status.success(), "--version failed: {}", common::stderr(&out));
    assert!(stdout(&out).starts_with("deskcheck "), "{}", stdout(&out));

    let out =
        wine.run(None, &["run", "--only", "system", "--json"], Duration::from_secs(120)).expect("run --only system");
    let text = stdout(&out);
    let json: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {text}\nstderr: {}", common::stderr(&out)));
    let runs = json["runs"].as_array().expect("runs in the report");
    assert!(runs.len() >= 5, "system checks ran: {text}");
    let os = runs.iter().find(|r| r["id"] == "system.os.uptime").expect("system.os.uptime ran");
    let text_os = os.to_string();
    assert!(text_os.contains("Windows"), "the OS is reported as Windows: {text_os}");
    // The processor check must answer (sysinfo's PDH path aborted wine before; see platform/windows/cpu.rs).
    let cpu = runs.iter().find(|r| r["id"] == "system.cpu.load").expect("system.cpu.load ran");
    assert_eq!(cpu["outcome"]["kind"], "completed", "processor check: {cpu}");
    assert!(cpu["data"]["usage_percent"].is_number(), "processor use measured: {cpu}");
}
