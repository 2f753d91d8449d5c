//! DHCP lease files and dumps, parsed by pure functions (fixture-tested, fuzzable).
//! Formats: ISC dhclient `.leases`, systemd-networkd (and NetworkManager's internal
//! client, same format) lease files, NetworkManager `nmcli -t` DHCP4 options, and
//! `dhcpcd -U` variable dumps.

use std::net::Ipv4Addr;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// One DHCPv4 lease as the client recorded it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    pub interface: String,
    /// Which DHCP client recorded it: dhclient, systemd-networkd, NetworkManager, dhcpcd.
    pub client: String,
    pub address: Option<Ipv4Addr>,
    pub subnet_mask: Option<Ipv4Addr>,
    pub server: Option<Ipv4Addr>,
    pub routers: Vec<Ipv4Addr>,
    pub dns_servers: Vec<Ipv4Addr>,
    pub domain: Option<String>,
    pub lease_time_secs: Option<u64>,
    pub obtained: Option<DateTime<Utc>>,
    pub renew: Option<DateTime<Utc>>,
    pub rebind: Option<DateTime<Utc>>,
    pub expiry: Option<DateTime<Utc>>,
    /// Where it was read from (a file path or a command).
    pub source: String,
}

impl Lease {
    /// Seconds until expiry (negative once expired).
    pub fn remaining_secs(&self, now: DateTime<Utc>) -> Option<i64> {
        self.expiry.map(|e| (e - now).num_seconds())
    }

    /// Fill whichever of obtained / renew / rebind / expiry can be derived from the others,
    /// with the RFC 2131 defaults T1 = 50 %, T2 = 87.5 % of the lease time.
    pub(crate) fn complete_times(&mut self) {
        let Some(lt) = self.lease_time_secs.map(|s| Duration::seconds(s as i64)) else { return };
        if self.obtained.is_none() {
            self.obtained = self.expiry.map(|e| e - lt);
        }
        if let Some(start) = self.obtained {
            self.expiry.get_or_insert(start + lt);
            self.renew.get_or_insert(start + lt / 2);
            self.rebind.get_or_insert(start + lt * 7 / 8);
        }
    }
}

fn ips(text: &str) -> Vec<Ipv4Addr> {
    text.split([' ', ',', ';']).filter_map(|w| w.trim().parse().ok()).collect()
}

