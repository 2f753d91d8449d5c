//! Network adapters and their DHCP leases, as Windows reports them: pure conversions from
//! plain copies of `GetAdaptersAddresses` (plus `GetAdaptersInfo`'s lease times) into the
//! platform's [`InterfaceInfo`] and [`Lease`]. The raw linked lists are read in `gaa.rs`;
//! everything here is testable on recorded values, which matters because wine cannot show
//! what a real Windows desk reports (lease times, DHCP server, Wi-Fi adapters).

use std::net::{IpAddr, Ipv4Addr};

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::platform::InterfaceInfo;
use crate::platform::lease::Lease;

/// `IF_TYPE_*` values from ipifcons.h that an office desk shows.
const IF_TYPE_ETHERNET: u32 = 6;
const IF_TYPE_PPP: u32 = 23;
const IF_TYPE_LOOPBACK: u32 = 24;
const IF_TYPE_PROP_VIRTUAL: u32 = 53;
const IF_TYPE_IEEE80211: u32 = 71;
const IF_TYPE_TUNNEL: u32 = 131;
const IF_TYPE_WWANPP: u32 = 243;
const IF_TYPE_WWANPP2: u32 = 244;

/// `NL_PREFIX_ORIGIN::IpPrefixOriginDhcp`: the address came from a DHCP server.
const PREFIX_ORIGIN_DHCP: i32 = 3;
/// A lifetime of 0xffffffff means "infinite" (a static address).
const INFINITE_LIFETIME: u32 = u32::MAX;

/// One unicast address of an adapter (`IP_ADAPTER_UNICAST_ADDRESS_LH`).
#[derive(Debug, Clone, PartialEq)]
pub struct RawUnicast {
    pub address: IpAddr,
    pub prefix_len: u8,
    /// `NL_PREFIX_ORIGIN`: manual, well-known, DHCP, router advertisement…
    pub prefix_origin: i32,
    /// Seconds the address stays valid from now (for a DHCP address: until the lease expires).
    pub valid_lifetime_secs: u32,
    pub lease_lifetime_secs: u32,
}

/// One adapter copied out of `IP_ADAPTER_ADDRESSES_LH` (and `IP_ADAPTER_INFO`), as plain values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawAdapter {
    /// The adapter's GUID name, `{4D36E972-…}`: the key that joins the two APIs.
    pub adapter_name: String,
    /// "Wi-Fi", "Ethernet 2": what Settings and `ipconfig` call it.
    pub friendly_name: String,
    /// The driver's description, "Intel(R) Wi-Fi 6 AX201 160MHz".
    pub description: String,
    pub if_type: u32,
    /// `IF_OPER_STATUS`: 1 up, 2 down, 3 testing, 4 unknown, 5 dormant, 6 not present, 7 lower layer down.
    pub oper_status: i32,
    pub mac: Vec<u8>,
    pub mtu: u32,
    /// Bits per second; `u64::MAX` when the driver does not know.
    pub transmit_speed_bps: u64,
    pub receive_speed_bps: u64,
    pub unicast: Vec<RawUnicast>,
    pub gateways: Vec<IpAddr>,
    pub dns_servers: Vec<IpAddr>,
    pub dns_suffix: String,
    /// `IP_ADAPTER_DHCP_ENABLED` in the flags.
    pub dhcp_enabled: bool,
    /// `Dhcpv4Server`: the server that gave the current lease.
    pub dhcpv4_server: Option<Ipv4Addr>,
    /// Route metric of the adapter's IPv4 interface: the lowest carries the default route.
    pub ipv4_metric: u32,
    /// `GetAdaptersInfo`'s `LeaseObtained` / `LeaseExpires` (Unix seconds), where it lists the adapter.
    pub lease_obtained: Option<i64>,
    pub lease_expires: Option<i64>,
}

impl RawAdapter {
    fn is_loopback(&self) -> bool {
        self.if_type == IF_TYPE_LOOPBACK
    }

    fn is_up(&self) -> bool {
        self.oper_status == 1
    }

    fn ipv4_gateways(&self) -> impl Iterator<Item = &IpAddr> {
        self.gateways.iter().filter(|g| g.is_ipv4() && !g.is_unspecified())
    }
}

