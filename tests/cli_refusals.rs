//! Bad input refused before any work, through the real binary: numeric flags outside their
//! range (with the range in the message), bundle paths that could not be written (found
//! before the first check runs, not after the last), and an answers list that runs out.
//! Every refusal is exit code 3 ("could not run").

mod common;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use common::*;

/// Nothing ran: no "running N checks" line and no progress line.
fn assert_nothing_ran(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("deskcheck: running"), "checks started:\n{err}");
    assert!(!err.lines().any(|l| l.starts_with('[')), "checks ran:\n{err}");
}

#[test]
fn out_of_range_flags_are_refused_with_their_range() {
    // The host is loopback: even a flag that slipped through would send nothing outside.
    let cases: [(&[&str], &str); 11] = [
        (&["ping", "127.0.0.1", "--count", "0"], "invalid value '0' for '--count <COUNT>': 0 is not in 1..=1000"),
        (&["ping", "127.0.0.1", "-c", "100000"], "100000 is not in 1..=1000"),
        (&["ping", "127.0.0.1", "--interval-ms", "199"], "199 is not in 200..=60000"),
        (&["ping", "127.0.0.1", "--interval-ms", "60001"], "60001 is not in 200..=60000"),
        (&["ping", "127.0.0.1", "--timeout-ms", "0"], "0 is not in 1..=60000"),
        (&["ping", "127.0.0.1", "--count=-1"], "invalid value '-1' for '--count <COUNT>'"),
        (&["trace", "127.0.0.1", "--probes", "0"], "0 is not in 1..=100"),
        (&["trace", "127.0.0.1", "--probes", "1000"], "1000 is not in 1..=100"),
        (&["trace", "127.0.0.1", "--max-hops", "0"], "0 is not in 1..=64"),
        (&["trace", "127.0.0.1", "--max-hops", "65"], "65 is not in 1..=64"),
        (&["trace", "127.0.0.1", "--port", "0"], "0 is not in 1..=65535"),
    ];
    for (args, says) in cases {
        let out = deskcheck().args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{args:?}:\n{err}");
        assert!(err.contains(says), "{args:?}: expected {says:?} in\n{err}");
        assert!(stdout(&out).is_empty(), "{args:?} printed results");
    }
    // The edges of each range are accepted.
    let out = deskcheck()
        .args(["ping", "127.0.0.1", "--count", "1", "--interval-ms", "200", "--timeout-ms", "1000"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(3), "{}", stderr(&out));
}

fn run_with_bundle(path: &Path, extra: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = deskcheck().args(["run", "--only", "system"]).args(extra).arg("--bundle").arg(path).output().unwrap();
    (out, start.elapsed())
}

#[test]
fn bundle_paths_that_cannot_be_written_are_refused_before_any_check() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("folder")).unwrap();
    std::fs::write(d.join("old.zip"), b"precious").unwrap();
    std::fs::write(d.join("a-file"), b"x").unwrap();
    std::fs::create_dir(d.join("s.zip.map.json")).unwrap();
    let cases: Vec<(std::path::PathBuf, &[&str], String)> = vec![
        (
            d.join("missing").join("B.zip"),
            &[],
            format!("cannot save the bundle there (it does not exist): {}", d.join("missing").display()),
        ),
        (
            d.join("folder"),
            &[],
            format!("the bundle path is a folder; name a file inside it: {}", d.join("folder").display()),
        ),
        (
            d.join("old.zip"),
            &[],
            format!("a file is already there (use --force to replace it): {}", d.join("old.zip").display()),
        ),
        (
            d.join("a-file").join("B.zip"),
            &[],
            format!("cannot save the bundle there (it is a file, not a folder): {}", d.join("a-file").display()),
        ),
        // Strict privacy also writes <bundle>.map.json: a folder there is found up front too.
        (
            d.join("s.zip"),
            &["--privacy", "strict"],
            format!("the bundle path is a folder; name a file inside it: {}", d.join("s.zip.map.json").display()),
        ),
    ];
    for (path, extra, says) in cases {
        let (out, took) = run_with_bundle(&path, extra);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{}:\n{err}", path.display());
        assert_eq!(err.trim_end(), format!("deskcheck: {says}"), "{}", path.display());
        assert_nothing_ran(&out);
        assert!(took < Duration::from_secs(5), "{} took {took:?}", path.display());
    }
    assert_eq!(std::fs::read(d.join("old.zip")).unwrap(), b"precious");
    assert_eq!(dir_listing(d), ["a-file", "folder", "old.zip", "s.zip.map.json"], "the probes left nothing behind");

    // The same checks guard `checklist --bundle`, before the walk starts.
    let out =
        deskcheck().args(["checklist", "display", "--bundle"]).arg(d.join("missing").join("B.zip")).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot save the bundle there (it does not exist)"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("deskcheck: checklist 'display'"), "the walk started:\n{}", stderr(&out));
}

