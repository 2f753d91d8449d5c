//! Windows Wi-Fi through the Native Wifi API (wlanapi), which any user may call:
//! `WlanEnumInterfaces` for the adapters, `WlanQueryInterface(current_connection)` for the
//! network, PHY, rates and security, `wlan_intf_opcode_channel_number` for the channel,
//! and `WlanGetNetworkBssList` for the access point's own entry, whose `lRssi` is the
//! signal in dBm (the connection only has a 0–100 quality) and whose centre frequency
//! gives the band. The conversion from those structures is pure and unit-tested on values
//! recorded from `netsh wlan show interfaces` (wine has no wlanapi networks to ask).

use windows_sys::Win32::Foundation::{ERROR_SERVICE_DOES_NOT_EXIST, ERROR_SERVICE_NOT_ACTIVE, HANDLE};
use windows_sys::Win32::NetworkManagement::WiFi::{
    DOT11_AUTH_ALGO_80211_OPEN, DOT11_AUTH_ALGO_80211_SHARED_KEY, DOT11_AUTH_ALGO_OWE, DOT11_AUTH_ALGO_RSNA,
    DOT11_AUTH_ALGO_RSNA_PSK, DOT11_AUTH_ALGO_WPA, DOT11_AUTH_ALGO_WPA_PSK, DOT11_AUTH_ALGO_WPA3_ENT,
    DOT11_AUTH_ALGO_WPA3_ENT_192, DOT11_AUTH_ALGO_WPA3_SAE, DOT11_CIPHER_ALGO_WEP, DOT11_CIPHER_ALGO_WEP40,
    DOT11_CIPHER_ALGO_WEP104, DOT11_PHY_TYPE, WLAN_BSS_ENTRY, WLAN_BSS_LIST, WLAN_CONNECTION_ATTRIBUTES,
    WLAN_INTERFACE_INFO_LIST, WLAN_INTERFACE_STATE, WlanCloseHandle, WlanEnumInterfaces, WlanFreeMemory,
    WlanGetNetworkBssList, WlanOpenHandle, WlanQueryInterface, dot11_BSS_type_any, dot11_phy_type_dmg,
    dot11_phy_type_dsss, dot11_phy_type_eht, dot11_phy_type_erp, dot11_phy_type_fhss, dot11_phy_type_he,
    dot11_phy_type_hrdsss, dot11_phy_type_ht, dot11_phy_type_ofdm, dot11_phy_type_vht,
    wlan_interface_state_ad_hoc_network_formed, wlan_interface_state_associating, wlan_interface_state_authenticating,
    wlan_interface_state_connected, wlan_interface_state_disconnected, wlan_interface_state_disconnecting,
    wlan_interface_state_discovering, wlan_interface_state_not_ready, wlan_intf_opcode_channel_number,
    wlan_intf_opcode_current_connection,
};

use crate::platform::wifi::{
    WifiAdapter, WifiBand, WifiError, WifiLink, WifiPhy, WifiReading, WifiSecurity, channel_of,
    dbm_from_windows_quality, frequency_of, mac_text,
};

/// wlanapi's client version 2: Windows Vista and later.
const CLIENT_VERSION: u32 = 2;

pub fn wifi_links() -> Result<WifiReading, WifiError> {
    let client = Client::open()?;
    let list = client.interfaces()?;
    let names = friendly_names();
    let mut adapters = Vec::new();
    for info in list.iter() {
        let guid = guid_text(&info.InterfaceGuid);
        let description = utf16(&info.strInterfaceDescription);
        let interface =
            names.iter().find(|(g, _)| g.eq_ignore_ascii_case(&guid)).map_or(guid.clone(), |(_, n)| n.clone());
        if info.isState != wlan_interface_state_connected {
            adapters.push(WifiAdapter {
                interface,
                description: Some(description),
                link: None,
                state: Some(state_word(info.isState).into()),
            });
            continue;
        }
        let link = match client.connection(&info.InterfaceGuid) {
            Some(conn) => {
                let channel = client.channel(&info.InterfaceGuid);
                let bss = client.bss_list(&info.InterfaceGuid);
                let entries: Vec<WLAN_BSS_ENTRY> = bss.as_ref().map(|b| b.entries().to_vec()).unwrap_or_default();
                Some(link_from(&conn, channel, &entries))
            }
            None => None,
        };
        adapters.push(WifiAdapter { interface, description: Some(description), state: None, link });
    }
    Ok(WifiReading { source: "wlanapi".into(), adapters })
}

