//! The test page: one page that says which computer printed it, when, and to which printer,
//! so whoever picks it up from the tray knows where it came from. As PDF, written by hand (a
//! dozen objects of plain text; no PDF crate is needed), or as a PWG raster (`raster.rs`) for
//! printers that take no PDF. Both show the same lines.

use super::raster::{self, Layout, RasterPage, TextLine};

/// What the page identifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestPage {
    pub hostname: String,
    /// Already formatted, e.g. "2026-12-01 21:40:00 UTC".
    pub time: String,
    pub printer: String,
    pub tool: String,
}

/// Escape text for a PDF literal string; non-Latin-1 characters become '?' (Helvetica with
/// WinAnsi encoding cannot show them, and a garbled host name is worse than a question mark).
fn pdf_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (' '..='~').contains(&c) => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

impl TestPage {
    /// (size in points, text) of each line, top to bottom.
    fn lines(&self) -> [(u32, String); 6] {
        [
            (28, "deskcheck test page".to_string()),
            (14, format!("Computer: {}", self.hostname)),
            (14, format!("Printed at: {}", self.time)),
            (14, format!("Printer: {}", self.printer)),
            (11, format!("Sent by {}", self.tool)),
            (11, "If you can read this page, the printer and the path to it work.".to_string()),
        ]
    }

    /// The page's lines as plain text, top to bottom (for a page drawn by the OS's printer
    /// driver, which picks its own font).
    pub fn text_lines(&self) -> Vec<String> {
        self.lines().into_iter().map(|(_, text)| text).collect()
    }

    /// The page as a PWG raster for `page` (size, resolution, colour), media named `media_name`.
    /// The 8x8 font has ASCII only; other characters print as '?', as in the PDF.
    pub fn to_pwg_raster(&self, page: &RasterPage, media_name: &str) -> Vec<u8> {
        raster::pwg_raster(page, &self.layout(page), media_name)
    }

    /// The page as a gray baseline JPEG of `page`'s size and resolution (the printer scales it
    /// to the paper).
    pub fn to_jpeg(&self, page: &RasterPage) -> Result<Vec<u8>, String> {
        let (width, height, pixels) = raster::gray_pixels(page, &self.layout(page));
        let too_big = || format!("a {width}x{height} page is too large for JPEG");
        let (w, h) = (u16::try_from(width).map_err(|_| too_big())?, u16::try_from(height).map_err(|_| too_big())?);
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, 85)
            .encode(&pixels, w, h, jpeg_encoder::ColorType::Luma)
            .map_err(|e| format!("JPEG encoding failed: {e}"))?;
        Ok(out)
    }

    /// Where each line goes on a page of this width: the PDF's layout in points.
    fn layout(&self, page: &RasterPage) -> Layout {
        // The PDF's baselines (72 pt from the left, 82 pt from the top, then 2 x size apart),
        // with glyphs scaled down so the longest line fits between the margins.
        let width_pt = u64::from(page.width_hmm) * 72 / 2540;
        let usable_pt = width_pt.saturating_sub(144).max(72) as u32;
        let mut top = 72u32;
        let mut lines = Vec::new();
        for (size, text) in self.lines() {
            let text: String = text.chars().map(|c| if (' '..='~').contains(&c) { c } else { '?' }).collect();
            let chars = text.chars().count().max(1) as u32;
            let fitted = size.min((usable_pt / chars).max(4));
            lines.push(TextLine { top_pt: top, size_pt: fitted, text });
            top += size * 2;
        }
        Layout { left_pt: 72, rule_at_pt: 842 - 600, lines }
    }

    /// The page as PDF bytes (A4, Helvetica; fits Letter too).
    pub fn to_pdf(&self) -> Vec<u8> {
        let lines = self.lines();
        let mut content = String::from("BT\n/F1 28 Tf\n72 760 Td\n");
        let mut first = true;
        for (size, text) in &lines {
            if !first {
                content.push_str(&format!("/F1 {size} Tf\n0 -{} Td\n", size * 2));
            }
            first = false;
            content.push_str(&format!("({}) Tj\n", pdf_text(text)));
        }
        content.push_str("ET\n0.5 w 72 600 m 523 600 l S\n");
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
                .to_string(),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
            format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        ];
        // All ASCII (non-Latin-1 text is replaced above), so no binary marker comment is needed.
        let mut pdf = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::with_capacity(objects.len());
        for (i, obj) in objects.iter().enumerate() {
            offsets.push(pdf.len());
            pdf.extend_from_slice(format!("{} 0 obj\n{obj}\nendobj\n", i + 1).as_bytes());
        }
        let xref = pdf.len();
        let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
        for off in offsets {
            tail.push_str(&format!("{off:010} 00000 n \n"));
        }
        tail.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
        pdf.extend_from_slice(tail.as_bytes());
        pdf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_has_text_and_a_consistent_xref() {
        let page = TestPage {
            hostname: "desk-42 (Ünï)".into(),
            time: "2026-12-01 21:40:00 UTC".into(),
            printer: "ipp://10.0.0.9/ipp/print".into(),
            tool: "deskcheck 0.1.0".into(),
        };
        let pdf = page.to_pdf();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-1.4"));
        assert!(text.contains("(Computer: desk-42 \\(?n?\\)) Tj"), "{text}");
        assert!(text.ends_with("%%EOF\n"));
        // Each xref offset points at "N 0 obj".
        let xref_at: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        let xref = &text[xref_at..];
        for (n, line) in xref.lines().skip(3).take(5).enumerate() {
            let off: usize = line[..10].parse().unwrap();
            assert!(text[off..].starts_with(&format!("{} 0 obj", n + 1)), "object {} at {off}", n + 1);
        }
    }
}
