//! The read-out code and the two languages end to end: the real binary runs real checks,
//! its code goes through `deskcheck decode`, and `--lang` decides the words of the bundle.
//! Runs stay on this machine: `--only system` reads local facts and sends nothing; the
//! network run happens inside a lab namespace with every target pointed into it.

mod common;

use std::path::Path;

use common::netns::{Options, Topology, unavailable};
use common::*;

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn zip_file(path: &Path, name: &str) -> String {
    let entries = zip_entries(path);
    let bytes = &entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} not in the bundle")).1;
    String::from_utf8(bytes.clone()).unwrap()
}

/// `deskcheck --lang <lang> run <args> --json --bundle <dir>/B.zip`: (report JSON, stderr, bundle path).
fn run_with_bundle(lang: &str, args: &[&str], dir: &Path) -> (serde_json::Value, String, std::path::PathBuf) {
    let path = dir.join(format!("{lang}.zip"));
    let out =
        deskcheck().args(["--lang", lang, "run"]).args(args).arg("--json").arg("--bundle").arg(&path).output().unwrap();
    assert!(out.status.code().unwrap() <= 2, "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (report, stderr(&out), path)
}

/// What decode should list for a report, in English: each area's status word and the
/// failing checks' ids.
fn expected_lines(report: &serde_json::Value) -> Vec<String> {
    let mut lines = Vec::new();
    for (key, title) in [
        ("network", "Network"),
        ("printers", "Printers"),
        ("displays", "Displays"),
        ("peripherals", "Peripherals"),
        ("system", "System"),
    ] {
        let mut worst: Option<u8> = None;
        for run in report["runs"].as_array().unwrap().iter().filter(|r| r["category"] == key) {
            worst = worst.max(run_rating(run));
        }
        let word = match worst {
            Some(2) => "FAIL",
            Some(1) => "WARN",
            Some(_) => "PASS",
            None => "NOT RUN",
        };
        lines.push(format!("{title}: {word}"));
    }
    for run in report["runs"].as_array().unwrap() {
        let failed = run["outcome"]["kind"] == "completed"
            && run["findings"].as_array().unwrap().iter().any(|f| f["severity"] == "fail");
        if failed {
            lines.push(format!("({})", run["id"].as_str().unwrap()));
        }
    }
    lines
}

fn decode(lang: &str, code: &str) -> std::process::Output {
    deskcheck().args(["--lang", lang, "decode", code]).output().unwrap()
}

/// One character changed and two neighbours swapped, at every place.
fn mangled(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate().filter(|(_, c)| **c != '-') {
        let other = ALPHABET.chars().find(|&a| a != c).unwrap();
        let mut changed = chars.clone();
        changed[i] = other;
        out.push(changed.iter().collect());
        if let Some(&next) = chars.get(i + 1)
            && next != '-'
            && next != c
        {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            out.push(swapped.iter().collect());
        }
    }
    out
}

#[test]
fn a_real_runs_code_decodes_to_its_results_and_a_typo_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (report, run_err, bundle) = run_with_bundle("en", &["--only", "system"], dir.path());
    let code = report["readout_code"].as_str().expect("report.json has readout_code").to_string();
    assert!(code.len() <= 12, "{code}");
    assert!(run_err.contains(&format!("read-out code: {code}")), "the run prints its code:\n{run_err}");
    // The bundle carries the same code, in report.json and at the top of summary.txt.
    let saved: serde_json::Value = serde_json::from_str(&zip_file(&bundle, "report.json")).unwrap();
    assert_eq!(saved["readout_code"], code.as_str());
    let summary = zip_file(&bundle, "summary.txt");
    assert_eq!(summary.lines().nth(1), Some(format!("Read-out code: {code}").as_str()), "{summary}");
    assert!(zip_file(&bundle, "report.html").contains(&format!("<code>{code}</code>")));

    let out = decode("en", &code);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    for line in expected_lines(&report) {
        assert!(listed.contains(&line), "decode does not say {line:?}:\n{listed}");
    }
    // Typed as heard: lower case, no dashes.
    let sloppy = decode("en", &code.replace('-', "").to_lowercase());
    assert_eq!(stdout(&sloppy), listed);

    let json = deskcheck().args(["--lang", "en", "decode", &code, "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["code"], code.as_str());
    assert_eq!(json["status"], "ok");
    assert_eq!(json["decoded"]["areas"].as_array().map(Vec::len), Some(5));
    let schema =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/decode.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "decode --json does not match schema/decode.schema.json: {errors:?}\n{json:#}");
    // A wrong code with --json: the error document, exit 3.
    let wrong = deskcheck().args(["--lang", "en", "decode", &mangled(&code)[1], "--json"]).output().unwrap();
    assert_eq!(wrong.status.code(), Some(3));
    let wrong: serde_json::Value = serde_json::from_slice(&wrong.stdout).unwrap();
    assert_eq!(wrong["status"], "error");
    assert!(wrong["error"].as_str().unwrap().starts_with("The code is wrong"), "{wrong}");

    for wrong in mangled(&code) {
        let out = decode("en", &wrong);
        assert_eq!(out.status.code(), Some(3), "{wrong} was accepted:\n{}", stdout(&out));
        assert!(stdout(&out).is_empty(), "{wrong} printed results");
        assert!(
            stderr(&out).contains("The code is wrong — a character was misheard or two were swapped"),
            "{wrong}: {}",
            stderr(&out)
        );
    }
    let danish = decode("da", &mangled(&code)[0]);
    assert!(stderr(&danish).contains("Koden er forkert"), "{}", stderr(&danish));
    let short = decode("en", &code[..6]);
    assert_eq!(short.status.code(), Some(3));
    assert!(stderr(&short).contains("a read-out code has 10"), "{}", stderr(&short));
    let bad = decode("en", "1QX-4MU-2PXK");
    assert!(stderr(&bad).contains("\"U\" (character 7)"), "{}", stderr(&bad));
}

#[test]
fn an_unplugged_cable_is_read_back_as_a_link_failure() {
    if let Some(why) = unavailable() {
        skip("an_unplugged_cable_is_read_back_as_a_link_failure", &why);
        return;
    }
    let t = Topology::build(Options::default()).unwrap();
    t.unplug_cable().unwrap();
    let cfg = t.write_config();
    let out = t
        .command(&t.client, env!("CARGO_BIN_EXE_deskcheck"))
        .args(["--lang", "en", "run", "--only", "network", "--json", "--config"])
        .arg(&cfg)
        .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"]["layer"], "link", "{report:#}");
    let code = report["readout_code"].as_str().unwrap();
    let decoded = decode("en", code);
    let listed = stdout(&decoded);
    assert!(listed.contains("Network: FAIL"), "{listed}");
    assert!(listed.contains("Network problem starts at: Network connection"), "{listed}");
    assert!(listed.contains("(net.link.status)"), "{listed}");
    assert!(listed.contains("Printers: NOT RUN"), "{listed}");
    for line in expected_lines(&report) {
        assert!(listed.contains(&line), "decode does not say {line:?}:\n{listed}");
    }
}

#[test]
fn lang_da_writes_a_danish_bundle_and_lang_en_an_english_one() {
    let dir = tempfile::tempdir().unwrap();
    let (_, run_err, da) = run_with_bundle("da", &["--only", "system"], dir.path());
    assert!(run_err.contains("kører ") && run_err.contains("aflæsningskode: "), "Danish progress:\n{run_err}");
    let html = zip_file(&da, "report.html");
    for needle in
        ["<html lang=\"da\">", "deskcheck-rapport", "Computer og kørsel", "Alle tjek", "Aflæsningskode:", "Samlet:"]
    {
        assert!(html.contains(needle), "{needle} missing from the Danish report.html");
    }
    let summary = zip_file(&da, "summary.txt");
    for needle in ["deskcheck-rapport (", "Aflæsningskode: ", "Samlet: ", " tjek: "] {
        assert!(summary.contains(needle), "{needle} missing from the Danish summary.txt:\n{summary}");
    }
    let manifest: serde_json::Value = serde_json::from_str(&zip_file(&da, "manifest.json")).unwrap();
    assert_eq!(manifest["lang"], "da");
    // report.json stays machine data: English words, UTC times.
    let report: serde_json::Value = serde_json::from_str(&zip_file(&da, "report.json")).unwrap();
    assert!(report["started_at"].as_str().unwrap().ends_with('Z'), "{}", report["started_at"]);

    let (_, run_err, en) = run_with_bundle("en", &["--only", "system"], dir.path());
    assert!(run_err.contains("running ") && run_err.contains("read-out code: "), "{run_err}");
    let html = zip_file(&en, "report.html");
    for needle in ["<html lang=\"en\">", "deskcheck report", "Computer and run", "All checks", "Read-out code:"] {
        assert!(html.contains(needle), "{needle} missing from the English report.html");
    }
    assert!(!html.contains("Computer og kørsel"));
    let summary = zip_file(&en, "summary.txt");
    assert!(summary.contains("Read-out code: ") && summary.contains("Overall: "), "{summary}");
    let manifest: serde_json::Value = serde_json::from_str(&zip_file(&en, "manifest.json")).unwrap();
    assert_eq!(manifest["lang"], "en");

    // `show` words a bundle in the language asked for, whichever it was saved in.
    let shown = deskcheck().args(["--lang", "en", "show"]).arg(&da).output().unwrap();
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    assert!(stdout(&shown).contains("Read-out code: "), "{}", stdout(&shown));
    assert!(stderr(&shown).contains("bundle intact"), "{}", stderr(&shown));
    let shown = deskcheck().args(["--lang", "da", "show"]).arg(&da).output().unwrap();
    assert!(stdout(&shown).contains("Aflæsningskode: "), "{}", stdout(&shown));
    assert!(stderr(&shown).contains("pakken er intakt"), "{}", stderr(&shown));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = deskcheck().args(["--lang", "xx", "decode", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("unknown language 'xx' (choose en or da)"), "{}", stderr(&out));
}
