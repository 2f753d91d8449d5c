//! nl80211 over generic netlink (wl-nl80211): the interface dump (which netdevs are Wi-Fi
//! stations, their SSID and frequency), the station dump of each (the access point's
//! signal and tx/rx rate info, whose HT/VHT/HE/EHT fields name the PHY), and the scan
//! cache (the access point's RSN element, hence the security, and the same network on
//! other bands). No request here needs root, and none makes the radio scan.
//!
//! The conversions from attributes to a [`WifiAdapter`] are pure functions, tested on a
//! recorded nlmon capture.

use futures_util::TryStreamExt;
use wl_nl80211::packet_core::Parseable;
use wl_nl80211::{
    Ieee80211AkmSuite, Ieee80211CapabilityInfo, Ieee80211Element, Ieee80211Elements, Nl80211Attr, Nl80211BssInfo,
    Nl80211ChannelWidth, Nl80211InterfaceType, Nl80211RateInfo, Nl80211StationInfo,
};

use crate::platform::wifi::{WifiAdapter, WifiBand, WifiLink, WifiPhy, WifiSecurity, channel_of, mac_text};

#[derive(Debug, thiserror::Error)]
pub enum Nl80211ReadError {
    #[error("could not open a generic netlink socket for nl80211: {0}")]
    Socket(std::io::Error),
    #[error("nl80211 {what} failed: {error}")]
    Request { what: &'static str, error: String },
}

/// One Wi-Fi station interface, as the interface dump describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct StationInterface {
    pub index: u32,
    pub name: String,
    /// Set by the kernel while the interface is associated.
    pub ssid: Option<String>,
    pub frequency_mhz: Option<u32>,
    pub width_mhz: Option<u32>,
}

/// Every Wi-Fi station interface with its connection, read from the kernel.
pub async fn read() -> Result<Vec<WifiAdapter>, Nl80211ReadError> {
    let (connection, handle, _) = wl_nl80211::new_connection().map_err(Nl80211ReadError::Socket)?;
    let driver = tokio::spawn(connection);
    let result = read_with(&handle).await;
    driver.abort();
    result
}

async fn read_with(handle: &wl_nl80211::Nl80211Handle) -> Result<Vec<WifiAdapter>, Nl80211ReadError> {
    let failed = |what| move |e: wl_nl80211::Nl80211Error| Nl80211ReadError::Request { what, error: e.to_string() };
    let dump: Vec<_> = handle
        .clone()
        .interface()
        .get(Vec::new())
        .execute()
        .await
        .try_collect()
        .await
        .map_err(failed("interface dump"))?;
    let interfaces: Vec<StationInterface> =
        dump.iter().filter_map(|m| station_interface(&m.payload.attributes)).collect();
    let mut adapters = Vec::new();
    for iface in interfaces {
        let stations: Vec<_> = handle
            .clone()
            .station()
            .dump(iface.index)
            .execute()
            .await
            .try_collect()
            .await
            .map_err(failed("station dump"))?;
        let stations: Vec<Vec<Nl80211Attr>> = stations.into_iter().map(|m| m.payload.attributes).collect();
        // The scan cache only adds security and other bands: without it the link still stands.
        let scan: Vec<Vec<Nl80211Attr>> =
            match handle.clone().scan().dump(iface.index).execute().await.try_collect::<Vec<_>>().await {
                Ok(msgs) => msgs.into_iter().map(|m| m.payload.attributes).collect(),
                Err(e) => {
                    tracing::debug!("nl80211 scan dump on {} failed: {e}", iface.name);
                    Vec::new()
                }
            };
        adapters.push(adapter(&iface, &stations, &scan));
    }
    Ok(adapters)
}

