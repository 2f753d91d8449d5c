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

use crate::model::{Category, CheckRun, Outcome, ToolReport};
use crate::testers::keyboard::LayoutKind;

/// A tester shown as a full view.
pub trait ToolView {
    /// The view's heading, e.g. "Keyboard tester".
    fn title(&self) -> &str;
    /// Draws one frame; `Some` once the user has finished ("It works" / "It doesn't work";
    /// Esc too where Esc is not itself under test, as in the test patterns).
    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport>;
}

/// "It works" / "It doesn't work": how every tester ends; `Some(works)` once pressed.
pub fn verdict_ui(ui: &mut Ui) -> Option<bool> {
    let mut finished = None;
    ui.horizontal(|ui| {
        if ui.add_sized([170.0, 40.0], eframe::egui::Button::new("It works")).clicked() {
            finished = Some(true);
        }
        if ui.add_sized([170.0, 40.0], eframe::egui::Button::new("It doesn't work")).clicked() {
            finished = Some(false);
        }
    });
    finished
}

/// The tester a checklist's tool step names, as a fresh full view.
pub fn open(name: &str) -> Option<Box<dyn ToolView>> {
    match name {
        "keyboard" => Some(Box::new(KeyboardTester::new(LayoutKind::Ansi))),
        "mouse" => Some(Box::new(MouseTester::new())),
        "patterns" => Some(Box::new(patterns::PatternTester::new())),
        "sound" => Some(Box::new(SoundTester::new())),
        _ => None,
    }
}

/// Whether this build has the named tester (without opening it).
pub fn exists(name: &str) -> bool {
    matches!(name, "keyboard" | "mouse" | "patterns" | "sound")
}

/// The testers offered on the home screen: (tool name, button label).
pub const ON_HOME: [(&str, &str); 4] = [
    ("keyboard", "Keyboard tester"),
    ("mouse", "Mouse tester"),
    ("patterns", "Test patterns"),
    ("sound", "Sound test"),
];

/// A tester used on its own (not from a checklist) files its report as a run of its area,
/// so what the user saw and said reaches the bundle like any check.
pub fn report_run(report: &ToolReport, started_at: chrono::DateTime<chrono::Utc>) -> CheckRun {
    let category = if report.tool == "patterns" { Category::Displays } else { Category::Peripherals };
    let verdict = if report.works { "It works" } else { "It doesn't work" };
    let mut findings = vec![crate::model::Finding::new(
        if report.works { crate::model::Severity::Pass } else { crate::model::Severity::Warn },
        format!("The user's verdict: {verdict}"),
        report.summary.clone(),
    )];
    findings.extend(report.findings.iter().cloned());
    CheckRun {
        id: format!("{}.tester.{}", category.key(), report.tool),
        title: ON_HOME.iter().find(|(t, _)| *t == report.tool).map_or(report.tool.clone(), |(_, l)| l.to_string()),
        category,
        outcome: Outcome::Completed,
        findings,
        started_at,
        duration_ms: (chrono::Utc::now() - started_at).num_milliseconds().max(0) as u64,
        data: report.data.clone(),
        attachments: Vec::new(),
    }
}
