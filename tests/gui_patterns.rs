//! The test-pattern view driven like a user drives it, through egui_kittest: a key or a
//! click shows the next pattern, Esc leaves, and the report records what was shown.

use deskcheck::gui::tools::ToolView;
use deskcheck::gui::tools::patterns::{MonitorChoice, PatternTester};
use deskcheck::hw::display::xrandr;
use deskcheck::model::{Severity, ToolReport};
use eframe::egui::{Key, ViewportCommand, ViewportId, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct State {
    tester: PatternTester,
    report: Option<ToolReport>,
}

fn harness() -> Harness<'static, State> {
    harness_with(PatternTester::new())
}

fn harness_with(tester: PatternTester) -> Harness<'static, State> {
    Harness::builder().with_size([1024.0, 768.0]).build_ui_state(
        |ui, state: &mut State| {
            if let Some(report) = state.tester.ui(ui) {
                state.report = Some(report);
            }
        },
        State { tester, report: None },
    )
}

/// A few frames: patterns with a hint or motion keep asking for repaints, so never wait for calm.
fn frames(h: &mut Harness<'_, State>) {
    h.run_steps(3);
}

fn showing(h: &Harness<'_, State>, n: usize, title: &str) {
    let label = format!("Test pattern {n} of 10: {title}");
    assert!(h.query_by_label_contains(&label).is_some(), "expected «{label}» on screen");
}

fn start(h: &mut Harness<'_, State>) {
    h.get_by_label("Start test patterns").click();
    frames(h);
    showing(h, 1, "Solid red");
}

#[test]
fn keys_and_clicks_advance_and_a_problem_is_reported() {
    let mut h = harness();
    // The intro says which monitor is used when no monitor list was given.
    assert!(h.query_by_label_contains("monitor this window is on").is_some());
    start(&mut h);
    h.key_press(Key::Space);
    frames(&mut h);
    showing(&h, 2, "Solid green");
    h.get_by_label_contains("Test pattern 2 of 10").click();
    frames(&mut h);
    showing(&h, 3, "Solid blue");
    for n in 4..=10 {
        h.key_press(Key::Enter);
        frames(&mut h);
        assert!(h.query_by_label_contains(&format!("Test pattern {n} of 10")).is_some(), "pattern {n}");
    }
    showing(&h, 10, "Moving box");
    h.get_by_label_contains("Test pattern 10 of 10").click();
    frames(&mut h);
    h.get_by_label("Did you see any problem?");
    h.get_by_label("Yes, I saw a problem").click();
    frames(&mut h);
    h.get_by_label("A trail or double image behind the moving box").click();
    frames(&mut h);
    h.get_by_label("Finish").click();
    frames(&mut h);
    let report = h.state().report.clone().expect("the view hands back a report");
    assert_eq!(report.tool, "patterns");
    assert!(!report.works);
    let shown = report.data["shown"].as_array().unwrap();
    assert_eq!(shown.len(), 10);
    assert_eq!(shown[0]["pattern"], "red");
    assert_eq!(shown[9]["pattern"], "moving_box");
    assert_eq!(report.data["problems"][0], "ghosting");
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].severity, Severity::Warn);
    assert_eq!(report.findings[0].title, "Ghosting");
}

#[test]
fn esc_leaves_and_records_what_was_shown() {
    let mut h = harness();
    start(&mut h);
    h.key_press(Key::ArrowRight);
    frames(&mut h);
    showing(&h, 2, "Solid green");
    h.key_press(Key::Escape);
    frames(&mut h);
    let report = h.state().report.clone().expect("Esc hands back a report");
    assert!(!report.works);
    assert_eq!(report.data["left_early"], true);
    let shown: Vec<&str> =
        report.data["shown"].as_array().unwrap().iter().map(|s| s["pattern"].as_str().unwrap()).collect();
    assert_eq!(shown, ["red", "green"]);
    assert!(report.summary.contains("after 2 of 10"), "{}", report.summary);
}

#[test]
fn no_problem_seen_means_it_works() {
    let mut h = harness();
    start(&mut h);
    for _ in 0..10 {
        h.key_press(Key::Space);
        frames(&mut h);
    }
    h.get_by_label("No, everything looked fine").click();
    frames(&mut h);
    let report = h.state().report.clone().unwrap();
    assert!(report.works);
    assert_eq!(report.findings[0].severity, Severity::Pass);
    assert_eq!(report.data["shown"].as_array().unwrap().len(), 10);
}

fn commands(h: &Harness<'_, State>) -> Vec<ViewportCommand> {
    h.output().viewport_output.get(&ViewportId::ROOT).map(|v| v.commands.clone()).unwrap_or_default()
}

#[test]
fn chosen_monitor_gets_the_window_before_full_screen() {
    let outputs = xrandr::parse(include_str!("fixtures/xrandr/laptop-docked.txt"));
    let monitors = MonitorChoice::from_outputs(&outputs);
    // DP-2 is connected but off, so only the two monitors on the desktop are offered.
    assert_eq!(monitors.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["eDP-1", "HDMI-1"]);
    let mut h = harness_with(PatternTester::with_monitors(monitors));
    h.get_by_label("HDMI-1 (1920×1080 at 1920, 0)").click();
    frames(&mut h);
    h.get_by_label("Start test patterns").click();
    h.step();
    let cmds = commands(&h);
    let moved = cmds.iter().position(|c| *c == ViewportCommand::OuterPosition(pos2(1960.0, 40.0)));
    let full = cmds.iter().position(|c| *c == ViewportCommand::Fullscreen(true));
    assert!(matches!((moved, full), (Some(m), Some(f)) if m < f), "{cmds:?}");
    frames(&mut h);
    showing(&h, 1, "Solid red");
    // One frame per queued event: the key-down frame is the one that leaves.
    h.key_down(Key::Escape);
    h.step();
    assert!(commands(&h).contains(&ViewportCommand::Fullscreen(false)), "leaving ends full screen");
    h.key_up(Key::Escape);
    h.step();
    let report = h.state().report.clone().unwrap();
    assert_eq!(report.data["monitor"], "HDMI-1");
    assert!(report.summary.contains("on HDMI-1"), "{}", report.summary);
}
