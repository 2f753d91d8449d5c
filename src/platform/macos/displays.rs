//! macOS displays: what `system_profiler SPDisplaysDataType -json` says each display shows
//! now (pixels, the "looks like" resolution, refresh, Retina scale, connection, main display),
//! and the monitor identification (EDID) from the I/O Registry, turned into the same connector
//! list Linux reads from DRM.
//!
//! Where the EDID comes from:
//! - Intel Macs: `ioreg -r -lw0 -d 1 -c IODisplay` lists `AppleDisplay` and
//!   `AppleBacklightDisplay` objects whose `IODisplayEDID` holds the monitor's own bytes.
//! - Apple silicon: `ioreg -r -lw0 -d 1 -c AppleCLCD2` has no raw EDID (macOS keeps it in the
//!   display coprocessor) but a decoded `DisplayAttributes.ProductAttributes` (maker, product
//!   id, serial, date, name). An `EDID` property is used when a macOS version has one; otherwise
//!   a base block is rebuilt from the decoded facts (see [`rebuilt_edid`]) so the checks read
//!   the same fields on every Mac. The rebuilt block carries no timings (macOS does not say them).
//!
//! Parsing is pure and built on every OS (platform/mod.rs includes this file), so the tests
//! run on Linux against real captured outputs (tests/fixtures/macos-displays).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use super::drm::{ConnectorStatus, DrmConnector, DrmError};
use super::programs::{self, ProgramError};

/// system_profiler gathers every GPU's data; a few seconds is normal on a busy Mac.
const SYSTEM_PROFILER_TIMEOUT: Duration = Duration::from_secs(20);
const IOREG_TIMEOUT: Duration = Duration::from_secs(10);
const SYSTEM_PROFILER: &str = "/usr/sbin/system_profiler";
const IOREG: &str = "/usr/sbin/ioreg";

/// Why the displays could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DisplaysError {
    #[error("system_profiler SPDisplaysDataType gave JSON we cannot read: {0}")]
    Json(String),
    #[error("could not ask macOS for its displays: {0:#}")]
    Program(#[from] ProgramError),
}

/// How a display is attached, as system_profiler says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// The laptop's or iMac's own panel.
    Internal,
    /// AirPlay or Sidecar: a picture sent over the network, no cable.
    AirPlay,
    /// A cable; system_profiler often leaves the kind out for external monitors.
    External { kind: Option<String> },
}

/// One display as `system_profiler SPDisplaysDataType -json` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpDisplay {
    /// The GPU that drives it, e.g. "Apple M1 Pro".
    pub gpu: String,
    /// "Color LCD", "DELL U3419W".
    pub name: String,
    pub vendor_id: Option<u16>,
    pub product_id: Option<u16>,
    pub serial_number: Option<u32>,
    pub week: Option<u8>,
    pub year: Option<u16>,
    /// The panel's pixels in use (`_spdisplays_pixels`), e.g. 3456×2234.
    pub pixels: Option<(u32, u32)>,
    /// What the desktop "looks like" (`_spdisplays_resolution`), e.g. 1728×1117.
    pub looks_like: Option<(u32, u32)>,
    pub refresh_hz: Option<f64>,
    pub connection: Connection,
    pub main: bool,
    pub online: bool,
    pub mirror: bool,
    pub asleep: bool,
    /// Sidecar and other displays that exist only in software.
    pub virtual_device: bool,
}

impl SpDisplay {
    /// Pixels per desktop point: 2.0 on a Retina panel at its default, 1.0 on most monitors.
    pub fn scale(&self) -> Option<f64> {
        let (pw, _) = self.pixels?;
        let (lw, _) = self.looks_like?;
        (lw > 0).then(|| f64::from(pw) / f64::from(lw))
    }
}

