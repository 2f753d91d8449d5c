//! `ioreg -rn AppleSmartBattery`: the battery gas gauge's registry entry, one
//! `"Key" = value` line per property. A pure parser, so it is fixture-tested on every OS.
//!
//! Units changed with Apple silicon: on Intel Macs `MaxCapacity` and `CurrentCapacity`
//! are mAh; on Apple silicon they are percentages (`MaxCapacity` is always 100) and the
//! mAh figures moved to `AppleRawMaxCapacity` / `NominalChargeCapacity`. Health is
//! full-charge over design capacity in mAh, so a percentage is never taken for one.

use std::collections::HashMap;

use crate::platform::{BatteryInfo, BatteryState};

/// Every battery in the output, named as `pmset -g batt` names them (InternalBattery-0…).
/// Empty output (a desktop Mac has no AppleSmartBattery entry) means no battery.
pub fn parse_smart_battery(text: &str) -> Vec<BatteryInfo> {
    entries(text)
        .iter()
        .filter(|props| props.get("BatteryInstalled").is_none_or(|v| *v == "Yes"))
        .enumerate()
        .map(|(i, props)| battery_from(&format!("InternalBattery-{i}"), props))
        .collect()
}

/// The top-level properties of each `+-o` registry entry. Nested dictionaries such as
/// `BatteryData` print on one line and are kept whole as that key's text, so their inner
/// keys never shadow the top-level ones.
fn entries(text: &str) -> Vec<HashMap<&str, &str>> {
    let mut found: Vec<HashMap<&str, &str>> = Vec::new();
    for raw in text.lines() {
        // Tree drawing (`| |`) and indentation come before both entry and property lines.
        let line = raw.trim_start_matches([' ', '|', '\t']);
        if line.starts_with("+-o ") {
            found.push(HashMap::new());
            continue;
        }
        let Some(rest) = line.strip_prefix('"') else { continue };
        let Some((key, value)) = rest.split_once("\" = ") else { continue };
        if found.is_empty() {
            // Properties without an entry line (a trimmed paste): one battery.
            found.push(HashMap::new());
        }
        if let Some(props) = found.last_mut() {
            props.insert(key, value.trim());
        }
    }
    found
}

