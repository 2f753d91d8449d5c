//! macOS: `system_profiler SPAirPortDataType -json` into a [`WifiReading`]. A pure parser,
//! here rather than under `macos/` so every host's tests run it on recorded outputs.
//!
//! The JSON is chosen over CoreWLAN: CoreWLAN is an Objective-C framework (Rust would need
//! objc2 bindings and an app bundle's Location permission for the SSID), while
//! system_profiler ships with every macOS, needs no rights, and gives signal and noise,
//! channel with band and width, PHY mode, rate and security in one call.
//!
//! Shapes seen in real outputs: the channel is a number (`149`), `"149,+1"`, or
//! `"6 (2GHz, 20MHz)"` (macOS 13 and later); macOS 14.4+ withholds the SSID and BSSID
//! (`"<redacted>"` or absent) unless the caller has Location access; `awdl0` (AirDrop's
//! radio link) carries an empty "current network"; a security mode may lack its leading
//! "s" (`pairport_security_mode_wpa3_transition`, seen on macOS 15).

use serde_json::Value;

use super::{WifiAdapter, WifiBand, WifiLink, WifiPhy, WifiReading, WifiSecurity, frequency_of, is_real_bssid};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SystemProfilerError {
    #[error("system_profiler's Wi-Fi output is not JSON: {0}")]
    NotJson(String),
    #[error("system_profiler's Wi-Fi output has no SPAirPortDataType interface list")]
    NoInterfaces,
}

/// Every Wi-Fi adapter in the output, with its connection.
pub fn parse(json: &str) -> Result<WifiReading, SystemProfilerError> {
    let root: Value = serde_json::from_str(json).map_err(|e| SystemProfilerError::NotJson(e.to_string()))?;
    let interfaces = root
        .get("SPAirPortDataType")
        .and_then(Value::as_array)
        .and_then(|items| items.iter().find_map(|i| i.get("spairport_airport_interfaces")?.as_array()))
        .ok_or(SystemProfilerError::NoInterfaces)?;
    let adapters = interfaces
        .iter()
        .filter_map(|iface| {
            let name = iface.get("_name")?.as_str()?;
            // AirDrop's and Low Latency WLAN's virtual links are not adapters a user connects.
            if name.starts_with("awdl") || name.starts_with("llw") {
                return None;
            }
            Some(adapter(name, iface))
        })
        .collect();
    Ok(WifiReading { source: "system_profiler".into(), adapters })
}

fn adapter(name: &str, iface: &Value) -> WifiAdapter {
    let status = text(iface, "spairport_status_information");
    let state = status.as_deref().map(|s| s.trim_start_matches("spairport_status_").replace('_', " "));
    let current = iface.get("spairport_current_network_information");
    // A current-network block with only a type in it is no connection (seen on awdl0, and
    // on en0 for a moment while it joins).
    let connected = match (&state, current) {
        (Some(s), _) if s != "connected" => false,
        (_, Some(c)) => c.get("spairport_signal_noise").is_some() || c.get("spairport_network_channel").is_some(),
        (_, None) => false,
    };
    let link = current.filter(|_| connected).map(|c| {
        let mut link = network(c);
        if let Some(ssid) = &link.ssid {
            link.other_bands = other_bands(iface, ssid, link.band);
        }
        link
    });
    WifiAdapter {
        interface: name.to_string(),
        description: text(iface, "spairport_wireless_card_type")
            .map(|t| t.trim_start_matches("spairport_wireless_card_type_").replace('_', " ")),
        state: if connected { None } else { state },
        link,
    }
}

fn network(c: &Value) -> WifiLink {
    let mut link = WifiLink::empty();
    link.ssid = text(c, "_name").filter(|s| !is_redacted(s));
    link.bssid = text(c, "spairport_network_bssid").filter(|b| is_real_bssid(b)).map(|b| b.to_ascii_lowercase());
    if let Some((signal, noise)) = text(c, "spairport_signal_noise").as_deref().and_then(signal_noise) {
        link.signal_dbm = Some(signal);
        // "0 dBm" noise means the driver did not measure it.
        link.noise_dbm = (noise != 0).then_some(noise);
    }
    if let Some(channel) = c.get("spairport_network_channel") {
        let (band, number, width) = channel_field(channel);
        link.channel = number;
        link.band = band;
        link.channel_width_mhz = width;
        link.frequency_mhz = band.zip(number).and_then(|(b, n)| frequency_of(b, n));
    }
    link.phy = text(c, "spairport_network_phymode").as_deref().and_then(WifiPhy::parse);
    link.tx_rate_mbps = c.get("spairport_network_rate").and_then(Value::as_f64);
    link.security = text(c, "spairport_security_mode").as_deref().map(security);
    link
}