/// The link from the connection attributes, the channel number the driver reports, and
/// the cached BSS list (the access point's entry gives RSSI and frequency; entries with
/// the same SSID elsewhere give the other bands it is seen on).
pub fn link_from(conn: &WLAN_CONNECTION_ATTRIBUTES, channel: Option<u32>, bss: &[WLAN_BSS_ENTRY]) -> WifiLink {
    let assoc = &conn.wlanAssociationAttributes;
    let mut link = WifiLink::empty();
    let ssid_len = (assoc.dot11Ssid.uSSIDLength as usize).min(assoc.dot11Ssid.ucSSID.len());
    let ssid_bytes = &assoc.dot11Ssid.ucSSID[..ssid_len];
    link.ssid = Some(String::from_utf8_lossy(ssid_bytes).into_owned()).filter(|s| !s.is_empty());
    link.bssid = Some(mac_text(&assoc.dot11Bssid));
    let own = bss.iter().find(|b| b.dot11Bssid == assoc.dot11Bssid);
    match own {
        // The BSS entry's RSSI is measured; the connection's quality is only a 0–100 figure.
        Some(b) => link.signal_dbm = Some(b.lRssi),
        None => {
            link.signal_dbm = Some(dbm_from_windows_quality(assoc.wlanSignalQuality));
            link.signal_estimated = true;
        }
    }
    match (own.map(|b| b.ulChCenterFrequency / 1000).filter(|f| *f > 0), channel) {
        (Some(mhz), _) => link.set_frequency(mhz),
        (None, Some(ch)) => {
            // Without the BSS entry the band is inferred from the number: 1–14 are 2.4 GHz.
            let band = if ch <= 14 { WifiBand::Ghz2_4 } else { WifiBand::Ghz5 };
            link.band = Some(band);
            link.channel = Some(ch);
            link.frequency_mhz = frequency_of(band, ch);
        }
        (None, None) => {}
    }
    if let (Some(ch), Some(band)) = (channel, link.band) {
        // The driver's own channel number wins over one worked out from a frequency.
        link.channel = Some(ch);
        link.frequency_mhz = link.frequency_mhz.or(frequency_of(band, ch));
    }
    link.phy = phy_of(assoc.dot11PhyType);
    // wlanapi gives rates in kbit/s.
    link.rx_rate_mbps = Some(f64::from(assoc.ulRxRate) / 1000.0).filter(|r| *r > 0.0);
    link.tx_rate_mbps = Some(f64::from(assoc.ulTxRate) / 1000.0).filter(|r| *r > 0.0);
    let sec = &conn.wlanSecurityAttributes;
    link.security = Some(security_of(sec.bSecurityEnabled != 0, sec.dot11AuthAlgorithm, sec.dot11CipherAlgorithm));
    let mut bands: Vec<WifiBand> = bss
        .iter()
        .filter(|b| {
            let len = (b.dot11Ssid.uSSIDLength as usize).min(b.dot11Ssid.ucSSID.len());
            !ssid_bytes.is_empty() && &b.dot11Ssid.ucSSID[..len] == ssid_bytes
        })
        .filter_map(|b| channel_of(b.ulChCenterFrequency / 1000).map(|(band, _)| band))
        .filter(|band| Some(*band) != link.band)
        .collect();
    bands.sort();
    bands.dedup();
    link.other_bands = bands;
    link
}

pub fn phy_of(phy: DOT11_PHY_TYPE) -> Option<WifiPhy> {
    Some(match phy {
        p if p == dot11_phy_type_fhss || p == dot11_phy_type_dsss || p == dot11_phy_type_hrdsss => WifiPhy::B,
        p if p == dot11_phy_type_ofdm => WifiPhy::A,
        p if p == dot11_phy_type_erp => WifiPhy::G,
        p if p == dot11_phy_type_ht => WifiPhy::N,
        p if p == dot11_phy_type_vht => WifiPhy::Ac,
        p if p == dot11_phy_type_dmg => WifiPhy::Ad,
        p if p == dot11_phy_type_he => WifiPhy::Ax,
        p if p == dot11_phy_type_eht => WifiPhy::Be,
        _ => return None,
    })
}

