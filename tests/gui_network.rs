//! The Network view, driven by accessible labels: a saved bundle's network results
//! (typed run data), the "Trace to…" field with bad and good input (loopback only).

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use deskcheck::bundle::{self, Privacy, WriteOptions};
use deskcheck::checks::network::{DnsData, LeaseData, PingTargetResult};
use deskcheck::checks::testing;
use deskcheck::config::Config;
use deskcheck::gui::{DeskcheckApp, GuiOptions};
use deskcheck::logging::LogBuffer;
use deskcheck::model::{Category, CheckRun, Finding, Outcome, Report, Severity};
use deskcheck::net::dns::{DnsAnswer, DnsServerReport, DnsStatus, NxProbe};
use deskcheck::net::live::LiveSnapshot;
use deskcheck::net::ping::{PingMethod, PingStats};
use deskcheck::net::trace::{Hop, HopName, TraceProtocol, TraceSnapshot};
use deskcheck::platform::lease::Lease;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type App<'a> = Harness<'a, DeskcheckApp>;

fn app(options: GuiOptions) -> App<'static> {
    Harness::builder().with_size([1280.0, 1400.0]).build_eframe(move |_cc| DeskcheckApp::new(options))
}

fn options() -> GuiOptions {
    let mut o = GuiOptions::new(Arc::new(Config::default()), LogBuffer::default());
    o.checks = Some(testing::by_names(&["pass".into()]).unwrap());
    o
}

fn step_until(h: &mut App<'_>, what: &str, done: impl Fn(&App<'_>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(h) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_ok();
}

fn net_run(id: &str, severity: Severity, summary: &str, data: impl serde::Serialize) -> CheckRun {
    CheckRun {
        id: id.into(),
        title: id.into(),
        category: Category::Network,
        outcome: Outcome::Completed,
        findings: vec![Finding::new(severity, id, summary)],
        started_at: chrono::Utc::now(),
        duration_ms: 5,
        data: serde_json::to_value(data).unwrap(),
        attachments: Vec::new(),
    }
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn hop(ttl: u8, addr: &str, name: &str) -> Hop {
    Hop {
        ttl,
        addr: Some(ip(addr)),
        other_addrs: Vec::new(),
        name: if name.is_empty() { HopName::NotFound } else { HopName::Resolved(name.into()) },
        sent: 3,
        received: 3,
        loss_percent: 0.0,
        last_ms: Some(1.0),
        avg_ms: Some(1.0),
        best_ms: Some(0.9),
        worst_ms: Some(1.2),
        rtts_ms: vec![Some(1.0); 3],
        is_destination: ttl == 4,
    }
}

fn ping(target: &str) -> PingStats {
    let mut s = PingStats::empty(ip(target), PingMethod::IcmpUnprivileged, None);
    s.sent = 4;
    s.received = 3;
    s.loss_percent = 25.0;
    s.rtts_ms = vec![Some(0.4), None, Some(0.5), Some(0.6)];
    s.min_ms = Some(0.4);
    s.avg_ms = Some(0.5);
    s.max_ms = Some(0.6);
    s
}

/// A bundle as the network suite would write it after a DNS failure.
fn network_bundle(dir: &Path) -> PathBuf {
    let lease = Lease {
        interface: "eth0".into(),
        client: "dhclient".into(),
        address: Some("10.77.1.120".parse().unwrap()),
        server: Some("10.77.1.1".parse().unwrap()),
        routers: vec!["10.77.1.1".parse().unwrap()],
        dns_servers: vec!["10.77.1.1".parse().unwrap()],
        domain: Some("office.test".into()),
        lease_time_secs: Some(3600),
        source: "/var/lib/dhcp/dhclient.eth0.leases".into(),
        ..Lease::default()
    };
    let lease_data = LeaseData {
        interface: Some("eth0".into()),
        ipv4: vec!["10.77.1.120/24".into()],
        ipv6: Vec::new(),
        lease: Some(lease),
        other_leases: Vec::new(),
        lease_source_note: None,
        remaining_secs: Some(3000),
    };
    let trace = TraceSnapshot {
        target: ip("198.51.100.10"),
        protocol: TraceProtocol::Icmp,
        method_note: None,
        hops: vec![
            hop(1, "10.77.1.1", ""),
            hop(2, "10.77.2.2", ""),
            hop(3, "10.77.3.2", ""),
            hop(4, "198.51.100.10", "www.deskcheck.test"),
        ],
        reached: true,
        done: true,
        elapsed_ms: 12,
    };
    let dns = DnsData {
        servers: vec![DnsServerReport {
            server: Some(ip("10.77.1.1")),
            label: "10.77.1.1".into(),
            answers: vec![DnsAnswer {
                name: "www.deskcheck.test".into(),
                record_type: "A".into(),
                status: DnsStatus::Timeout,
                values: Vec::new(),
                latency_ms: None,
                error: Some("no answer".into()),
            }],
            nx_probe: Some(NxProbe {
                name: "dc-1.deskcheck.test".into(),
                status: DnsStatus::Timeout,
                hijacked: false,
                values: Vec::new(),
            }),
            responding: false,
            avg_latency_ms: None,
        }],
        reverse: Vec::new(),
    };
    let mut report = Report::new(deskcheck::platform::host_info(), chrono::Utc::now());
    report.runs = vec![
        net_run("net.link.status", Severity::Pass, "The network adapter eth0 is connected.", serde_json::Value::Null),
        net_run("net.dhcp.lease", Severity::Pass, "Address from DHCP.", lease_data),
        net_run("net.gateway.ping", Severity::Pass, "The router answers.", ping("10.77.1.1")),
        net_run(
            "net.dns.resolve",
            Severity::Fail,
            "names can't be looked up: the DNS server 10.77.1.1 does not answer.",
            dns,
        ),
        net_run("net.trace.path", Severity::Pass, "reached", trace),
        net_run(
            "net.internet.ping",
            Severity::Pass,
            "answers",
            vec![PingTargetResult { target: "198.51.100.10".into(), stats: Some(ping("198.51.100.10")), error: None }],
        ),
    ];
    report.verdict = deskcheck::diagnose::verdict(&report.runs);
    report.finished_at = Some(chrono::Utc::now());
    let path = dir.join("network.zip");
    bundle::write(&report, "", &path, &WriteOptions { force: false, privacy: Privacy::Standard }).unwrap();
    path
}

#[test]
fn a_saved_network_bundle_shows_verdict_ladder_lease_hops_and_dns() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = options();
    o.open_path = Some(network_bundle(dir.path()));
    let mut h = app(o);
    h.get_by_label("Open bundle…").click();
    step_until(&mut h, "the bundle to open", |h| !h.state().is_busy() && h.state().viewing_path().is_some());
    assert!(h.query_all_by_label_contains("the DNS server 10.77.1.1 does not answer").count() >= 1);
    h.get_by_label("Network details").click();
    h.run_ok();
    assert!(h.state().showing_network());
    // The ladder, in words.
    h.get_by_label("✔ Router (gateway) OK");
    h.get_by_label("✖ Name lookup (DNS) FAIL");
    // The lease card.
    h.get_by_label("DHCP server");
    assert!(h.query_all_by_label("10.77.1.1").count() >= 2, "lease server and first hop");
    // Every hop, in order, and the destination's name.
    for addr in ["10.77.2.2", "10.77.3.2", "198.51.100.10"] {
        h.get_by_label(addr);
    }
    assert!(h.query_all_by_label("www.deskcheck.test").count() >= 1);
    // The DNS table names the dead server in words.
    h.get_by_label_contains("10.77.1.1 — NOT RESPONDING");
    // Read-only: no trace field, no probe button.
    assert!(h.query_by_label("Trace").is_none());
    assert!(h.query_by_label("Look for DHCP servers").is_none());
    h.get_by_label("Back").click();
    h.run_ok();
    assert!(!h.state().showing_network());
}

