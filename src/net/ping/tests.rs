//! Ping on loopback only (127.0.0.1 and ::1): whichever method this host allows us, plus
//! the TCP fallback forced, plus the pure parts.

use super::*;
use crate::platform::probe::EchoVia;

/// The method ping should pick here: the OS's ICMP API where there is one (Windows);
/// else datagram ICMP if ping_group_range includes our group, raw ICMP if we are root,
/// otherwise the TCP fallback. `None` (skip) where neither can be told (no /proc).
fn expected_method(target: IpAddr) -> Option<PingMethod> {
    match platform::echo_via(target) {
        EchoVia::Api(_) => return Some(PingMethod::IcmpApi),
        // The OS's ICMP service refused to open (wine 8 has no ICMPv6): TCP timing, said so.
        EchoVia::ApiRefused(_) => return Some(PingMethod::TcpConnect { port: 443 }),
        EchoVia::Sockets => {}
    }
    let Ok(range) = std::fs::read_to_string("/proc/sys/net/ipv4/ping_group_range") else {
        eprintln!("skipped: ping to {target}: cannot tell which ICMP method this OS allows (no /proc)");
        return None;
    };
    let bounds: Vec<u32> = range.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let id_of = |key: &str| -> u32 {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(u32::MAX)
    };
    let (uid, gid) = (id_of("Uid:"), id_of("Gid:"));
    Some(if bounds.len() == 2 && bounds[0] <= gid && gid <= bounds[1] {
        PingMethod::IcmpUnprivileged
    } else if uid == 0 {
        PingMethod::IcmpRaw
    } else {
        PingMethod::TcpConnect { port: 443 }
    })
}

fn quick(count: u32) -> PingOptions {
    PingOptions { count, interval: Duration::from_millis(20), timeout: Duration::from_millis(1000), payload_size: 56 }
}

fn assert_all_answered(s: &PingStats, count: u32) {
    assert_eq!((s.sent, s.received, s.in_flight), (count, count, 0), "{s:#?}");
    assert_eq!(s.loss_percent, 0.0);
    assert_eq!(s.rtts_ms.len(), count as usize);
    assert!(s.rtts_ms.iter().all(|r| r.is_some_and(|ms| (0.0..1000.0).contains(&ms))), "{s:#?}");
    let (min, avg, max) = (s.min_ms.unwrap(), s.avg_ms.unwrap(), s.max_ms.unwrap());
    assert!(min <= avg && avg <= max, "{s:#?}");
    assert!(s.mdev_ms.is_some());
}

#[tokio::test]
async fn pings_ipv4_loopback_with_the_method_this_host_allows() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let Some(expected) = expected_method(target) else { return };
    let s = ping(target, &quick(5), None).await.unwrap();
    assert_eq!(s.target, target);
    assert_eq!(s.method, expected, "{s:#?}");
    assert_all_answered(&s, 5);
    assert_eq!(s.note.is_some(), matches!(s.method, PingMethod::TcpConnect { .. }));
}

#[tokio::test]
async fn pings_ipv6_loopback_with_the_method_this_host_allows() {
    let target: IpAddr = "::1".parse().unwrap();
    let Some(expected) = expected_method(target) else { return };
    let s = ping(target, &quick(3), None).await.unwrap();
    assert_eq!(s.method, expected, "{s:#?}");
    assert_all_answered(&s, 3);
}

#[tokio::test]
async fn tcp_fallback_counts_a_refused_connect_as_an_answer() {
    // Nothing listens on 127.0.0.1:443, so the kernel answers the SYN with a RST.
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let s = ping_tcp(target, &quick(4), None, "ICMP echo is not permitted for this user").await.unwrap();
    assert_eq!(s.method, PingMethod::TcpConnect { port: 443 });
    let note = s.note.clone().unwrap_or_default();
    assert!(note.contains("not permitted") && note.contains("port 443"), "{note}");
    assert_all_answered(&s, 4);
}

#[tokio::test]
async fn connect_probe_times_an_accepted_connection() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let outcome = tcp::connect_probe(addr, Duration::from_secs(1)).await;
    assert!(matches!(outcome, ProbeOutcome::Answered(_)));
}

#[tokio::test]
async fn probes_go_out_on_the_interval_without_waiting_for_replies() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let started = std::time::Instant::now();
    let s = ping(target, &PingOptions { count: 10, ..quick(10) }, None).await.unwrap();
    let took = started.elapsed();
    assert_eq!(s.sent, 10);
    // 9 intervals of 20 ms plus one loopback reply; sequential pinging would need far more.
    assert!(took >= Duration::from_millis(180) && took < Duration::from_millis(900), "{took:?}");
}

#[tokio::test]
async fn live_snapshots_end_with_the_final_result() {
    let target: IpAddr = "127.0.0.1".parse().unwrap();
    let (tx, mut rx) = watch::channel(Run::new(target, PingMethod::IcmpRaw, None).stats);
    let s = ping(target, &quick(3), Some(&tx)).await.unwrap();
    assert!(rx.has_changed().unwrap());
    assert_eq!(*rx.borrow_and_update(), s);
}

#[tokio::test]
async fn zero_probes_is_an_error() {
    let err = ping("127.0.0.1".parse().unwrap(), &quick(0), None).await.unwrap_err();
    assert!(matches!(err, PingError::NoProbes));
}

#[test]
fn run_counts_in_flight_probes_apart_from_lost_ones() {
    let mut run = Run::new("127.0.0.1".parse().unwrap(), PingMethod::IcmpUnprivileged, None);
    for _ in 0..4 {
        run.sent();
    }
    run.finish(1, ProbeOutcome::Answered(Duration::from_millis(3)));
    run.finish(0, ProbeOutcome::Lost);
    let s = &run.stats;
    assert_eq!((s.sent, s.received, s.in_flight), (4, 1, 2));
    assert_eq!(s.loss_percent, 50.0, "loss counts finished probes only");
    assert_eq!(s.rtts_ms, vec![None, Some(3.0), None, None]);
    run.finish(2, ProbeOutcome::Failed("host unreachable (from 10.0.0.1)".into()));
    run.finish(3, ProbeOutcome::Failed("later failure".into()));
    let s = &run.stats;
    assert_eq!((s.in_flight, s.loss_percent), (0, 75.0));
    assert_eq!(s.probe_error.as_deref(), Some("host unreachable (from 10.0.0.1)"));
}

#[test]
fn icmp_errors_read_like_traceroute() {
    assert_eq!(describe_icmp_error(false, 11, 0), "time to live exceeded");
    assert_eq!(describe_icmp_error(false, 3, 1), "host unreachable");
    assert_eq!(describe_icmp_error(false, 3, 13), "administratively prohibited");
    assert_eq!(describe_icmp_error(true, 1, 4), "port unreachable");
    assert_eq!(describe_icmp_error(true, 3, 0), "time to live exceeded");
    assert_eq!(describe_icmp_error(false, 3, 7), "destination unreachable (code 7)");
    assert_eq!(describe_icmp_error(false, 5, 1), "ICMP type 5 code 1");
}

#[test]
fn method_serializes_snake_case() {
    let json = serde_json::to_string(&PingMethod::TcpConnect { port: 443 }).unwrap();
    assert_eq!(json, r#"{"tcp_connect":{"port":443}}"#);
    assert_eq!(serde_json::to_string(&PingMethod::IcmpUnprivileged).unwrap(), r#""icmp_unprivileged""#);
}
