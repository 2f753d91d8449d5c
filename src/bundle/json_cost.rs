//! What a JSON document will cost in memory once parsed, found by one streaming pass that
//! allocates nothing. A few MiB of text can become hundreds of MiB of `serde_json::Value`
//! (`[{"a":0},…]` is ~8 bytes of text but a 640-byte B-tree node per object), so the bundle
//! reader asks this first and refuses documents that would not fit its memory budget. The
//! pass stops as soon as the budget is spent, so refusing a huge document is cheap too.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Heap bytes per array element: a 32-byte `Value` slot, doubled for `Vec` growth slack.
const ARRAY_SLOT: u64 = 64;
/// The first B-tree leaf of a non-empty object (11 `String` keys + 11 `Value`s + header).
const OBJECT_NODE: u64 = 640;
/// Each object entry's share of further nodes, beyond its key's own bytes.
const OBJECT_ENTRY: u64 = 100;
/// The root `Value` itself.
const ROOT: u64 = 32;

/// What parsing a document would take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    /// About this many bytes, an upper estimate (typed structs take less).
    Within(u64),
    /// More than the budget; the pass stopped there.
    Over,
}

/// Estimates the heap a parse of `json` into `serde_json::Value` (or into a type holding
/// such values) takes, stopping early once it passes `budget`. Not JSON: the parse error.
pub fn estimate(json: &[u8], budget: u64) -> Result<Cost, serde_json::Error> {
    let spent = Cell::new(ROOT);
    let mut de = serde_json::Deserializer::from_slice(json);
    let walked = Node { spent: &spent, budget }.deserialize(&mut de).and_then(|()| de.end());
    match walked {
        _ if spent.get() > budget => Ok(Cost::Over),
        Ok(()) => Ok(Cost::Within(spent.get())),
        Err(e) => Err(e),
    }
}

/// One JSON value; adds what it owns on the heap to `spent`.
#[derive(Clone, Copy)]
struct Node<'a> {
    spent: &'a Cell<u64>,
    budget: u64,
}

impl Node<'_> {
    fn spend<E: de::Error>(&self, bytes: u64) -> Result<(), E> {
        self.spent.set(self.spent.get().saturating_add(bytes));
        if self.spent.get() > self.budget { Err(E::custom("over the memory budget")) } else { Ok(()) }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        self.spend(s.len() as u64)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {
            self.spend(ARRAY_SLOT)?;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut first = true;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
            self.spend(if first { OBJECT_NODE + OBJECT_ENTRY } else { OBJECT_ENTRY })?;
            first = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLENTY: u64 = u64::MAX;

    #[test]
    fn scalars_cost_their_slot_and_strings_their_bytes() {
        assert_eq!(estimate(b"0", PLENTY).unwrap(), Cost::Within(ROOT));
        assert_eq!(estimate(br#""abcd""#, PLENTY).unwrap(), Cost::Within(ROOT + 4));
        assert_eq!(estimate(b"[1,2,3]", PLENTY).unwrap(), Cost::Within(ROOT + 3 * ARRAY_SLOT));
        assert_eq!(estimate(b"{}", PLENTY).unwrap(), Cost::Within(ROOT));
        assert_eq!(estimate(br#"{"ab":1}"#, PLENTY).unwrap(), Cost::Within(ROOT + OBJECT_NODE + OBJECT_ENTRY + 2));
    }

    #[test]
    fn an_object_flood_costs_far_more_than_its_text() {
        let flood = format!("[{}]", vec![r#"{"a":0}"#; 10_000].join(","));
        let Cost::Within(cost) = estimate(flood.as_bytes(), PLENTY).unwrap() else { panic!("over u64::MAX") };
        assert!(cost > 80 * flood.len() as u64, "{cost} for {} bytes", flood.len());
    }

    #[test]
    fn the_pass_stops_once_the_budget_is_spent() {
        // Broken JSON after the budget is spent: the pass never gets there.
        let mut flood = format!("[{}", vec![r#"{"a":0}"#; 10_000].join(","));
        flood.push_str(",{{{");
        assert_eq!(estimate(flood.as_bytes(), 1 << 20).unwrap(), Cost::Over);
        assert!(estimate(flood.as_bytes(), PLENTY).is_err());
    }

    #[test]
    fn not_json_is_the_parsers_error() {
        assert!(estimate(b"{", PLENTY).is_err());
        assert!(estimate(b"[1] trailing", PLENTY).is_err());
        assert!(estimate(&[0xff, 0xfe], PLENTY).is_err());
        // Deep nesting stops at serde_json's recursion limit instead of the stack.
        let deep = "[".repeat(100_000);
        assert!(estimate(deep.as_bytes(), PLENTY).is_err());
    }
}
