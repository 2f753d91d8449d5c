//! What macOS's unprivileged ICMP sockets send and hand back, as pure functions over bytes
//! (fixture-tested on every OS).
//!
//! XNU implements `socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)` as a raw socket without the
//! root check (`icmp_dgram_attach` in bsd/netinet/ip_icmp.c, apple-oss-distributions/xnu
//! e3723e1f17661b24996789d8afc084c0c3303b26), so unlike Linux's ping sockets:
//! - the kernel neither sets the echo identifier nor the checksum: we set both, as Apple's
//!   ping does (ping.tproj/ping.c in network_cmds 97e27e6244c16d399bfeb254315ddc5828711c56);
//! - every ICMP packet the host receives is delivered to every such socket (`rip_input`),
//!   IPv4 ones with their IP header: echo replies to other programs too, and the "time
//!   exceeded"/"unreachable" errors that quote our probes. Our identifier (echo probes) or
//!   our source port (UDP probes) picks out ours;
//! - the IPv4 header is delivered as `ip_input` left it: `ip_len` in host byte order with
//!   the header length subtracted, and a quoted header's `ip_len` byte-swapped by
//!   `icmp_input`. Lengths are therefore taken from the header-length nibble and the
//!   bytes received, never from `ip_len`.
//!
//! ICMPv6 datagram sockets (`icmp6_dgram_attach`, bsd/netinet6/icmp6.c) likewise see all
//! ICMPv6 (the filter passes all), without the IPv6 header; the kernel fills in the
//! ICMPv6 checksum, but not the identifier.

use std::net::{IpAddr, Ipv4Addr};

const ECHO_HEADER: usize = 8;
const IPV4_MIN_HEADER: usize = 20;
const IPV6_HEADER: usize = 40;
const PROTO_ICMP: u8 = 1;
const PROTO_TCP: u8 = 6;
const PROTO_UDP: u8 = 17;
const PROTO_ICMPV6: u8 = 58;

/// Which of our probes an answer can be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probes {
    /// Echo requests with this identifier; the sequence number is the probe's.
    Echo { ident: u16 },
    /// UDP datagrams from `src_port` to `first_port + seq`.
    Udp { src_port: u16, first_port: u16 },
    /// TCP connection attempts to `dst_port`, each from its own socket: an answer's `seq`
    /// is then the quoted source port, which the caller maps back to its probe.
    Tcp { dst_port: u16 },
}

/// What an ICMP message says about one of our probes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// The probe's sequence number (for [`Probes::Tcp`], its socket's local port).
    pub seq: u16,
    /// Who sent it: the router or the destination.
    pub from: IpAddr,
    pub kind: AnswerKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// The TTL ran out at `from` ("time exceeded in transit").
    TimeExceeded,
    /// The destination answered: an echo reply, or "port unreachable" for a UDP probe.
    Reached,
    /// Any other "destination unreachable", with its type and code.
    Unreachable { icmp_type: u8, code: u8 },
}

/// An ICMP(v6) echo request with our identifier. IPv4 needs its checksum from us; for
/// ICMPv6 the kernel computes it over the pseudo-header, so it stays 0.
pub fn echo_request(v6: bool, ident: u16, seq: u16, payload: &[u8]) -> Vec<u8> {
    let mut packet = Vec::with_capacity(ECHO_HEADER + payload.len());
    packet.extend_from_slice(&[if v6 { 128 } else { 8 }, 0, 0, 0]);
    packet.extend_from_slice(&ident.to_be_bytes());
    packet.extend_from_slice(&seq.to_be_bytes());
    packet.extend_from_slice(payload);
    if !v6 {
        let sum = internet_checksum(&packet);
        packet[2..4].copy_from_slice(&sum.to_be_bytes());
    }
    packet
}

/// RFC 1071 one's-complement sum.
fn internet_checksum(bytes: &[u8]) -> u16 {
    let mut sum: u32 = bytes.chunks(2).map(|c| u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))).sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// A packet read from a macOS ICMPv4 socket (IP header included), as an answer to one
