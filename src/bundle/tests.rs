//! Reports to test with (built by hand, and by running the engine on the test checks),
//! plus end-to-end checks over whole bundles: no planted secret, host name, address or
//! MAC in any file of the zip, under either profile.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use chrono::Utc;

use super::*;
use crate::checks::testing::{self, PLANTED_SECRETS};
use crate::config::Config;
use crate::model::{Attachment, Category, CheckRun, Finding, HostInfo, Outcome, Severity, Verdict};

pub(crate) fn host() -> HostInfo {
    HostInfo {
        hostname: "desk42".into(),
        os_name: "Debian GNU/Linux".into(),
        os_version: "12 (bookworm)".into(),
        kernel: "6.1.0-18-amd64".into(),
        arch: "x86_64".into(),
    }
}

pub(crate) fn run_with(id: &str, category: Category, outcome: Outcome, findings: Vec<Finding>) -> CheckRun {
    CheckRun {
        id: id.into(),
        title: id.into(),
        category,
        outcome,
        findings,
        started_at: Utc::now(),
        duration_ms: 12,
        data: serde_json::Value::Null,
        attachments: Vec::new(),
    }
}

/// One of everything: fail, warn, pass, timed out, unsupported; a verdict, notes, a
/// ticket, attachments (text with a secret and an address, binary, a hostile name), and
/// data with a secret, an address, a MAC and a home path.
pub(crate) fn hand_report() -> Report {
    let mut report = Report::new(host(), Utc::now());
    report.finished_at = Some(Utc::now());
    report.ticket = Some("INC-4711".into());
    report.notes.issue = "Printer on desk42 says offline since Monday".into();
    report.notices.push("Peripherals: no checks yet".into());
    report.verdict = Some(Verdict {
        layer: "address".into(),
        severity: Severity::Fail,
        headline: "The computer has no network address".into(),
        technician: Some("no DHCP answer on eth0 (de:ad:be:ef:00:01)".into()),
        next_step: Some("Check the cable and the DHCP server".into()),
        msg: None,
    });
    let mut disk = run_with(
        "system.disk",
        Category::System,
        Outcome::Completed,
        vec![
            Finding::new(Severity::Fail, "Disk /", "only 1.2 GiB free")
                .evidence("Free", "1.2 GiB")
                .evidence("psk", "hunter2")
                .next_step("Empty the trash"),
            Finding::new(Severity::Info, "Uptime", "up 3 days").detail("mounted from 10.20.30.40:/export"),
        ],
    );
    disk.title = "Disk space".into();
    disk.data = serde_json::json!({
        "mounts": [{"path": "/home/alice/data", "server": "10.20.30.40", "password": "hunter2"}],
        "mac": "de:ad:be:ef:00:01",
    });
    disk.attachments = vec![
        Attachment::text("df.txt", "10.20.30.40:/export 100G\npassword=hunter2\n"),
        Attachment::binary("edid.bin", vec![0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]),
        Attachment::text("../../etc/passwd", "not really"),
    ];
    report.runs.push(disk);
    report.runs.push(run_with(
        "network.wifi",
        Category::Network,
        Outcome::Completed,
        vec![Finding::new(Severity::Warn, "Wi-Fi signal", "weak (-78 dBm)")],
    ));
    report.runs.push(run_with(
        "test.pass",
        Category::System,
        Outcome::Completed,
        vec![Finding::new(Severity::Pass, "All good", "The test check passed.")],
    ));
    let mut sleep = run_with("test.sleep", Category::System, Outcome::TimedOut { after_ms: 300 }, Vec::new());
    sleep.title = "Test: sleeps".into();
    report.runs.push(sleep);
    report.runs.push(run_with(
        "system.battery.health",
        Category::System,
        Outcome::Unsupported { reason: "no battery".into(), msg: None },
        Vec::new(),
    ));
    report
}

/// Runs the named test checks through the real engine.
pub(crate) fn engine_report(names: &[&str]) -> Report {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let runs = crate::engine::run_blocking(testing::by_names(&names).unwrap(), Arc::new(Config::default())).unwrap();
    let mut report = Report::new(host(), Utc::now());
    report.runs = runs;
    report.finished_at = Some(Utc::now());
    report
}

