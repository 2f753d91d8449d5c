//! The round-trip-time summary ping(8) prints (min/avg/max/mdev) and loss, as pure
//! functions over per-probe results, so ping and traceroute hops share one definition.

use serde::{Deserialize, Serialize};

/// Summary of a series of probes; `None` entries are probes that got no answer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct RttSummary {
    pub sent: u32,
    pub received: u32,
    pub loss_percent: f64,
    pub min_ms: Option<f64>,
    pub avg_ms: Option<f64>,
    pub max_ms: Option<f64>,
    /// Population standard deviation, which is what ping(8) calls "mdev".
    pub mdev_ms: Option<f64>,
}

/// A round-trip time in milliseconds, kept to whole microseconds: enough for a LAN
/// (tens of µs) and free of float noise in JSON.
pub fn duration_ms(d: std::time::Duration) -> f64 {
    d.as_micros() as f64 / 1000.0
}

/// `ms` rounded to whole microseconds.
fn round_us(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

/// Summarise finished probes. An empty series has 0 % loss: nothing was lost yet.
pub fn summarize(rtts_ms: &[Option<f64>]) -> RttSummary {
    let answered: Vec<f64> = rtts_ms.iter().flatten().copied().collect();
    let sent = u32::try_from(rtts_ms.len()).unwrap_or(u32::MAX);
    let received = u32::try_from(answered.len()).unwrap_or(u32::MAX);
    let loss_percent = if sent == 0 { 0.0 } else { f64::from(sent - received) * 100.0 / f64::from(sent) };
    if answered.is_empty() {
        return RttSummary { sent, received, loss_percent, ..RttSummary::default() };
    }
    let n = answered.len() as f64;
    let avg = answered.iter().sum::<f64>() / n;
    let min = answered.iter().copied().fold(f64::INFINITY, f64::min);
    let max = answered.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Mean of squared deviations rather than ping's sum-of-squares formula: same value,
    // no cancellation when RTTs are large and close together.
    let variance = answered.iter().map(|r| (r - avg).powi(2)).sum::<f64>() / n;
    RttSummary {
        sent,
        received,
        loss_percent,
        min_ms: Some(round_us(min)),
        avg_ms: Some(round_us(avg)),
        max_ms: Some(round_us(max)),
        mdev_ms: Some(round_us(variance.sqrt())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn summary_matches_ping_for_a_known_series() {
        // ping prints min/avg/max/mdev = 1.000/2.500/4.000/1.118 for these four RTTs.
        let s = summarize(&[Some(1.0), Some(2.0), Some(3.0), Some(4.0)]);
        assert_eq!((s.sent, s.received), (4, 4));
        assert_eq!(s.loss_percent, 0.0);
        assert!(close(s.min_ms, 1.0) && close(s.avg_ms, 2.5) && close(s.max_ms, 4.0));
        assert!(close(s.mdev_ms, 1.118), "{:?}", s.mdev_ms);
    }

    #[test]
    fn lost_probes_count_as_loss_and_not_in_the_times() {
        let s = summarize(&[Some(10.0), None, Some(20.0), None, None]);
        assert_eq!((s.sent, s.received), (5, 2));
        assert!((s.loss_percent - 60.0).abs() < 1e-9);
        assert!(close(s.min_ms, 10.0) && close(s.avg_ms, 15.0) && close(s.max_ms, 20.0));
        assert!(close(s.mdev_ms, 5.0));
    }

    #[test]
    fn all_lost_has_no_times_and_full_loss() {
        let s = summarize(&[None, None, None]);
        assert_eq!(s.loss_percent, 100.0);
        assert_eq!((s.min_ms, s.avg_ms, s.max_ms, s.mdev_ms), (None, None, None, None));
    }

    #[test]
    fn nothing_finished_is_no_loss() {
        let s = summarize(&[]);
        assert_eq!((s.sent, s.received, s.loss_percent), (0, 0, 0.0));
        assert_eq!(s.avg_ms, None);
    }

    #[test]
    fn times_keep_microseconds_without_float_noise() {
        assert_eq!(duration_ms(std::time::Duration::from_nanos(52_400)), 0.052);
        let s = summarize(&[Some(0.052), Some(0.053), Some(0.053)]);
        assert_eq!((s.min_ms, s.avg_ms, s.max_ms), (Some(0.052), Some(0.053), Some(0.053)));
        assert_eq!(serde_json::to_string(&s.avg_ms).unwrap(), "0.053");
    }

    #[test]
    fn one_reply_has_zero_deviation() {
        let s = summarize(&[Some(7.5)]);
        assert!(close(s.mdev_ms, 0.0) && close(s.min_ms, 7.5) && close(s.max_ms, 7.5));
    }
}
