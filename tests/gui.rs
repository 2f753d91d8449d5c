//! The GUI driven the way a user drives it: by accessible labels, through egui_kittest.
//! Test-only checks (no network), injected save/open paths (no dialogs), bounded waits.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use deskcheck::bundle::{self, Privacy, WriteOptions};
use deskcheck::checks::testing::{self, PLANTED_SECRETS};
use deskcheck::config::Config;
use deskcheck::engine;
use deskcheck::gui::{DeskcheckApp, GuiOptions};
use deskcheck::logging::LogBuffer;
use deskcheck::model::{Outcome, Report, Severity, Verdict};
use eframe::egui::{OutputCommand, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type App<'a> = Harness<'a, DeskcheckApp>;

fn options(names: &[&str]) -> GuiOptions {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let mut options = GuiOptions::new(Arc::new(Config::default()), LogBuffer::default());
    options.checks = Some(testing::by_names(&names).unwrap());
    options
}

fn app(options: GuiOptions) -> App<'static> {
    Harness::builder().with_size([1280.0, 1000.0]).build_eframe(move |_cc| DeskcheckApp::new(options))
}

/// Step frames, sleeping a little so the engine and background jobs make progress,
/// until `done` holds; fails after 10 s. Then lets the UI settle (which also runs
/// kittest's accessibility check: every input widget must have a name).
fn step_until(h: &mut App<'_>, what: &str, done: impl Fn(&App<'_>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(h) {
        assert!(
            Instant::now() < deadline,
            "timed out after 10 s waiting for {what}; status: {:?}",
            h.state().status_text()
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    // Settle without failing on a late engine wake-up (a run may still be going).
    h.run_ok();
}

fn finished(h: &App<'_>) -> bool {
    !h.state().is_busy() && h.state().session().finished
}

fn idle(h: &App<'_>) -> bool {
    !h.state().is_busy()
}

/// A real bundle written by the bundle module, for the "Open bundle…" tests.
fn saved_bundle(dir: &Path) -> PathBuf {
    let runs = engine::run_blocking(testing::by_names(&["pass".into()]).unwrap(), Arc::new(Config::default())).unwrap();
    let mut report = Report::new(deskcheck::platform::host_info(), chrono::Utc::now());
    report.runs = runs;
    report.finished_at = Some(chrono::Utc::now());
    report.ticket = Some("INC-0815".into());
    report.verdict = Some(Verdict {
        layer: "dns".into(),
        severity: Severity::Fail,
        headline: "Names cannot be looked up: the DNS server does not answer.".into(),
        technician: Some("10.0.0.53 timed out for every query.".into()),
        next_step: Some("Restart the router, then try again.".into()),
        msg: None,
    });
    let path = dir.join("sent-by-user.zip");
    bundle::write(&report, "a log line\n", &path, &WriteOptions { force: false, privacy: Privacy::Standard }).unwrap();
    path
}

#[test]
fn home_screen_shows_every_area_and_the_main_buttons() {
    let h = app(options(&["pass"]));
    h.get_by_label("Check everything");
    h.get_by_label("Open bundle…");
    for area in ["Network", "Printers", "Displays", "Peripherals"] {
        h.get_by_label(&format!("{area}: Not available yet"));
    }
    h.get_by_label("System: Not run");
    // Nothing to save or copy before a run.
    assert!(h.get_by_label("Save bundle…").accesskit_node().is_disabled());
    assert!(h.get_by_label("Copy summary").accesskit_node().is_disabled());
    assert!(h.query_by_label("Cancel").is_none());
}

#[test]
fn check_everything_then_save_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("saved.zip");
    let mut options = options(&["pass", "slow", "secrets"]);
    options.save_path = Some(target.clone());
    let mut h = app(options);

    // The technician types a ticket reference; it must land in the saved report.
    h.get_by_label("Technician notes").click();
    h.run();
    let ticket = h.get_by_label("Ticket reference");
    ticket.focus();
    ticket.type_text("INC-4711");
    h.run();

    h.get_by_label("Check everything").click();
    h.step();
    h.step();
    assert!(h.state().is_running(), "clicking the button started the checks");
    // While running: the button is disabled, "Cancel" is offered, progress is visible.
    assert!(h.get_by_label("Check everything").accesskit_node().is_disabled());
    h.get_by_label("Cancel");
    step_until(&mut h, "the System badge to say Running", |h| h.query_by_label("System: Running").is_some());

    step_until(&mut h, "the checks to finish", finished);
    // test.secrets warns, so the System area shows a warning, as icon + word.
    h.get_by_label("System: Warning");
    h.get_by_label_contains("Test: takes a second");
    assert!(h.query_by_label("Cancel").is_none());
    assert_eq!(h.state().session().report.runs.len(), 3);

    h.get_by_label("Copy summary").click();
    h.step();
    let copied = h.output().platform_output.commands.iter().find_map(|c| match c {
        OutputCommand::CopyText(text) => Some(text.clone()),
        _ => None,
    });
    assert!(copied.is_some_and(|text| !text.trim().is_empty()), "Copy summary put nothing on the clipboard");
    h.run();
    h.get_by_label_contains("Copied the summary");

    h.get_by_label("Save bundle…").click();
    step_until(&mut h, "the bundle to be written", |h| idle(h) && target.exists());
    let status = h.state().status_text().unwrap_or_default();
    assert!(status.starts_with("Saved to "), "{status}");
    h.get_by_label_contains("Saved to");

    let opened = bundle::read(&target).unwrap();
    assert_eq!(opened.report.runs.len(), 3);
    assert_eq!(opened.report.ticket.as_deref(), Some("INC-4711"));
    let json = serde_json::to_string(&opened.report).unwrap();
    for secret in PLANTED_SECRETS {
        assert!(!json.contains(secret), "{secret} leaked into the saved report");
    }
}

#[test]
fn results_rows_expand_to_their_findings() {
    let mut h = app(options(&["pass", "secrets"]));
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the checks to finish", finished);
    h.get_by_label_contains("Test: collects text with secrets").click();
    h.run();
    h.get_by_label("Configuration was collected.");
    h.get_by_label("wpa_supplicant.conf");
}

#[test]
fn clicking_an_area_shows_only_its_results() {
    let mut h = app(options(&["pass"]));
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the checks to finish", finished);
    h.get_by_label_contains("Test: passes");
    // The area's name on its card is a toggle; the results heading of the same name is a label.
    h.get_by_role_and_label(Role::Button, "Network").click();
    h.run();
    h.get_by_label("Showing only Network");
    assert!(h.query_by_label_contains("Test: passes").is_none());
    h.get_by_label("Show all areas").click();
    h.run();
    h.get_by_label_contains("Test: passes");
}

#[test]
fn cancel_ends_the_run() {
    let mut h = app(options(&["slow"]));
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the Cancel button", |h| h.query_by_label("Cancel").is_some());
    h.get_by_label("Cancel").click();
    let started = Instant::now();
    step_until(&mut h, "the cancelled run to end", finished);
    assert!(started.elapsed() < Duration::from_secs(5));
    let runs = &h.state().session().report.runs;
    assert_eq!(runs.len(), 1);
    assert!(
        matches!(&runs[0].outcome, Outcome::Skipped { reason, .. } if reason.contains("cancelled")),
        "{:?}",
        runs[0].outcome
    );
    h.get_by_label_contains("Cancelled.");
    assert!(!h.get_by_label("Check everything").accesskit_node().is_disabled());
}

#[test]
fn open_bundle_shows_it_read_only_and_close_returns_home() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_bundle(dir.path());
    let mut options = options(&["pass"]);
    options.open_path = Some(path.clone());
    let mut h = app(options);

    h.get_by_label("Open bundle…").click();
    step_until(&mut h, "the bundle to open", |h| idle(h) && h.state().viewing_path().is_some());
    h.get_by_label("Viewing saved bundle sent-by-user.zip — read-only");
    h.get_by_label("System: Pass");
    // The verdict banner leads, in plain words, with the next step.
    h.get_by_label_contains("Names cannot be looked up");
    h.get_by_label("Restart the router, then try again.");
    // The live controls are gone: a saved bundle is not re-run or re-saved.
    assert!(h.query_by_label("Check everything").is_none());
    assert!(h.query_by_label("Save bundle…").is_none());

    h.get_by_label("Technician notes").click();
    h.run();
    h.get_by_label("INC-0815");

    h.get_by_label("Close bundle").click();
    h.run();
    assert!(h.state().viewing_path().is_none());
    h.get_by_label("Check everything");
}