/// Reads `system_profiler SPDisplaysDataType -json`.
pub fn parse_system_profiler(json: &str) -> Result<Vec<SpDisplay>, DisplaysError> {
    let root: serde_json::Value = serde_json::from_str(json).map_err(|e| DisplaysError::Json(e.to_string()))?;
    let gpus = root
        .get("SPDisplaysDataType")
        .and_then(|v| v.as_array())
        .ok_or_else(|| DisplaysError::Json("no SPDisplaysDataType list".into()))?;
    let mut displays = Vec::new();
    for gpu in gpus {
        let gpu_name = text(gpu, "sppci_model").or_else(|| text(gpu, "_name")).unwrap_or_default();
        for d in gpu.get("spdisplays_ndrvs").and_then(|v| v.as_array()).into_iter().flatten() {
            displays.push(sp_display(&gpu_name, d));
        }
    }
    Ok(displays)
}

fn text(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

fn sp_display(gpu: &str, d: &serde_json::Value) -> SpDisplay {
    let flag = |key: &str| text(d, key).is_some_and(|v| v == "spdisplays_yes" || v == "spdisplays_on");
    let hex = |key: &str| text(d, key).and_then(|v| u32::from_str_radix(v.trim_start_matches("0x"), 16).ok());
    let (looks_like, refresh_hz) =
        text(d, "_spdisplays_resolution").map(|r| parse_resolution(&r)).unwrap_or((None, None));
    let connection = match text(d, "spdisplays_connection_type").as_deref() {
        Some("spdisplays_internal") => Connection::Internal,
        Some("spdisplays_airplay") => Connection::AirPlay,
        Some(other) => Connection::External { kind: Some(other.trim_start_matches("spdisplays_").to_string()) },
        None => Connection::External { kind: None },
    };
    SpDisplay {
        gpu: gpu.to_string(),
        name: text(d, "_name").unwrap_or_default(),
        vendor_id: hex("_spdisplays_display-vendor-id").and_then(|v| u16::try_from(v).ok()),
        product_id: hex("_spdisplays_display-product-id").and_then(|v| u16::try_from(v).ok()),
        serial_number: hex("_spdisplays_display-serial-number"),
        week: text(d, "_spdisplays_display-week").and_then(|w| w.parse().ok()).filter(|w| (1..=54).contains(w)),
        year: text(d, "_spdisplays_display-year").and_then(|y| y.parse().ok()).filter(|y| *y >= 1990),
        pixels: text(d, "_spdisplays_pixels").and_then(|p| parse_resolution(&p).0),
        looks_like,
        refresh_hz,
        connection,
        main: flag("spdisplays_main"),
        // A display without the key is one macOS draws on (Sidecar leaves it out).
        online: text(d, "spdisplays_online").is_none_or(|v| v == "spdisplays_yes"),
        mirror: text(d, "spdisplays_mirror").is_some_and(|v| v != "spdisplays_off"),
        asleep: flag("spdisplays_asleep"),
        virtual_device: flag("spdisplays_virtualdevice"),
    }
}

/// "1728 x 1117 @ 120.00Hz" → ((1728, 1117), 120.0); "3440 x 1440" → ((3440, 1440), None).
fn parse_resolution(s: &str) -> (Option<(u32, u32)>, Option<f64>) {
    let (size, rate) = match s.split_once('@') {
        Some((size, rate)) => (size, rate.trim().trim_end_matches("Hz").trim().parse().ok()),
        None => (s, None),
    };
    let mut words = size.split_whitespace();
    let wh = match (words.next(), words.next(), words.next()) {
        (Some(w), Some("x"), Some(h)) => w.parse().ok().zip(h.parse().ok()),
        _ => None,
    };
    (wh, rate)
}

/// One display object of `ioreg -r -lw0 -d 1 -c …`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IoregDisplay {
    /// "AppleDisplay", "AppleBacklightDisplay", "AppleCLCD2".
    pub class: String,
    /// The raw EDID, when the registry holds it (empty otherwise).
    pub edid: Vec<u8>,
    pub vendor_id: Option<u16>,
    pub product_id: Option<u16>,
    /// From Apple silicon's decoded `ProductAttributes`.
    pub product_name: Option<String>,
    pub serial_text: Option<String>,
    pub serial_number: Option<u32>,
    pub week: Option<u8>,
    pub year: Option<u16>,
    /// Apple silicon says whether the display is external and how it is attached ("DP", "HDMI").
    pub external: Option<bool>,
    pub transport: Option<String>,
}

