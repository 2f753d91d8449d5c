//! Mouse tester state: clicks per button, double clicks, bounces (a worn switch clicking
//! twice by itself), wheel steps up and down, and the pointer's path.
//! Times are seconds on any monotonic clock (the GUI passes egui's input time).

use serde::Serialize;

use crate::model::{Finding, Severity, ToolReport};
use crate::msg;

/// The buttons a mouse has (extra 1/2 are the thumb buttons, "back" and "forward").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MouseButton {
    Primary,
    Secondary,
    Middle,
    Extra1,
    Extra2,
}

impl MouseButton {
    /// Every button, in report order.
    pub const ALL: [MouseButton; 5] = [Self::Primary, Self::Secondary, Self::Middle, Self::Extra1, Self::Extra2];

    /// Plain name of the button.
    pub fn label(self) -> &'static str {
        match self {
            Self::Primary => "Left button",
            Self::Secondary => "Right button",
            Self::Middle => "Middle button (wheel click)",
            Self::Extra1 => "Back thumb button",
            Self::Extra2 => "Forward thumb button",
        }
    }

    /// The button's key in messages, where a selector words it in each language.
    fn key(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Secondary => "secondary",
            Self::Middle => "middle",
            Self::Extra1 => "back",
            Self::Extra2 => "forward",
        }
    }

    /// The name in `lang`.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let id = match self {
            Self::Primary => "testers-button-primary",
            Self::Secondary => "testers-button-secondary",
            Self::Middle => "testers-button-middle",
            Self::Extra1 => "testers-button-back",
            Self::Extra2 => "testers-button-forward",
        };
        crate::i18n::tr(lang, id)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A press that comes less than this long after the same button's release is a bounce.
///
/// Why 40 ms: the contacts of a worn switch chatter for 1–20 ms and mouse firmware
/// debounces for 5–20 ms, so the extra clicks that slip through land well under 40 ms
/// after the release. A finger cannot lift and press again that fast: even a quick
/// deliberate double click keeps the button up for 60 ms or more (a whole double click
/// takes about 100–500 ms). So 40 ms sits above the chatter and below any human gap.
pub const BOUNCE_GAP_S: f64 = 0.040;

/// Two presses at most this far apart are a double click (Windows' default double-click time).
pub const DOUBLE_CLICK_S: f64 = 0.5;

/// How many trail points are kept for drawing (the distance counts every move).
pub const MAX_PATH_POINTS: usize = 2_000;

/// What a press turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClickKind {
    Single,
    /// The second press of a double click.
    Double,
    /// Too soon after the release to be a finger: a bounce, not counted as a click.
    Bounce,
}

/// Counters for one button.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ButtonStats {
    /// Real clicks (bounces not included).
    pub clicks: u32,
    pub double_clicks: u32,
    pub bounces: u32,
    /// The shortest release-to-press gap seen, in ms.
    pub shortest_gap_ms: Option<f64>,
    #[serde(skip)]
    down: bool,
    #[serde(skip)]
    last_release_s: Option<f64>,
    #[serde(skip)]
    last_click_s: Option<f64>,
    #[serde(skip)]
    last_was_double: bool,
}

impl ButtonStats {
    /// Whether the button is held down now.
    pub fn is_down(&self) -> bool {
        self.down
    }
}

/// One bounce, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bounce {
    pub button: MouseButton,
    pub gap_ms: f64,
}

/// The whole mouse test.
#[derive(Debug, Clone, Default)]
pub struct MouseTest {
    buttons: [ButtonStats; 5],
    pub wheel_up: u32,
    pub wheel_down: u32,
    path: Vec<[f32; 2]>,
    /// Total pointer travel, in points.
    pub distance: f64,
    pub bounces: Vec<Bounce>,
}

impl MouseTest {
    /// A test with nothing clicked yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The counters of one button.
    pub fn stats(&self, button: MouseButton) -> &ButtonStats {
        &self.buttons[button.index()]
    }

    /// A button went down (`pressed`) or up at `at_s`. A press says what kind it was.
    pub fn button(&mut self, button: MouseButton, pressed: bool, at_s: f64) -> Option<ClickKind> {
        let b = &mut self.buttons[button.index()];
        if !pressed {
            b.down = false;
            b.last_release_s = Some(at_s);
            return None;
        }
        if b.down {
            // A second press without a release in between (lost event): not a new click.
            return None;
        }
        b.down = true;
        if let Some(release) = b.last_release_s {
            let gap = at_s - release;
            let gap_ms = gap * 1000.0;
            b.shortest_gap_ms = Some(b.shortest_gap_ms.map_or(gap_ms, |s: f64| s.min(gap_ms)));
            if gap < BOUNCE_GAP_S {
                b.bounces += 1;
                self.bounces.push(Bounce { button, gap_ms });
                return Some(ClickKind::Bounce);
            }
        }
        b.clicks += 1;
        let double = !b.last_was_double && b.last_click_s.is_some_and(|last| at_s - last <= DOUBLE_CLICK_S);
        b.last_click_s = Some(at_s);
        b.last_was_double = double;
        if double {
            b.double_clicks += 1;
            Some(ClickKind::Double)
        } else {
            Some(ClickKind::Single)
        }
    }

