//! Traces on loopback only (127.0.0.1 and ::1), the table, and the serialized forms.
//! The multi-hop behaviour is tested in network namespaces (tests/net_ping_trace.rs).

use std::time::Instant;

use super::*;
use crate::platform::probe::OpenError;

fn local(protocol: TraceProtocol) -> TraceOptions {
    TraceOptions {
        protocol,
        resolve_names: false,
        probe_timeout: Duration::from_millis(500),
        ..TraceOptions::default()
    }
}

/// The trace, or `None` where this OS does not offer the protocol (the test is skipped,
/// loudly): Windows traces with ICMP only, and an OS without a socket layer has none.
async fn traced(
    target: IpAddr,
    opts: &TraceOptions,
    live: Option<&watch::Sender<TraceSnapshot>>,
) -> Option<TraceSnapshot> {
    match trace(target, opts, live).await {
        Err(TraceError::Open(e @ (OpenError::ProtocolUnavailable(_) | OpenError::Unsupported(_)))) => {
            eprintln!("skipped: {} trace to {target}: {e}", opts.protocol);
            None
        }
        // The OS's ICMP service refused to open here (wine 8 has no ICMPv6).
        Err(e @ TraceError::Open(OpenError::OpenSocket { .. }))
            if matches!(crate::platform::echo_via(target), crate::platform::probe::EchoVia::ApiRefused(_)) =>
        {
            eprintln!("skipped: {} trace to {target}: {e}", opts.protocol);
            None
        }
        other => Some(other.unwrap()),
    }
}

fn assert_one_hop(s: &TraceSnapshot, target: IpAddr, probes: u32) {
    assert!(s.reached && s.done, "{}", format_table(s));
    assert_eq!(s.hops.len(), 1, "{}", format_table(s));
    let h = &s.hops[0];
    assert_eq!((h.ttl, h.addr, h.is_destination), (1, Some(target), true));
    assert_eq!((h.sent, h.received, h.loss_percent), (probes, probes, 0.0), "{}", format_table(s));
    // The best time: the first request can include a cold start (wine loads its ICMP driver).
    assert!(h.best_ms.is_some_and(|ms| ms < 100.0), "{}", format_table(s));
    assert_eq!(h.name, HopName::Disabled);
}

#[tokio::test]
async fn udp_trace_to_loopback_reaches_in_one_hop() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let Some(s) = traced(target, &local(TraceProtocol::Udp), None).await else { return };
    assert_eq!(s.protocol, TraceProtocol::Udp);
    assert_eq!(s.method_note, None);
    assert_one_hop(&s, target, 3);
}

#[tokio::test]
async fn udp_trace_to_ipv6_loopback_reaches_in_one_hop() {
    let target: IpAddr = "::1".parse().unwrap();
    let Some(s) = traced(target, &local(TraceProtocol::Udp), None).await else { return };
    assert_one_hop(&s, target, 3);
}

#[tokio::test]
async fn icmp_trace_to_loopback_takes_the_path_this_host_allows() {
    for target in ["127.0.0.1", "::1"] {
        let target: IpAddr = target.parse().unwrap();
        // Where the OS's ICMP service sends the probes, one request first: under wine the first
        // ones wait for its ICMP driver to start (~130 ms), which is not the path's time.
        if let crate::platform::probe::EchoVia::Api(api) = crate::platform::echo_via(target) {
            let _ = api.echo(target, None, 8, Duration::from_secs(2)).await;
        }
        let Some(s) = traced(target, &local(TraceProtocol::Icmp), None).await else { return };
        // Unprivileged ICMP socket (no note), raw socket as root (note), or UDP (note).
        match (&s.protocol, s.method_note.as_deref()) {
            (TraceProtocol::Icmp, None) => {}
            (TraceProtocol::Icmp, Some(n)) => assert!(n.contains("raw socket"), "{n}"),
            (TraceProtocol::Udp, Some(n)) => assert!(n.contains("not permitted"), "{n}"),
            other => panic!("unexpected method {other:?}"),
        }
        assert_one_hop(&s, target, 3);
    }
}

