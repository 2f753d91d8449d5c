//! summary.txt: at most 40 lines, ready to paste into a ticket. Problems first, worst
//! first; then the counts; then what could not run. Also the GUI's "Copy summary".

use crate::model::{CheckRun, Finding, Outcome, Report, Severity};

pub const MAX_LINES: usize = 40;
/// Longest line we write; longer texts end in "…" (the full text is in report.html).
const MAX_LINE_CHARS: usize = 240;
/// At most this many lines for runs that could not run, so findings keep the room.
const MAX_NOT_RUN_LINES: usize = 6;
/// Checklist end states shown in the head (each walk's full transcript is in report.html).
const MAX_CHECKLIST_LINES: usize = 4;

/// What the worst result means, in words ("problems found").
pub(super) fn overall_meaning(report: &Report) -> &'static str {
    match report.overall() {
        Some(Severity::Fail) => "problems found",
        Some(Severity::Warn) => "something needs attention",
        Some(Severity::Pass | Severity::Info) => "no problems found",
        None => "no check could run",
    }
}

fn overall_word(report: &Report) -> String {
    let label = match report.overall() {
        Some(Severity::Fail) => "FAIL",
        Some(Severity::Warn) => "WARN",
        Some(Severity::Pass | Severity::Info) => "OK",
        None => "NOT RUN",
    };
    format!("{label} — {}", overall_meaning(report))
}

pub fn summary_text(report: &Report) -> String {
    let mut head = vec![one_line(&format!(
        "deskcheck {} report — {} — {}",
        report.tool.version,
        report.host.hostname,
        report.started_at.format("%Y-%m-%d %H:%M:%S UTC")
    ))];
    head.push(one_line(&format!(
        "System: {} {} ({}, kernel {})",
        report.host.os_name, report.host.os_version, report.host.arch, report.host.kernel
    )));
    head.push(format!("Overall: {}", overall_word(report)));
    if let Some(v) = &report.verdict {
        head.push(one_line(&format!("Verdict: {} {} {}", v.severity.icon(), v.severity.label(), v.headline)));
        if let Some(next) = &v.next_step {
            head.push(one_line(&format!("Next step: {next}")));
        }
    }
    if let Some(t) = &report.ticket {
        head.push(one_line(&format!("Ticket: {t}")));
    }
    if !report.notes.issue.is_empty() {
        head.push(one_line(&format!("Issue (user's words): {}", report.notes.issue)));
    }
    for c in report.checklists.iter().take(MAX_CHECKLIST_LINES) {
        let answered = c.entries.iter().filter(|e| !e.retracted).count();
        head.push(one_line(&format!(
            "Checklist: {} — {}: {} ({answered} answers)",
            c.title,
            c.end.kind.label(),
            c.end.text
        )));
    }

    // Everything that is not a pass, worst first; report order within a severity.
    let mut problems: Vec<(Severity, String)> = Vec::new();
    for run in &report.runs {
        match &run.outcome {
            Outcome::Completed => {
                problems.extend(
                    run.findings.iter().filter(|f| f.severity != Severity::Pass).map(|f| (f.severity, finding_line(f))),
                );
            }
            Outcome::TimedOut { .. } | Outcome::Errored { .. } => {
                problems.push((Severity::Warn, unfinished_line(run)));
            }
            Outcome::Skipped { .. } | Outcome::Unsupported { .. } => {}
        }
    }
    problems.sort_by_key(|p| std::cmp::Reverse(p.0));
    let not_run: Vec<String> = report
        .runs
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Skipped { .. } | Outcome::Unsupported { .. }))
        .map(|r| one_line(&format!("Not run: {} — {}", r.id, outcome_words(&r.outcome))))
        .collect();

    let c = report.counts();
    let count_line = format!(
        "{} checks: {} pass, {} info, {} warn, {} fail, {} not run",
        report.runs.len(),
        c.pass,
        c.info,
        c.warn,
        c.fail,
        c.not_run
    );

    let room = MAX_LINES.saturating_sub(head.len() + 1);
    let not_run_room = not_run.len().min(MAX_NOT_RUN_LINES);
    let mut body: Vec<String> = Vec::new();
    if problems.is_empty() {
        body.push("No problems found.".into());
    } else {
        body.extend(fit(problems.into_iter().map(|(_, l)| l).collect(), room.saturating_sub(not_run_room), |n| {
            format!("… {n} more findings in report.html")
        }));
    }
    body.push(count_line);
    let left = room.saturating_sub(body.len() - 1);
    body.extend(fit(not_run, left, |n| format!("… {n} more checks not run, listed in report.html")));

    let mut lines = head;
    lines.extend(body);
    // The head is bounded by construction; this only guards against a future change.
    lines.truncate(MAX_LINES);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `lines` cut to `room` lines, the last one saying how many were left out.
fn fit(mut lines: Vec<String>, room: usize, more: impl Fn(usize) -> String) -> Vec<String> {
    if lines.len() > room {
        let keep = room.saturating_sub(1);
        let hidden = lines.len() - keep;
        lines.truncate(keep);
        if room > 0 {
            lines.push(more(hidden));
        }
    }
    lines
}

