//! The test page as a PWG raster (PWG 5102.4), for IPP Everywhere printers that take no PDF:
//! the 4-byte sync word "RaS2", then per page a 1796-byte big-endian header and the lines,
//! each as a repeat count plus PackBits-style runs of whole pixels. No crate writes PWG raster;
//! the format is small and fixed. Text is drawn with the public-domain 8×8 font of `font8x8`.

use font8x8::legacy::BASIC_LEGACY;

/// The page size and resolution to render at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RasterPage {
    /// Media size in hundredths of a millimetre (PWG 5101.1 units).
    pub width_hmm: u32,
    pub height_hmm: u32,
    pub dpi: u32,
    pub color: ColorSpace,
}

/// The pixel formats deskcheck writes (from `pwg-raster-document-type-supported`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSpace {
    /// `sgray_8`: one byte per pixel, 0 = black.
    Sgray8,
    /// `srgb_8`: three bytes per pixel.
    Srgb8,
}

impl ColorSpace {
    fn bytes_per_pixel(self) -> usize {
        match self {
            ColorSpace::Sgray8 => 1,
            ColorSpace::Srgb8 => 3,
        }
    }

    /// cups_cspace_t: CUPS_CSPACE_SW = 18, CUPS_CSPACE_SRGB = 19.
    fn cups_code(self) -> u32 {
        match self {
            ColorSpace::Sgray8 => 18,
            ColorSpace::Srgb8 => 19,
        }
    }

    pub fn keyword(self) -> &'static str {
        match self {
            ColorSpace::Sgray8 => "sgray_8",
            ColorSpace::Srgb8 => "srgb_8",
        }
    }
}

impl RasterPage {
    pub const A4: (u32, u32) = (21000, 29700);

    fn pixels(&self) -> (u32, u32) {
        let px = |hmm: u32| ((u64::from(hmm) * u64::from(self.dpi)) / 2540) as u32;
        (px(self.width_hmm), px(self.height_hmm))
    }
}

/// A line of text on the page: its top in points from the top edge and its glyph size in points.
pub struct TextLine {
    pub top_pt: u32,
    pub size_pt: u32,
    pub text: String,
}

/// Text and one rule under the heading, as the PDF page has them.
pub struct Layout {
    pub left_pt: u32,
    pub lines: Vec<TextLine>,
    pub rule_at_pt: u32,
}

const HEADER_LEN: usize = 1796;

/// Renders `layout` as a one-page PWG raster document.
pub fn pwg_raster(page: &RasterPage, layout: &Layout, media_name: &str) -> Vec<u8> {
    let (width, height) = page.pixels();
    let bpp = page.color.bytes_per_pixel();
    let mut out = Vec::with_capacity(HEADER_LEN + 64 * 1024);
    out.extend_from_slice(b"RaS2");
    out.extend_from_slice(&header(page, width, height, media_name));
    let mut previous: Option<Vec<u8>> = None;
    let mut repeat = 0usize;
    let mut row = vec![0u8; width as usize * bpp];
    for y in 0..height {
        render_row(page, layout, y, width, &mut row);
        match &previous {
            // A line repeat count is one byte: at most 256 identical lines per record.
            Some(p) if *p == row && repeat < 256 => repeat += 1,
            Some(p) => {
                encode_line(&mut out, p, repeat, bpp);
                previous = Some(row.clone());
                repeat = 1;
            }
            None => {
                previous = Some(row.clone());
                repeat = 1;
            }
        }
    }
    if let Some(p) = previous {
        encode_line(&mut out, &p, repeat, bpp);
    }
    out
}

fn header(page: &RasterPage, width: u32, height: u32, media_name: &str) -> [u8; HEADER_LEN] {
    let mut h = [0u8; HEADER_LEN];
    let mut put_str = |at: usize, s: &str| {
        let bytes = s.as_bytes();
        let n = bytes.len().min(63);
        h[at..at + n].copy_from_slice(&bytes[..n]);
    };
    put_str(0, "PwgRaster");
    put_str(1732, media_name);
    let mut put = |at: usize, v: u32| h[at..at + 4].copy_from_slice(&v.to_be_bytes());
    let bpp = page.color.bytes_per_pixel() as u32;
    put(276, page.dpi); // HWResolution[0]
    put(280, page.dpi); // HWResolution[1]
    put(340, 1); // NumCopies
    // PageSize in points.
    put(352, (u64::from(page.width_hmm) * 72 / 2540) as u32);
    put(356, (u64::from(page.height_hmm) * 72 / 2540) as u32);
    put(372, width); // cupsWidth
    put(376, height); // cupsHeight
    put(384, 8); // cupsBitsPerColor
    put(388, 8 * bpp); // cupsBitsPerPixel
    put(392, width * bpp); // cupsBytesPerLine
    put(396, 0); // cupsColorOrder: chunky
    put(400, page.color.cups_code()); // cupsColorSpace
    put(420, bpp); // cupsNumColors
    put(452, 1); // TotalPageCount
    put(456, 1); // CrossFeedTransform
    put(460, 1); // FeedTransform
    put(472, width); // ImageBoxRight
    put(476, height); // ImageBoxBottom
    put(480, 0x00ff_ffff); // AlternatePrimary
    h
}

