//! The namespace topology itself works (so network tests fail for the right reasons):
//! a real lease from dnsmasq via dhclient, routes through both routers, DNS for the test zone.

mod common;

use common::netns::*;

#[test]
fn healthy_topology_routes_resolves_and_leases() {
    if let Some(why) = unavailable() {
        common::skip("healthy_topology_routes_resolves_and_leases", &why);
        return;
    }
    let t = Topology::build(Options::default()).unwrap();
    let lease = std::fs::read_to_string(&t.lease_file).unwrap();
    assert!(lease.contains("fixed-address 10.77.1."), "{lease}");
    let ping = t.sh(&t.client, &["ping", "-c", "1", "-W", "2", FAR]).unwrap();
    assert!(String::from_utf8_lossy(&ping.stdout).contains("1 received"));
    let trace = t.sh(&t.client, &["traceroute", "-n", "-q", "1", "-w", "1", FAR]).unwrap();
    let text = String::from_utf8_lossy(&trace.stdout);
    for hop in [GW_LAN, R1, R2, FAR] {
        assert!(text.contains(hop), "hop {hop} missing:\n{text}");
    }
    let dns = t.sh(&t.client, &["getent", "hosts", TEST_NAME]).unwrap();
    assert!(String::from_utf8_lossy(&dns.stdout).contains(FAR));
}

/// The lab's NFQUEUE delay really delays: behind the office router every round trip grows
/// by twice the one-way delay, while the router itself still answers at LAN speed.
#[test]
fn nfqueue_delay_adds_round_trip_time_behind_the_router() {
    if let Some(why) = unavailable() {
        common::skip("nfqueue_delay_adds_round_trip_time_behind_the_router", &why);
        return;
    }
    let t = Topology::build(Options::default()).unwrap();
    let delay = common::delay::Delay::start(&t, &t.gw, std::time::Duration::from_millis(25)).unwrap();
    let rtt_ms = |host: &str| -> f64 {
        let out = t.sh(&t.client, &["ping", "-n", "-c", "3", "-i", "0.2", "-W", "2", host]).unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        // rtt min/avg/max/mdev = 50.1/50.3/50.6/0.2 ms
        let line = text.lines().find(|l| l.contains("min/avg/max")).unwrap_or_else(|| panic!("{text}"));
        line.split('=').nth(1).unwrap().trim().split('/').next().unwrap().parse().unwrap()
    };
    let far = rtt_ms(FAR);
    let gw = rtt_ms(GW_LAN);
    assert!((50.0..80.0).contains(&far), "far min RTT {far} ms, want 50–80 ms");
    assert!(gw < 10.0, "gw min RTT {gw} ms, want LAN speed");
    assert!(delay.packets() >= 6, "only {} packets went through the delay", delay.packets());
    eprintln!("delay: far {far:.1} ms, gw {gw:.1} ms, {} packets held", delay.packets());
}
