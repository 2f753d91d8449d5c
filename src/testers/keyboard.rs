//! Keyboard tester state: the ANSI and ISO layouts as data, each key's state
//! (untested → pressed → tested), and the keys never pressed or stuck down.
//!
//! Keys are named by their physical position with W3C UI Events `code` names
//! ("KeyA", "ShiftLeft", "IntlBackslash"), so the tester works whatever the keymap.
//! Times are seconds on any monotonic clock (the GUI passes egui's input time).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Finding, Severity, ToolReport};
use crate::msg;

/// Which physical layout the on-screen keyboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoutKind {
    /// US style: wide left Shift, one-row Enter, backslash above Enter (87 keys without numpad).
    Ansi,
    /// European style: short left Shift with an extra key beside it, tall Enter (88 keys).
    Iso,
}

impl LayoutKind {
    /// The name shown on the layout switch.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ansi => "ANSI (US)",
            Self::Iso => "ISO (European)",
        }
    }

    /// The name in `lang`.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let id = match self {
            Self::Ansi => "testers-layout-ansi",
            Self::Iso => "testers-layout-iso",
        };
        crate::i18n::tr(lang, id)
    }
}

/// One key on the drawing: its code, its printed label, its width in key units
/// (1.0 = a letter key) and whether it spans two rows (the ISO Enter).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KeySpec {
    pub code: &'static str,
    pub label: &'static str,
    pub width: f32,
    pub tall: bool,
}

/// A place in a row: a key or an empty gap (in key units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot {
    Key(KeySpec),
    Gap(f32),
}

/// The key's printed label, kept out of string literals: an escape in one would hide the
/// message ids after it from the completeness test (i18n/tests.rs reads literals plainly).
#[allow(clippy::useless_concat)]
const BACKSLASH: &str = concat!('\\');

const fn k(code: &'static str, label: &'static str) -> Slot {
    Slot::Key(KeySpec { code, label, width: 1.0, tall: false })
}

const fn w(code: &'static str, label: &'static str, width: f32) -> Slot {
    Slot::Key(KeySpec { code, label, width, tall: false })
}

const FUNCTION_ROW: &[Slot] = &[
    k("Escape", "Esc"),
    Slot::Gap(1.0),
    k("F1", "F1"),
    k("F2", "F2"),
    k("F3", "F3"),
    k("F4", "F4"),
    Slot::Gap(0.5),
    k("F5", "F5"),
    k("F6", "F6"),
    k("F7", "F7"),
    k("F8", "F8"),
    Slot::Gap(0.5),
    k("F9", "F9"),
    k("F10", "F10"),
    k("F11", "F11"),
    k("F12", "F12"),
    Slot::Gap(0.25),
    k("PrintScreen", "PrtSc"),
    k("ScrollLock", "ScrLk"),
    k("Pause", "Pause"),
];

const NUMBER_ROW: &[Slot] = &[
    k("Backquote", "`"),
    k("Digit1", "1"),
    k("Digit2", "2"),
    k("Digit3", "3"),
    k("Digit4", "4"),
    k("Digit5", "5"),
    k("Digit6", "6"),
    k("Digit7", "7"),
    k("Digit8", "8"),
    k("Digit9", "9"),
    k("Digit0", "0"),
    k("Minus", "-"),
    k("Equal", "="),
    w("Backspace", "Backspace", 2.0),
    Slot::Gap(0.25),
    k("Insert", "Ins"),
    k("Home", "Home"),
    k("PageUp", "PgUp"),
];

const ANSI_TOP: &[Slot] = &[
    w("Tab", "Tab", 1.5),
    k("KeyQ", "Q"),
    k("KeyW", "W"),
    k("KeyE", "E"),
    k("KeyR", "R"),
    k("KeyT", "T"),
    k("KeyY", "Y"),
    k("KeyU", "U"),
    k("KeyI", "I"),
    k("KeyO", "O"),
    k("KeyP", "P"),
    k("BracketLeft", "["),
    k("BracketRight", "]"),
    w("Backslash", BACKSLASH, 1.5),
    Slot::Gap(0.25),
    k("Delete", "Del"),
    k("End", "End"),
    k("PageDown", "PgDn"),
];