/// A value in ioreg's text: `"text"`, `<hex>`, a number, `Yes`/`No`, `{"k"=v,…}` or `(v,…)`.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Data(Vec<u8>),
    Number(u64),
    Bool(bool),
    Dict(BTreeMap<String, Value>),
    List(Vec<Value>),
    /// Anything else ioreg prints; kept so one odd property does not lose the object.
    Other,
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Dict(d) => d.get(key),
            _ => None,
        }
    }

    fn number(&self) -> Option<u64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// A tiny reader for ioreg's value syntax (properties are one line each with `-w0`).
struct ValueReader<'a> {
    s: &'a [u8],
    at: usize,
}

impl ValueReader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn value(&mut self, depth: usize) -> Value {
        // Real registries nest a few levels; a bound keeps hostile input from recursing deeply.
        if depth > 32 {
            return Value::Other;
        }
        match self.peek() {
            Some(b'"') => Value::Text(self.quoted()),
            Some(b'<') => {
                let end = self.s[self.at..].iter().position(|&c| c == b'>').map_or(self.s.len(), |p| self.at + p);
                let hex = &self.s[self.at + 1..end.max(self.at + 1)];
                self.at = (end + 1).min(self.s.len());
                decode_hex(hex).map_or(Value::Other, Value::Data)
            }
            Some(b'{') => {
                self.at += 1;
                let mut d = BTreeMap::new();
                while let Some(c) = self.peek() {
                    match c {
                        b'}' => {
                            self.at += 1;
                            break;
                        }
                        b',' | b' ' => self.at += 1,
                        b'"' => {
                            let key = self.quoted();
                            if self.peek() == Some(b'=') {
                                self.at += 1;
                            }
                            let v = self.value(depth + 1);
                            d.insert(key, v);
                        }
                        _ => {
                            self.skip_token();
                        }
                    }
                }
                Value::Dict(d)
            }
            Some(b'(') => {
                self.at += 1;
                let mut items = Vec::new();
                while let Some(c) = self.peek() {
                    match c {
                        b')' => {
                            self.at += 1;
                            break;
                        }
                        b',' | b' ' => self.at += 1,
                        _ => {
                            let before = self.at;
                            items.push(self.value(depth + 1));
                            if self.at == before {
                                self.at += 1;
                            }
                        }
                    }
                }
                Value::List(items)
            }
            _ => {
                let token = self.skip_token();
                match token.as_str() {
                    "Yes" => Value::Bool(true),
                    "No" => Value::Bool(false),
                    t => t.parse().map_or(Value::Other, Value::Number),
                }
            }
        }
    }

    fn quoted(&mut self) -> String {
        self.at += 1;
        let start = self.at;
        while let Some(c) = self.peek() {
            if c == b'"' {
                break;
            }
            self.at += 1;
        }
        let t = String::from_utf8_lossy(&self.s[start..self.at]).into_owned();
        self.at = (self.at + 1).min(self.s.len());
        t
    }

    fn skip_token(&mut self) -> String {
        let start = self.at;
        while let Some(c) = self.peek() {
            if matches!(c, b',' | b'}' | b')') {
                break;
            }
            self.at += 1;
        }
        if self.at == start {
            self.at += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.at.min(self.s.len())]).trim().to_string()
    }
}

fn decode_hex(hex: &[u8]) -> Option<Vec<u8>> {
    let hex: Vec<u8> = hex.iter().copied().filter(|c| !c.is_ascii_whitespace()).collect();
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    hex.chunks_exact(2)
        .map(|pair| std::str::from_utf8(pair).ok().and_then(|p| u8::from_str_radix(p, 16).ok()))
        .collect()
}

