//! The read-out code: a short code a user reads to a technician on the phone, carrying
//! each area's status, the failing checks and the network verdict's layer.
//!
//! # The code
//! Ten characters of Crockford's base32 (`0-9 A-Z` without `I L O U`), shown in groups
//! as `1QX-4MD-2PXK` (12 characters with the dashes). Reading it back is forgiving the
//! way Crockford specifies: case does not matter, dashes and spaces are ignored, `I`/`L`
//! read as `1` and `O` as `0`.
//!
//! # Format 1, symbol by symbol
//! | symbols | holds |
//! |---|---|
//! | 0 | the format version, `1` (so a newer layout is recognised, not misread) |
//! | 1–8 | a 40-bit number `P`, most significant symbol first |
//! | 9 | the check character (below) |
//!
//! `P` is a mixed-radix number, most significant digit first:
//! `P = ((areas · 7 + layer) · 2 + more) · SETS + set`, where
//! - `areas` (0..1024): one base-4 digit per area in [`Category::ALL`] order, network the
//!   most significant: 0 pass (an area whose worst finding is Info also counts as pass:
//!   it reports facts, nothing to fix), 1 warn, 2 fail, 3 not run (nothing in the area
//!   completed: not asked for, skipped, or unsupported here);
//! - `layer` (0..7): the network verdict's layer, 0 none (no verdict, or everything
//!   answered), then link, address, gateway, dns, internet, services;
//! - `more` (0..2): 1 when more checks failed than the code carries, or a failing check has
//!   no number in [`ids`];
//! - `set` (0..SETS): the set of failing checks' numbers ([`ids::TABLE`], 1..=63), at
//!   most [`MAX_FAILING`], as its index in the combinatorial number system: all sets of
//!   fewer members first, then `Σ C(cᵢ, i)` over the members' sorted zero-based numbers.
//!   Order is not stored: both ends sort by importance (network first, by layer, then the
//!   other areas in order), which the numbers alone decide.
//!
//! `SETS = Σ_{k=0..6} C(63, k) = 75 611 761`, so `P < 1024 · 7 · 2 · SETS ≈ 1.084·10¹² < 2⁴⁰`
//! (asserted in a test): six failing checks fit, which covers a network failing at every
//! layer. When more fail, the six most important are kept and `more` is set.
//!
//! # The check character
//! Symbols are elements of GF(32) = GF(2)[x]/(x⁵+x²+1), the symbol's 5-bit value read as a
//! polynomial; α = x is primitive (x⁵+x²+1 is a primitive polynomial), so α has order 31 and
//! α⁰…α⁹ are distinct and non-zero. The check symbol s₉ is chosen so that
//! `Σᵢ αⁱ·sᵢ = 0` over all ten symbols.
//! - A single substitution sᵢ → sᵢ+e (e ≠ 0) changes the sum by αⁱ·e, a product of two
//!   non-zero field elements, never 0: detected.
//! - Swapping neighbours a = sᵢ ≠ b = sᵢ₊₁ changes the sum by
//!   αⁱa + αⁱ⁺¹b − (αⁱb + αⁱ⁺¹a) = αⁱ(a − b)(1 − α); each factor is non-zero (α ≠ 1 as it has
//!   order 31), so the change is non-zero: detected. This holds at i = 8 too, the check
//!   symbol swapped with its neighbour. (Swapping equal symbols changes nothing, and is no
//!   mistake.)
//!
//! Crockford's own mod-37 check symbols are not used: they add `* ~ $ = U`, which are hard
//! to say on the phone.

pub mod ids;

use std::fmt;

use serde::{Serialize, Serializer};
use thiserror::Error;

use crate::diagnose::Layer;
use crate::i18n::{self, Lang};
use crate::model::{Category, Report, Severity};

/// The format this deskcheck writes.
pub const VERSION: u8 = 1;
/// Symbols in a format-1 code, check character included.
pub const SYMBOLS: usize = 10;
/// Failing checks a format-1 code carries by number.
pub const MAX_FAILING: usize = 6;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Where the dashes go: after these many symbols (3-3-4).
const GROUPS: [usize; 3] = [3, 3, 4];
const PAYLOAD_SYMBOLS: usize = 8;
const LAYERS: u64 = 7;
const AREA_STATES: u64 = 4;

