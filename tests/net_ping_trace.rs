//! Ping and traceroute primitives against real routers: the namespace topology
//! client → gw (10.77.1.1, NAT) → r1 (10.77.2.2) → r2 (10.77.3.2) → far (198.51.100.10).
//! Code runs in the client namespace as root (via setns on a thread) or as `nobody` (this
//! test binary re-run under `ip netns exec … setpriv`, see `probe_helper_subprocess`).

mod common;

use std::net::IpAddr;
use std::time::{Duration, Instant};

use common::in_ns::block_on_in;
use common::netns::*;
use deskcheck::checks::network::loss_start;
use deskcheck::net::ping::{self, PingMethod, PingOptions, PingStats};
use deskcheck::net::trace::{self, HopName, TraceOptions, TraceProtocol, TraceSnapshot};

const PATH: [&str; 4] = [GW_LAN, R1, R2, FAR];

fn far() -> IpAddr {
    FAR.parse().unwrap()
}

/// A topology, or None (with the skip printed) where namespaces can't be made.
fn topology(test: &str) -> Option<Topology> {
    if let Some(why) = unavailable() {
        common::skip(test, &why);
        return None;
    }
    let t = Topology::build(Options::default()).unwrap();
    // Linux routers answer at most ~1 ICMP error per second per destination after a
    // burst of 6 (net.ipv4.icmp_ratelimit), which would show as loss at every hop when
    // ten probes per hop go out in half a second. Lift it: these tests are about our
    // tracer, and loss is added on purpose where a test wants it.
    for ns in [&t.gw, &t.r1, &t.r2, &t.far] {
        t.sh(ns, &["sysctl", "-qw", "net.ipv4.icmp_ratelimit=0"]).unwrap();
    }
    Some(t)
}

fn addrs(s: &TraceSnapshot) -> Vec<String> {
    s.hops.iter().map(|h| h.addr.map_or_else(|| "*".to_string(), |a| a.to_string())).collect()
}

fn quiet(protocol: TraceProtocol) -> TraceOptions {
    TraceOptions { protocol, resolve_names: false, ..TraceOptions::default() }
}

fn assert_full_path(s: &TraceSnapshot) {
    let table = trace::format_table(s);
    assert_eq!(addrs(s), PATH, "\n{table}");
    assert!(s.reached && s.done, "\n{table}");
    assert!(s.hops[3].is_destination && s.hops[..3].iter().all(|h| !h.is_destination), "\n{table}");
}

#[test]
fn trace_finds_every_router_in_order_with_each_protocol() {
    let Some(t) = topology("trace_finds_every_router_in_order_with_each_protocol") else { return };
    for protocol in [TraceProtocol::Udp, TraceProtocol::Icmp, TraceProtocol::Tcp { port: 80 }] {
        let s = block_on_in(&t.client, move || async move { trace::trace(far(), &quiet(protocol), None).await });
        let s = s.unwrap();
        println!("{}", trace::format_table(&s));
        assert_eq!(s.protocol, protocol);
        assert_full_path(&s);
        for h in &s.hops {
            assert_eq!((h.sent, h.received), (3, 3), "hop {} with {protocol}", h.ttl);
        }
    }
}

#[test]
fn trace_fills_in_hop_names_from_dns() {
    let Some(t) = topology("trace_fills_in_hop_names_from_dns") else { return };
    // The client's resolver is gw's dnsmasq, which asks far for in-addr.arpa; far has a
    // PTR for itself only. (Given explicitly: a setns thread still sees the host's resolv.conf.)
    let opts = TraceOptions { dns_servers: vec![GW_LAN.parse().unwrap()], ..TraceOptions::default() };
    let s = block_on_in(&t.client, move || async move { trace::trace(far(), &opts, None).await }).unwrap();
    println!("{}", trace::format_table(&s));
    assert_full_path(&s);
    match &s.hops[3].name {
        HopName::Resolved(n) => assert!(n.ends_with(TEST_DOMAIN), "{n}"),
        other => panic!("far's name: {other:?}"),
    }
    for h in &s.hops[..3] {
        assert!(!matches!(h.name, HopName::Pending | HopName::Disabled), "hop {}: {:?}", h.ttl, h.name);
    }
}