/// The authentication algorithm in the words `netsh wlan show interfaces` uses.
pub fn security_of(enabled: bool, auth: i32, cipher: i32) -> WifiSecurity {
    let wep = [DOT11_CIPHER_ALGO_WEP, DOT11_CIPHER_ALGO_WEP40, DOT11_CIPHER_ALGO_WEP104].contains(&cipher);
    match auth {
        a if a == DOT11_AUTH_ALGO_80211_OPEN && (!enabled || !wep) => {
            if enabled {
                WifiSecurity::Other("Open with encryption".into())
            } else {
                WifiSecurity::Open
            }
        }
        a if a == DOT11_AUTH_ALGO_80211_OPEN || a == DOT11_AUTH_ALGO_80211_SHARED_KEY => WifiSecurity::Wep,
        a if a == DOT11_AUTH_ALGO_WPA => WifiSecurity::WpaEnterprise,
        a if a == DOT11_AUTH_ALGO_WPA_PSK => WifiSecurity::WpaPersonal,
        a if a == DOT11_AUTH_ALGO_RSNA => WifiSecurity::Wpa2Enterprise,
        a if a == DOT11_AUTH_ALGO_RSNA_PSK => WifiSecurity::Wpa2Personal,
        a if a == DOT11_AUTH_ALGO_WPA3_SAE => WifiSecurity::Wpa3Personal,
        a if a == DOT11_AUTH_ALGO_WPA3_ENT_192 || a == DOT11_AUTH_ALGO_WPA3_ENT => WifiSecurity::Wpa3Enterprise,
        a if a == DOT11_AUTH_ALGO_OWE => WifiSecurity::Owe,
        other => WifiSecurity::Other(format!("authentication algorithm {other}")),
    }
}

fn state_word(state: WLAN_INTERFACE_STATE) -> &'static str {
    match state {
        s if s == wlan_interface_state_not_ready => "not ready",
        s if s == wlan_interface_state_ad_hoc_network_formed => "ad hoc network formed",
        s if s == wlan_interface_state_disconnecting => "disconnecting",
        s if s == wlan_interface_state_disconnected => "disconnected",
        s if s == wlan_interface_state_associating => "associating",
        s if s == wlan_interface_state_discovering => "discovering",
        s if s == wlan_interface_state_authenticating => "authenticating",
        _ => "unknown state",
    }
}

/// "{7825D47A-5D59-4C93-8D91-2B0E1B5F6C4B}", the form GetAdaptersAddresses names adapters by.
fn guid_text(g: &windows_sys::core::GUID) -> String {
    let d4 = g.data4;
    format!(
        "{{{:08X}-{:04X}-{:04X}-{:02X}{:02X}-{:02X}{:02X}{:02X}{:02X}{:02X}{:02X}}}",
        g.data1, g.data2, g.data3, d4[0], d4[1], d4[2], d4[3], d4[4], d4[5], d4[6], d4[7]
    )
}

fn utf16(units: &[u16]) -> String {
    let end = units.iter().position(|u| *u == 0).unwrap_or(units.len());
    String::from_utf16_lossy(&units[..end])
}

/// Adapter GUID → the name Windows shows ("Wi-Fi", "Wi-Fi 2").
fn friendly_names() -> Vec<(String, String)> {
    crate::platform::interfaces().into_iter().filter_map(|i| Some((i.name.clone(), i.friendly_name?))).collect()
}

/// An open wlanapi client handle, closed on drop.
struct Client(HANDLE);

impl Client {
    fn open() -> Result<Client, WifiError> {
        let mut negotiated = 0u32;
        let mut handle: HANDLE = std::ptr::null_mut();
        // SAFETY: out-pointers to locals; the reserved argument must be null.
        let rc = unsafe { WlanOpenHandle(CLIENT_VERSION, std::ptr::null(), &mut negotiated, &mut handle) };
        match rc {
            0 => Ok(Client(handle)),
            // The WLAN AutoConfig service is stopped, or absent (a desktop without Wi-Fi,
            // Windows Server without the Wireless LAN feature): there is no Wi-Fi to read.
            e if e == ERROR_SERVICE_NOT_ACTIVE || e == ERROR_SERVICE_DOES_NOT_EXIST => Err(WifiError::Unsupported(
                "the WLAN AutoConfig service is not running, so Windows manages no Wi-Fi here".into(),
            )),
            e => Err(WifiError::Failed(format!("WlanOpenHandle failed with error {e}"))),
        }
    }

    fn interfaces(&self) -> Result<WlanList<WLAN_INTERFACE_INFO_LIST>, WifiError> {
        let mut list: *mut WLAN_INTERFACE_INFO_LIST = std::ptr::null_mut();
        // SAFETY: a valid client handle and an out-pointer; wlanapi allocates the list.
        let rc = unsafe { WlanEnumInterfaces(self.0, std::ptr::null(), &mut list) };
        if rc != 0 || list.is_null() {
            return Err(WifiError::Failed(format!("WlanEnumInterfaces failed with error {rc}")));
        }
        Ok(WlanList(list))
    }

