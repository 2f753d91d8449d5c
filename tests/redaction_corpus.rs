//! The redaction corpus (issue 8, Build 5): 60 distinct secrets and every strict-privacy item,
//! planted through every way text reaches a bundle — the issue text (`--issue`), the ticket
//! (`--ticket`), technician notes, config URLs (HTTP targets, captive portal), printer names and
//! URIs (config and `--printer`), file paths (lease files, checklists folder, home folders), the
//! environment's users (USER, LOGNAME, SUDO_USER, HOME) and check output (findings, evidence,
//! structured data, the log, text attachments named after a printer URI, an EDID hex dump and a
//! binary EDID). Each bundle is written by the real binary in both profiles, then every entry's
//! bytes AND every entry's name is searched for every planted value. No network traffic: only
//! the system area and the test checks run, and the configured targets are only read.

mod common;

use std::path::Path;

use common::printer_lab::{PRINTER_IP, PrinterLab, unavailable};
use common::{deskcheck, stderr, zip_entries};
use deskcheck::checks::testing::{CORPUS, CORPUS_IDENTITY};

/// Secrets planted outside the corpus file, through the other input paths.
const INPUT_SECRETS: &[&str] = &[
    "Cx50IssuePw",
    "Cx51TicketToken",
    "Cx52Url@Pw/x",
    "Cx53AccessToken",
    "Cx54PortalSig",
    "Cx55PrinterPw",
    "Cx56CliPrinterPw",
    "Cx57PrinterNamePw",
];
/// Secrets planted in the technician notes (the GUI's notes fields; written through the library).
const NOTES_SECRETS: &[&str] = &["Cx58NotesEnvPsk", "Cx59.notes-bearer", "Cx60CauseSecret"];

/// The users the run's environment names.
const ENV_USERS: &[&str] = &["corpuser", "realadmin"];

fn corpus_secrets() -> Vec<String> {
    include_str!("fixtures/secrets/corpus_secrets.txt").lines().filter(|l| !l.is_empty()).map(String::from).collect()
}

/// The value itself and each distinctive part of it (a half-redacted multi-word value leaks its other half).
fn needles(value: &str) -> Vec<String> {
    let mut all = vec![value.to_string()];
    all.extend(value.split([' ', ';']).filter(|p| p.len() >= 6 && *p != value).map(String::from));
    all
}

/// Every (planted value, entry name) where the value survives in the entry's bytes or name.
fn survivors(bundle: &Path, planted: &[String]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (name, bytes) in zip_entries(bundle) {
        for value in planted {
            for needle in needles(value) {
                let in_name = name.contains(&needle);
                let in_bytes = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
                if in_name || in_bytes {
                    found.push((needle.clone(), format!("{name}{}", if in_name { " (entry name)" } else { "" })));
                }
            }
        }
    }
    found
}

fn hostname() -> Option<String> {
    let h = std::fs::read_to_string("/proc/sys/kernel/hostname").ok()?.trim().to_string();
    (h.len() >= 2 && h != "localhost").then_some(h)
}

fn write_config(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("deskcheck.toml");
    std::fs::write(
        &path,
        r#"checklists_dir = "/run/media/Jürgen/IT/checklists"

[targets]
ping_hosts = ["198.18.0.10"]
dns_names = ["cportal9.office.lan"]
http_urls = ["https://svc:Cx52Url@Pw/x@198.18.0.10/status?access_token=Cx53AccessToken"]

[targets.captive_portal]
url = "http://cportal9.office.lan/check?sig=Cx54PortalSig"
expected_body = "ok"

[network]
dhcp_lease_files = ["/home/CORP/dkowalski/leases/dhclient.eth0.leases"]

[printers]
uris = ["ipp://printuser:Cx55PrinterPw@192.168.50.20:631/ipp/print"]
discover_mdns = false
"#,
    )
    .unwrap();
    path
}

/// Runs the real binary once per profile and returns the bundle paths and the `--json` output.
fn write_bundles(dir: &Path) -> Vec<(&'static str, std::path::PathBuf, String)> {
    let config = write_config(dir);
    let mut out = Vec::new();
    for profile in ["standard", "strict"] {
        let bundle = dir.join(format!("{profile}.zip"));
        let run = deskcheck()
            .env("USER", "corpuser")
            .env("LOGNAME", "corpuser")
            .env("SUDO_USER", "realadmin")
            .env("HOME", "/home/CORP/dkowalski")
            .args(["--config"])
            .arg(&config)
            .args(["run", "--only", "system", "--test-checks", "corpus,secrets", "--json", "--privacy", profile])
            .args(["--issue", "Printing fails since Monday; Wi-Fi password=Cx50IssuePw; from /media/mmuster/USB"])
            .args(["--ticket", "INC-4711 token=Cx51TicketToken rtr-core7.office.lan"])
            .args(["--printer", "ipp://admin:Cx56CliPrinterPw@192.168.50.21/ipp/print"])
            .arg("--bundle")
            .arg(&bundle)
            .output()
            .unwrap();
        assert!(bundle.exists(), "no {profile} bundle: {}", stderr(&run));
        out.push((profile, bundle, common::stdout(&run)));
    }
    out
}