const ISO_TOP: &[Slot] = &[
    w("Tab", "Tab", 1.5),
    k("KeyQ", "Q"),
    k("KeyW", "W"),
    k("KeyE", "E"),
    k("KeyR", "R"),
    k("KeyT", "T"),
    k("KeyY", "Y"),
    k("KeyU", "U"),
    k("KeyI", "I"),
    k("KeyO", "O"),
    k("KeyP", "P"),
    k("BracketLeft", "["),
    k("BracketRight", "]"),
    // The tall Enter: drawn across this row and the next.
    Slot::Key(KeySpec { code: "Enter", label: "Enter", width: 1.5, tall: true }),
    Slot::Gap(0.25),
    k("Delete", "Del"),
    k("End", "End"),
    k("PageDown", "PgDn"),
];

const ANSI_HOME: &[Slot] = &[
    w("CapsLock", "Caps Lock", 1.75),
    k("KeyA", "A"),
    k("KeyS", "S"),
    k("KeyD", "D"),
    k("KeyF", "F"),
    k("KeyG", "G"),
    k("KeyH", "H"),
    k("KeyJ", "J"),
    k("KeyK", "K"),
    k("KeyL", "L"),
    k("Semicolon", ";"),
    k("Quote", "'"),
    w("Enter", "Enter", 2.25),
];

const ISO_HOME: &[Slot] = &[
    w("CapsLock", "Caps Lock", 1.75),
    k("KeyA", "A"),
    k("KeyS", "S"),
    k("KeyD", "D"),
    k("KeyF", "F"),
    k("KeyG", "G"),
    k("KeyH", "H"),
    k("KeyJ", "J"),
    k("KeyK", "K"),
    k("KeyL", "L"),
    k("Semicolon", ";"),
    k("Quote", "'"),
    // ISO's key left of Enter sits where ANSI has the backslash (same physical code).
    k("Backslash", "#"),
    // Room for the lower half of the tall Enter.
    Slot::Gap(1.25),
];

const ANSI_SHIFT: &[Slot] = &[
    w("ShiftLeft", "Shift", 2.25),
    k("KeyZ", "Z"),
    k("KeyX", "X"),
    k("KeyC", "C"),
    k("KeyV", "V"),
    k("KeyB", "B"),
    k("KeyN", "N"),
    k("KeyM", "M"),
    k("Comma", ","),
    k("Period", "."),
    k("Slash", "/"),
    w("ShiftRight", "Shift", 2.75),
    Slot::Gap(1.25),
    k("ArrowUp", "Up"),
];

const ISO_SHIFT: &[Slot] = &[
    w("ShiftLeft", "Shift", 1.25),
    // The extra ISO key beside left Shift (`\|` on UK, `<>|` on German/French keyboards).
    k("IntlBackslash", BACKSLASH),
    k("KeyZ", "Z"),
    k("KeyX", "X"),
    k("KeyC", "C"),
    k("KeyV", "V"),
    k("KeyB", "B"),
    k("KeyN", "N"),
    k("KeyM", "M"),
    k("Comma", ","),
    k("Period", "."),
    k("Slash", "/"),
    w("ShiftRight", "Shift", 2.75),
    Slot::Gap(1.25),
    k("ArrowUp", "Up"),
];

const BOTTOM_ROW: &[Slot] = &[
    w("ControlLeft", "Ctrl", 1.25),
    w("MetaLeft", "Win", 1.25),
    w("AltLeft", "Alt", 1.25),
    w("Space", "Space", 6.25),
    w("AltRight", "Alt Gr", 1.25),
    w("MetaRight", "Win", 1.25),
    w("ContextMenu", "Menu", 1.25),
    w("ControlRight", "Ctrl", 1.25),
    Slot::Gap(0.25),
    k("ArrowLeft", "Left"),
    k("ArrowDown", "Down"),
    k("ArrowRight", "Right"),
];

/// The rows of a layout, top to bottom.
pub fn rows(kind: LayoutKind) -> [&'static [Slot]; 6] {
    match kind {
        LayoutKind::Ansi => [FUNCTION_ROW, NUMBER_ROW, ANSI_TOP, ANSI_HOME, ANSI_SHIFT, BOTTOM_ROW],
        LayoutKind::Iso => [FUNCTION_ROW, NUMBER_ROW, ISO_TOP, ISO_HOME, ISO_SHIFT, BOTTOM_ROW],
    }
}

/// Every key of a layout, in reading order.
pub fn keys(kind: LayoutKind) -> impl Iterator<Item = KeySpec> {
    rows(kind).into_iter().flatten().filter_map(|slot| match slot {
        Slot::Key(key) => Some(*key),
        Slot::Gap(_) => None,
    })
}

