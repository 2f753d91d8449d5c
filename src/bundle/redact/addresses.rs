//! Finding network addresses in free text for strict redaction: MACs (colon, dash, Cisco
//! dot notation, and 12 bare hex digits inside interface names like `enx3c22fb123456` or
//! after a MAC label), IPv4 and IPv6, each with its byte span, without mistaking versions ("6.1.0-18", "0.37.0", OIDs),
//! times ("12:34:56") or Rust paths ("Outcome::Completed") for addresses.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

use regex::Regex;

use super::regex;

static IPV4: LazyLock<Regex> = LazyLock::new(|| regex(r"\d{1,3}(?:\.\d{1,3}){3}"));
// Runs of characters an IPv6 address is made of; `ipv6_in` finds the address inside.
static IPV6_RUN: LazyLock<Regex> = LazyLock::new(|| regex(r"[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
static MAC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b[0-9a-f]{2}(?:[:\-][0-9a-f]{2}){5}\b|\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b"));

// systemd's predictable names that embed the MAC: enx… (Ethernet), wlx… (Wi-Fi).
static IFACE_MAC: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(?:enx|wlx)(?P<m>[0-9a-f]{12})\b"));
// Twelve bare hex digits where a label says they are a MAC.
static LABELLED_MAC: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)\b(?:mac[_ -]?address|hardware[_ -]?address|hwaddr|lladdr|bssid|link/ether|ether|mac)["']?[ \t]*[:=]?[ \t]*["']?(?P<m>[0-9a-f]{12})\b"#,
    )
});

/// An address found in text, in canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Address {
    /// Lower case, colon-separated.
    Mac(String),
    Ip4(Ipv4Addr),
    Ip6(Ipv6Addr),
}

impl Address {
    /// Whether the address points at a site, a machine or a person. Loopback, "any",
    /// netmasks and broadcast, multicast, and all-zero or group MACs identify no one.
    pub(super) fn identifies(&self) -> bool {
        match self {
            Address::Mac(mac) => {
                mac != "00:00:00:00:00:00"
                    && u8::from_str_radix(mac.get(..2).unwrap_or("01"), 16).is_ok_and(|o| o & 1 == 0)
            }
            Address::Ip4(a) => {
                let o = a.octets();
                !(o[0] == 127 || o[0] == 0 || o[0] == 255 || a.is_multicast())
            }
            Address::Ip6(a) => !(a.is_loopback() || a.is_unspecified() || a.is_multicast()),
        }
    }
}

/// Every address in `s` as (start, end, address); spans may overlap (a MAC inside an IPv6
/// address): the caller picks the leftmost, then the longest.
pub(super) fn addresses_in(s: &str) -> Vec<(usize, usize, Address)> {
    let mut found: Vec<(usize, usize, Address)> =
        MAC.find_iter(s).map(|m| (m.start(), m.end(), Address::Mac(canonical_mac(m.as_str())))).collect();
    for re in [&*IFACE_MAC, &*LABELLED_MAC] {
        found.extend(
            re.captures_iter(s)
                .filter_map(|c| c.name("m"))
                .map(|m| (m.start(), m.end(), Address::Mac(canonical_mac(m.as_str())))),
        );
    }
    found.extend(ipv4_in(s).into_iter().map(|(a, b, ip)| (a, b, Address::Ip4(ip))));
    found.extend(ipv6_in(s).into_iter().map(|(a, b, ip)| (a, b, Address::Ip6(ip))));
    found
}

