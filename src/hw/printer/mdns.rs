//! Printers announced on the local network by mDNS/DNS-SD (`_ipp._tcp`, `_ipps._tcp`).
//! Only called when `printers.discover_mdns` is on: browsing sends multicast queries.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use mdns_sd::{ServiceDaemon, ServiceEvent};
use serde::{Deserialize, Serialize};

use super::text::clean;

/// One printer found by browsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discovered {
    /// The DNS-SD instance name ("Office Printer._ipp._tcp.local.").
    pub instance: String,
    pub host: String,
    pub addresses: Vec<IpAddr>,
    pub port: u16,
    /// The IPP URI built from the address, port and the TXT `rp` key (resource path).
    pub uri: String,
    /// TXT `ty`: make and model, when announced.
    pub make_and_model: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MdnsError {
    #[error("could not start mDNS browsing: {0}")]
    Start(String),
}

const SERVICE_TYPES: [&str; 2] = ["_ipp._tcp.local.", "_ipps._tcp.local."];

/// The most printers kept from one browse. An office floor has a few dozen; a neighbour
/// announcing thousands of fake ones must not make the check (or the report) endless.
pub const MAX_DISCOVERED: usize = 64;

/// Browse for `window` and return every resolved printer (one per instance, IPv4 preferred).
pub fn discover(window: Duration) -> Result<Vec<Discovered>, MdnsError> {
    let daemon = ServiceDaemon::new().map_err(|e| MdnsError::Start(e.to_string()))?;
    let mut receivers = Vec::new();
    for ty in SERVICE_TYPES {
        receivers.push((ty, daemon.browse(ty).map_err(|e| MdnsError::Start(e.to_string()))?));
    }
    let mut found: BTreeMap<String, Discovered> = BTreeMap::new();
    let deadline = Instant::now() + window;
    while Instant::now() < deadline {
        let mut any = false;
        for (ty, rx) in &receivers {
            while let Ok(event) = rx.try_recv() {
                any = true;
                if let ServiceEvent::ServiceResolved(info) = event {
                    let mut addresses: Vec<IpAddr> = info.get_addresses().iter().map(|a| a.to_ip_addr()).collect();
                    addresses.sort_by_key(|a| (!a.is_ipv4(), *a));
                    let Some(first) = addresses.first() else { continue };
                    let scheme = if ty.starts_with("_ipps") { "ipps" } else { "ipp" };
                    let host = match first {
                        IpAddr::V4(v4) => v4.to_string(),
                        IpAddr::V6(v6) => format!("[{v6}]"),
                    };
                    if found.len() >= MAX_DISCOVERED {
                        continue;
                    }
                    // Every announced string is cleaned of control characters; the resource
                    // path keeps only what a URI path can hold.
                    let rp: String = info
                        .get_property_val_str("rp")
                        .unwrap_or("ipp/print")
                        .trim_start_matches('/')
                        .chars()
                        .filter(|c| c.is_ascii_graphic() && !matches!(c, '#' | '?' | '"' | '<' | '>' | '\\'))
                        .take(200)
                        .collect();
                    let uri = format!("{scheme}://{host}:{}/{rp}", info.get_port());
                    let instance = clean(info.get_fullname());
                    found.entry(instance.clone()).or_insert(Discovered {
                        instance,
                        host: clean(info.get_hostname()),
                        addresses,
                        port: info.get_port(),
                        uri,
                        make_and_model: info.get_property_val_str("ty").map(clean),
                    });
                }
            }
        }
        if !any {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    for ty in SERVICE_TYPES {
        let _ = daemon.stop_browse(ty);
    }
    // Shutdown answers on a channel; not waiting for it keeps a slow exit from holding the check.
    let _ = daemon.shutdown();
    // An ipps and an ipp announcement of one printer: keep the ipp one (no TLS needed to read status).
    let mut out: Vec<Discovered> = Vec::new();
    for d in found.into_values() {
        let same = |o: &Discovered| o.host == d.host && o.make_and_model == d.make_and_model;
        if let Some(existing) = out.iter_mut().find(|o| same(o)) {
            if existing.uri.starts_with("ipps") && d.uri.starts_with("ipp:") {
                *existing = d;
            }
        } else {
            out.push(d);
        }
    }
    Ok(out)
}
