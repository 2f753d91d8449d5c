//! Network benchmark, in the healthy namespace topology (needs root):
//! the full network suite's wall time (`deskcheck run --only network`); then, on the same
//! path with a 25 ms user-space delay each way at the first ISP router r1 (hops 3 and 4
//! ≥ 50 ms round trip; r1 rather than gw because gw's NAT would see queued packets of one
//! ICMP flow as clashing new connections and drop them, an artefact of the lab) and every router at the stock Linux ICMP limit, `deskcheck trace
//! -n` beside `traceroute -n` (median wall times, ratio, both hop lists), and `deskcheck
//! trace --probes 10` beside `mtr -r -n -c 10` (per-hop loss rows).
//!
//! `cargo bench --bench network` runs several rounds; under `cargo test` it runs one
//! round as a smoke test. Figures are printed, never asserted.

#[path = "../tests/common/mod.rs"]
mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::delay::Delay;
use common::netns::*;

fn time(mut cmd: Command) -> (Duration, String, bool) {
    // Cargo runs benchmarks with its own LD_LIBRARY_PATH (target/ and the toolchain's lib
    // folders): every shared library the program loads is then searched for in some 60
    // folders first, which costs a debug or release deskcheck ~20 ms that no user's
    // start-up has. Both tools start as a user would start them.
    cmd.env_remove("LD_LIBRARY_PATH");
    let started = Instant::now();
    let out = cmd.output().expect("start a benchmark command");
    (started.elapsed(), String::from_utf8_lossy(&out.stdout).into_owned(), out.status.success())
}

/// Run `program --version` in the client namespace, untimed: sends nothing.
fn warm(t: &Topology, program: &str) {
    let _ = t.command(&t.client, program).arg("--version").env_remove("LD_LIBRARY_PATH").output();
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

    let suite = median(suite);

    // The trace comparisons: real round trips and real rate limits.
    t.stock_icmp_limits().expect("stock ICMP rate limits");
    let delay = Delay::start(&t, &t.r1, Duration::from_millis(25)).expect("start the NFQUEUE delay");
    let (mut ours, mut theirs, mut ours_inside) = (Vec::new(), Vec::new(), Vec::new());
    let (mut our_hops, mut their_hops) = (Vec::new(), Vec::new());
    let mut identical = true;
    for _ in 0..rounds {
        // Routers refill one ICMP token a second: each tool starts with their full burst.
        std::thread::sleep(REFILL);
        // After the pause, start each program once without a packet (`--version`), so a
        // 30 MB binary's cold caches are not timed against traceroute's 60 KB.
        warm(&t, bin);
        let mut cmd = t.command(&t.client, bin);
        cmd.args(["trace", FAR, "--json", "-n"]);
        let (d, out, _) = time(cmd);
        our_hops = hops_of_deskcheck(&out);
        ours.push(d);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        ours_inside.push(Duration::from_millis(v["elapsed_ms"].as_u64().unwrap_or(0)));
        std::thread::sleep(REFILL);
        warm(&t, "traceroute");
        let mut cmd = t.command(&t.client, "traceroute");
        cmd.args(["-n", FAR]);
        let (d, out, _) = time(cmd);
        their_hops = hops_of_traceroute(&out);
        theirs.push(d);
        identical &= our_hops == their_hops;
    }
    let (ours, theirs, ours_inside) = (median(ours), median(theirs), median(ours_inside));

    std::thread::sleep(REFILL);
    let mut cmd = t.command(&t.client, bin);
    cmd.args(["trace", FAR, "--json", "-n", "--probes", "10"]);
    let (detailed, detailed_json, _) = time(cmd);
    let our_rows = loss_rows_of_deskcheck(&detailed_json);
    std::thread::sleep(REFILL);
    let mtr = which("mtr").map(|_| {
        let mut cmd = t.command(&t.client, "mtr");
        cmd.args(["-r", "-n", "-c", "10", FAR]);
        let (d, out, _) = time(cmd);
        (d, loss_rows_of_mtr(&out))
    });
    let delayed_packets = delay.packets();
    drop(delay);

    println!("network benchmark ({rounds} rounds, medians, healthy topology: client → gw → r1 → r2 → far)");
    println!("  full network suite (deskcheck run --only network):   {:>6} ms", suite.as_millis());
    println!("  … with --dhcp-probe (4 s listening window):         {:>6} ms", with_probe.as_millis());
    println!(
        "trace comparison: 25 ms delay each way at r1 (hops 3-4 ≥ 50 ms round trip), stock ICMP limits, {delayed_packets} packets delayed"
    );
    println!("  deskcheck trace -n (3 probes/hop):                   {:>6} ms  hops {our_hops:?}", ours.as_millis());
    println!("    … of which tracing (the trace's own clock):        {:>6} ms", ours_inside.as_millis());
    println!(
        "  traceroute -n (3 probes/hop):                        {:>6} ms  hops {their_hops:?}",
        theirs.as_millis()
    );
    println!(
        "  ratio deskcheck / traceroute:                        {:>6.2}x  (goal ≤ 1.2x; identical hop lists in every round: {identical})",
        ours.as_secs_f64() / theirs.as_secs_f64().max(1e-9),
    );
    println!("  deskcheck trace --probes 10:                         {:>6} ms", detailed.as_millis());
    print_rows("deskcheck --probes 10", &our_rows);
    match mtr {
        Some((d, rows)) => {
            println!("  mtr -r -n -c 10:                                     {:>6} ms", d.as_millis());
            print_rows("mtr -r -n -c 10", &rows);
            let trusted = |rows: &[LossRow]| rows.iter().filter(|r| r.trusted).count();
            println!(
                "  hops whose loss figure is trustworthy: deskcheck {} of {}, mtr {} of {}",
                trusted(&our_rows),
                our_rows.len(),
                trusted(&rows),
                rows.len()
            );
        }
        None => common::skip("network benchmark: mtr comparison", "mtr is not installed (mtr-tiny)"),
    }
}