/// of `probes`; `None` for anything else (other programs' traffic, our own requests on
/// loopback, redirects…).
pub fn parse_v4(packet: &[u8], probes: Probes) -> Option<Answer> {
    let header = ipv4_header_len(packet)?;
    if packet[9] != PROTO_ICMP {
        return None;
    }
    let from = IpAddr::V4(Ipv4Addr::new(packet[12], packet[13], packet[14], packet[15]));
    let icmp = packet.get(header..)?;
    let (&icmp_type, &code) = (icmp.first()?, icmp.get(1)?);
    match icmp_type {
        0 => {
            let Probes::Echo { ident } = probes else { return None };
            let (id, seq) = echo_ids(icmp)?;
            (id == ident).then_some(Answer { seq, from, kind: AnswerKind::Reached })
        }
        11 if code == 0 => Some(Answer { seq: quoted_seq_v4(icmp, probes)?, from, kind: AnswerKind::TimeExceeded }),
        3 => {
            let seq = quoted_seq_v4(icmp, probes)?;
            let reached = matches!(probes, Probes::Udp { .. }) && code == 3;
            let kind = if reached { AnswerKind::Reached } else { AnswerKind::Unreachable { icmp_type, code } };
            Some(Answer { seq, from, kind })
        }
        _ => None,
    }
}

/// A message read from a macOS ICMPv6 socket (no IP header; `from` is recvfrom's sender).
pub fn parse_v6(icmp: &[u8], from: IpAddr, probes: Probes) -> Option<Answer> {
    let (&icmp_type, &code) = (icmp.first()?, icmp.get(1)?);
    let kind = match icmp_type {
        129 => {
            let Probes::Echo { ident } = probes else { return None };
            let (id, seq) = echo_ids(icmp)?;
            return (id == ident).then_some(Answer { seq, from, kind: AnswerKind::Reached });
        }
        3 if code == 0 => AnswerKind::TimeExceeded,
        1 if code == 4 && matches!(probes, Probes::Udp { .. }) => AnswerKind::Reached,
        1 => AnswerKind::Unreachable { icmp_type, code },
        _ => return None,
    };
    // Error header (8), then the quoted IPv6 header; extension headers are not followed.
    let inner = icmp.get(ECHO_HEADER..)?;
    if inner.len() < IPV6_HEADER || inner[0] >> 4 != 6 {
        return None;
    }
    let seq = quoted_transport_seq(inner[6], &inner[IPV6_HEADER..], probes, true)?;
    Some(Answer { seq, from, kind })
}

/// The header length of an IPv4 packet at the start of `b`, if it is one and is complete.
fn ipv4_header_len(b: &[u8]) -> Option<usize> {
    let first = *b.first()?;
    let len = usize::from(first & 0x0f) * 4;
    (first >> 4 == 4 && len >= IPV4_MIN_HEADER && b.len() >= len).then_some(len)
}

/// (identifier, sequence) of an echo request or reply header.
fn echo_ids(b: &[u8]) -> Option<(u16, u16)> {
    (b.len() >= ECHO_HEADER).then(|| (u16::from_be_bytes([b[4], b[5]]), u16::from_be_bytes([b[6], b[7]])))
}

/// The probe an IPv4 ICMP error (its own 8-byte header first) quotes.
fn quoted_seq_v4(error: &[u8], probes: Probes) -> Option<u16> {
    let inner = error.get(ECHO_HEADER..)?;
    let header = ipv4_header_len(inner)?;
    quoted_transport_seq(inner[9], &inner[header..], probes, false)
}

/// Which probe the quoted transport header (after the quoted IP header) belongs to.
fn quoted_transport_seq(protocol: u8, quoted: &[u8], probes: Probes, v6: bool) -> Option<u16> {
    match probes {
        Probes::Echo { ident } => {
            let (request_type, proto) = if v6 { (128, PROTO_ICMPV6) } else { (8, PROTO_ICMP) };
            if protocol != proto || *quoted.first()? != request_type {
                return None;
            }
            let (id, seq) = echo_ids(quoted)?;
            (id == ident).then_some(seq)
        }
        // Routers quote at least 8 bytes of the transport header: both ports come first.
        Probes::Udp { src_port, first_port } => {
            let (src, dst) = quoted_ports(protocol, PROTO_UDP, quoted)?;
            (src == src_port).then_some(dst.checked_sub(first_port)?)
        }
        Probes::Tcp { dst_port } => {
            let (src, dst) = quoted_ports(protocol, PROTO_TCP, quoted)?;
            (dst == dst_port).then_some(src)
        }
    }
}