#[test]
fn trace_is_not_held_up_by_a_dead_dns_server() {
    let Some(t) = topology("trace_is_not_held_up_by_a_dead_dns_server") else { return };
    t.break_dns().unwrap();
    let opts = TraceOptions {
        dns_servers: vec![GW_LAN.parse().unwrap()],
        name_timeout: Duration::from_millis(300),
        ..TraceOptions::default()
    };
    let started = Instant::now();
    let s = block_on_in(&t.client, move || async move { trace::trace(far(), &opts, None).await }).unwrap();
    let took = started.elapsed();
    println!("{}\ntook {took:?}", trace::format_table(&s));
    assert_full_path(&s);
    assert!(s.hops.iter().all(|h| h.name == HopName::Timeout), "{:?}", s.hops);
    // Probing takes ~0.1 s; names add at most their own 300 ms timeout on top.
    assert!(took < Duration::from_millis(1500), "{took:?}");
}

#[test]
fn detailed_trace_with_ten_probes_per_hop_is_quick() {
    let Some(t) = topology("detailed_trace_with_ten_probes_per_hop_is_quick") else { return };
    // These routers have no ICMP limit; told so, the tracer needs no pacing.
    let opts = TraceOptions { probes_per_hop: 10, router_burst: 10, ..quiet(TraceProtocol::Udp) };
    let started = Instant::now();
    let s = block_on_in(&t.client, move || async move { trace::trace(far(), &opts, None).await }).unwrap();
    let took = started.elapsed();
    println!("{}", trace::format_table(&s));
    println!("detailed trace, 10 probes per hop over 4 hops: {took:?} (trace's own clock: {} ms)", s.elapsed_ms);
    assert_full_path(&s);
    for h in &s.hops {
        assert_eq!((h.sent, h.received), (10, 10), "hop {}", h.ttl);
        assert_eq!(h.rtts_ms.len(), 10);
    }
    // The real figure goes in the benchmark; this only catches something badly wrong.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn loss_at_the_third_router_shows_from_hop_three_on() {
    let Some(t) = topology("loss_at_the_third_router_shows_from_hop_three_on") else { return };
    t.add_loss_at_r2(20).unwrap();
    let opts = TraceOptions {
        probes_per_hop: 30,
        router_burst: 30,
        round_interval: Duration::from_millis(20),
        ..quiet(TraceProtocol::Udp)
    };
    let s = block_on_in(&t.client, move || async move { trace::trace(far(), &opts, None).await }).unwrap();
    println!("{}", trace::format_table(&s));
    assert_full_path(&s);
    let loss: Vec<f64> = s.hops.iter().map(|h| h.loss_percent).collect();
    assert_eq!((loss[0], loss[1]), (0.0, 0.0), "{loss:?}");
    // 20 % random drop entering r2: both r2 (hop 3) and far (hop 4) lose probes. With 30
    // probes, seeing none lost at either has odds of about one in a million.
    assert!(loss[2] + loss[3] > 0.0, "{loss:?}");
    assert!(loss[2] < 70.0 && loss[3] < 70.0, "{loss:?}");
}

/// The network suite's trace (`net.trace.path`): what fits in its budget, the destination
/// probed 40 times, done after the burst when nothing is lost end to end.
fn suite_like() -> TraceOptions {
    TraceOptions {
        probes_per_hop: 8,
        destination_probes: 40,
        settle_when_clean: true,
        echo_hops_on_loss: true,
        round_interval: Duration::from_millis(20),
        max_duration: Some(Duration::from_millis(2400)),
        probe_timeout: Duration::from_millis(800),
        ..quiet(TraceProtocol::Icmp)
    }
}

fn losses(s: &TraceSnapshot) -> Vec<(f64, trace::Loss)> {
    s.hops.iter().map(|h| (h.loss_percent, h.loss)).collect()
}