#[test]
fn no_planted_secret_or_strict_item_survives_in_any_entry_or_entry_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut secrets = corpus_secrets();
    secrets.extend(INPUT_SECRETS.iter().map(|s| s.to_string()));
    let mut identity: Vec<String> = CORPUS_IDENTITY.iter().chain(ENV_USERS).map(|s| s.to_string()).collect();
    identity.extend(hostname());
    let distinct: std::collections::HashSet<&String> = secrets.iter().collect();
    assert!(distinct.len() >= 40, "the corpus plants at least 40 distinct secrets");
    // Every planted secret really went in: the corpus file carries the corpus ones.
    for s in corpus_secrets() {
        assert!(CORPUS.contains(&s), "{s} is not in the corpus");
    }

    for (profile, bundle, json) in write_bundles(dir.path()) {
        let entries = zip_entries(&bundle);
        // The inputs reached the bundle (redacted): the run is not vacuous.
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.iter().any(|n| n.starts_with("raw/test.corpus/ipp___")), "{names:?}");
        assert!(names.iter().any(|n| n.ends_with(".edid.bin")), "{names:?}");
        let report = &entries.iter().find(|(n, _)| n == "report.json").unwrap().1;
        let report = String::from_utf8_lossy(report);
        for quoted in
            ["INC-4711", "Printing fails since Monday", "HTTP URL", "Printer URI", "Lease file", "Captive portal"]
        {
            assert!(report.contains(quoted), "{quoted} missing from the {profile} report");
        }

        let mut planted = secrets.clone();
        if profile == "strict" {
            planted.extend(identity.iter().cloned());
        }
        let left = survivors(&bundle, &planted);
        eprintln!(
            "redaction corpus ({profile}): {} planted values ({} secrets{}) in {} entries: {} survivors",
            planted.len(),
            secrets.len(),
            if profile == "strict" { format!(", {} strict items", identity.len()) } else { String::new() },
            entries.len(),
            left.len()
        );
        assert!(left.is_empty(), "{profile}: survivors {left:#?}");
        // The report printed with --json goes through the same profile.
        assert!(json.contains("test.corpus"), "no --json report for {profile}");
        let printed: Vec<String> =
            planted.iter().flat_map(|v| needles(v)).filter(|n| json.contains(n.as_str())).collect();
        eprintln!("redaction corpus ({profile}, --json on stdout): {} survivors", printed.len());
        assert!(printed.is_empty(), "{profile} --json: survivors {printed:?}");

        if profile == "standard" {
            // Standard keeps names and addresses: the strict items are still there, so the strict run proves something.
            assert!(report.contains("rtr-core7.office.lan") && report.contains("mallory"), "standard lost identity");
        } else {
            let map = bundle.with_file_name("strict.zip.map.json");
            assert!(map.exists(), "the strict token map sits beside the bundle");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&map).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "token map mode {mode:o}");
            }
            let edid = &entries.iter().find(|(n, _)| n.ends_with(".edid.bin")).unwrap().1;
            assert_eq!(&edid[12..16], &[0, 0, 0, 0], "numeric EDID serial zeroed");
            let parsed = deskcheck::hw::display::edid::parse(edid).unwrap();
            assert_eq!(parsed.serial_label(), None, "EDID serial text zeroed, checksum still valid");
            for token in ["domain-", "user-", "serial-", "title-", "02:dc:", "240.0."] {
                assert!(report.contains(token), "no {token} token in the strict report");
            }
        }
    }
}