/// Bands on which a network of this name was also seen.
fn other_bands(iface: &Value, ssid: &str, own: Option<WifiBand>) -> Vec<WifiBand> {
    let mut bands: Vec<WifiBand> = iface
        .get("spairport_airport_other_local_wireless_networks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|n| text(n, "_name").as_deref() == Some(ssid))
        .filter_map(|n| channel_field(n.get("spairport_network_channel")?).0)
        .filter(|b| Some(*b) != own)
        .collect();
    bands.sort();
    bands.dedup();
    bands
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)?.as_str().map(str::to_string).filter(|s| !s.is_empty())
}

fn is_redacted(s: &str) -> bool {
    s.eq_ignore_ascii_case("<redacted>")
}

/// "-40 dBm / -97 dBm" → (-40, -97).
fn signal_noise(text: &str) -> Option<(i32, i32)> {
    let (signal, noise) = text.split_once('/')?;
    let dbm = |s: &str| s.trim().trim_end_matches("dBm").trim().parse::<i32>().ok();
    Some((dbm(signal)?, dbm(noise).unwrap_or(0)))
}

/// Band, channel number and width from `149`, `"149,+1"`, `"48,80"` or `"6 (2GHz, 20MHz)"`.
fn channel_field(v: &Value) -> (Option<WifiBand>, Option<u32>, Option<u32>) {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return (None, None, None),
    };
    let digits: String = text.trim().chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse::<u32>().ok();
    let inside = text.split_once('(').map(|(_, rest)| rest.trim_end_matches(')'));
    let band = match inside.and_then(|i| i.split(',').next()).map(str::trim) {
        Some("2GHz") => Some(WifiBand::Ghz2_4),
        Some("5GHz") => Some(WifiBand::Ghz5),
        Some("6GHz") => Some(WifiBand::Ghz6),
        // Older macOS gives the number alone: channels 1–14 are 2.4 GHz, the rest 5 GHz
        // (those versions predate 6 GHz support).
        _ => number.map(|n| if n <= 14 { WifiBand::Ghz2_4 } else { WifiBand::Ghz5 }),
    };
    let width = inside
        .and_then(|i| i.split(',').nth(1))
        .and_then(|w| w.trim().trim_end_matches("MHz").parse::<u32>().ok())
        .or_else(|| {
            // "48,80": the second number is the width; "149,+1" is a 40 MHz secondary channel.
            let (_, second) = text.split_once(',')?;
            match second.trim() {
                "+1" | "-1" => Some(40),
                w => w.parse::<u32>().ok().filter(|w| [20, 40, 80, 160, 320].contains(w)),
            }
        });
    (band, number, width)
}

