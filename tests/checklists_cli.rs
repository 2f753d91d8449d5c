//! `deskcheck checklist`, run as a script would: the real binary, real checklist files in
//! the config dir, answers files, bundles. No printer is reachable here (the printer URI
//! points at a closed loopback port), so the printer checklist takes its "cannot reach"
//! branch; the walk against a real IPP printer is in tests/printers.rs.

mod common;

use std::path::Path;

use common::*;

/// A config dir (as XDG_CONFIG_HOME) with the department's checklists and a config file
/// that keeps printer discovery off the LAN.
fn config_home(files: &[(&str, &str)]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("deskcheck").join("checklists");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    std::fs::write(
        home.path().join("deskcheck").join("deskcheck.toml"),
        "support_contact = \"IT desk, ext. 4455\"\n[printers]\ndiscover_mdns = false\n",
    )
    .unwrap();
    home
}

fn checklist_cmd(home: &Path) -> assert_cmd::Command {
    let mut cmd = deskcheck();
    cmd.env("XDG_CONFIG_HOME", home);
    // No CUPS of this machine's own: the printer steps see only the printer we name.
    cmd.env("CUPS_SERVER", "127.0.0.1:9");
    cmd.arg("checklist");
    cmd
}

#[test]
fn list_shows_built_in_and_department_checklists() {
    let home = config_home(&[("docking.toml", DOCKING_CHECKLIST)]);
    let out = checklist_cmd(home.path()).arg("--list").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for id in ["printer", "display", "peripheral", "docking"] {
        assert!(text.lines().any(|l| l.starts_with(id)), "{id} missing:\n{text}");
    }
    assert!(text.contains("The docking station doesn't work"), "{text}");
    assert!(text.contains("built-in"), "{text}");
}

#[test]
fn a_broken_file_names_its_line_and_column_and_spoils_nothing_else() {
    let broken = DOCKING_CHECKLIST.replace("yes = \"fixed\"", "yes = \"fixd\"");
    let home = config_home(&[("docking.toml", &broken)]);
    let out = checklist_cmd(home.path()).arg("--list").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a broken file is a warning");
    let err = stderr(&out);
    assert!(err.contains("docking.toml:9:7: unknown step id 'fixd'"), "{err}");
    assert!(stdout(&out).lines().any(|l| l.starts_with("printer")), "the others are still offered");

    let out = checklist_cmd(home.path()).arg("docking").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("checklist 'docking' cannot be used"), "{}", stderr(&out));
    let out = checklist_cmd(home.path()).arg("kitchen").output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("unknown checklist 'kitchen' (choose from: printer, display, peripheral"));
}

#[test]
fn answers_files_are_checked_before_anything_runs() {
    let home = config_home(&[("docking.toml", DOCKING_CHECKLIST)]);
    let answers = home.path().join("answers.toml");
    std::fs::write(&answers, "power = \"yes\"\npowr = \"no\"\n").unwrap();
    let out = checklist_cmd(home.path()).arg("docking").arg("--answers").arg(&answers).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("answers.toml:2:8: checklist 'docking' has no step 'powr'"), "{}", stderr(&out));
}

#[test]
fn the_printer_checklist_from_an_answers_file_ends_right_with_its_transcript_in_the_bundle() {
    let home = config_home(&[]);
    let answers = home.path().join("printer-answers.toml");
    std::fs::write(
        &answers,
        "power = \"yes\"\npanel = \"Ready, or nothing unusual\"\npaper = \"yes\"\ndoors = \"yes\"\n\
         toner = \"no\"\nconnection = \"Network cable\"\nnetwork_cable = \"done\"\n",
    )
    .unwrap();
    let bundle = home.path().join("printer.zip");
    let out = checklist_cmd(home.path())
        .args(["printer", "--printer", "ipp://127.0.0.1:9/ipp/print", "--answers"])
        .arg(&answers)
        .arg("--bundle")
        .arg(&bundle)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "an escalation is a failure to fix:\n{err}");
    assert!(err.contains("checklist ended: escalate"), "{err}");
    let opened = deskcheck::bundle::read(&bundle).unwrap();
    let t = &opened.report.checklists[0];
    assert_eq!(t.id, "printer");
    assert_eq!(t.end.step, "esc_network", "the printer cannot be reached: {:?}", t.end);
    let steps: Vec<&str> = t.entries.iter().map(|e| e.step.as_str()).collect();
    assert_eq!(
        steps,
        ["power", "panel", "paper", "doors", "toner", "reach", "connection", "network_cable", "reach_again"]
    );
    assert!(t.entries[5].answer.starts_with("Found a problem: "), "{:?}", t.entries[5]);
    assert!(t.entries.iter().all(|e| e.at >= t.started_at && e.at <= t.finished_at));
    let run = opened.report.runs.iter().find(|r| r.id == "checklist.printer").unwrap();
    let last = run.findings.last().unwrap();
    assert!(last.next_step.as_deref().unwrap().contains("IT desk, ext. 4455"), "{last:?}");
    assert!(opened.report.runs.iter().any(|r| r.id == "printers.reach"));
    let files: Vec<String> = zip_entries(&bundle).into_iter().map(|(n, _)| n).collect();
    assert!(files.contains(&"raw/checklist.printer/transcript.txt".to_string()), "{files:?}");
    let html =
        String::from_utf8(zip_entries(&bundle).into_iter().find(|(n, _)| n == "report.html").unwrap().1).unwrap();
    assert!(
        html.contains("Checklist: The printer doesn&#39;t print")
            || html.contains("Checklist: The printer doesn't print")
    );
}

#[test]
fn a_missing_answer_stops_the_walk_and_still_saves_what_was_answered() {
    let home = config_home(&[("docking.toml", DOCKING_CHECKLIST)]);
    let bundle = home.path().join("partial.zip");
    let out = checklist_cmd(home.path()).arg("docking").arg("--bundle").arg(&bundle).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("no answer for step 'power'"), "{}", stderr(&out));
    let opened = deskcheck::bundle::read(&bundle).unwrap();
    assert_eq!(opened.report.checklists[0].end.kind, deskcheck::model::EndKind::Abandoned);
}
