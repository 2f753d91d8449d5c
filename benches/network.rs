//! Network benchmark, in the healthy namespace topology (needs root):
//! the full network suite's wall time (`deskcheck run --only network`), `deskcheck trace`
//! beside `traceroute -n` on the same path with both hop lists, and the mtr-style
//! detailed mode (`--probes 10`).
//!
//! `cargo bench --bench network` runs several rounds; under `cargo test` it runs one
//! round as a smoke test. Figures are printed, never asserted.

#[path = "../tests/common/mod.rs"]
mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::netns::*;

fn time(mut cmd: Command) -> (Duration, String, bool) {
    let started = Instant::now();
    let out = cmd.output().expect("start a benchmark command");
    (started.elapsed(), String::from_utf8_lossy(&out.stdout).into_owned(), out.status.success())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn hops_of_deskcheck(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    v["hops"]
        .as_array()
        .map(|h| h.iter().map(|h| h["addr"].as_str().unwrap_or("*").to_string()).collect())
        .unwrap_or_default()
}

fn hops_of_traceroute(text: &str) -> Vec<String> {
    text.lines().skip(1).map(|l| l.split_whitespace().nth(1).unwrap_or("*").to_string()).collect()
}

fn main() {
    let rounds = if std::env::args().any(|a| a == "--bench") { 7 } else { 1 };
    if let Some(why) = unavailable() {
        common::skip("network benchmark", &why);
        return;
    }
    if which("traceroute").is_none() {
        common::skip("network benchmark", "traceroute is not installed");
        return;
    }
    let t = Topology::build(Options::default()).expect("build the healthy topology");
    let cfg = t.write_config();
    let bin = env!("CARGO_BIN_EXE_deskcheck");

    let mut suite = Vec::new();
    for _ in 0..rounds {
        let mut cmd = t.command(&t.client, bin);
        cmd.args(["run", "--only", "network", "--json", "--config"]).arg(&cfg);
        cmd.env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config");
        let (d, out, _) = time(cmd);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(v["verdict"]["severity"], "pass", "the healthy topology must give an OK verdict");
        suite.push(d);
    }

    let mut with_probe = Vec::new();
    for _ in 0..rounds.min(3) {
        let mut cmd = t.command(&t.client, bin);
        cmd.args(["run", "--only", "network", "--json", "--dhcp-probe", "--config"]).arg(&cfg);
        cmd.env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config");
        with_probe.push(time(cmd).0);
    }
    let with_probe = median(with_probe);

    let (mut ours, mut theirs, mut detailed) = (Vec::new(), Vec::new(), Vec::new());
    let (mut our_hops, mut their_hops) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let mut cmd = t.command(&t.client, bin);
        cmd.args(["trace", FAR, "--json", "-n"]);
        let (d, out, _) = time(cmd);
        our_hops = hops_of_deskcheck(&out);
        ours.push(d);
        let mut cmd = t.command(&t.client, "traceroute");
        cmd.args(["-n", FAR]);
        let (d, out, _) = time(cmd);
        their_hops = hops_of_traceroute(&out);
        theirs.push(d);
        let mut cmd = t.command(&t.client, bin);
        cmd.args(["trace", FAR, "--json", "-n", "--probes", "10"]);
        let (d, _, _) = time(cmd);
        detailed.push(d);
    }
    let (suite, ours, theirs, detailed) = (median(suite), median(ours), median(theirs), median(detailed));
    println!("network benchmark ({rounds} rounds, medians, healthy topology: client → gw → r1 → r2 → far)");
    println!("  full network suite (deskcheck run --only network):   {:>6} ms", suite.as_millis());
    println!("  … with --dhcp-probe (4 s listening window):         {:>6} ms", with_probe.as_millis());
    println!("  deskcheck trace -n (3 probes/hop):                   {:>6} ms  hops {our_hops:?}", ours.as_millis());
    println!(
        "  traceroute -n (3 probes/hop):                        {:>6} ms  hops {their_hops:?}",
        theirs.as_millis()
    );
    println!(
        "  ratio traceroute / deskcheck:                        {:>6.2}x  (identical hop lists: {})",
        theirs.as_secs_f64() / ours.as_secs_f64().max(1e-9),
        our_hops == their_hops
    );
    println!(
        "  deskcheck trace --probes 10 (mtr-style statistics):  {:>6} ms  (mtr --report needs ~15 s)",
        detailed.as_millis()
    );
}
