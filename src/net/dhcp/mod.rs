//! Active DHCP probe: broadcast a DISCOVER without ever taking a lease (no REQUEST is
//! sent) and list every server that answers with an OFFER during the listening window.
//! More than one server on a LAN is the classic rogue-DHCP fault.

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use dhcproto::v4::{self, DhcpOption, MessageType, OptionCode};
use dhcproto::{Decodable, Encodable};
use serde::{Deserialize, Serialize};

use crate::platform::{self, dhcp_port::DhcpPortError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DhcpOffer {
    pub server_id: Option<Ipv4Addr>,
    /// Where the OFFER came from (a relay's address when relayed).
    pub source: IpAddr,
    pub offered: Ipv4Addr,
    pub subnet_mask: Option<Ipv4Addr>,
    pub routers: Vec<Ipv4Addr>,
    pub dns_servers: Vec<Ipv4Addr>,
    pub domain: Option<String>,
    pub lease_time_secs: Option<u32>,
    pub received_after_ms: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum DhcpProbeError {
    #[error("the DHCP probe needs administrator rights (root) to use port 68 on a chosen interface")]
    NeedsRoot,
    #[error("there is no network interface called {0}")]
    NoSuchInterface(String),
    #[error("{0}")]
    Unsupported(String),
    #[error("DHCP probe: could not {op} on {interface}: {error}")]
    Io { op: &'static str, interface: String, error: std::io::Error },
}

impl From<DhcpPortError> for DhcpProbeError {
    fn from(err: DhcpPortError) -> Self {
        match err {
            DhcpPortError::NeedsAdmin => DhcpProbeError::NeedsRoot,
            DhcpPortError::Unsupported(why) => DhcpProbeError::Unsupported(why),
            DhcpPortError::Io { op, interface, error } => DhcpProbeError::Io { op, interface, error },
        }
    }
}

/// `aa:bb:cc:dd:ee:ff` as bytes; None for anything else.
fn mac_octets(text: &str) -> Option<[u8; 6]> {
    let mut out = [0u8; 6];
    let mut parts = text.split([':', '-']);
    for byte in &mut out {
        *byte = u8::from_str_radix(parts.next()?, 16).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// A DISCOVER for `mac` with transaction id `xid`, asking for the broadcast of replies.
pub fn build_discover(xid: u32, mac: [u8; 6]) -> Vec<u8> {
    let mut msg = v4::Message::default();
    msg.set_opcode(v4::Opcode::BootRequest)
        .set_htype(v4::HType::Eth)
        .set_xid(xid)
        .set_flags(v4::Flags::default().set_broadcast())
        .set_chaddr(&mac);
    let opts = msg.opts_mut();
    opts.insert(DhcpOption::MessageType(MessageType::Discover));
    opts.insert(DhcpOption::ParameterRequestList(vec![
        OptionCode::SubnetMask,
        OptionCode::Router,
        OptionCode::DomainNameServer,
        OptionCode::DomainName,
        OptionCode::AddressLeaseTime,
        OptionCode::ServerIdentifier,
    ]));
    // Encoding our own well-formed message cannot fail; an empty packet would simply get no offers.
    msg.to_vec().unwrap_or_default()
}

/// An OFFER for our `xid`, or None for anything else (other clients' traffic, garbage).
pub fn parse_offer(bytes: &[u8], xid: u32, source: IpAddr, received_after: Duration) -> Option<DhcpOffer> {
    let msg = v4::Message::from_bytes(bytes).ok()?;
    if msg.xid() != xid || msg.opcode() != v4::Opcode::BootReply || msg.opts().msg_type() != Some(MessageType::Offer) {
        return None;
    }
    let opts = msg.opts();
    let ip = |code| match opts.get(code) {
        Some(DhcpOption::ServerIdentifier(a)) | Some(DhcpOption::SubnetMask(a)) => Some(*a),
        _ => None,
    };
    let list = |code| match opts.get(code) {
        Some(DhcpOption::Router(v)) | Some(DhcpOption::DomainNameServer(v)) => v.clone(),
        _ => Vec::new(),
    };
    Some(DhcpOffer {
        server_id: ip(OptionCode::ServerIdentifier),
        source,
        offered: msg.yiaddr(),
        subnet_mask: ip(OptionCode::SubnetMask),
        routers: list(OptionCode::Router),
        dns_servers: list(OptionCode::DomainNameServer),
        domain: match opts.get(OptionCode::DomainName) {
            Some(DhcpOption::DomainName(d)) => Some(d.clone()),
            _ => None,
        },
        lease_time_secs: match opts.get(OptionCode::AddressLeaseTime) {
            Some(DhcpOption::AddressLeaseTime(t)) => Some(*t),
            _ => None,
        },
        received_after_ms: received_after.as_millis() as u64,
    })
}

fn random_xid() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    h.finish() as u32
}

/// Broadcast one DISCOVER on `interface` and collect every OFFER for `listen`
/// (dnsmasq pings a candidate address for ~3 s before it offers, so 4 s is a good window).
/// One entry per server, first offer wins.
pub async fn discover(interface: &str, listen: Duration) -> Result<Vec<DhcpOffer>, DhcpProbeError> {
    // The platform's names: Windows calls adapters by their friendly name ("Wi-Fi").
    let mac = platform::interfaces()
        .into_iter()
        .find(|i| i.name == interface)
        .ok_or_else(|| DhcpProbeError::NoSuchInterface(interface.into()))?
        .mac
        .and_then(|m| mac_octets(&m))
        .unwrap_or([0x02, 0, 0, 0, 0, 1]);
    let socket = platform::dhcp_port::open(interface)?;
    let socket = tokio::net::UdpSocket::from_std(socket).map_err(|error| DhcpProbeError::Io {
        op: "register the socket",
        interface: interface.into(),
        error,
    })?;
    let xid = random_xid();
    let packet = build_discover(xid, mac);
    socket.send_to(&packet, (Ipv4Addr::BROADCAST, 67)).await.map_err(|error| DhcpProbeError::Io {
        op: "broadcast a DHCP DISCOVER",
        interface: interface.into(),
        error,
    })?;
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + listen;
    let mut offers: Vec<DhcpOffer> = Vec::new();
    let mut buf = vec![0u8; 1500];
    loop {
        match tokio::time::timeout_at(deadline, socket.recv_from(&mut buf)).await {
            Err(_) => break,
            Ok(Err(error)) => {
                return Err(DhcpProbeError::Io { op: "receive DHCP offers", interface: interface.into(), error });
            }
            Ok(Ok((n, from))) => {
                if let Some(offer) = parse_offer(&buf[..n], xid, from.ip(), started.elapsed()) {
                    let key = offer.server_id.map(IpAddr::V4).unwrap_or(offer.source);
                    if !offers.iter().any(|o| o.server_id.map(IpAddr::V4).unwrap_or(o.source) == key) {
                        offers.push(offer);
                    }
                }
            }
        }
    }
    Ok(offers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer_bytes(xid: u32, server: [u8; 4], yiaddr: [u8; 4]) -> Vec<u8> {
        let mut msg = v4::Message::default();
        msg.set_opcode(v4::Opcode::BootReply).set_xid(xid).set_yiaddr(Ipv4Addr::from(yiaddr));
        let o = msg.opts_mut();
        o.insert(DhcpOption::MessageType(MessageType::Offer));
        o.insert(DhcpOption::ServerIdentifier(server.into()));
        o.insert(DhcpOption::Router(vec![server.into()]));
        o.insert(DhcpOption::DomainNameServer(vec![server.into(), [9, 9, 9, 9].into()]));
        o.insert(DhcpOption::AddressLeaseTime(3600));
        o.insert(DhcpOption::SubnetMask([255, 255, 255, 0].into()));
        o.insert(DhcpOption::DomainName("office.test".into()));
        msg.to_vec().unwrap()
    }

    #[test]
    fn discover_round_trips() {
        let bytes = build_discover(0xdead_beef, [2, 0, 0, 0, 0, 7]);
        let msg = v4::Message::from_bytes(&bytes).unwrap();
        assert_eq!(msg.xid(), 0xdead_beef);
        assert_eq!(msg.opts().msg_type(), Some(MessageType::Discover));
        assert!(msg.flags().broadcast());
        assert_eq!(&msg.chaddr()[..6], &[2, 0, 0, 0, 0, 7]);
    }

    #[test]
    fn offers_are_parsed_and_others_ignored() {
        let src = IpAddr::from([10, 77, 1, 1]);
        let o = parse_offer(&offer_bytes(7, [10, 77, 1, 1], [10, 77, 1, 120]), 7, src, Duration::from_millis(3100))
            .unwrap();
        assert_eq!(o.server_id, Some([10, 77, 1, 1].into()));
        assert_eq!(o.offered, Ipv4Addr::from([10, 77, 1, 120]));
        assert_eq!(o.dns_servers.len(), 2);
        assert_eq!(
            (o.lease_time_secs, o.domain.as_deref(), o.received_after_ms),
            (Some(3600), Some("office.test"), 3100)
        );
        assert!(parse_offer(&offer_bytes(8, [10, 77, 1, 1], [10, 77, 1, 120]), 7, src, Duration::ZERO).is_none());
        assert!(parse_offer(&build_discover(7, [0; 6]), 7, src, Duration::ZERO).is_none());
    }

    #[test]
    fn mac_text_to_octets() {
        assert_eq!(mac_octets("3c:22:fb:8e:41:07"), Some([0x3c, 0x22, 0xfb, 0x8e, 0x41, 0x07]));
        assert_eq!(mac_octets("3C-22-FB-8E-41-07"), Some([0x3c, 0x22, 0xfb, 0x8e, 0x41, 0x07]));
        for bad in ["", "3c:22:fb:8e:41", "3c:22:fb:8e:41:07:09", "zz:22:fb:8e:41:07"] {
            assert_eq!(mac_octets(bad), None, "{bad}");
        }
    }

    #[test]
    fn garbage_never_panics() {
        let good = offer_bytes(7, [10, 0, 0, 1], [10, 0, 0, 2]);
        for i in 0..good.len() {
            let mut b = good.clone();
            b[i] ^= 0xff;
            let _ = parse_offer(&b, 7, IpAddr::from([1, 1, 1, 1]), Duration::ZERO);
            let _ = parse_offer(&good[..i], 7, IpAddr::from([1, 1, 1, 1]), Duration::ZERO);
        }
    }
}