/// Technician notes come from the GUI's notes fields; they go through the same writer.
#[test]
fn technician_notes_lose_their_secrets_and_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut report = deskcheck::model::Report::new(deskcheck::platform::host_info(), chrono::Utc::now());
    report.notes.issue = "Scanner at 192.168.50.21 fails for mmuster, saving to /media/mmuster/SCAN".into();
    report.notes.environment = "Wi-Fi psk=Cx58NotesEnvPsk at rtr-core7.office.lan".into();
    report.notes.resolution = "Reset the token; the old one was Bearer Cx59.notes-bearer".into();
    report.notes.cause = "A stale secret: client_secret=Cx60CauseSecret in C:\\Users\\Jürgen\\app.ini".into();
    for privacy in [deskcheck::bundle::Privacy::Standard, deskcheck::bundle::Privacy::Strict] {
        let path = dir.path().join(format!("{privacy}.zip"));
        deskcheck::bundle::write(
            &report,
            "",
            &path,
            &deskcheck::bundle::WriteOptions { force: false, privacy, ..Default::default() },
        )
        .unwrap();
        let mut planted: Vec<String> = NOTES_SECRETS.iter().map(|s| s.to_string()).collect();
        if privacy == deskcheck::bundle::Privacy::Strict {
            planted.extend(["192.168.50.21", "mmuster", "rtr-core7", "office.lan", "Jürgen"].map(String::from));
        }
        let left = survivors(&path, &planted);
        eprintln!("technician notes ({privacy}): {} planted values, {} survivors", planted.len(), left.len());
        assert!(left.is_empty(), "{privacy}: survivors {left:#?}");
    }
}

/// The issue's own example, against a real ippeveprinter and cupsd: the printer's address in
/// the raw attachment's file name (`raw/printers.status/ipp___10.89.0.1_8631_ipp_print.txt`),
/// report.json, report.html and the manifest, and another user's held job (owner and title,
/// when cupsd shows them), are all gone from a strict bundle and its `--json` report, and
/// there in a standard one.
#[test]
fn strict_bundle_of_a_real_printer_hides_its_address_and_other_peoples_jobs() {
    if let Some(why) = unavailable() {
        common::skip("strict_bundle_of_a_real_printer_hides_its_address_and_other_peoples_jobs", &why);
        return;
    }
    let mut lab = PrinterLab::start().unwrap();
    lab.start_cups().unwrap();
    let file = lab.dir.path().join("salaries.txt");
    std::fs::write(&file, "confidential\n").unwrap();
    let f = file.to_string_lossy().into_owned();
    let title = "Salaries Q3 final.pdf";
    lab.cups_tool(&[
        "lp",
        "-h",
        "127.0.0.1:631",
        "-U",
        "mallory",
        "-t",
        title,
        "-d",
        "office",
        "-o",
        "raw",
        "-H",
        "hold",
        &f,
    ])
    .unwrap();
    let cfg = lab.write_config(false, 10);
    let uri = lab.printer_uri();
    let planted = [PRINTER_IP, "mallory", title];
    for profile in ["standard", "strict"] {
        let bundle = lab.dir.path().join(format!("{profile}.zip"));
        let bundle_arg = bundle.to_string_lossy().into_owned();
        let (report, _, _) = lab.deskcheck(&cfg, &["--printer", &uri, "--privacy", profile, "--bundle", &bundle_arg]);
        let entries = zip_entries(&bundle);
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.iter().any(|n| n.starts_with("raw/printers.status/ipp___")), "{names:?}");
        let json = report.to_string();
        let left: Vec<String> = planted
            .iter()
            .flat_map(|p| {
                let in_entries =
                    entries.iter().filter(|(n, b)| n.contains(p) || String::from_utf8_lossy(b).contains(p));
                let mut at: Vec<String> = in_entries.map(|(n, _)| format!("{p} in {n}")).collect();
                if json.contains(p) {
                    at.push(format!("{p} in --json"));
                }
                at
            })
            .collect();
        eprintln!(
            "real printer ({profile}): {} planted values, {} places they are left: {left:?}",
            planted.len(),
            left.len()
        );
        if profile == "strict" {
            assert!(left.is_empty(), "strict: {left:#?}");
        } else {
            // Standard keeps them: so the strict run is a real test, not an empty one. The lab's
            // cupsd shows other users' job names and owners (JobPrivateValues none, as many
            // offices set it); a stock cupsd hides them from a non-admin query, and then those
            // two never arrive: say so, since the corpus test covers them through check output.
            for p in planted {
                let arrived = left.iter().any(|l| l.starts_with(p));
                if p == PRINTER_IP {
                    assert!(arrived, "{p} never reached the standard bundle: {names:?}");
                } else if !arrived {
                    common::skip(
                        "strict_bundle_of_a_real_printer_hides_its_address_and_other_peoples_jobs",
                        &format!("part '{p}': cupsd does not show other users' job names and owners to deskcheck"),
                    );
                }
            }
            assert!(names.iter().any(|n| n.contains(PRINTER_IP)), "{names:?}");
        }
    }
}
