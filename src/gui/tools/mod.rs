//! The testers as full views: keyboard, mouse, test patterns, sound. Each draws its own
//! state (logic lives in `crate::testers` and `crate::hw`) and hands back a `ToolReport`
//! once the user finishes it.

pub mod keyboard;
pub mod mouse;
pub mod patterns;
pub mod sound;

use eframe::egui::Ui;
pub use keyboard::KeyboardTester;
pub use mouse::MouseTester;
pub use sound::SoundTester;

use crate::model::{Category, CheckRun, Outcome, Report, ToolReport};
use crate::testers::keyboard::LayoutKind;
use crate::{msg, t};

/// A tester shown as a full view.
pub trait ToolView {
    /// The view's heading in this thread's language, e.g. "Keyboard tester".
    fn title(&self) -> String;
    /// Draws one frame; `Some` once the user has finished ("It works" / "It doesn't work";
    /// Esc too where Esc is not itself under test, as in the test patterns).
    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport>;
}

/// "It works" / "It doesn't work": how every tester ends; `Some(works)` once pressed.
pub fn verdict_ui(ui: &mut Ui) -> Option<bool> {
    let mut finished = None;
    ui.horizontal(|ui| {
        if ui.add_sized([170.0, 40.0], eframe::egui::Button::new(t!("testers-it-works"))).clicked() {
            finished = Some(true);
        }
        if ui.add_sized([170.0, 40.0], eframe::egui::Button::new(t!("testers-it-does-not-work"))).clicked() {
            finished = Some(false);
        }
    });
    finished
}

/// The tester a checklist's tool step names, as a fresh full view. The test patterns offer
/// the monitors the report's `displays.monitors` run saw (the display checklist runs it just
/// before), so the user can choose one without the UI thread asking the windowing layer.
pub fn open(name: &str, report: &Report) -> Option<Box<dyn ToolView>> {
    match name {
        "keyboard" => Some(Box::new(KeyboardTester::new(LayoutKind::Ansi))),
        "mouse" => Some(Box::new(MouseTester::new())),
        "patterns" => Some(Box::new(match known_monitors(report) {
            Some(monitors) => patterns::PatternTester::with_monitors(monitors),
            None => patterns::PatternTester::new(),
        })),
        "sound" => Some(Box::new(SoundTester::new())),
        _ => None,
    }
}

fn known_monitors(report: &Report) -> Option<Vec<patterns::MonitorChoice>> {
    let run = report.runs.iter().rev().find(|r| r.id == "displays.monitors")?;
    let crate::model::ListData { items: outputs } =
        run.data::<crate::model::ListData<crate::hw::display::xrandr::Output>>().ok().flatten()?;
    let monitors = patterns::MonitorChoice::from_outputs(&outputs);
    (!monitors.is_empty()).then_some(monitors)
}

/// Whether this build has the named tester (without opening it).
pub fn exists(name: &str) -> bool {
    matches!(name, "keyboard" | "mouse" | "patterns" | "sound")
}

/// The testers offered on the home screen, by tool name.
pub const ON_HOME: [&str; 4] = ["keyboard", "mouse", "patterns", "sound"];

/// A tester's button label on the home screen, in this thread's language: the title of
/// the run it files (`check-<run id>`).
pub fn home_label(tool: &str) -> String {
    home_label_in(tool, crate::i18n::current())
}

fn home_label_in(tool: &str, lang: crate::i18n::Lang) -> String {
    let id = match tool {
        "keyboard" => "check-peripherals-tester-keyboard",
        "mouse" => "check-peripherals-tester-mouse",
        "patterns" => "check-displays-tester-patterns",
        "sound" => "check-peripherals-tester-sound",
        other => return other.to_string(),
    };
    crate::i18n::tr(lang, id)
}

/// The run id a tester used on its own files its report under.
fn run_id(tool: &str) -> String {
    match tool {
        "keyboard" => "peripherals.tester.keyboard".into(),
        "mouse" => "peripherals.tester.mouse".into(),
        "patterns" => "displays.tester.patterns".into(),
        "sound" => "peripherals.tester.sound".into(),
        other => format!("peripherals.tester.{other}"),
    }
}

/// A tester used on its own (not from a checklist) files its report as a run of its area,
/// so what the user saw and said reaches the bundle like any check.
pub fn report_run(report: &ToolReport, started_at: chrono::DateTime<chrono::Utc>) -> CheckRun {
    let category = if report.tool == "patterns" { Category::Displays } else { Category::Peripherals };
    let (severity, verdict) = if report.works {
        (crate::model::Severity::Pass, msg!("testers-verdict-works", summary = &report.summary))
    } else {
        (crate::model::Severity::Warn, msg!("testers-verdict-broken", summary = &report.summary))
    };
    let mut findings = vec![crate::model::Finding::msg(severity, verdict)];
    findings.extend(report.findings.iter().cloned());
    CheckRun {
        id: run_id(&report.tool),
        // English in the plain field, like every run; readers word it by its id.
        title: home_label_in(&report.tool, crate::i18n::Lang::En),
        category,
        outcome: Outcome::Completed,
        findings,
        started_at,
        duration_ms: (chrono::Utc::now() - started_at).num_milliseconds().max(0) as u64,
        // The JSON contract: data always an object, floats without noise.
        data: crate::model::data_object(report.data.clone()),
        attachments: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The monitors a displays.monitors run saw come back for the pattern tester's choice.
    #[test]
    fn pattern_monitors_come_from_the_reports_display_run() {
        let text = include_str!("../../../tests/fixtures/xrandr/laptop-docked.txt");
        let outputs = crate::hw::display::xrandr::parse(text);
        let mut report = Report::new(crate::model::HostInfo::default(), chrono::Utc::now());
        assert!(known_monitors(&report).is_none());
        let mut run = CheckRun::errored("displays.monitors", Category::Displays, "x");
        run.outcome = Outcome::Completed;
        run.data = crate::model::data_object(serde_json::to_value(&outputs).unwrap());
        report.runs.push(run);
        let monitors = known_monitors(&report).unwrap();
        let expected: Vec<String> =
            outputs.iter().filter(|o| o.connected && o.geometry.is_some()).map(|o| o.name.clone()).collect();
        assert_eq!(monitors.iter().map(|m| m.name.clone()).collect::<Vec<_>>(), expected);
        assert!(monitors.len() >= 2, "a docked laptop has two monitors: {monitors:?}");
    }
}