/// A read-out code, kept as its grouped form (`1QX-4MD-2PXK`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReadoutCode(String);

impl ReadoutCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReadoutCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ReadoutCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Why a typed code could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeError {
    #[error("the code has {found} characters; a read-out code has {expected} (dashes and spaces not counted)")]
    WrongLength { found: usize, expected: usize },
    #[error("'{character}' (character {position} as typed) is not used in read-out codes")]
    BadCharacter { character: char, position: usize },
    #[error("the code is wrong — a character was misheard or two were swapped")]
    CheckFailed,
    #[error("the code is in format {0}, which this deskcheck does not know; a newer deskcheck reads it")]
    UnknownVersion(u8),
    #[error("the code is wrong — it holds no result deskcheck makes; a character was misheard")]
    NoSuchResult,
}

impl CodeError {
    /// The error in `lang`, for the CLI and the GUI's decode field.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            CodeError::WrongLength { found, expected } => {
                i18n::text(lang, &crate::msg!("readout-error-length", found = *found, expected = *expected))
            }
            CodeError::BadCharacter { character, position } => i18n::text(
                lang,
                &crate::msg!("readout-error-character", character = character.to_string(), position = *position),
            ),
            CodeError::CheckFailed => i18n::tr(lang, "readout-error-check"),
            CodeError::UnknownVersion(v) => {
                i18n::text(lang, &crate::msg!("readout-error-version", version = u32::from(*v)))
            }
            CodeError::NoSuchResult => i18n::tr(lang, "readout-error-no-result"),
        }
    }
}

/// An area's status as the code carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaStatus {
    Pass,
    Warn,
    Fail,
    NotRun,
}

impl AreaStatus {
    pub const ALL: [AreaStatus; 4] = [AreaStatus::Pass, AreaStatus::Warn, AreaStatus::Fail, AreaStatus::NotRun];

    /// Info is a pass: an area that only reports facts has nothing to fix.
    pub fn of(severity: Option<Severity>) -> AreaStatus {
        match severity {
            Some(Severity::Pass | Severity::Info) => AreaStatus::Pass,
            Some(Severity::Warn) => AreaStatus::Warn,
            Some(Severity::Fail) => AreaStatus::Fail,
            None => AreaStatus::NotRun,
        }
    }

    fn digit(self) -> u64 {
        match self {
            AreaStatus::Pass => 0,
            AreaStatus::Warn => 1,
            AreaStatus::Fail => 2,
            AreaStatus::NotRun => 3,
        }
    }

    /// The status word in `lang`, the same words the reports use.
    pub fn label_in(self, lang: Lang) -> String {
        match self {
            AreaStatus::Pass => Severity::Pass.label_in(lang),
            AreaStatus::Warn => Severity::Warn.label_in(lang),
            AreaStatus::Fail => Severity::Fail.label_in(lang),
            AreaStatus::NotRun => i18n::tr(lang, "readout-not-run"),
        }
    }
}

/// One area and its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AreaResult {
    pub area: Category,
    pub status: AreaStatus,
}

/// A failing check as the code carries it: its number, and its id when this deskcheck
/// knows the number (a newer one may have numbered checks this one has never heard of).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FailedCheck {
    pub number: u8,
    pub id: Option<&'static str>,
}

impl FailedCheck {
    fn new(number: u8) -> Self {
        Self { number, id: ids::id_of(number) }
    }

    /// The check's title in `lang`, with its id for the technician.
    pub fn title_in(&self, lang: Lang) -> String {
        match self.id {
            Some(id) => {
                let message = format!("check-{}", id.replace('.', "-"));
                let title = if i18n::exists(&message) {
                    i18n::tr(lang, &message)
                } else {
                    crate::checks::find(id).map(|c| c.meta().title.to_string()).unwrap_or_else(|| id.to_string())
                };
                format!("{title} ({id})")
            }
            None => i18n::text(lang, &crate::msg!("readout-unknown-check", number = u32::from(self.number))),
        }
    }
}

