//! UDP port 68 beside Windows' DHCP Client service. Windows has no privileged ports and no
//! SO_BINDTODEVICE: a program shares the port with SO_REUSEADDR where the service's socket
//! allows it (as the dhcptest tool does), and a broadcast OFFER reaches every socket that
//! shares the port. Where Windows refuses the port (a socket opened without sharing by the
//! service's own account: WSAEACCES / WSAEADDRINUSE), the probe is Unsupported with that reason.

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

use crate::platform::dhcp_port::DhcpPortError;

pub fn open(interface: &str) -> Result<UdpSocket, DhcpPortError> {
    let adapters = crate::platform::interfaces();
    let adapter = adapters
        .iter()
        .find(|a| a.name == interface)
        .ok_or_else(|| DhcpPortError::Unsupported(format!("there is no network adapter called {interface}")))?;
    // A limited broadcast leaves through the adapter of the default route; without
    // SO_BINDTODEVICE no other adapter can be chosen, so none other is probed.
    if !adapter.is_default {
        return Err(DhcpPortError::Unsupported(format!(
            "on Windows the DHCP probe can only broadcast through the adapter that carries the default route, and {interface} does not"
        )));
    }
    let io = |op: &'static str| {
        let interface = interface.to_string();
        move |error| DhcpPortError::Io { op, interface, error }
    };
    let sock = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).map_err(io("open a UDP socket"))?;
    sock.set_reuse_address(true).map_err(io("share port 68"))?;
    sock.set_broadcast(true).map_err(io("allow broadcast"))?;
    sock.bind(&SocketAddr::from((Ipv4Addr::UNSPECIFIED, 68)).into()).map_err(|error| match error.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::AddrInUse => DhcpPortError::Unsupported(format!(
            "Windows does not let another program share UDP port 68 with its DHCP Client service here ({error}): \
                 the service holds the port without allowing sharing, and Windows refuses it to a program of another \
                 account, administrator or not. The lease check still shows the DHCP server and the lease."
        )),
        _ => DhcpPortError::Io { op: "listen on port 68", interface: interface.to_string(), error },
    })?;
    sock.set_nonblocking(true).map_err(io("make the socket non-blocking"))?;
    Ok(sock.into())
}
