//! Serial numbers out of EDID copies (strict privacy): the binary blobs saved as
//! `raw/displays.connectors/<connector>.edid.bin` and the hex dumps in `xrandr --verbose`.
//! Bytes 12–15 (the numeric serial) and the text of any 0xFF (serial) descriptor are
//! zeroed, then the checksum (byte 127) is fixed so the copy still parses.

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

const HEADER: [u8; 8] = [0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00];
const DESCRIPTORS: [usize; 4] = [54, 72, 90, 108];

// xrandr --verbose: "EDID:" then lines of 32 hex digits.
static HEX_DUMP: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)EDID:[ \t]*\r?\n(?P<hex>(?:[ \t]*[0-9a-f]{32}[ \t]*\r?\n?)+)"));

/// Whether `bytes` start like an EDID base block.
pub(super) fn is_edid(bytes: &[u8]) -> bool {
    bytes.len() >= 128 && bytes[..8] == HEADER
}

/// A copy of an EDID with its serial fields zeroed and its checksum fixed; other bytes
/// (extension blocks too) unchanged. `None` when it is not an EDID.
pub(super) fn zero_serials(bytes: &[u8]) -> Option<Vec<u8>> {
    if !is_edid(bytes) {
        return None;
    }
    let mut out = bytes.to_vec();
    out[12..16].fill(0);
    for d in DESCRIPTORS {
        // A display descriptor: three zero bytes, then its tag; 0xFF = product serial text.
        if out[d..d + 3] == [0, 0, 0] && out[d + 3] == 0xFF {
            out[d + 5..d + 18].fill(0);
        }
    }
    let sum = out[..127].iter().fold(0u8, |acc, b| acc.wrapping_add(*b));
    out[127] = 0u8.wrapping_sub(sum);
    Some(out)
}

/// Every EDID hex dump in `text`, serials zeroed, each hex digit rewritten in place so the
/// layout (indentation, line breaks) stays as it was.
pub(super) fn zero_serials_in_hex_dumps(text: &str) -> String {
    HEX_DUMP
        .replace_all(text, |c: &regex::Captures| {
            let whole = &c[0];
            let hex = &c["hex"];
            let digits: String = hex.chars().filter(char::is_ascii_hexdigit).collect();
            let bytes: Option<Vec<u8>> =
                (0..digits.len() / 2).map(|i| u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).ok()).collect();
            let Some(scrubbed) = bytes.as_deref().and_then(zero_serials) else { return whole.to_string() };
            let new_digits: Vec<char> =
                scrubbed.iter().flat_map(|b| format!("{b:02x}").chars().collect::<Vec<_>>()).collect();
            let mut next = new_digits.into_iter();
            let prefix = &whole[..whole.len() - hex.len()];
            let body: String =
                hex.chars().map(|ch| if ch.is_ascii_hexdigit() { next.next().unwrap_or(ch) } else { ch }).collect();
            format!("{prefix}{body}")
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hw::display::edid::parse;

    const DELL: &[u8] = include_bytes!("../../../tests/fixtures/edid/dell-d3218hn.bin");

    #[test]
    fn serials_are_zeroed_and_the_edid_still_parses() {
        let before = parse(DELL).unwrap();
        assert!(before.serial_label().is_some(), "the fixture has a serial");
        let after_bytes = zero_serials(DELL).unwrap();
        let after = parse(&after_bytes).unwrap();
        assert_eq!(after.serial_label(), None);
        assert_eq!(
            (after.manufacturer_id.as_str(), after.product_code),
            (before.manufacturer_id.as_str(), before.product_code)
        );
        assert_eq!(after_bytes[..128].iter().fold(0u8, |a, b| a.wrapping_add(*b)), 0, "checksum fixed");
        assert_eq!(after_bytes.len(), DELL.len());
        assert!(zero_serials(b"not an edid").is_none());
    }

    #[test]
    fn hex_dumps_are_scrubbed_in_place() {
        let hex: String = DELL[..128]
            .chunks(16)
            .map(|l| format!("\t\t{}\n", l.iter().map(|b| format!("{b:02x}")).collect::<String>()))
            .collect();
        let text = format!("HDMI-1 connected\n\tEDID: \n{hex}\tBrightness: 1.0\n");
        let out = zero_serials_in_hex_dumps(&text);
        let expected: String = zero_serials(&DELL[..128])
            .unwrap()
            .chunks(16)
            .map(|l| format!("\t\t{}\n", l.iter().map(|b| format!("{b:02x}")).collect::<String>()))
            .collect();
        assert!(out.contains(&expected), "{out}");
        assert!(out.ends_with("\tBrightness: 1.0\n") && out.starts_with("HDMI-1 connected\n\tEDID: \n"), "{out}");
    }
}
