//! Our own EDID base-block parser (VESA E-EDID 1.3/1.4): a pure function over bytes that
//! never panics. It reads what a technician needs to recognise a monitor (make, model,
//! serial, date, size, native mode) and says plainly when the data is broken. Text fields read
//! as edid-decode reads them (held against it on 456 real monitors in tests/edid.rs).

use serde::Serialize;

use super::pnp;

/// Size of the base block and of each extension block.
pub const BLOCK_LEN: usize = 128;
const HEADER: [u8; 8] = [0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00];

/// Why an EDID could not be read in full.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EdidError {
    /// Fewer bytes than one base block: the monitor (or adapter) stopped sending early.
    #[error("the EDID is truncated: {len} bytes, a base block needs {BLOCK_LEN}")]
    TooShort { len: usize },
    /// The first eight bytes are not the EDID header: this is not EDID, or it is garbled.
    #[error("the EDID does not start with the EDID header (found {found})")]
    BadHeader { found: String },
    /// Every field was read, but the bytes do not add up: some of them may be wrong.
    /// What could be read is kept in `partial`.
    #[error("the EDID checksum is wrong (bytes sum to {sum:#04x} modulo 256, should be 0x00)")]
    BadChecksum { sum: u8, partial: Box<Edid> },
}

impl EdidError {
    /// What could still be read despite the error (only when the checksum alone is wrong).
    pub fn partial(&self) -> Option<&Edid> {
        match self {
            EdidError::BadChecksum { partial, .. } => Some(partial),
            _ => None,
        }
    }
}

/// When the monitor was made, as the EDID says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Manufactured {
    /// Week 1–54; `None` when the maker left it out.
    pub week: Option<u8>,
    pub year: u16,
    /// EDID 1.4 lets the year be the model year instead of the year of manufacture.
    pub is_model_year: bool,
}

/// How the video signal reaches the monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VideoInput {
    Analog,
    /// `interface` and `bits_per_color` are only given by EDID 1.4.
    Digital {
        interface: Option<DigitalInterface>,
        bits_per_color: Option<u8>,
    },
}

/// The digital interface an EDID 1.4 monitor declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DigitalInterface {
    Dvi,
    HdmiA,
    HdmiB,
    Mddi,
    DisplayPort,
}

/// One detailed timing: the exact mode, usually the panel's native one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DetailedTiming {
    pub pixel_clock_khz: u32,
    pub h_active: u16,
    /// Lines of the whole frame (both fields when interlaced).
    pub v_active: u16,
    pub h_blank: u16,
    pub v_blank: u16,
    /// Vertical refresh in Hz (field rate when interlaced), from the clock and the totals.
    pub refresh_hz: f64,
    pub interlaced: bool,
    /// Image size of this mode in millimetres (0 when not given).
    pub h_image_mm: u16,
    pub v_image_mm: u16,
}

impl DetailedTiming {
    /// "1920×1080 at 60.00 Hz" (an "i" marks interlaced modes).
    pub fn describe(&self) -> String {
        format!(
            "{}×{}{} at {:.2} Hz",
            self.h_active,
            self.v_active,
            if self.interlaced { "i" } else { "" },
            self.refresh_hz
        )
    }
}

/// What a base EDID block says about a monitor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edid {
    /// Three-letter PNP id, e.g. "DEL".
    pub manufacturer_id: String,
    /// The maker's name when the PNP id is a well-known one, e.g. "Dell".
    pub manufacturer_name: Option<&'static str>,
    pub product_code: u16,
    /// The numeric serial; `None` when 0 (many makers use the serial descriptor instead).
    pub serial_number: Option<u32>,
    pub manufactured: Option<Manufactured>,
    /// "1.3", "1.4".
    pub version: u8,
    pub revision: u8,
    pub input: VideoInput,
    /// Physical image size in centimetres (`None` when not given, e.g. projectors).
    pub size_cm: Option<(u8, u8)>,
    /// The first detailed timing: the preferred (native) mode.
    pub preferred_timing: Option<DetailedTiming>,
    /// The other detailed timings of the base block.
    pub other_timings: Vec<DetailedTiming>,
    /// The product name from every name descriptor (0xFC), joined (see `product_name`).
    pub name: Option<String>,
    /// Display product serial descriptor (0xFF).
    pub serial_text: Option<String>,
    /// Alphanumeric data strings (0xFE), e.g. a laptop panel's part number.
    pub text: Vec<String>,
    /// Extension blocks the base block announces.
    pub extension_count: u8,
    /// Extension blocks actually present in the data.
    pub extensions_present: usize,
}