#[test]
fn loss_on_the_access_line_is_placed_at_hop_two() {
    let Some(t) = topology("loss_on_the_access_line_is_placed_at_hop_two") else { return };
    t.add_loss_entering_r1(20).unwrap();
    // These routers have no ICMP limit (the lab's default), so many probes per hop can go
    // at once: the placement is then certain enough for a test (a hop showing no loss at
    // 20 % has odds of 0.8^30, about 1 in 800).
    let opts = TraceOptions {
        probes_per_hop: 30,
        destination_probes: 80,
        router_burst: 30,
        round_interval: Duration::from_millis(10),
        ..quiet(TraceProtocol::Icmp)
    };
    let s = block_on_in(&t.client, move || async move { trace::trace(far(), &opts, None).await }).unwrap();
    println!("{}", trace::format_table(&s));
    assert_full_path(&s);
    let start = loss_start(&s, 5.0).map(|h| h.ttl);
    assert_eq!(start, Some(2), "{:?}", losses(&s));
    assert_eq!(s.hops[0].loss, trace::Loss::None, "{:?}", losses(&s));
    // 80 echo probes at 20 %: the estimate is within 8-40 % but for odds of about 1 in 1000.
    let end = s.hops[3].loss_percent;
    assert!((8.0..=40.0).contains(&end), "destination loss {end}%: {:?}", losses(&s));
}

#[test]
fn the_suites_trace_places_access_line_loss_at_hop_two_under_stock_limits() {
    let Some(t) = topology("the_suites_trace_places_access_line_loss_at_hop_two_under_stock_limits") else { return };
    t.stock_icmp_limits().unwrap();
    t.add_loss_entering_r1(20).unwrap();
    let started = Instant::now();
    let s = block_on_in(&t.client, || async { trace::trace(far(), &suite_like(), None).await }).unwrap();
    println!(
        "{}\n{:?}\ntook {:?}",
        trace::format_table(&s),
        s.hops.iter().map(|h| h.echo).collect::<Vec<_>>(),
        started.elapsed()
    );
    assert_full_path(&s);
    assert!(s.elapsed_ms <= 2500, "within the suite's budget: {} ms", s.elapsed_ms);
    // Each router pinged straight (not rate-limited) says where packets start to go missing.
    assert_eq!(loss_start(&s, 5.0).map(|h| h.ttl), Some(2), "{:?}", losses(&s));
    assert_eq!(s.hops[0].echo.map(|e| e.loss_percent), Some(0.0), "{:?}", s.hops[0].echo);
    // 40 echo probes to the destination at 20 %: within 5-45 % but for odds of about 1 in 1000.
    let end = s.hops[3].loss_percent;
    assert!((5.0..=45.0).contains(&end), "destination loss {end}%: {:?}", losses(&s));
}

#[test]
fn rate_limiting_alone_shows_no_loss_and_a_clean_destination() {
    let Some(t) = topology("rate_limiting_alone_shows_no_loss_and_a_clean_destination") else { return };
    t.stock_icmp_limits().unwrap();
    // One ISP router is stricter than stock: 1 answer per 5 s after its burst.
    t.set_icmp_ratelimit(&t.r2, 5000).unwrap();
    // The suite's short trace: no loss, the destination clean.
    let s = block_on_in(&t.client, || async { trace::trace(far(), &suite_like(), None).await }).unwrap();
    println!("{}", trace::format_table(&s));
    assert_full_path(&s);
    assert_eq!(loss_start(&s, 0.0), None, "{:?}", losses(&s));
    assert_eq!((s.hops[3].loss_percent, s.hops[3].loss), (0.0, trace::Loss::None), "{:?}", losses(&s));
    assert!(s.hops[3].sent >= 30, "the destination gets most of its 40 probes: {}", s.hops[3].sent);
    assert_eq!((s.hops[0].loss_percent, s.hops[1].loss_percent), (0.0, 0.0), "{:?}", losses(&s));
    // Clean end to end: done once the routers' burst is answered, so the suite stays quick.
    assert!(s.elapsed_ms <= 1500, "{} ms", s.elapsed_ms);

    // Routers refill one token a second: give them their burst back, as between two
    // real traces, then the standalone statistics mode (`--probes 10`).
    std::thread::sleep(Duration::from_millis(6500));
    let opts = TraceOptions { probes_per_hop: 10, ..quiet(TraceProtocol::Icmp) };
    let started = Instant::now();
    let s = block_on_in(&t.client, move || async move { trace::trace(far(), &opts, None).await }).unwrap();
    println!("{}\ntook {:?}", trace::format_table(&s), started.elapsed());
    assert_full_path(&s);
    let far_hop = &s.hops[3];
    assert_eq!((far_hop.sent, far_hop.received, far_hop.loss), (10, 10, trace::Loss::None), "{:?}", losses(&s));
    assert_eq!(loss_start(&s, 0.0), None, "{:?}", losses(&s));
    for h in &s.hops {
        assert_ne!(h.loss, trace::Loss::Persistent, "hop {}: {:?}", h.ttl, losses(&s));
        assert_eq!(h.sent, 10, "hop {}", h.ttl);
    }
    // Paced within the stock budget, the stock routers lose nothing; the strict one shows
    // as rate-limited.
    assert_eq!((s.hops[0].loss_percent, s.hops[1].loss_percent), (0.0, 0.0), "{:?}", losses(&s));
    assert!(matches!(s.hops[2].loss, trace::Loss::RateLimited | trace::Loss::None), "{:?}", losses(&s));
}