/// The page as 8-bit gray pixels, row after row (for the JPEG test page).
pub fn gray_pixels(page: &RasterPage, layout: &Layout) -> (u32, u32, Vec<u8>) {
    let gray = RasterPage { color: ColorSpace::Sgray8, ..*page };
    let (width, height) = gray.pixels();
    let mut pixels = vec![255u8; width as usize * height as usize];
    for (y, row) in pixels.chunks_mut(width.max(1) as usize).enumerate() {
        render_row(&gray, layout, y as u32, width, row);
    }
    (width, height, pixels)
}

/// White row with the text's glyph pixels (and the rule) in black.
fn render_row(page: &RasterPage, layout: &Layout, y: u32, width: u32, row: &mut [u8]) {
    row.fill(255);
    let bpp = page.color.bytes_per_pixel();
    let to_px = |pt: u32| pt * page.dpi / 72;
    let mut black = |x: u32| {
        if x < width {
            let at = x as usize * bpp;
            row[at..at + bpp].fill(0);
        }
    };
    let rule = to_px(layout.rule_at_pt);
    if y >= rule && y < rule + (page.dpi / 150).max(1) {
        for x in to_px(layout.left_pt)..width.saturating_sub(to_px(layout.left_pt)) {
            black(x);
        }
    }
    for line in &layout.lines {
        let top = to_px(line.top_pt);
        // One font cell (8 dots) spans the glyph size.
        let cell = (to_px(line.size_pt) / 8).max(1);
        if y < top || y >= top + 8 * cell {
            continue;
        }
        let glyph_row = ((y - top) / cell) as usize;
        let mut x0 = to_px(layout.left_pt);
        for c in line.text.chars() {
            let bits = BASIC_LEGACY.get(c as usize).copied().unwrap_or(BASIC_LEGACY[usize::from(b'?')])[glyph_row];
            for bit in 0..8u32 {
                if bits & (1 << bit) != 0 {
                    for dx in 0..cell {
                        black(x0 + bit * cell + dx);
                    }
                }
            }
            x0 += 8 * cell;
            if x0 >= width {
                break;
            }
        }
    }
}

/// One line record: repeat count − 1, then runs: 0..=127 = the next pixel n+1 times,
/// 129..=255 = 257−n literal pixels follow.
fn encode_line(out: &mut Vec<u8>, row: &[u8], repeat: usize, bpp: usize) {
    out.push((repeat - 1) as u8);
    let px = |i: usize| &row[i * bpp..(i + 1) * bpp];
    let n = row.len() / bpp;
    let mut i = 0;
    while i < n {
        let mut run = 1;
        while i + run < n && run < 128 && px(i + run) == px(i) {
            run += 1;
        }
        if run >= 2 {
            out.push((run - 1) as u8);
            out.extend_from_slice(px(i));
            i += run;
            continue;
        }
        let start = i;
        i += 1;
        while i < n && i - start < 128 && !(i + 1 < n && px(i) == px(i + 1)) {
            i += 1;
        }
        let count = i - start;
        if count == 1 {
            out.push(0);
        } else {
            out.push((257 - count) as u8);
        }
        out.extend_from_slice(&row[start * bpp..i * bpp]);
    }
}