/// A managed-mode (station) interface from one interface-dump message; None for access
/// points, monitors, P2P devices and the like, which are not a desk's Wi-Fi connection.
pub fn station_interface(attrs: &[Nl80211Attr]) -> Option<StationInterface> {
    let mut iface =
        StationInterface { index: 0, name: String::new(), ssid: None, frequency_mhz: None, width_mhz: None };
    let mut is_station = false;
    for attr in attrs {
        match attr {
            Nl80211Attr::IfIndex(i) => iface.index = *i,
            Nl80211Attr::IfName(n) => iface.name = n.clone(),
            Nl80211Attr::IfType(t) => is_station = matches!(t, Nl80211InterfaceType::Station),
            Nl80211Attr::Ssid(s) if !s.is_empty() => iface.ssid = Some(s.clone()),
            Nl80211Attr::WiphyFreq(f) => iface.frequency_mhz = Some(*f),
            Nl80211Attr::ChannelWidth(w) => iface.width_mhz = width(w),
            _ => {}
        }
    }
    (is_station && iface.index != 0 && !iface.name.is_empty()).then_some(iface)
}

fn width(w: &Nl80211ChannelWidth) -> Option<u32> {
    match w {
        Nl80211ChannelWidth::NoHt20 => Some(20),
        Nl80211ChannelWidth::Mhz80Plus80 => Some(160),
        Nl80211ChannelWidth::Mhz(m) => Some(*m),
        Nl80211ChannelWidth::Other(_) => None,
    }
}

/// The adapter from its interface facts, its station dump (the access point it is
/// associated with) and the scan cache's BSS entries.
pub fn adapter(iface: &StationInterface, stations: &[Vec<Nl80211Attr>], scan: &[Vec<Nl80211Attr>]) -> WifiAdapter {
    let bsses: Vec<&Vec<Nl80211BssInfo>> = scan
        .iter()
        .flat_map(|m| m.iter())
        .filter_map(|a| if let Nl80211Attr::Bss(b) = a { Some(b) } else { None })
        .collect();
    // The access point: the station entry (a managed interface has one while associated).
    let ap = stations.iter().find_map(|attrs| {
        let mac = attrs.iter().find_map(|a| if let Nl80211Attr::Mac(m) = a { Some(*m) } else { None })?;
        let info = attrs.iter().find_map(|a| if let Nl80211Attr::StationInfo(i) = a { Some(i) } else { None })?;
        Some((mac, info))
    });
    let Some((mac, info)) = ap else {
        return WifiAdapter {
            interface: iface.name.clone(),
            description: None,
            link: None,
            state: Some("not connected".into()),
        };
    };
    let mut link = WifiLink::empty();
    link.bssid = Some(mac_text(&mac));
    if let Some(f) = iface.frequency_mhz {
        link.set_frequency(f);
    }
    link.channel_width_mhz = iface.width_mhz;
    let signal = info.iter().find_map(|i| if let Nl80211StationInfo::SignalAvg(s) = i { Some(*s) } else { None });
    let signal = signal
        .or_else(|| info.iter().find_map(|i| if let Nl80211StationInfo::Signal(s) = i { Some(*s) } else { None }));
    // Some drivers report 0 when they do not measure: no reading, not a perfect one.
    link.signal_dbm = signal.filter(|s| *s != 0).map(i32::from);
    let tx = info.iter().find_map(|i| if let Nl80211StationInfo::TxBitrate(r) = i { Some(r) } else { None });
    let rx = info.iter().find_map(|i| if let Nl80211StationInfo::RxBitrate(r) = i { Some(r) } else { None });
    link.tx_rate_mbps = tx.and_then(|r| rate_mbps(r));
    link.rx_rate_mbps = rx.and_then(|r| rate_mbps(r));
    link.phy = tx.and_then(|r| phy_of(r, link.band)).or_else(|| rx.and_then(|r| phy_of(r, link.band)));
    if link.channel_width_mhz.is_none() {
        link.channel_width_mhz = tx.and_then(|r| rate_width(r));
    }
    let own = bsses.iter().find(|b| b.iter().any(|i| matches!(i, Nl80211BssInfo::Bssid(m) if *m == mac)));
    link.ssid = iface.ssid.clone().or_else(|| own.and_then(|b| bss_ssid(b)));
    if let Some(bss) = own {
        link.security = Some(bss_security(bss));
        if link.frequency_mhz.is_none()
            && let Some(f) = bss.iter().find_map(|i| if let Nl80211BssInfo::Frequency(f) = i { Some(*f) } else { None })
        {
            link.set_frequency(f);
        }
    }
    if let Some(ssid) = &link.ssid {
        let mut bands: Vec<WifiBand> = bsses
            .iter()
            .filter(|b| bss_ssid(b).as_deref() == Some(ssid.as_str()))
            .filter_map(|b| b.iter().find_map(|i| if let Nl80211BssInfo::Frequency(f) = i { Some(*f) } else { None }))
            .filter_map(|f| channel_of(f).map(|(band, _)| band))
            .filter(|band| Some(*band) != link.band)
            .collect();
        bands.sort();
        bands.dedup();
        link.other_bands = bands;
    }
    WifiAdapter { interface: iface.name.clone(), description: None, link: Some(link), state: None }
}

