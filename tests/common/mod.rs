//! Helpers shared by the integration tests: running the real binary, reading bundles,
//! and saying "skipped: <why>" loudly when a test cannot run here.
#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::Output;

pub fn deskcheck() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_deskcheck"));
    // Never pick up a developer's own config: tests always say what they want.
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config");
    cmd.env_remove("RUST_LOG");
    cmd.timeout(std::time::Duration::from_secs(60));
    cmd
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn is_root() -> bool {
    // SAFETY-free way: /proc/self/status Uid line; 0 = root. Falls back to "not root".
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

/// Print a loud skip line; the test script counts these.
pub fn skip(test: &str, why: &str) {
    eprintln!("skipped: {test}: {why}");
}

/// Every entry of a zip as (name, bytes).
pub fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// All text of a bundle (every entry, lossily decoded), for leak checks.
pub fn zip_text(path: &Path) -> String {
    zip_entries(path).into_iter().map(|(name, b)| format!("=== {name}\n{}\n", String::from_utf8_lossy(&b))).collect()
}

pub fn dir_listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}
/// A run of report JSON rated as the exit-code convention rates it: 2 for a failing
/// finding, 1 for a warning (or a run that timed out or errored), 0 for the rest. `None`
/// when it did not run (skipped, unsupported) or completed without any finding.
pub fn run_rating(run: &serde_json::Value) -> Option<u8> {
    match run["outcome"]["kind"].as_str().unwrap() {
        "completed" => run["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| match f["severity"].as_str().unwrap() {
                "fail" => 2,
                "warn" => 1,
                _ => 0,
            })
            .max(),
        "timed_out" | "errored" => Some(1),
        _ => None,
    }
}

pub mod delay;
pub mod in_ns;
pub mod netns;
pub mod printer_lab;
pub mod wine;
pub mod xvfb;

/// A department's own checklist, as an IT team would write it: three steps, both ends.
pub const DOCKING_CHECKLIST: &str = r#"
title = "The docking station doesn't work"
area = "peripherals"

[[steps]]
id = "power"
kind = "yes_no"
text = "Is the docking station's light on?"
yes = "fixed"
no = "call"

[[steps]]
id = "fixed"
kind = "resolved"
text = "The dock works."
resolution = "Dock fixed."

[[steps]]
id = "call"
kind = "escalate"
text = "Call IT."
reason = "Dock broken."
"#;
