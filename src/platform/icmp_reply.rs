//! The Windows ICMP API's answers as pure functions: the `ICMP_ECHO_REPLY` /
//! `ICMPV6_ECHO_REPLY` a request leaves in its reply buffer, and what its `IP_STATUS`
//! code means for a ping or a trace. Compiled on every OS, so the conversions are tested
//! on recorded buffers here and under wine alike; `windows/icmp.rs` checks the layout
//! against windows-sys.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::probe::ReplyKind;

/// `IP_SUCCESS`: an echo reply.
pub const IP_SUCCESS: u32 = 0;
/// `IP_REQ_TIMED_OUT`.
pub const IP_REQ_TIMED_OUT: u32 = 11010;
/// `IP_TTL_EXPIRED_TRANSIT` (IPv6: `IP_HOP_LIMIT_EXCEEDED`, same value).
pub const IP_TTL_EXPIRED_TRANSIT: u32 = 11013;

/// Byte offsets in the 64-bit `ICMP_ECHO_REPLY`: `Address` (IPAddr, network order),
/// `Status`, `RoundTripTime` (ms), `DataSize`, `Reserved` (replies counted, before
/// `IcmpParseReplies`), then the `Data` pointer and the options (pointer-sized fields we
/// never read).
pub const V4_STATUS: usize = 4;
pub const V4_RTT: usize = 8;
pub const V4_DATA_SIZE: usize = 12;
/// Bytes of a 64-bit `ICMP_ECHO_REPLY`.
pub const V4_REPLY_SIZE: usize = 40;

/// Byte offsets in `ICMPV6_ECHO_REPLY`: `Address` is a packed `IPV6_ADDRESS_EX`
/// (`sin6_port`, `sin6_flowinfo`, `sin6_addr` as 8 network-order words, `sin6_scope_id`:
/// 26 bytes), then `Status` and `RoundTripTime` aligned to 4.
pub const V6_ADDR: usize = 6;
pub const V6_STATUS: usize = 28;
pub const V6_RTT: usize = 32;
/// Bytes of `ICMPV6_ECHO_REPLY`.
pub const V6_REPLY_SIZE: usize = 36;

/// One reply as the API reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiReply {
    /// Who answered: the destination, or the router that sent an ICMP error.
    pub from: IpAddr,
    /// The `IP_STATUS` code.
    pub status: u32,
    /// The API's own round trip, whole milliseconds.
    pub rtt_ms: u32,
}

fn u32_at(buf: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(buf.get(at..at + 4)?.try_into().ok()?))
}

/// The first `ICMP_ECHO_REPLY` in a reply buffer; `None` if the buffer is too short.
pub fn parse_echo_reply_v4(buf: &[u8]) -> Option<ApiReply> {
    if buf.len() < V4_REPLY_SIZE {
        return None;
    }
    let octets: [u8; 4] = buf.get(0..4)?.try_into().ok()?;
    Some(ApiReply {
        from: IpAddr::V4(Ipv4Addr::from(octets)),
        status: u32_at(buf, V4_STATUS)?,
        rtt_ms: u32_at(buf, V4_RTT)?,
    })
}

/// The first `ICMPV6_ECHO_REPLY` in a reply buffer; `None` if the buffer is too short.
pub fn parse_echo_reply_v6(buf: &[u8]) -> Option<ApiReply> {
    if buf.len() < V6_REPLY_SIZE {
        return None;
    }
    let octets: [u8; 16] = buf.get(V6_ADDR..V6_ADDR + 16)?.try_into().ok()?;
    Some(ApiReply {
        from: IpAddr::V6(Ipv6Addr::from(octets)),
        status: u32_at(buf, V6_STATUS)?,
        rtt_ms: u32_at(buf, V6_RTT)?,
    })
}

/// What an `IP_STATUS` code means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusMeaning {
    /// A message came back from the network about our request.
    Answer(ReplyKind),
    /// Nothing came back in time.
    TimedOut,
    /// The request failed on this computer; `refused` when the OS would not send it at all.
    Failed { why: String, refused: bool },
}

