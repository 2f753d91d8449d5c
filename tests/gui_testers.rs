//! The tester views driven the way a user drives them, through egui_kittest: key events
//! and clicks go in, the views are read back by their accessible labels.

use deskcheck::gui::tools::{KeyboardTester, MouseTester, SoundTester, ToolView};
use deskcheck::model::{Severity, ToolReport};
use deskcheck::testers::keyboard::LayoutKind;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A tester view and what it handed back when finished.
struct Shown<T> {
    view: T,
    report: Option<ToolReport>,
}

/// 10 ms per frame: each queued event takes one frame, so the clock is predictable.
fn harness<T: ToolView + 'static>(view: T) -> Harness<'static, Shown<T>> {
    Harness::builder().with_size([1280.0, 900.0]).with_step_dt(0.01).build_ui_state(
        |ui, shown: &mut Shown<T>| {
            if let Some(report) = shown.view.ui(ui) {
                shown.report = Some(report);
            }
        },
        Shown { view, report: None },
    )
}

#[test]
fn keyboard_tester_marks_a_key_pressed_then_tested() {
    let mut h = harness(KeyboardTester::new(LayoutKind::Ansi));
    h.run();
    h.get_by_label("Key A: not tested");
    h.get_by_label("0 of 87 keys tested");

    h.key_down(Key::A);
    h.run();
    h.get_by_label("Key A: pressed");
    h.key_up(Key::A);
    h.run();
    h.get_by_label("Key A: tested");
    h.get_by_label("1 of 87 keys tested");
}

#[test]
fn keyboard_tester_keeps_tab_and_space_for_itself_and_reports() {
    let mut h = harness(KeyboardTester::new(LayoutKind::Ansi));
    h.run();
    // Tab must not move focus to the buttons, so Space after it must not press "It works".
    h.key_press(Key::Tab);
    h.key_press(Key::Space);
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().report.is_none(), "a key press finished the tester");
    for name in ["Key Tab: tested", "Key Space: tested", "Key Left: tested", "Key Esc: tested"] {
        h.get_by_label(name);
    }
    // Only a `Modifiers` change (no side-specific key event): the left key is marked.
    h.key_press_modifiers(Modifiers::SHIFT, Key::B);
    h.run();
    h.get_by_label("Key Left Shift: tested");
    h.get_by_label("Key B: tested");

    h.get_by_label("It works").click();
    h.run();
    let report = h.state().report.clone().expect("no report after It works");
    assert_eq!(report.tool, "keyboard");
    assert!(report.works);
    assert!(report.summary.starts_with("6 of 87 keys tested"), "{}", report.summary);
    assert!(report.findings.iter().any(|f| f.title == "Keys never pressed" && f.severity == Severity::Warn));
    assert_eq!(report.data["modifier_sides_inferred"], true);
}

#[test]
fn keyboard_tester_switches_to_iso_and_shows_the_extra_key() {
    let mut h = harness(KeyboardTester::new(LayoutKind::Ansi));
    h.run();
    assert!(h.query_by_label("Key \\ (beside left Shift): not tested").is_none());
    h.get_by_label("ISO (European)").click();
    h.run();
    h.get_by_label("Key \\ (beside left Shift): not tested");
    h.get_by_label("0 of 88 keys tested");
    h.key_press(Key::IntlBackslash);
    h.run();
    h.get_by_label("Key \\ (beside left Shift): tested");
}

#[test]
fn mouse_tester_counts_a_double_click() {
    let mut h = harness(MouseTester::new());
    h.run();
    h.get_by_label("Double-click target: 0 double click(s)").click();
    h.run();
    // 200 ms later: a normal double click.
    for _ in 0..20 {
        h.step();
    }
    h.get_by_label("Double-click target: 0 double click(s)").click();
    h.run();
    h.get_by_label("Left button: clicks 2, double clicks 1, bounces 0");
    h.get_by_label("Double-click target: 1 double click(s)");
    assert_eq!(h.state().view.test().stats(deskcheck::testers::mouse::MouseButton::Primary).double_clicks, 1);
}

#[test]
fn mouse_tester_flags_a_bounce() {
    let mut h = harness(MouseTester::new());
    h.run();
    // Two clicks back to back: the second press comes 20 ms after the release.
    h.get_by_label("Mouse test area").click();
    h.get_by_label("Mouse test area").click();
    h.run();
    h.get_by_label("Left button: clicks 1, double clicks 0, bounces 1");
    h.get_by_label_contains("⚠ Bounce: the left button clicked again");

    h.get_by_label("Mouse test area").click_secondary();
    h.run();
    h.get_by_label("Right button: clicks 1, double clicks 0, bounces 0");

    h.get_by_label("It doesn't work").click();
    h.run();
    let report = h.state().report.clone().expect("no report");
    assert_eq!(report.tool, "mouse");
    assert!(!report.works);
    let bounce = report.findings.iter().find(|f| f.title == "Button clicks by itself").expect("no bounce finding");
    assert_eq!(bounce.severity, Severity::Warn);
    assert!(report.summary.contains("1 bounce(s)"), "{}", report.summary);
}

#[test]
fn sound_tester_says_when_there_is_no_sound_device() {
    let mut h = harness(SoundTester::new());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while h.query_by_label("Looking for speakers and microphones…").is_some() {
        assert!(std::time::Instant::now() < deadline, "the device list never arrived");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_ok();
    if h.query_by_label("Play left").is_some() {
        eprintln!("skipped: this machine has sound devices; the no-device view is not shown");
    } else {
        h.get_by_label_contains("Not available on this system: no sound device was found");
    }
    h.get_by_label("It works").click();
    h.run_ok();
    let report = h.state().report.clone().expect("no report");
    assert_eq!(report.tool, "sound");
    assert!(report.works);
}

/// The same testers in Danish: every label, button and hint changes language; key names,
/// device names and figures stay as they are.
#[test]
fn testers_speak_danish() {
    use deskcheck::i18n::{self, Lang};
    i18n::set_current(Lang::Da);
    let mut h = harness(KeyboardTester::new(LayoutKind::Ansi));
    h.run();
    h.get_by_label("Test af tastatur");
    h.get_by_label("Tast A: ikke testet");
    h.get_by_label("0 af 87 taster testet");
    h.key_down(Key::A);
    h.run();
    h.get_by_label("Tast A: trykket ned");
    h.key_up(Key::A);
    h.run();
    h.get_by_label("1 af 87 taster testet");
    h.get_by_label("ISO (europæisk)");
    h.get_by_label("Det virker").click();
    h.run();
    assert!(h.state().report.as_ref().is_some_and(|r| r.works));

    let mut h = harness(MouseTester::new());
    h.run();
    h.get_by_label("Test af mus");
    h.get_by_label("Mål til dobbeltklik: 0 dobbeltklik");
    h.get_by_label("Testfelt til musen").click();
    h.run();
    h.get_by_label("Venstre knap: klik 1, dobbeltklik 0, prel 0");
    h.get_by_label("Det virker ikke");
    i18n::set_current(Lang::En);
}