#[test]
fn corrupt_bundle_shows_an_inline_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.zip");
    std::fs::write(&path, b"this is not a zip file").unwrap();
    let mut options = options(&["pass"]);
    options.open_path = Some(path);
    let mut h = app(options);

    h.get_by_label("Open bundle…").click();
    step_until(&mut h, "the open attempt to end", |h| {
        idle(h) && h.state().status_text().is_some_and(|s| !s.ends_with('…'))
    });
    let status = h.state().status_text().unwrap_or_default();
    assert!(status.starts_with("Could not open the bundle"), "{status}");
    assert!(!status.contains('\n'));
    h.get_by_label_contains("Could not open the bundle");
    assert!(h.query_by_label_contains("Viewing saved bundle").is_none());
    h.get_by_label("Check everything");
}

/// "Open bundle…" uses the same capped reader as `deskcheck show`: an entry flood is
/// refused at once with the cap in one line, and the window stays usable.
#[test]
fn a_hostile_bundle_is_refused_inline_with_its_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flood.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..=bundle::MAX_ENTRIES {
        w.start_file(format!("raw/x/{i}"), zip::write::SimpleFileOptions::default()).unwrap();
    }
    w.finish().unwrap();
    let mut options = options(&["pass"]);
    options.open_path = Some(path);
    let mut h = app(options);

    let start = Instant::now();
    h.get_by_label("Open bundle…").click();
    step_until(&mut h, "the open attempt to end", |h| {
        idle(h) && h.state().status_text().is_some_and(|s| !s.ends_with('…'))
    });
    assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
    let status = h.state().status_text().unwrap_or_default();
    assert!(status.starts_with("Could not open the bundle"), "{status}");
    assert!(status.contains("too large to be a bundle (the zip: 2001 entries, over the limit of 2000)"), "{status}");
    assert!(!status.contains('\n'));
    assert!(h.query_by_label_contains("Viewing saved bundle").is_none());
    h.get_by_label("Check everything");
}