/// What a code says: exactly what [`encode`] puts in, nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decoded {
    pub version: u8,
    /// One entry per area, in [`Category::ALL`] order.
    pub areas: Vec<AreaResult>,
    /// The layer the network verdict blames; None when there is no network problem.
    #[serde(serialize_with = "layer_key")]
    pub layer: Option<Layer>,
    /// The failing checks, most important first.
    pub failing: Vec<FailedCheck>,
    /// More checks failed than are listed.
    pub more_failed: bool,
}

fn layer_key<S: Serializer>(layer: &Option<Layer>, s: S) -> Result<S::Ok, S::Error> {
    match layer {
        Some(l) => s.serialize_str(l.key()),
        None => s.serialize_none(),
    }
}

/// The code of a finished report.
pub fn encode(report: &Report) -> ReadoutCode {
    Decoded::of(report).code()
}

/// Reads a code as typed or heard.
pub fn decode(input: &str) -> Result<Decoded, CodeError> {
    let symbols = parse_symbols(input)?;
    if symbols.len() != SYMBOLS {
        // A code of another format passes its own check: say so rather than "too long".
        if (2..=31).contains(&symbols.len()) && checksum(&symbols) == 0 && symbols[0] != VERSION {
            return Err(CodeError::UnknownVersion(symbols[0]));
        }
        return Err(CodeError::WrongLength { found: symbols.len(), expected: SYMBOLS });
    }
    if checksum(&symbols) != 0 {
        return Err(CodeError::CheckFailed);
    }
    if symbols[0] != VERSION {
        return Err(CodeError::UnknownVersion(symbols[0]));
    }
    let payload = symbols[1..=PAYLOAD_SYMBOLS].iter().fold(0u64, |acc, &s| (acc << 5) | u64::from(s));
    Decoded::from_payload(payload).ok_or(CodeError::NoSuchResult)
}

impl Decoded {
    /// What the code of `report` carries.
    pub fn of(report: &Report) -> Decoded {
        let areas = Category::ALL
            .iter()
            .map(|&area| AreaResult { area, status: AreaStatus::of(report.area_severity(area)) })
            .collect();
        let layer = report.verdict.as_ref().and_then(|v| Layer::ALL.into_iter().find(|l| l.key() == v.layer));
        let mut numbers = Vec::new();
        let mut unnumbered = false;
        for run in report.runs.iter().filter(|r| r.severity() == Some(Severity::Fail)) {
            match ids::number_of(&run.id) {
                Some(n) => numbers.push(n),
                None => unnumbered = true,
            }
        }
        Decoded::new(areas, layer, numbers, unnumbered)
    }

    /// Builds what a code carries from its parts: the numbers are deduplicated, sorted by
    /// importance and cut to [`MAX_FAILING`] (setting `more_failed`); numbers outside
    /// 1..=63 cannot be carried and also set it.
    pub fn new(areas: Vec<AreaResult>, layer: Option<Layer>, numbers: Vec<u8>, more_failed: bool) -> Decoded {
        let mut more = more_failed;
        let mut numbers: Vec<u8> = numbers
            .into_iter()
            .filter(|n| {
                let fits = (1..=ids::MAX_NUMBER).contains(n);
                more |= !fits;
                fits
            })
            .collect();
        numbers.sort_by_key(|&n| importance(n));
        numbers.dedup();
        if numbers.len() > MAX_FAILING {
            numbers.truncate(MAX_FAILING);
            more = true;
        }
        Decoded {
            version: VERSION,
            areas,
            layer,
            failing: numbers.into_iter().map(FailedCheck::new).collect(),
            more_failed: more,
        }
    }

