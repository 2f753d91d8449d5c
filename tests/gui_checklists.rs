//! Guided checklists in the window, walked the way a user walks them: by clicking the
//! answer buttons by their labels (egui_kittest). The checklists are real files in a
//! checklists folder; automatic steps run real checks on the engine.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use deskcheck::bundle;
use deskcheck::config::Config;
use deskcheck::gui::{DeskcheckApp, GuiOptions, UiMode};
use deskcheck::logging::LogBuffer;
use deskcheck::model::EndKind;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type App<'a> = Harness<'a, DeskcheckApp>;

/// An IT department's own checklist, with every kind of step but the tester.
const DOCKING: &str = r#"
title = "The docking station doesn't work"
description = "Power, cable, and what the computer sees."
area = "peripherals"

[[steps]]
id = "power"
kind = "yes_no"
text = "Is the docking station's light on?"
yes = "system"
no = "plug"
record = { no = "info: The dock had no power." }

[[steps]]
id = "plug"
kind = "instruction"
text = "Plug the dock's power adapter in."
done = "system"
failed = "call"

[[steps]]
id = "system"
kind = "automatic"
probe = "system.os.uptime"
text = "deskcheck looks at this computer."
pass = "what"
fail = "call"

[[steps]]
id = "what"
kind = "choice"
text = "What still doesn't work?"
options = [ { label = "Nothing, it works", next = "fixed" }, { label = "Something else", next = "describe" } ]

[[steps]]
id = "describe"
kind = "text"
text = "Describe what doesn't work."
next = "fixed"

[[steps]]
id = "fixed"
kind = "resolved"
text = "The dock works."
resolution = "Dock fixed."

[[steps]]
id = "call"
kind = "escalate"
text = "Call IT."
reason = "Dock broken."
"#;

fn app_with(dir: &Path, save: Option<&Path>) -> App<'static> {
    let config = Config { checklists_dir: Some(dir.to_path_buf()), ..Config::default() };
    let mut options = GuiOptions::new(Arc::new(config), LogBuffer::default());
    options.checks = Some(Vec::new());
    options.save_path = save.map(Path::to_path_buf);
    // The checklist list and its steps are drawn on the technician screen.
    options.mode = Some(UiMode::Technician);
    let mut h = Harness::builder().with_size([1280.0, 1000.0]).build_eframe(move |_cc| DeskcheckApp::new(options));
    step_until(&mut h, "the checklists to load", |h| h.state().checklists_ready());
    h
}

fn step_until(h: &mut App<'_>, what: &str, done: impl Fn(&App<'_>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !done(h) {
        assert!(Instant::now() < deadline, "timed out after 15 s waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_ok();
}

fn click(h: &mut App<'_>, label: &str) {
    h.get_by_label(label).click();
    // A step may start a check that keeps repainting; settle without requiring quiet.
    h.run_ok();
}

#[test]
fn an_it_departments_checklist_is_listed_and_walked_by_its_buttons() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("docking.toml"), DOCKING).unwrap();
    let target = dir.path().join("walked.zip");
    let mut h = app_with(dir.path(), Some(&target));

    // The built-in ones and the department's own are all offered.
    h.get_by_label("The docking station doesn't work");
    h.get_by_label("The printer doesn't print");
    h.get_by_label("The screen is black, flickers or looks wrong");
    click(&mut h, "The docking station doesn't work");
    assert_eq!(h.state().walking(), Some("docking"));
    h.get_by_label("Step 1 of 4");
    h.get_by_label("Is the docking station's light on?");

    // No → the instruction; Back returns; Yes goes on.
    click(&mut h, "No");
    h.get_by_label("Plug the dock's power adapter in.");
    click(&mut h, "Back");
    h.get_by_label("Step 1 of 4");
    click(&mut h, "No");
    click(&mut h, "Done");

    // The automatic step runs its check, shows it inline and waits for Continue.
    step_until(&mut h, "the automatic step's check", |h| !h.state().is_probing());
    h.get_by_label_contains("This computer runs");
    click(&mut h, "Continue");
    h.get_by_label("Step 4 of 5");
    click(&mut h, "Something else");
    let answer = h.get_by_label("Your answer:");
    answer.focus();
    answer.type_text("The second monitor stays black");
    h.run();
    click(&mut h, "Continue");
    h.get_by_label("✔ Solved");
    assert!(h.query_by_label("Skip").is_none(), "an end state has nothing to skip");

    click(&mut h, "Save bundle…");
    step_until(&mut h, "the bundle to be written", |h| !h.state().is_busy() && target.exists());
    let opened = bundle::read(&target).unwrap();
    let t = &opened.report.checklists[0];
    assert_eq!(t.id, "docking");
    assert_eq!(t.end.kind, EndKind::Resolved);
    let answers: Vec<&str> = t.entries.iter().filter(|e| !e.retracted).map(|e| e.answer.as_str()).collect();
    assert_eq!(answers[0], "No");
    assert_eq!(answers[1], "Done");
    assert!(answers[2].starts_with("Passed: "), "{answers:?}");
    assert_eq!(&answers[3..], ["Something else", "The second monitor stays black"]);
    assert!(t.entries.iter().any(|e| e.answer == "Went back"), "Back is in the transcript");
    let run = opened.report.runs.iter().find(|r| r.id == "checklist.docking").unwrap();
    assert!(run.findings.iter().any(|f| f.summary == "The dock had no power."));
    assert!(opened.report.runs.iter().any(|r| r.id == "system.os.uptime"), "the probe's run is in the report");

    click(&mut h, "Close checklist");
    assert_eq!(h.state().walking(), None);
    h.get_by_label("The docking station doesn't work");
}