#[tokio::test]
async fn tcp_trace_to_loopback_counts_accept_and_refusal_as_reached() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let open_port = listener.local_addr().unwrap().port();
    drop(std::net::TcpListener::bind("127.0.0.1:0").unwrap());
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let Some(s) = traced(target, &local(TraceProtocol::Tcp { port: open_port }), None).await else { return };
    assert_eq!(s.protocol, TraceProtocol::Tcp { port: open_port });
    assert_one_hop(&s, target, 3);
    drop(listener);
    // Nothing listens there any more: the RST is the destination's answer.
    let Some(s) = traced(target, &local(TraceProtocol::Tcp { port: open_port }), None).await else { return };
    assert_one_hop(&s, target, 3);
}

#[tokio::test]
async fn detailed_mode_spaces_echo_probes_to_the_destination_only() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let opts = TraceOptions { probes_per_hop: 10, ..local(TraceProtocol::Icmp) };
    let started = Instant::now();
    let Some(s) = traced(target, &opts, None).await else { return };
    let took = started.elapsed();
    if s.protocol != TraceProtocol::Icmp {
        eprintln!("skipped: detailed_mode_spaces_echo_probes_to_the_destination_only: ICMP not permitted here");
        return;
    }
    assert_one_hop(&s, target, 10);
    // Three at once to find the end, then seven more 50 ms apart: echo replies are not
    // rate-limited, and nothing waits for a timeout when every probe is answered.
    assert!(took < Duration::from_millis(900), "{took:?}");
    assert!(s.elapsed_ms >= 300, "{}", s.elapsed_ms);
}

#[tokio::test]
async fn a_time_limit_ends_the_trace_and_leaves_unsent_probes_out() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    // UDP: the destination's port-unreachables are rate-limited, and it answered the 13
    // discovery probes past its TTL from the same burst of 6, so no more may go for
    // seconds; 300 ms ends the trace with the 3 discovery probes.
    let opts = TraceOptions {
        probes_per_hop: 10,
        max_duration: Some(Duration::from_millis(300)),
        ..local(TraceProtocol::Udp)
    };
    let started = Instant::now();
    let Some(s) = traced(target, &opts, None).await else { return };
    assert!(started.elapsed() < Duration::from_millis(500), "{:?}", started.elapsed());
    assert_one_hop(&s, target, 3);
}

#[tokio::test]
async fn live_snapshots_end_with_the_result() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let first = TraceSnapshot {
        target,
        protocol: TraceProtocol::Udp,
        method_note: None,
        hops: Vec::new(),
        reached: false,
        done: false,
        elapsed_ms: 0,
    };
    let (tx, mut rx) = watch::channel(first);
    let opts = TraceOptions { probes_per_hop: 4, ..local(TraceProtocol::Udp) };
    let Some(s) = traced(target, &opts, Some(&tx)).await else { return };
    assert!(rx.has_changed().unwrap());
    assert_eq!(*rx.borrow_and_update(), s);
}

/// A "DNS server" on a loopback address that reads queries and never answers; `None`
/// (test skipped) when port 53 cannot be bound.
pub(super) fn silent_dns_server() -> Option<std::net::UdpSocket> {
    let sock = std::net::UdpSocket::bind("127.0.0.53:53").or_else(|_| std::net::UdpSocket::bind("127.0.0.54:53"));
    if sock.is_err() {
        eprintln!("skipped: silent DNS server: cannot bind port 53 on loopback (not root)");
    }
    sock.ok()
}

