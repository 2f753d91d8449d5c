//! Wi-Fi link facts, the same shape from every OS: which Wi-Fi adapters exist, and for
//! each connected one the network (SSID, BSSID), the radio (signal, band, channel, PHY),
//! the link rate and the security. The per-OS readers (`linux/wifi`, `windows/wifi`,
//! `macos/wifi`) fill it; the pure helpers here turn raw radio numbers into these values,
//! and `system_profiler` parses macOS's JSON, so all of it is tested on every host.

pub mod system_profiler;

use serde::{Deserialize, Serialize};

/// Why the Wi-Fi state could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WifiError {
    /// This OS has no way for us to ask ("not available on this system").
    #[error("{0}")]
    Unsupported(String),
    /// Every source was tried and none answered.
    #[error("{0}")]
    Failed(String),
}

/// What one read of the OS's Wi-Fi state found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WifiReading {
    /// Where the facts came from: "nl80211", "nmcli", "iw", "wlanapi", "system_profiler".
    pub source: String,
    /// Every Wi-Fi adapter, connected or not; empty means this computer has none.
    pub adapters: Vec<WifiAdapter>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WifiAdapter {
    /// The OS's name: "wlan0", "Wi-Fi", "en0".
    pub interface: String,
    /// The adapter model, where the OS says it ("Intel(R) Wi-Fi 6 AX201 160MHz").
    pub description: Option<String>,
    /// The connection, None when the adapter is not connected to a network.
    pub link: Option<WifiLink>,
    /// The OS's word for a state other than connected ("disconnected", "authenticating").
    pub state: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WifiLink {
    /// None when the network hides it, or the OS withholds it (macOS without Location access).
    pub ssid: Option<String>,
    /// The access point's radio address, lower case with colons.
    pub bssid: Option<String>,
    pub signal_dbm: Option<i32>,
    /// True when the dBm figure was worked out from a percentage (nmcli, Windows without a
    /// BSS entry) rather than measured: it is then only as good as that conversion.
    pub signal_estimated: bool,
    pub noise_dbm: Option<i32>,
    pub frequency_mhz: Option<u32>,
    pub band: Option<WifiBand>,
    pub channel: Option<u32>,
    pub channel_width_mhz: Option<u32>,
    pub phy: Option<WifiPhy>,
    /// The rate frames are sent at now (what "link speed" means on every OS), Mbit/s.
    pub tx_rate_mbps: Option<f64>,
    pub rx_rate_mbps: Option<f64>,
    pub security: Option<WifiSecurity>,
    /// Other bands on which the same network name was seen in the OS's last scan (band
    /// steering material: a link on 2.4 GHz whose network also offers 5 GHz here).
    pub other_bands: Vec<WifiBand>,
}

impl WifiLink {
    /// A link with nothing known yet; readers fill what their OS tells.
    pub fn empty() -> Self {
        WifiLink {
            ssid: None,
            bssid: None,
            signal_dbm: None,
            signal_estimated: false,
            noise_dbm: None,
            frequency_mhz: None,
            band: None,
            channel: None,
            channel_width_mhz: None,
            phy: None,
            tx_rate_mbps: None,
            rx_rate_mbps: None,
            security: None,
            other_bands: Vec::new(),
        }
    }

    /// The link rate that speaks for the link: the transmit rate, else the receive rate.
    pub fn rate_mbps(&self) -> Option<f64> {
        self.tx_rate_mbps.or(self.rx_rate_mbps)
    }

    /// Sets frequency, band and channel from a frequency in MHz.
    pub fn set_frequency(&mut self, mhz: u32) {
        self.frequency_mhz = Some(mhz);
        if let Some((band, channel)) = channel_of(mhz) {
            self.band = Some(band);
            self.channel = Some(channel);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum WifiBand {
    #[serde(rename = "2.4GHz")]
    Ghz2_4,
    #[serde(rename = "5GHz")]
    Ghz5,
    #[serde(rename = "6GHz")]
    Ghz6,
    #[serde(rename = "60GHz")]
    Ghz60,
}

impl WifiBand {
    pub fn label(self) -> &'static str {
        match self {
            WifiBand::Ghz2_4 => "2.4 GHz",
            WifiBand::Ghz5 => "5 GHz",
            WifiBand::Ghz6 => "6 GHz",
            WifiBand::Ghz60 => "60 GHz",
        }
    }
}

/// The 802.11 generation the link runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WifiPhy {
    /// 802.11b
    B,
    /// 802.11a
    A,
    /// 802.11g
    G,
    /// 802.11n, Wi-Fi 4
    N,
    /// 802.11ac, Wi-Fi 5
    Ac,
    /// 802.11ad (60 GHz)
    Ad,
    /// 802.11ax, Wi-Fi 6 / 6E
    Ax,
    /// 802.11be, Wi-Fi 7
    Be,
}

impl WifiPhy {
    pub fn label(self) -> &'static str {
        match self {
            WifiPhy::B => "802.11b",
            WifiPhy::A => "802.11a",
            WifiPhy::G => "802.11g",
            WifiPhy::N => "802.11n (Wi-Fi 4)",
            WifiPhy::Ac => "802.11ac (Wi-Fi 5)",
            WifiPhy::Ad => "802.11ad",
            WifiPhy::Ax => "802.11ax (Wi-Fi 6)",
            WifiPhy::Be => "802.11be (Wi-Fi 7)",
        }
    }

    /// "802.11ax", "11ac", "ac", "802.11a/n/ac/ax" (the last one named wins: it is the
    /// newest a list names). None for text that names no known generation.
    pub fn parse(text: &str) -> Option<WifiPhy> {
        let t = text.trim().to_ascii_lowercase();
        let t = t.strip_prefix("802.").unwrap_or(&t);
        let t = t.strip_prefix("11").unwrap_or(t).trim();
        let last = t.rsplit(['/', ' ', ',']).find(|p| !p.is_empty())?;
        Some(match last {
            "b" => WifiPhy::B,
            "a" => WifiPhy::A,
            "g" => WifiPhy::G,
            "n" => WifiPhy::N,
            "ac" => WifiPhy::Ac,
            "ad" => WifiPhy::Ad,
            "ax" => WifiPhy::Ax,
            "be" => WifiPhy::Be,
            _ => return None,
        })
    }
}

/// How the network protects itself, in the words Windows and macOS show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WifiSecurity {
    Open,
    /// Enhanced Open: encrypted, no password.
    Owe,
    Wep,
    WpaPersonal,
    Wpa2Personal,
    /// WPA3-Personal (SAE).
    Wpa3Personal,
    /// WPA2 and WPA3 both accepted (transition mode).
    Wpa2Wpa3Personal,
    WpaEnterprise,
    Wpa2Enterprise,
    Wpa3Enterprise,
    /// The OS named something else; kept as it said it.
    Other(String),
}

