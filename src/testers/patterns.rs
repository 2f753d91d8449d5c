//! Display test patterns: the sequence, what was shown and for how long, and the user's
//! verdict turned into a `ToolReport`. Times are seconds on any monotonic clock the caller
//! uses (the GUI passes egui's input time), so the logic needs no UI to be tested.

use serde::Serialize;

use crate::model::{Finding, Severity, ToolReport};
use crate::msg;

/// The name checklists use for this tool.
pub const TOOL: &str = "patterns";

/// One full-screen test pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    Red,
    Green,
    Blue,
    White,
    Black,
    Grey50,
    GreyRamp,
    RgbRamps,
    Checkerboard,
    MovingBox,
}

impl Pattern {
    /// The order they are shown in: solid colours first (dead/stuck pixels, uniformity),
    /// then ramps (banding), fine detail (sharpness/scaling) and motion (ghosting).
    pub const SEQUENCE: [Pattern; 10] = [
        Pattern::Red,
        Pattern::Green,
        Pattern::Blue,
        Pattern::White,
        Pattern::Black,
        Pattern::Grey50,
        Pattern::GreyRamp,
        Pattern::RgbRamps,
        Pattern::Checkerboard,
        Pattern::MovingBox,
    ];

    /// The pattern's name on screen and in the transcript.
    pub fn title(self) -> &'static str {
        match self {
            Pattern::Red => "Solid red",
            Pattern::Green => "Solid green",
            Pattern::Blue => "Solid blue",
            Pattern::White => "Solid white",
            Pattern::Black => "Solid black",
            Pattern::Grey50 => "50 % grey",
            Pattern::GreyRamp => "Grey ramp",
            Pattern::RgbRamps => "Red, green and blue ramps",
            Pattern::Checkerboard => "1-pixel checkerboard with small text",
            Pattern::MovingBox => "Moving box",
        }
    }

    /// What to look for, in plain words, shown with the pattern.
    pub fn look_for(self) -> &'static str {
        match self {
            Pattern::Red | Pattern::Green | Pattern::Blue => {
                "Look for dots of another colour: pixels that stay dark or stay lit."
            }
            Pattern::White => "Look for dark dots, and for patches that are darker or tinted.",
            Pattern::Black => "Look for dots that stay lit, and for light bleeding in at the edges.",
            Pattern::Grey50 => "Look for blotches, darker corners or a tint across the screen.",
            Pattern::GreyRamp | Pattern::RgbRamps => "The ramps should be smooth: look for visible steps or bands.",
            Pattern::Checkerboard => {
                "It should look like an even grey and the small text sharp: look for stripes, shimmer or blur."
            }
            Pattern::MovingBox => "Look for a smeared trail or a double image behind the moving box.",
        }
    }

    /// The name and what to look for, in `lang`: (`title`, `look_for`).
    pub fn texts_in(self, lang: crate::i18n::Lang) -> (String, String) {
        let id = match self {
            Pattern::Red => "testers-pattern-red",
            Pattern::Green => "testers-pattern-green",
            Pattern::Blue => "testers-pattern-blue",
            Pattern::White => "testers-pattern-white",
            Pattern::Black => "testers-pattern-black",
            Pattern::Grey50 => "testers-pattern-grey50",
            Pattern::GreyRamp => "testers-pattern-grey-ramp",
            Pattern::RgbRamps => "testers-pattern-rgb-ramps",
            Pattern::Checkerboard => "testers-pattern-checkerboard",
            Pattern::MovingBox => "testers-pattern-moving-box",
        };
        let m = crate::i18n::Msg::new(id);
        (crate::i18n::text(lang, &m), crate::i18n::attr(lang, &m, "look").unwrap_or_default())
    }
}

/// Problems the user can report at the end, each with what it usually means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    DeadOrStuckPixels,
    UnevenBrightness,
    Banding,
    BlurOrShimmer,
    Ghosting,
    Other,
}

impl Problem {
    /// Every problem, in the order the checkboxes show them.
    pub const ALL: [Problem; 6] = [
        Problem::DeadOrStuckPixels,
        Problem::UnevenBrightness,
        Problem::Banding,
        Problem::BlurOrShimmer,
        Problem::Ghosting,
        Problem::Other,
    ];

    /// The checkbox text.
    pub fn label(self) -> &'static str {
        match self {
            Problem::DeadOrStuckPixels => "Dots that stay dark or stay lit (dead or stuck pixels)",
            Problem::UnevenBrightness => "Patches, dark corners or a tint (uneven brightness)",
            Problem::Banding => "Steps or bands in the ramps",
            Problem::BlurOrShimmer => "Blurry or shimmering fine detail or text",
            Problem::Ghosting => "A trail or double image behind the moving box",
            Problem::Other => "Something else",
        }
    }

    /// The checkbox text in `lang`.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let id = match self {
            Problem::DeadOrStuckPixels => "testers-problem-pixels",
            Problem::UnevenBrightness => "testers-problem-uneven",
            Problem::Banding => "testers-problem-banding",
            Problem::BlurOrShimmer => "testers-problem-blur",
            Problem::Ghosting => "testers-problem-ghosting",
            Problem::Other => "testers-problem-other",
        };
        crate::i18n::tr(lang, id)
    }

    fn finding(self) -> Finding {
        let id = match self {
            Problem::DeadOrStuckPixels => "testers-found-pixels",
            Problem::UnevenBrightness => "testers-found-uneven",
            Problem::Banding => "testers-found-banding",
            Problem::BlurOrShimmer => "testers-found-blur",
            Problem::Ghosting => "testers-found-ghosting",
            Problem::Other => "testers-found-other",
        };
        Finding::msg(Severity::Warn, crate::i18n::Msg::new(id))
    }
}

