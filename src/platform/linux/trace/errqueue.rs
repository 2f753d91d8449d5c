//! `recvmsg` with the socket error queue: with `IP_RECVERR`/`IPV6_RECVERR` set, Linux
//! queues the ICMP errors our datagrams caused (time exceeded, unreachable) as a
//! `sock_extended_err` naming the router that sent it — no raw socket, no privileges.
//! Also the socket-option setters those sockets need.

use std::io;
use std::mem::{size_of, size_of_val, zeroed};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};
use std::ptr::read_unaligned;

use socket2::Socket;

/// One message off a socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Received {
    /// Bytes copied into the buffer: the datagram, or for an error the part of our
    /// original packet after its transport header (the echo header for ICMP sockets).
    pub len: usize,
    /// The sender; for an error, the original destination (with our destination port).
    pub from: Option<SocketAddr>,
    pub ext: Option<ExtendedError>,
}

/// The `sock_extended_err` of a queued error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ExtendedError {
    /// `SO_EE_ORIGIN_*`: 2 = ICMP, 3 = ICMPv6, 1 = local.
    pub origin: u8,
    pub icmp_type: u8,
    pub code: u8,
    /// The router that sent the error (`SO_EE_OFFENDER`).
    pub offender: Option<IpAddr>,
}

/// Read one message without blocking: from the error queue if `errqueue`, else normal
/// data. `Ok(None)` when there is nothing to read.
pub(super) fn recv(fd: RawFd, buf: &mut [u8], errqueue: bool) -> io::Result<Option<Received>> {
    // u64 words keep the control buffer aligned for cmsghdr.
    let mut control = [0u64; 64];
    // SAFETY: all-zero bytes are valid values of these plain C structs.
    let mut name: libc::sockaddr_storage = unsafe { zeroed() };
    let mut msg: libc::msghdr = unsafe { zeroed() };
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr().cast(), iov_len: buf.len() };
    msg.msg_name = (&raw mut name).cast();
    msg.msg_namelen = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    msg.msg_iov = &raw mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = size_of_val(&control) as _;
    let flags = libc::MSG_DONTWAIT | if errqueue { libc::MSG_ERRQUEUE } else { 0 };
    // SAFETY: msg points at live buffers of the sizes it states.
    let n = unsafe { libc::recvmsg(fd, &raw mut msg, flags) };
    if n < 0 {
        let e = io::Error::last_os_error();
        return if e.kind() == io::ErrorKind::WouldBlock { Ok(None) } else { Err(e) };
    }
    // SAFETY: the kernel wrote msg_namelen bytes of address into `name`.
    let from = unsafe { sockaddr_at((&raw const name).cast(), msg.msg_namelen as usize) };
    let mut ext = None;
    // SAFETY: the CMSG_* macros walk the control buffer within msg_controllen, and each
    // read stays inside the cmsg_len the kernel set.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(&raw const msg);
        while !cmsg.is_null() {
            let c = read_unaligned(cmsg);
            let is_err = (c.cmsg_level == libc::SOL_IP && c.cmsg_type == libc::IP_RECVERR)
                || (c.cmsg_level == libc::SOL_IPV6 && c.cmsg_type == libc::IPV6_RECVERR);
            let data_len = (c.cmsg_len as usize).saturating_sub(libc::CMSG_LEN(0) as usize);
            if is_err && data_len >= size_of::<libc::sock_extended_err>() {
                let ee_ptr = libc::CMSG_DATA(cmsg).cast::<libc::sock_extended_err>();
                let ee = read_unaligned(ee_ptr);
                let rest = data_len - size_of::<libc::sock_extended_err>();
                let offender = sockaddr_at(ee_ptr.add(1).cast(), rest).map(|a| a.ip());
                ext = Some(ExtendedError { origin: ee.ee_origin, icmp_type: ee.ee_type, code: ee.ee_code, offender });
            }
            cmsg = libc::CMSG_NXTHDR(&raw const msg, cmsg);
        }
    }
    Ok(Some(Received { len: usize::try_from(n).unwrap_or(0).min(buf.len()), from, ext }))
}

/// A `sockaddr_in`/`sockaddr_in6` at `ptr`.
///
/// # Safety
/// `ptr` must point at `len` readable bytes.
unsafe fn sockaddr_at(ptr: *const u8, len: usize) -> Option<SocketAddr> {
    if len < size_of::<libc::sa_family_t>() {
        return None;
    }
    // SAFETY: at least the family field is readable (checked above).
    let family = unsafe { read_unaligned(ptr.cast::<libc::sa_family_t>()) };
    match i32::from(family) {
        libc::AF_INET if len >= size_of::<libc::sockaddr_in>() => {
            // SAFETY: the whole struct is readable (checked in the guard).
            let sin = unsafe { read_unaligned(ptr.cast::<libc::sockaddr_in>()) };
            let ip = Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            Some(SocketAddr::new(IpAddr::V4(ip), u16::from_be(sin.sin_port)))
        }
        libc::AF_INET6 if len >= size_of::<libc::sockaddr_in6>() => {
            // SAFETY: the whole struct is readable (checked in the guard).
            let sin6 = unsafe { read_unaligned(ptr.cast::<libc::sockaddr_in6>()) };
            Some(SocketAddr::new(IpAddr::V6(Ipv6Addr::from(sin6.sin6_addr.s6_addr)), u16::from_be(sin6.sin6_port)))
        }
        _ => None,
    }
}

fn set_int(sock: &Socket, level: libc::c_int, name: libc::c_int, value: libc::c_int) -> io::Result<()> {
    // SAFETY: passes a pointer to a live c_int and its size.
    let rc = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            level,
            name,
            (&raw const value).cast(),
            size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if rc == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

/// Queue ICMP errors caused by this socket's packets on its error queue.
pub(super) fn set_recverr(sock: &Socket, v6: bool) -> io::Result<()> {
    if v6 {
        set_int(sock, libc::SOL_IPV6, libc::IPV6_RECVERR, 1)
    } else {
        set_int(sock, libc::SOL_IP, libc::IP_RECVERR, 1)
    }
}

pub(super) fn set_ttl(sock: &Socket, v6: bool, ttl: u8) -> io::Result<()> {
    if v6 { sock.set_unicast_hops_v6(u32::from(ttl)) } else { sock.set_ttl_v4(u32::from(ttl)) }
}