#[test]
fn a_read_only_location_is_refused_before_any_check() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    // Permissions stop ordinary users; root ignores them, so root gets a read-only mount.
    if is_root() {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs"])
            .arg(&ro)
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            skip("a_read_only_location_is_refused_before_any_check", "could not mount a read-only tmpfs");
            return;
        }
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let (out, _) = run_with_bundle(&ro.join("B.zip"), &[]);
    let listing = dir_listing(&ro);
    if is_root() {
        let _ = std::process::Command::new("umount").arg(&ro).status();
    }
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let expected = if is_root() { "Read-only file system" } else { "Permission denied" };
    assert!(
        err.contains(&format!("could not create the bundle's temporary file in {}: {expected}", ro.display())),
        "{err}"
    );
    assert_nothing_ran(&out);
    assert!(listing.is_empty(), "left behind: {listing:?}");
}

const RETRY: &str = r#"
title = "The scanner doesn't work"
area = "peripherals"

[[steps]]
id = "works"
kind = "yes_no"
text = "Does the scanner work now?"
yes = "fixed"
no = "replug"

[[steps]]
id = "replug"
kind = "instruction"
text = "Unplug the scanner's cable and plug it in again."
done = "works"
failed = "call"

[[steps]]
id = "fixed"
kind = "resolved"
text = "The scanner works."
resolution = "Replugged."

[[steps]]
id = "call"
kind = "escalate"
text = "Call IT."
reason = "The scanner stays dead."
"#;

#[test]
fn an_answers_list_that_runs_out_stops_the_walk_at_that_step() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("deskcheck").join("checklists");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("scanner.toml"), RETRY).unwrap();
    let answers = home.path().join("answers.toml");
    std::fs::write(&answers, "works = [\"no\", \"no\"]\nreplug = \"done\"\n").unwrap();
    let bundle = home.path().join("walk.zip");
    let out = deskcheck()
        .env("XDG_CONFIG_HOME", home.path())
        .args(["checklist", "scanner", "--answers"])
        .arg(&answers)
        .arg("--bundle")
        .arg(&bundle)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "an unfinished walk could not run to its end:\n{err}");
    let says = format!(
        "checklist ended: not finished — the answers for step 'works' in {} ran out: its list has 2 and this is visit 3",
        answers.display()
    );
    assert!(err.contains(&says), "{err}");
    // What was answered is kept: exactly the listed answers, nothing made up.
    let opened = deskcheck::bundle::read(&bundle).unwrap();
    let t = &opened.report.checklists[0];
    let steps: Vec<&str> = t.entries.iter().map(|e| e.step.as_str()).collect();
    assert_eq!(steps, ["works", "replug", "works", "replug"]);
    assert_eq!(t.end.step, "works");

    // A list long enough reaches the end.
    std::fs::write(&answers, "works = [\"no\", \"yes\"]\nreplug = \"done\"\n").unwrap();
    let out = deskcheck()
        .env("XDG_CONFIG_HOME", home.path())
        .args(["checklist", "scanner", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("checklist ended: resolved"), "{}", stderr(&out));
}

#[test]
fn open_is_refused_beside_a_subcommand_instead_of_being_ignored() {
    // `--open` belongs to the window; with a subcommand it would silently do nothing.
    let out =
        deskcheck().args(["--open", "/nonexistent/bundle.zip", "show", "/nonexistent/bundle.zip"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("--open opens a bundle in the window; use `deskcheck show BUNDLE`"), "{err}");
    assert!(stdout(&out).is_empty());
}