/// Mbit/s of a rate info: the 32-bit field when there is one (rates above 6.5 Gbit/s do
/// not fit the 16-bit one), both in units of 100 kbit/s.
pub fn rate_mbps(rate: &[Nl80211RateInfo]) -> Option<f64> {
    let units = rate.iter().find_map(|r| if let Nl80211RateInfo::Bitrate32(b) = r { Some(*b) } else { None }).or_else(
        || rate.iter().find_map(|r| if let Nl80211RateInfo::Bitrate(b) = r { Some(u32::from(*b)) } else { None }),
    )?;
    (units > 0).then(|| f64::from(units) / 10.0)
}

/// The PHY a rate was sent with: EHT, HE, VHT and HT MCS fields mark 802.11be/ax/ac/n; a
/// legacy rate is 802.11a on 5 GHz, 802.11g (or b at 11 Mbit/s and below) on 2.4 GHz.
pub fn phy_of(rate: &[Nl80211RateInfo], band: Option<WifiBand>) -> Option<WifiPhy> {
    let has = |f: fn(&Nl80211RateInfo) -> bool| rate.iter().any(f);
    if has(|r| matches!(r, Nl80211RateInfo::EhtMcs(_))) {
        Some(WifiPhy::Be)
    } else if has(|r| matches!(r, Nl80211RateInfo::HeMcs(_))) {
        Some(WifiPhy::Ax)
    } else if has(|r| matches!(r, Nl80211RateInfo::VhtMcs(_))) {
        Some(WifiPhy::Ac)
    } else if has(|r| matches!(r, Nl80211RateInfo::Mcs(_))) {
        Some(WifiPhy::N)
    } else {
        match band? {
            WifiBand::Ghz2_4 => Some(if rate_mbps(rate)? <= 11.0 { WifiPhy::B } else { WifiPhy::G }),
            WifiBand::Ghz5 => Some(WifiPhy::A),
            WifiBand::Ghz6 | WifiBand::Ghz60 => None,
        }
    }
}

fn rate_width(rate: &[Nl80211RateInfo]) -> Option<u32> {
    rate.iter().find_map(|r| match r {
        Nl80211RateInfo::MhzWidth(w) => Some(*w),
        Nl80211RateInfo::MhzWidth80Plus80 => Some(160),
        _ => None,
    })
}

fn elements(bss: &[Nl80211BssInfo]) -> Vec<Ieee80211Element> {
    // The kernel's latest elements first, then the probe response's, then the beacon's;
    // a list may be present and empty (no probe response seen).
    let pick = |want: fn(&Nl80211BssInfo) -> Option<&Vec<u8>>| bss.iter().filter_map(want).find(|v| !v.is_empty());
    let raw = pick(|i| if let Nl80211BssInfo::RawInformationElements(v) = i { Some(v) } else { None })
        .or_else(|| {
            pick(|i| if let Nl80211BssInfo::RawProbeResponseInformationElements(v) = i { Some(v) } else { None })
        })
        .or_else(|| pick(|i| if let Nl80211BssInfo::RawBeaconInformationElements(v) = i { Some(v) } else { None }));
    // Elements come from the access point's firmware: a malformed one means "unknown", not an error.
    raw.and_then(|r| Ieee80211Elements::parse(r).ok()).map(|e| e.0).unwrap_or_default()
}