/// ISC dhclient lease file: several `lease { … }` blocks, oldest first. Returns the newest
/// lease per interface (the last block wins).
pub fn parse_dhclient(text: &str, source: &str) -> Vec<Lease> {
    let mut leases: Vec<Lease> = Vec::new();
    let mut current: Option<Lease> = None;
    for raw in text.lines() {
        let line = raw.trim().trim_end_matches(';').trim();
        if line.starts_with("lease") && line.ends_with('{') {
            current = Some(Lease { client: "dhclient".into(), source: source.into(), ..Lease::default() });
            continue;
        }
        let Some(lease) = current.as_mut() else { continue };
        if line == "}" {
            if let Some(mut done) = current.take() {
                done.complete_times();
                leases.retain(|l| l.interface != done.interface);
                leases.push(done);
            }
            continue;
        }
        let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        match key {
            "interface" => lease.interface = rest.trim_matches('"').to_string(),
            "fixed-address" => lease.address = rest.parse().ok(),
            "renew" => lease.renew = parse_dhclient_time(rest),
            "rebind" => lease.rebind = parse_dhclient_time(rest),
            "expire" => lease.expiry = parse_dhclient_time(rest),
            "option" => {
                let (name, value) = rest.split_once(' ').unwrap_or((rest, ""));
                let value = value.trim();
                match name {
                    "subnet-mask" => lease.subnet_mask = value.parse().ok(),
                    "routers" => lease.routers = ips(value),
                    "domain-name-servers" => lease.dns_servers = ips(value),
                    "dhcp-server-identifier" => lease.server = value.parse().ok(),
                    "dhcp-lease-time" => lease.lease_time_secs = value.parse().ok(),
                    "domain-name" => lease.domain = Some(value.trim_matches('"').to_string()),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    leases
}

/// `2 2026/11/24 10:11:12` (weekday, UTC) or `epoch 1732443072; # …`; `never` gives None.
fn parse_dhclient_time(text: &str) -> Option<DateTime<Utc>> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    if first == "epoch" {
        let secs: i64 = words.next()?.parse().ok()?;
        return Utc.timestamp_opt(secs, 0).single();
    }
    let date = words.next()?;
    let time = words.next()?;
    let naive = NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y/%m/%d %H:%M:%S").ok()?;
    Some(Utc.from_utc_datetime(&naive))
}

/// systemd-networkd lease file (`/run/systemd/netif/leases/<ifindex>`), also the format of
/// NetworkManager's internal client. Times in it are relative, so the file's modification
/// time stands for the moment the lease was obtained.
pub fn parse_networkd(text: &str, interface: &str, obtained: Option<DateTime<Utc>>, source: &str) -> Lease {
    let mut lease = Lease {
        interface: interface.into(),
        client: "systemd-networkd".into(),
        source: source.into(),
        obtained,
        ..Lease::default()
    };
    let (mut t1, mut t2) = (None, None);
    for line in text.lines() {
        let Some((key, value)) = line.split_once('=') else { continue };
        let value = value.trim();
        match key.trim() {
            "ADDRESS" => lease.address = value.parse().ok(),
            "NETMASK" => lease.subnet_mask = value.parse().ok(),
            "ROUTER" => lease.routers = ips(value),
            "SERVER_ADDRESS" => lease.server = value.parse().ok(),
            "DNS" => lease.dns_servers = ips(value),
            "DOMAINNAME" => lease.domain = Some(value.to_string()),
            "LIFETIME" => lease.lease_time_secs = value.parse().ok(),
            "T1" => t1 = value.parse::<i64>().ok(),
            "T2" => t2 = value.parse::<i64>().ok(),
            _ => {}
        }
    }
    if let Some(start) = lease.obtained {
        lease.renew = t1.map(|s| start + Duration::seconds(s));
        lease.rebind = t2.map(|s| start + Duration::seconds(s));
    }
    lease.complete_times();
    lease
}

/// Options as `key = value` (nmcli's `DHCP4.OPTION[n]:key = value`) or `key='value'`
/// (`dhcpcd -U`): both use the dhcpcd/NetworkManager option names.
fn parse_option_pairs(text: &str, client: &str, interface: &str, source: &str) -> Lease {
    let mut lease =
        Lease { interface: interface.into(), client: client.into(), source: source.into(), ..Lease::default() };
    let (mut t1, mut t2, mut expiry) = (None, None, None);
    for line in text.lines() {
        let line = line.split_once(':').filter(|(k, _)| k.starts_with("DHCP4.OPTION")).map_or(line, |(_, rest)| rest);
        let Some((key, value)) = line.split_once('=') else { continue };
        let value = value.trim().trim_matches('\'').trim_matches('"');
        match key.trim() {
            "ip_address" => lease.address = value.parse().ok(),
            "subnet_mask" => lease.subnet_mask = value.parse().ok(),
            "routers" => lease.routers = ips(value),
            "domain_name_servers" => lease.dns_servers = ips(value),
            "dhcp_server_identifier" => lease.server = value.parse().ok(),
            "domain_name" => lease.domain = Some(value.to_string()),
            "dhcp_lease_time" => lease.lease_time_secs = value.parse().ok(),
            "dhcp_renewal_time" => t1 = value.parse::<i64>().ok(),
            "dhcp_rebinding_time" => t2 = value.parse::<i64>().ok(),
            "expiry" => expiry = value.parse::<i64>().ok().and_then(|s| Utc.timestamp_opt(s, 0).single()),
            _ => {}
        }
    }
    lease.expiry = expiry;
    if let (Some(e), Some(lt)) = (expiry, lease.lease_time_secs) {
        let start = e - Duration::seconds(lt as i64);
        lease.obtained = Some(start);
        lease.renew = t1.map(|s| start + Duration::seconds(s));
        lease.rebind = t2.map(|s| start + Duration::seconds(s));
    }
    lease.complete_times();
    lease
}

/// `nmcli -t -f DHCP4 device show IFACE`.
pub fn parse_nmcli_dhcp4(text: &str, interface: &str) -> Option<Lease> {
    let source = format!("nmcli -t -f DHCP4 device show {interface}");
    let lease = parse_option_pairs(text, "NetworkManager", interface, &source);
    lease.address.is_some().then_some(lease)
}

/// `dhcpcd -U IFACE`. dhcpcd's dump has no absolute times, so `obtained` is the lease
/// file's modification time when known.
pub fn parse_dhcpcd_dump(text: &str, interface: &str, obtained: Option<DateTime<Utc>>) -> Option<Lease> {
    let source = format!("dhcpcd -U {interface}");
    let mut lease = parse_option_pairs(text, "dhcpcd", interface, &source);
    if lease.obtained.is_none() {
        lease.obtained = obtained;
        lease.complete_times();
    }
    lease.address.is_some().then_some(lease)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn dhclient_newest_lease_per_interface() {
        let text = include_str!("../../tests/fixtures/leases/dhclient.eth0.leases");
        let leases = parse_dhclient(text, "/var/lib/dhcp/dhclient.eth0.leases");
        assert_eq!(leases.len(), 2);
        let eth0 = leases.iter().find(|l| l.interface == "eth0").unwrap();
        assert_eq!(eth0.address, Some("192.168.50.23".parse().unwrap()));
        assert_eq!(eth0.server, Some("192.168.50.1".parse().unwrap()));
        assert_eq!(eth0.routers, vec!["192.168.50.1".parse::<Ipv4Addr>().unwrap()]);
        assert_eq!(eth0.dns_servers.len(), 2);
        assert_eq!(eth0.domain.as_deref(), Some("office.example"));
        assert_eq!(eth0.lease_time_secs, Some(86400));
        assert_eq!(eth0.expiry, Some(at("2026-11-24T22:00:00Z")));
        assert_eq!(eth0.obtained, Some(at("2026-11-23T22:00:00Z")));
        assert_eq!(eth0.renew, Some(at("2026-11-24T09:12:31Z")));
        assert_eq!(eth0.remaining_secs(at("2026-11-24T21:00:00Z")), Some(3600));
    }

    #[test]
    fn networkd_times_are_relative_to_the_file() {
        let text = include_str!("../../tests/fixtures/leases/networkd.lease");
        let lease = parse_networkd(text, "enp3s0", Some(at("2026-11-23T08:00:00Z")), "/run/systemd/netif/leases/2");
        assert_eq!(lease.address, Some("10.20.30.40".parse().unwrap()));
        assert_eq!(lease.server, Some("10.20.30.1".parse().unwrap()));
        assert_eq!(lease.dns_servers, vec!["10.20.0.53".parse::<Ipv4Addr>().unwrap(), "10.20.0.54".parse().unwrap()]);
        assert_eq!(lease.renew, Some(at("2026-11-23T10:00:00Z")));
        assert_eq!(lease.rebind, Some(at("2026-11-23T11:30:00Z")));
        assert_eq!(lease.expiry, Some(at("2026-11-23T12:00:00Z")));
        assert_eq!(lease.domain.as_deref(), Some("corp.example"));
    }

    #[test]
    fn nmcli_dhcp4_options() {
        let text = include_str!("../../tests/fixtures/leases/nmcli-dhcp4.txt");
        let lease = parse_nmcli_dhcp4(text, "wlp2s0").unwrap();
        assert_eq!(lease.client, "NetworkManager");
        assert_eq!(lease.address, Some("172.16.5.77".parse().unwrap()));
        assert_eq!(lease.server, Some("172.16.5.1".parse().unwrap()));
        assert_eq!(lease.expiry, Some(at("2026-11-24T00:00:00Z")));
        assert_eq!(lease.obtained, Some(at("2026-11-23T22:00:00Z")));
        assert_eq!(lease.renew, Some(at("2026-11-23T23:00:00Z")));
        assert_eq!(lease.domain.as_deref(), Some("home.example"));
        assert!(parse_nmcli_dhcp4("", "wlp2s0").is_none());
    }

    #[test]
    fn dhcpcd_dump() {
        let text = include_str!("../../tests/fixtures/leases/dhcpcd-U.txt");
        let lease = parse_dhcpcd_dump(text, "eth0", Some(at("2026-11-23T06:00:00Z"))).unwrap();
        assert_eq!(lease.address, Some("192.168.1.50".parse().unwrap()));
        assert_eq!(lease.routers, vec!["192.168.1.1".parse::<Ipv4Addr>().unwrap()]);
        assert_eq!(lease.expiry, Some(at("2026-11-23T18:00:00Z")));
        assert_eq!(lease.renew, Some(at("2026-11-23T12:00:00Z")));
    }

    #[test]
    fn garbage_never_panics() {
        for text in ["lease {", "}", "lease {\n renew 2 2026/13/45 99:99:99;\n}", "option", "\u{0}\u{ffff}=", "A=B=C"] {
            let _ = parse_dhclient(text, "x");
            let _ = parse_networkd(text, "x", None, "x");
            let _ = parse_nmcli_dhcp4(text, "x");
            let _ = parse_dhcpcd_dump(text, "x", None);
        }
    }
}
