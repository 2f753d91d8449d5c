//! `ipconfig getpacket IF`: the last DHCP packet (the ACK) macOS's IPConfiguration agent
//! took its lease from, as `name (type): value` option lines after BOOTP `key = value`
//! lines. A pure parser, so it is fixture-tested on every OS.
//!
//! The packet says how long the lease is but not when it was obtained (its `secs` field is
//! the client's retry time, not the lease's age), so `obtained`, `renew`, `rebind` and
//! `expiry` stay unknown: only the lease length, the server and the options are reported.

use std::net::Ipv4Addr;

use crate::platform::lease::Lease;

/// The DHCP client macOS runs, as the lease's `client`.
const CLIENT: &str = "macOS IPConfiguration";

/// The lease in `ipconfig getpacket IF`'s output; `None` when it holds no address (the
/// interface has no DHCP lease: static, link-local only, or never answered).
pub fn parse_getpacket(text: &str, interface: &str) -> Option<Lease> {
    let mut lease = Lease {
        interface: interface.into(),
        client: CLIENT.into(),
        source: format!("ipconfig getpacket {interface}"),
        ..Lease::default()
    };
    let (mut yiaddr, mut ciaddr) = (None, None);
    for raw in text.lines() {
        let line = raw.trim();
        // Option lines: `server_identifier (ip): 192.168.1.253`.
        if let Some((name, rest)) = line.split_once(" (")
            && let Some((_kind, value)) = rest.split_once("):")
        {
            let value = value.trim();
            match name {
                "server_identifier" => lease.server = value.parse().ok(),
                "subnet_mask" => lease.subnet_mask = value.parse().ok(),
                "router" => lease.routers = ip_list(value),
                "domain_name_server" => lease.dns_servers = ip_list(value),
                "domain_name" => lease.domain = Some(value.to_string()).filter(|d| !d.is_empty()),
                "lease_time" => lease.lease_time_secs = number(value),
                _ => {}
            }
            continue;
        }
        // BOOTP header lines: `yiaddr = 192.168.1.154`.
        if let Some((key, value)) = line.split_once(" = ").or_else(|| line.split_once('=')) {
            let address = value.trim().parse::<Ipv4Addr>().ok().filter(|a| !a.is_unspecified());
            match key.trim() {
                "yiaddr" => yiaddr = address,
                "ciaddr" => ciaddr = address,
                _ => {}
            }
        }
    }
    // yiaddr is the address the server gave; the ACK to a DHCPINFORM (`ipconfig set IF
    // INFORM addr`: a manual address, options from DHCP) has yiaddr 0.0.0.0 and the
    // client's own address in ciaddr (RFC 2131, table 3).
    lease.address = yiaddr.or(ciaddr);
    lease.address.is_some().then_some(lease)
}

/// `{192.168.1.1, 8.8.8.8}` (ip_mult) or a bare address.
fn ip_list(value: &str) -> Vec<Ipv4Addr> {
    value.trim_matches(['{', '}']).split(',').filter_map(|w| w.trim().parse().ok()).collect()
}

/// `0x1c20` (how ipconfig prints uint32 options) or plain decimal.
fn number(value: &str) -> Option<u64> {
    match value.strip_prefix("0x").or_else(|| value.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => value.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_getpacket_output() {
        let text = include_str!("../../../tests/fixtures/macos/ipconfig-getpacket-en0.txt");
        let lease = parse_getpacket(text, "en0").unwrap();
        assert_eq!(lease.interface, "en0");
        assert_eq!(lease.client, "macOS IPConfiguration");
        assert_eq!(lease.source, "ipconfig getpacket en0");
        assert_eq!(lease.address, Some(Ipv4Addr::new(192, 168, 1, 154)));
        assert_eq!(lease.server, Some(Ipv4Addr::new(192, 168, 1, 253)));
        assert_eq!(lease.subnet_mask, Some(Ipv4Addr::new(255, 255, 255, 0)));
        assert_eq!(lease.routers, vec![Ipv4Addr::new(192, 168, 1, 253)]);
        assert_eq!(lease.dns_servers, vec![Ipv4Addr::new(192, 168, 1, 253)]);
        assert_eq!(lease.lease_time_secs, Some(7200), "0x1c20 seconds");
        assert_eq!(lease.domain, None);
        // Not in the packet: when the lease began, so nor when it ends.
        assert_eq!((lease.obtained, lease.expiry, lease.renew), (None, None, None));
    }

    #[test]
    fn several_servers_a_domain_and_an_inform_ack() {
        // The option lines as ipconfig prints them; an ACK to a DHCPINFORM carries the
        // address in ciaddr with yiaddr 0.0.0.0.
        let text = "yiaddr = 0.0.0.0\nciaddr = 172.20.2.108\noptions:\n\
            domain_name_server (ip_mult): {1.1.1.1, 8.8.8.8, 103.8.46.5}\n\
            domain_name (string): corp.example\nlease_time (uint32): 0x93a80\nend (none): \n";
        let lease = parse_getpacket(text, "en1").unwrap();
        assert_eq!(lease.address, Some(Ipv4Addr::new(172, 20, 2, 108)));
        assert_eq!(lease.dns_servers.len(), 3);
        assert_eq!(lease.domain.as_deref(), Some("corp.example"));
        assert_eq!(lease.lease_time_secs, Some(604_800));
    }

    #[test]
    fn no_lease_and_garbage() {
        // What ipconfig prints for an interface without DHCP is nothing at all.
        assert_eq!(parse_getpacket("", "en0"), None);
        assert_eq!(parse_getpacket("yiaddr = 0.0.0.0\nciaddr = 0.0.0.0\n", "en0"), None);
        for text in ["(", "):", " (x): ", "lease_time (uint32): 0xZZ", "router (ip_mult): {", "=\n= =", "\u{0}"] {
            let _ = parse_getpacket(text, "en0");
        }
        assert_eq!(number("0xffffffff"), Some(u64::from(u32::MAX)));
        assert_eq!(number("3600"), Some(3600));
    }
}
