//! Probe packets and the answers to them, as pure functions over bytes: the ICMP echo
//! request we send, and what a raw ICMP socket hands back (echo replies, and "time
//! exceeded"/"unreachable" errors quoting our request).

use std::net::IpAddr;

use pnet_packet::Packet;
use pnet_packet::icmp::{IcmpPacket, IcmpTypes, checksum, echo_request::MutableEchoRequestPacket};
use pnet_packet::icmpv6::{Icmpv6Types, echo_request::MutableEchoRequestPacket as MutableEchoRequestV6};
use pnet_packet::ip::IpNextHeaderProtocols;
use pnet_packet::ipv4::Ipv4Packet;

use crate::platform::probe::ReplyKind;

const ECHO_HEADER: usize = 8;
const IPV6_HEADER: usize = 40;

/// An ICMP(v6) echo request. On datagram sockets the kernel sets the identifier and the
/// checksum; on raw IPv4 sockets we compute the checksum (raw ICMPv6 sockets compute it).
pub(super) fn echo_request(v6: bool, ident: u16, seq: u16, payload: &[u8], with_checksum: bool) -> Vec<u8> {
    let mut buf = vec![0u8; ECHO_HEADER + payload.len()];
    if v6 {
        if let Some(mut p) = MutableEchoRequestV6::new(&mut buf) {
            p.set_icmpv6_type(Icmpv6Types::EchoRequest);
            p.set_identifier(ident);
            p.set_sequence_number(seq);
            p.set_payload(payload);
        }
    } else if let Some(mut p) = MutableEchoRequestPacket::new(&mut buf) {
        p.set_icmp_type(IcmpTypes::EchoRequest);
        p.set_identifier(ident);
        p.set_sequence_number(seq);
        p.set_payload(payload);
        if with_checksum && let Some(whole) = IcmpPacket::new(p.packet()) {
            let sum = checksum(&whole);
            p.set_checksum(sum);
        }
    }
    buf
}

/// (identifier, sequence) of an echo header at the start of `b` with the given type.
fn echo_ids(b: &[u8], echo_type: u8) -> Option<(u16, u16)> {
    (b.len() >= ECHO_HEADER && b[0] == echo_type)
        .then(|| (u16::from_be_bytes([b[4], b[5]]), u16::from_be_bytes([b[6], b[7]])))
}

/// Sequence number of a quoted echo header in an ICMP error (whose first 8 bytes are the
/// error's own header), for our identifier; `None` if the error is about someone else.
pub(super) fn quoted_echo_seq_v4(error: &[u8], ident: u16) -> Option<u16> {
    let inner = error.get(ECHO_HEADER..)?;
    let ip = Ipv4Packet::new(inner)?;
    if ip.get_version() != 4 || ip.get_next_level_protocol() != IpNextHeaderProtocols::Icmp {
        return None;
    }
    // Slice by the header length, not the quoted total length: routers quote a prefix only.
    let quoted = inner.get(usize::from(ip.get_header_length()) * 4..)?;
    let (id, seq) = echo_ids(quoted, IcmpTypes::EchoRequest.0)?;
    (id == ident).then_some(seq)
}

/// A packet from a raw IPv4 ICMP socket (IP header included): our echo reply or an
/// error about our request, as (seq, sender, kind).
pub(super) fn parse_raw_v4(packet: &[u8], ident: u16) -> Option<(u16, IpAddr, ReplyKind)> {
    let ip = Ipv4Packet::new(packet)?;
    let from = IpAddr::V4(ip.get_source());
    let icmp = packet.get(usize::from(ip.get_header_length()) * 4..)?;
    let (&icmp_type, &code) = (icmp.first()?, icmp.get(1)?);
    match icmp_type {
        0 => {
            let (id, seq) = echo_ids(icmp, 0)?;
            (id == ident).then_some((seq, from, ReplyKind::Reached))
        }
        11 if code == 0 => Some((quoted_echo_seq_v4(icmp, ident)?, from, ReplyKind::TimeExceeded)),
        3 => Some((quoted_echo_seq_v4(icmp, ident)?, from, ReplyKind::Unreachable { icmp_type, code })),
        _ => None,
    }
}

