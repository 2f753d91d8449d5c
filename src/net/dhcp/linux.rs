//! Linux: a UDP socket on 0.0.0.0:68 bound to one interface, able to broadcast.

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};

use socket2::{Domain, Protocol, Socket, Type};

use super::DhcpProbeError;

pub fn open_socket(interface: &str) -> Result<UdpSocket, DhcpProbeError> {
    let io = |op: &'static str| {
        let interface = interface.to_string();
        move |error: std::io::Error| match error.kind() {
            std::io::ErrorKind::PermissionDenied => DhcpProbeError::NeedsRoot,
            _ => DhcpProbeError::Io { op, interface, error },
        }
    };
    let sock = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP)).map_err(io("open a UDP socket"))?;
    // A running DHCP client may hold port 68 too; broadcasts reach every socket that shares it.
    sock.set_reuse_address(true).map_err(io("share port 68"))?;
    sock.set_reuse_port(true).map_err(io("share port 68"))?;
    sock.set_broadcast(true).map_err(io("allow broadcast"))?;
    sock.bind_device(Some(interface.as_bytes())).map_err(io("bind to the interface"))?;
    sock.bind(&SocketAddr::from((Ipv4Addr::UNSPECIFIED, 68)).into()).map_err(io("listen on port 68"))?;
    sock.set_nonblocking(true).map_err(io("make the socket non-blocking"))?;
    Ok(sock.into())
}
