//! The headless CLI, run as a user would: the real binary, real files, real exit codes.

mod common;

use std::path::Path;

use common::*;
use deskcheck::checks::testing::PLANTED_SECRETS;

const BUNDLE_FILES: [&str; 5] = ["report.json", "report.html", "summary.txt", "manifest.json", "log.txt"];

fn json_report(args: &[&str]) -> (serde_json::Value, i32) {
    let out = deskcheck().args(args).output().unwrap();
    let code = out.status.code().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr:\n{}", stderr(&out)));
    (json, code)
}

/// Exit code the monitoring convention gives for a report's runs.
fn expected_exit(report: &serde_json::Value) -> i32 {
    let mut worst = 0;
    for run in report["runs"].as_array().unwrap() {
        worst = worst.max(i32::from(run_rating(run).unwrap_or(0)));
    }
    worst
}

#[test]
fn system_run_prints_json_with_host_facts_and_runs() {
    let (report, code) = json_report(&["run", "--only", "system", "--json"]);
    assert_eq!(report["schema_version"], deskcheck::model::SCHEMA_VERSION);
    assert_eq!(report["status"], ["ok", "warn", "fail"][code as usize], "status matches the exit code");
    for key in ["hostname", "os_name", "os_version", "kernel", "arch"] {
        assert!(report["host"][key].as_str().is_some_and(|s| !s.is_empty()), "host.{key} missing: {report}");
    }
    let runs = report["runs"].as_array().unwrap();
    assert!(runs.len() >= 5, "only {} runs", runs.len());
    for run in runs {
        assert!(run["id"].as_str().unwrap().starts_with("system."));
        // Absent hardware (battery, sensors) is "unsupported", never a failure or an error.
        let kind = run["outcome"]["kind"].as_str().unwrap();
        assert!(kind == "completed" || kind == "unsupported", "{} ended {kind}", run["id"]);
    }
    assert_eq!(code, expected_exit(&report));
    assert!(code <= 2);
}

#[test]
fn bundle_is_complete_verifiable_and_tamper_evident() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("B.zip");
    let out = deskcheck().args(["run", "--only", "system", "--bundle"]).arg(&path).output().unwrap();
    assert!(out.status.code().unwrap() <= 2, "{}", stderr(&out));
    assert!(path.is_file(), "no bundle: {}", stderr(&out));

    let entries = zip_entries(&path);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for f in BUNDLE_FILES {
        assert!(names.contains(&f), "{f} missing from {names:?}");
    }
    // Every manifest hash verifies (checked here independently of `show`).
    let manifest: serde_json::Value =
        serde_json::from_slice(&entries.iter().find(|(n, _)| n == "manifest.json").unwrap().1).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert!(files.len() >= 4);
    for f in files {
        let name = f["path"].as_str().unwrap();
        let bytes = &entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} not in zip")).1;
        use sha2::Digest;
        let hex: String = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(f["sha256"].as_str().unwrap(), hex, "{name}");
        assert_eq!(f["size"].as_u64().unwrap(), bytes.len() as u64, "{name}");
    }
    let summary = String::from_utf8_lossy(&entries.iter().find(|(n, _)| n == "summary.txt").unwrap().1).into_owned();
    assert!(summary.lines().count() <= 40);

    let shown = deskcheck().arg("show").arg(&path).output().unwrap();
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    assert!(stdout(&shown).contains("deskcheck"));

    // Flip one byte in the middle of report.json's stored data.
    let mut bytes = std::fs::read(&path).unwrap();
    let (start, len) = {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let entry = archive.by_name("report.json").unwrap();
        (entry.data_start().unwrap() as usize, entry.compressed_size() as usize)
    };
    bytes[start + len / 2] ^= 0x55;
    let bad = dir.path().join("tampered.zip");
    std::fs::write(&bad, &bytes).unwrap();
    let shown = deskcheck().arg("show").arg(&bad).output().unwrap();
    assert_eq!(shown.status.code(), Some(2), "{}", stderr(&shown));
    let msg = stderr(&shown);
    assert!(msg.contains("damaged") && msg.contains("report.json"), "unclear message: {msg}");
}

#[test]
fn bundle_with_a_changed_file_fails_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("B.zip");
    deskcheck().args(["run", "--only", "system", "--bundle"]).arg(&path).output().unwrap();
    // Rebuild the zip with one file changed but a valid zip structure: only the manifest can tell.
    let entries = zip_entries(&path);
    let forged = dir.path().join("forged.zip");
    {
        let mut writer = zip::ZipWriter::new(std::fs::File::create(&forged).unwrap());
        for (name, bytes) in &entries {
            writer.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            let content = if name == "summary.txt" { b"all fine, nothing to see".to_vec() } else { bytes.clone() };
            std::io::Write::write_all(&mut writer, &content).unwrap();
        }
        writer.finish().unwrap();
    }
    let shown = deskcheck().arg("show").arg(&forged).output().unwrap();
    assert_eq!(shown.status.code(), Some(2));
    assert!(stderr(&shown).contains("summary.txt"), "{}", stderr(&shown));
}

