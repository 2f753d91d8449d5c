//! The JSON contract: the schemas shipped in `schema/` are exactly what the types generate
//! now, and every `--json` output of the real binary validates against its schema and says
//! `status` (matching the exit code) and `schema_version`, with `data` always an object and
//! no float noise. Loopback and namespace labs only.
//!
//! After changing an output type: `DESKCHECK_BLESS=1 cargo test --test json_schema` rewrites
//! the shipped files (or `cargo run --example gen_schema`).

mod common;

use std::path::{Path, PathBuf};

use common::{deskcheck, stderr, stdout};
use deskcheck::cli::output::{schema_text, schemas};

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")
}

#[test]
fn shipped_schemas_match_the_types() {
    let bless = std::env::var_os("DESKCHECK_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, schema) in schemas() {
        let path = schema_dir().join(name);
        let want = schema_text(&schema);
        if bless {
            std::fs::create_dir_all(schema_dir()).unwrap();
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schema/{stale:?} differ from the types; regenerate: DESKCHECK_BLESS=1 cargo test --test json_schema"
    );
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(schema_dir().join(name)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
}

/// Validates one output and the contract's rules the schema cannot say; returns the JSON.
fn check(schema: &str, what: &str, rc: i32, out: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{what}: no JSON ({e}):\n{out}"));
    let errors: Vec<String> =
        validator(schema).iter_errors(&json).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not validate against {schema}:\n{}", errors.join("\n"));
    assert_eq!(json["schema_version"], deskcheck::model::SCHEMA_VERSION, "{what}");
    let status = json["status"].as_str().unwrap_or_else(|| panic!("{what}: no status"));
    let expected = match rc {
        0 => "ok",
        1 => "warn",
        2 => "fail",
        _ => "error",
    };
    // `show` exits on the bundle's integrity, its status is the report's: checked by the caller.
    if !what.starts_with("show") {
        assert_eq!(status, expected, "{what}: status must match the exit code {rc}");
    }
    for run in json["runs"].as_array().into_iter().flatten() {
        let data = &run["data"];
        assert!(data.is_null() || data.is_object(), "{what}: {} data is not an object: {data}", run["id"]);
    }
    no_float_noise(what, &json);
    json
}

/// Every number prints with at most three decimals (µs for milliseconds).
fn no_float_noise(what: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if n.is_f64() => {
            let text = n.to_string();
            let decimals =
                text.split_once('.').map_or(0, |(_, d)| d.trim_end_matches(|c: char| !c.is_ascii_digit()).len());
            assert!(decimals <= 3, "{what}: float noise in {text}");
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| no_float_noise(what, v)),
        serde_json::Value::Object(map) => map.values().for_each(|v| no_float_noise(what, v)),
        _ => {}
    }
}

/// A config that keeps every check on this machine: no outside target, no printer discovery.
fn local_config(dir: &Path) -> PathBuf {
    let path = dir.join("deskcheck.toml");
    std::fs::write(
        &path,
        "[targets]\nping_hosts = [\"127.0.0.1\"]\ndns_names = [\"localhost\"]\nhttp_urls = [\"http://127.0.0.1:9/\"]\n\
         tcp_ports = [\"127.0.0.1:9\"]\ncaptive_portal = { url = \"http://127.0.0.1:9/\", expected_body = \"x\" }\n\
         [printers]\ndiscover_mdns = false\ncups_server = \"127.0.0.1:9\"\n",
    )
    .unwrap();
    path
}

fn run(args: &[&str], cfg: &Path) -> (i32, String) {
    let out = deskcheck().args(args).arg("--config").arg(cfg).env("CUPS_SERVER", "127.0.0.1:9").output().unwrap();
    let rc = out.status.code().unwrap_or(-1);
    eprintln!("{args:?}: rc {rc}\n{}", stderr(&out));
    (rc, stdout(&out))
}

#[test]
fn run_checklist_show_and_errors_validate() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = local_config(dir.path());

    // The system area, with the test-only checks (a passing one, a panicking one, one holding secrets).
    let bundle = dir.path().join("b.zip");
    let bundle_arg = bundle.to_str().unwrap();
    let (rc, out) = run(&["run", "--only", "system", "--json", "--bundle", bundle_arg], &cfg);
    let report = check("report.schema.json", "run --only system", rc, &out);
    assert!(report["runs"].as_array().unwrap().len() >= 3);
    let (rc, out) = run(&["run", "--only", "displays", "--test-checks", "pass,panic,secrets", "--json"], &cfg);
    check("report.schema.json", "run --test-checks", rc, &out);

    // report.json inside the bundle follows the same schema, status included.
    let entries = common::zip_entries(&bundle);
    let saved = &entries.iter().find(|(name, _)| name == "report.json").unwrap().1;
    let saved = check("report.schema.json", "show: the bundle's report.json", rc, &String::from_utf8_lossy(saved));
    assert_eq!(saved["status"], report["status"]);

    // `show` prints the saved report with the same status.
    let (rc, out) = run(&["show", bundle_arg, "--json"], &cfg);
    assert_eq!(rc, 0);
    let shown = check("report.schema.json", "show", rc, &out);
    assert_eq!(shown["status"], report["status"]);

    // A checklist (from the checklists/ folder beside the config) walked from an answers
    // file, and the list of checklists.
    std::fs::create_dir(dir.path().join("checklists")).unwrap();
    std::fs::write(dir.path().join("checklists").join("dock.toml"), common::DOCKING_CHECKLIST).unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(&answers, "power = \"no\"\n").unwrap();
    let (rc, out) = run(&["checklist", "dock", "--answers", answers.to_str().unwrap(), "--json"], &cfg);
    let walked = check("report.schema.json", "checklist peripheral", rc, &out);
    assert_eq!(walked["checklists"].as_array().unwrap().len(), 1);
    let (rc, out) = run(&["checklist", "--list", "--json"], &cfg);
    check("checklist-list.schema.json", "checklist --list", rc, &out);

    // Could not run: still one JSON document, status error.
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[network]\nping_count = 0\n").unwrap();
    for args in [["run", "--json"].as_slice(), &["ping", "127.0.0.1", "--json"], &["show", bundle_arg, "--json"]] {
        let (rc, out) = run(args, &bad);
        assert_eq!(rc, 3);
        let json = check("error.schema.json", &format!("{args:?} with a bad config"), rc, &out);
        assert!(json["error"].as_str().unwrap().contains("ping_count = 0"));
    }
    let (rc, out) = run(&["show", dir.path().join("missing.zip").to_str().unwrap(), "--json"], &cfg);
    check("error.schema.json", "error: show of a missing bundle", rc, &out);
    // A bundle that cannot be written: one JSON document on stdout (the error), not a report and an error.
    let nowhere = dir.path().join("no-such-dir").join("b.zip");
    let (rc, out) = run(&["run", "--only", "system", "--json", "--bundle", nowhere.to_str().unwrap()], &cfg);
    check("error.schema.json", "error: an unwritable bundle path", rc, &out);
}

