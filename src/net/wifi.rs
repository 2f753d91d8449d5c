//! The Wi-Fi link: the OS's Wi-Fi state (read by `platform::wifi_links` off the async
//! runtime) and each link judged against the configured thresholds. No findings here:
//! `checks::network` words them.

use serde::{Deserialize, Serialize};

use crate::config::WifiSettings;
use crate::platform::wifi::{WifiBand, WifiError, WifiLink, WifiReading};

/// How strong a link's signal is against `[network.wifi]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalLevel {
    Good,
    /// Below `signal_warn_dbm`.
    Weak,
    /// Below `signal_fail_dbm`.
    VeryWeak,
}

/// What the thresholds say about one link.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LinkJudgement {
    /// None when the OS gave no signal figure.
    pub signal: Option<SignalLevel>,
    /// On 2.4 GHz, slower than `congested_24ghz_below_mbps` with a signal that is not weak:
    /// the channel is crowded (neighbours, retries), not the access point too far away.
    pub congested_24ghz: bool,
}

pub fn judge(link: &WifiLink, settings: &WifiSettings) -> LinkJudgement {
    let signal = link.signal_dbm.map(|dbm| {
        if dbm < settings.signal_fail_dbm {
            SignalLevel::VeryWeak
        } else if dbm < settings.signal_warn_dbm {
            SignalLevel::Weak
        } else {
            SignalLevel::Good
        }
    });
    let congested_24ghz = link.band == Some(WifiBand::Ghz2_4)
        && settings.congested_24ghz_below_mbps > 0.0
        && signal != Some(SignalLevel::Weak)
        && signal != Some(SignalLevel::VeryWeak)
        && link.rate_mbps().is_some_and(|r| r < settings.congested_24ghz_below_mbps);
    LinkJudgement { signal, congested_24ghz }
}

/// Reads the Wi-Fi state on a blocking thread (netlink, wlanapi and system_profiler all block).
pub async fn read() -> Result<WifiReading, WifiError> {
    tokio::task::spawn_blocking(crate::platform::wifi_links)
        .await
        .map_err(|e| WifiError::Failed(format!("the Wi-Fi reader did not finish: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(dbm: Option<i32>, band: WifiBand, rate: f64) -> WifiLink {
        let mut l = WifiLink::empty();
        l.signal_dbm = dbm;
        l.band = Some(band);
        l.tx_rate_mbps = Some(rate);
        l
    }

    #[test]
    fn signal_levels_follow_the_thresholds() {
        let s = WifiSettings::default();
        assert_eq!(judge(&link(Some(-55), WifiBand::Ghz5, 866.7), &s).signal, Some(SignalLevel::Good));
        assert_eq!(judge(&link(Some(-70), WifiBand::Ghz5, 866.7), &s).signal, Some(SignalLevel::Good));
        assert_eq!(judge(&link(Some(-71), WifiBand::Ghz5, 866.7), &s).signal, Some(SignalLevel::Weak));
        assert_eq!(judge(&link(Some(-81), WifiBand::Ghz5, 866.7), &s).signal, Some(SignalLevel::VeryWeak));
        assert_eq!(judge(&link(None, WifiBand::Ghz5, 866.7), &s).signal, None);
    }

    #[test]
    fn a_slow_2_4_ghz_link_with_a_good_signal_is_congested() {
        let s = WifiSettings::default();
        // The recorded `iw dev wlp1s0 link`: -51 dBm, 26 Mbit/s on channel 1.
        assert!(judge(&link(Some(-51), WifiBand::Ghz2_4, 26.0), &s).congested_24ghz);
        assert!(!judge(&link(Some(-51), WifiBand::Ghz2_4, 144.0), &s).congested_24ghz);
        // Slow on 5 GHz, or slow because the signal is weak: not this rule.
        assert!(!judge(&link(Some(-51), WifiBand::Ghz5, 26.0), &s).congested_24ghz);
        assert!(!judge(&link(Some(-75), WifiBand::Ghz2_4, 6.5), &s).congested_24ghz);
        // 0 turns the rule off.
        let off = WifiSettings { congested_24ghz_below_mbps: 0.0, ..s };
        assert!(!judge(&link(Some(-51), WifiBand::Ghz2_4, 1.0), &off).congested_24ghz);
    }
}
