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

/// The fault options do what the scenario tests rely on: a static address routes and
/// resolves without any DHCP server, a silent DHCP server leaves no address at all with the
/// link up, and pulling the cable takes the client's carrier away (it keeps its address).
#[test]
fn fault_options_static_silent_dhcp_and_cable_out() {
    if let Some(why) = unavailable() {
        common::skip("fault_options_static_silent_dhcp_and_cable_out", &why);
        return;
    }
    let t = Topology::build(Options { static_address: true, ..Options::default() }).unwrap();
    let ping = t.sh(&t.client, &["ping", "-c", "1", "-W", "2", FAR]).unwrap();
    assert!(String::from_utf8_lossy(&ping.stdout).contains("1 received"));
    let dns = t.sh(&t.client, &["getent", "hosts", TEST_NAME]).unwrap();
    assert!(String::from_utf8_lossy(&dns.stdout).contains(FAR));
    assert!(!t.path().join("client.leases").exists(), "no lease in a static configuration");
    drop(t);

    let t = Topology::build(Options { silent_dhcp: true, ..Options::default() }).unwrap();
    let link = t.sh(&t.client, &["ip", "-o", "addr", "show", "dev", &t.client_if]).unwrap();
    let text = String::from_utf8_lossy(&link.stdout);
    assert!(!text.contains("inet "), "no IPv4 address: {text}");
    let state = t.sh(&t.client, &["ip", "-o", "link", "show", "dev", &t.client_if]).unwrap();
    assert!(String::from_utf8_lossy(&state.stdout).contains("state UP"));
    drop(t);

    let t = Topology::build(Options::default()).unwrap();
    t.unplug_cable().unwrap();
    let state = t.sh(&t.client, &["ip", "-o", "link", "show", "dev", &t.client_if]).unwrap();
    let text = String::from_utf8_lossy(&state.stdout);
    // A veth whose peer is down: NO-CARRIER, operstate DOWN (a NIC behind a bond or VLAN
    // says LOWERLAYERDOWN); the link check treats both as "no link".
    assert!(text.contains("NO-CARRIER") && (text.contains("state DOWN") || text.contains("LOWERLAYERDOWN")), "{text}");
    let addr = t.sh(&t.client, &["ip", "-o", "addr", "show", "dev", &t.client_if]).unwrap();
    assert!(String::from_utf8_lossy(&addr.stdout).contains("inet 10.77.1."));
}