#[test]
fn a_last_router_answering_unreachable_now_and_then_is_no_loss_warning() {
    let Some(t) = topology("a_last_router_answering_unreachable_now_and_then_is_no_loss_warning") else { return };
    t.stock_icmp_limits().unwrap();
    t.outside_unreachable_at_r1().unwrap();
    let s = block_on_in(&t.client, || async { trace::trace(far(), &suite_like(), None).await }).unwrap();
    println!("{}", trace::format_table(&s));
    assert!(!s.reached);
    assert_eq!(addrs(&s), [GW_LAN, R1]);
    assert!(s.method_note.as_deref().is_some_and(|n| n.contains("network unreachable")), "{:?}", s.method_note);
    assert_eq!(loss_start(&s, 0.0), None, "{:?}", losses(&s));
    assert!(s.hops.iter().all(|h| h.loss != trace::Loss::Persistent), "{:?}", losses(&s));
}

#[test]
fn ping_streams_lines_and_prints_statistics_on_sigint() {
    use std::io::BufRead;
    let Some(t) = topology("ping_streams_lines_and_prints_statistics_on_sigint") else { return };
    let mut child = t
        .command(&t.client, env!("CARGO_BIN_EXE_deskcheck"))
        .args(["ping", FAR, "--count", "1000", "--interval-ms", "200"])
        .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    // `ip netns exec` execs the program: this pid is deskcheck's.
    let pid = child.id();
    let mut lines = Vec::new();
    let started = Instant::now();
    // A header, then replies one by one while the ping goes on.
    while lines.len() < 4 {
        let mut line = String::new();
        assert!(out.read_line(&mut line).unwrap() > 0, "output ended early: {lines:?}");
        lines.push(line.trim_end().to_string());
    }
    let first_lines = started.elapsed();
    assert!(lines[0].starts_with(&format!("PING {FAR}")), "{lines:?}");
    for (i, l) in lines[1..].iter().enumerate() {
        assert!(l.starts_with(&format!("64 bytes from {FAR}: icmp_seq={} time=", i + 1)), "{l}");
        assert!(l.ends_with(" ms"), "{l}");
    }
    assert!(first_lines < Duration::from_secs(3), "lines came only after {first_lines:?}");
    let killed = std::process::Command::new("kill").args(["-INT", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
    let status = child.wait().unwrap();
    println!("{}\n{rest}", lines.join("\n"));
    assert!(rest.contains(&format!("--- {FAR} ping statistics ---")), "{rest}");
    assert!(rest.contains("packets transmitted") && rest.contains("0% packet loss (stopped by Ctrl-C)"), "{rest}");
    assert!(rest.contains("rtt min/avg/max/mdev = "), "{rest}");
    assert_eq!(status.code(), Some(0), "every finished probe was answered: {rest}");
}

#[test]
fn sub_millisecond_rtts_keep_microseconds_in_json_and_text() {
    let Some(t) = topology("sub_millisecond_rtts_keep_microseconds_in_json_and_text") else { return };
    let run = |args: &[&str]| {
        let out = t
            .command(&t.client, env!("CARGO_BIN_EXE_deskcheck"))
            .args(args)
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The office router answers in tens of microseconds.
    let json: serde_json::Value =
        serde_json::from_str(&run(&["trace", GW_LAN, "-n", "--probes", "6", "--json"])).unwrap();
    let samples: Vec<f64> = json["hops"][0]["rtts_ms"].as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
    assert_eq!(samples.len(), 6, "{json}");
    assert!(samples.iter().all(|&ms| ms > 0.0 && ms < 5.0), "no sample is 0: {samples:?}");
    // Whole microseconds, no float noise.
    assert!(samples.iter().all(|&ms| ((ms * 1000.0).round() - ms * 1000.0).abs() < 1e-6), "{samples:?}");
    let text = run(&["ping", GW_LAN, "--count", "3", "--interval-ms", "200"]);
    println!("{text}");
    let re = regex::Regex::new(r"icmp_seq=\d time=\d+\.\d{3} ms").unwrap();
    assert_eq!(re.find_iter(&text).count(), 3, "{text}");
    let stats = text.lines().find(|l| l.starts_with("rtt min/avg/max/mdev")).unwrap_or_default();
    assert!(!stats.contains("0.0/") && stats.contains('.'), "{stats}");
}

#[test]
fn ping_through_the_topology_reports_every_probe() {
    let Some(t) = topology("ping_through_the_topology_reports_every_probe") else { return };
    let opts = PingOptions { count: 5, interval: Duration::from_millis(20), ..PingOptions::default() };
    let s = block_on_in(&t.client, move || async move { ping::ping(far(), &opts, None).await }).unwrap();
    // Root in a namespace whose ping_group_range includes group 0.
    assert_eq!(s.method, PingMethod::IcmpUnprivileged, "{s:#?}");
    assert_eq!((s.sent, s.received, s.loss_percent), (5, 5, 0.0), "{s:#?}");
    assert!(s.rtts_ms.iter().all(Option::is_some));
}

// ------------------------------------------------------------------ unprivileged

/// Run one probe as uid/gid 65534 inside the client namespace: this test binary again,
/// running only `probe_helper_subprocess`, which prints the result as JSON.
fn run_as_nobody(t: &Topology, what: &str) -> String {
    let exe = std::env::current_exe().unwrap();
    let out = t
        .command(&t.client, "setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(&exe)
        .args(["--exact", "probe_helper_subprocess", "--nocapture", "--test-threads=1"])
        .env("DESKCHECK_NET_PROBE", what)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = stdout.lines().find_map(|l| l.split_once("PROBE_JSON:").map(|(_, json)| json)).map(str::to_string);
    json.unwrap_or_else(|| {
        panic!("no result from `{what}` as nobody:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr))
    })
}

fn ping_as_nobody(t: &Topology) -> PingStats {
    serde_json::from_str(&run_as_nobody(t, &format!("ping {FAR}"))).unwrap()
}

fn trace_as_nobody(t: &Topology, protocol: &str) -> TraceSnapshot {
    serde_json::from_str(&run_as_nobody(t, &format!("trace {FAR} {protocol}"))).unwrap()
}

/// Not a test of its own: the body of `run_as_nobody`'s child. Does nothing unless
/// DESKCHECK_NET_PROBE says what to run ("ping <ip>" or "trace <ip> udp|icmp|tcp:<port>").
#[test]
fn probe_helper_subprocess() {
    let Ok(what) = std::env::var("DESKCHECK_NET_PROBE") else { return };
    let words: Vec<&str> = what.split_whitespace().collect();
    let target: IpAddr = words[1].parse().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let json = match words[0] {
        "ping" => {
            let opts = PingOptions { count: 5, interval: Duration::from_millis(20), ..PingOptions::default() };
            serde_json::to_string(&rt.block_on(ping::ping(target, &opts, None)).unwrap())
        }
        "trace" => {
            let protocol = match words[2] {
                "udp" => TraceProtocol::Udp,
                "icmp" => TraceProtocol::Icmp,
                tcp => TraceProtocol::Tcp { port: tcp.trim_start_matches("tcp:").parse().unwrap() },
            };
            serde_json::to_string(&rt.block_on(trace::trace(target, &quiet(protocol), None)).unwrap())
        }
        other => panic!("unknown probe {other}"),
    };
    println!("PROBE_JSON:{}", json.unwrap());
}

#[test]
fn unprivileged_user_pings_and_traces_with_icmp_sockets() {
    let Some(t) = topology("unprivileged_user_pings_and_traces_with_icmp_sockets") else { return };
    if common::netns::which("setpriv").is_none() {
        common::skip("unprivileged_user_pings_and_traces_with_icmp_sockets", "setpriv (util-linux) is not installed");
        return;
    }
    // The topology allows ICMP datagram sockets to every group, as desktop distributions do.
    let p = ping_as_nobody(&t);
    assert_eq!(p.method, PingMethod::IcmpUnprivileged, "{p:#?}");
    assert_eq!((p.sent, p.received, &p.note), (5, 5, &None), "{p:#?}");
    for protocol in ["icmp", "udp", "tcp:80"] {
        let s = trace_as_nobody(&t, protocol);
        println!("{}", trace::format_table(&s));
        assert_full_path(&s);
        assert_eq!(s.method_note, None, "{protocol}");
    }
}

#[test]
fn unprivileged_user_without_icmp_falls_back_and_says_so() {
    let Some(t) = topology("unprivileged_user_without_icmp_falls_back_and_says_so") else { return };
    if common::netns::which("setpriv").is_none() {
        common::skip("unprivileged_user_without_icmp_falls_back_and_says_so", "setpriv (util-linux) is not installed");
        return;
    }
    t.sh(&t.client, &["sysctl", "-qw", "net.ipv4.ping_group_range=1 0"]).unwrap();
    // far refuses port 443 with a RST: that is an answer, so 443 is the port used.
    let p = ping_as_nobody(&t);
    assert_eq!(p.method, PingMethod::TcpConnect { port: 443 }, "{p:#?}");
    assert_eq!((p.sent, p.received), (5, 5), "{p:#?}");
    let note = p.note.clone().unwrap_or_default();
    assert!(note.contains("not permitted") && note.contains("443"), "{note}");
    // ICMP trace: no ICMP socket and no raw socket, so UDP, said in the note.
    let s = trace_as_nobody(&t, "icmp");
    println!("{}", trace::format_table(&s));
    assert_eq!(s.protocol, TraceProtocol::Udp);
    assert!(s.method_note.as_deref().is_some_and(|n| n.contains("not permitted")), "{:?}", s.method_note);
    assert_full_path(&s);
    // IP_RECVERR needs no privilege at all.
    let s = trace_as_nobody(&t, "udp");
    assert_full_path(&s);
    assert_eq!(s.method_note, None);
}

#[test]
fn root_without_unprivileged_icmp_uses_raw_sockets() {
    let Some(t) = topology("root_without_unprivileged_icmp_uses_raw_sockets") else { return };
    t.sh(&t.client, &["sysctl", "-qw", "net.ipv4.ping_group_range=1 0"]).unwrap();
    let opts = PingOptions { count: 3, interval: Duration::from_millis(20), ..PingOptions::default() };
    let p = block_on_in(&t.client, move || async move { ping::ping(far(), &opts, None).await }).unwrap();
    assert_eq!((&p.method, p.received), (&PingMethod::IcmpRaw, 3), "{p:#?}");
    let s = block_on_in(&t.client, || async { trace::trace(far(), &quiet(TraceProtocol::Icmp), None).await }).unwrap();
    println!("{}", trace::format_table(&s));
    assert_eq!(s.protocol, TraceProtocol::Icmp);
    assert!(s.method_note.as_deref().is_some_and(|n| n.contains("raw socket")), "{:?}", s.method_note);
    assert_full_path(&s);
}

#[test]
fn unreachable_network_is_an_error_not_silence() {
    let Some(t) = topology("unreachable_network_is_an_error_not_silence") else { return };
    // The client has no route to anything outside 10.77.1.0/24 once its default route goes.
    t.sh(&t.client, &["ip", "route", "del", "default"]).unwrap();
    let err = block_on_in(&t.client, || async { trace::trace(far(), &quiet(TraceProtocol::Udp), None).await });
    assert!(matches!(err, Err(trace::TraceError::Send { .. })), "{err:?}");
    let opts = PingOptions { count: 2, interval: Duration::from_millis(20), ..PingOptions::default() };
    let p = block_on_in(&t.client, move || async move { ping::ping(far(), &opts, None).await }).unwrap();
    assert_eq!(p.received, 0);
    assert!(p.probe_error.as_deref().is_some_and(|e| e.to_lowercase().contains("unreachable")), "{p:#?}");
}