/// The widest row, in key units (for scaling the drawing).
pub fn row_units(kind: LayoutKind) -> f32 {
    rows(kind)
        .iter()
        .map(|row| {
            row.iter()
                .map(|s| match s {
                    Slot::Key(k) => k.width,
                    Slot::Gap(g) => *g,
                })
                .sum::<f32>()
        })
        .fold(0.0, f32::max)
}

/// Where a key is in the test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyState {
    /// Not pressed yet.
    Untested,
    /// Down right now.
    Pressed,
    /// Was pressed and released.
    Tested,
}

impl KeyState {
    /// Plain word for screen readers and the key's own label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Untested => "not tested",
            Self::Pressed => "pressed",
            Self::Tested => "tested",
        }
    }

    /// The word in `lang`.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let id = match self {
            Self::Untested => "testers-key-untested",
            Self::Pressed => "testers-key-pressed",
            Self::Tested => "testers-key-tested",
        };
        crate::i18n::tr(lang, id)
    }
}

/// A key held this long without being released counts as stuck.
pub const STUCK_AFTER_S: f64 = 2.0;

#[derive(Debug, Clone, Default)]
struct KeyRecord {
    presses: u32,
    down_since_s: Option<f64>,
    released_once: bool,
    longest_hold_s: f64,
}

/// A key that stays down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StuckKey {
    pub code: String,
    pub label: String,
    pub held_s: f64,
}

/// The whole keyboard test: fed key downs/ups, asked for states and the report.
#[derive(Debug, Clone)]
pub struct KeyboardTest {
    layout: LayoutKind,
    keys: BTreeMap<String, KeyRecord>,
    /// Modifier presses seen only as "Shift is down" (no side): attributed to the left key.
    pub sides_inferred: bool,
}

impl KeyboardTest {
    /// A test with nothing pressed yet, drawn as `layout`.
    pub fn new(layout: LayoutKind) -> Self {
        Self { layout, keys: BTreeMap::new(), sides_inferred: false }
    }

    /// The layout drawn and counted.
    pub fn layout(&self) -> LayoutKind {
        self.layout
    }

    /// Switches the drawing; what was tested stays tested (codes are shared).
    pub fn set_layout(&mut self, layout: LayoutKind) {
        self.layout = layout;
    }

    /// A key went down (repeats while held change nothing).
    pub fn key_down(&mut self, code: &str, at_s: f64) {
        let rec = self.keys.entry(code.to_string()).or_default();
        if rec.down_since_s.is_none() {
            rec.down_since_s = Some(at_s);
            rec.presses += 1;
        }
    }

    /// A key came up. An up without a down (focus arrived mid-press) still proves the key.
    pub fn key_up(&mut self, code: &str, at_s: f64) {
        let rec = self.keys.entry(code.to_string()).or_default();
        if let Some(since) = rec.down_since_s.take() {
            rec.longest_hold_s = rec.longest_hold_s.max(at_s - since);
        } else {
            rec.presses += 1;
        }
        rec.released_once = true;
    }

    /// Whether `code` is down now.
    pub fn is_down(&self, code: &str) -> bool {
        self.keys.get(code).is_some_and(|r| r.down_since_s.is_some())
    }

    /// Whether any key is down now (a view keeps its clock running to spot stuck keys).
    pub fn any_down(&self) -> bool {
        self.keys.values().any(|r| r.down_since_s.is_some())
    }

    /// Where key `code` is: untested, pressed now, or tested.
    pub fn state(&self, code: &str) -> KeyState {
        match self.keys.get(code) {
            Some(r) if r.down_since_s.is_some() => KeyState::Pressed,
            Some(r) if r.released_once => KeyState::Tested,
            _ => KeyState::Untested,
        }
    }

    /// How many times `code` went down.
    pub fn presses(&self, code: &str) -> u32 {
        self.keys.get(code).map_or(0, |r| r.presses)
    }

    /// Keys of the current layout that were pressed and released.
    pub fn tested_count(&self) -> usize {
        keys(self.layout).filter(|k| self.state(k.code) == KeyState::Tested).count()
    }

    /// How many keys the current layout has.
    pub fn total(&self) -> usize {
        keys(self.layout).count()
    }

    /// Keys of the layout never pressed, in reading order.
    pub fn never_pressed(&self) -> Vec<KeySpec> {
        keys(self.layout).filter(|k| self.state(k.code) == KeyState::Untested).collect()
    }