/// The self-describing PWG media name's size in hundredths of a millimetre
/// ("iso_a4_210x297mm", "na_letter_8.5x11in"); None for names without a size.
pub fn media_size_hmm(name: &str) -> Option<(u32, u32)> {
    let dims = name.rsplit('_').next()?;
    let (numbers, per_unit) = if let Some(d) = dims.strip_suffix("mm") {
        (d, 100.0)
    } else if let Some(d) = dims.strip_suffix("in") {
        (d, 2540.0)
    } else {
        return None;
    };
    let (w, h) = numbers.split_once('x')?;
    let w: f64 = w.parse().ok()?;
    let h: f64 = h.parse().ok()?;
    let ok = |v: f64| v.is_finite() && v > 0.0 && v * per_unit < 200_000.0;
    (ok(w) && ok(h)).then(|| ((w * per_unit).round() as u32, (h * per_unit).round() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes the lines of a one-page PWG raster back into rows (the test's own reader).
    fn decode(doc: &[u8]) -> (u32, u32, usize, Vec<Vec<u8>>) {
        assert_eq!(&doc[..4], b"RaS2");
        let h = &doc[4..4 + HEADER_LEN];
        let be = |at: usize| u32::from_be_bytes([h[at], h[at + 1], h[at + 2], h[at + 3]]);
        let (w, hgt, bpl) = (be(372), be(376), be(392) as usize);
        let bpp = bpl / w as usize;
        let mut rows = Vec::new();
        let mut i = 4 + HEADER_LEN;
        while rows.len() < hgt as usize {
            let repeat = doc[i] as usize + 1;
            i += 1;
            let mut row = Vec::with_capacity(bpl);
            while row.len() < bpl {
                let c = doc[i];
                i += 1;
                if c < 128 {
                    for _ in 0..=c {
                        row.extend_from_slice(&doc[i..i + bpp]);
                    }
                    i += bpp;
                } else {
                    let n = (257 - c as usize) * bpp;
                    row.extend_from_slice(&doc[i..i + n]);
                    i += n;
                }
            }
            assert_eq!(row.len(), bpl, "a run crossed the line end");
            for _ in 0..repeat {
                rows.push(row.clone());
            }
        }
        assert_eq!(i, doc.len(), "trailing bytes");
        (w, hgt, bpp, rows)
    }

    fn layout() -> Layout {
        Layout {
            left_pt: 72,
            rule_at_pt: 180,
            lines: vec![
                TextLine { top_pt: 72, size_pt: 28, text: "deskcheck test page".into() },
                TextLine { top_pt: 120, size_pt: 14, text: "Computer: desk-42".into() },
            ],
        }
    }

    #[test]
    fn a4_gray_roundtrips_with_the_text_in_black() {
        let page = RasterPage { width_hmm: 21000, height_hmm: 29700, dpi: 150, color: ColorSpace::Sgray8 };
        let doc = pwg_raster(&page, &layout(), "iso_a4_210x297mm");
        let (w, h, bpp, rows) = decode(&doc);
        assert_eq!((w, h, bpp), (1240, 1753, 1));
        // Mostly white pages compress well: well under a tenth of the raw size.
        assert!(doc.len() < (w * h) as usize / 10, "{} bytes", doc.len());
        // The heading's rows have black pixels from the left margin on; the bottom is white.
        let heading = &rows[(72 * 150 / 72) as usize + 10];
        assert!(heading[150..].contains(&0));
        assert!(heading[..149].iter().all(|&p| p == 255));
        assert!(rows[h as usize - 1].iter().all(|&p| p == 255));
        let text = String::from_utf8_lossy(&doc[4 + 1732..4 + 1732 + 16]).into_owned();
        assert!(text.starts_with("iso_a4_210x297mm"), "{text}");
    }

    #[test]
    fn rgb_rows_encode_whole_pixels() {
        let page = RasterPage { width_hmm: 21590, height_hmm: 27940, dpi: 72, color: ColorSpace::Srgb8 };
        let (w, h, bpp, rows) = decode(&pwg_raster(&page, &layout(), "na_letter_8.5x11in"));
        assert_eq!((w, h, bpp), (612, 792, 3));
        assert!(rows.iter().all(|r| r.len() == 612 * 3));
    }

    #[test]
    fn packbits_literals_and_runs() {
        let mut out = Vec::new();
        encode_line(&mut out, &[1, 2, 3, 3, 3, 4], 1, 1);
        assert_eq!(out, vec![0, 255, 1, 2, 2, 3, 0, 4]);
        let row: Vec<u8> = (0..300).map(|i| (i % 7) as u8).collect();
        let mut out = vec![];
        encode_line(&mut out, &row, 3, 1);
        assert_eq!(out[0], 2);
    }

    #[test]
    fn media_names() {
        assert_eq!(media_size_hmm("iso_a4_210x297mm"), Some((21000, 29700)));
        assert_eq!(media_size_hmm("na_letter_8.5x11in"), Some((21590, 27940)));
        assert_eq!(media_size_hmm("custom_max_1000x1000000in"), None);
        assert_eq!(media_size_hmm("photo"), None);
    }
}
