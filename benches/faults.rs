//! Fault benchmark (needs root): the wall time of `deskcheck run --only network` until the
//! verdict, under each fault of issue 8 and on the healthy network, in the namespace lab
//! with a 25 ms one-way delay on r1 (every hop behind it ≥ 50 ms round trip, the way an
//! ISP line is). The web and sign-in targets are given by name, as real configs do, so the
//! DNS faults exercise the lookups above the broken layer.
//!
//! `cargo bench --bench faults` runs 5 rounds per fault and prints medians; under
//! `cargo test` it runs one round as a smoke test. Figures are printed, never asserted
//! (targets: every fault ≤ 3 s, healthy ≤ 1.5 s).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::delay::Delay;
use common::netns::*;

/// One fault of the lab: how to build it and how to break it.
struct Fault {
    name: &'static str,
    options: Options,
    breaks: fn(&Topology) -> Result<(), String>,
}

fn none(_: &Topology) -> Result<(), String> {
    Ok(())
}

fn faults() -> Vec<Fault> {
    vec![
        Fault { name: "healthy", options: Options::default(), breaks: none },
        Fault { name: "DNS down (refused)", options: Options::default(), breaks: Topology::stop_dns },
        Fault { name: "DNS dropping queries", options: Options::default(), breaks: Topology::break_dns },
        Fault { name: "gateway down", options: Options::default(), breaks: Topology::break_gateway },
        Fault {
            name: "cable in, DHCP silent",
            options: Options { silent_dhcp: true, ..Options::default() },
            breaks: none,
        },
        Fault { name: "cable out", options: Options::default(), breaks: Topology::unplug_cable },
        Fault { name: "20 % loss (r2 in)", options: Options::default(), breaks: |t| t.add_loss_at_r2(20) },
        Fault { name: "static address", options: Options { static_address: true, ..Options::default() }, breaks: none },
    ]
}

/// The lab config with the web and sign-in targets by name.
fn config_by_name(t: &Topology) -> std::path::PathBuf {
    let cfg = t.write_config();
    let text = std::fs::read_to_string(&cfg).expect("read the lab config");
    let text = text
        .replace(&format!("http://{FAR}/\""), &format!("http://{TEST_NAME}/\""))
        .replace(&format!("http://{FAR}/connecttest.txt"), &format!("http://{TEST_NAME}/connecttest.txt"));
    let path = t.path().join("faults.toml");
    std::fs::write(&path, text).expect("write the bench config");
    path
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let rounds = if std::env::args().any(|a| a == "--bench") { 5 } else { 1 };
    if let Some(why) = unavailable() {
        common::skip("fault benchmark", &why);
        return;
    }
    let bin = env!("CARGO_BIN_EXE_deskcheck");
    println!("fault benchmark: deskcheck run --only network, {rounds} round(s) per fault, median wall time");
    println!("  lab: client → gw → r1 (+25 ms each way) → r2 → far; web and sign-in targets by name");
    println!("  {:<24} {:>8} {:>8} {:>8}  verdict", "fault", "median", "min", "max");
    for fault in faults() {
        let t = Topology::build(fault.options.clone()).expect("build the lab");
        let delay = Delay::start(&t, &t.r1, Duration::from_millis(25)).expect("start the delay on r1");
        (fault.breaks)(&t).expect("make the fault");
        let cfg = config_by_name(&t);
        let mut walls = Vec::new();
        let mut verdict = String::new();
        for _ in 0..rounds {
            let started = Instant::now();
            let out = t
                .command(&t.client, bin)
                .args(["run", "--only", "network", "--json", "--config"])
                .arg(&cfg)
                .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
                .output()
                .expect("run deskcheck");
            walls.push(started.elapsed());
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            verdict = format!(
                "{} {}: {}",
                v["verdict"]["severity"].as_str().unwrap_or("?"),
                v["verdict"]["layer"].as_str().unwrap_or("?"),
                v["verdict"]["headline"].as_str().unwrap_or("no verdict")
            );
        }
        let (min, max) = (walls.iter().min().copied(), walls.iter().max().copied());
        println!(
            "  {:<24} {:>5} ms {:>5} ms {:>5} ms  {verdict}",
            fault.name,
            median(walls).as_millis(),
            min.unwrap_or_default().as_millis(),
            max.unwrap_or_default().as_millis()
        );
        if delay.packets() == 0 && fault.name == "healthy" {
            println!("  (warning: the delay on r1 saw no packet; the figures above are undelayed)");
        }
    }
}