pub(crate) fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut e = archive.by_index(i).unwrap();
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            (e.name().unwrap().into_owned(), b)
        })
        .collect()
}

/// File names in a folder, sorted (hidden temp files included).
pub(crate) fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The engine's secrets check, plus a host name, addresses and MACs planted in every
/// kind of field (notes, notices, findings, data, log).
fn planted_report() -> (Report, String) {
    let mut report = engine_report(&["pass", "secrets"]);
    report.host.hostname = "desk42.corp.example".into();
    report.notes.environment = "desk42 on 192.168.7.23, gw 192.168.7.1, mac 3c:22:fb:12:34:56".into();
    report.notices.push("IPv6 2001:db8:7:7::23 via fe80::3e22:fbff:fe12:3456".into());
    let run = &mut report.runs[0];
    run.findings.push(
        Finding::new(Severity::Info, "Address of DESK42", "192.168.7.23/24")
            .evidence("MAC", "3C-22-FB-12-34-56")
            .detail("token=PlantedGenericToken-7777 from /home/alice/.config"),
    );
    run.data = serde_json::json!({"192.168.7.23": {"host": "desk42.corp.example", "mac": "3c:22:fb:12:34:56"}});
    let log = format!(
        "INFO desk42: lease 192.168.7.23 from 192.168.7.1\nDEBUG psk=\"{}\" Authorization: Bearer {}\nuser alice logged in\n",
        PLANTED_SECRETS[0], PLANTED_SECRETS[2]
    );
    (report, log)
}

const PLANTED_IDENTITY: &[&str] =
    &["desk42", "DESK42", "192.168.7", "3c:22:fb", "3C-22-FB", "2001:db8:7:7", "fe80::3e22", "alice"];

#[test]
fn planted_secrets_never_reach_any_file_in_either_profile() {
    for privacy in [Privacy::Standard, Privacy::Strict] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        let (report, log) = planted_report();
        let w = write(&report, &log, &path, &WriteOptions { force: false, privacy, ..Default::default() }).unwrap();
        let entries = zip_entries(&path);
        assert!(entries.iter().filter(|(n, _)| n.starts_with("raw/test.secrets/")).count() == 3, "raw evidence");
        for (name, bytes) in &entries {
            let text = String::from_utf8_lossy(bytes);
            for secret in PLANTED_SECRETS {
                assert!(!text.contains(secret), "{secret} leaked into {name} with {privacy:?}");
            }
            if privacy == Privacy::Strict {
                for original in PLANTED_IDENTITY {
                    assert!(!text.contains(original), "{original} left in {name} with strict privacy");
                }
            }
        }
        let all: String = entries.iter().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).collect();
        assert!(all.contains("OfficeWiFi") && all.contains("key_mgmt=WPA-PSK"), "ordinary words survive");
        match privacy {
            Privacy::Standard => {
                assert!(w.map_path.is_none());
                assert!(all.contains("desk42") && all.contains("192.168.7.23"), "standard keeps names and addresses");
            }
            Privacy::Strict => {
                let map_path = w.map_path.unwrap();
                assert_eq!(map_path, dir.path().join("b.zip.map.json"));
                let map: TokenMap = serde_json::from_slice(&std::fs::read(&map_path).unwrap()).unwrap();
                for original in ["desk42", "desk42.corp.example", "192.168.7.23", "3c:22:fb:12:34:56", "alice"] {
                    assert!(map.tokens.iter().any(|t| t.original == original), "{original} not in the map");
                }
                let map_text = std::fs::read_to_string(&map_path).unwrap();
                for secret in PLANTED_SECRETS {
                    assert!(!map_text.contains(secret), "{secret} in the token map");
                }
                assert!(all.contains("240.0.1.23") && all.contains("240.0.1.1") && all.contains("host-1"), "tokens");
                assert!(entries.iter().all(|(n, _)| !n.contains("map")), "the map is never inside");
            }
        }
        let opened = read(&path).unwrap();
        assert_eq!(opened.report.privacy, privacy.as_str());
        assert_eq!(opened.manifest.privacy, privacy);
    }
}

