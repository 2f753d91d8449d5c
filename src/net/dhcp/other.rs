//! Other systems: the probe needs raw control of port 68 on one adapter, which is not built here yet.

use std::net::UdpSocket;

use super::DhcpProbeError;

pub fn open_socket(_interface: &str) -> Result<UdpSocket, DhcpProbeError> {
    Err(DhcpProbeError::Unsupported("the active DHCP probe is available on Linux only for now".into()))
}