    /// The code that carries this.
    pub fn code(&self) -> ReadoutCode {
        let mut symbols = Vec::with_capacity(SYMBOLS);
        symbols.push(VERSION);
        let payload = self.payload();
        for i in (0..PAYLOAD_SYMBOLS).rev() {
            symbols.push(((payload >> (5 * i)) & 31) as u8);
        }
        symbols.push(check_symbol(&symbols));
        let mut text = String::with_capacity(SYMBOLS + GROUPS.len() - 1);
        let mut at = 0;
        for (g, len) in GROUPS.iter().enumerate() {
            if g > 0 {
                text.push('-');
            }
            for &s in &symbols[at..at + len] {
                text.push(char::from(ALPHABET[usize::from(s)]));
            }
            at += len;
        }
        ReadoutCode(text)
    }

    /// The results as a plain list in `lang`: each area's status, the verdict's layer,
    /// the failing checks, and a line when more failed than the code holds.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = self
            .areas
            .iter()
            .map(|a| {
                i18n::text(
                    lang,
                    &crate::msg!("readout-line-area", area = a.area.title_in(lang), status = a.status.label_in(lang)),
                )
            })
            .collect();
        if let Some(layer) = self.layer {
            lines.push(i18n::text(lang, &crate::msg!("readout-line-layer", layer = layer_title(layer, lang))));
        }
        for check in &self.failing {
            lines.push(i18n::text(lang, &crate::msg!("readout-line-failed", check = check.title_in(lang))));
        }
        if self.more_failed {
            lines.push(i18n::tr(lang, "readout-line-more"));
        }
        if self.failing.is_empty() && !self.more_failed {
            lines.push(i18n::tr(lang, "readout-line-none-failed"));
        }
        lines
    }

    fn payload(&self) -> u64 {
        let mut areas = 0u64;
        for area in Category::ALL {
            let status = self.areas.iter().find(|a| a.area == area).map_or(AreaStatus::NotRun, |a| a.status);
            areas = areas * AREA_STATES + status.digit();
        }
        let layer = self.layer.map_or(0, |l| Layer::ALL.iter().position(|&x| x == l).map_or(0, |p| p as u64 + 1));
        let mut zero_based: Vec<u64> = self.failing.iter().map(|f| u64::from(f.number) - 1).collect();
        zero_based.sort_unstable();
        ((areas * LAYERS + layer) * 2 + u64::from(self.more_failed)) * sets() + set_index(&zero_based)
    }

    fn from_payload(payload: u64) -> Option<Decoded> {
        let set = payload % sets();
        let rest = payload / sets();
        let more = rest % 2 == 1;
        let rest = rest / 2;
        let layer = match rest % LAYERS {
            0 => None,
            n => Some(Layer::ALL[(n - 1) as usize]),
        };
        let mut areas_value = rest / LAYERS;
        if areas_value >= AREA_STATES.pow(Category::ALL.len() as u32) {
            return None;
        }
        let mut statuses = [AreaStatus::NotRun; 5];
        for slot in statuses.iter_mut().rev() {
            *slot = AreaStatus::ALL[(areas_value % AREA_STATES) as usize];
            areas_value /= AREA_STATES;
        }
        let areas = Category::ALL.iter().zip(statuses).map(|(&area, status)| AreaResult { area, status }).collect();
        let numbers = set_members(set).into_iter().map(|c| (c + 1) as u8).collect();
        Some(Decoded::new(areas, layer, numbers, more))
    }
}

/// Layer names in `lang`, the words the verdict ladder uses.
pub fn layer_title(layer: Layer, lang: Lang) -> String {
    let id = match layer {
        Layer::Link => "readout-layer-link",
        Layer::Address => "readout-layer-address",
        Layer::Gateway => "readout-layer-gateway",
        Layer::Dns => "readout-layer-dns",
        Layer::Internet => "readout-layer-internet",
        Layer::Services => "readout-layer-services",
    };
    i18n::tr(lang, id)
}

