//! Config values that parse but make no sense are refused before anything runs, each at its
//! `file:line:column`, with rc 3, and all mistakes of a file are listed at once — through the
//! real binary, for every subcommand that reads the config. Nothing here sends a packet: the
//! config is refused before any probe, and the one run that passes only looks at loopback.

mod common;

use std::path::{Path, PathBuf};

use common::{deskcheck, stderr, stdout};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `deskcheck ARGS --config FILE` and returns (rc, stderr, stdout).
fn with_config(args: &[&str], cfg: &Path) -> (i32, String, String) {
    let out = deskcheck().args(args).arg("--config").arg(cfg).output().unwrap();
    (out.status.code().unwrap_or(-1), stderr(&out), stdout(&out))
}

/// Each mistake from issue 8 (and the other rules), alone in a file → its exact message.
#[test]
fn each_mistake_names_its_line_column_and_exits_3() {
    let table: &[(&str, &str)] = &[
        (
            "[targets]\nhttp_urls = [\"198.18.0.10/\"]\n",
            "2:14: URL '198.18.0.10/' has no scheme (start it with http://, https://)",
        ),
        (
            "[targets]\ntcp_ports = [\"intranet.example:443\", \"intranet.example:70000\"]\n",
            "2:38: TCP target 'intranet.example:70000' has port 70000, out of range (1 to 65535)",
        ),
        (
            "[targets]\ntcp_ports = [\"intranet.example\"]\n",
            "2:14: TCP target 'intranet.example' has no port (write host:port, e.g. intranet.example:443)",
        ),
        ("[network]\nping_count = 0\n", "2:14: ping_count = 0 is out of range (1 to 1000)"),
        ("[network]\nprobe_timeout_ms = 0\n", "2:20: probe_timeout_ms = 0 is out of range (1 to 60000 ms)"),
        ("[network]\nsuite_deadline_ms = 100\n", "2:21: suite_deadline_ms = 100 is out of range (500 to 60000 ms)"),
        (
            "[printers]\nuris = [\"192.0.2.7/ipp/print\"]\n",
            "2:9: printer URI '192.0.2.7/ipp/print' has no scheme (start it with ipp://, ipps://, http://, https://)",
        ),
        (
            "[printers]\nuris = [\"lpd://192.0.2.7/queue\"]\n",
            "2:9: printer URI 'lpd://192.0.2.7/queue' has the scheme 'lpd'; use ipp://, ipps://, http://, https://",
        ),
        (
            "[thresholds]\ndns_warn_ms = 900\ndns_fail_ms = 100\n",
            "2:15: dns_warn_ms (900) must be below dns_fail_ms (100): the warning comes before the failure",
        ),
        (
            // Only the fail side is set: the message points at it, not at the default.
            "[thresholds]\nhttps_fail_ms = 200\n",
            "2:17: https_warn_ms (500) must be below https_fail_ms (200): the warning comes before the failure",
        ),
        (
            "[thresholds]\ngateway_fail_ms = -5\n",
            "2:19: gateway_fail_ms = -5 is out of range (more than 0, at most 60000 ms)",
        ),
        ("[thresholds]\nloss_fail_percent = 150\n", "2:21: loss_fail_percent = 150 is not a percentage (0 to 100)"),
        ("[network]\nping_count = -1\n", "2:14: invalid value: integer `-1`, expected u32"),
        (
            "[targets]\nping_hosts = [\"198.18.0.10/\"]\n",
            "2:15: ping host '198.18.0.10/' contains '/'; write only the host name or IP address",
        ),
        (
            "[targets]\ndns_servers = [\"dns.example\"]\n",
            "2:16: DNS server 'dns.example' is not an IP address (write e.g. 192.0.2.53 or 2001:db8::53)",
        ),
        (
            "[targets.captive_portal]\nurl = \"msftconnecttest.com/connecttest.txt\"\n",
            "2:7: captive portal URL 'msftconnecttest.com/connecttest.txt' has no scheme (start it with http://, https://)",
        ),
        ("[printers]\nstuck_job_minutes = 20000\n", "2:21: stuck_job_minutes = 20000 is out of range (0 to 10080)"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, (text, expected)) in table.iter().enumerate() {
        let cfg = write(dir.path(), &format!("mistake{i}.toml"), text);
        // `run` refuses before any check: --only system would otherwise run (harmlessly).
        let (rc, err, out) = with_config(&["run", "--only", "system", "--json"], &cfg);
        let line = format!("{}:{expected}", cfg.display());
        assert_eq!(rc, 3, "{text}\n{err}");
        assert!(err.contains(&line), "expected\n  {line}\ngot\n{err}");
        // One mistake: one line, nothing else reported.
        assert_eq!(err.matches(&cfg.display().to_string()).count(), 1, "{err}");
        // A script asking for JSON gets the error as JSON.
        let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(json["status"], "error");
        assert!(json["error"].as_str().unwrap().contains(expected), "{json}");
    }
}

/// One file with many mistakes: all of them, in file order, in one go.
#[test]
fn all_mistakes_of_a_file_are_listed_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\
organisation = \"Acme\"
[targets]
ping_hosts = [\"10.0.0.1\", \"bad host\"]
http_urls = [\"198.18.0.10/\"]
tcp_ports = [\"intranet.example\", \"intranet.example:70000\"]
pingg = []
[network]
ping_count = 0
probe_timeout_ms = 0
trace_probes = -3
[printers]
uris = [\"192.0.2.7/ipp/print\"]
[thresholds]
dns_warn_ms = 900
dns_fail_ms = 100
";
    let cfg = write(dir.path(), "many.toml", text);
    let (rc, err, _) = with_config(&["run", "--only", "system"], &cfg);
    assert_eq!(rc, 3, "{err}");
    let p = cfg.display().to_string();
    let expected = [
        format!("10 mistakes in {p}:"),
        format!("{p}:3:27: ping host 'bad host' is not a valid host name (character ' ')"),
        format!("{p}:4:14: URL '198.18.0.10/' has no scheme (start it with http://, https://)"),
        format!("{p}:5:14: TCP target 'intranet.example' has no port (write host:port, e.g. intranet.example:443)"),
        format!("{p}:5:34: TCP target 'intranet.example:70000' has port 70000, out of range (1 to 65535)"),
        format!("{p}:6:1: unknown field `pingg`, expected one of"),
        format!("{p}:8:14: ping_count = 0 is out of range (1 to 1000)"),
        format!("{p}:9:20: probe_timeout_ms = 0 is out of range (1 to 60000 ms)"),
        format!("{p}:10:16: invalid value: integer `-3`, expected u32"),
        format!("{p}:12:9: printer URI '192.0.2.7/ipp/print' has no scheme"),
        format!("{p}:14:15: dns_warn_ms (900) must be below dns_fail_ms (100)"),
    ];
    let mut from = 0;
    for want in &expected {
        let at = err[from..].find(want.as_str()).unwrap_or_else(|| panic!("missing or out of order: {want}\n{err}"));
        from += at + want.len();
    }
}

/// `ping`, `trace`, `show` and `checklist` read --config too: a broken file is rc 3 there,
/// before any probe (the hosts below are never contacted).
#[test]
fn every_subcommand_refuses_a_broken_config() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(dir.path(), "broken.toml", "[network]\nping_count = 0\ntrace_probes = 0\n");
    let bundle = dir.path().join("any.zip");
    let bundle = bundle.to_str().unwrap();
    for args in [
        vec!["ping", "127.0.0.1", "--json"],
        vec!["trace", "127.0.0.1", "-n"],
        vec!["show", bundle],
        vec!["checklist", "--list"],
    ] {
        let (rc, err, _) = with_config(&args, &cfg);
        assert_eq!(rc, 3, "{args:?}: {err}");
        assert!(err.contains(&format!("{}:2:14: ping_count = 0", cfg.display())), "{args:?}: {err}");
        assert!(err.contains(&format!("{}:3:16: trace_probes = 0", cfg.display())), "{args:?}: {err}");
    }
}

/// `ping` takes its count and `trace` its probes per hop from the config when no flag says
/// otherwise; the flag wins. Loopback only.
#[test]
fn ping_and_trace_use_the_config_values() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(dir.path(), "quick.toml", "[network]\nping_count = 3\ntrace_probes = 2\n");
    let (rc, err, out) = with_config(&["ping", "127.0.0.1", "-i", "200", "--json"], &cfg);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    assert_eq!(json["sent"], 3, "{json}");
    assert_eq!(rc, 0, "{err}");
    let (_, err, out) = with_config(&["ping", "127.0.0.1", "-i", "200", "-c", "2", "--json"], &cfg);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    assert_eq!(json["sent"], 2, "the flag wins over the config: {json}");

    let (_, err, out) = with_config(&["trace", "127.0.0.1", "-n", "--json"], &cfg);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    let hop = &json["hops"][0];
    assert_eq!(hop["sent"], 2, "trace_probes from the config: {json}");
}

/// A `checklists/` folder beside the file given with --config is read (as the README says).
#[test]
fn checklists_beside_the_config_file_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(dir.path(), "deskcheck.toml", "organisation = \"Acme\"\n");
    std::fs::create_dir(dir.path().join("checklists")).unwrap();
    let own = "\
id = \"badge\"
title = \"Badge reader\"
description = \"The door badge reader at reception.\"
area = \"peripherals\"
start = \"power\"

[[steps]]
id = \"power\"
kind = \"yes_no\"
text = \"Is the reader's light on?\"
yes = \"fixed\"
no = \"call\"

[[steps]]
id = \"fixed\"
kind = \"resolved\"
text = \"It works.\"
resolution = \"The reader works.\"

[[steps]]
id = \"call\"
kind = \"escalate\"
text = \"Call facilities.\"
reason = \"The reader has no power.\"
";
    write(&dir.path().join("checklists"), "badge.toml", own);
    let (rc, err, out) = with_config(&["checklist", "--list"], &cfg);
    assert!(out.contains("badge"), "the checklist beside the config is listed:\n{out}\n{err}");
    assert_eq!(rc, 0, "{out}\n{err}");
    let (rc, err, out) = with_config(&["checklist", "--list", "--json"], &cfg);
    assert_eq!(rc, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = json["checklists"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"badge") && ids.contains(&"printer"), "{ids:?}");
}
