//! The Network view, driven by accessible labels: a saved bundle's network results (typed
//! run data), a bundle opened straight into the view, the "Trace to…" field with bad and
//! good input (loopback only), and the DHCP-server probe — in a fresh, empty network
//! namespace or in a test topology, never on the host's network.

#[cfg(target_os = "linux")]
mod common;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use deskcheck::bundle::{self, Privacy, WriteOptions};
use deskcheck::checks::network::{DnsData, LeaseData, PingTargetResult};
use deskcheck::checks::{CheckBox, testing};
use deskcheck::config::Config;
use deskcheck::gui::{DeskcheckApp, GuiOptions, UiMode};
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
    // Tall, so the whole Network view is laid out without scrolling.
    Harness::builder().with_size([1280.0, 2600.0]).build_eframe(move |_cc| DeskcheckApp::new(options))
}

fn options_with(checks: Vec<CheckBox>) -> GuiOptions {
    let mut o = GuiOptions::new(Arc::new(Config::default()), LogBuffer::default());
    o.checks = Some(checks);
    // The Network view is part of the technician screen.
    o.mode = Some(UiMode::Technician);
    o
}

fn options() -> GuiOptions {
    options_with(testing::by_names(&["pass".into()]).unwrap())
}

fn step_until(h: &mut App<'_>, what: &str, limit: Duration, done: impl Fn(&App<'_>) -> bool) {
    let deadline = Instant::now() + limit;
    while !done(h) {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting for {what}");
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
        sent: 10,
        received: 10,
        loss_percent: 0.0,
        last_ms: Some(1.0),
        avg_ms: Some(1.0),
        best_ms: Some(0.9),
        worst_ms: Some(1.2),
        rtts_ms: vec![Some(1.0); 10],
        is_destination: ttl == 4,
        loss: deskcheck::net::trace::Loss::None,
        echo: None,
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

/// A bundle as the network suite would write it when the DNS server is dead.
fn network_bundle(dir: &Path) -> PathBuf {
    let lease = Lease {
        interface: "eth0".into(),
        client: "dhclient".into(),
        address: Some("10.77.1.120".parse().unwrap()),
        server: Some("10.77.1.53".parse().unwrap()),
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
        protocol: TraceProtocol::Udp,
        method_note: None,
        hops: vec![
            hop(1, "10.77.1.1", ""),
            hop(2, "10.77.2.2", ""),
            hop(3, "10.77.3.2", ""),
            hop(4, "198.51.100.10", "www.deskcheck.test"),
        ],
        reached: true,
        done: true,
        elapsed_ms: 1200,
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
            "Names can't be looked up: the DNS server 10.77.1.1 does not answer.",
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
    bundle::write(&report, "", &path, &WriteOptions { force: false, privacy: Privacy::Standard, ..Default::default() })
        .unwrap();
    path
}

/// The top edge of the one label `text`, to check what is drawn above what.
fn top_of(h: &App<'_>, text: &str) -> f32 {
    h.get_by_label(text).rect().min.y
}

#[test]
fn a_saved_network_bundle_shows_verdict_ladder_lease_hops_and_dns() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = options();
    o.open_path = Some(network_bundle(dir.path()));
    let mut h = app(o);
    h.get_by_label("Open bundle…").click();
    step_until(&mut h, "the bundle to open", Duration::from_secs(10), |h| {
        !h.state().is_busy() && h.state().viewing_path().is_some()
    });
    h.get_by_label("Network details").click();
    h.run_ok();
    assert!(h.state().showing_network());
    // The verdict banner, in words, with where it fails.
    h.get_by_label_contains("but names can't be looked up: the DNS server 10.77.1.1 does not answer");
    h.get_by_label("Where it fails: Name lookup (DNS)");
    // The ladder: every layer, icon and word.
    for rung in [
        "✔ Network connection: OK",
        "✔ Address (DHCP): OK",
        "✔ Router (gateway): OK",
        "✖ Name lookup (DNS): Fail",
        "✔ Internet: OK",
        "○ Websites and services: Not checked",
    ] {
        h.get_by_label(rung);
    }
    // The lease card: the DHCP server and the time left.
    h.get_by_label("DHCP server");
    h.get_by_label("10.77.1.53");
    h.get_by_label("50 min (when checked)");
    // Ping: loss in words and a graph per target.
    h.get_by_label("Router 10.77.1.1 — ⚠ some lost");
    h.get_by_label("Round-trip times to 198.51.100.10: 3 of 4 probes answered");
    // Every hop, in order, with the destination's name.
    let tops: Vec<f32> = ["10.77.2.2", "10.77.3.2", "198.51.100.10"].iter().map(|a| top_of(&h, a)).collect();
    assert!(tops.windows(2).all(|w| w[0] < w[1]), "hops out of order: {tops:?}");
    assert!(h.query_all_by_label("www.deskcheck.test").count() >= 2, "the hop's name and the DNS question");
    h.get_by_label("✔ reached in 4 hops");
    // The DNS table names the dead server in words.
    h.get_by_label_contains("10.77.1.1 — NOT RESPONDING");
    h.get_by_label("✖ TIMEOUT (no answer)");
    // Read-only: no trace field, no probe button.
    assert!(h.query_by_label("Trace").is_none());
    assert!(h.query_by_label("Look for DHCP servers").is_none());
    h.get_by_label("Back").click();
    h.run_ok();
    assert!(!h.state().showing_network());
}

#[test]
fn a_bundle_can_open_straight_into_the_network_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = options();
    o.open_at_start = Some(network_bundle(dir.path()));
    o.network_view = true;
    let mut h = app(o);
    step_until(&mut h, "the bundle to open", Duration::from_secs(10), |h| {
        !h.state().is_busy() && h.state().viewing_path().is_some()
    });
    assert!(h.state().showing_network());
    h.get_by_label("✖ Name lookup (DNS): Fail");
    h.get_by_label("Close bundle").click();
    h.run_ok();
    assert!(!h.state().showing_network());
    h.get_by_label("Check everything");
}

#[test]
fn live_snapshots_fill_the_rtt_graph_and_the_hop_table() {
    let mut h = app(options());
    h.get_by_label("Network details").click();
    h.run_ok();
    // What the gateway ping and the trace publish while they run (no probe is sent here).
    let mut stats = PingStats::empty(ip("10.0.0.1"), PingMethod::IcmpUnprivileged, None);
    stats.sent = 3;
    stats.received = 1;
    stats.in_flight = 1;
    stats.rtts_ms = vec![Some(0.7), None, None];
    let board = h.state().live_board().clone();
    board.publish("ping 10.0.0.1", LiveSnapshot::Ping(stats));
    let mut path = TraceSnapshot::empty(ip("198.51.100.10"), TraceProtocol::Udp);
    path.hops = vec![hop(1, "10.0.0.1", ""), hop(2, "10.0.9.1", "edge.example.test")];
    board.publish("trace 198.51.100.10", LiveSnapshot::Trace(path));
    h.run_ok();
    h.get_by_label_contains("10.0.0.1 — ⟳ pinging");
    // The probe still in flight is not drawn as lost.
    h.get_by_label("Round-trip times to 10.0.0.1: 1 of 2 probes answered");
    h.get_by_label("Path to 198.51.100.10 (traced by the check)");
    h.get_by_label("– stopped after 2 hops");
    h.get_by_label("10.0.9.1");
    h.get_by_label("edge.example.test");
}

fn clear_field(h: &mut App<'_>, label: &str) {
    h.get_by_label(label).click();
    h.run_ok();
    let len = h.get_by_label(label).value().unwrap_or_default().chars().count();
    for _ in 0..len {
        h.key_press(eframe::egui::Key::Backspace);
    }
    h.run_ok();
}

fn trace_to(h: &mut App<'_>, target: &str) {
    clear_field(h, "Trace to…");
    h.get_by_label("Trace to…").type_text(target);
    h.run_ok();
    h.get_by_label("Trace").click();
    h.run_ok();
}

#[test]
fn trace_to_rejects_bad_input_inline_and_traces_loopback() {
    let mut h = app(options());
    h.get_by_label("Network details").click();
    h.run_ok();
    h.get_by_label("○ The network has not been checked yet. Press “Check everything”.");
    for (bad, says) in [("not a host!!", "only letters, digits, hyphens and dots"), ("", "Type a host name")] {
        trace_to(&mut h, bad);
        assert!(h.state().trace_error().is_some_and(|e| e.contains(says)), "no inline error for {bad:?}");
        h.get_by_label_contains(says);
        assert!(!h.state().is_tracing(), "a trace started for {bad:?}");
        assert!(h.state().live_board().snapshot().is_empty(), "something was published for {bad:?}");
    }
    // Loopback only: the table fills in and says it got there.
    trace_to(&mut h, "127.0.0.1");
    assert!(h.state().trace_error().is_none(), "the error stays after good input");
    step_until(&mut h, "the loopback trace", Duration::from_secs(15), |h| !h.state().is_tracing());
    assert!(h.state().trace_error().is_none(), "{:?}", h.state().trace_error());
    h.get_by_label("Your trace to 127.0.0.1");
    h.get_by_label("127.0.0.1");
    h.get_by_label("✔ reached in 1 hop");
}

#[test]
fn a_second_trace_replaces_the_first_and_stop_stops() {
    let mut h = app(options());
    h.get_by_label("Network details").click();
    h.run_ok();
    trace_to(&mut h, "127.0.0.1");
    assert!(h.state().is_tracing());
    // Another loopback address: the first trace is cancelled, its table gives way.
    trace_to(&mut h, "127.0.0.2");
    step_until(&mut h, "the second trace", Duration::from_secs(15), |h| !h.state().is_tracing());
    h.get_by_label("Your trace to 127.0.0.2");
    assert!(h.query_by_label("Your trace to 127.0.0.1").is_none());
    // Stop: the button ends a running trace at once.
    trace_to(&mut h, "127.0.0.3");
    h.get_by_label("Stop").click();
    step_until(&mut h, "the trace to stop", Duration::from_secs(5), |h| !h.state().is_tracing());
    assert!(h.query_by_label("Stop").is_none());
    assert!(h.state().trace_error().is_none());
}

fn probe_run(h: &App<'_>) -> Option<CheckRun> {
    h.state().session().report.runs.iter().find(|r| r.id == "net.dhcp.probe").cloned()
}

#[test]
fn dhcp_probe_never_starts_after_a_run_without_network_checks() {
    let mut h = app(options());
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the run", Duration::from_secs(10), |h| !h.state().is_busy() && h.state().session().finished);
    h.run_ok();
    assert!(!h.state().is_probing_dhcp());
    assert!(probe_run(&h).is_none());
}

/// The DHCP probe and real network runs, only ever inside network namespaces (Linux).
#[cfg(target_os = "linux")]
mod in_namespaces {
    use deskcheck::checks;
    use egui_kittest::kittest::NodeT;

    use super::*;

    /// Run `f` on a thread in a network namespace of its own with nothing in it but a
    /// loopback that is down: whatever the app starts from there (the engine's threads
    /// inherit the namespace) cannot send a packet anywhere. None when that is not possible.
    fn in_empty_netns<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        if !common::is_root() {
            return None;
        }
        let result = std::thread::spawn(move || {
            // SAFETY: unshare with CLONE_NEWNET moves only this thread into a new namespace.
            let rc = unsafe { libc::unshare(libc::CLONE_NEWNET) };
            assert_eq!(rc, 0, "unshare(CLONE_NEWNET): {}", std::io::Error::last_os_error());
            f()
        })
        .join();
        Some(result.unwrap_or_else(|e| std::panic::resume_unwind(e)))
    }

    #[test]
    fn dhcp_probe_button_runs_in_the_background_and_its_result_is_merged() {
        let ran = in_empty_netns(|| {
            let mut h = app(options());
            h.get_by_label("Network details").click();
            h.run_ok();
            h.get_by_label("Look for DHCP servers").click();
            h.run_ok();
            step_until(&mut h, "the DHCP probe", Duration::from_secs(15), |h| !h.state().is_probing_dhcp());
            let run = probe_run(&h).expect("the probe's run is merged into the report");
            // No adapter in here: a reason in words, not a failure.
            assert!(matches!(run.outcome, Outcome::Skipped { .. }), "{:?}", run.outcome);
            h.get_by_label_contains("ℹ Not checked: no connected network adapter");
            assert!(!h.get_by_label("Look for DHCP servers").accesskit_node().is_disabled());
        });
        if ran.is_none() {
            common::skip("dhcp_probe_button", "needs root for a network namespace of its own");
        }
    }

    #[test]
    fn dhcp_probe_starts_by_itself_after_a_run_with_network_checks() {
        let ran = in_empty_netns(|| {
            // Only the link check: it reads the interfaces and sends nothing.
            let link: Vec<CheckBox> =
                checks::network::checks().into_iter().filter(|c| c.meta().id == "net.link.status").collect();
            let mut h = app(options_with(link));
            h.get_by_label("Check everything").click();
            step_until(&mut h, "the run", Duration::from_secs(15), |h| h.state().session().finished);
            // The verdict is on screen; the probe follows in the background and is merged.
            assert!(h.query_all_by_label_contains("no network adapter that the system can see").count() >= 1);
            step_until(&mut h, "the background DHCP probe", Duration::from_secs(15), |h| {
                !h.state().is_probing_dhcp() && probe_run(h).is_some()
            });
            assert!(h.state().session().report.verdict.is_some());
            h.get_by_label("Network details").click();
            h.run_ok();
            h.get_by_label_contains("ℹ Not checked: no connected network adapter");
        });
        if ran.is_none() {
            common::skip("dhcp_probe_auto", "needs root for a network namespace of its own");
        }
    }

    #[test]
    fn dhcp_probe_names_a_rogue_server_in_a_test_topology() {
        use common::netns::{GW_LAN, Options, ROGUE, Topology, unavailable};
        if let Some(why) = unavailable() {
            common::skip("dhcp_probe_rogue", &why);
            return;
        }
        let topology = Topology::build(Options { rogue_dhcp: true, ..Options::default() }).unwrap();
        let ns = format!("/run/netns/{}", topology.client);
        // The probe runs only on an interface with a DHCP lease (consent): point it at the lab's.
        let mut config = Config::default();
        config.network.dhcp_lease_files = vec![topology.lease_file.to_string_lossy().into_owned()];
        std::thread::spawn(move || {
            use std::os::fd::AsRawFd;
            let file = std::fs::File::open(&ns).unwrap();
            // SAFETY: setns on a valid namespace fd; it moves only this thread (and what it starts).
            let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
            assert_eq!(rc, 0, "setns {ns}: {}", std::io::Error::last_os_error());
            let mut options = options();
            options.config = Arc::new(config);
            let mut h = app(options);
            h.get_by_label("Network details").click();
            h.run_ok();
            h.get_by_label("Look for DHCP servers").click();
            h.run_ok();
            h.get_by_label_contains("Listening for offers");
            step_until(&mut h, "the DHCP probe", Duration::from_secs(20), |h| !h.state().is_probing_dhcp());
            // In the probe's card and, as the verdict now, in the banner above.
            assert_eq!(h.query_all_by_label_contains("more than one DHCP server answers").count(), 2);
            // The offers table: each server (the real one is also its own router and DNS server).
            assert!(h.query_all_by_label(GW_LAN).count() >= 1);
            assert!(h.query_all_by_label(ROGUE).count() >= 1);
            // The verdict is recomputed with the probe's finding.
            let verdict = h.state().session().report.verdict.clone().expect("a verdict");
            assert_eq!((verdict.layer.as_str(), verdict.severity), ("address", Severity::Warn), "{verdict:?}");
            h.get_by_label("⚠ Address (DHCP): Warning");
        })
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
        drop(topology);
    }

    #[test]
    fn a_real_network_run_opens_in_the_network_view() {
        use common::netns::{FAR, Options, R1, R2, Topology, unavailable};
        if let Some(why) = unavailable() {
            common::skip("real_network_bundle", &why);
            return;
        }
        let topology = Topology::build(Options::default()).unwrap();
        topology.add_loss_at_r2(20).unwrap();
        let config = topology.write_config();
        let mut text = std::fs::read_to_string(&config).unwrap();
        text.push_str("ping_count = 10\ntrace_probes = 10\n");
        std::fs::write(&config, text).unwrap();
        let path = topology.path().join("real-network.zip");
        let out = topology
            .command(&topology.client, env!("CARGO_BIN_EXE_deskcheck"))
            .args(["run", "--only", "network", "--config"])
            .arg(&config)
            .arg("--bundle")
            .arg(&path)
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .output()
            .unwrap();
        assert!(path.is_file(), "no bundle; stderr:\n{}", String::from_utf8_lossy(&out.stderr));
        // For a screenshot of the view (see tests/gui_xvfb.rs and examples/gui_network_view.rs).
        if let Some(keep) = std::env::var_os("DESKCHECK_KEEP_NETWORK_BUNDLE") {
            std::fs::copy(&path, keep).unwrap();
        }
        let mut o = options();
        o.open_at_start = Some(path);
        o.network_view = true;
        let mut h = app(o);
        step_until(&mut h, "the bundle to open", Duration::from_secs(10), |h| {
            !h.state().is_busy() && h.state().viewing_path().is_some()
        });
        assert!(h.state().showing_network());
        // The lease from the topology's DHCP server, the hops in order, the DNS server by name.
        h.get_by_label("DHCP server");
        let top = |addr: &str| {
            h.query_all_by_label(addr).map(|n| n.rect().min.y).reduce(f32::min).unwrap_or_else(|| panic!("no {addr}"))
        };
        let tops = [top(R1), top(R2), top(FAR)];
        assert!(tops.windows(2).all(|w| w[0] < w[1]), "hops out of order: {tops:?}");
        h.get_by_label_contains("10.77.1.1 — answers");
        h.get_by_label("Path to 198.51.100.10 (traced by the check)");
    }
}