/// How long one pattern was on screen.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Shown {
    pub pattern: Pattern,
    pub seconds: f64,
}

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before the first pattern.
    Ready,
    /// Showing `SEQUENCE[i]`.
    Showing(usize),
    /// All patterns shown; waiting for "Did you see any problem?".
    Asking,
    /// Finished (answered or left).
    Done,
}

/// One run through the patterns.
#[derive(Debug, Clone)]
pub struct PatternSession {
    phase: Phase,
    since: f64,
    shown: Vec<Shown>,
    left_early: bool,
    monitor: Option<String>,
}

impl Default for PatternSession {
    fn default() -> Self {
        Self::new()
    }
}

impl PatternSession {
    /// A session before the first pattern.
    pub fn new() -> Self {
        Self { phase: Phase::Ready, since: 0.0, shown: Vec::new(), left_early: false, monitor: None }
    }

    /// Where the session is now.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Records which monitor the patterns were shown on (e.g. "HDMI-1"), for the report.
    pub fn set_monitor(&mut self, monitor: Option<String>) {
        self.monitor = monitor;
    }

    /// The pattern on screen now.
    pub fn current(&self) -> Option<Pattern> {
        match self.phase {
            Phase::Showing(i) => Pattern::SEQUENCE.get(i).copied(),
            _ => None,
        }
    }

    /// Seconds the current pattern has been on screen.
    pub fn elapsed(&self, now: f64) -> f64 {
        (now - self.since).max(0.0)
    }

    /// Patterns shown so far, with their times.
    pub fn shown(&self) -> &[Shown] {
        &self.shown
    }

    /// Shows the first pattern.
    pub fn start(&mut self, now: f64) {
        if self.phase == Phase::Ready {
            self.phase = Phase::Showing(0);
            self.since = now;
        }
    }

    /// Next pattern (a key or a click); after the last one, asks for the verdict.
    pub fn advance(&mut self, now: f64) {
        let Phase::Showing(i) = self.phase else { return };
        self.record(i, now);
        self.phase = if i + 1 < Pattern::SEQUENCE.len() { Phase::Showing(i + 1) } else { Phase::Asking };
        self.since = now;
    }

    /// Esc: stop now; the report says how far the user got and that there is no verdict.
    pub fn leave(&mut self, now: f64) -> ToolReport {
        if let Phase::Showing(i) = self.phase {
            self.record(i, now);
        }
        self.left_early = self.phase != Phase::Asking;
        self.phase = Phase::Done;
        self.report(None)
    }

    /// The user's answer to "Did you see any problem?": an empty list means no.
    pub fn answer(&mut self, problems: &[Problem], note: &str) -> ToolReport {
        self.phase = Phase::Done;
        self.report(Some((problems, note.trim())))
    }

    fn record(&mut self, i: usize, now: f64) {
        if let Some(&pattern) = Pattern::SEQUENCE.get(i) {
            self.shown.push(Shown { pattern, seconds: self.elapsed(now) });
        }
    }

    fn report(&self, verdict: Option<(&[Problem], &str)>) -> ToolReport {
        let total = Pattern::SEQUENCE.len();
        let n = self.shown.len();
        let on = self.monitor.as_deref().map(|m| format!(" on {m}")).unwrap_or_default();
        // The monitor chosen by name, or the window's own ("window": the messages leave it out).
        let (place, monitor) = match &self.monitor {
            Some(m) => ("named", m.clone()),
            None => ("window", String::new()),
        };
        let seen: Vec<String> =
            self.shown.iter().map(|s| format!("{} ({:.1} s)", s.pattern.title(), s.seconds)).collect();
        let shown_line = if seen.is_empty() { "none".to_string() } else { seen.join(", ") };
        let mut findings = Vec::new();
        let (works, summary) = match verdict {
            None => {
                findings.push(
                    Finding::msg(
                        Severity::Info,
                        msg!(
                            "testers-patterns-unfinished",
                            shown = n,
                            total = total,
                            place = place,
                            monitor = monitor.as_str()
                        ),
                    )
                    .evidence("Shown", &shown_line),
                );
                (false, format!("Left the test patterns after {n} of {total}{on}; no answer given"))
            }
            Some((problems, note)) => {
                for p in problems {
                    let mut f = p.finding().evidence("Shown", &shown_line);
                    if !note.is_empty() {
                        // For the technician, with the user's own words as they typed them.
                        f = f.detail(format!("In the user's words: {note}"));
                    }
                    findings.push(f);
                }
                if problems.is_empty() {
                    findings.push(
                        Finding::msg(
                            Severity::Pass,
                            msg!("testers-patterns-fine-result", shown = n, place = place, monitor = monitor.as_str()),
                        )
                        .evidence("Shown", &shown_line),
                    );
                    (true, format!("{n} of {total} test patterns shown{on}; no problem seen"))
                } else {
                    let names: Vec<&str> = problems.iter().map(|p| p.label()).collect();
                    (false, format!("{n} of {total} test patterns shown{on}; problems seen: {}", names.join("; ")))
                }
            }
        };
        let data = serde_json::json!({
            "monitor": self.monitor,
            "shown": self.shown,
            "left_early": self.left_early,
            "problems": verdict.map(|(p, _)| p.to_vec()),
            "note": verdict.map(|(_, n)| n).filter(|n| !n.is_empty()),
        });
        ToolReport { tool: TOOL.into(), works, summary, findings, data }
    }
}