/// Sort key: network checks first, by the layer they speak for, then the other areas in
/// their order; numbers this deskcheck does not know go last.
fn importance(number: u8) -> (usize, usize, u8) {
    let Some(id) = ids::id_of(number) else { return (usize::MAX, 0, number) };
    let area = match id.split('.').next() {
        Some("net") => Category::Network,
        Some("printers") => Category::Printers,
        Some("displays") => Category::Displays,
        Some("peripherals") => Category::Peripherals,
        Some("system") => Category::System,
        _ => return (usize::MAX - 1, 0, number),
    };
    let area_rank = Category::ALL.iter().position(|&c| c == area).unwrap_or(usize::MAX - 1);
    let layer_rank = Layer::of_check(id).and_then(|l| Layer::ALL.iter().position(|&x| x == l)).unwrap_or(0);
    (area_rank, layer_rank, number)
}

// --- symbols and the check character ---------------------------------------------------

fn symbol_value(c: char) -> Option<u8> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET.iter().position(|&a| char::from(a) == c).map(|p| p as u8)
}

fn parse_symbols(input: &str) -> Result<Vec<u8>, CodeError> {
    let mut symbols = Vec::with_capacity(SYMBOLS);
    for (i, c) in input.trim().chars().enumerate() {
        if c == '-' || c.is_whitespace() {
            continue;
        }
        match symbol_value(c) {
            Some(v) => symbols.push(v),
            None => return Err(CodeError::BadCharacter { character: c, position: i + 1 }),
        }
    }
    Ok(symbols)
}

/// Multiplication in GF(32) = GF(2)[x]/(x⁵+x²+1).
fn gf_mul(a: u8, b: u8) -> u8 {
    let (mut a, mut b, mut product) = (a, b, 0u8);
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0b10_0000 != 0 {
            a ^= 0b10_0101;
        }
    }
    product
}

/// α^i with α = x.
fn alpha_pow(i: usize) -> u8 {
    (0..i % 31).fold(1u8, |acc, _| gf_mul(acc, 2))
}

/// Σ αⁱ·sᵢ; zero for a valid code.
fn checksum(symbols: &[u8]) -> u8 {
    symbols.iter().enumerate().fold(0u8, |acc, (i, &s)| acc ^ gf_mul(alpha_pow(i), s))
}

/// The symbol that, placed after `symbols`, makes the checksum zero:
/// s = (Σ αⁱ·sᵢ) · α^(−n), since −y = y in characteristic 2.
fn check_symbol(symbols: &[u8]) -> u8 {
    gf_mul(checksum(symbols), alpha_pow(31 - symbols.len() % 31))
}

// --- the set of failing checks, combinatorial number system ----------------------------

const NUMBERS: u64 = ids::MAX_NUMBER as u64;

fn binomial(n: u64, k: u64) -> u64 {
    if k > n {
        return 0;
    }
    (0..k).fold(1u64, |acc, i| acc * (n - i) / (i + 1))
}

/// How many sets of at most MAX_FAILING members of 0..63 there are.
fn sets() -> u64 {
    (0..=MAX_FAILING as u64).map(|k| binomial(NUMBERS, k)).sum()
}

/// The index of a sorted set: all smaller sets first, then its rank among sets of its size.
fn set_index(sorted: &[u64]) -> u64 {
    let k = sorted.len() as u64;
    let before: u64 = (0..k).map(|j| binomial(NUMBERS, j)).sum();
    before + sorted.iter().enumerate().map(|(i, &c)| binomial(c, i as u64 + 1)).sum::<u64>()
}

fn set_members(index: u64) -> Vec<u64> {
    let mut rest = index;
    let mut k = 0u64;
    while k <= MAX_FAILING as u64 && rest >= binomial(NUMBERS, k) {
        rest -= binomial(NUMBERS, k);
        k += 1;
    }
    let mut members = Vec::with_capacity(k as usize);
    let mut upper = NUMBERS;
    for i in (1..=k).rev() {
        // The largest c below `upper` with C(c, i) ≤ rest.
        let mut c = upper - 1;
        while binomial(c, i) > rest {
            c -= 1;
        }
        rest -= binomial(c, i);
        members.push(c);
        upper = c;
    }
    members.reverse();
    members
}

#[cfg(test)]
mod tests;