/// The `IF_OPER_STATUS` in the words the rest of deskcheck uses (those of Linux's operstate,
/// which RFC 2863 gave both systems).
fn oper_state(status: i32) -> &'static str {
    match status {
        1 => "up",
        2 => "down",
        3 => "testing",
        5 => "dormant",
        6 => "notpresent",
        7 => "lowerlayerdown",
        _ => "unknown",
    }
}

/// The interface kind, named as netdev names it on the other systems so views read the same.
fn kind(if_type: u32) -> &'static str {
    match if_type {
        IF_TYPE_ETHERNET => "Ethernet",
        IF_TYPE_IEEE80211 => "Wireless80211",
        IF_TYPE_LOOPBACK => "Loopback",
        IF_TYPE_TUNNEL => "Tunnel",
        IF_TYPE_PPP => "Ppp",
        IF_TYPE_PROP_VIRTUAL => "ProprietaryVirtual",
        IF_TYPE_WWANPP | IF_TYPE_WWANPP2 => "Wwanpp",
        _ => "Unknown",
    }
}

/// Windows lists `fec0:0:0:ffff::1`, `::2` and `::3` as the DNS servers of every IPv6
/// adapter that has none configured: deprecated site-local placeholders that never answer.
fn is_placeholder_dns(addr: &IpAddr) -> bool {
    match addr {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            s[..4] == [0xfec0, 0, 0, 0xffff] && s[4..7] == [0, 0, 0] && (1..=3).contains(&s[7])
        }
        IpAddr::V4(_) => false,
    }
}

fn real_dns(adapter: &RawAdapter) -> Vec<IpAddr> {
    adapter.dns_servers.iter().filter(|a| !is_placeholder_dns(a)).copied().collect()
}

/// `aa:bb:cc:dd:ee:ff`, or None for adapters without a hardware address (loopback, tunnels).
fn mac(bytes: &[u8]) -> Option<String> {
    (bytes.len() == 6 && bytes.iter().any(|b| *b != 0))
        .then(|| bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":"))
}

/// The adapter that carries the IPv4 default route: up, with a gateway, lowest metric.
fn default_adapter(adapters: &[RawAdapter]) -> Option<&str> {
    adapters
        .iter()
        .filter(|a| a.is_up() && !a.is_loopback() && a.ipv4_gateways().next().is_some())
        .min_by_key(|a| a.ipv4_metric)
        .map(|a| a.adapter_name.as_str())
}

/// Every adapter as the platform describes interfaces. `name` is the friendly name: it is
/// unique on a system, it is what the technician sees in Settings and `ipconfig`, and what
/// `netsh` takes; the GUID name means nothing to a person.
///
/// The list is in the order Windows prefers the adapters (IPv4 route metric, loopback last):
/// the network checks take the first connected adapter when none has a gateway, and a
/// Hyper-V or WSL switch (metric 5000) must not stand in for a Wi-Fi adapter whose DHCP
/// failed (metric 25-55 by link speed).
pub fn interfaces_from(adapters: &[RawAdapter]) -> Vec<InterfaceInfo> {
    let default = default_adapter(adapters);
    let mut ordered: Vec<&RawAdapter> = adapters.iter().collect();
    ordered.sort_by_key(|a| (a.is_loopback(), a.ipv4_metric));
    ordered
        .into_iter()
        .map(|a| {
            let name = if a.friendly_name.is_empty() { a.adapter_name.clone() } else { a.friendly_name.clone() };
            let speed = [a.transmit_speed_bps, a.receive_speed_bps].into_iter().find(|s| *s != 0 && *s != u64::MAX);
            let cidr = |v4: bool| {
                a.unicast
                    .iter()
                    .filter(|u| u.address.is_ipv4() == v4)
                    .map(|u| format!("{}/{}", u.address, u.prefix_len))
                    .collect::<Vec<_>>()
            };
            InterfaceInfo {
                name,
                friendly_name: None,
                kind: kind(a.if_type).to_string(),
                state: oper_state(a.oper_status).to_string(),
                is_up: a.is_up(),
                is_loopback: a.is_loopback(),
                mac: mac(&a.mac),
                ipv4: cidr(true),
                ipv6: cidr(false),
                gateway_ipv4: a.ipv4_gateways().copied().collect(),
                gateway_ipv6: a.gateways.iter().filter(|g| g.is_ipv6() && !g.is_unspecified()).copied().collect(),
                dns_servers: if a.is_loopback() { Vec::new() } else { real_dns(a) },
                // The loopback pseudo-interface reports 0xffffffff: no MTU to speak of.
                mtu: (a.mtu != 0 && a.mtu != u32::MAX).then_some(a.mtu),
                speed_bps: speed,
                is_default: default == Some(a.adapter_name.as_str()),
            }
        })
        .collect()
}