    fn query<T: Copy>(&self, guid: &windows_sys::core::GUID, opcode: i32) -> Option<T> {
        let mut size = 0u32;
        let mut data: *mut core::ffi::c_void = std::ptr::null_mut();
        // SAFETY: valid handle and GUID; wlanapi allocates `data`, freed below.
        let rc = unsafe {
            WlanQueryInterface(self.0, guid, opcode, std::ptr::null(), &mut size, &mut data, std::ptr::null_mut())
        };
        if rc != 0 || data.is_null() {
            return None;
        }
        let value = (size as usize >= std::mem::size_of::<T>())
            // SAFETY: wlanapi returned at least size_of::<T>() bytes of this opcode's type.
            .then(|| unsafe { std::ptr::read_unaligned(data as *const T) });
        // SAFETY: memory wlanapi allocated for us.
        unsafe { WlanFreeMemory(data) };
        value
    }

    fn connection(&self, guid: &windows_sys::core::GUID) -> Option<WLAN_CONNECTION_ATTRIBUTES> {
        self.query::<WLAN_CONNECTION_ATTRIBUTES>(guid, wlan_intf_opcode_current_connection)
    }

    fn channel(&self, guid: &windows_sys::core::GUID) -> Option<u32> {
        self.query::<u32>(guid, wlan_intf_opcode_channel_number).filter(|c| *c > 0)
    }

    /// The driver's cached BSS list (no scan is started); None when the driver keeps none.
    fn bss_list(&self, guid: &windows_sys::core::GUID) -> Option<WlanList<WLAN_BSS_LIST>> {
        let mut list: *mut WLAN_BSS_LIST = std::ptr::null_mut();
        // SAFETY: valid handle and GUID; no SSID filter, any BSS type; wlanapi allocates the list.
        let rc = unsafe {
            WlanGetNetworkBssList(self.0, guid, std::ptr::null(), dot11_BSS_type_any, 0, std::ptr::null(), &mut list)
        };
        (rc == 0 && !list.is_null()).then_some(WlanList(list))
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // SAFETY: the handle WlanOpenHandle gave us, closed once.
        unsafe { WlanCloseHandle(self.0, std::ptr::null()) };
    }
}

/// A wlanapi-allocated list, freed on drop.
struct WlanList<T>(*mut T);

impl<T> Drop for WlanList<T> {
    fn drop(&mut self) {
        // SAFETY: memory wlanapi allocated, freed once.
        unsafe { WlanFreeMemory(self.0 as *const core::ffi::c_void) };
    }
}

impl WlanList<WLAN_INTERFACE_INFO_LIST> {
    fn iter(&self) -> impl Iterator<Item = &windows_sys::Win32::NetworkManagement::WiFi::WLAN_INTERFACE_INFO> {
        // SAFETY: the list holds dwNumberOfItems entries laid out from InterfaceInfo on.
        let list = unsafe { &*self.0 };
        let first = list.InterfaceInfo.as_ptr();
        (0..list.dwNumberOfItems as usize).map(move |i| unsafe { &*first.add(i) })
    }
}