    /// A wheel event: positive `delta_y` is the wheel turned up (away from you).
    pub fn wheel(&mut self, delta_y: f32) {
        if delta_y > 0.0 {
            self.wheel_up += 1;
        } else if delta_y < 0.0 {
            self.wheel_down += 1;
        }
    }

    /// The pointer moved to `(x, y)`.
    pub fn moved(&mut self, x: f32, y: f32) {
        if let Some([lx, ly]) = self.path.last() {
            self.distance += f64::from((x - lx).hypot(y - ly));
        }
        if self.path.len() >= MAX_PATH_POINTS {
            self.path.drain(..MAX_PATH_POINTS / 4);
        }
        self.path.push([x, y]);
    }

    /// The recent trail, oldest first.
    pub fn path(&self) -> &[[f32; 2]] {
        &self.path
    }

    /// The tester's result, with the user's own answer `works`.
    pub fn report(&self, works: bool) -> ToolReport {
        let clicks = |b: MouseButton| self.stats(b).clicks;
        let mut findings = vec![
            Finding::msg(
                Severity::Info,
                msg!(
                    "testers-mouse-result",
                    left = clicks(MouseButton::Primary),
                    doubles = self.stats(MouseButton::Primary).double_clicks,
                    right = clicks(MouseButton::Secondary),
                    middle = clicks(MouseButton::Middle),
                    up = self.wheel_up,
                    down = self.wheel_down,
                    distance = format!("{:.0}", self.distance)
                ),
            )
            .evidence(
                "Back / forward buttons",
                format!("{} / {}", clicks(MouseButton::Extra1), clicks(MouseButton::Extra2)),
            ),
        ];
        for button in MouseButton::ALL {
            let s = self.stats(button);
            if s.bounces == 0 {
                continue;
            }
            let gaps: Vec<String> =
                self.bounces.iter().filter(|b| b.button == button).map(|b| format!("{:.0} ms", b.gap_ms)).collect();
            findings.push(Finding::msg(
                if s.bounces >= 3 { Severity::Fail } else { Severity::Warn },
                msg!(
                    "testers-mouse-bouncing",
                    button = button.key(),
                    count = s.bounces,
                    limit = format!("{:.0} ms", BOUNCE_GAP_S * 1000.0),
                    gaps = gaps.join(", ")
                ),
            ));
        }
        // Which of the three main buttons were never clicked, as one selector key
        // ("primary-middle"), so each language words the list itself.
        let untried: Vec<&str> = [MouseButton::Primary, MouseButton::Secondary, MouseButton::Middle]
            .into_iter()
            .filter(|b| self.stats(*b).clicks == 0)
            .map(MouseButton::key)
            .collect();
        if !untried.is_empty() {
            findings.push(Finding::msg(Severity::Warn, msg!("testers-mouse-untried", buttons = untried.join("-"))));
        }
        if self.wheel_up == 0 || self.wheel_down == 0 {
            findings.push(Finding::msg(
                Severity::Info,
                msg!("testers-mouse-wheel-untried", up = self.wheel_up, down = self.wheel_down),
            ));
        }
        if !works {
            findings.push(Finding::msg(Severity::Fail, msg!("testers-mouse-faulty")));
        }
        let total_bounces: u32 = self.buttons.iter().map(|b| b.bounces).sum();
        let mut summary = format!(
            "{} left clicks ({} double), {} right, {} middle; wheel {} up / {} down",
            clicks(MouseButton::Primary),
            self.stats(MouseButton::Primary).double_clicks,
            clicks(MouseButton::Secondary),
            clicks(MouseButton::Middle),
            self.wheel_up,
            self.wheel_down
        );
        if total_bounces > 0 {
            summary.push_str(&format!("; {total_bounces} bounce(s)"));
        }
        let data = MouseData {
            buttons: MouseButton::ALL.iter().map(|b| (*b, self.stats(*b).clone())).collect(),
            wheel_up: self.wheel_up,
            wheel_down: self.wheel_down,
            distance_points: self.distance,
            path_points: self.path.len(),
            bounces: self.bounces.clone(),
            bounce_gap_ms: BOUNCE_GAP_S * 1000.0,
            double_click_ms: DOUBLE_CLICK_S * 1000.0,
        };
        ToolReport {
            tool: "mouse".into(),
            works,
            summary,
            findings,
            data: serde_json::to_value(data).unwrap_or(serde_json::Value::Null),
        }
    }
}