impl Edid {
    /// "Dell D3218HN", falling back to the panel text or the PNP id and product code.
    pub fn model_label(&self) -> String {
        let make = self.manufacturer_name.map(str::to_string).unwrap_or_else(|| self.manufacturer_id.clone());
        let model = self
            .name
            .clone()
            .or_else(|| self.text.iter().rev().find(|t| !t.is_empty()).cloned())
            .unwrap_or_else(|| format!("model {:#06x}", self.product_code));
        format!("{make} {model}")
    }

    /// The serial a technician can compare with the label: the text one if given, else the number.
    pub fn serial_label(&self) -> Option<String> {
        self.serial_text.clone().or_else(|| self.serial_number.map(|n| n.to_string()))
    }

    /// Diagonal in inches from the physical size (rounded to one decimal).
    pub fn diagonal_inches(&self) -> Option<f64> {
        let (w, h) = self.size_cm?;
        let d = (f64::from(w).powi(2) + f64::from(h).powi(2)).sqrt() / 2.54;
        Some((d * 10.0).round() / 10.0)
    }

    /// True when the data announces more extension blocks than it carries.
    pub fn extensions_missing(&self) -> bool {
        usize::from(self.extension_count) > self.extensions_present
    }
}

/// Parses the base block of `bytes` (extension blocks are counted, not decoded).
pub fn parse(bytes: &[u8]) -> Result<Edid, EdidError> {
    let Some(block) = bytes.get(..BLOCK_LEN) else {
        return Err(EdidError::TooShort { len: bytes.len() });
    };
    if block[..8] != HEADER {
        let found = block[..8].iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" ");
        return Err(EdidError::BadHeader { found });
    }
    let edid = parse_fields(block, bytes.len());
    let sum = block.iter().fold(0u8, |acc, b| acc.wrapping_add(*b));
    if sum != 0 {
        return Err(EdidError::BadChecksum { sum, partial: Box::new(edid) });
    }
    Ok(edid)
}

fn parse_fields(b: &[u8], total_len: usize) -> Edid {
    let byte = |i: usize| b.get(i).copied().unwrap_or(0);
    let manufacturer_id = pnp_id(u16::from_be_bytes([byte(8), byte(9)]));
    let version = byte(18);
    let revision = byte(19);
    let is_14 = version == 1 && revision >= 4;
    let serial = u32::from_le_bytes([byte(12), byte(13), byte(14), byte(15)]);
    let mut edid = Edid {
        manufacturer_name: pnp::vendor_name(&manufacturer_id),
        manufacturer_id,
        product_code: u16::from_le_bytes([byte(10), byte(11)]),
        serial_number: (serial != 0).then_some(serial),
        manufactured: manufactured(byte(16), byte(17), is_14),
        version,
        revision,
        input: video_input(byte(20), is_14),
        size_cm: (byte(21) != 0 && byte(22) != 0).then_some((byte(21), byte(22))),
        preferred_timing: None,
        other_timings: Vec::new(),
        name: None,
        serial_text: None,
        text: Vec::new(),
        extension_count: byte(126),
        extensions_present: total_len.saturating_sub(BLOCK_LEN) / BLOCK_LEN,
    };
    let mut name_parts = Vec::new();
    for (i, d) in b[54..126].chunks_exact(18).enumerate() {
        if d[0] != 0 || d[1] != 0 {
            if let Some(t) = detailed_timing(d) {
                if i == 0 {
                    edid.preferred_timing = Some(t);
                } else {
                    edid.other_timings.push(t);
                }
            }
            continue;
        }
        match d[3] {
            0xFC => name_parts.push(DescriptorText::read(d)),
            0xFF => edid.serial_text = DescriptorText::read(d).trimmed(),
            0xFE => edid.text.extend(DescriptorText::read(d).trimmed()),
            _ => {}
        }
    }
    edid.name = product_name(&name_parts);
    edid
}

