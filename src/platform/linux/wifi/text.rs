//! The Linux fallbacks' text: `nmcli -t` (NetworkManager's view, when nl80211 cannot be
//! asked) and `iw dev IF link` / `iw dev IF station dump`. Pure parsers, tested on
//! recorded outputs.

use crate::platform::wifi::{
    WifiBand, WifiLink, WifiPhy, WifiSecurity, dbm_from_nm_percent, frequency_of, is_real_bssid,
};

/// The fields asked of `nmcli -t device wifi list`, in this order: nmcli's own default
/// set, so recorded outputs of the plain command read the same.
pub const NMCLI_FIELDS: &str = "IN-USE,BSSID,SSID,MODE,CHAN,RATE,SIGNAL,BARS,SECURITY";

/// The network in use from `nmcli -t -f NMCLI_FIELDS device wifi list`, None when no line
/// is marked in use. NetworkManager gives signal as a percentage (converted back to dBm
/// by its own formula, so marked estimated) and its RATE is the access point's best rate,
/// not this link's: it is left out.
pub fn parse_nmcli_in_use(text: &str) -> Option<WifiLink> {
    text.lines().find_map(|line| {
        let f = split_terse(line.trim_end());
        if f.len() != 9 || f[0].trim() != "*" {
            return None;
        }
        let mut link = WifiLink::empty();
        link.bssid = Some(f[1].to_ascii_lowercase()).filter(|b| is_real_bssid(b));
        link.ssid = Some(f[2].clone()).filter(|s| !s.is_empty() && s != "--");
        if let Ok(channel) = f[4].trim().parse::<u32>() {
            // nmcli's channel alone: 1–14 are 2.4 GHz; the rest read as 5 GHz (6 GHz needs FREQ).
            let band = if channel <= 14 { WifiBand::Ghz2_4 } else { WifiBand::Ghz5 };
            link.band = Some(band);
            link.channel = Some(channel);
            link.frequency_mhz = frequency_of(band, channel);
        }
        if let Ok(percent) = f[6].trim().parse::<u32>() {
            link.signal_dbm = Some(dbm_from_nm_percent(percent));
            link.signal_estimated = true;
        }
        link.security = Some(nmcli_security(&f[8]));
        Some(link)
    })
}

/// nmcli's terse lines: fields split at ':' except `\:`, with `\\` for a backslash.
fn split_terse(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(last)) = (chars.next(), fields.last_mut()) {
                    last.push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

/// NetworkManager's SECURITY words: "WPA2", "WPA1 WPA2", "WPA2 WPA3", "WPA2 802.1X", "OWE", "".
pub fn nmcli_security(words: &str) -> WifiSecurity {
    let has = |w: &str| words.split_whitespace().any(|x| x.eq_ignore_ascii_case(w));
    let eap = has("802.1X");
    match (has("WPA3"), has("WPA2"), has("WPA1")) {
        _ if words.trim().is_empty() || words.trim() == "--" => WifiSecurity::Open,
        (true, _, _) if eap => WifiSecurity::Wpa3Enterprise,
        (_, true, _) if eap => WifiSecurity::Wpa2Enterprise,
        (_, _, true) if eap => WifiSecurity::WpaEnterprise,
        (true, true, _) => WifiSecurity::Wpa2Wpa3Personal,
        (true, false, _) => WifiSecurity::Wpa3Personal,
        (false, true, _) => WifiSecurity::Wpa2Personal,
        (false, false, true) => WifiSecurity::WpaPersonal,
        _ if has("OWE") => WifiSecurity::Owe,
        _ if has("WEP") => WifiSecurity::Wep,
        _ => WifiSecurity::Other(words.trim().to_string()),
    }
}

/// `iw dev IF link`: None for "Not connected.".
pub fn parse_iw_link(text: &str) -> Option<WifiLink> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    let first = lines.next()?;
    let bssid = first.strip_prefix("Connected to ")?.split_whitespace().next()?;
    let mut link = WifiLink::empty();
    link.bssid = Some(bssid.to_ascii_lowercase()).filter(|b| is_real_bssid(b));
    for line in lines {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        match key.trim() {
            "SSID" => link.ssid = Some(value.to_string()).filter(|s| !s.is_empty()),
            // "2412" or, from iw 6.7 on, "2412.0".
            "freq" => {
                if let Some(mhz) = value.split_whitespace().next().and_then(|v| v.parse::<f64>().ok()) {
                    link.set_frequency(mhz.round() as u32);
                }
            }
            _ => read_signal_and_rates(key.trim(), value, &mut link),
        }
    }
    Some(link)
}