/// (source, destination) port of a quoted UDP or TCP header of the `want` protocol.
fn quoted_ports(protocol: u8, want: u8, quoted: &[u8]) -> Option<(u16, u16)> {
    (protocol == want && quoted.len() >= 8)
        .then(|| (u16::from_be_bytes([quoted[0], quoted[1]]), u16::from_be_bytes([quoted[2], quoted[3]])))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real answers, from tests/fixtures/macos/icmp-answers.txt: (label, sender, bytes).
    fn recorded() -> Vec<(String, IpAddr, Vec<u8>)> {
        include_str!("../../../tests/fixtures/macos/icmp-answers.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut words = l.split_whitespace();
                let label = words.next().unwrap().to_string();
                let from = words.next().unwrap().parse().unwrap();
                let hex = words.next().unwrap();
                let bytes =
                    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
                (label, from, bytes)
            })
            .collect()
    }

    fn answer(label: &str) -> (IpAddr, Vec<u8>) {
        let (_, from, bytes) = recorded().into_iter().find(|(l, _, _)| l == label).unwrap();
        (from, bytes)
    }

    /// The packet as XNU hands it to the socket: `ip_len` in host order (little-endian on
    /// every Mac) minus the header, and the quoted header's `ip_len` byte-swapped.
    fn as_xnu_delivers(mut packet: Vec<u8>) -> Vec<u8> {
        let header = usize::from(packet[0] & 0x0f) * 4;
        let total = u16::from_be_bytes([packet[2], packet[3]]);
        packet[2..4].copy_from_slice(&(total - header as u16).to_le_bytes());
        if packet[header] != 0 {
            let quoted = header + ECHO_HEADER;
            let len = u16::from_be_bytes([packet[quoted + 2], packet[quoted + 3]]);
            packet[quoted + 2..quoted + 4].copy_from_slice(&len.to_le_bytes());
        }
        packet
    }

    const ECHO: Probes = Probes::Echo { ident: 0x4d43 };
    const UDP: Probes = Probes::Udp { src_port: 47001, first_port: 33434 };
    const TCP: Probes = Probes::Tcp { dst_port: 443 };

    #[test]
    fn echo_request_has_our_identifier_and_a_valid_checksum() {
        let p = echo_request(false, 0x4d43, 0x0101, b"deskcheck traceroute\0\0\0\0");
        // Byte for byte the request the router quoted back in the recorded answer.
        let (_, te) = answer("v4-echo-time-exceeded");
        assert_eq!(p, te[48..].to_vec());
        assert_eq!(internet_checksum(&p), 0, "a packet with a correct checksum sums to zero");
        assert_eq!(echo_request(true, 1, 2, b""), vec![128, 0, 0, 0, 0, 1, 0, 2]);
    }

    #[test]
    fn recorded_v4_answers_to_echo_probes() {
        let router: IpAddr = "10.77.1.1".parse().unwrap();
        let far: IpAddr = "10.77.2.2".parse().unwrap();
        for form in [|p: Vec<u8>| p, as_xnu_delivers] {
            let (_, te) = answer("v4-echo-time-exceeded");
            let want = Answer { seq: 0x0101, from: router, kind: AnswerKind::TimeExceeded };
            assert_eq!(parse_v4(&form(te.clone()), ECHO), Some(want));
            let (_, reply) = answer("v4-echo-reply");
            let want = Answer { seq: 0x0102, from: far, kind: AnswerKind::Reached };
            assert_eq!(parse_v4(&form(reply.clone()), ECHO), Some(want));
            // Someone else's ping (another identifier) and UDP-probe matching ignore them.
            assert_eq!(parse_v4(&form(te.clone()), Probes::Echo { ident: 0x1234 }), None);
            assert_eq!(parse_v4(&form(reply), UDP), None);
            assert_eq!(parse_v4(&form(te), UDP), None);
        }
    }

    #[test]
    fn recorded_v4_answers_to_udp_probes() {
        for form in [|p: Vec<u8>| p, as_xnu_delivers] {
            let (from, te) = answer("v4-udp-time-exceeded");
            let want = Answer { seq: 5, from, kind: AnswerKind::TimeExceeded };
            assert_eq!(parse_v4(&form(te.clone()), UDP), Some(want));
            let (from, unreachable) = answer("v4-udp-port-unreachable");
            let want = Answer { seq: 5, from, kind: AnswerKind::Reached };
            assert_eq!(parse_v4(&form(unreachable.clone()), UDP), Some(want));
            // Another program's UDP (another source port) is not ours.
            assert_eq!(parse_v4(&form(te), Probes::Udp { src_port: 47002, first_port: 33434 }), None);
            // Host unreachable is an answer, but not "reached".
            let mut host = form(unreachable);
            host[21] = 1;
            let kind = parse_v4(&host, UDP).map(|a| a.kind);
            assert_eq!(kind, Some(AnswerKind::Unreachable { icmp_type: 3, code: 1 }));
        }
    }

    #[test]
    fn recorded_v4_answer_to_a_tcp_probe_names_its_source_port() {
        for form in [|p: Vec<u8>| p, as_xnu_delivers] {
            let (from, te) = answer("v4-tcp-time-exceeded");
            let want = Answer { seq: 47011, from, kind: AnswerKind::TimeExceeded };
            assert_eq!(parse_v4(&form(te.clone()), TCP), Some(want));
            assert_eq!(parse_v4(&form(te.clone()), Probes::Tcp { dst_port: 80 }), None, "another port's probe");
            assert_eq!(parse_v4(&form(te.clone()), UDP), None);
            assert_eq!(parse_v4(&form(te), ECHO), None);
            // Echo replies and UDP errors are not about TCP probes.
            let (_, reply) = answer("v4-echo-reply");
            assert_eq!(parse_v4(&form(reply), TCP), None);
            let (_, udp) = answer("v4-udp-time-exceeded");
            assert_eq!(parse_v4(&form(udp), TCP), None);
        }
    }

    #[test]
    fn recorded_v6_answers() {
        let (from, te) = answer("v6-echo-time-exceeded");
        assert_eq!(parse_v6(&te, from, ECHO), Some(Answer { seq: 0x0201, from, kind: AnswerKind::TimeExceeded }));
        let (from, reply) = answer("v6-echo-reply");
        assert_eq!(parse_v6(&reply, from, ECHO), Some(Answer { seq: 0x0202, from, kind: AnswerKind::Reached }));
        assert_eq!(parse_v6(&reply, from, Probes::Echo { ident: 7 }), None);
        assert_eq!(parse_v6(&te, from, UDP), None);
        // Our own echo request (seen on loopback) is not an answer.
        assert_eq!(parse_v6(&echo_request(true, 0x4d43, 1, b""), from, ECHO), None);
    }

    #[test]
    fn truncated_and_foreign_packets_are_ignored() {
        for (_, from, bytes) in recorded() {
            for cut in 0..bytes.len() {
                let _ = parse_v4(&bytes[..cut], ECHO);
                let _ = parse_v4(&bytes[..cut], UDP);
                let _ = parse_v6(&bytes[..cut], from, ECHO);
                let _ = parse_v6(&bytes[..cut], from, UDP);
            }
        }
        // A time-exceeded cut inside the quoted echo header tells nothing.
        let (_, te) = answer("v4-echo-time-exceeded");
        assert_eq!(parse_v4(&te[..te.len() - 26], ECHO), None);
        // Our own request on loopback, and a header length past the end, are not answers.
        let (_, reply) = answer("v4-echo-reply");
        let mut request = reply.clone();
        request[20] = 8;
        assert_eq!(parse_v4(&request, ECHO), None);
        let mut long_header = reply;
        long_header[0] = 0x4f;
        long_header.truncate(40);
        assert_eq!(parse_v4(&long_header, ECHO), None);
    }
}
