//! Typed run data across the privacy profiles and the engine's manual probes, on a real
//! network: a network run in the namespace lab (tests/common/netns.rs), saved as a standard
//! and as a strict bundle, read back — every run's data still reads as its check's type,
//! and the Network view shows the same cards and rows from both — and "Trace to…" / "Ping"
//! running through the engine (`engine::start_manual`) inside the lab. Nothing here sends a
//! packet outside loopback or the lab's namespaces.

#[cfg(target_os = "linux")]
mod common;

#[cfg(target_os = "linux")]
mod in_lab {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use deskcheck::bundle::{self, Privacy, WriteOptions};
    use deskcheck::checks::CheckBox;
    use deskcheck::checks::data::read_typed;
    use deskcheck::checks::manual::{ManualPing, ManualPingData, ManualTrace, ManualTraceData};
    use deskcheck::config::Config;
    use deskcheck::engine::{self, EngineEvent};
    use deskcheck::gui::{DeskcheckApp, GuiOptions};
    use deskcheck::logging::LogBuffer;
    use deskcheck::model::{CheckRun, Outcome};
    use deskcheck::net::live::{LiveBoard, LiveSnapshot};
    use deskcheck::net::{ping, trace};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    use super::common;
    use super::common::netns::{FAR, GW_LAN, Options, R1, R2, Topology, unavailable};