#[tokio::test]
async fn loopback_hop_names_come_without_asking_a_server() {
    let Some(silent) = silent_dns_server() else { return };
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let opts = TraceOptions {
        resolve_names: true,
        dns_servers: vec![silent.local_addr().unwrap().ip()],
        name_timeout: Duration::from_millis(300),
        ..local(TraceProtocol::Udp)
    };
    let started = Instant::now();
    let Some(s) = traced(target, &opts, None).await else { return };
    // "localhost", or whichever name the hosts file gives 127.0.0.1 first.
    assert!(matches!(&s.hops[0].name, HopName::Resolved(n) if !n.is_empty()), "{:?}", s.hops[0]);
    assert!(started.elapsed() < Duration::from_millis(300), "{:?}", started.elapsed());
}

#[tokio::test]
async fn invalid_options_are_refused() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let zero_hops = TraceOptions { max_hops: 0, ..local(TraceProtocol::Udp) };
    assert!(matches!(trace(target, &zero_hops, None).await, Err(TraceError::InvalidOptions(_))));
    let zero_probes = TraceOptions { probes_per_hop: 0, ..local(TraceProtocol::Udp) };
    assert!(matches!(trace(target, &zero_probes, None).await, Err(TraceError::InvalidOptions(_))));
}

fn sample() -> TraceSnapshot {
    let hop = |ttl: u8, addr: Option<&str>, name: HopName, rtts: Vec<Option<f64>>| {
        let s = crate::net::ping::summarize(&rtts);
        Hop {
            ttl,
            addr: addr.map(|a| a.parse().unwrap()),
            other_addrs: Vec::new(),
            name,
            sent: s.sent,
            received: s.received,
            loss_percent: s.loss_percent,
            last_ms: rtts.iter().rev().flatten().next().copied(),
            avg_ms: s.avg_ms,
            best_ms: s.min_ms,
            worst_ms: s.max_ms,
            rtts_ms: rtts,
            is_destination: false,
            loss: Loss::None,
            echo: None,
        }
    };
    let mut hops = vec![
        hop(1, Some("10.77.1.1"), HopName::Resolved("gw.office.test".into()), vec![Some(0.5), Some(0.25)]),
        hop(2, None, HopName::Disabled, vec![None, None]),
        hop(3, Some("198.51.100.10"), HopName::NotFound, vec![Some(12.0), None]),
    ];
    hops[0].other_addrs.push("10.77.1.2".parse().unwrap());
    hops[2].is_destination = true;
    TraceSnapshot {
        target: "198.51.100.10".parse().unwrap(),
        protocol: TraceProtocol::Udp,
        method_note: None,
        hops,
        reached: true,
        done: true,
        elapsed_ms: 512,
    }
}

#[test]
fn table_reads_like_mtr() {
    let text = format_table(&sample());
    let expected = "\
Trace to 198.51.100.10 (UDP): reached, 3 hops, 0.5 s
Hop  Address        Name             Loss%  Snt   Last    Avg   Best   Wrst
  1  10.77.1.1      gw.office.test    0.0%    2  0.250  0.375  0.250  0.500
     10.77.1.2
  2  *                              100.0%    2      -      -      -      -
  3  198.51.100.10  -                50.0%    2   12.0   12.0   12.0   12.0
";
    assert_eq!(text, expected, "\n{text}");
}

#[test]
fn snapshot_serializes_with_tagged_names() {
    let json = serde_json::to_value(sample()).unwrap();
    assert_eq!(json["protocol"], "udp");
    assert_eq!(json["hops"][0]["name"], serde_json::json!({"status": "resolved", "value": "gw.office.test"}));
    assert_eq!(json["hops"][2]["name"], serde_json::json!({"status": "not_found"}));
    assert_eq!(json["hops"][1]["addr"], serde_json::Value::Null);
    let tcp = serde_json::to_value(TraceProtocol::Tcp { port: 443 }).unwrap();
    assert_eq!(tcp, serde_json::json!({"tcp": {"port": 443}}));
    let back: TraceSnapshot = serde_json::from_value(json).unwrap();
    assert_eq!(back, sample());
}