/// The meaning of an `IP_STATUS` (or the Win32 error the call itself returned) for a
/// request to an IPv4 (`v6 == false`) or IPv6 address. Unreachable codes become the ICMP
/// (ICMPv6) type and code they stand for, so the descriptions are the ones Linux gives.
pub fn status_meaning(v6: bool, status: u32) -> StatusMeaning {
    use StatusMeaning::{Answer, Failed, TimedOut};
    let unreachable = |icmp_type: u8, code: u8| Answer(ReplyKind::Unreachable { icmp_type, code });
    let failed = |why: &str| Failed { why: why.to_string(), refused: false };
    match (v6, status) {
        (_, IP_SUCCESS) => Answer(ReplyKind::Reached),
        (_, IP_TTL_EXPIRED_TRANSIT) => Answer(ReplyKind::TimeExceeded),
        (_, IP_REQ_TIMED_OUT) => TimedOut,
        // IP_DEST_NET_UNREACHABLE / IPv6 IP_DEST_NO_ROUTE.
        (false, 11002) => unreachable(3, 0),
        (true, 11002) => unreachable(1, 0),
        // IP_DEST_HOST_UNREACHABLE / IPv6 IP_DEST_ADDR_UNREACHABLE.
        (false, 11003) => unreachable(3, 1),
        (true, 11003) => unreachable(1, 3),
        // IP_DEST_PROT_UNREACHABLE / IPv6 IP_DEST_PROHIBITED.
        (false, 11004) => unreachable(3, 2),
        (true, 11004) => unreachable(1, 1),
        // IP_DEST_PORT_UNREACHABLE.
        (false, 11005) => unreachable(3, 3),
        (true, 11005) => unreachable(1, 4),
        // IP_PACKET_TOO_BIG: "fragmentation needed" / ICMPv6 "packet too big".
        (false, 11009) => unreachable(3, 4),
        (true, 11009) => unreachable(2, 0),
        // IP_DEST_UNREACHABLE (IPv6, no finer code).
        (_, 11040) => unreachable(if v6 { 1 } else { 3 }, 255),
        (_, 11006) => failed("no resources to send the ICMP request (IP_NO_RESOURCES)"),
        (_, 11007) => failed("bad IP option (IP_BAD_OPTION)"),
        (_, 11008) => failed("hardware error (IP_HW_ERROR)"),
        (_, 11011) => failed("bad request (IP_BAD_REQ)"),
        (_, 11012) => failed("bad route (IP_BAD_ROUTE)"),
        (_, 11014) => failed("fragment reassembly time exceeded (IP_TTL_EXPIRED_REASSEM)"),
        (_, 11015) => failed("parameter problem (IP_PARAM_PROBLEM)"),
        (_, 11016) => failed("source quench (IP_SOURCE_QUENCH)"),
        (_, 11018) => failed("bad destination address (IP_BAD_DESTINATION)"),
        (_, 11032) => failed("IPsec negotiation in progress (IP_NEGOTIATING_IPSEC)"),
        (_, 11050) => failed("general failure (IP_GENERAL_FAILURE): no route, or the request was blocked"),
        // Win32 errors from the call itself: ERROR_ACCESS_DENIED, ERROR_NETWORK_ACCESS_DENIED.
        (_, 5) | (_, 65) => Failed {
            why: format!("Windows refused the ICMP request (error {status}: access denied, a firewall or policy)"),
            refused: true,
        },
        // ERROR_NETWORK_UNREACHABLE, ERROR_HOST_UNREACHABLE: the call found no route.
        (_, 1231) => failed("network is unreachable (no route)"),
        (_, 1232) => failed("host is unreachable (no route)"),
        (_, 11000..=11099) => Failed { why: format!("ICMP request failed (IP_STATUS {status})"), refused: false },
        _ => Failed { why: format!("ICMP request failed (error {status})"), refused: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_mean_what_tracert_and_ping_say() {
        assert_eq!(status_meaning(false, 0), StatusMeaning::Answer(ReplyKind::Reached));
        assert_eq!(status_meaning(false, 11013), StatusMeaning::Answer(ReplyKind::TimeExceeded));
        assert_eq!(status_meaning(true, 11013), StatusMeaning::Answer(ReplyKind::TimeExceeded));
        assert_eq!(status_meaning(false, 11010), StatusMeaning::TimedOut);
        let host = ReplyKind::Unreachable { icmp_type: 3, code: 1 };
        assert_eq!(status_meaning(false, 11003), StatusMeaning::Answer(host));
        let addr6 = ReplyKind::Unreachable { icmp_type: 1, code: 3 };
        assert_eq!(status_meaning(true, 11003), StatusMeaning::Answer(addr6));
        // The same words Linux gives for the same ICMP messages.
        let words = |v6, s| match status_meaning(v6, s) {
            StatusMeaning::Answer(ReplyKind::Unreachable { icmp_type, code }) => {
                crate::net::ping::describe_icmp_error(v6, icmp_type, code)
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(words(false, 11002), "network unreachable");
        assert_eq!(words(false, 11003), "host unreachable");
        assert_eq!(words(true, 11003), "host unreachable");
        assert_eq!(words(false, 11005), "port unreachable");
        assert_eq!(words(true, 11004), "administratively prohibited");
        assert_eq!(words(true, 11009), "packet too big");
        assert!(matches!(status_meaning(false, 5), StatusMeaning::Failed { refused: true, .. }));
        assert!(matches!(status_meaning(false, 11050), StatusMeaning::Failed { refused: false, .. }));
        assert!(matches!(status_meaning(false, 11099), StatusMeaning::Failed { ref why, .. } if why.contains("11099")));
    }

    /// Hex of a reply buffer.
    fn bytes(hex: &str) -> Vec<u8> {
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
    }

    // Reply buffers wine 8's IcmpSendEcho2Ex left in a namespace lab, after
    // IcmpParseReplies (tests/fixtures/windows_icmp/README.md says how they were made).
    const TTL_EXPIRED: &str = "0a090101052b0000030000000000000018fc21000000000040c000000200000018fc210000000000";
    const ECHO_REPLY: &str = "0a09020200000000000000001800000018fc2100000000003f0000000200000018fc210000000000";
    const NET_UNREACHABLE: &str = "0a090101fa2a0000000000000000000018fc21000000000040c000000200000018fc210000000000";
    const TIMED_OUT: &str = "00000000022b00000000000000000000000000000000000000000000000000000000000000000000";

    #[test]
    fn recorded_v4_buffers_give_sender_status_and_time() {
        let router: IpAddr = "10.9.1.1".parse().unwrap();
        let far: IpAddr = "10.9.2.2".parse().unwrap();
        let r = parse_echo_reply_v4(&bytes(TTL_EXPIRED)).unwrap();
        assert_eq!(r, ApiReply { from: router, status: IP_TTL_EXPIRED_TRANSIT, rtt_ms: 3 });
        assert_eq!(status_meaning(false, r.status), StatusMeaning::Answer(ReplyKind::TimeExceeded));
        let r = parse_echo_reply_v4(&bytes(ECHO_REPLY)).unwrap();
        assert_eq!(r, ApiReply { from: far, status: IP_SUCCESS, rtt_ms: 0 });
        assert_eq!(status_meaning(false, r.status), StatusMeaning::Answer(ReplyKind::Reached));
        let r = parse_echo_reply_v4(&bytes(NET_UNREACHABLE)).unwrap();
        assert_eq!((r.from, r.status), (router, 11002));
        let unreachable = ReplyKind::Unreachable { icmp_type: 3, code: 0 };
        assert_eq!(status_meaning(false, r.status), StatusMeaning::Answer(unreachable));
        // A timeout counts no reply; the status is there all the same.
        let r = parse_echo_reply_v4(&bytes(TIMED_OUT)).unwrap();
        assert!(r.from.is_unspecified());
        assert_eq!(status_meaning(false, r.status), StatusMeaning::TimedOut);
    }

    #[test]
    fn v6_buffers_read_the_packed_address() {
        // ICMPV6_ECHO_REPLY: port 0, flowinfo 0, 2001:db8::1, scope 0, pad, status 11013, 7 ms.
        let mut buf = vec![0u8; V6_REPLY_SIZE];
        buf[V6_ADDR..V6_ADDR + 16].copy_from_slice(&"2001:db8::1".parse::<Ipv6Addr>().unwrap().octets());
        buf[V6_STATUS..V6_STATUS + 4].copy_from_slice(&11013u32.to_le_bytes());
        buf[V6_RTT..V6_RTT + 4].copy_from_slice(&7u32.to_le_bytes());
        let r = parse_echo_reply_v6(&buf).unwrap();
        assert_eq!(r, ApiReply { from: "2001:db8::1".parse().unwrap(), status: 11013, rtt_ms: 7 });
    }

    #[test]
    fn short_buffers_are_not_replies() {
        assert_eq!(parse_echo_reply_v4(&[0u8; 39]), None);
        assert_eq!(parse_echo_reply_v6(&[0u8; 35]), None);
    }
}