/// Reads `ioreg -r -lw0 -d 1 -c <class>`: one object per `+-o Class  <class …>` line, its
/// properties as `"Key" = value` lines.
pub fn parse_ioreg(text: &str) -> Vec<IoregDisplay> {
    let mut objects: Vec<(String, BTreeMap<String, Value>)> = Vec::new();
    for line in text.lines() {
        // Deeper levels are drawn with "|" rails; the properties are the same.
        let line = line.trim_start_matches([' ', '|']);
        if let Some(rest) = line.strip_prefix("+-o ") {
            let class = rest.split_whitespace().next().unwrap_or_default().to_string();
            objects.push((class, BTreeMap::new()));
            continue;
        }
        let Some((_, props)) = objects.last_mut() else { continue };
        let Some(rest) = line.strip_prefix('"') else { continue };
        let Some((key, value)) = rest.split_once("\" = ") else { continue };
        let mut reader = ValueReader { s: value.trim_end().as_bytes(), at: 0 };
        props.insert(key.to_string(), reader.value(0));
    }
    objects.into_iter().map(|(class, props)| ioreg_display(class, &props)).collect()
}

fn ioreg_display(class: String, props: &BTreeMap<String, Value>) -> IoregDisplay {
    let edid = ["IODisplayEDID", "EDID"]
        .iter()
        .find_map(|k| match props.get(*k) {
            Some(Value::Data(bytes)) if bytes.len() >= 128 => Some(bytes.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let attrs = props.get("DisplayAttributes").and_then(|a| a.get("ProductAttributes"));
    let attr_number = |key: &str| attrs.and_then(|a| a.get(key)).and_then(Value::number);
    let attr_text = |key: &str| {
        attrs
            .and_then(|a| a.get(key))
            .and_then(Value::text)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let u16_of = |n: Option<u64>| n.and_then(|n| u16::try_from(n).ok());
    IoregDisplay {
        class,
        edid,
        vendor_id: u16_of(props.get("DisplayVendorID").and_then(Value::number))
            .or_else(|| u16_of(attr_number("LegacyManufacturerID"))),
        product_id: u16_of(props.get("DisplayProductID").and_then(Value::number))
            .or_else(|| u16_of(attr_number("ProductID"))),
        product_name: attr_text("ProductName"),
        serial_text: attr_text("AlphanumericSerialNumber"),
        serial_number: props
            .get("DisplaySerialNumber")
            .and_then(Value::number)
            .or_else(|| attr_number("SerialNumber"))
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n != 0),
        week: attr_number("WeekOfManufacture").and_then(|w| u8::try_from(w).ok()).filter(|w| (1..=54).contains(w)),
        year: attr_number("YearOfManufacture").and_then(|y| u16::try_from(y).ok()).filter(|y| *y >= 1990),
        external: match props.get("external") {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        },
        transport: props.get("Transport").and_then(|t| t.get("Downstream")).and_then(Value::text).map(str::to_string),
    }
}

/// The identity macOS decoded, re-encoded as an EDID 1.4 base block: maker and product code,
/// serial, date, name and text serial. Used only when macOS hides the monitor's own bytes
/// (Apple silicon), so the connectors check reads the same fields on every Mac. Texts are cut
/// to the 13 characters a descriptor holds.
pub fn rebuilt_edid(
    vendor_id: u16,
    product_id: u16,
    serial_number: Option<u32>,
    made: (Option<u8>, Option<u16>),
    name: Option<&str>,
    serial_text: Option<&str>,
) -> Vec<u8> {
    let mut b = vec![0u8; 128];
    b[..8].copy_from_slice(&[0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00]);
    // The vendor id macOS prints is the EDID's big-endian PNP code itself (0x10ac = "DEL").
    b[8..10].copy_from_slice(&vendor_id.to_be_bytes());
    b[10..12].copy_from_slice(&product_id.to_le_bytes());
    b[12..16].copy_from_slice(&serial_number.unwrap_or(0).to_le_bytes());
    let (week, year) = made;
    if let Some(year) = year.and_then(|y| u8::try_from(y.saturating_sub(1990)).ok()).filter(|y| *y > 0) {
        b[16] = week.unwrap_or(0);
        b[17] = year;
    }
    b[18] = 1;
    b[19] = 4;
    // Digital input, colour depth and interface not given.
    b[20] = 0x80;
    let mut slots: Vec<(u8, &str)> = Vec::new();
    if let Some(name) = name {
        slots.push((0xFC, name));
    }
    if let Some(serial) = serial_text {
        slots.push((0xFF, serial));
    }
    for (i, slot) in b[54..126].chunks_exact_mut(18).enumerate() {
        // Unused descriptors are "dummy" (tag 0x10), as the standard asks.
        let (tag, text) = slots.get(i).copied().unwrap_or((0x10, ""));
        slot[3] = tag;
        let text: Vec<u8> = text.bytes().filter(|c| (0x20..0x7F).contains(c)).take(13).collect();
        if tag != 0x10 {
            let mut field = [0x20u8; 13];
            field[..text.len()].copy_from_slice(&text);
            if text.len() < 13 {
                field[text.len()] = 0x0A;
            }
            slot[5..18].copy_from_slice(&field);
        }
    }
    let sum = b[..127].iter().fold(0u8, |acc, x| acc.wrapping_add(*x));
    b[127] = 0u8.wrapping_sub(sum);
    b
}

/// The connector list the displays checks read: one entry per display system_profiler lists,
/// with the registry's EDID of the same maker and product (or one rebuilt from the decoded
/// identity), and the registry's displays system_profiler did not list.
pub fn connectors(sp: &[SpDisplay], io: &[IoregDisplay]) -> Vec<DrmConnector> {
    let mut unused: Vec<&IoregDisplay> = io.iter().collect();
    let mut out = Vec::new();
    let mut externals = 0;
    // AirPlay and Sidecar displays have no connector and no monitor identification.
    for d in sp.iter().filter(|d| d.connection != Connection::AirPlay && !d.virtual_device) {
        let found = unused
            .iter()
            .position(|i| i.vendor_id.is_some() && (i.vendor_id, i.product_id) == (d.vendor_id, d.product_id));
        let reg = found.map(|at| unused.remove(at));
        let name = match &d.connection {
            Connection::Internal => "Built-in".to_string(),
            Connection::AirPlay => "AirPlay".to_string(),
            Connection::External { .. } => {
                externals += 1;
                let kind = reg.and_then(|r| r.transport.clone()).unwrap_or_else(|| "External".into());
                format!("{kind}-{externals}")
            }
        };
        let edid = match reg {
            Some(r) if !r.edid.is_empty() => r.edid.clone(),
            _ => match (d.vendor_id, d.product_id) {
                (Some(vendor), Some(product)) => rebuilt_edid(
                    vendor,
                    product,
                    d.serial_number.or(reg.and_then(|r| r.serial_number)),
                    (d.week.or(reg.and_then(|r| r.week)), d.year.or(reg.and_then(|r| r.year))),
                    reg.and_then(|r| r.product_name.as_deref()).or(Some(d.name.as_str())).filter(|n| !n.is_empty()),
                    reg.and_then(|r| r.serial_text.as_deref()),
                ),
                _ => Vec::new(),
            },
        };
        out.push(DrmConnector {
            card: d.gpu.clone(),
            name,
            status: ConnectorStatus::Connected,
            enabled: Some(d.online && !d.asleep),
            modes: d.pixels.map(|(w, h)| format!("{w}x{h}")).into_iter().collect(),
            dpms: Some(if d.asleep { "Off" } else { "On" }.to_string()),
            edid,
            edid_read_error: None,
        });
    }
    let mut others = 0;
    for r in unused {
        let edid = if !r.edid.is_empty() {
            r.edid.clone()
        } else {
            match (r.vendor_id, r.product_id) {
                (Some(v), Some(p)) => rebuilt_edid(
                    v,
                    p,
                    r.serial_number,
                    (r.week, r.year),
                    r.product_name.as_deref(),
                    r.serial_text.as_deref(),
                ),
                _ => continue,
            }
        };
        let name = match r.external {
            Some(false) => "Built-in".to_string(),
            _ => {
                others += 1;
                format!("{}-{others}", r.transport.clone().unwrap_or_else(|| "Display".into()))
            }
        };
        out.push(DrmConnector {
            card: r.class.clone(),
            name,
            // Listed in the registry but not by system_profiler: attached, state not known.
            status: ConnectorStatus::Unknown,
            enabled: None,
            modes: Vec::new(),
            dpms: None,
            edid,
            edid_read_error: None,
        });
    }
    out
}

/// Every display macOS draws on, with its current mode (for the monitors check).
pub fn display_modes() -> Result<Vec<SpDisplay>, DisplaysError> {
    let json = programs::run(SYSTEM_PROFILER, &["SPDisplaysDataType", "-json"], SYSTEM_PROFILER_TIMEOUT)?;
    parse_system_profiler(&json)
}

/// The connectors on this Mac: system_profiler for what is shown, the registry for EDIDs.
pub fn display_connectors() -> Result<Vec<DrmConnector>, DrmError> {
    let sp = display_modes();
    let mut io = Vec::new();
    let mut io_errors = Vec::new();
    for class in ["IODisplay", "AppleCLCD2"] {
        match programs::run(IOREG, &["-r", "-lw0", "-d", "1", "-c", class], IOREG_TIMEOUT) {
            Ok(text) => io.extend(parse_ioreg(&text)),
            Err(e) => io_errors.push(format!("{e:#}")),
        }
    }
    match sp {
        Ok(sp) => Ok(connectors(&sp, &io)),
        // Without system_profiler the registry still names the monitors.
        Err(e) if !io.is_empty() => {
            tracing::warn!("system_profiler failed, displays from the I/O Registry only: {e:#}");
            Ok(connectors(&[], &io))
        }
        Err(e) => Err(DrmError::List {
            error: format!("{e:#}{}", io_errors.iter().map(|x| format!("; {x}")).collect::<String>()),
            path: PathBuf::from(SYSTEM_PROFILER),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hw::display::edid;

    const SP_M1PRO: &str =
        include_str!("../../../tests/fixtures/macos-displays/system_profiler-m1pro-dell-u3419w-sidecar.json");
    const SP_M1AIR: &str = include_str!("../../../tests/fixtures/macos-displays/system_profiler-m1-air-builtin.json");
    const IOREG_INTEL_EXTERNAL: &str =
        include_str!("../../../tests/fixtures/macos-displays/ioreg-glpi-AppleDisplay.txt");
    const IOREG_INTEL_BUILTIN: &str =
        include_str!("../../../tests/fixtures/macos-displays/ioreg-glpi-AppleBacklightDisplay.txt");
    const IOREG_APPLE_SILICON: &str = include_str!("../../../tests/fixtures/macos-displays/ioreg-glpi-AppleCLCD2.txt");

    #[test]
    fn system_profiler_modes_scale_and_connection() {
        let d = parse_system_profiler(SP_M1PRO).unwrap();
        assert_eq!(d.len(), 3);
        let dell = &d[0];
        assert_eq!((dell.gpu.as_str(), dell.name.as_str()), ("Apple M1 Pro", "DELL U3419W"));
        assert_eq!((dell.vendor_id, dell.product_id), (Some(0x10ac), Some(0xa130)));
        assert_eq!((dell.week, dell.year), (Some(24), Some(2020)));
        assert_eq!(
            (dell.pixels, dell.looks_like, dell.refresh_hz),
            (Some((3440, 1440)), Some((3440, 1440)), Some(60.0))
        );
        assert_eq!(dell.scale(), Some(1.0));
        assert!(dell.main && dell.online && !dell.mirror);
        assert_eq!(dell.connection, Connection::External { kind: None });
        let lcd = &d[1];
        assert_eq!(lcd.connection, Connection::Internal);
        assert_eq!((lcd.pixels, lcd.looks_like, lcd.refresh_hz), (Some((3456, 2234)), Some((1728, 1117)), Some(120.0)));
        assert_eq!(lcd.scale(), Some(2.0));
        assert!(!lcd.main);
        assert_eq!((lcd.week, lcd.year), (None, None));
        let sidecar = &d[2];
        assert_eq!(sidecar.connection, Connection::AirPlay);
        assert!(sidecar.virtual_device && sidecar.online);
        // "6161706c" does not fit a 16-bit PNP code: no maker id rather than a wrong one.
        assert_eq!(sidecar.vendor_id, None);

        let air = parse_system_profiler(SP_M1AIR).unwrap();
        assert_eq!(air.len(), 1);
        assert_eq!((air[0].gpu.as_str(), air[0].serial_number), ("Apple M1", None));
        assert_eq!(air[0].scale(), Some(2.0));
    }

    #[test]
    fn bad_system_profiler_output_is_a_clear_error() {
        assert!(matches!(parse_system_profiler(""), Err(DisplaysError::Json(_))));
        assert!(matches!(parse_system_profiler("{\"SPHardwareDataType\":[]}"), Err(DisplaysError::Json(_))));
        assert_eq!(parse_system_profiler("{\"SPDisplaysDataType\":[]}").unwrap(), Vec::new());
    }

    #[test]
    fn intel_registry_holds_the_monitors_own_edid() {
        let ext = parse_ioreg(IOREG_INTEL_EXTERNAL);
        assert_eq!(ext.len(), 1);
        assert_eq!(ext[0].class, "AppleDisplay");
        assert_eq!((ext[0].vendor_id, ext[0].product_id), (Some(4268), Some(16419)));
        let e = edid::parse(&ext[0].edid).unwrap();
        assert_eq!((e.manufacturer_id.as_str(), e.product_code), ("DEL", 16419));
        assert_eq!(e.name.as_deref(), Some("DELL 1708FP"));
        let builtin = parse_ioreg(IOREG_INTEL_BUILTIN);
        assert_eq!(builtin[0].class, "AppleBacklightDisplay");
        let e = edid::parse(&builtin[0].edid).unwrap();
        assert_eq!((e.manufacturer_id.as_str(), e.name.as_deref()), ("APP", Some("Color LCD")));
        let t = e.preferred_timing.unwrap();
        assert_eq!((t.h_active, t.v_active), (2560, 1600));
    }

    #[test]
    fn apple_silicon_registry_gives_decoded_identity_only() {
        let io = parse_ioreg(IOREG_APPLE_SILICON);
        assert_eq!(io.len(), 2);
        assert!(io.iter().all(|d| d.class == "AppleCLCD2" && d.edid.is_empty()));
        let dell = &io[1];
        assert_eq!(dell.product_name.as_deref(), Some("DELL P2421DC"));
        assert_eq!((dell.vendor_id, dell.product_id), (Some(4268), Some(53496)));
        assert_eq!(dell.serial_text.as_deref(), Some("4S0QR63"));
        assert_eq!((dell.week, dell.year), (Some(36), Some(2021)));
        assert_eq!((dell.external, dell.transport.as_deref()), (Some(true), Some("DP")));
    }

    #[test]
    fn rebuilt_edid_reads_back_through_our_parser() {
        let b = rebuilt_edid(
            0x10ac,
            53496,
            Some(825_642_060),
            (Some(36), Some(2021)),
            Some("DELL P2421DC"),
            Some("4S0QR63"),
        );
        let e = edid::parse(&b).unwrap();
        assert_eq!((e.manufacturer_id.as_str(), e.manufacturer_name, e.product_code), ("DEL", Some("Dell"), 53496));
        assert_eq!(e.name.as_deref(), Some("DELL P2421DC"));
        assert_eq!(e.serial_text.as_deref(), Some("4S0QR63"));
        assert_eq!(e.serial_number, Some(825_642_060));
        let m = e.manufactured.unwrap();
        assert_eq!((m.week, m.year), (Some(36), 2021));
        assert_eq!(e.preferred_timing, None);
        // A 13-character name fills its descriptor with no line feed; longer ones are cut.
        let long = rebuilt_edid(0x0610, 1, None, (None, None), Some("Studio Display XDR"), None);
        assert_eq!(edid::parse(&long).unwrap().name.as_deref(), Some("Studio Displa"));
    }

    #[test]
    fn connectors_join_both_sources() {
        let sp = parse_system_profiler(SP_M1PRO).unwrap();
        let list = connectors(&sp, &parse_ioreg(IOREG_APPLE_SILICON));
        let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
        // The registry capture comes from another Mac (a Dell P2421DC): it stays listed apart.
        // Sidecar is left out (no connector), and so is the registry's built-in panel without an
        // identity.
        assert_eq!(names, ["External-1", "Built-in", "DP-1"]);
        let dell = edid::parse(&list[0].edid).unwrap();
        assert_eq!((dell.manufacturer_id.as_str(), dell.product_code), ("DEL", 0xa130));
        assert_eq!(dell.name.as_deref(), Some("DELL U3419W"));
        assert_eq!(list[0].modes, ["3440x1440"]);
        assert_eq!((list[0].status, list[0].enabled), (ConnectorStatus::Connected, Some(true)));
        let lcd = edid::parse(&list[1].edid).unwrap();
        assert_eq!((lcd.manufacturer_id.as_str(), lcd.name.as_deref()), ("APP", Some("Color LCD")));
        let p2421 = edid::parse(&list[2].edid).unwrap();
        assert_eq!(p2421.name.as_deref(), Some("DELL P2421DC"));
        assert_eq!(list[2].status, ConnectorStatus::Unknown);
    }

    #[test]
    fn intel_connectors_keep_the_raw_bytes() {
        let sp = vec![SpDisplay {
            gpu: "Intel Iris".into(),
            name: "DELL 1708FP".into(),
            vendor_id: Some(4268),
            product_id: Some(16419),
            serial_number: None,
            week: None,
            year: None,
            pixels: Some((1280, 1024)),
            looks_like: Some((1280, 1024)),
            refresh_hz: Some(60.0),
            connection: Connection::External { kind: None },
            main: true,
            online: true,
            mirror: false,
            asleep: false,
            virtual_device: false,
        }];
        let io = parse_ioreg(IOREG_INTEL_EXTERNAL);
        let list = connectors(&sp, &io);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].edid, io[0].edid);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

        /// Real captures cut and with bytes changed: a result or an error, never a panic.
        #[test]
        fn mutated_captures_never_panic(
            which in 0usize..4,
            edits in proptest::collection::vec((proptest::prelude::any::<proptest::sample::Index>(), proptest::prelude::any::<u8>()), 0..16),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let base = [IOREG_INTEL_EXTERNAL, IOREG_INTEL_BUILTIN, SP_M1PRO, SP_M1AIR][which];
            let mut bytes = base.as_bytes().to_vec();
            for (at, value) in edits {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            bytes.truncate(cut.index(bytes.len() + 1));
            let text = String::from_utf8_lossy(&bytes);
            let io = parse_ioreg(&text);
            let sp = parse_system_profiler(&text).unwrap_or_default();
            let _ = connectors(&sp, &io);
        }
    }

    #[test]
    fn odd_ioreg_text_never_panics() {
        for text in [
            "",
            "+-o",
            "\"EDID\" = <00ff",
            "+-o X\n\"EDID\" = <zz>\n\"A\" = {\"b\"=(1,{\"c\"=<00>},\n",
            "+-o X\n\"A\" = (((((((",
        ] {
            let _ = parse_ioreg(text);
        }
        let deep = format!("+-o X\n\"A\" = {}", "{\"a\"=".repeat(200));
        assert_eq!(parse_ioreg(&deep).len(), 1);
    }
}