/// `spairport_security_mode_wpa2_personal` and friends.
fn security(raw: &str) -> WifiSecurity {
    let mode = raw.rsplit_once("security_mode_").map_or(raw, |(_, m)| m);
    match mode {
        "none" => WifiSecurity::Open,
        "owe" | "owe_transition" => WifiSecurity::Owe,
        "wep" => WifiSecurity::Wep,
        "wpa_personal" => WifiSecurity::WpaPersonal,
        "wpa2_personal" | "wpa_personal_mixed" | "wpa_wpa2_personal" => WifiSecurity::Wpa2Personal,
        "wpa3_personal" | "wpa3_sae" => WifiSecurity::Wpa3Personal,
        "wpa3_transition" | "wpa2_wpa3_personal" => WifiSecurity::Wpa2Wpa3Personal,
        "wpa_enterprise" => WifiSecurity::WpaEnterprise,
        "wpa2_enterprise" | "wpa_enterprise_mixed" | "wpa_wpa2_enterprise" => WifiSecurity::Wpa2Enterprise,
        "wpa3_enterprise" | "wpa3_transition_enterprise" => WifiSecurity::Wpa3Enterprise,
        other => WifiSecurity::Other(other.replace('_', " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::wifi::fixture;

    #[test]
    fn macos_15_connected_on_2_4_ghz() {
        let r = parse(&fixture("macos-15.5-system_profiler.json")).unwrap();
        assert_eq!(r.adapters.len(), 1, "awdl0 is not an adapter: {r:?}");
        let a = &r.adapters[0];
        assert_eq!(a.interface, "en0");
        assert_eq!(a.description.as_deref(), Some("wifi (0x14E4, 0x4388)"));
        let l = a.link.as_ref().unwrap();
        assert_eq!(l.ssid.as_deref(), Some("SSID-2"));
        assert_eq!((l.signal_dbm, l.noise_dbm), (Some(-40), Some(-97)));
        assert_eq!((l.band, l.channel, l.channel_width_mhz), (Some(WifiBand::Ghz2_4), Some(6), Some(20)));
        assert_eq!(l.frequency_mhz, Some(2437));
        assert_eq!(l.phy, Some(WifiPhy::N));
        assert_eq!(l.tx_rate_mbps, Some(144.0));
        assert_eq!(l.security, Some(WifiSecurity::Open));
        // Only other names ("SSID-3", "SSID-4") are on 5 GHz here: no band to move to.
        assert!(l.other_bands.is_empty());
        assert!(!l.signal_estimated);
    }

    #[test]
    fn macos_15_wifi_switched_off() {
        let r = parse(&fixture("macos-15.5-wifi-off-system_profiler.json")).unwrap();
        let a = &r.adapters[0];
        assert_eq!(a.link, None);
        assert_eq!(a.state.as_deref(), Some("off"));
    }

    #[test]
    fn macos_10_15_numeric_channels_and_bssids() {
        let r = parse(&fixture("macos-10.15.7-system_profiler.json")).unwrap();
        let l = r.adapters[0].link.as_ref().unwrap();
        assert_eq!(r.adapters[0].interface, "en1");
        assert_eq!(l.ssid.as_deref(), Some("SSID-6"));
        assert_eq!(l.bssid.as_deref(), Some("fe:dc:ba:09:87:65"));
        assert_eq!((l.band, l.channel, l.channel_width_mhz), (Some(WifiBand::Ghz2_4), Some(6), None));
        assert_eq!(l.frequency_mhz, Some(2437));
        assert_eq!((l.signal_dbm, l.noise_dbm), (Some(-55), Some(-98)));
        assert_eq!(l.phy, Some(WifiPhy::N));
        assert_eq!(l.tx_rate_mbps, Some(145.0));
        assert_eq!(l.security, Some(WifiSecurity::Open));
    }

    #[test]
    fn channel_shapes_and_security_words() {
        assert_eq!(channel_field(&Value::from("149,+1")), (Some(WifiBand::Ghz5), Some(149), Some(40)));
        assert_eq!(channel_field(&Value::from("37 (6GHz, 160MHz)")), (Some(WifiBand::Ghz6), Some(37), Some(160)));
        assert_eq!(channel_field(&Value::from(11)), (Some(WifiBand::Ghz2_4), Some(11), None));
        assert_eq!(security("pairport_security_mode_wpa3_transition"), WifiSecurity::Wpa2Wpa3Personal);
        assert_eq!(security("spairport_security_mode_wpa3_personal"), WifiSecurity::Wpa3Personal);
        assert_eq!(security("spairport_security_mode_wpa2_enterprise"), WifiSecurity::Wpa2Enterprise);
        assert_eq!(signal_noise("-51 dBm / -90 dBm"), Some((-51, -90)));
    }

    #[test]
    fn the_same_network_on_another_band_is_noted() {
        // The recorded macOS 15.5 output with the current network's name also on channel 44.
        let json = fixture("macos-15.5-system_profiler.json").replacen("\"SSID-3\"", "\"SSID-2\"", 1);
        let l = parse(&json).unwrap().adapters[0].link.clone().unwrap();
        assert_eq!((l.band, l.other_bands), (Some(WifiBand::Ghz2_4), vec![WifiBand::Ghz5]));
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert!(matches!(parse("not json"), Err(SystemProfilerError::NotJson(_))));
        assert_eq!(parse("{}"), Err(SystemProfilerError::NoInterfaces));
        // Redacted names (macOS 14.4+ without Location access) are unknown, not "<redacted>".
        let json = r#"{"SPAirPortDataType":[{"spairport_airport_interfaces":[{"_name":"en0",
            "spairport_status_information":"spairport_status_connected",
            "spairport_current_network_information":{"_name":"<redacted>",
            "spairport_network_channel":"40 (5GHz, 160MHz)","spairport_signal_noise":"-51 dBm / -90 dBm"}}]}]}"#;
        let l = parse(json).unwrap().adapters[0].link.clone().unwrap();
        assert_eq!((l.ssid, l.channel), (None, Some(40)));
    }
}
