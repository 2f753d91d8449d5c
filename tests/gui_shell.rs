//! The window's shell, driven by accessible labels through egui_kittest: the settings are
//! remembered between runs, the language switch turns the technician screen Danish, every
//! interactive widget has a name (technician home, Network view, a checklist step, a tester,
//! and guided mode's first, checks and result screens), the text size follows Ctrl +/−, and "Decode a code"
//! reads a read-out code back. Test-only checks (no network), settings in a temp dir.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use deskcheck::checks::testing;
use deskcheck::config::Config;
use deskcheck::gui::{DeskcheckApp, GuiOptions, Settings, UiMode};
use deskcheck::i18n::Lang;
use deskcheck::logging::LogBuffer;
use deskcheck::model::Report;
use deskcheck::readout;
use eframe::egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App<'a> = Harness<'a, DeskcheckApp>;

fn options(settings: Option<&Path>, mode: Option<UiMode>) -> GuiOptions {
    let mut options = GuiOptions::new(Arc::new(Config::default()), LogBuffer::default());
    options.checks = Some(testing::by_names(&["pass".into()]).unwrap());
    options.settings_path = settings.map(Path::to_path_buf);
    options.mode = mode;
    options
}

fn app(options: GuiOptions) -> App<'static> {
    Harness::builder().with_size([1366.0, 1000.0]).build_eframe(move |_cc| DeskcheckApp::new(options))
}

fn step_until(h: &mut App<'_>, what: &str, done: impl Fn(&App<'_>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(h) {
        assert!(Instant::now() < deadline, "timed out after 10 s waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_ok();
}

#[test]
fn a_first_start_is_guided_and_the_choice_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deskcheck").join("gui.toml");
    let mut h = app(options(Some(&path), None));
    h.run();
    assert_eq!(h.state().mode(), UiMode::Guided);
    h.get_by_label("What is wrong?");
    assert!(!path.exists(), "nothing is written before the user changes something");

    h.get_by_label("High contrast").click();
    h.run();
    h.get_by_label("Technician").click();
    h.run();
    h.get_by_label("Check everything");
    h.get_by_label("Language: English").click();
    h.run();
    h.get_by_label("Dansk").click();
    h.run();
    assert_eq!(h.state().lang(), Lang::Da);
    h.get_by_label("Tjek alt");

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("mode = \"technician\""), "{text}");
    assert!(text.contains("lang = \"da\""), "{text}");
    assert!(text.contains("high_contrast = true"), "{text}");
    drop(h);

    // The next start reads them back: technician mode, Danish, high contrast.
    let mut h = app(options(Some(&path), None));
    h.run();
    assert_eq!(h.state().mode(), UiMode::Technician);
    assert_eq!(h.state().lang(), Lang::Da);
    assert!(h.state().settings().high_contrast);
    h.get_by_label("Tjek alt");
    h.get_by_label("Høj kontrast");
    h.get_by_label("Sprog: Dansk");
}

#[test]
fn a_broken_settings_file_is_ignored_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gui.toml");
    std::fs::write(&path, "mode = 7\n").unwrap();
    let mut h = app(options(Some(&path), None));
    h.run();
    assert_eq!(h.state().settings(), &Settings::default());
    h.get_by_label("What is wrong?");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mode = 7\n");
}

#[test]
fn the_language_switch_turns_the_technician_screen_danish() {
    let mut h = app(options(None, Some(UiMode::Technician)));
    h.run();
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the run to finish", |h| !h.state().is_busy() && h.state().session().finished);
    h.get_by_label("Results");
    h.get_by_label("Language: English").click();
    h.run();
    h.get_by_label("Dansk").click();
    h.run();
    // Buttons, headings, area names and status words all switch.
    h.get_by_label("Tjek alt");
    h.get_by_label("Gem pakke…");
    h.get_by_label("Resultater");
    h.get_by_label("Teknikernoter");
    h.get_by_label("System: OK");
    h.get_by_label("Netværk: Ikke tilgængelig endnu");
    assert!(h.query_by_label("Check everything").is_none());
    // And back.
    h.get_by_label("Sprog: Dansk").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Check everything");
}

/// Roles a user operates; each must carry a name a screen reader can say.
const INTERACTIVE: [Role; 9] = [
    Role::Button,
    Role::CheckBox,
    Role::ComboBox,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::Slider,
    Role::RadioButton,
    Role::Link,
    Role::Tab,
];

/// (interactive widgets seen, those without a name) in what the harness shows now.
fn unnamed_widgets(h: &App<'_>) -> (usize, Vec<String>) {
    let mut seen = 0;
    let mut unnamed = Vec::new();
    for node in h.root().children_recursive() {
        let node = node.accesskit_node();
        if !INTERACTIVE.contains(&node.role()) {
            continue;
        }
        seen += 1;
        if node.label().is_none_or(|l| l.trim().is_empty()) {
            unnamed.push(format!("{:?} {:?}", node.role(), node.value()));
        }
    }
    (seen, unnamed)
}

fn assert_all_named(h: &App<'_>, screen: &str, at_least: usize) {
    let (seen, unnamed) = unnamed_widgets(h);
    assert!(seen >= at_least, "{screen}: only {seen} interactive widgets found: the walk missed the screen");
    assert!(unnamed.is_empty(), "{screen}: widgets without an accessible name: {unnamed:?}");
}