impl WifiSecurity {
    pub fn label(&self) -> String {
        match self {
            WifiSecurity::Open => "Open (no password)".into(),
            WifiSecurity::Owe => "Enhanced Open (OWE)".into(),
            WifiSecurity::Wep => "WEP".into(),
            WifiSecurity::WpaPersonal => "WPA-Personal".into(),
            WifiSecurity::Wpa2Personal => "WPA2-Personal".into(),
            WifiSecurity::Wpa3Personal => "WPA3-Personal (SAE)".into(),
            WifiSecurity::Wpa2Wpa3Personal => "WPA2/WPA3-Personal".into(),
            WifiSecurity::WpaEnterprise => "WPA-Enterprise".into(),
            WifiSecurity::Wpa2Enterprise => "WPA2-Enterprise".into(),
            WifiSecurity::Wpa3Enterprise => "WPA3-Enterprise".into(),
            WifiSecurity::Other(s) => s.clone(),
        }
    }
}

/// Band and channel of a centre frequency, by the 802.11 channel plans (2.4 GHz channels
/// 1–13 every 5 MHz from 2412 plus 14 at 2484; 5 GHz from 5000 MHz; 6 GHz from 5950 MHz,
/// with channel 2 at 5935; 60 GHz every 2160 MHz). None outside them.
pub fn channel_of(mhz: u32) -> Option<(WifiBand, u32)> {
    match mhz {
        2484 => Some((WifiBand::Ghz2_4, 14)),
        2412..=2472 if (mhz - 2407).is_multiple_of(5) => Some((WifiBand::Ghz2_4, (mhz - 2407) / 5)),
        // Japan's 4.9 GHz channels are numbered from 4000 MHz and belong to the 5 GHz radio.
        4910..=4980 if mhz.is_multiple_of(5) => Some((WifiBand::Ghz5, (mhz - 4000) / 5)),
        5935 => Some((WifiBand::Ghz6, 2)),
        5160..=5925 if mhz.is_multiple_of(5) => Some((WifiBand::Ghz5, (mhz - 5000) / 5)),
        5955..=7115 if mhz.is_multiple_of(5) => Some((WifiBand::Ghz6, (mhz - 5950) / 5)),
        58320..=70200 if (mhz - 56160).is_multiple_of(2160) => Some((WifiBand::Ghz60, (mhz - 56160) / 2160)),
        _ => None,
    }
}