/// The DNS servers Windows' resolver asks: those of the connected adapters, the one with
/// the default route first (Windows has no single system list like resolv.conf).
pub fn system_dns_from(adapters: &[RawAdapter]) -> Vec<IpAddr> {
    let mut connected: Vec<&RawAdapter> = adapters.iter().filter(|a| a.is_up() && !a.is_loopback()).collect();
    connected.sort_by_key(|a| (a.ipv4_gateways().next().is_none(), a.ipv4_metric));
    let mut servers: Vec<IpAddr> = Vec::new();
    for a in connected {
        for s in real_dns(a) {
            if !servers.contains(&s) {
                servers.push(s);
            }
        }
    }
    servers
}

fn unix(secs: i64) -> Option<DateTime<Utc>> {
    // 0 and negative values are what GetAdaptersInfo leaves for adapters without a lease.
    (secs > 0).then(|| Utc.timestamp_opt(secs, 0).single()).flatten()
}

/// A /N prefix as a dotted mask: 24 → 255.255.255.0.
fn mask(prefix_len: u8) -> Option<Ipv4Addr> {
    (prefix_len <= 32).then(|| Ipv4Addr::from(u32::MAX.checked_shl(32 - u32::from(prefix_len)).unwrap_or(0)))
}

/// The DHCPv4 lease of each adapter whose IPv4 address came from a DHCP server. A
/// self-assigned 169.254.x.x (APIPA) address is Windows saying that DHCP got no answer: it
/// has no lease, so the lease check reports "no DHCP server answered" as it does on Linux.
pub fn leases_from(adapters: &[RawAdapter], now: DateTime<Utc>) -> Vec<Lease> {
    adapters
        .iter()
        .filter(|a| a.dhcp_enabled && !a.is_loopback())
        .filter_map(|a| {
            let unicast = a.unicast.iter().find(|u| {
                matches!(u.address, IpAddr::V4(v4) if !v4.is_link_local() && !v4.is_unspecified())
                    && u.prefix_origin == PREFIX_ORIGIN_DHCP
            })?;
            let IpAddr::V4(address) = unicast.address else { return None };
            let name = if a.friendly_name.is_empty() { a.adapter_name.clone() } else { a.friendly_name.clone() };
            let (mut obtained, mut expiry) = (a.lease_obtained.and_then(unix), a.lease_expires.and_then(unix));
            // GetAdaptersInfo's absolute times win; without them the address's remaining
            // lifetime still says when the lease ends.
            if expiry.is_none() && unicast.valid_lifetime_secs != INFINITE_LIFETIME {
                expiry = Some(now + Duration::seconds(i64::from(unicast.valid_lifetime_secs)));
            }
            if obtained.is_some_and(|o| expiry.is_some_and(|e| e <= o)) {
                obtained = None;
            }
            let lease_time_secs = match (obtained, expiry) {
                (Some(o), Some(e)) => u64::try_from((e - o).num_seconds()).ok(),
                _ => None,
            };
            let mut lease = Lease {
                interface: name,
                client: "Windows DHCP Client".into(),
                address: Some(address),
                subnet_mask: mask(unicast.prefix_len),
                server: a.dhcpv4_server.filter(|s| !s.is_unspecified() && !s.is_broadcast()),
                routers: a
                    .ipv4_gateways()
                    .filter_map(|g| match g {
                        IpAddr::V4(v4) => Some(*v4),
                        IpAddr::V6(_) => None,
                    })
                    .collect(),
                dns_servers: real_dns(a)
                    .into_iter()
                    .filter_map(|d| match d {
                        IpAddr::V4(v4) => Some(v4),
                        IpAddr::V6(_) => None,
                    })
                    .collect(),
                domain: Some(a.dns_suffix.clone()).filter(|d| !d.is_empty()),
                lease_time_secs,
                obtained,
                renew: None,
                rebind: None,
                expiry,
                source: format!("GetAdaptersAddresses and GetAdaptersInfo ({})", a.adapter_name),
            };
            lease.complete_times();
            Some(lease)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `NL_PREFIX_ORIGIN::IpPrefixOriginWellKnown`: 169.254/16 (APIPA), fe80::/64, loopback.
    const PREFIX_ORIGIN_WELL_KNOWN: i32 = 2;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn unicast(addr: &str, prefix_len: u8, origin: i32, valid: u32) -> RawUnicast {
        RawUnicast {
            address: ip(addr),
            prefix_len,
            prefix_origin: origin,
            valid_lifetime_secs: valid,
            lease_lifetime_secs: valid,
        }
    }

    /// A Windows 11 laptop at an office desk at 2026-11-30 08:12 UTC: the dock's "Ethernet 2"
    /// unplugged, WSL's Hyper-V switch, Wi-Fi on a DHCP lease of 8 days, and the loopback
    /// pseudo-interface, the switch listed before the Wi-Fi (GetAdaptersAddresses promises no
    /// order). The values are those `ipconfig /all` and `Get-NetIPInterface` show on such a
    /// laptop (names, descriptions, metrics, placeholder DNS servers); addresses and MACs are
    /// made up.
    fn windows11_desk() -> Vec<RawAdapter> {
        vec![
            RawAdapter {
                adapter_name: "{6F1D3A52-8B0C-4E7B-9C1A-2D5E8F0A4B17}".into(),
                friendly_name: "Ethernet 2".into(),
                description: "Realtek USB GbE Family Controller".into(),
                if_type: 6,
                oper_status: 2,
                mac: vec![0x00, 0xe0, 0x4c, 0x68, 0x12, 0x9a],
                mtu: 1500,
                transmit_speed_bps: u64::MAX,
                receive_speed_bps: u64::MAX,
                // A disconnected adapter keeps only its tentative link-local IPv6.
                unicast: vec![unicast("fe80::5d1c:3e2b:9a47:1c08", 64, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME)],
                dns_servers: vec![ip("fec0:0:0:ffff::1"), ip("fec0:0:0:ffff::2"), ip("fec0:0:0:ffff::3")],
                dns_suffix: String::new(),
                dhcp_enabled: true,
                ipv4_metric: 25,
                lease_obtained: Some(0),
                lease_expires: Some(0),
                ..RawAdapter::default()
            },
            RawAdapter {
                adapter_name: "{E5B0C2D7-94F1-4A3E-B8C6-0F2D7A1E9C53}".into(),
                friendly_name: "vEthernet (WSL (Hyper-V firewall))".into(),
                description: "Hyper-V Virtual Ethernet Adapter".into(),
                if_type: 6,
                oper_status: 1,
                mac: vec![0x00, 0x15, 0x5d, 0xa4, 0x3b, 0x11],
                mtu: 1500,
                transmit_speed_bps: 10_000_000_000,
                receive_speed_bps: 10_000_000_000,
                unicast: vec![
                    unicast("fe80::b21f:9a3c:4d7e:6f20", 64, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME),
                    unicast("172.23.96.1", 20, 1, INFINITE_LIFETIME),
                ],
                dns_servers: vec![ip("fec0:0:0:ffff::1"), ip("fec0:0:0:ffff::2"), ip("fec0:0:0:ffff::3")],
                ipv4_metric: 5000,
                ..RawAdapter::default()
            },
            RawAdapter {
                adapter_name: "{A3C8E1F4-2B6D-4F90-8E7A-51C2D9B3E640}".into(),
                friendly_name: "Wi-Fi".into(),
                description: "Intel(R) Wi-Fi 6 AX201 160MHz".into(),
                if_type: 71,
                oper_status: 1,
                mac: vec![0x3c, 0x22, 0xfb, 0x8e, 0x41, 0x07],
                mtu: 1500,
                transmit_speed_bps: 866_700_000,
                receive_speed_bps: 866_700_000,
                unicast: vec![
                    unicast("fe80::8c4e:2f1a:77b0:3d21", 64, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME),
                    // Lease obtained 2026-11-27 08:00 UTC for 8 days: 4 days 23:48 left.
                    unicast("10.40.12.87", 22, PREFIX_ORIGIN_DHCP, 431_280),
                ],
                gateways: vec![ip("10.40.12.1")],
                dns_servers: vec![ip("10.40.0.10"), ip("10.40.0.11")],
                dns_suffix: "corp.example".into(),
                dhcp_enabled: true,
                dhcpv4_server: Some("10.40.0.5".parse().unwrap()),
                ipv4_metric: 35,
                lease_obtained: Some(at("2026-11-27T08:00:00Z").timestamp()),
                lease_expires: Some(at("2026-12-05T08:00:00Z").timestamp()),
            },
            RawAdapter {
                adapter_name: "{6A2E3F80-6C1B-11EE-B962-806E6F6E6963}".into(),
                friendly_name: "Loopback Pseudo-Interface 1".into(),
                description: "Software Loopback Interface 1".into(),
                if_type: 24,
                oper_status: 1,
                mtu: u32::MAX,
                transmit_speed_bps: 1_073_741_824,
                receive_speed_bps: 1_073_741_824,
                unicast: vec![
                    unicast("::1", 128, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME),
                    unicast("127.0.0.1", 8, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME),
                ],
                ipv4_metric: 75,
                ..RawAdapter::default()
            },
        ]
    }

    #[test]
    fn a_windows_11_desk_gives_friendly_names_states_and_the_default_adapter() {
        let list = interfaces_from(&windows11_desk());
        let names: Vec<&str> = list.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Ethernet 2", "Wi-Fi", "vEthernet (WSL (Hyper-V firewall))", "Loopback Pseudo-Interface 1"]);

        let eth = &list[0];
        assert_eq!((eth.kind.as_str(), eth.state.as_str(), eth.is_up), ("Ethernet", "down", false));
        assert!(!eth.has_link());
        assert_eq!(eth.link_state_note(), "no carrier (down)");
        assert_eq!(eth.speed_bps, None, "an unplugged adapter's speed is unknown");
        assert!(eth.ipv4.is_empty() && eth.dns_servers.is_empty(), "{eth:?}");

        let wifi = &list[1];
        assert_eq!((wifi.kind.as_str(), wifi.state.as_str()), ("Wireless80211", "up"));
        assert!(wifi.has_link() && wifi.is_default);
        assert_eq!(wifi.ipv4, ["10.40.12.87/22"]);
        assert_eq!(wifi.ipv6, ["fe80::8c4e:2f1a:77b0:3d21/64"]);
        assert_eq!(wifi.gateway_ipv4, [ip("10.40.12.1")]);
        assert_eq!(wifi.dns_servers, [ip("10.40.0.10"), ip("10.40.0.11")]);
        assert_eq!(wifi.mac.as_deref(), Some("3c:22:fb:8e:41:07"));
        assert_eq!((wifi.mtu, wifi.speed_bps), (Some(1500), Some(866_700_000)));
        assert_eq!(wifi.friendly_name, None, "the name already is the friendly name");

        let wsl = &list[2];
        assert!(wsl.has_link() && !wsl.is_default, "{wsl:?}");
        assert!(wsl.gateway_ipv4.is_empty() && wsl.dns_servers.is_empty(), "placeholders dropped: {wsl:?}");

        let lo = &list[3];
        assert!(lo.is_loopback && !lo.has_link() && lo.mac.is_none() && lo.mtu.is_none());
    }

    #[test]
    fn system_dns_servers_are_the_connected_adapters_without_placeholders() {
        assert_eq!(system_dns_from(&windows11_desk()), [ip("10.40.0.10"), ip("10.40.0.11")]);
    }

    #[test]
    fn the_wifi_lease_has_server_times_and_options() {
        let now = at("2026-11-30T08:12:00Z");
        let leases = leases_from(&windows11_desk(), now);
        assert_eq!(leases.len(), 1, "only Wi-Fi got its address by DHCP: {leases:#?}");
        let l = &leases[0];
        assert_eq!(l.interface, "Wi-Fi");
        assert_eq!(l.client, "Windows DHCP Client");
        assert_eq!(l.address, Some("10.40.12.87".parse().unwrap()));
        assert_eq!(l.subnet_mask, Some("255.255.252.0".parse().unwrap()));
        assert_eq!(l.server, Some("10.40.0.5".parse().unwrap()));
        assert_eq!(l.routers, ["10.40.12.1".parse::<Ipv4Addr>().unwrap()]);
        assert_eq!(l.dns_servers.len(), 2);
        assert_eq!(l.domain.as_deref(), Some("corp.example"));
        assert_eq!(l.obtained, Some(at("2026-11-27T08:00:00Z")));
        assert_eq!(l.expiry, Some(at("2026-12-05T08:00:00Z")));
        assert_eq!(l.lease_time_secs, Some(8 * 86_400));
        // RFC 2131 defaults, as Windows uses them: renew at half, rebind at 7/8.
        assert_eq!(l.renew, Some(at("2026-12-01T08:00:00Z")));
        assert_eq!(l.rebind, Some(at("2026-12-04T08:00:00Z")));
        assert_eq!(l.remaining_secs(now), Some(4 * 86_400 + 23 * 3600 + 48 * 60));
    }

    #[test]
    fn without_getadaptersinfo_times_the_address_lifetime_gives_the_expiry() {
        let mut desk = windows11_desk();
        desk[2].lease_obtained = None;
        desk[2].lease_expires = None;
        let now = at("2026-11-30T08:12:00Z");
        let l = &leases_from(&desk, now)[0];
        assert_eq!(l.expiry, Some(at("2026-12-05T08:00:00Z")));
        assert_eq!((l.obtained, l.lease_time_secs), (None, None));
    }

    /// DHCP got no answer: Windows gives itself 169.254.x.x (APIPA) and keeps a DHCP server
    /// of 255.255.255.255 with nonsense lease times in GetAdaptersInfo.
    #[test]
    fn apipa_means_no_lease_and_no_gateway() {
        let mut desk = windows11_desk();
        let wifi = &mut desk[2];
        wifi.unicast = vec![
            unicast("fe80::8c4e:2f1a:77b0:3d21", 64, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME),
            unicast("169.254.201.34", 16, PREFIX_ORIGIN_WELL_KNOWN, INFINITE_LIFETIME),
        ];
        wifi.gateways.clear();
        wifi.dhcpv4_server = Some(Ipv4Addr::BROADCAST);
        wifi.lease_obtained = Some(at("2026-11-30T08:10:00Z").timestamp());
        wifi.lease_expires = Some(at("2038-01-19T03:14:07Z").timestamp());
        assert!(leases_from(&desk, at("2026-11-30T08:12:00Z")).is_empty());
        let list = interfaces_from(&desk);
        let wifi = list.iter().find(|i| i.name == "Wi-Fi").unwrap();
        assert!(wifi.has_link() && !wifi.is_default);
        assert_eq!(wifi.ipv4, ["169.254.201.34/16"]);
        // No adapter has a gateway now: the first connected one with an address speaks for the
        // address layer, and that must be the Wi-Fi, not WSL's always-up virtual switch.
        let first = list.iter().find(|i| i.has_link() && !i.ipv4.is_empty()).unwrap();
        assert_eq!(first.name, "Wi-Fi");
    }

    #[test]
    fn a_static_address_has_no_lease() {
        let mut desk = windows11_desk();
        desk[2].dhcp_enabled = false;
        desk[2].unicast[1].prefix_origin = 1;
        assert!(leases_from(&desk, at("2026-11-30T08:12:00Z")).is_empty());
    }

    #[test]
    fn odd_values_never_panic() {
        let odd = RawAdapter {
            if_type: 9999,
            oper_status: -3,
            mac: vec![1, 2, 3],
            dhcp_enabled: true,
            unicast: vec![unicast("10.0.0.2", 200, PREFIX_ORIGIN_DHCP, 0)],
            lease_obtained: Some(i64::MAX),
            lease_expires: Some(i64::MIN),
            ..RawAdapter::default()
        };
        let list = interfaces_from(std::slice::from_ref(&odd));
        assert_eq!((list[0].kind.as_str(), list[0].state.as_str(), list[0].mac.clone()), ("Unknown", "unknown", None));
        let leases = leases_from(&[odd], at("2026-11-30T08:12:00Z"));
        assert_eq!(leases[0].subnet_mask, None);
    }
}