/// Fills what `iw dev IF link` left out (the average signal, the rx rate of older iw)
/// from `iw dev IF station dump`'s entry for the access point.
pub fn merge_iw_station_dump(text: &str, link: &mut WifiLink) {
    let mut in_ap = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("Station ") {
            let mac = rest.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
            in_ap = link.bssid.as_deref().is_none_or(|b| b == mac);
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        if !in_ap {
            continue;
        }
        match key.trim() {
            // The average is steadier than the last frame's signal.
            "signal avg" => link.signal_dbm = dbm(value).or(link.signal_dbm),
            "rx bitrate" if link.rx_rate_mbps.is_none() => read_signal_and_rates("rx bitrate", value.trim(), link),
            "tx bitrate" if link.tx_rate_mbps.is_none() => read_signal_and_rates("tx bitrate", value.trim(), link),
            _ => {}
        }
    }
}

fn read_signal_and_rates(key: &str, value: &str, link: &mut WifiLink) {
    match key {
        "signal" => link.signal_dbm = dbm(value),
        "tx bitrate" => {
            let (rate, phy, width) = parse_bitrate(value, link.band);
            link.tx_rate_mbps = rate;
            link.phy = phy.or(link.phy);
            link.channel_width_mhz = link.channel_width_mhz.or(width);
        }
        "rx bitrate" => {
            let (rate, phy, width) = parse_bitrate(value, link.band);
            link.rx_rate_mbps = rate;
            link.phy = link.phy.or(phy);
            link.channel_width_mhz = link.channel_width_mhz.or(width);
        }
        _ => {}
    }
}

/// "-51 dBm", "-93 [-96, -96] dBm" (per-chain figures in brackets).
fn dbm(value: &str) -> Option<i32> {
    value.split_whitespace().next()?.parse().ok()
}