    /// Keys down for at least `STUCK_AFTER_S` at `now_s`.
    pub fn stuck(&self, now_s: f64) -> Vec<StuckKey> {
        self.down_longer_than(now_s, STUCK_AFTER_S)
    }

    fn down_longer_than(&self, now_s: f64, min_s: f64) -> Vec<StuckKey> {
        self.keys
            .iter()
            .filter_map(|(code, r)| {
                let held = now_s - r.down_since_s?;
                (held >= min_s).then(|| StuckKey { code: code.clone(), label: self.label_of(code), held_s: held })
            })
            .collect()
    }

    /// Keys seen that the drawn layout has no place for (media keys, numpad, Fn combos).
    pub fn extra_keys(&self) -> Vec<String> {
        self.keys.keys().filter(|code| !keys(self.layout).any(|k| k.code == code.as_str())).cloned().collect()
    }

    /// "Left Shift", "A", "F5": a label that says which key, even for twins.
    pub fn label_of(&self, code: &str) -> String {
        let side = if code.ends_with("Left") && !code.starts_with("Arrow") && code != "BracketLeft" {
            "Left "
        } else if code.ends_with("Right") && !code.starts_with("Arrow") && code != "BracketRight" {
            "Right "
        } else {
            ""
        };
        match keys(self.layout).find(|k| k.code == code) {
            Some(k) if k.code == "IntlBackslash" => format!("{BACKSLASH} (beside left Shift)"),
            Some(k) => format!("{side}{}", k.label),
            None => code.to_string(),
        }
    }

    /// The tester's result. Keys still down at the end count as stuck, however briefly held.
    pub fn report(&self, works: bool, now_s: f64) -> ToolReport {
        let tested = self.tested_count();
        let total = self.total();
        let never = self.never_pressed();
        let stuck = self.down_longer_than(now_s, 0.0);
        let mut findings = vec![
            Finding::msg(
                Severity::Info,
                msg!("testers-kb-result", tested = tested, total = total, layout = self.layout.label()),
            )
            .evidence("Layout", self.layout.label())
            .evidence("Tested", tested.to_string()),
        ];
        if !stuck.is_empty() {
            let names: Vec<String> = stuck.iter().map(|s| format!("{} ({:.1} s)", s.label, s.held_s)).collect();
            findings.push(Finding::msg(Severity::Fail, msg!("testers-kb-stuck", keys = names.join(", "))));
        }
        if !never.is_empty() {
            let names: Vec<String> = never.iter().map(|k| self.label_of(k.code)).collect();
            findings.push(Finding::msg(
                Severity::Warn,
                msg!("testers-kb-never-pressed", count = never.len(), keys = names.join(", ")),
            ));
        }
        if !works {
            findings.push(Finding::msg(Severity::Fail, msg!("testers-kb-faulty")));
        }
        let mut summary = format!("{tested} of {total} keys tested");
        if let Some(first) = never.first() {
            summary.push_str(&format!("; {} never pressed", self.label_of(first.code)));
            if never.len() > 1 {
                summary.push_str(&format!(" (+{} more)", never.len() - 1));
            }
        }
        if !stuck.is_empty() {
            summary.push_str(&format!(
                "; {} stuck",
                stuck.iter().map(|s| s.label.as_str()).collect::<Vec<_>>().join(", ")
            ));
        }
        let data = KeyboardData {
            layout: self.layout,
            tested,
            total,
            tested_keys: keys(self.layout).filter(|k| self.state(k.code) == KeyState::Tested).map(|k| k.code).collect(),
            never_pressed: never.iter().map(|k| k.code).collect(),
            stuck,
            extra_keys: self.extra_keys(),
            modifier_sides_inferred: self.sides_inferred,
        };
        ToolReport {
            tool: "keyboard".into(),
            works,
            summary,
            findings,
            data: serde_json::to_value(data).unwrap_or(serde_json::Value::Null),
        }
    }
}