fn battery_from(name: &str, props: &HashMap<&str, &str>) -> BatteryInfo {
    let num = |key: &str| props.get(key).and_then(|v| v.parse::<u64>().ok());
    let yes = |key: &str| props.get(key).map(|v| *v == "Yes");
    let design = num("DesignCapacity").filter(|d| *d > 0);
    let max = num("MaxCapacity").filter(|m| *m > 0);
    // MaxCapacity is mAh only where it is not the Apple-silicon percentage (100).
    let max_mah = max.filter(|m| *m > 100 && design.is_some_and(|d| d > 100));
    let full_mah = num("AppleRawMaxCapacity").or_else(|| num("NominalChargeCapacity")).or(max_mah);
    let health_percent = match (full_mah, design) {
        (Some(full), Some(design)) => Some((full as f64 / design as f64 * 100.0).min(100.0)),
        _ => None,
    };
    // CurrentCapacity is in MaxCapacity's unit on both kinds of Mac, so their ratio is the charge.
    let charge_percent = match (num("CurrentCapacity"), max) {
        (Some(current), Some(max)) => Some((current as f64 / max as f64 * 100.0).min(100.0)),
        _ => None,
    };
    let state = match (yes("IsCharging"), yes("FullyCharged"), yes("ExternalConnected")) {
        (Some(true), _, _) => BatteryState::Charging,
        (_, Some(true), _) => BatteryState::Full,
        // On power but not charging: held below full (optimised charging) or the adapter is too weak.
        (_, _, Some(true)) => BatteryState::NotCharging,
        (_, _, Some(false)) => BatteryState::Discharging,
        _ => BatteryState::Unknown,
    };
    let text = |key: &str| props.get(key).map(|v| v.trim_matches('"').to_string()).filter(|s| !s.is_empty());
    BatteryInfo {
        name: name.to_string(),
        // The gas gauge chip (e.g. bq20z451): the closest thing to a model ioreg has.
        model: text("DeviceName"),
        manufacturer: text("Manufacturer"),
        charge_percent,
        state,
        health_percent,
        cycle_count: num("CycleCount"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_intel_macbook_battery() {
        let text = include_str!("../../../tests/fixtures/macos/battery-ioreg-intel.txt");
        let batteries = parse_smart_battery(text);
        assert_eq!(batteries.len(), 1);
        let b = &batteries[0];
        assert_eq!(b.name, "InternalBattery-0");
        assert_eq!(b.state, BatteryState::Charging);
        assert_eq!(b.cycle_count, Some(46));
        assert_eq!(b.model.as_deref(), Some("bq20z451"));
        assert_eq!(b.manufacturer.as_deref(), Some("SMP"));
        // 6806 of 6900 mAh; 5761 of 6806 mAh charged.
        assert!((b.health_percent.unwrap() - 98.64).abs() < 0.01, "{:?}", b.health_percent);
        assert!((b.charge_percent.unwrap() - 84.65).abs() < 0.01, "{:?}", b.charge_percent);
    }

    #[test]
    fn apple_silicon_percentages_are_not_capacities() {
        // Apple silicon's unit split in ioreg's line format: MaxCapacity 100 (%), mAh in
        // AppleRawMaxCapacity, an inline BatteryData dictionary. Hand-written values: no
        // full Apple-silicon capture with a citable source was found (see the README).
        let text = "+-o AppleSmartBattery  <class AppleSmartBattery, id 0x1000002a9>\n  {\n\
            \"BatteryData\" = {\"DesignCapacity\"=9999,\"CycleCount\"=999,\"MaxCapacity\"=100}\n\
            \"CurrentCapacity\" = 80\n\"MaxCapacity\" = 100\n\"DesignCapacity\" = 6075\n\
            \"AppleRawMaxCapacity\" = 5800\n\"NominalChargeCapacity\" = 5900\n\"CycleCount\" = 120\n\
            \"ExternalConnected\" = Yes\n\"IsCharging\" = No\n\"FullyCharged\" = No\n  }\n";
        let b = &parse_smart_battery(text)[0];
        assert!((b.health_percent.unwrap() - 95.47).abs() < 0.01, "5800 / 6075 mAh, never 100 / 6075");
        assert_eq!(b.charge_percent, Some(80.0));
        assert_eq!(b.cycle_count, Some(120), "the top-level key, not BatteryData's");
        assert_eq!(b.state, BatteryState::NotCharging);
        // Without the raw figure the nominal one stands in; with neither, no health at all.
        let nominal_only = text.replace("\"AppleRawMaxCapacity\" = 5800\n", "");
        assert!((parse_smart_battery(&nominal_only)[0].health_percent.unwrap() - 97.12).abs() < 0.01);
        let neither = nominal_only.replace("\"NominalChargeCapacity\" = 5900\n", "");
        assert_eq!(parse_smart_battery(&neither)[0].health_percent, None);
    }

    #[test]
    fn desktop_removed_battery_and_garbage() {
        assert!(parse_smart_battery("").is_empty(), "a desktop Mac prints nothing");
        let removed = "+-o AppleSmartBattery  <class AppleSmartBattery>\n  {\n    \"BatteryInstalled\" = No\n  }\n";
        assert!(parse_smart_battery(removed).is_empty());
        let on_battery = "\"ExternalConnected\" = No\n\"IsCharging\" = No\n\"DesignCapacity\" = 0\n";
        let b = &parse_smart_battery(on_battery)[0];
        assert_eq!((b.state, b.health_percent), (BatteryState::Discharging, None));
        for text in
            ["\"", "\" = ", "+-o ", "\"MaxCapacity\" = -1", "\"CycleCount\" = 18446744073709551616", "| | \u{0}"]
        {
            let _ = parse_smart_battery(text);
        }
    }
}