/// The moving box's left edge as a fraction of the free width (0–1), bouncing back and
/// forth once every `period_s` seconds.
pub fn moving_box_position(elapsed_s: f64, period_s: f64) -> f64 {
    if period_s <= 0.0 || !elapsed_s.is_finite() {
        return 0.0;
    }
    let phase = (elapsed_s / period_s).fract();
    if phase < 0.5 { phase * 2.0 } else { 2.0 - phase * 2.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_run_records_every_pattern_and_no_problem_passes() {
        let mut s = PatternSession::new();
        s.set_monitor(Some("HDMI-1".into()));
        s.start(10.0);
        for i in 0..Pattern::SEQUENCE.len() {
            assert_eq!(s.current(), Some(Pattern::SEQUENCE[i]));
            s.advance(11.0 + i as f64);
        }
        assert_eq!(s.phase(), Phase::Asking);
        let r = s.answer(&[], "");
        assert!(r.works);
        assert_eq!(r.tool, "patterns");
        assert_eq!(r.findings[0].severity, Severity::Pass);
        assert_eq!(r.data["shown"].as_array().unwrap().len(), 10);
        assert_eq!(r.data["shown"][0]["seconds"], 1.0);
        assert!(r.summary.contains("on HDMI-1"));
    }

    #[test]
    fn problems_become_warnings() {
        let mut s = PatternSession::new();
        s.start(0.0);
        for t in 1..=10 {
            s.advance(f64::from(t));
        }
        let r = s.answer(&[Problem::DeadOrStuckPixels, Problem::Ghosting], "top left corner");
        assert!(!r.works);
        assert_eq!(r.findings.len(), 2);
        assert!(r.findings.iter().all(|f| f.severity == Severity::Warn && f.next_step.is_some()));
        assert!(r.findings[0].detail.as_deref().unwrap().contains("top left corner"));
    }

    #[test]
    fn leaving_early_says_how_far_and_gives_no_verdict() {
        let mut s = PatternSession::new();
        s.start(0.0);
        s.advance(2.0);
        s.advance(3.5);
        let r = s.leave(4.0);
        assert!(!r.works);
        assert_eq!(s.phase(), Phase::Done);
        assert_eq!(r.data["shown"].as_array().unwrap().len(), 3);
        assert_eq!(r.data["left_early"], true);
        assert!(r.summary.contains("after 3 of 10"), "{}", r.summary);
    }

    /// The testers' findings in both languages: the monitor's name stays, the words change,
    /// and the window's own monitor leaves the "on …" out in both.
    #[test]
    fn pattern_findings_read_in_english_and_danish() {
        use crate::i18n::Lang;
        let mut s = PatternSession::new();
        s.set_monitor(Some("HDMI-1".into()));
        s.start(0.0);
        for t in 1..=10 {
            s.advance(f64::from(t));
        }
        let r = s.answer(&[], "");
        assert_eq!(r.findings[0].summary, "You saw no problem in 10 test patterns on HDMI-1.");
        assert_eq!(r.findings[0].summary_in(Lang::Da), "Du så ingen problemer i 10 testbilleder på HDMI-1.");
        let mut s = PatternSession::new();
        s.start(0.0);
        s.advance(1.0);
        let r = s.leave(2.0);
        assert_eq!(r.findings[0].summary, "The test patterns were left after 2 of 10, without an answer.");
        assert_eq!(r.findings[0].title_in(Lang::Da), "Testbillederne blev ikke gjort færdige");
        assert_eq!(Problem::Ghosting.finding().title_in(Lang::Da), "Skyggebilleder");
    }

    #[test]
    fn moving_box_bounces() {
        assert_eq!(moving_box_position(0.0, 4.0), 0.0);
        assert_eq!(moving_box_position(2.0, 4.0), 1.0);
        assert_eq!(moving_box_position(3.0, 4.0), 0.5);
        assert_eq!(moving_box_position(f64::NAN, 4.0), 0.0);
    }
}
