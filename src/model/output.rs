//! The JSON contract shared by every machine-readable output (`run`, `checklist`, `ping`,
//! `trace`, `show` with `--json`, and report.json): a top-level `status` that matches the
//! exit code, `schema_version`, `data` always an object, and numbers without float noise.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::Report;

/// The overall result, in the monitoring-plugin convention the exit code follows:
/// ok = 0, warn = 1, fail = 2, error = 3 ("could not run" or "could not tell").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Warn,
    Fail,
    Error,
}

impl Status {
    /// The status an exit code stands for; anything outside 0–2 is an error.
    pub fn from_exit_code(code: i32) -> Status {
        match code {
            0 => Status::Ok,
            1 => Status::Warn,
            2 => Status::Fail,
            _ => Status::Error,
        }
    }

    pub fn exit_code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::Warn => 1,
            Status::Fail => 2,
            Status::Error => 3,
        }
    }
}

/// A report as JSON documents carry it (`run`, `checklist NAME`, `show` with `--json`, and
/// report.json in the bundle): the report with its overall status. The report already
/// carries `schema_version`.
// Borrows the report where it can: a report's attachments can be large.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReportOutput<'a> {
    /// ok, warn or fail as the worst finding says; `checklist` also says error when the walk
    /// was abandoned. `show`'s own exit code is about the bundle's integrity, not this.
    pub status: Status,
    #[serde(flatten)]
    pub report: Cow<'a, Report>,
}

impl<'a> ReportOutput<'a> {
    /// The report with the status its findings give (as `Report::exit_code`).
    pub fn of(report: Cow<'a, Report>) -> Self {
        Self { status: Status::from_exit_code(report.exit_code()), report }
    }
}

/// A check's data that is a list: `data` is always an object, so scripts can read
/// `data.items` without first asking what shape `data` has.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ListData<T> {
    pub items: Vec<T>,
}

impl<T> ListData<T> {
    pub fn new(items: Vec<T>) -> Self {
        Self { items }
    }
}

/// Also reads the bare list that schema version 1 stored, so older bundles still show.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListData<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either<T> {
            Wrapped { items: Vec<T> },
            Bare(Vec<T>),
        }
        Ok(match Either::deserialize(deserializer)? {
            Either::Wrapped { items } | Either::Bare(items) => ListData { items },
        })
    }
}

/// Decimal places kept for every number in the JSON: a microsecond for millisecond
/// figures, a thousandth of a percent for percentages.
pub const DECIMALS: i32 = 3;

/// Rounds every float in a JSON value to `DECIMALS` places, so 12.300000000000001 reads
/// 12.3: binary floating point noise means nothing to a script or a person.
pub fn round_floats(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(rounded) = n.as_f64().map(round).and_then(serde_json::Number::from_f64) {
                *n = rounded;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(round_floats),
        serde_json::Value::Object(map) => map.values_mut().for_each(round_floats),
        _ => {}
    }
}

fn round(v: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS);
    let r = (v * scale).round() / scale;
    // Very large values would overflow the scaling; they carry no noise worth removing.
    if r.is_finite() { r } else { v }
}

/// A check's structured data as a JSON object: an object as it is, a list wrapped as
/// `{"items": [...]}`, any other value as `{"value": ...}`; floats rounded.
pub fn data_object(mut value: serde_json::Value) -> serde_json::Value {
    round_floats(&mut value);
    match value {
        serde_json::Value::Object(_) | serde_json::Value::Null => value,
        serde_json::Value::Array(items) => serde_json::json!({ "items": items }),
        other => serde_json::json!({ "value": other }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_lose_their_noise() {
        // 12.3 + 1e-15 and 100/3 carry the noise a real computation leaves.
        let mut v = serde_json::json!({"a": 12.3 + 1e-15, "b": [0.1 + 0.2, 7], "c": {"d": 100.0 / 3.0}});
        round_floats(&mut v);
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"a":12.3,"b":[0.3,7],"c":{"d":33.333}}"#);
    }

    #[test]
    fn data_is_always_an_object() {
        assert_eq!(data_object(serde_json::json!([1, 2])), serde_json::json!({"items": [1, 2]}));
        assert_eq!(data_object(serde_json::json!({"x": 1})), serde_json::json!({"x": 1}));
        assert_eq!(data_object(serde_json::json!(5)), serde_json::json!({"value": 5}));
        assert!(data_object(serde_json::Value::Null).is_null());
    }

    #[test]
    fn list_data_reads_both_shapes() {
        let new: ListData<u8> = serde_json::from_value(serde_json::json!({"items": [1, 2]})).unwrap();
        let old: ListData<u8> = serde_json::from_value(serde_json::json!([1, 2])).unwrap();
        assert_eq!(new, old);
    }

    #[test]
    fn status_follows_exit_codes() {
        for code in 0..=3 {
            assert_eq!(Status::from_exit_code(code).exit_code(), code);
        }
        assert_eq!(Status::from_exit_code(101), Status::Error);
    }
}
