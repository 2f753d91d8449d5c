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
    run_network_config(t, extra, &text)
}

/// Run the network suite with exactly this config text.
fn run_network_config(t: &Topology, extra: &[&str], config_text: &str) -> (serde_json::Value, i32, Duration, String) {
    let cfg = t.path().join("deskcheck-scenario.toml");
    std::fs::write(&cfg, config_text).unwrap();
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

fn run_of<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["runs"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no {id}"))
}

fn next_step(report: &serde_json::Value) -> String {
    report["verdict"]["next_step"].as_str().unwrap_or("").to_string()
}

/// The lab config with the web and sign-in targets given by name, so they need DNS.
fn by_name_config(t: &Topology) -> String {
    let cfg = t.write_config();
    let text = std::fs::read_to_string(&cfg).unwrap();
    let text = text
        .replace(&format!("http_urls = [\"http://{FAR}/\"]"), &format!("http_urls = [\"http://{TEST_NAME}/\"]"))
        .replace(
            &format!("url = \"http://{FAR}/connecttest.txt\""),
            &format!("url = \"http://{TEST_NAME}/connecttest.txt\""),
        );
    assert!(text.contains(&format!("http://{TEST_NAME}/connecttest.txt")), "{text}");
    text
}

/// The "not tested" finding of a service check stopped by a lower layer: its reason, the
/// check that stopped it and the targets it would have tried.
fn assert_not_tested(report: &serde_json::Value, id: &str, reason: &str, stopped_by: &str) {
    let run = run_of(report, id);
    let f = run["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["title"] == "Not tested")
        .unwrap_or_else(|| panic!("{id} has no 'Not tested' finding: {run:#}"));
    assert_eq!(f["summary"], format!("Not tested: {reason}."), "{run:#}");
    assert!(f.to_string().contains(stopped_by), "{f:#}");
    assert!(f["evidence"].to_string().contains("Targets"), "{f:#}");
    // It stopped at once: well before its own timeouts (HTTP 5 s, TCP 3.5 s, portal 4 s).
    assert!(run["duration_ms"].as_u64().unwrap() < 2500, "{run:#}");
}

/// A service check above a broken layer either stopped with "not tested" or failed on its
/// own at once (a refused lookup, "network unreachable"): either way it did not wait.
fn assert_stopped_or_failed_fast(report: &serde_json::Value, id: &str, reason: &str, stopped_by: &str) {
    let run = run_of(report, id);
    if run["findings"].as_array().unwrap().iter().any(|f| f["title"] == "Not tested") {
        assert_not_tested(report, id, reason, stopped_by);
    } else {
        assert!(run["duration_ms"].as_u64().unwrap() < 1000, "{run:#}");
    }
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
    // The lab's client has a veth and no radio: the real Linux Wi-Fi path says so, as Info.
    let wifi = run_of(&report, "net.wifi.link");
    assert_eq!(wifi["outcome"]["kind"], "completed", "{wifi:#}");
    assert_eq!(wifi["findings"][0]["severity"], "info", "{wifi:#}");
    assert_eq!(wifi["findings"][0]["title"], "No Wi-Fi adapter", "{wifi:#}");
    assert_eq!(wifi["data"]["adapters"], serde_json::json!([]), "{wifi:#}");
    assert!(wall < Duration::from_secs(5), "network suite took {wall:?}");
}

#[test]
fn dns_down_names_dns_and_the_dead_server_quickly() {
    need_topology!("dns_down");
    let t = Topology::build(Options::default()).unwrap();
    t.stop_dns().unwrap();
    dns_fault_verdict(&t, false);
}

#[test]
fn dns_dropping_queries_names_dns_and_stops_the_services_at_once() {
    need_topology!("dns_dropping");
    let t = Topology::build(Options::default()).unwrap();
    t.break_dns().unwrap();
    dns_fault_verdict(&t, true);
}

/// DNS down or dropping: the DNS layer fails with the server named, and the web and
/// sign-in checks (targets by name) stop at once with "not tested: DNS does not answer".
fn dns_fault_verdict(t: &Topology, dropping: bool) {
    let (report, code, wall, _) = run_network_config(t, &[], &by_name_config(t));
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("dns", "fail"), "{headline}");
    assert_eq!(
        headline,
        format!(
            "You are connected to the network and the router answers, but names can't be looked up: the DNS server {GW_LAN} does not answer."
        )
    );
    assert!(next_step(&report).contains("Restart the office router"), "{}", next_step(&report));
    for id in ["net.services.http", "net.services.captive_portal"] {
        if dropping {
            // Their lookups would hang: they must be stopped by the DNS result.
            assert_not_tested(&report, id, "DNS does not answer", "net.dns.resolve");
        } else {
            // A refused lookup fails at once by itself.
            assert_stopped_or_failed_fast(&report, id, "DNS does not answer", "net.dns.resolve");
        }
    }
    assert_eq!(code, 2);
    assert!(wall < Duration::from_secs(5), "took {wall:?}");
}

#[test]
fn no_dhcp_with_a_link_local_address_says_no_dhcp_server_answered() {
    need_topology!("no_dhcp");
    let t = Topology::build(Options { no_dhcp: true, ..Options::default() }).unwrap();
    no_dhcp_verdict(&t);
}

#[test]
fn cable_in_but_dhcp_silent_is_an_address_fault_not_a_cable_fault() {
    need_topology!("dhcp_silent");
    let t = Topology::build(Options { silent_dhcp: true, ..Options::default() }).unwrap();
    no_dhcp_verdict(&t);
}

/// The link is fine (carrier up), the address layer fails: "no DHCP server answered", with
/// a next step about the router / the port, never "plug the cable in".
fn no_dhcp_verdict(t: &Topology) {
    let (report, code, wall, _) = run_network(t, &[]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("address", "fail"), "{headline}\n{report:#}");
    assert_eq!(
        headline,
        "The network cable is connected, but no DHCP server answered, so this computer has no address on the network."
    );
    let step = next_step(&report);
    assert!(step.contains("Restart the office router") && step.contains("patched"), "{step}");
    assert!(!step.to_lowercase().contains("plug"), "{step}");
    let link = run_of(&report, "net.link.status");
    assert_eq!(link["findings"][0]["severity"], "pass", "{link:#}");
    // Without an address "network unreachable" comes at once, or the lease result stops them.
    for id in ["net.services.http", "net.services.tcp", "net.services.captive_portal", "net.gateway.ping"] {
        assert_stopped_or_failed_fast(&report, id, "this computer has no address on the network", "net.dhcp.lease");
    }
    assert_eq!(code, 2);
    assert!(wall < Duration::from_secs(5), "took {wall:?}");
}

#[test]
fn cable_out_says_plug_the_cable_in() {
    need_topology!("cable_out");
    let t = Topology::build(Options::default()).unwrap();
    t.unplug_cable().unwrap();
    let (report, code, wall, _) = run_network(&t, &[]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("link", "fail"), "{headline}\n{report:#}");
    assert_eq!(headline, "The network cable is unplugged or the Wi-Fi is not connected.");
    assert!(next_step(&report).starts_with("Plug the network cable in"), "{}", next_step(&report));
    let detail = run_of(&report, "net.link.status")["findings"][0]["detail"].as_str().unwrap().to_string();
    assert!(detail.contains(&t.client_if) && detail.contains("no carrier"), "{detail}");
    assert_not_tested(
        &report,
        "net.services.tcp",
        "no network connection (the cable is unplugged or Wi-Fi is off)",
        "net.link.status",
    );
    assert_eq!(code, 2);
    assert!(wall < Duration::from_secs(5), "took {wall:?}");
}

#[test]
fn static_address_without_dhcp_is_healthy() {
    need_topology!("static_address");
    let t = Topology::build(Options { static_address: true, ..Options::default() }).unwrap();
    // The DHCP probe is asked for too: on a static configuration it does not run at all.
    let (report, code, _, _) = run_network(&t, &["--dhcp-probe"]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!(severity, "pass", "{layer}: {headline}\n{report:#}");
    assert_eq!(code, 0);
    let lease = run_of(&report, "net.dhcp.lease");
    assert_eq!(lease["findings"][0]["severity"], "info", "{lease:#}");
    assert!(lease["findings"][0]["summary"].as_str().unwrap().contains(CLIENT_STATIC), "{lease:#}");
    let probe = run_of(&report, "net.dhcp.probe");
    assert_eq!(probe["outcome"]["kind"], "skipped", "{probe:#}");
    assert!(probe["outcome"]["reason"].as_str().unwrap().contains("did not get its address by DHCP"), "{probe:#}");
}

#[test]
fn silent_dhcp_server_with_a_valid_lease_is_a_warning_that_overrides_nothing() {
    need_topology!("dhcp_silent_with_lease");
    let t = Topology::build(Options::default()).unwrap();
    // The server stops answering after the client got its lease.
    t.sh(&t.gw, &["iptables", "-I", "INPUT", "-p", "udp", "--dport", "67", "-j", "DROP"]).unwrap();
    let (report, code, _, _) = run_network(&t, &["--dhcp-probe"]);
    let probe = run_of(&report, "net.dhcp.probe");
    let f = &probe["findings"][0];
    assert_eq!(f["severity"], "warn", "{probe:#}");
    assert_eq!(f["summary"], "the DHCP server did not answer a new request; the next renewal may fail.");
    // Nothing else is wrong: the warning is the verdict, at the address layer, not a failure.
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("address", "warn"), "{headline}");
    assert_eq!(code, 1);
    // With a real fault elsewhere, that fault is the verdict; the probe does not override it.
    t.break_gateway().unwrap();
    let (report, _, _, _) = run_network(&t, &["--dhcp-probe"]);
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("gateway", "fail"), "{headline}");
}

