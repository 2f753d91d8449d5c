//! Reads `GetAdaptersAddresses` and `GetAdaptersInfo` (iphlpapi, no admin rights needed) and
//! copies their linked lists into plain [`RawAdapter`] values; `adapters.rs` converts those.

use std::collections::HashMap;
use std::ffi::CStr;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use windows_sys::Win32::Foundation::{ERROR_BUFFER_OVERFLOW, ERROR_NO_DATA, NO_ERROR};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GAA_FLAG_INCLUDE_GATEWAYS, GAA_FLAG_SKIP_ANYCAST, GAA_FLAG_SKIP_MULTICAST, GetAdaptersAddresses, GetAdaptersInfo,
    IP_ADAPTER_ADDRESSES_LH, IP_ADAPTER_DHCP_ENABLED, IP_ADAPTER_INFO,
};
use windows_sys::Win32::Networking::WinSock::{
    AF_INET, AF_INET6, AF_UNSPEC, SOCKADDR_IN, SOCKADDR_IN6, SOCKET_ADDRESS,
};

use super::adapters::{RawAdapter, RawUnicast};

#[derive(Debug, thiserror::Error)]
pub enum AdapterError {
    #[error("could not list the network adapters: {api} returned Windows error {code}")]
    Query { api: &'static str, code: u32 },
}

/// Calls `query(buffer, &mut size)` until the buffer is big enough (the adapter list can grow
/// between the calls); the buffer is u64-aligned because the lists hold pointers and u64s.
fn query_buffer(
    api: &'static str,
    first_size: u32,
    mut query: impl FnMut(*mut u8, &mut u32) -> u32,
) -> Result<Option<Vec<u64>>, AdapterError> {
    let mut size = first_size;
    for _ in 0..4 {
        let mut buffer = vec![0u64; (size as usize).div_ceil(8).max(1)];
        let mut asked = (buffer.len() * 8) as u32;
        match query(buffer.as_mut_ptr().cast(), &mut asked) {
            NO_ERROR => return Ok(Some(buffer)),
            // No adapters at all: an empty list, not a failure.
            ERROR_NO_DATA => return Ok(None),
            ERROR_BUFFER_OVERFLOW => size = asked.max(size.saturating_mul(2)),
            code => return Err(AdapterError::Query { api, code }),
        }
    }
    Err(AdapterError::Query { api, code: ERROR_BUFFER_OVERFLOW })
}

/// Every adapter with its addresses, gateways, DNS servers, DHCP server and lease times.
pub fn read_adapters() -> Result<Vec<RawAdapter>, AdapterError> {
    let flags = GAA_FLAG_INCLUDE_GATEWAYS | GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST;
    // 15 KB is Microsoft's suggested first size: enough for most desks in one call.
    let buffer = query_buffer("GetAdaptersAddresses", 15_000, |buf, size| {
        // SAFETY: `buf` points to `*size` writable, 8-byte aligned bytes.
        unsafe { GetAdaptersAddresses(u32::from(AF_UNSPEC), flags, std::ptr::null(), buf.cast(), size) }
    })?;
    let Some(buffer) = buffer else { return Ok(Vec::new()) };
    let leases = lease_times();
    let mut adapters = Vec::new();
    let mut node = buffer.as_ptr().cast::<IP_ADAPTER_ADDRESSES_LH>();
    while !node.is_null() {
        // SAFETY: the list lives in `buffer`, which outlives this loop; Windows links the nodes.
        let a = unsafe { &*node };
        let mut raw = copy_adapter(a);
        if let Some((obtained, expires)) = leases.get(&raw.adapter_name) {
            raw.lease_obtained = Some(*obtained);
            raw.lease_expires = Some(*expires);
        }
        adapters.push(raw);
        node = a.Next;
    }
    Ok(adapters)
}

fn copy_adapter(a: &IP_ADAPTER_ADDRESSES_LH) -> RawAdapter {
    // SAFETY (every read below): pointers come from one GetAdaptersAddresses result and are
    // either null or valid for the buffer's lifetime; strings are NUL-terminated.
    let flags = unsafe { a.Anonymous2.Flags };
    let mut unicast = Vec::new();
    let mut u = a.FirstUnicastAddress;
    while !u.is_null() {
        let entry = unsafe { &*u };
        if let Some(address) = socket_address(&entry.Address) {
            unicast.push(RawUnicast {
                address,
                prefix_len: entry.OnLinkPrefixLength,
                prefix_origin: entry.PrefixOrigin,
                valid_lifetime_secs: entry.ValidLifetime,
                lease_lifetime_secs: entry.LeaseLifetime,
            });
        }
        u = entry.Next;
    }
    let mut gateways = Vec::new();
    let mut g = a.FirstGatewayAddress;
    while !g.is_null() {
        let entry = unsafe { &*g };
        gateways.extend(socket_address(&entry.Address));
        g = entry.Next;
    }
    let mut dns_servers = Vec::new();
    let mut d = a.FirstDnsServerAddress;
    while !d.is_null() {
        let entry = unsafe { &*d };
        dns_servers.extend(socket_address(&entry.Address));
        d = entry.Next;
    }
    let mac_len = (a.PhysicalAddressLength as usize).min(a.PhysicalAddress.len());
    RawAdapter {
        adapter_name: unsafe { c_string(a.AdapterName) },
        friendly_name: unsafe { wide_string(a.FriendlyName) },
        description: unsafe { wide_string(a.Description) },
        if_type: a.IfType,
        oper_status: a.OperStatus,
        mac: a.PhysicalAddress[..mac_len].to_vec(),
        mtu: a.Mtu,
        transmit_speed_bps: a.TransmitLinkSpeed,
        receive_speed_bps: a.ReceiveLinkSpeed,
        unicast,
        gateways,
        dns_servers,
        dns_suffix: unsafe { wide_string(a.DnsSuffix) },
        dhcp_enabled: flags & IP_ADAPTER_DHCP_ENABLED != 0,
        dhcpv4_server: match socket_address(&a.Dhcpv4Server) {
            Some(IpAddr::V4(v4)) => Some(v4),
            _ => None,
        },
        ipv4_metric: a.Ipv4Metric,
        lease_obtained: None,
        lease_expires: None,
    }
}

/// `GetAdaptersInfo`'s `LeaseObtained` / `LeaseExpires` per adapter GUID: the only API that
/// gives the lease's absolute times. A failure only costs the times, so it is logged.
fn lease_times() -> HashMap<String, (i64, i64)> {
    let buffer = query_buffer("GetAdaptersInfo", 16_000, |buf, size| {
        // SAFETY: `buf` points to `*size` writable, 8-byte aligned bytes.
        unsafe { GetAdaptersInfo(buf.cast(), size) }
    });
    let buffer = match buffer {
        Ok(Some(b)) => b,
        Ok(None) => return HashMap::new(),
        Err(err) => {
            tracing::warn!("DHCP lease times unavailable: {err}");
            return HashMap::new();
        }
    };
    let mut times = HashMap::new();
    let mut node = buffer.as_ptr().cast::<IP_ADAPTER_INFO>();
    while !node.is_null() {
        // SAFETY: as in `read_adapters`: nodes live in `buffer`; AdapterName is NUL-terminated.
        let info = unsafe { &*node };
        let name = unsafe { CStr::from_ptr(info.AdapterName.as_ptr().cast()) }.to_string_lossy().into_owned();
        if info.DhcpEnabled != 0 {
            times.insert(name, (info.LeaseObtained, info.LeaseExpires));
        }
        node = info.Next;
    }
    times
}

fn socket_address(addr: &SOCKET_ADDRESS) -> Option<IpAddr> {
    if addr.lpSockaddr.is_null() {
        return None;
    }
    let len = usize::try_from(addr.iSockaddrLength).ok()?;
    // SAFETY: lpSockaddr points to iSockaddrLength bytes; the family says which struct it is
    // and the length check keeps the read inside them.
    unsafe {
        match (*addr.lpSockaddr).sa_family {
            AF_INET if len >= size_of::<SOCKADDR_IN>() => {
                let sin = &*addr.lpSockaddr.cast::<SOCKADDR_IN>();
                Some(IpAddr::V4(Ipv4Addr::from(u32::from_be(sin.sin_addr.S_un.S_addr))))
            }
            AF_INET6 if len >= size_of::<SOCKADDR_IN6>() => {
                let sin6 = &*addr.lpSockaddr.cast::<SOCKADDR_IN6>();
                Some(IpAddr::V6(Ipv6Addr::from(sin6.sin6_addr.u.Byte)))
            }
            _ => None,
        }
    }
}

/// # Safety
/// `p` is null or points to a NUL-terminated string.
unsafe fn c_string(p: *const u8) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: per this function's contract.
    unsafe { CStr::from_ptr(p.cast()) }.to_string_lossy().into_owned()
}

/// # Safety
/// `p` is null or points to a NUL-terminated UTF-16 string.
unsafe fn wide_string(p: *const u16) -> String {
    if p.is_null() {
        return String::new();
    }
    let mut len = 0;
    // SAFETY: per this function's contract, every unit up to the NUL is readable.
    unsafe {
        while *p.add(len) != 0 {
            len += 1;
        }
        String::from_utf16_lossy(std::slice::from_raw_parts(p, len))
    }
}