/// Collapse whitespace (a summary line must stay one line) and cap the length.
fn one_line(s: &str) -> String {
    cap(flat(s))
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cap(line: String) -> String {
    if line.chars().count() > MAX_LINE_CHARS {
        format!("{}…", line.chars().take(MAX_LINE_CHARS - 1).collect::<String>())
    } else {
        line
    }
}

fn outcome_words(outcome: &Outcome) -> String {
    match outcome.reason() {
        Some(reason) => format!("{}: {reason}", outcome.label()),
        None => outcome.label().to_string(),
    }
}

/// "✖ FAIL  Disk /: only 1.2 GiB free — Next: free some space"
fn finding_line(f: &Finding) -> String {
    let mut line = format!("{} {}  {}: {}", f.severity.icon(), f.severity.label(), flat(&f.title), flat(&f.summary));
    if let Some(next) = &f.next_step {
        line.push_str(&format!(" — Next: {}", flat(next)));
    }
    cap(line)
}

/// A run that started but could not finish is a warning: something could not be checked.
fn unfinished_line(run: &CheckRun) -> String {
    let s = Severity::Warn;
    let why = flat(&outcome_words(&run.outcome));
    cap(format!("{} {}  {}: could not finish — {why}", s.icon(), s.label(), flat(&run.title)))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::bundle::tests::{hand_report, run_with};
    use crate::model::Category;

    #[test]
    fn problems_come_first_worst_first_then_counts_then_not_run() {
        let s = summary_text(&hand_report());
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with(&format!("deskcheck {} report — desk42 — ", env!("CARGO_PKG_VERSION"))));
        assert!(lines[0].ends_with(" UTC"), "{}", lines[0]);
        assert!(lines.contains(&"Overall: FAIL — problems found"), "{s}");
        assert!(s.contains("Verdict: ✖ FAIL The computer has no network address"), "{s}");
        assert!(s.contains("Ticket: INC-4711"), "{s}");
        let pos =
            |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle}:\n{s}"));
        let fail = pos("✖ FAIL  Disk /: only 1.2 GiB free — Next: Empty the trash");
        let warn = pos("⚠ WARN  Wi-Fi signal");
        let unfinished = pos("⚠ WARN  Test: sleeps: could not finish — timed out: no answer within 300 ms");
        let info = pos("ℹ INFO  Uptime");
        let counts = pos("5 checks: 1 pass, 0 info, 2 warn, 1 fail, 1 not run");
        let not_run = pos("Not run: system.battery.health — not available on this system: no battery");
        assert!(fail < warn && warn < info && unfinished < info && info < counts && counts < not_run, "{s}");
        assert!(!s.contains("All good"), "passes are not listed: {s}");
    }

    #[test]
    fn two_hundred_findings_fit_in_forty_lines() {
        let mut report = hand_report();
        report.runs.push(run_with(
            "system.many",
            Category::System,
            Outcome::Completed,
            (0..200)
                .map(|i| Finding::new(Severity::Warn, format!("W{i}"), "something\nwith a newline").next_step("fix"))
                .collect(),
        ));
        for i in 0..20 {
            report.runs.push(run_with(
                &format!("printers.x{i}"),
                Category::Printers,
                Outcome::Unsupported { reason: "no printer".into(), msg: None },
                Vec::new(),
            ));
        }
        let s = summary_text(&report);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines.len() <= MAX_LINES, "{} lines:\n{s}", lines.len());
        assert_eq!(lines.len(), MAX_LINES, "the room is used:\n{s}");
        assert!(lines[0].starts_with("deskcheck "));
        assert!(s.contains("✖ FAIL  Disk /"), "the worst finding is kept:\n{s}");
        let more = lines.iter().find(|l| l.starts_with("… ") && l.ends_with(" more findings in report.html"));
        assert!(more.is_some(), "{s}");
        assert!(lines.iter().any(|l| l.starts_with("26 checks: ")), "{s}");
        assert!(s.contains("more checks not run, listed in report.html"), "{s}");
        assert!(s.contains("something with a newline"), "newlines flattened: {s}");
    }

    #[test]
    fn nothing_wrong_says_so() {
        let mut report = Report::new(Default::default(), Utc::now());
        report.runs.push(run_with(
            "test.pass",
            Category::System,
            Outcome::Completed,
            vec![Finding::new(Severity::Pass, "All good", "Fine.")],
        ));
        let s = summary_text(&report);
        assert!(s.contains("Overall: OK — no problems found") && s.contains("No problems found."), "{s}");
        assert!(s.contains("1 checks: 1 pass, 0 info, 0 warn, 0 fail, 0 not run"), "{s}");
        assert!(summary_text(&Report::new(Default::default(), Utc::now())).contains("NOT RUN"));
    }

    #[test]
    fn long_texts_are_cut() {
        let mut report = hand_report();
        report.runs[0].findings[0].summary = "x".repeat(10_000);
        assert!(summary_text(&report).lines().all(|l| l.chars().count() <= MAX_LINE_CHARS));
    }
}