#[derive(Serialize)]
struct KeyboardData {
    layout: LayoutKind,
    tested: usize,
    total: usize,
    tested_keys: Vec<&'static str>,
    never_pressed: Vec<&'static str>,
    stuck: Vec<StuckKey>,
    extra_keys: Vec<String>,
    modifier_sides_inferred: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_has_one_key_more_than_ansi_and_both_are_tenkeyless() {
        assert_eq!(keys(LayoutKind::Ansi).count(), 87);
        assert_eq!(keys(LayoutKind::Iso).count(), 88);
        assert!(keys(LayoutKind::Iso).any(|k| k.code == "IntlBackslash"));
        assert!(!keys(LayoutKind::Ansi).any(|k| k.code == "IntlBackslash"));
        assert!(keys(LayoutKind::Iso).any(|k| k.code == "Enter" && k.tall));
        assert!(keys(LayoutKind::Ansi).all(|k| !k.tall));
        for kind in [LayoutKind::Ansi, LayoutKind::Iso] {
            let mut codes: Vec<_> = keys(kind).map(|k| k.code).collect();
            codes.sort_unstable();
            let n = codes.len();
            codes.dedup();
            assert_eq!(codes.len(), n, "{kind:?} has a key twice");
            // The main block is 15 units wide; with the navigation block the widest rows are 18.25.
            assert_eq!(row_units(kind), 18.25, "{kind:?}");
        }
    }

    #[test]
    fn states_go_untested_pressed_tested() {
        let mut t = KeyboardTest::new(LayoutKind::Ansi);
        assert_eq!(t.state("KeyA"), KeyState::Untested);
        t.key_down("KeyA", 1.0);
        assert_eq!(t.state("KeyA"), KeyState::Pressed);
        t.key_down("KeyA", 1.05); // auto-repeat
        assert_eq!(t.presses("KeyA"), 1);
        t.key_up("KeyA", 1.1);
        assert_eq!(t.state("KeyA"), KeyState::Tested);
        assert_eq!(t.tested_count(), 1);
        // Pressed again: lit again, then tested again.
        t.key_down("KeyA", 2.0);
        assert_eq!(t.state("KeyA"), KeyState::Pressed);
        t.key_up("KeyA", 2.1);
        assert_eq!(t.presses("KeyA"), 2);
    }

    #[test]
    fn never_pressed_lists_the_rest_in_order() {
        let mut t = KeyboardTest::new(LayoutKind::Ansi);
        for key in keys(LayoutKind::Ansi) {
            if key.code != "ControlRight" && key.code != "F7" {
                t.key_down(key.code, 0.0);
                t.key_up(key.code, 0.1);
            }
        }
        let never: Vec<_> = t.never_pressed().iter().map(|k| k.code).collect();
        assert_eq!(never, ["F7", "ControlRight"]);
        let report = t.report(true, 10.0);
        assert_eq!(report.tool, "keyboard");
        assert_eq!(report.summary, "85 of 87 keys tested; F7 never pressed (+1 more)");
        let warn = report.findings.iter().find(|f| f.title == "Keys never pressed").unwrap();
        assert!(warn.summary.contains("Right Ctrl"), "{}", warn.summary);
        // Switching to ISO keeps what was tested and adds the ISO-only key to the list.
        t.set_layout(LayoutKind::Iso);
        let never: Vec<_> = t.never_pressed().iter().map(|k| k.code).collect();
        assert_eq!(never, ["F7", "IntlBackslash", "ControlRight"]);
    }

    #[test]
    fn a_key_held_down_is_stuck_after_two_seconds_and_at_the_end() {
        let mut t = KeyboardTest::new(LayoutKind::Iso);
        t.key_down("KeyJ", 5.0);
        assert!(t.stuck(6.0).is_empty());
        let stuck = t.stuck(7.5);
        assert_eq!(stuck.len(), 1);
        assert_eq!(stuck[0].code, "KeyJ");
        assert!((stuck[0].held_s - 2.5).abs() < 1e-9);
        // Down at the end counts, even if only briefly.
        t.key_down("ShiftLeft", 7.4);
        let report = t.report(false, 7.5);
        let fail = report.findings.iter().find(|f| f.title == "Key stuck down").unwrap();
        assert_eq!(fail.severity, Severity::Fail);
        assert!(fail.summary.contains("J (2.5 s)") && fail.summary.contains("Left Shift"), "{}", fail.summary);
        assert!(report.findings.iter().any(|f| f.title == "Keyboard reported faulty"));
        assert!(!report.works);
        assert_eq!(report.data["stuck"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn unknown_keys_are_kept_as_extra() {
        let mut t = KeyboardTest::new(LayoutKind::Ansi);
        t.key_down("AudioVolumeUp", 0.0);
        t.key_up("AudioVolumeUp", 0.1);
        assert_eq!(t.extra_keys(), ["AudioVolumeUp"]);
        assert_eq!(t.tested_count(), 0);
    }
}