#[test]
fn ping_and_trace_on_loopback_validate() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = local_config(dir.path());
    let (rc, out) = run(&["ping", "127.0.0.1", "-c", "3", "-i", "200", "--json"], &cfg);
    let ping = check("ping.schema.json", "ping", rc, &out);
    assert_eq!(ping["host"], "127.0.0.1");
    let (rc, out) = run(&["trace", "127.0.0.1", "-n", "--probes", "2", "--json"], &cfg);
    let trace = check("trace.schema.json", "trace", rc, &out);
    assert_eq!(trace["reached"], true);
}

/// The network area inside a namespace lab (real dnsmasq, routers, far host): every
/// network check's data validates, and ping/trace through three routers too.
#[test]
fn network_area_in_a_lab_validates() {
    use common::netns::*;
    if let Some(why) = unavailable() {
        common::skip("network_area_in_a_lab_validates", &why);
        return;
    }
    let t = Topology::build(Options::default()).unwrap();
    let cfg = t.write_config();
    let lab = |args: &[&str]| {
        let out = t
            .command(&t.client, env!("CARGO_BIN_EXE_deskcheck"))
            .args(args)
            .arg("--config")
            .arg(&cfg)
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .output()
            .unwrap();
        let rc = out.status.code().unwrap_or(-1);
        eprintln!("{args:?}: rc {rc}\n{}", stderr(&out));
        (rc, stdout(&out))
    };
    let (rc, out) = lab(&["run", "--only", "network", "--json"]);
    let report = check("report.schema.json", "run --only network (lab)", rc, &out);
    let ids: Vec<&str> = report["runs"].as_array().unwrap().iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(ids.contains(&"net.internet.ping") && ids.contains(&"net.trace.path"), "{ids:?}");
    let internet = report["runs"].as_array().unwrap().iter().find(|r| r["id"] == "net.internet.ping").unwrap();
    assert!(internet["data"]["items"].is_array(), "a list is wrapped as data.items: {}", internet["data"]);
    let (rc, out) = lab(&["ping", FAR, "-c", "3", "-i", "200", "--json"]);
    check("ping.schema.json", "ping (lab)", rc, &out);
    let (rc, out) = lab(&["trace", FAR, "-n", "--json"]);
    let trace = check("trace.schema.json", "trace (lab)", rc, &out);
    assert!(trace["hops"].as_array().unwrap().len() >= 3, "{trace}");
}