/// "866.7 MBit/s VHT-MCS 9 80MHz short GI VHT-NSS 2" → rate, PHY, width.
pub fn parse_bitrate(value: &str, band: Option<WifiBand>) -> (Option<f64>, Option<WifiPhy>, Option<u32>) {
    let mut words = value.split_whitespace();
    let rate = words.next().and_then(|r| r.parse::<f64>().ok()).filter(|r| *r > 0.0);
    let rest: Vec<&str> = words.collect();
    let has = |w: &str| rest.contains(&w);
    let phy = if has("EHT-MCS") {
        Some(WifiPhy::Be)
    } else if has("HE-MCS") {
        Some(WifiPhy::Ax)
    } else if has("VHT-MCS") {
        Some(WifiPhy::Ac)
    } else if has("MCS") {
        Some(WifiPhy::N)
    } else {
        match band {
            Some(WifiBand::Ghz2_4) => rate.map(|r| if r <= 11.0 { WifiPhy::B } else { WifiPhy::G }),
            Some(WifiBand::Ghz5) => Some(WifiPhy::A),
            _ => None,
        }
    };
    let width = rest.iter().find_map(|w| w.strip_suffix("MHz")?.parse::<u32>().ok());
    (rate, phy, width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::wifi::fixture;

    #[test]
    fn iw_link_recorded_on_2_4_ghz() {
        let l = parse_iw_link(&fixture("linux-iw-link-2.4ghz.txt")).unwrap();
        assert_eq!(l.bssid.as_deref(), Some("fe:dc:ba:98:76:02"));
        assert_eq!(l.ssid.as_deref(), Some("SSID-1"));
        assert_eq!((l.frequency_mhz, l.band, l.channel), (Some(2412), Some(WifiBand::Ghz2_4), Some(1)));
        assert_eq!(l.signal_dbm, Some(-51));
        assert_eq!(l.tx_rate_mbps, Some(26.0));
        // A legacy rate above 11 Mbit/s on 2.4 GHz: 802.11g.
        assert_eq!(l.phy, Some(WifiPhy::G));
        assert_eq!(parse_iw_link("Not connected.\n"), None);
    }

    #[test]
    fn iw_rate_lines_name_phy_and_width() {
        // Lines as the ath12k patch "report station mode transmit rate" quotes iw.
        assert_eq!(
            parse_bitrate("626.9 MBit/s 80MHz HE-MCS 6 HE-NSS 2 HE-GI 0 HE-DCM 0", None),
            (Some(626.9), Some(WifiPhy::Ax), Some(80))
        );
        assert_eq!(parse_bitrate("144.4 MBit/s MCS 15 short GI", None), (Some(144.4), Some(WifiPhy::N), None));
        assert_eq!(
            parse_bitrate("866.7 MBit/s VHT-MCS 9 80MHz short GI VHT-NSS 2", None),
            (Some(866.7), Some(WifiPhy::Ac), Some(80))
        );
    }

    #[test]
    fn station_dump_adds_the_average_signal_and_rx_rate_of_the_access_point() {
        let mut l = parse_iw_link(&fixture("linux-iw-link-2.4ghz.txt")).unwrap();
        let dump = "Station 02:00:00:00:00:09 (on wlp1s0)\n\tsignal avg:\t-80 dBm\n\
                    Station fe:dc:ba:98:76:02 (on wlp1s0)\n\tinactive time:\t50 ms\n\tsignal:  \t-53 [-55, -56] dBm\n\
                    \tsignal avg:\t-52 [-54, -55] dBm\n\ttx bitrate:\t72.0 MBit/s MCS 7\n\trx bitrate:\t65.0 MBit/s MCS 7\n";
        merge_iw_station_dump(dump, &mut l);
        assert_eq!(l.signal_dbm, Some(-52));
        assert_eq!(l.rx_rate_mbps, Some(65.0));
        // The link's own tx rate stands.
        assert_eq!(l.tx_rate_mbps, Some(26.0));
    }

    #[test]
    fn nmcli_recorded_list_gives_the_network_in_use() {
        let l = parse_nmcli_in_use(&fixture("linux-nmcli-dev-wifi-list.txt")).unwrap();
        assert_eq!(l.ssid.as_deref(), Some("SSID-3"));
        assert_eq!(l.bssid.as_deref(), Some("fe:dc:ba:09:87:03"));
        assert_eq!((l.band, l.channel), (Some(WifiBand::Ghz2_4), Some(1)));
        assert_eq!((l.signal_dbm, l.signal_estimated), (Some(-48), true));
        assert_eq!(l.security, Some(WifiSecurity::Open));
        assert_eq!(l.tx_rate_mbps, None);
        // Escapes: one backslash and a colon inside the name.
        let f = split_terse(r" :FE\:DC\:BA\:09\:87\:02:SSID-2-\\foo\:bar:Infra:6:130 Mbit/s:100:▂▄▆█:WPA2");
        assert_eq!(f[2], r"SSID-2-\foo:bar");
        assert_eq!(parse_nmcli_in_use(" :AA\\:BB:x:Infra:6:130 Mbit/s:100:b:WPA2\n"), None);
    }

    #[test]
    fn nmcli_security_words() {
        assert_eq!(nmcli_security("WPA1 WPA2"), WifiSecurity::Wpa2Personal);
        assert_eq!(nmcli_security("WPA2 WPA3"), WifiSecurity::Wpa2Wpa3Personal);
        assert_eq!(nmcli_security("WPA3"), WifiSecurity::Wpa3Personal);
        assert_eq!(nmcli_security("WPA2 802.1X"), WifiSecurity::Wpa2Enterprise);
        assert_eq!(nmcli_security(""), WifiSecurity::Open);
        assert_eq!(nmcli_security("OWE"), WifiSecurity::Owe);
    }
}