/// Three letters packed in five bits each, 1 = 'A'. Out-of-range codes show as '?'.
fn pnp_id(raw: u16) -> String {
    [(raw >> 10) & 0x1F, (raw >> 5) & 0x1F, raw & 0x1F]
        .iter()
        .map(|&c| if (1..=26).contains(&c) { char::from(b'A' + c as u8 - 1) } else { '?' })
        .collect()
}

fn manufactured(week: u8, year: u8, is_14: bool) -> Option<Manufactured> {
    let year = 1990 + u16::from(year);
    match week {
        // Before 1.4, 0xFF was simply "not given"; 1.4 made it the model-year flag.
        0xFF if is_14 => Some(Manufactured { week: None, year, is_model_year: true }),
        0xFF => None,
        0 => Some(Manufactured { week: None, year, is_model_year: false }),
        1..=54 => Some(Manufactured { week: Some(week), year, is_model_year: false }),
        _ => Some(Manufactured { week: None, year, is_model_year: false }),
    }
}

fn video_input(b: u8, is_14: bool) -> VideoInput {
    if b & 0x80 == 0 {
        return VideoInput::Analog;
    }
    if !is_14 {
        return VideoInput::Digital { interface: None, bits_per_color: None };
    }
    let bits_per_color = match (b >> 4) & 0x07 {
        1 => Some(6),
        2 => Some(8),
        3 => Some(10),
        4 => Some(12),
        5 => Some(14),
        6 => Some(16),
        _ => None,
    };
    let interface = match b & 0x0F {
        1 => Some(DigitalInterface::Dvi),
        2 => Some(DigitalInterface::HdmiA),
        3 => Some(DigitalInterface::HdmiB),
        4 => Some(DigitalInterface::Mddi),
        5 => Some(DigitalInterface::DisplayPort),
        _ => None,
    };
    VideoInput::Digital { interface, bits_per_color }
}

/// One 18-byte detailed timing descriptor; `None` when its totals make no mode.
fn detailed_timing(d: &[u8]) -> Option<DetailedTiming> {
    let d: &[u8; 18] = d.try_into().ok()?;
    let pixel_clock_khz = u32::from(u16::from_le_bytes([d[0], d[1]])) * 10;
    let hi = |byte: u8, shift: u8| u16::from((byte >> shift) & 0x0F) << 8;
    let h_active = u16::from(d[2]) | hi(d[4], 4);
    let h_blank = u16::from(d[3]) | hi(d[4], 0);
    let v_active_field = u16::from(d[5]) | hi(d[7], 4);
    let v_blank = u16::from(d[6]) | hi(d[7], 0);
    let h_image_mm = u16::from(d[12]) | hi(d[14], 4);
    let v_image_mm = u16::from(d[13]) | hi(d[14], 0);
    let interlaced = d[17] & 0x80 != 0;
    let h_total = f64::from(h_active) + f64::from(h_blank);
    // An interlaced field carries half the frame plus half a line of blanking.
    let v_total = f64::from(v_active_field) + f64::from(v_blank) + if interlaced { 0.5 } else { 0.0 };
    if h_active == 0 || v_active_field == 0 || h_total == 0.0 || v_total == 0.0 {
        return None;
    }
    let refresh_hz = f64::from(pixel_clock_khz) * 1000.0 / (h_total * v_total);
    Some(DetailedTiming {
        pixel_clock_khz,
        h_active,
        v_active: if interlaced { v_active_field.saturating_mul(2) } else { v_active_field },
        h_blank,
        v_blank,
        refresh_hz,
        interlaced,
        h_image_mm,
        v_image_mm,
    })
}