#[test]
fn gateway_down_names_the_gateway() {
    need_topology!("gateway_down");
    let t = Topology::build(Options::default()).unwrap();
    t.break_gateway().unwrap();
    let (report, code, wall, _) = run_network_config(&t, &[], &by_name_config(&t));
    let (layer, severity, headline) = verdict(&report);
    assert_eq!((layer.as_str(), severity.as_str()), ("gateway", "fail"), "{headline}");
    assert_eq!(
        headline,
        format!("You are connected to the network and have an address, but the router {GW_LAN} does not answer.")
    );
    assert!(next_step(&report).starts_with("Restart the office router or switch"), "{}", next_step(&report));
    // (The internet ping races the gateway ping and may fail on its own: a consequence.)
    for id in ["net.services.tcp", "net.services.http", "net.services.captive_portal"] {
        assert_not_tested(&report, id, "no route to the gateway", "net.gateway.ping");
    }
    assert_eq!(code, 2);
    assert!(wall < Duration::from_secs(5), "took {wall:?}");
}

#[test]
fn twenty_percent_loss_is_an_internet_warning_with_the_loss_amount() {
    need_topology!("loss_20");
    let t = Topology::build(Options::default()).unwrap();
    t.add_loss_at_r2(20).unwrap();
    let (report, code, wall, _) = run_network(&t, &[]);
    let (layer, severity, headline) = verdict(&report);
    // 10 echo requests at 20 % loss show no loss at all with probability 0.8^10 ≈ 11 %:
    // then the verdict is healthy, which is what the user would see too.
    if severity == "pass" {
        eprintln!("no loss drawn this time (p ≈ 0.11): {headline}");
        return;
    }
    assert_eq!((layer.as_str(), severity.as_str()), ("internet", "warn"), "{headline}\n{report:#}");
    assert!(headline.starts_with("Your local network and name lookup work, but "), "{headline}");
    assert!(headline.contains("are lost on the way") && headline.contains(FAR), "{headline}");
    assert!(next_step(&report).contains("traceroute"), "{}", next_step(&report));
    assert!(code >= 1);
    assert!(wall < Duration::from_secs(5), "took {wall:?}");
}

#[test]
fn loss_is_reported_at_the_right_hop() {
    need_topology!("loss_at_r2");
    let t = Topology::build(Options::default()).unwrap();
    t.add_loss_at_r2(20).unwrap();
    // More probes make 20 % loss visible with near certainty (P(no loss in 30) ≈ 0.1 %).
    // The statistics take longer than the suite's default deadline.
    let (report, code, _, _) =
        run_network_with(&t, &[], "ping_count = 30\ntrace_probes = 20\nsuite_deadline_ms = 20000\n");
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
    // The ping gives the amount; the trace's placement of the loss is the technician's line.
    let words = format!("{headline}\n{}", report["verdict"]["technician"].as_str().unwrap_or(""));
    assert!(words.contains("hop 3") || words.contains("hop 4"), "{words}");
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