fn bss_ssid(bss: &[Nl80211BssInfo]) -> Option<String> {
    elements(bss).into_iter().find_map(|e| match e {
        Ieee80211Element::Ssid(s) if !s.is_empty() => Some(s),
        _ => None,
    })
}

/// Security from the BSS's RSN element (its AKM suites), else the WPA vendor element,
/// else the privacy bit (WEP) — the order 802.11 gives them precedence in.
pub fn bss_security(bss: &[Nl80211BssInfo]) -> WifiSecurity {
    let elements = elements(bss);
    if let Some(rsn) = elements.iter().find_map(|e| if let Ieee80211Element::Rsn(r) = e { Some(r) } else { None }) {
        return security_of_akms(&rsn.akm_suits);
    }
    if let Some(wpa) = elements.iter().find_map(|e| match e {
        Ieee80211Element::Vendor(v) if v.starts_with(&[0x00, 0x50, 0xf2, 0x01]) => Some(v),
        _ => None,
    }) {
        return wpa1_security(wpa);
    }
    let privacy =
        bss.iter().any(|i| matches!(i, Nl80211BssInfo::Capability(c) if c.contains(Ieee80211CapabilityInfo::Privacy)));
    if privacy { WifiSecurity::Wep } else { WifiSecurity::Open }
}

/// WPA3, WPA2 or both from the RSN element's AKM suites.
pub fn security_of_akms(akms: &[Ieee80211AkmSuite]) -> WifiSecurity {
    use Ieee80211AkmSuite as A;
    let any = |set: &[A]| akms.iter().any(|a| set.contains(a));
    let sae = any(&[A::Sae, A::FtSae, A::SaeGroupDependentHash, A::FtSaeGroupDependentHash]);
    let psk = any(&[A::Psk, A::FtPsk, A::PskSha256, A::PskSha384, A::FtPskSha384]);
    let suite_b = any(&[
        A::Ieee8021xSuiteB,
        A::Ieee8021xCnsa,
        A::FtIeee8021xSha384SuiteB,
        A::Ieee8021xSha384,
        A::FtIeee8021xSha384,
    ]);
    let eap = any(&[A::Ieee8021x, A::FtIeee8021x, A::Ieee8021xSha256]);
    match (sae, psk, suite_b, eap) {
        (true, true, _, _) => WifiSecurity::Wpa2Wpa3Personal,
        (true, false, _, _) => WifiSecurity::Wpa3Personal,
        (false, true, _, _) => WifiSecurity::Wpa2Personal,
        (_, _, true, _) => WifiSecurity::Wpa3Enterprise,
        (_, _, _, true) => WifiSecurity::Wpa2Enterprise,
        _ if akms.contains(&A::Owe) => WifiSecurity::Owe,
        _ => WifiSecurity::Other(format!("RSN {akms:?}")),
    }
}

