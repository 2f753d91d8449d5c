//! Pure parsers over IPP attribute values: printer-state-reasons severities, IPP Everywhere
//! `printer-supply` strings and CUPS `marker-*` lists. No I/O, so they are tested on fixtures.

use crate::i18n::{self, Lang};
use serde::{Deserialize, Serialize};

/// How serious a printer-state-reasons keyword is, from its suffix (RFC 8011 §5.4.12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonSeverity {
    /// `-report`: for information only.
    Report,
    /// `-warning`: printing goes on, but something needs attention soon.
    Warning,
    /// `-error`, or no suffix (the RFC says to assume an error then): printing is stopped.
    Error,
}

/// One printer-state-reasons keyword, split into its reason and severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateReason {
    /// The keyword as the printer sent it, e.g. `toner-low-report`.
    pub keyword: String,
    /// The reason without its suffix, e.g. `toner-low`.
    pub reason: String,
    pub severity: ReasonSeverity,
}

/// Parse one printer-state-reasons keyword; `none` (no reason at all) gives `None`.
pub fn parse_reason(keyword: &str) -> Option<StateReason> {
    let keyword = keyword.trim();
    if keyword.is_empty() || keyword == "none" {
        return None;
    }
    let (reason, severity) = if let Some(r) = keyword.strip_suffix("-report") {
        (r, ReasonSeverity::Report)
    } else if let Some(r) = keyword.strip_suffix("-warning") {
        (r, ReasonSeverity::Warning)
    } else if let Some(r) = keyword.strip_suffix("-error") {
        (r, ReasonSeverity::Error)
    } else if keyword.starts_with("cups-") {
        // CUPS's own bookkeeping keywords (cups-waiting-for-job-completed, cups-missing-filter
        // is an exception the caller sees by name): informational by design.
        (keyword, if keyword == "cups-missing-filter" { ReasonSeverity::Error } else { ReasonSeverity::Report })
    } else {
        (keyword, ReasonSeverity::Error)
    };
    Some(StateReason { keyword: keyword.to_string(), reason: reason.to_string(), severity })
}

/// Parse every keyword of printer-state-reasons.
pub fn parse_reasons<'a>(keywords: impl IntoIterator<Item = &'a str>) -> Vec<StateReason> {
    keywords.into_iter().filter_map(parse_reason).collect()
}

/// A supply level as the printer reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SupplyLevel {
    /// A known level, in percent of the supply's capacity.
    Percent { percent: u8 },
    /// −1: the printer cannot report this supply's level.
    Unavailable,
    /// −2: the level is unknown.
    Unknown,
    /// −3: the level is unknown, but the supply is not empty.
    SomeRemaining,
}

impl SupplyLevel {
    /// From a marker-levels value (already a percentage) or a negative sentinel.
    pub fn from_percent(value: i64) -> SupplyLevel {
        match value {
            -1 => SupplyLevel::Unavailable,
            -3 => SupplyLevel::SomeRemaining,
            v if v < 0 => SupplyLevel::Unknown,
            v => SupplyLevel::Percent { percent: v.min(100) as u8 },
        }
    }

    /// From a printer-supply `level` against its `maxcapacity` (both may be sentinels).
    pub fn from_level(level: i64, max_capacity: Option<i64>) -> SupplyLevel {
        if level < 0 {
            return SupplyLevel::from_percent(level);
        }
        match max_capacity {
            Some(max) if max > 0 => SupplyLevel::Percent { percent: ((level * 100 + max / 2) / max).min(100) as u8 },
            // Capacity unknown (−2) or unrestricted (−1): the level is taken as a percentage,
            // which is what printers that omit the capacity report.
            _ => SupplyLevel::from_percent(level),
        }
    }

    pub fn percent(self) -> Option<u8> {
        match self {
            SupplyLevel::Percent { percent } => Some(percent),
            _ => None,
        }
    }

    /// The `level` argument of the message `printers-level`: the percentage as "4 %", or a
    /// keyword the message words ("unavailable", "unknown", "some").
    pub fn keyword(self) -> String {
        match self {
            SupplyLevel::Percent { percent } => format!("{percent} %"),
            SupplyLevel::Unavailable => "unavailable".into(),
            SupplyLevel::Unknown => "unknown".into(),
            SupplyLevel::SomeRemaining => "some".into(),
        }
    }