    /// Run `f` on a thread inside the lab's client namespace (what it starts inherits it).
    fn in_client<T: Send + 'static>(topology: &Topology, f: impl FnOnce() -> T + Send + 'static) -> T {
        let ns = format!("/run/netns/{}", topology.client);
        std::thread::spawn(move || {
            use std::os::fd::AsRawFd;
            let file = std::fs::File::open(&ns).unwrap();
            // SAFETY: setns on a valid namespace fd; it moves only this thread (and what it starts).
            let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
            assert_eq!(rc, 0, "setns {ns}: {}", std::io::Error::last_os_error());
            f()
        })
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
    }

    fn lab(test: &str) -> Option<Topology> {
        if let Some(why) = unavailable() {
            common::skip(test, &why);
            return None;
        }
        Some(Topology::build(Options::default()).unwrap())
    }

    /// A real network run of the lab, saved by the CLI as a standard bundle, and the same
    /// report saved again under strict privacy.
    fn standard_and_strict(topology: &Topology) -> (PathBuf, PathBuf) {
        let config = topology.write_config();
        let standard = topology.path().join("standard.zip");
        let out = topology
            .command(&topology.client, env!("CARGO_BIN_EXE_deskcheck"))
            .args(["run", "--only", "network", "--config"])
            .arg(&config)
            .arg("--bundle")
            .arg(&standard)
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .output()
            .unwrap();
        assert!(standard.is_file(), "no bundle; stderr:\n{}", String::from_utf8_lossy(&out.stderr));
        let opened = bundle::read(&standard).unwrap();
        let strict = topology.path().join("strict.zip");
        bundle::write(
            &opened.report,
            &opened.log,
            &strict,
            &WriteOptions { force: false, privacy: Privacy::Strict, ..Default::default() },
        )
        .unwrap();
        (standard, strict)
    }

    #[test]
    fn every_run_of_a_strict_bundle_still_reads_as_its_type() {
        let Some(topology) = lab("every_run_of_a_strict_bundle_still_reads_as_its_type") else { return };
        let (standard, strict) = standard_and_strict(&topology);
        let standard = bundle::read(&standard).unwrap().report;
        let strict = bundle::read(&strict).unwrap().report;
        assert_eq!(strict.runs.len(), standard.runs.len());
        let mut typed = 0;
        for run in strict.runs.iter().filter(|r| !r.data.is_null()) {
            let read = read_typed(run).unwrap_or_else(|err| panic!("{}: {err}\n{:#}", run.id, run.data));
            assert!(read || run.stopped_before_trying(), "{} has data but no data type", run.id);
            typed += usize::from(read);
        }
        // Link, lease, gateway, DNS, internet ping, trace, services… all carry data here.
        assert!(typed >= 8, "only {typed} typed runs in {:?}", strict.runs.iter().map(|r| &r.id).collect::<Vec<_>>());
        // The values are tokens: no lab address is left, and the tokens are addresses.
        let json = serde_json::to_string(&strict.runs).unwrap();
        for address in [GW_LAN, R1, R2, FAR] {
            assert!(!json.contains(&format!("\"{address}\"")), "{address} left in the strict runs");
        }
        let lease = strict.runs.iter().find(|r| r.id == "net.dhcp.lease").unwrap();
        let lease = lease.data::<deskcheck::checks::network::LeaseData>().unwrap().unwrap();
        let server = lease.lease.and_then(|l| l.server).expect("the lease names its server");
        assert_eq!(server.octets()[0] & 0xf0, 240, "{server} is not a strict token");
        let trace = strict.runs.iter().find(|r| r.id == "net.trace.path").unwrap();
        let trace = trace.data::<deskcheck::net::trace::TraceSnapshot>().unwrap().unwrap();
        assert!(trace.reached && trace.hops.len() == 4, "{trace:?}");
    }

    type App<'a> = Harness<'a, DeskcheckApp>;

    /// The app with `bundle` open in its Network view.
    fn network_view_of(bundle: &Path) -> App<'static> {
        deskcheck::i18n::set_current(deskcheck::i18n::Lang::En);
        let mut o = GuiOptions::new(Arc::new(Config::default()), LogBuffer::default());
        o.mode = Some(deskcheck::gui::UiMode::Technician);
        o.checks = Some(deskcheck::checks::testing::by_names(&["pass".into()]).unwrap());
        o.open_at_start = Some(bundle.to_path_buf());
        o.network_view = true;
        let mut h = Harness::builder().with_size([1280.0, 2600.0]).build_eframe(move |_cc| DeskcheckApp::new(o));
        let deadline = Instant::now() + Duration::from_secs(10);
        while h.state().is_busy() || h.state().viewing_path().is_none() {
            assert!(Instant::now() < deadline, "the bundle did not open");
            h.step();
            std::thread::sleep(Duration::from_millis(20));
        }
        h.run_ok();
        assert!(h.state().showing_network());
        h
    }

    /// Every text the view shows, with each value masked, counted: the cards and rows by
    /// label. A value is any word holding a digit, a dot or a colon (addresses, times,
    /// figures) or one of `names` (what the strict bundle's token map says it replaced, or
    /// the tokens it put in their place).
    fn view_texts(h: &App<'_>, names: &[String]) -> BTreeMap<String, usize> {
        let mut texts = BTreeMap::new();
        for node in h.query_all_by_label_contains("") {
            let n = node.accesskit_node();
            let Some(text) = n.value().or(n.label()) else { continue };
            let masked: Vec<&str> = text
                .split_whitespace()
                .map(|w| {
                    let lower = w.to_lowercase();
                    let value = w.chars().any(|c| c.is_ascii_digit() || c == '.' || c == ':')
                        || names.iter().any(|n| lower.contains(n.as_str()));
                    if value { "‹value›" } else { w }
                })
                .collect();
            *texts.entry(masked.join(" ")).or_insert(0) += 1;
        }
        texts
    }

    #[test]
    fn a_strict_bundle_shows_the_same_network_view_as_a_standard_one() {
        let Some(topology) = lab("a_strict_bundle_shows_the_same_network_view_as_a_standard_one") else { return };
        let (standard, strict) = standard_and_strict(&topology);
        let standard_view = network_view_of(&standard);
        let strict_view = network_view_of(&strict);
        // The typed cards drew their rows in both (not the findings-only fallback).
        for h in [&standard_view, &strict_view] {
            for label in ["DHCP server", "Lease obtained", "IPv4 address", "Hop", "Wrst", "Latency ms"] {
                assert!(h.query_all_by_label(label).count() >= 1, "no {label}");
            }
            h.get_by_label_contains("(traced by the check)");
            assert!(h.query_all_by_label_contains("— answers").count() >= 1, "no DNS server answers");
            assert!(h.query_by_label_contains("cannot be shown").is_none(), "a card could not read its data");
        }
        // Real addresses in one, tokens in the other.
        assert!(standard_view.query_all_by_label(R2).count() >= 1);
        assert!(strict_view.query_all_by_label(R2).count() == 0);
        assert!(strict_view.query_all_by_label_contains("240.0.").count() >= 4, "no address tokens in the view");
        let map: bundle::TokenMap =
            serde_json::from_slice(&std::fs::read(strict.with_file_name("strict.zip.map.json")).unwrap()).unwrap();
        let originals: Vec<String> = map.tokens.iter().map(|t| t.original.to_lowercase()).collect();
        let tokens: Vec<String> = map.tokens.iter().map(|t| t.token.to_lowercase()).collect();
        let (a, b) = (view_texts(&standard_view, &originals), view_texts(&strict_view, &tokens));
        let differ: Vec<_> = a
            .iter()
            .filter(|(k, n)| b.get(*k) != Some(n))
            .map(|(k, n)| format!("{k} ×{n} vs ×{}", b.get(k).copied().unwrap_or(0)))
            .chain(b.iter().filter(|(k, _)| !a.contains_key(*k)).map(|(k, n)| format!("only strict: {k} ×{n}")))
            .collect();
        assert!(differ.is_empty(), "the views differ beyond their values:\n{}", differ.join("\n"));
        assert!(a.len() > 40, "too little in the view: {a:#?}");
    }

    /// Run one manual check to its end; its events in order, and its finished run.
    fn run_manual(check: CheckBox, live: Arc<LiveBoard>) -> (Vec<String>, CheckRun) {
        let handle = engine::start_manual(check, Arc::new(Config::default()), Arc::new(|| {}), live).unwrap();
        let mut events = Vec::new();
        let mut finished = None;
        while let Some(event) = handle.recv() {
            match event {
                EngineEvent::Planned { id, .. } => events.push(format!("planned {id}")),
                EngineEvent::Started { id } => events.push(format!("started {id}")),
                EngineEvent::Progress { .. } => {}
                EngineEvent::Finished(run) => {
                    events.push(format!("finished {}", run.id));
                    finished = Some(*run);
                }
                EngineEvent::AllDone => break,
            }
        }
        (events, finished.expect("a finished run"))
    }

    #[test]
    fn manual_trace_and_ping_run_on_the_engine_with_live_snapshots() {
        let Some(topology) = lab("manual_trace_and_ping_run_on_the_engine_with_live_snapshots") else { return };
        in_client(&topology, || {
            let live = LiveBoard::new();
            let options = trace::TraceOptions { probes_per_hop: 3, resolve_names: false, ..Default::default() };
            let check = Arc::new(ManualTrace::new(FAR, options, "my trace"));
            let (events, run) = run_manual(check, live.clone());
            assert_eq!(events, ["planned net.manual.trace", "started net.manual.trace", "finished net.manual.trace"]);
            assert_eq!(run.outcome, Outcome::Completed, "{run:?}");
            let ManualTraceData(snapshot) = run.data::<ManualTraceData>().unwrap().unwrap();
            let hops: Vec<String> = snapshot.hops.iter().filter_map(|h| h.addr).map(|a| a.to_string()).collect();
            assert_eq!(hops, [GW_LAN, R1, R2, FAR]);
            // The live board had the table under the caller's key, ending as the result.
            assert_eq!(live.get("my trace"), Some(LiveSnapshot::Trace(snapshot)));

            let options = ping::PingOptions { count: 3, interval: Duration::from_millis(200), ..Default::default() };
            let (_, run) = run_manual(Arc::new(ManualPing::new(FAR, options, "my ping")), live.clone());
            let ManualPingData(stats) = run.data::<ManualPingData>().unwrap().unwrap();
            assert_eq!((stats.sent, stats.received), (3, 3), "{stats:?}");
            // The run's data has its floats rounded for the JSON; the board has them as measured.
            let last = live.get("my ping");
            assert!(
                matches!(&last, Some(LiveSnapshot::Ping(s)) if s.rtts_ms.len() == 3 && s.in_flight == 0),
                "{last:?}"
            );

            // A name that does not resolve is the run's error, not a panic or a hang.
            let (_, run) = run_manual(Arc::new(ManualPing::new("nx.deskcheck.test", Default::default(), "nx")), live);
            assert!(matches!(&run.outcome, Outcome::Errored { .. }), "{:?}", run.outcome);
        });
    }

    #[test]
    fn a_manual_ping_is_cancelled_by_the_engine() {
        let Some(topology) = lab("a_manual_ping_is_cancelled_by_the_engine") else { return };
        in_client(&topology, || {
            let live = LiveBoard::new();
            let options = ping::PingOptions { count: 1000, interval: Duration::from_millis(200), ..Default::default() };
            let check = Arc::new(ManualPing::new(FAR, options, "long ping"));
            let handle =
                engine::start_manual(check, Arc::new(Config::default()), Arc::new(|| {}), live.clone()).unwrap();
            // Replies stream onto the board while it runs.
            let deadline = Instant::now() + Duration::from_secs(5);
            while !matches!(live.get("long ping"), Some(LiveSnapshot::Ping(s)) if s.received >= 2) {
                assert!(Instant::now() < deadline, "no live replies");
                std::thread::sleep(Duration::from_millis(50));
            }
            let asked = Instant::now();
            handle.cancel();
            let run = loop {
                match handle.recv() {
                    Some(EngineEvent::Finished(run)) => break *run,
                    Some(_) => {}
                    None => panic!("the run ended without a finished run"),
                }
            };
            assert!(asked.elapsed() < Duration::from_secs(2), "cancelling took {:?}", asked.elapsed());
            assert!(matches!(run.outcome, Outcome::Skipped { .. }), "{:?}", run.outcome);
        });
    }
}

