//! The Windows build's ping and trace under wine, inside the namespace lab
//! client → gw (10.77.1.1) → r1 → r2 → far (198.51.100.10), through the Windows ICMP API
//! (`IcmpSendEcho2Ex`), the only way Windows lets a program without admin rights do it.
//!
//! - As root, wine's ICMP API sees the routers' "time exceeded": the hops of
//!   `deskcheck.exe trace -n` must be the hops `traceroute -n` finds in the same namespace.
//! - As an ordinary user wine only gets echo replies (it reads no `IP_RECVERR`), which is
//!   all ping needs: `deskcheck.exe ping` must say it used the ICMP API and get replies.
//!
//! Needs root, wine, and `target/x86_64-pc-windows-gnu/debug/deskcheck.exe`
//! (`cargo build --target x86_64-pc-windows-gnu`); otherwise each test says `skipped:`.

mod common;

use std::net::IpAddr;
use std::process::Output;
use std::time::Duration;

use common::netns::{FAR, GW_LAN, Options, Topology, which};
use common::skip;
use common::wine::WineBox;

/// Why the wine lab tests cannot run here, if they cannot.
fn wine_lab_unavailable() -> Option<String> {
    if let Some(why) = common::netns::unavailable().or_else(common::wine::unavailable) {
        return Some(why);
    }
    ["traceroute", "setpriv"]
        .into_iter()
        .find(|tool| which(tool).is_none())
        .map(|tool| format!("{tool} is not installed (scripts/install-deps installs it)"))
}

/// Hop addresses of `traceroute -n` output, `None` for a silent hop.
fn traceroute_hops(text: &str) -> Vec<Option<IpAddr>> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            words.next()?.parse::<u8>().ok()?;
            Some(words.find_map(|w| w.parse::<IpAddr>().ok()))
        })
        .collect()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", common::stdout(out), common::stderr(out)))
}

#[test]
fn windows_trace_under_wine_finds_the_hops_traceroute_finds() {
    const NAME: &str = "windows_trace_under_wine_finds_the_hops_traceroute_finds";
    if let Some(why) = wine_lab_unavailable() {
        return skip(NAME, &why);
    }
    let lab = Topology::build(Options::default()).expect("lab");
    let expected = traceroute_hops(&common::stdout(
        &lab.sh(&lab.client, &["traceroute", "-n", "-q", "1", FAR]).expect("traceroute"),
    ));
    assert_eq!(expected.len(), 4, "{expected:?}");
    // As root: wine's ICMP API then sees the routers' "time exceeded" (as Windows does for anyone).
    let wine = WineBox::new(None).expect("wine prefix");
    let out = wine.run(Some(&lab.client), &["trace", "-n", "--json", FAR], Duration::from_secs(120)).expect("wine");
    let v = json(&out);
    assert_eq!(v["protocol"], "icmp", "{v:#}");
    assert_eq!(v["reached"], true, "{v:#}");
    let hops: Vec<Option<IpAddr>> =
        v["hops"].as_array().expect("hops").iter().map(|h| h["addr"].as_str().and_then(|a| a.parse().ok())).collect();
    assert_eq!(hops, expected, "deskcheck.exe: {v:#}");
}

#[test]
fn windows_ping_under_wine_as_a_user_goes_through_the_icmp_api() {
    const NAME: &str = "windows_ping_under_wine_as_a_user_goes_through_the_icmp_api";
    if let Some(why) = wine_lab_unavailable() {
        return skip(NAME, &why);
    }
    let lab = Topology::build(Options::default()).expect("lab");
    let wine = WineBox::new(Some("nobody")).expect("wine prefix for nobody");
    let args = ["ping", "--json", "--count", "4", GW_LAN];
    let out = wine.run(Some(&lab.client), &args, Duration::from_secs(120)).expect("wine");
    let v = json(&out);
    assert_eq!(v["method"], "icmp_api", "{v:#}");
    assert_eq!(v["note"], serde_json::Value::Null, "no fallback: {v:#}");
    assert!(v["received"].as_u64().is_some_and(|n| n >= 3), "{v:#}");
}