    /// For people, in `lang`: "4 %", "level not reported by the printer", …
    pub fn describe_in(self, lang: Lang) -> String {
        i18n::text(lang, &crate::msg!("printers-level", level = self.keyword()))
    }

    /// In English, as evidence and the JSON keep it.
    pub fn describe(self) -> String {
        self.describe_in(Lang::En)
    }
}

/// Where a supply entry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplySource {
    /// IPP Everywhere `printer-supply` (+ `printer-supply-description`).
    PrinterSupply,
    /// CUPS `marker-names`/`marker-levels`/… (from the driver or backend).
    CupsMarker,
}

/// One consumable or waste receptacle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supply {
    /// What the printer calls it ("Black Toner"), or its type when it gives no name.
    pub name: String,
    /// `toner`, `ink`, `wasteToner`, `waste-toner`, … as reported.
    pub kind: Option<String>,
    /// Colour name or `#RRGGBB`, when reported.
    pub color: Option<String>,
    pub level: SupplyLevel,
    /// Level (percent) at or below which the printer itself calls the supply low (marker-low-levels).
    pub low_percent: Option<u8>,
    /// A receptacle that fills up (waste toner): a high level is the problem, not a low one.
    pub fills_up: bool,
    pub source: SupplySource,
}

/// The `key=value;` pairs of one printer-supply octet string (PWG 5100.13 / RFC 3805 names).
pub fn supply_fields(text: &str) -> Vec<(String, String)> {
    text.split(';')
        .filter_map(|part| {
            let (k, v) = part.split_once('=')?;
            let k = k.trim();
            (!k.is_empty()).then(|| (k.to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect()
}

/// Parse one printer-supply value (`type=toner;maxcapacity=100;level=75;colorantname=black;`)
/// with its printer-supply-description, if any. `None` when it has no level at all.
pub fn parse_printer_supply(text: &str, description: Option<&str>) -> Option<Supply> {
    let fields = supply_fields(text);
    let get = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let int = |key: &str| get(key).and_then(|v| v.parse::<i64>().ok());
    let level = int("level")?;
    let kind = get("type").filter(|v| !v.is_empty()).map(str::to_string);
    let class = get("class").unwrap_or("");
    let color = get("colorantname").filter(|v| !v.is_empty() && *v != "unknown").map(str::to_string);
    let name = description
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .or_else(|| match (&color, &kind) {
            (Some(c), Some(k)) => Some(format!("{c} {k}")),
            (None, Some(k)) => Some(k.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "supply".into());
    let fills_up = class.eq_ignore_ascii_case("receptacleThatIsFilled")
        || kind.as_deref().is_some_and(|k| k.to_ascii_lowercase().starts_with("waste"));
    Some(Supply {
        name,
        kind,
        color,
        level: SupplyLevel::from_level(level, int("maxcapacity")),
        low_percent: None,
        fills_up,
        source: SupplySource::PrinterSupply,
    })
}

/// Every printer-supply value, paired by position with printer-supply-description.
pub fn parse_printer_supplies(values: &[String], descriptions: &[String]) -> Vec<Supply> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| parse_printer_supply(v, descriptions.get(i).map(String::as_str)))
        .collect()
}

/// The CUPS marker-* attributes of one queue, as lists of equal length (CUPS keeps them in step).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markers {
    pub names: Vec<String>,
    pub levels: Vec<i64>,
    pub colors: Vec<String>,
    pub types: Vec<String>,
    pub low_levels: Vec<i64>,
}

/// Turn CUPS marker-* lists into supplies. Markers without a level are skipped; a list that is
/// shorter than marker-names leaves the missing fields empty rather than guessing.
pub fn parse_markers(m: &Markers) -> Vec<Supply> {
    m.names
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let level = *m.levels.get(i)?;
            let kind = m.types.get(i).filter(|t| !t.is_empty() && *t != "none").cloned();
            let color = m.colors.get(i).filter(|c| !c.is_empty() && *c != "none").cloned();
            let low_percent = m.low_levels.get(i).filter(|l| (0..=100).contains(*l)).map(|l| *l as u8);
            let fills_up = kind.as_deref().is_some_and(|k| k.starts_with("waste"));
            Some(Supply {
                name: if name.trim().is_empty() {
                    kind.clone().unwrap_or_else(|| "supply".into())
                } else {
                    name.clone()
                },
                kind,
                color,
                level: SupplyLevel::from_percent(level),
                low_percent,
                fills_up,
                source: SupplySource::CupsMarker,
            })
        })
        .collect()
}

/// How full or empty a supply is, judged for a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplyCondition {
    Ok,
    /// Low (or, for a waste receptacle, nearly full).
    Low,
    /// Empty (or, for a waste receptacle, full).
    Empty,
    /// The level is not known.
    Unknown,
}

