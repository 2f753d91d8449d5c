//! Linux Wi-Fi: nl80211 first (the kernel's own answer, no program, no rights needed);
//! if that cannot be asked, NetworkManager (`nmcli`), then `iw`. Which netdevs are Wi-Fi
//! comes from sysfs (`/sys/class/net/IF/wireless`), so a machine without Wi-Fi is told
//! so without a netlink round trip.

mod nl80211;
mod text;

use std::path::Path;
use std::time::Duration;

use crate::platform::programs;
use crate::platform::wifi::{WifiAdapter, WifiError, WifiReading};

/// Time for each source: a netlink dump answers in milliseconds; a program may hang.
const SOURCE_TIMEOUT: Duration = Duration::from_secs(2);

pub fn wifi_links() -> Result<WifiReading, WifiError> {
    let names = wireless_netdevs(Path::new("/sys/class/net"));
    if names.is_empty() {
        return Ok(WifiReading { source: "sysfs".into(), adapters: Vec::new() });
    }
    let netlink = read_nl80211();
    let netlink_error = match netlink {
        Ok(adapters) => return Ok(WifiReading { source: "nl80211".into(), adapters: with_all(adapters, &names) }),
        Err(e) => e,
    };
    tracing::debug!("nl80211 could not be read ({netlink_error}); trying nmcli, then iw");
    let mut adapters = Vec::new();
    let mut errors = vec![format!("nl80211: {netlink_error}")];
    let mut source = "nmcli";
    for name in &names {
        let args = ["-t", "-f", text::NMCLI_FIELDS, "device", "wifi", "list", "ifname", name, "--rescan", "no"];
        match programs::run("nmcli", &args, SOURCE_TIMEOUT) {
            Ok(out) => adapters.push(adapter(name, text::parse_nmcli_in_use(&out))),
            Err(e) => {
                errors.push(format!("nmcli: {e}"));
                source = "iw";
                break;
            }
        }
    }
    if source == "nmcli" {
        return Ok(WifiReading { source: source.into(), adapters });
    }
    adapters.clear();
    for name in &names {
        match programs::run("iw", &["dev", name, "link"], SOURCE_TIMEOUT) {
            Ok(out) => {
                let mut link = text::parse_iw_link(&out);
                if let Some(l) = link.as_mut()
                    && let Ok(dump) = programs::run("iw", &["dev", name, "station", "dump"], SOURCE_TIMEOUT)
                {
                    text::merge_iw_station_dump(&dump, l);
                }
                adapters.push(adapter(name, link));
            }
            Err(e) => {
                errors.push(format!("iw: {e}"));
                return Err(WifiError::Failed(format!(
                    "could not read the Wi-Fi state of {}: {}",
                    names.join(", "),
                    errors.join("; ")
                )));
            }
        }
    }
    Ok(WifiReading { source: "iw".into(), adapters })
}

fn adapter(name: &str, link: Option<crate::platform::wifi::WifiLink>) -> WifiAdapter {
    let state = link.is_none().then(|| "not connected".to_string());
    WifiAdapter { interface: name.to_string(), description: None, link, state }
}

/// nl80211 on a runtime of its own: this runs on a blocking thread, and the netlink
/// connection needs an I/O driver.
fn read_nl80211() -> Result<Vec<WifiAdapter>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| format!("could not start the netlink runtime: {e}"))?;
    runtime.block_on(async {
        match tokio::time::timeout(SOURCE_TIMEOUT, nl80211::read()).await {
            Ok(Ok(adapters)) => Ok(adapters),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err(format!("no answer within {} ms", SOURCE_TIMEOUT.as_millis())),
        }
    })
}

/// Adds the Wi-Fi netdevs nl80211 did not list as stations (an interface in AP or monitor
/// mode is a Wi-Fi adapter that is not connected as a client), so none goes unmentioned.
fn with_all(mut adapters: Vec<WifiAdapter>, names: &[String]) -> Vec<WifiAdapter> {
    for name in names {
        if !adapters.iter().any(|a| &a.interface == name) {
            adapters.push(WifiAdapter {
                interface: name.clone(),
                description: None,
                link: None,
                state: Some("not in client (station) mode".into()),
            });
        }
    }
    adapters
}

/// Netdevs the kernel marks as 802.11 (a `wireless` or `phy80211` entry in sysfs).
fn wireless_netdevs(class_net: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(class_net)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().join("wireless").exists() || e.path().join("phy80211").exists())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wireless_netdevs_are_those_sysfs_marks() {
        let dir = tempfile::tempdir().unwrap();
        for (name, marker) in [("eth0", None), ("wlp1s0", Some("phy80211")), ("wlan1", Some("wireless"))] {
            std::fs::create_dir_all(dir.path().join(name)).unwrap();
            if let Some(m) = marker {
                std::fs::create_dir_all(dir.path().join(name).join(m)).unwrap();
            }
        }
        assert_eq!(wireless_netdevs(dir.path()), vec!["wlan1".to_string(), "wlp1s0".to_string()]);
        assert!(wireless_netdevs(&dir.path().join("missing")).is_empty());
    }

    /// The real kernel, through the real sources: this VM has no Wi-Fi, so every source
    /// must agree there is no adapter (and say it at once, without a program start).
    #[test]
    fn this_machine_reads_without_error() {
        let reading = wifi_links().unwrap();
        let radios = wireless_netdevs(Path::new("/sys/class/net"));
        assert_eq!(reading.adapters.len(), radios.len(), "{reading:?}");
        if radios.is_empty() {
            assert_eq!(reading.source, "sysfs");
            // And nl80211 itself answers: an empty interface dump, or no nl80211 family
            // in a kernel built without cfg80211 (said plainly, never a hang).
            match read_nl80211() {
                Ok(adapters) => assert!(adapters.is_empty(), "{adapters:?}"),
                Err(e) => assert!(!e.contains("within"), "{e}"),
            }
        }
    }
}