#[test]
fn existing_bundle_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("B.zip");
    std::fs::write(&path, b"precious old bundle").unwrap();
    let out = deskcheck().args(["run", "--only", "system", "--bundle"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), b"precious old bundle");
    assert_eq!(dir_listing(dir.path()), vec!["B.zip"]);

    let out = deskcheck().args(["run", "--only", "system", "--force", "--bundle"]).arg(&path).output().unwrap();
    assert!(out.status.code().unwrap() <= 2, "{}", stderr(&out));
    assert_eq!(deskcheck().arg("show").arg(&path).output().unwrap().status.code(), Some(0));
}

#[test]
fn unwritable_target_gives_one_clear_line_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A "directory" that is a file cannot be written into, even by root.
    let not_a_dir = dir.path().join("not-a-dir");
    std::fs::write(&not_a_dir, b"x").unwrap();
    let target = not_a_dir.join("B.zip");
    let out = deskcheck().args(["run", "--only", "system", "--bundle"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    let line = err.lines().find(|l| l.contains("bundle") && l.contains("not-a-dir")).unwrap_or_else(|| panic!("{err}"));
    assert!(line.starts_with("deskcheck: "), "{line}");
    assert_eq!(dir_listing(dir.path()), vec!["not-a-dir"]);

    // A read-only directory: permissions stop ordinary users; root ignores them, so use a read-only mount.
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    if is_root() {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs"])
            .arg(&ro)
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            skip("unwritable_target (read-only dir)", "could not mount a read-only tmpfs");
            return;
        }
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let out = deskcheck().args(["run", "--only", "system", "--bundle"]).arg(ro.join("B.zip")).output().unwrap();
    let listing = dir_listing(&ro);
    if is_root() {
        let _ = std::process::Command::new("umount").arg(&ro).status();
    }
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains(&*ro.to_string_lossy()), "{}", stderr(&out));
    assert!(listing.is_empty(), "left behind: {listing:?}");
}

#[test]
fn full_disk_gives_a_clear_error_and_no_partial_file() {
    if !is_root() {
        skip("full_disk", "needs root to mount a tiny tmpfs");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tiny = dir.path().join("tiny");
    std::fs::create_dir(&tiny).unwrap();
    // One page: room for the temp file to start, not for the bundle (~8 KiB).
    let ok = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4k", "tmpfs"])
        .arg(&tiny)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        skip("full_disk", "could not mount a tmpfs");
        return;
    }
    let out = deskcheck()
        .args(["run", "--only", "system", "--test-checks", "secrets", "--bundle"])
        .arg(tiny.join("B.zip"))
        .output()
        .unwrap();
    let listing = dir_listing(&tiny);
    let _ = std::process::Command::new("umount").arg(&tiny).status();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("No space left") || err.contains("space"), "{err}");
    assert!(listing.is_empty(), "left behind: {listing:?}");
}

#[test]
fn panicking_and_hanging_checks_leave_everything_else_complete() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("B.zip");
    let out = deskcheck()
        .args(["run", "--only", "system", "--test-checks", "pass,panic,sleep,block", "--json", "--bundle"])
        .arg(&path)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let runs = report["runs"].as_array().unwrap();
    let outcome = |id: &str| runs.iter().find(|r| r["id"] == id).unwrap()["outcome"]["kind"].as_str().unwrap();
    assert_eq!(outcome("test.panic"), "errored");
    assert_eq!(outcome("test.sleep"), "timed_out");
    assert_eq!(outcome("test.block"), "timed_out");
    assert_eq!(outcome("test.pass"), "completed");
    let system: Vec<_> = runs.iter().filter(|r| r["id"].as_str().unwrap().starts_with("system.")).collect();
    assert!(system.len() >= 5);
    for r in system {
        let kind = r["outcome"]["kind"].as_str().unwrap();
        assert!(kind == "completed" || kind == "unsupported", "{} {kind}", r["id"]);
    }
    assert!(out.status.code().unwrap() >= 1, "an errored check is at least a warning");
    assert_eq!(deskcheck().arg("show").arg(&path).output().unwrap().status.code(), Some(0));
    let html = String::from_utf8(zip_entries(&path).into_iter().find(|(n, _)| n == "report.html").unwrap().1).unwrap();
    assert!(html.contains("panicked on purpose"));
}

fn assert_no_secrets(path: &Path) {
    let text = zip_text(path);
    for secret in PLANTED_SECRETS {
        assert!(!text.contains(secret), "secret {secret} leaked into {}", path.display());
    }
}