/// Centre frequency of a channel on a band (the inverse of [`channel_of`]).
pub fn frequency_of(band: WifiBand, channel: u32) -> Option<u32> {
    let mhz = match (band, channel) {
        (WifiBand::Ghz2_4, 14) => 2484,
        (WifiBand::Ghz2_4, 1..=13) => 2407 + 5 * channel,
        (WifiBand::Ghz5, 182..=196) => 4000 + 5 * channel,
        (WifiBand::Ghz5, 32..=177) => 5000 + 5 * channel,
        (WifiBand::Ghz6, 2) => 5935,
        (WifiBand::Ghz6, 1..=233) => 5950 + 5 * channel,
        (WifiBand::Ghz60, 1..=6) => 56160 + 2160 * channel,
        _ => return None,
    };
    Some(mhz)
}

/// dBm from NetworkManager's 0–100 signal figure, by the inverse of its own mapping
/// (`nm_wifi_utils_level_to_quality`: −100 dBm → 0, −40 dBm and above → 100, linear).
pub fn dbm_from_nm_percent(percent: u32) -> i32 {
    let p = percent.min(100) as i32;
    -100 + (p * 60 + 50) / 100
}

/// dBm from Windows' `wlanSignalQuality` (0–100), by the mapping wlanapi documents for
/// it: 0 is −100 dBm or less, 100 is −50 dBm or more, linear between.
pub fn dbm_from_windows_quality(quality: u32) -> i32 {
    -100 + (quality.min(100) as i32) / 2
}

/// "fe:dc:ba:09:87:02" from six bytes.
pub fn mac_text(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

/// Whether an OS wrote a real BSSID (not all zeros, not a redaction).
pub fn is_real_bssid(text: &str) -> bool {
    let hex: String = text.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    hex.len() == 12 && hex.chars().any(|c| c != '0')
}

/// A recorded Wi-Fi output from `tests/fixtures/wifi/` (for every source's parser tests).
#[cfg(test)]
pub(crate) fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/wifi/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_follow_the_802_11_channel_plans() {
        assert_eq!(channel_of(2412), Some((WifiBand::Ghz2_4, 1)));
        assert_eq!(channel_of(2437), Some((WifiBand::Ghz2_4, 6)));
        assert_eq!(channel_of(2472), Some((WifiBand::Ghz2_4, 13)));
        assert_eq!(channel_of(2484), Some((WifiBand::Ghz2_4, 14)));
        assert_eq!(channel_of(5180), Some((WifiBand::Ghz5, 36)));
        assert_eq!(channel_of(5220), Some((WifiBand::Ghz5, 44)));
        assert_eq!(channel_of(5825), Some((WifiBand::Ghz5, 165)));
        assert_eq!(channel_of(5935), Some((WifiBand::Ghz6, 2)));
        assert_eq!(channel_of(5955), Some((WifiBand::Ghz6, 1)));
        assert_eq!(channel_of(6135), Some((WifiBand::Ghz6, 37)));
        assert_eq!(channel_of(7115), Some((WifiBand::Ghz6, 233)));
        assert_eq!(channel_of(60480), Some((WifiBand::Ghz60, 2)));
        assert_eq!(channel_of(2413), None);
        assert_eq!(channel_of(0), None);
        for (band, channel) in [(WifiBand::Ghz2_4, 6), (WifiBand::Ghz5, 149), (WifiBand::Ghz6, 37), (WifiBand::Ghz6, 2)]
        {
            let mhz = frequency_of(band, channel).unwrap();
            assert_eq!(channel_of(mhz), Some((band, channel)), "{mhz}");
        }
    }

    #[test]
    fn percentages_become_dbm_by_each_os_mapping() {
        assert_eq!(dbm_from_nm_percent(100), -40);
        assert_eq!(dbm_from_nm_percent(0), -100);
        assert_eq!(dbm_from_nm_percent(50), -70);
        assert_eq!(dbm_from_windows_quality(100), -50);
        assert_eq!(dbm_from_windows_quality(42), -79);
        assert_eq!(dbm_from_windows_quality(0), -100);
    }

    #[test]
    fn phy_names_from_every_os() {
        assert_eq!(WifiPhy::parse("802.11ax"), Some(WifiPhy::Ax));
        assert_eq!(WifiPhy::parse("802.11a/n/ac/ax"), Some(WifiPhy::Ax));
        assert_eq!(WifiPhy::parse("802.11b/g/n"), Some(WifiPhy::N));
        assert_eq!(WifiPhy::parse("11ac"), Some(WifiPhy::Ac));
        assert_eq!(WifiPhy::parse("802.11"), None);
        assert_eq!(WifiPhy::parse("802.11be"), Some(WifiPhy::Be));
    }

    #[test]
    fn bssids() {
        assert_eq!(mac_text(&[0xfe, 0xdc, 0xba, 0x09, 0x87, 0x02]), "fe:dc:ba:09:87:02");
        assert!(is_real_bssid("fe:dc:ba:09:87:02"));
        assert!(!is_real_bssid("00:00:00:00:00:00"));
        assert!(!is_real_bssid("<redacted>"));
    }
}