impl WlanList<WLAN_BSS_LIST> {
    fn entries(&self) -> &[WLAN_BSS_ENTRY] {
        // SAFETY: the list holds dwNumberOfItems entries laid out from wlanBssEntries on.
        unsafe {
            let list = &*self.0;
            std::slice::from_raw_parts(list.wlanBssEntries.as_ptr(), list.dwNumberOfItems as usize)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use windows_sys::Win32::NetworkManagement::WiFi::{DOT11_CIPHER_ALGO_CCMP, DOT11_SSID};

    fn ssid(name: &str) -> DOT11_SSID {
        let mut s = DOT11_SSID { uSSIDLength: name.len() as u32, ..DOT11_SSID::default() };
        s.ucSSID[..name.len()].copy_from_slice(name.as_bytes());
        s
    }

    /// The connection `netsh wlan show interfaces` printed in
    /// tests/fixtures/wifi/windows-netsh-wlan-show-interfaces.txt (netsh reads these same
    /// structures): SSID-1, BSSID fe:dc:ba:09:87:02, 802.11ax, WPA2-Personal / CCMP,
    /// channel 44, receive and transmit 103 Mbit/s, signal 42 %.
    fn recorded_connection() -> WLAN_CONNECTION_ATTRIBUTES {
        let mut c = WLAN_CONNECTION_ATTRIBUTES { isState: wlan_interface_state_connected, ..Default::default() };
        let a = &mut c.wlanAssociationAttributes;
        a.dot11Ssid = ssid("SSID-1");
        a.dot11Bssid = [0xfe, 0xdc, 0xba, 0x09, 0x87, 0x02];
        a.dot11PhyType = dot11_phy_type_he;
        a.wlanSignalQuality = 42;
        a.ulRxRate = 103_000;
        a.ulTxRate = 103_000;
        let s = &mut c.wlanSecurityAttributes;
        s.bSecurityEnabled = 1;
        s.dot11AuthAlgorithm = DOT11_AUTH_ALGO_RSNA_PSK;
        s.dot11CipherAlgorithm = DOT11_CIPHER_ALGO_CCMP;
        c
    }

    fn bss(name: &str, bssid: [u8; 6], rssi: i32, khz: u32) -> WLAN_BSS_ENTRY {
        WLAN_BSS_ENTRY {
            dot11Ssid: ssid(name),
            dot11Bssid: bssid,
            lRssi: rssi,
            ulChCenterFrequency: khz,
            ..Default::default()
        }
    }

    #[test]
    fn the_recorded_connection_without_a_bss_entry() {
        let l = link_from(&recorded_connection(), Some(44), &[]);
        assert_eq!(l.ssid.as_deref(), Some("SSID-1"));
        assert_eq!(l.bssid.as_deref(), Some("fe:dc:ba:09:87:02"));
        assert_eq!((l.band, l.channel, l.frequency_mhz), (Some(WifiBand::Ghz5), Some(44), Some(5220)));
        assert_eq!(l.phy, Some(WifiPhy::Ax));
        assert_eq!((l.rx_rate_mbps, l.tx_rate_mbps), (Some(103.0), Some(103.0)));
        assert_eq!(l.security, Some(WifiSecurity::Wpa2Personal));
        // 42 % by wlanapi's linear −100…−50 dBm mapping, and said to be an estimate.
        assert_eq!((l.signal_dbm, l.signal_estimated), (Some(-79), true));
    }

    #[test]
    fn the_access_points_bss_entry_gives_rssi_band_and_other_bands() {
        let own = [0xfe, 0xdc, 0xba, 0x09, 0x87, 0x02];
        let entries = [
            bss("SSID-1", own, -78, 5_220_000),
            bss("SSID-1", [0xfe, 0xdc, 0xba, 0x09, 0x87, 0x01], -60, 2_437_000),
            bss("Neighbour", [2, 0, 0, 0, 0, 1], -40, 6_135_000),
        ];
        let l = link_from(&recorded_connection(), Some(44), &entries);
        assert_eq!((l.signal_dbm, l.signal_estimated), (Some(-78), false));
        assert_eq!((l.band, l.channel, l.frequency_mhz), (Some(WifiBand::Ghz5), Some(44), Some(5220)));
        assert_eq!(l.other_bands, vec![WifiBand::Ghz2_4]);
    }

    #[test]
    fn auth_algorithms_in_netsh_words() {
        assert_eq!(security_of(false, DOT11_AUTH_ALGO_80211_OPEN, 0), WifiSecurity::Open);
        assert_eq!(security_of(true, DOT11_AUTH_ALGO_80211_OPEN, DOT11_CIPHER_ALGO_WEP), WifiSecurity::Wep);
        assert_eq!(security_of(true, DOT11_AUTH_ALGO_WPA3_SAE, DOT11_CIPHER_ALGO_CCMP), WifiSecurity::Wpa3Personal);
        assert_eq!(security_of(true, DOT11_AUTH_ALGO_RSNA, DOT11_CIPHER_ALGO_CCMP), WifiSecurity::Wpa2Enterprise);
        assert_eq!(phy_of(dot11_phy_type_vht), Some(WifiPhy::Ac));
        assert_eq!(phy_of(dot11_phy_type_eht), Some(WifiPhy::Be));
    }

    #[test]
    fn guids_print_as_adapter_names() {
        let g = windows_sys::core::GUID {
            data1: 0x7825d47a,
            data2: 0x5d59,
            data3: 0x4c93,
            data4: [0x8d, 0x91, 0x2b, 0x0e, 0x1b, 0x5f, 0x6c, 0x4b],
        };
        assert_eq!(guid_text(&g), "{7825D47A-5D59-4C93-8D91-2B0E1B5F6C4B}");
    }

    /// Under wine, wlanapi has no radios: the real call path must say so plainly (no
    /// adapters, or the service is absent), never crash.
    #[test]
    fn the_real_api_answers() {
        match wifi_links() {
            Ok(r) => assert_eq!(r.source, "wlanapi"),
            Err(WifiError::Unsupported(why)) => assert!(why.contains("WLAN AutoConfig"), "{why}"),
            Err(WifiError::Failed(why)) => assert!(why.contains("Wlan"), "{why}"),
        }
    }
}