pub(super) fn canonical_mac(s: &str) -> String {
    let hex: String = s.chars().filter(char::is_ascii_hexdigit).collect::<String>().to_lowercase();
    hex.as_bytes().chunks(2).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(":")
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Dotted quads that stand alone: not part of a longer dotted number (OIDs, 4-part
/// versions like 1.2.3.4.5) or glued to a word ("v1.2.3.4").
fn ipv4_in(s: &str) -> Vec<(usize, usize, Ipv4Addr)> {
    let mut found = Vec::new();
    for m in IPV4.find_iter(s) {
        let before = s[..m.start()].chars().next_back();
        let mut after = s[m.end()..].chars();
        let next = after.next();
        if before.is_some_and(|c| is_word(c) || c == '.') || next.is_some_and(is_word) {
            continue;
        }
        if next == Some('.') && after.next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let octets: Vec<u16> = m.as_str().split('.').filter_map(|p| p.parse().ok()).collect();
        if let [a, b, c, d] = octets[..]
            && let (Ok(a), Ok(b), Ok(c), Ok(d)) = (u8::try_from(a), u8::try_from(b), u8::try_from(c), u8::try_from(d))
        {
            found.push((m.start(), m.end(), Ipv4Addr::new(a, b, c, d)));
        }
    }
    found
}

/// IPv6 addresses: inside each run of `[0-9a-f:.]`, the leftmost longest piece that parses,
/// starts after a non-word character (or a `:` of the run) and ends before one. Times
/// ("12:34:56"), MACs and Rust paths ("Outcome::Completed") never parse or never fit.
fn ipv6_in(s: &str) -> Vec<(usize, usize, Ipv6Addr)> {
    const MAX_LEN: usize = 45;
    let mut found = Vec::new();
    for run in IPV6_RUN.find_iter(s) {
        let (run_start, run_end) = (run.start(), run.end());
        let mut start = run_start;
        while start < run_end {
            let starts_ok = s[..start].chars().next_back().is_none_or(|c| !is_word(c));
            let mut hit = None;
            if starts_ok {
                let mut end = run_end.min(start + MAX_LEN);
                while end > start + 2 {
                    let piece = &s[start..end];
                    let ends_ok = s[end..].chars().next().is_none_or(|c| !is_word(c));
                    if ends_ok
                        && piece.matches(':').count() >= 2
                        && let Ok(addr) = piece.parse::<Ipv6Addr>()
                    {
                        hit = Some((end, addr));
                        break;
                    }
                    end -= 1;
                }
            }
            match hit {
                Some((end, addr)) => {
                    found.push((start, end, addr));
                    start = end;
                }
                None => start += 1,
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<String> {
        let mut all = addresses_in(s);
        all.sort_by_key(|a| a.0);
        all.into_iter().map(|(a, b, _)| s[a..b].to_string()).collect()
    }

    #[test]
    fn finds_addresses_where_they_usually_stand() {
        assert_eq!(found("inet 192.168.1.23/24 brd 192.168.1.255"), ["192.168.1.23", "192.168.1.255"]);
        assert_eq!(
            found("dns=10.0.0.1, 10.0.0.2:53 (10.0.0.3). end 10.0.0.4."),
            ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]
        );
        assert_eq!(found("range 10.1.2.5-10.1.2.6"), ["10.1.2.5", "10.1.2.6"]);
        assert_eq!(found("[2001:db8::5]:443 fe80::1%eth0 addr:fe80::2"), ["2001:db8::5", "fe80::1", "fe80::2"]);
        assert_eq!(found("ipv6:2001:db8::6. ::ffff:10.9.9.9"), ["2001:db8::6", "::ffff:10.9.9.9", "10.9.9.9"]);
        assert_eq!(
            found("ether 3c:22:fb:12:34:56 or 3C-22-FB-12-34-56 or 3c22.fb12.3456"),
            ["3c:22:fb:12:34:56", "3C-22-FB-12-34-56", "3c22.fb12.3456"]
        );
    }

    #[test]
    fn macs_inside_interface_names_and_after_labels() {
        assert_eq!(
            found("enx3c22fb123456 up; wlx0013eff10203; HWaddr=3c22fb654321; \"mac\": \"3C22FB000001\""),
            ["3c22fb123456", "0013eff10203", "3c22fb654321", "3C22FB000001"]
        );
        // Hashes and ids are twelve hex digits too, but nothing says they are MACs.
        assert_eq!(found("commit 3c22fb123456, id deadbeef0001, enx12"), Vec::<String>::new());
    }

    #[test]
    fn versions_times_and_paths_are_not_addresses() {
        for text in [
            "kernel 6.1.0-18-amd64, egui 0.37.0, build 10.0.19045.3803, 1.2.3.4.5",
            "oid 1.3.6.1.2.1.25.3.2.1.5, v1.2.3.4, ver1.2.3.4",
            "at 2026-11-23T22:53:07.123Z took 12:34:56.789",
            "Outcome::Completed std::io::Error Foo::Bar::baz",
            "256.1.1.1 1.2.3.999 aa:bb:cc:dd:ee 12:34 a:b:c",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn what_identifies_no_one() {
        let keep = |s: &str| addresses_in(s).iter().all(|(_, _, a)| !a.identifies());
        assert!(keep("127.0.0.1 127.1.2.3 0.0.0.0 255.255.255.0 255.255.255.255 224.0.0.251 239.1.2.3"));
        assert!(keep("::1 :: ff02::fb 00:00:00:00:00:00 ff:ff:ff:ff:ff:ff 01:00:5e:00:00:fb 33:33:00:00:00:01"));
        let all_identify = |s: &str| addresses_in(s).iter().all(|(_, _, a)| a.identifies());
        assert!(all_identify("10.0.0.1 169.254.3.4 8.8.8.8 fe80::1 2001:db8::1 3c:22:fb:12:34:56"));
    }
}
