//! Checklist benchmark: how long loading and validating every built-in checklist takes
//! (the GUI does it at start, off the UI thread), what one answered step costs, and the
//! wall time of a whole headless walk of the display checklist through the real binary
//! (its automatic steps run their checks for real; on a machine without monitors they
//! say "not available").
//!
//! `cargo bench --bench checklists` runs many rounds; under `cargo test` it runs one round
//! as a smoke test. Figures are printed, never asserted.

use std::process::Command;
use std::time::{Duration, Instant};

use deskcheck::checklist::{Answer, Library, Walk};
use deskcheck::model::StepKind;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The forward answer a step takes (yes, done, first option, some text).
fn forward(kind: &StepKind) -> Answer {
    match kind {
        StepKind::YesNo { .. } => Answer::Yes,
        StepKind::Choice { .. } => Answer::Choice(0),
        StepKind::Text { .. } => Answer::Text("E-05".into()),
        _ => Answer::Skip,
    }
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let rounds = if bench { 50 } else { 1 };

    let mut loads = Vec::new();
    let mut library = Library::default();
    for _ in 0..rounds {
        let t = Instant::now();
        library = Library::load(None);
        loads.push(t.elapsed());
    }
    let steps: usize = library.checklists.iter().map(|c| c.steps.len()).sum();
    println!(
        "load + validate {} built-in checklists ({steps} steps): median {:?} over {rounds} rounds",
        library.checklists.len(),
        median(loads)
    );
    assert!(library.problems.is_empty(), "built-in checklists must load: {:?}", library.problems);

    let Some(printer) = library.find("printer").cloned() else {
        eprintln!("skipped: checklist benchmark walk — no printer checklist");
        return;
    };
    let mut answered = 0usize;
    let t = Instant::now();
    for _ in 0..rounds * 20 {
        let mut walk = Walk::new(printer.clone());
        while !walk.is_finished() {
            let _ = walk.position();
            if walk.answer(forward(&walk.current().kind)).is_err() {
                break;
            }
            answered += 1;
        }
        let _ = walk.check_run(None);
    }
    let per_step = t.elapsed() / answered.max(1) as u32;
    println!("one answered step (with Step N of M and the final findings): {per_step:?} ({answered} steps)");

    let dir = std::env::temp_dir().join(format!("deskcheck-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let answers = dir.join("display-answers.toml");
    let text = "power = \"yes\"\npicture = \"The normal desktop\"\ndetect_unknown = \"yes\"\ndetect_problem = \"yes\"\n\
                sharp = \"yes\"\nsteady = \"yes\"\npatterns = \"done\"\n";
    if let Err(err) = std::fs::write(&answers, text) {
        eprintln!("skipped: checklist benchmark CLI walk — cannot write {}: {err}", answers.display());
        return;
    }
    let mut walls = Vec::new();
    for _ in 0..rounds.min(7) {
        let t = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_deskcheck"))
            .args(["checklist", "display", "--json", "--answers"])
            .arg(&answers)
            .env("XDG_CONFIG_HOME", &dir)
            .output()
            .expect("start deskcheck");
        walls.push(t.elapsed());
        if !out.status.success() && out.status.code() != Some(1) {
            eprintln!("deskcheck checklist display: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    println!("`deskcheck checklist display --answers F --json` wall time: median {:?}", median(walls));
    let _ = std::fs::remove_dir_all(&dir);
}