#[test]
fn skip_and_close_are_recorded_and_a_broken_file_is_shown_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("docking.toml"), DOCKING).unwrap();
    std::fs::write(dir.path().join("badge.toml"), DOCKING.replace("next = \"fixed\"", "next = \"fixd\"")).unwrap();
    let mut h = app_with(dir.path(), None);
    assert_eq!(h.state().library().problems.len(), 1);
    h.get_by_label_contains("badge.toml:33:51: unknown step id 'fixd'");

    click(&mut h, "The docking station doesn't work");
    click(&mut h, "Skip");
    step_until(&mut h, "the automatic step's check", |h| !h.state().is_probing());
    click(&mut h, "Close checklist");
    let report = h.state().session().report.clone();
    let t = &report.checklists[0];
    assert_eq!(t.end.kind, EndKind::Abandoned);
    assert_eq!(t.entries[0].answer, "Skipped");
    assert!(h.state().session().report.runs.iter().any(|r| r.id == "checklist.docking"));
    // Saving is offered now that there is something to save.
    assert!(h.query_by_label("Save bundle…").is_some());
}

/// The built-in peripheral checklist: the "plug it in now" step runs the real USB watcher
/// (here: no USB bus, so "not available" and the walk goes on), then the tool step opens
/// the real keyboard tester as a full view; its report becomes the step's answer.
#[test]
fn a_tool_step_opens_the_keyboard_tester_and_its_report_lands_in_the_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with(dir.path(), None);
    click(&mut h, "A keyboard, mouse, headset or USB device doesn't work");
    click(&mut h, "Keyboard");
    click(&mut h, "No");
    step_until(&mut h, "the USB watcher", |h| !h.state().is_probing());
    click(&mut h, "Continue");
    click(&mut h, "Open the keyboard tester");
    assert_eq!(h.state().tool_title().as_deref(), Some("Keyboard tester"));
    h.key_down(eframe::egui::Key::A);
    h.run();
    h.key_up(eframe::egui::Key::A);
    h.run();
    h.get_by_label("Key A: tested");
    click(&mut h, "It doesn't work");
    assert_eq!(h.state().tool_title(), None, "the tester closed");
    h.get_by_label("✖ A technician needs to take over");
    let report = h.state().session().report.clone();
    let t = report.checklists.iter().find(|c| c.id == "peripheral").unwrap();
    let last = t.entries.last().unwrap();
    assert_eq!(last.step, "kb_test");
    let tool = last.tool.as_ref().expect("the tester's report is in the transcript");
    assert_eq!(tool.tool, "keyboard");
    assert!(!tool.works);
    let run = report.runs.iter().find(|r| r.id == "checklist.peripheral").unwrap();
    assert!(
        run.findings.iter().any(|f| f.summary.contains("never pressed") || f.title.contains("never")),
        "{:#?}",
        run.findings
    );
}

/// A tester opened from the home screen files its report as a run of its area.
#[test]
fn a_tester_from_the_home_screen_files_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with(dir.path(), None);
    click(&mut h, "Mouse tester");
    assert_eq!(h.state().tool_title().as_deref(), Some("Mouse tester"));
    click(&mut h, "It works");
    let run = h.state().session().report.runs.iter().find(|r| r.id == "peripherals.tester.mouse").cloned();
    let run = run.expect("the mouse tester's run");
    assert_eq!(run.findings[0].title, "The user's verdict: It works");
    h.get_by_label("Check everything");
}