/// Routers give back one ICMP token a second, six at most.
const REFILL: Duration = Duration::from_millis(6500);

/// One hop's loss as a tool reports it. `trusted`: the figure is what the path does —
/// no loss, or loss a reader may take at face value. mtr marks nothing, so its
/// intermediate loss that the destination doesn't share is not trustworthy; deskcheck
/// labels that as rate limiting, which is the truth about it.
struct LossRow {
    addr: String,
    loss_percent: f64,
    label: String,
    trusted: bool,
}

fn loss_rows_of_deskcheck(json: &str) -> Vec<LossRow> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let hops = v["hops"].as_array().cloned().unwrap_or_default();
    hops.iter()
        .map(|h| {
            let label = h["loss"].as_str().unwrap_or("?").to_string();
            LossRow {
                addr: h["addr"].as_str().unwrap_or("*").to_string(),
                loss_percent: h["loss_percent"].as_f64().unwrap_or(100.0),
                trusted: matches!(label.as_str(), "none" | "persistent" | "rate_limited" | "no_reply"),
                label,
            }
        })
        .collect()
}

fn loss_rows_of_mtr(text: &str) -> Vec<LossRow> {
    let rows: Vec<(String, f64)> = text
        .lines()
        .filter_map(|l| {
            let mut words = l.split("|--").nth(1)?.split_whitespace();
            let addr = words.next()?.to_string();
            let loss = words.next()?.trim_end_matches('%').parse().ok()?;
            Some((addr, loss))
        })
        .collect();
    let end_loss = rows.last().map_or(0.0, |r| r.1);
    rows.iter()
        .enumerate()
        .map(|(i, (addr, loss))| {
            // Loss above the destination's at an intermediate hop is the router's limit,
            // which the report does not say.
            let trusted = i + 1 == rows.len() || *loss <= end_loss;
            LossRow { addr: addr.clone(), loss_percent: *loss, label: String::new(), trusted }
        })
        .collect()
}

fn print_rows(tool: &str, rows: &[LossRow]) {
    let cells: Vec<String> = rows
        .iter()
        .map(|r| {
            let label = if r.label.is_empty() { String::new() } else { format!(" {}", r.label) };
            format!("{} {:.0}%{label}", r.addr, r.loss_percent)
        })
        .collect();
    println!("    {tool:<22} {}", cells.join(" | "));
}
