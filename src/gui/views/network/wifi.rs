//! The Wi-Fi card: each Wi-Fi adapter's verdict line, and for a connected one the radio
//! facts (network, signal, band and channel, PHY, link rate, security) from the typed data.

use eframe::egui::{Grid, RichText, Ui};

use super::{outcome_ui, run, status_line, typed};
use crate::model::{CheckData, Report};
use crate::platform::wifi::{WifiLink, WifiReading};
use crate::{i18n, t};

pub fn wifi_ui(ui: &mut Ui, report: &Report) {
    let Some(r) = run(report, WifiReading::CHECK_ID) else {
        ui.label(RichText::new(t!("netview-not-checked-yet")).weak());
        return;
    };
    outcome_ui(ui, r);
    for f in &r.findings {
        status_line(ui, f.severity, f.summary_in(i18n::current()));
    }
    let Some(reading) = typed::<WifiReading>(ui, report) else { return };
    for (i, adapter) in reading.adapters.iter().enumerate() {
        let Some(link) = &adapter.link else { continue };
        ui.add_space(4.0);
        Grid::new(("network-wifi", i)).num_columns(2).spacing([18.0, 4.0]).show(ui, |ui| {
            ui.label(RichText::new(t!("netview-row-adapter")).strong());
            ui.label(&adapter.interface);
            ui.end_row();
            for (label, value) in link_rows(link) {
                ui.label(RichText::new(label).strong());
                ui.label(value);
                ui.end_row();
            }
        });
    }
}

/// The facts of one link, in the words the rest of the app uses; unknown ones left out.
pub fn link_rows(l: &WifiLink) -> Vec<(String, String)> {
    let mbps = |r: Option<f64>| r.map_or_else(|| "—".to_string(), |r| format!("{r} Mbit/s"));
    let mut rows = Vec::new();
    rows.push((t!("netview-wifi-network"), l.ssid.clone().unwrap_or_else(|| t!("netview-wifi-name-hidden"))));
    if let Some(b) = &l.bssid {
        rows.push((t!("netview-wifi-access-point"), b.clone()));
    }
    if let Some(d) = l.signal_dbm {
        let mut signal = format!("{d} dBm");
        if l.signal_estimated {
            signal = t!("netview-wifi-estimated", signal = signal);
        }
        if let Some(n) = l.noise_dbm {
            signal = t!("netview-wifi-with-noise", signal = signal, noise = format!("{n} dBm"));
        }
        rows.push((t!("netview-wifi-signal"), signal));
    }
    if let Some(band) = l.band {
        let mut text = band.label().to_string();
        if let Some(c) = l.channel {
            text = t!("netview-wifi-channel", band = text, channel = c);
        }
        if let Some(w) = l.channel_width_mhz {
            text = format!("{text} ({w} MHz)");
        }
        rows.push((t!("netview-wifi-band"), text));
    }
    if let Some(phy) = l.phy {
        rows.push((t!("netview-wifi-standard"), phy.label().to_string()));
    }
    if l.tx_rate_mbps.is_some() || l.rx_rate_mbps.is_some() {
        rows.push((t!("netview-wifi-link-rate"), format!("{} / {}", mbps(l.tx_rate_mbps), mbps(l.rx_rate_mbps))));
    }
    if let Some(s) = &l.security {
        rows.push((t!("netview-wifi-security"), s.label()));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::wifi::{WifiBand, WifiPhy, WifiSecurity};

    #[test]
    fn rows_say_what_is_known() {
        let mut l = WifiLink::empty();
        l.signal_dbm = Some(-79);
        l.signal_estimated = true;
        l.set_frequency(5220);
        l.phy = Some(WifiPhy::Ax);
        l.tx_rate_mbps = Some(103.0);
        l.security = Some(WifiSecurity::Wpa2Personal);
        let rows = link_rows(&l);
        let get = |k: &str| rows.iter().find(|(label, _)| *label == k).map(|(_, v)| v.as_str());
        assert_eq!(get("Network"), Some("(name not shown by the system)"));
        assert_eq!(get("Signal"), Some("-79 dBm (estimated)"));
        assert_eq!(get("Band"), Some("5 GHz, channel 44"));
        assert_eq!(get("Standard"), Some("802.11ax (Wi-Fi 6)"));
        assert_eq!(get("Link rate (send / receive)"), Some("103 Mbit/s / —"));
        assert_eq!(get("Security"), Some("WPA2-Personal"));
        assert_eq!(get("Access point"), None);
        assert_eq!(l.band, Some(WifiBand::Ghz5));
    }

    #[test]
    fn rows_read_in_danish_and_names_stay() {
        crate::i18n::set_current(crate::i18n::Lang::Da);
        let mut l = WifiLink::empty();
        l.ssid = Some("Kontor-5G".into());
        l.signal_dbm = Some(-61);
        l.noise_dbm = Some(-95);
        l.set_frequency(5220);
        let rows = link_rows(&l);
        let get = |k: &str| rows.iter().find(|(label, _)| *label == k).map(|(_, v)| v.as_str());
        assert_eq!(get("Netværk"), Some("Kontor-5G"));
        assert_eq!(get("Signal"), Some("-61 dBm, støj -95 dBm"));
        assert_eq!(get("Frekvensbånd"), Some("5 GHz, kanal 44"));
        crate::i18n::set_current(crate::i18n::Lang::En);
    }
}