/// Level at or below which a consumable counts as low when the printer gives no threshold.
pub const DEFAULT_LOW_PERCENT: u8 = 10;

impl Supply {
    /// Low/empty judged from the level, the printer's own threshold, and whether it fills up.
    pub fn condition(&self) -> SupplyCondition {
        let Some(p) = self.level.percent() else {
            return SupplyCondition::Unknown;
        };
        let low = self.low_percent.unwrap_or(DEFAULT_LOW_PERCENT);
        if self.fills_up {
            match p {
                100 => SupplyCondition::Empty,
                p if p >= 100 - low => SupplyCondition::Low,
                _ => SupplyCondition::Ok,
            }
        } else {
            match p {
                0 => SupplyCondition::Empty,
                p if p <= low => SupplyCondition::Low,
                _ => SupplyCondition::Ok,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_suffixes_give_severity() {
        let r = parse_reason("toner-low-report").unwrap();
        assert_eq!((r.reason.as_str(), r.severity), ("toner-low", ReasonSeverity::Report));
        let r = parse_reason("media-empty-warning").unwrap();
        assert_eq!((r.reason.as_str(), r.severity), ("media-empty", ReasonSeverity::Warning));
        let r = parse_reason("media-jam-error").unwrap();
        assert_eq!((r.reason.as_str(), r.severity), ("media-jam", ReasonSeverity::Error));
        // No suffix: the RFC says assume an error.
        assert_eq!(parse_reason("paused").unwrap().severity, ReasonSeverity::Error);
        assert_eq!(parse_reason("cups-waiting-for-job-completed").unwrap().severity, ReasonSeverity::Report);
        assert!(parse_reason("none").is_none());
        assert!(parse_reason("  ").is_none());
    }

    #[test]
    fn supply_levels_and_sentinels() {
        assert_eq!(SupplyLevel::from_percent(-1), SupplyLevel::Unavailable);
        assert_eq!(SupplyLevel::from_percent(-2), SupplyLevel::Unknown);
        assert_eq!(SupplyLevel::from_percent(-3), SupplyLevel::SomeRemaining);
        assert_eq!(SupplyLevel::from_percent(-9), SupplyLevel::Unknown);
        assert_eq!(SupplyLevel::from_percent(250), SupplyLevel::Percent { percent: 100 });
        assert_eq!(SupplyLevel::from_level(150, Some(600)), SupplyLevel::Percent { percent: 25 });
        assert_eq!(SupplyLevel::from_level(40, Some(-2)), SupplyLevel::Percent { percent: 40 });
        assert_eq!(SupplyLevel::from_level(-3, Some(100)), SupplyLevel::SomeRemaining);
    }

    #[test]
    fn printer_supply_without_description_is_named_by_colour_and_type() {
        let s = parse_printer_supply("type=ink;maxcapacity=200;level=10;colorantname=cyan;", None).unwrap();
        assert_eq!(s.name, "cyan ink");
        assert_eq!(s.level.percent(), Some(5));
        assert_eq!(s.condition(), SupplyCondition::Low);
        assert!(parse_printer_supply("type=ink;maxcapacity=200;", None).is_none());
        assert!(parse_printer_supply("garbage", None).is_none());
    }

    #[test]
    fn waste_receptacle_is_judged_the_other_way() {
        let s = parse_printer_supply("class=receptacleThatIsFilled;type=wasteToner;maxcapacity=100;level=95;", None)
            .unwrap();
        assert!(s.fills_up);
        assert_eq!(s.condition(), SupplyCondition::Low);
    }

    #[test]
    fn markers_with_short_lists() {
        let m = Markers {
            names: vec!["Black".into(), "Cyan".into()],
            levels: vec![3],
            colors: vec!["#000000".into(), "#00FFFF".into()],
            types: vec!["toner".into()],
            low_levels: vec![5],
        };
        let s = parse_markers(&m);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].low_percent, s[0].condition()), (Some(5), SupplyCondition::Low));
    }
}