#[test]
fn planted_secrets_never_reach_the_bundle_or_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("B.zip");
    let out = deskcheck()
        .args(["run", "--only", "system", "--test-checks", "secrets", "--json", "--bundle"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(path.is_file(), "{}", stderr(&out));
    assert_no_secrets(&path);
    let entries = zip_entries(&path);
    let log = String::from_utf8_lossy(&entries.iter().find(|(n, _)| n == "log.txt").unwrap().1).into_owned();
    assert!(log.contains("collected wifi config"), "the log must hold the check's lines: {log}");
    assert!(entries.iter().any(|(n, _)| n.starts_with("raw/test.secrets/")), "raw evidence missing");
    // stdout JSON goes through the same redaction.
    for secret in PLANTED_SECRETS {
        assert!(!stdout(&out).contains(secret), "{secret} leaked to stdout");
    }
    // Ordinary words around the secrets survive.
    assert!(zip_text(&path).contains("OfficeWiFi"));
}

#[test]
fn strict_privacy_tokenizes_hosts_ips_macs_and_keeps_the_map_outside() {
    let dir = tempfile::tempdir().unwrap();
    // What would leak: collect the originals from a standard run first.
    let (plain, _) = json_report(&["run", "--only", "system", "--json"]);
    let hostname = plain["host"]["hostname"].as_str().unwrap().to_string();
    let mut originals: Vec<String> = Vec::new();
    let ifs = plain["runs"].as_array().unwrap().iter().find(|r| r["id"] == "system.network.interfaces").unwrap();
    for i in ifs["data"]["items"].as_array().unwrap() {
        if i["is_loopback"].as_bool().unwrap() {
            continue;
        }
        if let Some(mac) = i["mac"].as_str() {
            originals.push(mac.to_string());
        }
        for net in i["ipv4"].as_array().unwrap().iter().chain(i["ipv6"].as_array().unwrap()) {
            originals.push(net.as_str().unwrap().split('/').next().unwrap().to_string());
        }
    }

    let path = dir.path().join("B.zip");
    let out = deskcheck()
        .args(["run", "--only", "system", "--test-checks", "secrets", "--privacy", "strict", "--bundle"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(path.is_file(), "{}", stderr(&out));
    assert_no_secrets(&path);
    let text = zip_text(&path);
    for original in &originals {
        assert!(!text.contains(original.as_str()), "{original} left in the strict bundle");
    }
    let word = regex::Regex::new(&format!(r"(?i)\b{}\b", regex::escape(&hostname))).unwrap();
    assert!(!word.is_match(&text), "host name {hostname} left in the strict bundle");
    let map = dir.path().join("B.zip.map.json");
    assert!(map.is_file(), "token map not beside the bundle");
    assert!(!zip_entries(&path).iter().any(|(n, _)| n.contains("map")), "map inside the bundle");
    let map_text = std::fs::read_to_string(&map).unwrap();
    assert!(map_text.contains(&hostname));
    assert_eq!(deskcheck().arg("show").arg(&path).output().unwrap().status.code(), Some(0));
}

#[test]
fn usage_and_config_errors_exit_3() {
    let out = deskcheck().args(["run", "--bogus-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let out = deskcheck().args(["run", "--only", "kitchen"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("unknown area 'kitchen'"));
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("deskcheck.toml");
    std::fs::write(&cfg, "organisation = \"Acme\"\n[targets]\nping_hosts = 5\n").unwrap();
    let out = deskcheck().args(["run", "--only", "system", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains(&format!("{}:3:14:", cfg.display())), "{}", stderr(&out));
    let out = deskcheck().args(["show"]).arg(dir.path().join("missing.zip")).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("missing.zip"));
    let out = deskcheck().args(["--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// This machine has no monitors (no /sys/class/drm, no X display for the test): every display
/// check says "not available on this system" with a reason, and that is not a failure.
#[test]
fn displays_without_monitors_are_unsupported_not_failed() {
    let out = deskcheck()
        .args(["run", "--only", "displays", "--json"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr:\n{}", stderr(&out)));
    let runs = report["runs"].as_array().unwrap();
    let ids: Vec<&str> = runs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"displays.connectors") && ids.contains(&"displays.monitors"), "{ids:?}");
    let has_drm = Path::new("/sys/class/drm").exists();
    for run in runs {
        let kind = run["outcome"]["kind"].as_str().unwrap();
        if run["id"] == "displays.connectors" && has_drm {
            // A machine with a graphics driver lists its connectors for real.
            assert!(kind == "completed" || kind == "unsupported", "{run}");
            continue;
        }
        assert_eq!(kind, "unsupported", "{run}");
        assert!(!run["outcome"]["reason"].as_str().unwrap().trim().is_empty(), "{run}");
    }
    if !has_drm {
        assert_eq!(out.status.code(), Some(0), "stderr:\n{}", stderr(&out));
    }
}
