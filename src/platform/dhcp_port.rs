//! The DHCP client port (UDP 68) for the active DHCP probe. Who may use it beside the OS's
//! own DHCP client differs per OS, so the socket is opened here and `net::dhcp` stays free
//! of `cfg`.

use std::net::UdpSocket;

#[derive(Debug, thiserror::Error)]
pub enum DhcpPortError {
    #[error("the DHCP probe needs administrator rights (root) to use port 68 on a chosen interface")]
    NeedsAdmin,
    /// Not possible on this OS (or this adapter), in plain words.
    #[error("{0}")]
    Unsupported(String),
    #[error("DHCP probe: could not {op} on {interface}: {error}")]
    Io { op: &'static str, interface: String, error: std::io::Error },
}

/// A non-blocking UDP socket on port 68 that can broadcast a DISCOVER out of `interface` and
/// hear the OFFERs broadcast back.
pub fn open(interface: &str) -> Result<UdpSocket, DhcpPortError> {
    os_open(interface)
}

/// Linux: bound to the one interface (SO_BINDTODEVICE, root or CAP_NET_RAW), sharing the
/// port with a running dhclient or NetworkManager.
#[cfg(target_os = "linux")]
fn os_open(interface: &str) -> Result<UdpSocket, DhcpPortError> {
    use socket2::{Domain, Protocol, Socket, Type};
    use std::net::{Ipv4Addr, SocketAddr};
    let io = |op: &'static str| {
        let interface = interface.to_string();
        move |error: std::io::Error| match error.kind() {
            std::io::ErrorKind::PermissionDenied => DhcpPortError::NeedsAdmin,
            _ => DhcpPortError::Io { op, interface, error },
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

#[cfg(target_os = "windows")]
fn os_open(interface: &str) -> Result<UdpSocket, DhcpPortError> {
    super::os::dhcp_port::open(interface)
}

#[cfg(not(any(target_os = "linux", target_os = "windows")))]
fn os_open(_interface: &str) -> Result<UdpSocket, DhcpPortError> {
    Err(DhcpPortError::Unsupported("the active DHCP probe is built for Linux and Windows only".into()))
}