#[test]
fn every_interactive_widget_in_the_other_screens_has_a_name() {
    let en = |id: &str| deskcheck::i18n::tr(Lang::En, id);
    deskcheck::i18n::set_current(Lang::En);
    // Guided: the first screen, the checks' screen and the result.
    let mut h = app(options(None, Some(UiMode::Guided)));
    h.run();
    assert_all_named(&h, "guided: what is wrong", 7);
    h.get_by_label(&en("guided-problem-other")).click();
    h.run();
    h.get_by_label(&en("guided-next")).click();
    step_until(&mut h, "the checks", |h| !h.state().is_busy() && h.state().session().finished);
    assert_all_named(&h, "guided: the checks", 2);
    h.get_by_label(&en("guided-next")).click();
    h.run();
    h.get_by_label(&en("guided-result"));
    assert_all_named(&h, "guided: the result", 4);

    // Technician: the Network view (the field, Trace, Ping, the DHCP probe).
    let mut o = options(None, Some(UiMode::Technician));
    o.network_view = true;
    let mut h = app(o);
    h.run();
    assert_all_named(&h, "technician: the Network view", 4);

    // Technician: a checklist's first question, and a tester.
    let mut h = app(options(None, Some(UiMode::Technician)));
    let display = "The screen is black, flickers or looks wrong";
    step_until(&mut h, "the checklists", |h| h.query_by_label(display).is_some());
    h.get_by_label(display).click();
    h.run();
    h.get_by_label(&en("gui-close-checklist"));
    assert_all_named(&h, "technician: a checklist step", 3);
    let mut h = app(options(None, Some(UiMode::Technician)));
    h.run();
    h.get_by_label(&en("check-peripherals-tester-keyboard")).click();
    h.run();
    h.get_by_label(&en("testers-it-works"));
    assert_all_named(&h, "technician: the keyboard tester", 2);
}

#[test]
fn every_interactive_widget_on_the_technician_screen_has_a_name() {
    let mut h = app(options(None, Some(UiMode::Technician)));
    h.run();
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the run to finish", |h| !h.state().is_busy() && h.state().session().finished);
    // Open what is folded, so its widgets are in the tree too.
    h.get_by_label("Technician notes").click();
    h.run();
    h.get_by_label("Decode a code").click();
    h.run();
    assert_all_named(&h, "technician: home with results, notes and decode", 20);
    // The icon-only text-size buttons are named by what they do.
    h.get_by_label("Smaller text");
    h.get_by_label("Larger text");
}

#[test]
fn ctrl_plus_and_the_size_buttons_change_and_remember_the_text_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gui.toml");
    let mut h = app(options(Some(&path), Some(UiMode::Technician)));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    let zoomed = h.state().settings().zoom;
    assert!(zoomed > 1.05, "Ctrl + did not enlarge the text: {zoomed}");
    h.get_by_label("Smaller text").click();
    h.run();
    h.get_by_label("Smaller text").click();
    h.run();
    let smaller = h.state().settings().zoom;
    assert!(smaller < zoomed - 0.15, "{smaller} after two steps down from {zoomed}");
    assert_eq!(Settings::read(&path).unwrap().zoom, smaller);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().settings().zoom, 1.0);
}

#[test]
fn decode_a_code_lists_the_results_or_says_the_code_is_wrong() {
    let mut report = Report::new(deskcheck::platform::host_info(), chrono::Utc::now());
    report.runs =
        deskcheck::engine::run_blocking(testing::by_names(&["pass".into()]).unwrap(), Arc::new(Config::default()))
            .unwrap();
    let code = readout::encode(&report).to_string();
    let expected = readout::Decoded::of(&report).lines(Lang::En);

    let mut h = app(options(None, Some(UiMode::Technician)));
    h.run();
    h.get_by_label("Decode a code").click();
    h.run();
    h.get_by_label("Read-out code:").focus();
    h.run();
    h.get_by_label("Read-out code:").type_text(&code);
    h.run();
    h.get_by_label("Decode").click();
    h.run();
    h.get_by_label("The code stands for:");
    for line in &expected {
        h.get_by_label(&format!("• {line}"));
    }

    // One character misheard: the check character catches it.
    let mut chars: Vec<char> = code.chars().collect();
    chars[0] = if chars[0] == 'K' { 'M' } else { 'K' };
    let wrong: String = chars.into_iter().collect();
    let message = readout::decode(&wrong).unwrap_err().message_in(Lang::En);
    h.get_by_label("Read-out code:").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Read-out code:").type_text(&wrong);
    h.run();
    h.get_by_label("Decode").click();
    h.run();
    h.get_by_label(&format!("✖ {message}"));
    assert!(h.query_by_label("The code stands for:").is_none());
}

#[test]
fn the_top_bar_fits_a_1366x768_screen_even_with_larger_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gui.toml");
    for (lang, zoom) in [("en", 1.0), ("da", 1.0), ("da", 1.5)] {
        std::fs::write(&path, format!("mode = \"technician\"\nlang = \"{lang}\"\nzoom = {zoom:.1}\n")).unwrap();
        let mut h = Harness::builder()
            .with_size([1366.0, 768.0])
            .build_eframe(|_cc| DeskcheckApp::new(options(Some(&path), None)));
        h.run();
        let ppp = h.ctx.pixels_per_point();
        let width = 1366.0 / ppp;
        let (open, larger, check) = match lang {
            "en" => ("Open bundle…", "Larger text", "Check everything"),
            _ => ("Åbn pakke…", "Større tekst", "Tjek alt"),
        };
        for label in [open, larger, check] {
            let rect = h.get_by_label(label).rect();
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= width + 0.5,
                "{label} ({lang}, zoom {zoom}) is at {rect:?}, outside the {width}-point wide window"
            );
        }
    }
}