#[test]
fn redact_report_is_what_the_bundle_carries() {
    let (report, _) = planted_report();
    let shown = redact_report(&report, Privacy::Strict);
    let json = serde_json::to_string(&shown).unwrap();
    for s in PLANTED_SECRETS.iter().chain(PLANTED_IDENTITY) {
        assert!(!json.contains(s), "{s} in redact_report's output");
    }
    assert_eq!(shown.privacy, "strict");
    // The machine's domain is the LAN's: it gets its own token.
    assert_eq!(shown.host.hostname, "host-1.domain-1");
    let standard = redact_report(&report, Privacy::Standard);
    assert_eq!(standard.host.hostname, "desk42.corp.example");
    assert_eq!(standard.privacy, "standard");
}

#[test]
fn names_and_profiles() {
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T22:53:07Z").unwrap().with_timezone(&Utc);
    assert_eq!(default_file_name("desk 42.corp", at), "deskcheck-desk-42-corp-20261123T225307.zip");
    assert_eq!(default_file_name("DESK_42", at), "deskcheck-DESK-42-20261123T225307.zip");
    assert_eq!(default_file_name("..//", at), "deskcheck-computer-20261123T225307.zip");
    assert_eq!(default_file_name("Ünïcödé-pc", at), "deskcheck-n-c-d-pc-20261123T225307.zip");
    assert!(default_file_name(&"x".repeat(500), at).len() < 100);
    assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
    assert_eq!(safe_name(".."), "attachment");
    assert_eq!(safe_name("C:\\x\\y.txt"), "C__x_y.txt");
    assert_eq!("STRICT".parse::<Privacy>(), Ok(Privacy::Strict));
    assert_eq!(" standard ".parse::<Privacy>(), Ok(Privacy::Standard));
    assert!("lax".parse::<Privacy>().is_err());
    assert_eq!(Privacy::default(), Privacy::Standard);
    assert_eq!(Privacy::Strict.as_str(), "strict");
    assert_eq!(Privacy::Strict.to_string(), "strict");
}

#[test]
fn attachment_paths_are_unique_and_stay_in_raw() {
    let mut report = hand_report();
    report.runs[0].attachments.push(Attachment::text("df.txt", "again"));
    report.runs[0].attachments.push(Attachment::text("df?txt", "cleans to the same"));
    report.runs[1].id = "../network".into();
    report.runs[1].attachments.push(Attachment::text("", "nameless"));
    let paths = attachment_paths(&report);
    let flat: Vec<&String> = paths.iter().flatten().collect();
    assert!(flat.iter().all(|p| p.starts_with("raw/") && p.split('/').count() == 3 && !p.contains("/../")));
    let unique: std::collections::HashSet<&&String> = flat.iter().collect();
    assert_eq!(unique.len(), flat.len(), "{flat:?}");
    assert_eq!(paths[0][3], "raw/system.disk/2-df.txt");
    assert_eq!(paths[0][4], "raw/system.disk/df_txt");
    assert_eq!(paths[1][0], "raw/_network/attachment");
}

#[test]
fn errors_are_one_line_with_the_path_last() {
    let p = std::path::PathBuf::from("/x/b.zip");
    let io = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let errors = [
        BundleError::Exists { path: p.clone() },
        BundleError::NotABundle { path: p.clone(), reason: "r".into() },
        BundleError::Corrupt { path: p.clone(), file: "report.json".into(), reason: "Invalid checksum".into() },
        BundleError::HashMismatch { path: p.clone(), file: "summary.txt".into() },
        BundleError::SizeMismatch { path: p.clone(), file: "f".into(), expected: 1, found: 2 },
        BundleError::MissingFile { path: p.clone(), file: "f".into() },
        BundleError::Unlisted { path: p.clone(), file: "f".into() },
        BundleError::TooNew { what: "report", path: p.clone(), found: 2, supported: 1 },
    ];
    for e in errors {
        let msg = e.to_string();
        assert!(msg.ends_with("/x/b.zip") && msg.lines().count() == 1, "{msg}");
    }
    let e = BundleError::Write { what: "the bundle", path: p.clone(), error: io() };
    assert_eq!(e.to_string(), "could not write the bundle /x/b.zip: permission denied");
    assert!(!e.is_integrity());
    assert!(BundleError::Corrupt { path: p, file: "report.json".into(), reason: "x".into() }.is_integrity());
}