/// The pre-RSN WPA element (Microsoft OUI 00:50:f2, type 1): its AKM list says PSK
/// (00:50:f2:2) or 802.1X (00:50:f2:1).
fn wpa1_security(body: &[u8]) -> WifiSecurity {
    // OUI+type (4), version (2), group cipher (4), pairwise count (2) and suites, AKM count (2) and suites.
    let akms = (|| {
        let pairwise = usize::from(u16::from_le_bytes([*body.get(10)?, *body.get(11)?]));
        let at = 12 + 4 * pairwise;
        let count = usize::from(u16::from_le_bytes([*body.get(at)?, *body.get(at + 1)?]));
        body.get(at + 2..at + 2 + 4 * count).map(|s| s.chunks(4).map(|c| c[3]).collect::<Vec<u8>>())
    })();
    match akms {
        Some(a) if a.contains(&1) && !a.contains(&2) => WifiSecurity::WpaEnterprise,
        _ => WifiSecurity::WpaPersonal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wl_nl80211::Nl80211Message;
    use wl_nl80211::packet_core::{NetlinkDeserializable, NetlinkHeader};
    use wl_nl80211::packet_generic::GenlMessage;

    /// An nlmon capture of the kernel's reply to `iw dev wlan0 scan dump` on a
    /// mac80211_hwsim radio beside a hostapd WPA3-SAE access point "Test-WIFI" on channel 1
    /// (from wl-nl80211 0.8.0, src/tests/scan.rs, MIT; see tests/fixtures/wifi/README.md).
    fn recorded_scan_reply() -> Vec<Nl80211Attr> {
        let text = std::fs::read_to_string(format!(
            "{}/tests/fixtures/wifi/linux-nl80211-get-scan-reply.hex",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let hex: String =
            text.lines().filter(|l| !l.starts_with('#')).flat_map(|l| l.split_whitespace()).collect::<String>();
        let raw: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
        let mut header = NetlinkHeader::default();
        header.message_type = 0x2e;
        GenlMessage::<Nl80211Message>::deserialize(&header, &raw).unwrap().payload.attributes
    }

    fn bssid_of(scan: &[Nl80211Attr]) -> [u8; 6] {
        scan.iter()
            .find_map(|a| match a {
                Nl80211Attr::Bss(b) => {
                    b.iter().find_map(|i| if let Nl80211BssInfo::Bssid(m) = i { Some(*m) } else { None })
                }
                _ => None,
            })
            .unwrap()
    }

    fn station(mac: [u8; 6], info: Vec<Nl80211StationInfo>) -> Vec<Nl80211Attr> {
        vec![Nl80211Attr::IfIndex(3), Nl80211Attr::Mac(mac), Nl80211Attr::StationInfo(info)]
    }

    #[test]
    fn a_recorded_scan_entry_gives_the_network_and_its_wpa3_security() {
        let scan = recorded_scan_reply();
        let bss = scan.iter().find_map(|a| if let Nl80211Attr::Bss(b) = a { Some(b) } else { None }).unwrap();
        assert_eq!(bss_ssid(bss).as_deref(), Some("Test-WIFI"));
        assert_eq!(bss_security(bss), WifiSecurity::Wpa3Personal);
        // Associated to that access point: the station entry gives signal and rates, the
        // scan entry the name (when the interface dump has none) and the security.
        let iface = StationInterface {
            index: 3,
            name: "wlan0".into(),
            ssid: None,
            frequency_mhz: Some(2412),
            width_mhz: Some(20),
        };
        let info = vec![
            Nl80211StationInfo::Signal(-31),
            Nl80211StationInfo::SignalAvg(-30),
            Nl80211StationInfo::TxBitrate(vec![Nl80211RateInfo::Bitrate(650), Nl80211RateInfo::Mcs(7)]),
            Nl80211StationInfo::RxBitrate(vec![Nl80211RateInfo::Bitrate(540)]),
        ];
        let a = adapter(&iface, &[station(bssid_of(&scan), info)], std::slice::from_ref(&scan));
        let l = a.link.unwrap();
        assert_eq!(l.ssid.as_deref(), Some("Test-WIFI"));
        assert_eq!((l.band, l.channel, l.channel_width_mhz), (Some(WifiBand::Ghz2_4), Some(1), Some(20)));
        assert_eq!(l.signal_dbm, Some(-30));
        assert_eq!((l.tx_rate_mbps, l.rx_rate_mbps), (Some(65.0), Some(54.0)));
        assert_eq!(l.phy, Some(WifiPhy::N));
        assert_eq!(l.security, Some(WifiSecurity::Wpa3Personal));
        assert_eq!(l.bssid.as_deref(), Some(mac_text(&bssid_of(&scan)).as_str()));
    }

    #[test]
    fn no_station_entry_means_not_connected() {
        let iface =
            StationInterface { index: 3, name: "wlan0".into(), ssid: None, frequency_mhz: None, width_mhz: None };
        let a = adapter(&iface, &[], &[]);
        assert_eq!((a.link, a.state.as_deref()), (None, Some("not connected")));
    }

    #[test]
    fn rate_fields_name_the_phy() {
        let he = [Nl80211RateInfo::Bitrate32(12009), Nl80211RateInfo::MhzWidth(80), Nl80211RateInfo::HeMcs(11)];
        assert_eq!(rate_mbps(&he), Some(1200.9));
        assert_eq!(phy_of(&he, Some(WifiBand::Ghz5)), Some(WifiPhy::Ax));
        assert_eq!(rate_width(&he), Some(80));
        let eht = [Nl80211RateInfo::Bitrate32(28823), Nl80211RateInfo::EhtMcs(13)];
        assert_eq!(phy_of(&eht, Some(WifiBand::Ghz6)), Some(WifiPhy::Be));
        let vht = [Nl80211RateInfo::Bitrate(8667), Nl80211RateInfo::VhtMcs(9)];
        assert_eq!(phy_of(&vht, Some(WifiBand::Ghz5)), Some(WifiPhy::Ac));
        assert_eq!(phy_of(&[Nl80211RateInfo::Bitrate(540)], Some(WifiBand::Ghz2_4)), Some(WifiPhy::G));
        assert_eq!(phy_of(&[Nl80211RateInfo::Bitrate(110)], Some(WifiBand::Ghz2_4)), Some(WifiPhy::B));
        assert_eq!(rate_mbps(&[Nl80211RateInfo::Bitrate(0)]), None);
    }

    #[test]
    fn akm_suites_name_the_security() {
        use Ieee80211AkmSuite as A;
        assert_eq!(security_of_akms(&[A::Psk]), WifiSecurity::Wpa2Personal);
        assert_eq!(security_of_akms(&[A::Psk, A::Sae]), WifiSecurity::Wpa2Wpa3Personal);
        assert_eq!(security_of_akms(&[A::Sae]), WifiSecurity::Wpa3Personal);
        assert_eq!(security_of_akms(&[A::Ieee8021x]), WifiSecurity::Wpa2Enterprise);
        assert_eq!(security_of_akms(&[A::Ieee8021xSuiteB]), WifiSecurity::Wpa3Enterprise);
        assert_eq!(security_of_akms(&[A::Owe]), WifiSecurity::Owe);
        // WPA1 element: version 1, TKIP group, one TKIP pairwise, one PSK AKM.
        let wpa = [0, 0x50, 0xf2, 1, 1, 0, 0, 0x50, 0xf2, 2, 1, 0, 0, 0x50, 0xf2, 2, 1, 0, 0, 0x50, 0xf2, 2];
        assert_eq!(wpa1_security(&wpa), WifiSecurity::WpaPersonal);
    }

    #[test]
    fn only_station_interfaces_count() {
        let attrs = vec![
            Nl80211Attr::IfIndex(4),
            Nl80211Attr::IfName("wlp1s0".into()),
            Nl80211Attr::IfType(Nl80211InterfaceType::Station),
            Nl80211Attr::Ssid("Office".into()),
            Nl80211Attr::WiphyFreq(5180),
            Nl80211Attr::ChannelWidth(Nl80211ChannelWidth::Mhz(80)),
        ];
        let s = station_interface(&attrs).unwrap();
        assert_eq!(
            (s.index, s.name.as_str(), s.ssid.as_deref(), s.frequency_mhz, s.width_mhz),
            (4, "wlp1s0", Some("Office"), Some(5180), Some(80))
        );
        let ap = vec![
            Nl80211Attr::IfIndex(5),
            Nl80211Attr::IfName("wlan1".into()),
            Nl80211Attr::IfType(Nl80211InterfaceType::Ap),
        ];
        assert_eq!(station_interface(&ap), None);
    }
}