#[derive(Serialize)]
struct MouseData {
    buttons: Vec<(MouseButton, ButtonStats)>,
    wheel_up: u32,
    wheel_down: u32,
    distance_points: f64,
    path_points: usize,
    bounces: Vec<Bounce>,
    bounce_gap_ms: f64,
    double_click_ms: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn click(t: &mut MouseTest, b: MouseButton, at_s: f64, hold_s: f64) -> Option<ClickKind> {
        let kind = t.button(b, true, at_s);
        t.button(b, false, at_s + hold_s);
        kind
    }

    #[test]
    fn single_then_double_then_single_again() {
        let mut t = MouseTest::new();
        assert_eq!(click(&mut t, MouseButton::Primary, 1.0, 0.08), Some(ClickKind::Single));
        // 250 ms later, 170 ms after the release: a normal double click.
        assert_eq!(click(&mut t, MouseButton::Primary, 1.25, 0.08), Some(ClickKind::Double));
        // A third quick press starts a new pair rather than a second double.
        assert_eq!(click(&mut t, MouseButton::Primary, 1.5, 0.08), Some(ClickKind::Single));
        assert_eq!(click(&mut t, MouseButton::Primary, 3.0, 0.08), Some(ClickKind::Single));
        let s = t.stats(MouseButton::Primary);
        assert_eq!((s.clicks, s.double_clicks, s.bounces), (4, 1, 0));
    }

    #[test]
    fn bounce_threshold_separates_chatter_from_fast_fingers() {
        let mut t = MouseTest::new();
        click(&mut t, MouseButton::Primary, 1.0, 0.05);
        // 15 ms after release: chatter.
        assert_eq!(click(&mut t, MouseButton::Primary, 1.065, 0.02), Some(ClickKind::Bounce));
        // Just under the threshold is still a bounce; at it, a click (a very fast double).
        let release = 1.085;
        assert_eq!(click(&mut t, MouseButton::Primary, release + 0.039, 0.05), Some(ClickKind::Bounce));
        let release = release + 0.039 + 0.05;
        assert_eq!(t.button(MouseButton::Primary, true, release + 0.041), Some(ClickKind::Double));
        let s = t.stats(MouseButton::Primary);
        assert_eq!((s.clicks, s.double_clicks, s.bounces), (2, 1, 2));
        assert!(s.shortest_gap_ms.unwrap() < 16.0);
        let report = t.report(true);
        let f = report.findings.iter().find(|f| f.title == "Button clicks by itself").unwrap();
        assert_eq!(f.severity, Severity::Warn);
        assert!(f.summary.contains("left button clicked 2 extra"), "{}", f.summary);
        assert!(report.summary.ends_with("; 2 bounce(s)"), "{}", report.summary);
    }

    #[test]
    fn buttons_are_counted_apart_and_lost_releases_do_not_double_count() {
        let mut t = MouseTest::new();
        click(&mut t, MouseButton::Secondary, 0.0, 0.1);
        click(&mut t, MouseButton::Middle, 0.2, 0.1);
        click(&mut t, MouseButton::Extra1, 0.4, 0.1);
        t.button(MouseButton::Extra2, true, 0.6);
        assert_eq!(t.button(MouseButton::Extra2, true, 0.7), None);
        assert!(t.stats(MouseButton::Extra2).is_down());
        assert_eq!(t.stats(MouseButton::Extra2).clicks, 1);
        assert_eq!(t.stats(MouseButton::Primary).clicks, 0);
        let report = t.report(true);
        assert!(report.findings.iter().any(|f| f.title == "Buttons not clicked" && f.summary.contains("Left button")));
    }

    #[test]
    fn wheel_and_path() {
        let mut t = MouseTest::new();
        for _ in 0..3 {
            t.wheel(1.0);
        }
        t.wheel(-0.5);
        t.wheel(0.0);
        assert_eq!((t.wheel_up, t.wheel_down), (3, 1));
        t.moved(0.0, 0.0);
        t.moved(3.0, 4.0);
        t.moved(3.0, 14.0);
        assert_eq!(t.distance, 15.0);
        assert_eq!(t.path().len(), 3);
        for i in 0..(MAX_PATH_POINTS * 2) {
            t.moved(i as f32, 0.0);
        }
        assert!(t.path().len() <= MAX_PATH_POINTS);
        let report = t.report(false);
        assert_eq!(report.tool, "mouse");
        assert!(report.findings.iter().any(|f| f.title == "Mouse reported faulty"));
        assert_eq!(report.data["wheel_up"], 3);
    }
}