/// The text of one display descriptor (18 bytes: a 5-byte header, then 13 bytes of text).
#[derive(Debug, Clone, PartialEq, Eq)]
struct DescriptorText {
    /// The bytes up to the first one that is not printable ASCII, untrimmed. The standard ends
    /// the text with a line feed and pads it with spaces; makers also end it with NUL, a
    /// carriage return or 0xFF, and some leave garbage after it. edid-decode stops at the first
    /// such byte too, so nothing undecodable is ever shown (no '?').
    text: String,
    /// All 13 bytes were printable: no end marker, so the text may go on in the next
    /// descriptor of the same kind ('Cinema Displa' then 'y').
    full: bool,
}

impl DescriptorText {
    const LEN: usize = 13;

    fn read(d: &[u8]) -> Self {
        let data = d.get(5..18).unwrap_or(&[]);
        let text: String = data.iter().take_while(|&&c| (0x20..0x7F).contains(&c)).map(|&c| char::from(c)).collect();
        let full = data.len() == Self::LEN && text.len() == Self::LEN;
        Self { text, full }
    }

    /// The text without its padding; `None` when nothing is left.
    fn trimmed(&self) -> Option<String> {
        let t = self.text.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
}

/// The monitor's name from all its product-name descriptors (0xFC), in order. A monitor may
/// carry more than one: a blank second one (`'W1942'` then `' '`), a continuation of a name
/// longer than 13 characters (`'Cinema Displa'` then `'y'`, `'FLATRON 795FT'` then `' Plus'`),
/// the make and then the model (`'Belinea'` then `'101920'`), or the same name repeated.
/// Blank and repeated parts are skipped; a part that filled its descriptor runs straight on
/// into the next one, any other part is joined with a space.
fn product_name(parts: &[DescriptorText]) -> Option<String> {
    let mut name = String::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut continues = false;
    for part in parts {
        let trimmed = part.text.trim();
        if trimmed.is_empty() {
            // A blank descriptor ends any continuation.
            continues = false;
            continue;
        }
        if continues {
            name.push_str(&part.text);
        } else if !seen.contains(&trimmed) {
            let kept = name.trim_end().len();
            name.truncate(kept);
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(part.text.trim_start());
        } else {
            continue;
        }
        seen.push(trimmed);
        continues = part.full;
    }
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DELL: &[u8] = include_bytes!("../../../tests/fixtures/edid/dell-d3218hn.bin");

    #[test]
    fn pnp_ids_decode_and_garbage_is_marked() {
        assert_eq!(pnp_id(0x10AC), "DEL");
        assert_eq!(pnp_id(0x4C2D), "SAM");
        assert_eq!(pnp_id(0x0000), "???");
    }

    fn descriptor(tag: u8, text: &[u8; 13]) -> [u8; 18] {
        let mut d = [0u8; 18];
        d[3] = tag;
        d[5..18].copy_from_slice(text);
        d
    }

    fn name_of(texts: &[&[u8; 13]]) -> Option<String> {
        let parts: Vec<DescriptorText> = texts.iter().map(|t| DescriptorText::read(&descriptor(0xFC, t))).collect();
        product_name(&parts)
    }

    #[test]
    fn text_descriptor_stops_at_line_feed_and_trims() {
        let read = |t: &[u8; 13]| DescriptorText::read(&descriptor(0xFC, t)).trimmed();
        assert_eq!(read(b"D3218HN\n     ").as_deref(), Some("D3218HN"));
        assert_eq!(read(b"\n            "), None);
        assert_eq!(read(b"             "), None);
    }

    #[test]
    fn undecodable_bytes_are_dropped_never_shown() {
        let read = |t: &[u8; 13]| DescriptorText::read(&descriptor(0xFC, t)).trimmed();
        // linuxhw Digital/Element/ELE1D92: a carriage return before the line feed.
        assert_eq!(read(b"ELSFWC401\r\n  ").as_deref(), Some("ELSFWC401"));
        // 0xFF padding, NUL padding, and binary garbage in the descriptor.
        assert_eq!(read(b"U2412M\xff\xff\xff\xff\xff\xff\xff").as_deref(), Some("U2412M"));
        assert_eq!(read(b"KVM\x00G5610 \n  ").as_deref(), Some("KVM"));
        assert_eq!(read(b"\x02\xb7FZ\x01\x03\x0c\x11P\xa0\x0f\x13!"), None);
    }

    #[test]
    fn every_name_descriptor_counts() {
        // A blank second descriptor no longer wins over the name (9.8 % of linuxhw monitors).
        assert_eq!(name_of(&[b"W1942\n       ", b"\n            "]).as_deref(), Some("W1942"));
        assert_eq!(name_of(&[b"TGL175G\n     ", b" \n           "]).as_deref(), Some("TGL175G"));
        assert_eq!(name_of(&[b"\n            ", b"L1942\n       "]).as_deref(), Some("L1942"));
        // A full descriptor runs on into the next one, spaces kept.
        assert_eq!(name_of(&[b"Cinema Displa", b"y\n\0\0\0\0\0\0\0\0\0\0\0"]).as_deref(), Some("Cinema Display"));
        assert_eq!(name_of(&[b"Apple Cinema ", b"Display\n\0\0\0\0\0"]).as_deref(), Some("Apple Cinema Display"));
        assert_eq!(name_of(&[b"FLATRON 795FT", b" Plus\n       "]).as_deref(), Some("FLATRON 795FT Plus"));
        // Separately ended parts are words of their own.
        assert_eq!(name_of(&[b"Belinea \n    ", b"101920\n      "]).as_deref(), Some("Belinea 101920"));
        // Repeats are said once; a blank descriptor breaks a run-on.
        assert_eq!(name_of(&[b"QHD270\n      ", b"QHD270\n      ", b"QHD270\n      "]).as_deref(), Some("QHD270"));
        assert_eq!(
            name_of(&[b"HP TouchSmart", b"\n            ", b"HP_touchsmart"]).as_deref(),
            Some("HP TouchSmart HP_touchsmart")
        );
        assert_eq!(name_of(&[b"\n            ", b" \n           "]), None);
        assert_eq!(name_of(&[]), None);
    }

    #[test]
    fn model_year_flag_only_in_1_4() {
        assert_eq!(manufactured(0xFF, 30, true), Some(Manufactured { week: None, year: 2020, is_model_year: true }));
        assert_eq!(manufactured(0xFF, 30, false), None);
        assert_eq!(manufactured(12, 30, false).and_then(|m| m.week), Some(12));
    }

    #[test]
    fn interlaced_timing_reports_frame_lines_and_field_rate() {
        // 1920x1080i from the Dell's CTA block (DTD 3): 74.25 MHz, 540 lines per field.
        let d = [
            0x01, 0x1d, 0x80, 0x18, 0x71, 0x1c, 0x16, 0x20, 0x58, 0x2c, 0x25, 0x00, 0xba, 0x89, 0x21, 0x00, 0x00, 0x9e,
        ];
        let t = detailed_timing(&d).unwrap();
        assert!(t.interlaced);
        assert_eq!((t.h_active, t.v_active), (1920, 1080));
        assert!((t.refresh_hz - 60.0).abs() < 0.01, "{}", t.refresh_hz);
    }

    #[test]
    fn missing_extension_blocks_are_noticed() {
        let edid = parse(&DELL[..BLOCK_LEN]).unwrap();
        assert_eq!(edid.extension_count, 1);
        assert!(edid.extensions_missing());
        assert!(!parse(DELL).unwrap().extensions_missing());
    }

    #[test]
    fn zero_and_short_inputs_are_typed_errors() {
        assert_eq!(parse(&[]), Err(EdidError::TooShort { len: 0 }));
        assert!(matches!(parse(&[0u8; 128]), Err(EdidError::BadHeader { .. })));
    }
}