/// "Ping" beside "Trace": a manual ping through the engine, on loopback only.
#[test]
fn ping_button_pings_through_the_engine_and_shows_each_answer() {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use deskcheck::config::Config;
    use deskcheck::gui::{DeskcheckApp, GuiOptions};
    use deskcheck::logging::LogBuffer;
    use deskcheck::net::live::LiveSnapshot;
    use eframe::egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    deskcheck::i18n::set_current(deskcheck::i18n::Lang::En);
    let mut config = Config::default();
    config.network.ping_count = 3;
    config.network.ping_interval_ms = 200;
    let mut o = GuiOptions::new(Arc::new(config), LogBuffer::default());
    o.mode = Some(deskcheck::gui::UiMode::Technician);
    o.checks = Some(deskcheck::checks::testing::by_names(&["pass".into()]).unwrap());
    let mut h = Harness::builder().with_size([1280.0, 2600.0]).build_eframe(move |_cc| DeskcheckApp::new(o));
    h.get_by_label("Network details").click();
    h.run_ok();
    h.get_by_label("Trace to…").click();
    h.run_ok();
    h.get_by_label("Trace to…").type_text("127.0.0.1");
    h.run_ok();
    h.get_by_role_and_label(Role::Button, "Ping").click();
    h.run_ok();
    assert!(h.state().trace_error().is_none(), "{:?}", h.state().trace_error());
    let deadline = Instant::now() + Duration::from_secs(10);
    while h.state().is_tracing() || h.query_all_by_label_contains("Your ping to").next().is_none() {
        assert!(Instant::now() < deadline, "the ping did not end");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_ok();
    assert!(h.state().trace_error().is_none(), "{:?}", h.state().trace_error());
    h.get_by_label("Your ping to 127.0.0.1 — ✔ answers");
    h.get_by_label_contains("3 of 3 answered · loss 0%");
    // Its snapshots were on the board under its own key, as every probe's are.
    let board = h.state().live_board().snapshot();
    assert!(
        board
            .iter()
            .any(|(key, s)| key.starts_with("manual ping") && matches!(s, LiveSnapshot::Ping(p) if p.received == 3)),
        "{board:?}"
    );
}

/// Run data of another shape (a bundle from another version) is said on its card, never a
/// silent blank.
#[test]
fn data_of_the_wrong_shape_is_said_on_the_card() {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use deskcheck::bundle::{self, Privacy, WriteOptions};
    use deskcheck::config::Config;
    use deskcheck::gui::{DeskcheckApp, GuiOptions};
    use deskcheck::logging::LogBuffer;
    use deskcheck::model::{Category, CheckRun, Finding, Outcome, Report, Severity};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    deskcheck::i18n::set_current(deskcheck::i18n::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let mut run = CheckRun::errored("net.dns.resolve", Category::Network, "");
    run.title = "Name lookup (DNS)".into();
    run.outcome = Outcome::Completed;
    run.findings = vec![Finding::new(Severity::Pass, "DNS", "Names are looked up.")];
    run.data = serde_json::json!({ "servers": "every one", "reverse": [] });
    let mut report = Report::new(deskcheck::platform::host_info(), chrono::Utc::now());
    report.runs = vec![run];
    report.finished_at = Some(chrono::Utc::now());
    let path = dir.path().join("old.zip");
    bundle::write(&report, "", &path, &WriteOptions { force: false, privacy: Privacy::Standard, ..Default::default() })
        .unwrap();

    let mut o = GuiOptions::new(Arc::new(Config::default()), LogBuffer::default());
    o.mode = Some(deskcheck::gui::UiMode::Technician);
    o.checks = Some(deskcheck::checks::testing::by_names(&["pass".into()]).unwrap());
    o.open_at_start = Some(path);
    o.network_view = true;
    let mut h = Harness::builder().with_size([1280.0, 2600.0]).build_eframe(move |_cc| DeskcheckApp::new(o));
    let deadline = Instant::now() + Duration::from_secs(10);
    while h.state().is_busy() || h.state().viewing_path().is_none() {
        assert!(Instant::now() < deadline, "the bundle did not open");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_ok();
    h.get_by_label_contains("The results of “Name lookup (DNS)” in this bundle cannot be shown");
}
