//! What a JSON document will cost in memory once parsed, found by one streaming pass that
//! allocates nothing. A few MiB of text can become hundreds of MiB of `serde_json::Value`
//! (`[{"a":0},…]` is ~8 bytes of text but a 640-byte B-tree node per object), so the bundle
//! reader asks this first and refuses documents that would not fit its memory budget.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};

/// Heap bytes per array element: a 32-byte `Value` slot, doubled for `Vec` growth slack.
const ARRAY_SLOT: u64 = 64;
/// The first B-tree leaf of a non-empty object (11 `String` keys + 11 `Value`s + header).
const OBJECT_NODE: u64 = 640;
/// Each object entry's share of further nodes, beyond its key's own bytes.
const OBJECT_ENTRY: u64 = 100;
/// The root `Value` itself.
const ROOT: u64 = 32;

/// An upper estimate of the heap a parse of `json` into `serde_json::Value` (or into a type
/// holding such values) takes, or the parse error when `json` is not JSON. Typed structs
/// cost less than this says; the estimate is deliberately on the high side.
pub fn estimate(json: &[u8]) -> Result<u64, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let Cost(bytes) = Cost::deserialize(&mut de)?;
    de.end()?;
    Ok(bytes.saturating_add(ROOT))
}

/// The heap owned by one JSON value (not counting the slot that holds it).
struct Cost(u64);

impl<'de> Deserialize<'de> for Cost {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CostVisitor)
    }
}

struct CostVisitor;

impl<'de> Visitor<'de> for CostVisitor {
    type Value = Cost;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Cost, E> {
        Ok(Cost(0))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Cost, E> {
        Ok(Cost(0))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Cost, E> {
        Ok(Cost(0))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Cost, E> {
        Ok(Cost(0))
    }
    fn visit_unit<E>(self) -> Result<Cost, E> {
        Ok(Cost(0))
    }
    fn visit_str<E>(self, s: &str) -> Result<Cost, E> {
        Ok(Cost(s.len() as u64))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cost, A::Error> {
        let mut total = 0u64;
        while let Some(Cost(c)) = seq.next_element()? {
            total = total.saturating_add(ARRAY_SLOT).saturating_add(c);
        }
        Ok(Cost(total))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cost, A::Error> {
        let mut total = 0u64;
        while let Some((Cost(k), Cost(v))) = map.next_entry()? {
            let first = if total == 0 { OBJECT_NODE } else { 0 };
            total = total.saturating_add(first).saturating_add(OBJECT_ENTRY).saturating_add(k).saturating_add(v);
        }
        Ok(Cost(total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_cost_their_slot_and_strings_their_bytes() {
        assert_eq!(estimate(b"0").unwrap(), ROOT);
        assert_eq!(estimate(br#""abcd""#).unwrap(), ROOT + 4);
        assert_eq!(estimate(b"[1,2,3]").unwrap(), ROOT + 3 * ARRAY_SLOT);
        assert_eq!(estimate(b"{}").unwrap(), ROOT);
        assert_eq!(estimate(br#"{"ab":1}"#).unwrap(), ROOT + OBJECT_NODE + OBJECT_ENTRY + 2);
    }

    #[test]
    fn an_object_flood_costs_far_more_than_its_text() {
        let flood = format!("[{}]", vec![r#"{"a":0}"#; 10_000].join(","));
        let cost = estimate(flood.as_bytes()).unwrap();
        assert!(cost > 80 * flood.len() as u64, "{cost} for {} bytes", flood.len());
    }

    #[test]
    fn not_json_is_the_parsers_error() {
        assert!(estimate(b"{").is_err());
        assert!(estimate(b"[1] trailing").is_err());
        assert!(estimate(&[0xff, 0xfe]).is_err());
        // Deep nesting stops at serde_json's recursion limit instead of the stack.
        let deep = "[".repeat(100_000);
        assert!(estimate(deep.as_bytes()).is_err());
    }
}
