//! Text that came from the network (printer names, make and model, state messages, job titles
//! and owners, mDNS records) made safe to show: a printer or a neighbour on the LAN can put
//! escape sequences or bidirectional overrides into any string it announces, and a terminal
//! or a log viewer would obey them (recolour, move the cursor, reorder "fdp.exe" text).

/// Longest string kept from one network field; the rest is cut (an IPP text value is at most
/// 1023 octets by RFC 8011, an mDNS TXT value 255).
pub const MAX_FIELD_CHARS: usize = 1024;

/// Removes C0/C1 control characters (ESC included), DEL and the Unicode bidi controls; line
/// breaks and tabs become one space, so a value stays on its line.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_FIELD_CHARS));
    for c in s.chars().take(MAX_FIELD_CHARS) {
        match c {
            '\t' | '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// LRM/RLM/ALM, the embeddings and overrides (U+202A–E) and the isolates (U+2066–9).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_c1_and_bidi_overrides_are_removed() {
        assert_eq!(clean("Office\u{1b}[31mRED\u{1b}[0m"), "Office[31mRED[0m");
        assert_eq!(clean("a\u{9b}2Jb\u{7f}c\u{85}"), "a2Jbc");
        assert_eq!(clean("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(clean("x\u{2066}y\u{2069}z\u{200f}"), "xyz");
        assert_eq!(clean("line one\r\nline two\ttab"), "line one line two tab");
        assert_eq!(clean("Jürgen's Drucker — 3. OG"), "Jürgen's Drucker — 3. OG");
        assert_eq!(clean(&"x".repeat(5000)).len(), MAX_FIELD_CHARS);
    }
}
