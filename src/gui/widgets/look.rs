//! The window's look: light and dark follow the OS, with text colours chosen for contrast
//! (no grey-on-dark text), and a high-contrast variant with pure black and white text and
//! strong borders. The unit test measures every text colour we draw with against the panel
//! by the WCAG formula.

use eframe::egui::{self, Color32, Stroke, Theme, ThemePreference, Visuals};

/// Sets light and dark visuals (egui picks by the OS theme) for normal or high contrast.
pub fn apply(ctx: &egui::Context, high_contrast: bool) {
    ctx.options_mut(|o| o.theme_preference = ThemePreference::System);
    for theme in [Theme::Dark, Theme::Light] {
        ctx.set_visuals_of(theme, visuals(theme, high_contrast));
    }
}

/// The visuals for one theme.
pub fn visuals(theme: Theme, high_contrast: bool) -> Visuals {
    match (theme, high_contrast) {
        (Theme::Dark, false) => dark(),
        (Theme::Light, false) => light(),
        (Theme::Dark, true) => high_contrast_of(Visuals::dark(), Color32::BLACK, Color32::WHITE),
        (Theme::Light, true) => high_contrast_of(Visuals::light(), Color32::WHITE, Color32::BLACK),
    }
}

/// egui's dark theme with brighter text: its default body text (grey 140) and weak text
/// (a faded grey) are hard to read on grey 27.
fn dark() -> Visuals {
    let mut v = Visuals::dark();
    v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(210);
    v.widgets.inactive.fg_stroke.color = Color32::from_gray(225);
    v.weak_text_color = Some(Color32::from_gray(170));
    v.warn_fg_color = Color32::from_rgb(255, 170, 60);
    v.error_fg_color = Color32::from_rgb(255, 120, 110);
    v.hyperlink_color = Color32::from_rgb(120, 180, 255);
    v
}

/// egui's light theme with warning and error colours dark enough to read on white.
fn light() -> Visuals {
    let mut v = Visuals::light();
    v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(30);
    v.widgets.inactive.fg_stroke.color = Color32::from_gray(20);
    v.weak_text_color = Some(Color32::from_gray(85));
    v.warn_fg_color = Color32::from_rgb(150, 75, 0);
    v.error_fg_color = Color32::from_rgb(185, 0, 0);
    v.hyperlink_color = Color32::from_rgb(0, 70, 170);
    v
}

/// Pure `fg` on pure `bg` everywhere, borders of 2 points around every control.
fn high_contrast_of(mut v: Visuals, bg: Color32, fg: Color32) -> Visuals {
    // No `override_text_color`: it would also paint selected items' text in `fg`, on the
    // inverted (`fg`) selection fill. Every widget state's text is set to `fg` below instead.
    v.weak_text_color = Some(fg);
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = bg;
    v.code_bg_color = bg;
    v.window_stroke = Stroke::new(2.0, fg);
    v.hyperlink_color = fg;
    if v.dark_mode {
        v.warn_fg_color = Color32::from_rgb(255, 200, 0);
        v.error_fg_color = Color32::from_rgb(255, 130, 130);
    } else {
        v.warn_fg_color = Color32::from_rgb(120, 60, 0);
        v.error_fg_color = Color32::from_rgb(160, 0, 0);
    }
    for (widget, width) in [
        (&mut v.widgets.noninteractive, 1.0),
        (&mut v.widgets.inactive, 2.0),
        (&mut v.widgets.hovered, 3.0),
        (&mut v.widgets.active, 3.0),
        (&mut v.widgets.open, 2.0),
    ] {
        widget.fg_stroke = Stroke::new(widget.fg_stroke.width.max(1.5), fg);
        widget.bg_stroke = Stroke::new(width, fg);
        widget.bg_fill = bg;
        widget.weak_bg_fill = bg;
    }
    // Selected items: inverted, so the selection is seen without colour.
    v.selection.bg_fill = fg;
    v.selection.stroke = Stroke::new(2.0, bg);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::widgets::severity_color;
    use crate::model::Severity;

    /// WCAG 2 relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f64 {
        let channel = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    /// WCAG 2 contrast ratio (1 to 21) between two opaque colours.
    fn contrast_ratio(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
        (hi + 0.05) / (lo + 0.05)
    }

    #[test]
    fn the_contrast_formula_matches_wcag() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #777 on white is the well-known 4.48:1, just below AA.
        let ratio = contrast_ratio(Color32::from_gray(0x77), Color32::WHITE);
        assert!((ratio - 4.48).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn every_text_colour_reads_on_the_panel_in_every_look() {
        for theme in [Theme::Light, Theme::Dark] {
            for high_contrast in [false, true] {
                let v = visuals(theme, high_contrast);
                let mut colours = vec![
                    ("text", v.text_color()),
                    ("weak text", v.weak_text_color()),
                    ("strong text", v.strong_text_color()),
                    ("button text", v.widgets.inactive.text_color()),
                    ("warning", v.warn_fg_color),
                    ("error", v.error_fg_color),
                    ("link", v.hyperlink_color),
                ];
                for severity in [Severity::Pass, Severity::Info, Severity::Warn, Severity::Fail] {
                    colours.push((severity.label(), severity_color(severity, &v)));
                }
                for (what, colour) in colours {
                    for (surface, fill) in [("panel", v.panel_fill), ("window", v.window_fill)] {
                        let ratio = contrast_ratio(colour, fill);
                        assert!(
                            ratio >= 4.5,
                            "{what} {colour:?} on the {surface} {fill:?} ({theme:?}, high contrast {high_contrast}): \
                             {ratio:.2}:1 is below 4.5:1"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn selected_items_read_on_their_highlight() {
        for theme in [Theme::Light, Theme::Dark] {
            for high_contrast in [false, true] {
                let v = visuals(theme, high_contrast);
                let ratio = contrast_ratio(v.selection.stroke.color, v.selection.bg_fill);
                assert!(ratio >= 4.5, "selected text ({theme:?}, high contrast {high_contrast}): {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn high_contrast_is_pure_black_and_white_text() {
        let dark = visuals(Theme::Dark, true);
        assert_eq!(
            (dark.text_color(), dark.weak_text_color(), dark.panel_fill),
            (Color32::WHITE, Color32::WHITE, Color32::BLACK)
        );
        let light = visuals(Theme::Light, true);
        assert_eq!(
            (light.text_color(), light.weak_text_color(), light.panel_fill),
            (Color32::BLACK, Color32::BLACK, Color32::WHITE)
        );
        assert!(light.widgets.inactive.bg_stroke.width >= 2.0);
    }
}