/// A message from a raw ICMPv6 socket (no IP header; the sender comes from recvfrom).
pub(super) fn parse_raw_v6(icmp: &[u8], from: IpAddr, ident: u16) -> Option<(u16, IpAddr, ReplyKind)> {
    let (&icmp_type, &code) = (icmp.first()?, icmp.get(1)?);
    let kind = match icmp_type {
        129 => {
            let (id, seq) = echo_ids(icmp, 129)?;
            return (id == ident).then_some((seq, from, ReplyKind::Reached));
        }
        3 if code == 0 => ReplyKind::TimeExceeded,
        1 => ReplyKind::Unreachable { icmp_type, code },
        _ => return None,
    };
    // Error header (8), then the quoted IPv6 header; extension headers are not followed.
    let inner = icmp.get(ECHO_HEADER..)?;
    if inner.len() < IPV6_HEADER || inner[0] >> 4 != 6 || inner[6] != IpNextHeaderProtocols::Icmpv6.0 {
        return None;
    }
    let (id, seq) = echo_ids(&inner[IPV6_HEADER..], 128)?;
    (id == ident).then_some((seq, from, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An IPv4 header (20 bytes, no options) from `src` to `dst` carrying `proto`.
    fn ipv4_header(src: [u8; 4], dst: [u8; 4], proto: u8, total: u16) -> Vec<u8> {
        let mut h = vec![0x45, 0, 0, 0, 0, 0, 0, 0, 64, proto, 0, 0];
        h[2..4].copy_from_slice(&total.to_be_bytes());
        h.extend_from_slice(&src);
        h.extend_from_slice(&dst);
        h
    }

    #[test]
    fn echo_request_v4_has_a_valid_checksum() {
        let p = echo_request(false, 0x1234, 7, b"abcd", true);
        assert_eq!(&p[..2], &[8, 0]);
        assert_eq!(&p[4..8], &[0x12, 0x34, 0, 7]);
        // The one's-complement sum over a packet with a correct checksum is all ones.
        let mut sum: u32 = p.chunks(2).map(|c| u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))).sum();
        while sum > 0xffff {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        assert_eq!(sum, 0xffff);
        let v6 = echo_request(true, 1, 2, b"", false);
        assert_eq!(v6, vec![128, 0, 0, 0, 0, 1, 0, 2]);
    }

    #[test]
    fn raw_v4_echo_reply_matches_our_identifier_only() {
        let mut pkt = ipv4_header([198, 51, 100, 10], [10, 77, 1, 100], 1, 28);
        pkt.extend_from_slice(&[0, 0, 0, 0, 0x12, 0x34, 0, 9]);
        let from: IpAddr = "198.51.100.10".parse().unwrap();
        assert_eq!(parse_raw_v4(&pkt, 0x1234), Some((9, from, ReplyKind::Reached)));
        assert_eq!(parse_raw_v4(&pkt, 0x9999), None);
    }

    #[test]
    fn raw_v4_time_exceeded_quotes_our_request() {
        let mut pkt = ipv4_header([10, 77, 2, 2], [10, 77, 1, 100], 1, 56);
        pkt.extend_from_slice(&[11, 0, 0, 0, 0, 0, 0, 0]);
        // The quoted request, with an IP option to prove the header length is honoured.
        let mut quoted = ipv4_header([10, 77, 1, 100], [198, 51, 100, 10], 1, 84);
        quoted[0] = 0x46;
        quoted.extend_from_slice(&[1, 1, 1, 1]);
        pkt.extend_from_slice(&quoted);
        pkt.extend_from_slice(&[8, 0, 0xab, 0xcd, 0x12, 0x34, 0x01, 0x02]);
        let from: IpAddr = "10.77.2.2".parse().unwrap();
        assert_eq!(parse_raw_v4(&pkt, 0x1234), Some((0x0102, from, ReplyKind::TimeExceeded)));
        // Unreachable carries its code; a foreign identifier is not ours.
        pkt[20] = 3;
        pkt[21] = 1;
        assert_eq!(parse_raw_v4(&pkt, 0x1234), Some((0x0102, from, ReplyKind::Unreachable { icmp_type: 3, code: 1 })));
        assert_eq!(parse_raw_v4(&pkt, 0x4321), None);
        // Truncated quotes are ignored, not misread.
        assert_eq!(parse_raw_v4(&pkt[..pkt.len() - 3], 0x1234), None);
        // Our own outgoing echo request, seen on loopback, is not an answer.
        let mut req = ipv4_header([127, 0, 0, 1], [127, 0, 0, 1], 1, 28);
        req.extend_from_slice(&[8, 0, 0, 0, 0x12, 0x34, 0, 1]);
        assert_eq!(parse_raw_v4(&req, 0x1234), None);
    }

    #[test]
    fn raw_v6_reply_and_time_exceeded() {
        let from: IpAddr = "2001:db8::1".parse().unwrap();
        let reply = [129, 0, 0, 0, 0x12, 0x34, 0, 5];
        assert_eq!(parse_raw_v6(&reply, from, 0x1234), Some((5, from, ReplyKind::Reached)));
        let mut te = vec![3, 0, 0, 0, 0, 0, 0, 0];
        let mut ip6 = vec![0u8; 40];
        ip6[0] = 0x60;
        ip6[6] = 58;
        te.extend_from_slice(&ip6);
        te.extend_from_slice(&[128, 0, 0, 0, 0x12, 0x34, 0, 6]);
        assert_eq!(parse_raw_v6(&te, from, 0x1234), Some((6, from, ReplyKind::TimeExceeded)));
        te[48 + 4] = 0;
        assert_eq!(parse_raw_v6(&te, from, 0x1234), None);
        assert_eq!(parse_raw_v6(&[128, 0, 0, 0, 0x12, 0x34, 0, 1], from, 0x1234), None);
    }
}
