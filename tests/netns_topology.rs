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