#[test]
fn strict_privacy_saves_the_name_map_beside_the_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("strict.zip");
    let mut options = options(&["pass"]);
    options.save_path = Some(target.clone());
    let mut h = app(options);
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the checks to finish", finished);
    h.get_by_label("Privacy:").click();
    h.run();
    h.get_by_label("Strict").click();
    h.run();
    h.get_by_label("Save bundle…").click();
    step_until(&mut h, "the bundle to be written", |h| idle(h) && target.exists());
    let status = h.state().status_text().unwrap_or_default();
    assert!(status.contains("key to the hidden names"), "{status}");
    assert_eq!(bundle::read(&target).unwrap().report.privacy, "strict");
}

#[test]
fn a_failed_save_says_so_inline() {
    let dir = tempfile::tempdir().unwrap();
    // A directory that does not exist: the write must fail, and say so in one line.
    let target = dir.path().join("missing-dir").join("out.zip");
    let mut options = options(&["pass"]);
    options.save_path = Some(target.clone());
    let mut h = app(options);
    h.get_by_label("Check everything").click();
    step_until(&mut h, "the checks to finish", finished);
    h.get_by_label("Save bundle…").click();
    step_until(&mut h, "the save attempt to end", |h| {
        idle(h) && h.state().status_text().is_some_and(|s| !s.ends_with('…'))
    });
    let status = h.state().status_text().unwrap_or_default();
    assert!(status.starts_with("Could not save the bundle"), "{status}");
    assert!(!target.exists());
}