#[test]
fn trace_to_rejects_bad_input_inline_and_traces_loopback() {
    let mut h = app(options());
    h.get_by_label("Network details").click();
    h.run_ok();
    for bad in ["not a host!!", ""] {
        h.get_by_label("Trace to…").click();
        h.get_by_label("Trace to…").type_text(bad);
        h.get_by_label("Trace").click();
        h.run_ok();
        assert!(h.state().trace_error().is_some(), "no inline error for {bad:?}");
        assert!(h.state().live_board().snapshot().is_empty(), "a trace started for {bad:?}");
        // Clear the field for the next input.
        h.get_by_label("Trace to…").click();
        for _ in 0..bad.len() {
            h.key_press(eframe::egui::Key::Backspace);
        }
        h.run_ok();
    }
    h.get_by_label("Trace to…").type_text("127.0.0.1");
    h.get_by_label("Trace").click();
    step_until(&mut h, "the loopback trace", |h| {
        h.state()
            .live_board()
            .snapshot()
            .iter()
            .any(|(_, s)| matches!(s, LiveSnapshot::Trace(t) if t.done && t.reached))
    });
    assert!(h.state().trace_error().is_none());
    h.get_by_label("127.0.0.1");
}

#[test]
fn dhcp_probe_is_offered_but_never_started_without_network_checks() {
    // The probe broadcasts on the real LAN, so the test only checks it is offered and that a
    // run without network checks does not start it (it is exercised in namespaces instead:
    // tests/net_scenarios.rs, rogue_dhcp_server_is_named).
    let mut h = app(options());
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the run", |h| !h.state().is_busy() && h.state().session().finished);
    assert!(!h.state().is_probing_dhcp());
    h.get_by_label("Network details").click();
    h.run_ok();
    h.get_by_label("Look for DHCP servers");
    assert!(!h.state().is_probing_dhcp());
}
