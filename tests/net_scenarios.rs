//! The network suite end to end: the real `deskcheck` binary inside the client namespace
//! of a real topology (dnsmasq, dhclient, routers, iptables loss), one scenario per fault.

mod common;

use std::time::{Duration, Instant};

use common::netns::*;

fn run_network(t: &Topology, extra: &[&str]) -> (serde_json::Value, i32, Duration, String) {
    run_network_with(t, extra, "")
}

/// `more_network_config` is appended to the config's [network] section.
fn run_network_with(
    t: &Topology,
    extra: &[&str],
    more_network_config: &str,
) -> (serde_json::Value, i32, Duration, String) {
    let cfg = t.write_config();
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str(more_network_config);
    std::fs::write(&cfg, text).unwrap();
    let started = Instant::now();
    let out = t
        .command(&t.client, env!("CARGO_BIN_EXE_deskcheck"))
        .args(["run", "--only", "network", "--json", "--config"])
        .arg(&cfg)
        .args(extra)
        .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
        .output()
        .unwrap();
    let wall = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}); stderr:\n{stderr}"));
    eprintln!("network suite: {} ms wall, exit {:?}\n{stderr}", wall.as_millis(), out.status.code());
    (report, out.status.code().unwrap_or(-1), wall, stderr)
}

fn run_data<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    let run = report["runs"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id}"));
    &run["data"]
}

fn verdict(report: &serde_json::Value) -> (String, String, String) {
    let v = &report["verdict"];
    (
        v["layer"].as_str().unwrap_or("").into(),
        v["severity"].as_str().unwrap_or("").into(),
        v["headline"].as_str().unwrap_or("").into(),
    )
}

macro_rules! need_topology {
    ($name:expr) => {
        if let Some(why) = unavailable() {
            common::skip($name, &why);
            return;
        }
    };
}

#[test]
fn healthy_network_gives_ok_with_hops_lease_and_dns() {
    need_topology!("healthy_network");
    let t = Topology::build(Options::default()).unwrap();
    let (report, code, wall, _) = run_network(&t, &[]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!(severity, "pass", "verdict {layer}: {headline}\n{report:#}");
    assert_eq!(code, 0, "{report:#}");
    // The exact hop list, in order.
    let hops: Vec<String> = run_data(&report, "net.trace.path")["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["addr"].as_str().unwrap_or("*").to_string())
        .collect();
    assert_eq!(hops, vec![GW_LAN, R1, R2, FAR]);
    // The lease: server, address and an expiry about an hour ahead.
    let lease = &run_data(&report, "net.dhcp.lease")["lease"];
    assert_eq!(lease["server"], GW_LAN);
    assert!(lease["address"].as_str().unwrap().starts_with("10.77.1."));
    let remaining = run_data(&report, "net.dhcp.lease")["remaining_secs"].as_i64().unwrap();
    assert!((3000..=3600).contains(&remaining), "remaining {remaining}");
    // DNS answers from the gateway's server.
    let servers = run_data(&report, "net.dns.resolve")["servers"].as_array().unwrap();
    let gw = servers.iter().find(|s| s["server"] == GW_LAN).expect("gateway DNS tested");
    let answer = gw["answers"].as_array().unwrap().iter().find(|a| a["record_type"] == "A").unwrap();
    assert_eq!(answer["values"][0], FAR);
    assert!(wall < Duration::from_secs(5), "network suite took {wall:?}");
}

#[test]
fn dns_down_names_dns_and_the_dead_server_quickly() {
    need_topology!("dns_down");
    let t = Topology::build(Options::default()).unwrap();
    t.break_dns().unwrap();
    let (report, code, wall, _) = run_network(&t, &[]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!(layer, "dns", "{headline}");
    assert_eq!(severity, "fail");
    assert!(headline.contains(GW_LAN), "{headline}");
    assert_eq!(code, 2);
    assert!(wall < Duration::from_secs(6), "took {wall:?}");
}

#[test]
fn no_dhcp_says_no_address_from_dhcp() {
    need_topology!("no_dhcp");
    let t = Topology::build(Options { no_dhcp: true, ..Options::default() }).unwrap();
    let (report, code, _, _) = run_network(&t, &[]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("address", "fail"), "{headline}");
    assert!(headline.contains("no address from the network's DHCP server"), "{headline}");
    assert_eq!(code, 2);
}

#[test]
fn gateway_down_names_the_gateway() {
    need_topology!("gateway_down");
    let t = Topology::build(Options::default()).unwrap();
    t.break_gateway().unwrap();
    let (report, code, _, _) = run_network(&t, &[]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("gateway", "fail"), "{headline}");
    assert!(headline.contains(GW_LAN), "{headline}");
    assert_eq!(code, 2);
}

#[test]
fn loss_is_reported_at_the_right_hop() {
    need_topology!("loss_at_r2");
    let t = Topology::build(Options::default()).unwrap();
    t.add_loss_at_r2(20).unwrap();
    // More probes make 20 % loss visible with near certainty (P(no loss in 30) ≈ 0.1 %).
    let (report, code, _, _) = run_network_with(&t, &[], "ping_count = 30\ntrace_probes = 20\n");
    let hops = run_data(&report, "net.trace.path")["hops"].as_array().unwrap().clone();
    let loss = |i: usize| hops[i]["loss_percent"].as_f64().unwrap();
    for h in &hops {
        eprintln!(
            "hop {} {} sent {} received {} loss {}%",
            h["ttl"], h["addr"], h["sent"], h["received"], h["loss_percent"]
        );
    }
    assert_eq!(loss(0), 0.0, "{hops:#?}");
    assert_eq!(loss(1), 0.0, "{hops:#?}");
    assert!(loss(2) > 0.0 || loss(3) > 0.0, "{hops:#?}");
    let (layer, severity, headline) = verdict(&report);
    assert_eq!(severity, "warn", "{layer}: {headline}");
    assert_eq!(layer, "internet", "{headline}");
    assert!(headline.contains("hop 3") || headline.contains("hop 4"), "{headline}");
    // Slow web pages caused by the loss may fail their own latency threshold: 1 or 2.
    assert!(code >= 1, "{code}");
}

#[test]
fn rogue_dhcp_server_is_named() {
    need_topology!("rogue_dhcp");
    let t = Topology::build(Options { rogue_dhcp: true, ..Options::default() }).unwrap();
    let (report, _, wall, _) = run_network(&t, &["--dhcp-probe"]);
    let run = report["runs"].as_array().unwrap().iter().find(|r| r["id"] == "net.dhcp.probe").unwrap().clone();
    let text = run.to_string();
    assert!(text.contains(GW_LAN) && text.contains(ROGUE), "{run:#}");
    let warn = run["findings"].as_array().unwrap().iter().find(|f| f["severity"] == "warn").expect("a warning");
    assert!(warn["summary"].as_str().unwrap().contains(ROGUE));
    assert!(wall < Duration::from_secs(9), "took {wall:?}");
}
