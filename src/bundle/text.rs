//! summary.txt: at most 40 lines, ready to paste into a ticket. Problems first, worst
//! first; then the counts; then what could not run. Also the GUI's "Copy summary".

use chrono::{DateTime, Local, Utc};

use crate::i18n::{self, Lang, Msg};
use crate::model::{CheckRun, Finding, Outcome, Report, Severity};
use crate::{msg, readout};

pub const MAX_LINES: usize = 40;
/// Longest line we write; longer texts end in "…" (the full text is in report.html).
const MAX_LINE_CHARS: usize = 240;
/// At most this many lines for runs that could not run, so findings keep the room.
const MAX_NOT_RUN_LINES: usize = 6;
/// Checklist end states shown in the head (each walk's full transcript is in report.html).
const MAX_CHECKLIST_LINES: usize = 4;

/// What the worst result means, in words ("problems found").
pub(super) fn overall_meaning(report: &Report, lang: Lang) -> String {
    let id = match report.overall() {
        Some(Severity::Fail) => "report-meaning-fail",
        Some(Severity::Warn) => "report-meaning-warn",
        Some(Severity::Pass | Severity::Info) => "report-meaning-ok",
        None => "report-meaning-none-ran",
    };
    i18n::tr(lang, id)
}

fn overall_word(report: &Report, lang: Lang) -> String {
    let label = match report.overall() {
        Some(Severity::Fail) => Severity::Fail.label_in(lang),
        Some(Severity::Warn) => Severity::Warn.label_in(lang),
        Some(Severity::Pass | Severity::Info) => i18n::tr(lang, "report-ok"),
        None => i18n::tr(lang, "report-not-run"),
    };
    format!("{label} — {}", overall_meaning(report, lang))
}

/// A time for people: the computer's local time with its offset from UTC
/// (`2026-12-02 22:41:05 +01:00`). JSON and file names keep UTC.
pub fn local_time(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

/// summary.txt in `lang`: at most [`MAX_LINES`] lines, problems first.
pub fn summary_text(report: &Report, lang: Lang) -> String {
    let line = |m: Msg| one_line(&i18n::text(lang, &m));
    let mut head = vec![line(msg!(
        "report-text-head",
        version = report.tool.version.as_str(),
        host = report.host.hostname.as_str(),
        time = local_time(report.started_at)
    ))];
    head.push(line(msg!("report-text-readout", code = readout::encode(report).to_string())));
    head.push(line(msg!(
        "report-text-system",
        os = report.host.os_name.as_str(),
        version = report.host.os_version.as_str(),
        arch = report.host.arch.as_str(),
        kernel = report.host.kernel.as_str()
    )));
    head.push(line(msg!("report-text-overall", overall = overall_word(report, lang))));
    if let Some(v) = &report.verdict {
        head.push(line(msg!(
            "report-text-verdict",
            status = format!("{} {}", v.severity.icon(), v.severity.label_in(lang)),
            headline = v.headline_in(lang)
        )));
        if let Some(next) = v.next_step_in(lang) {
            head.push(line(msg!("report-text-next-step", next = next)));
        }
    }
    if let Some(t) = &report.ticket {
        head.push(line(msg!("report-text-ticket", ticket = t.as_str())));
    }
    if !report.notes.issue.is_empty() {
        head.push(line(msg!("report-text-issue", issue = report.notes.issue.as_str())));
    }
    for c in report.checklists.iter().take(MAX_CHECKLIST_LINES) {
        let answered = c.entries.iter().filter(|e| !e.retracted).count();
        head.push(line(msg!(
            "report-text-checklist",
            title = c.title.as_str(),
            end = super::html::end_label(c.end.kind, lang),
            text = c.end.text.as_str(),
            answers = answered
        )));
    }

    // Everything that is not a pass, worst first; report order within a severity.
    let mut problems: Vec<(Severity, String)> = Vec::new();
    for run in &report.runs {
        match &run.outcome {
            Outcome::Completed => {
                problems.extend(
                    run.findings
                        .iter()
                        .filter(|f| f.severity != Severity::Pass)
                        .map(|f| (f.severity, finding_line(f, lang))),
                );
            }
            Outcome::TimedOut { .. } | Outcome::Errored { .. } => {
                problems.push((Severity::Warn, unfinished_line(run, lang)));
            }
            Outcome::Skipped { .. } | Outcome::Unsupported { .. } => {}
        }
    }
    problems.sort_by_key(|p| std::cmp::Reverse(p.0));
    let not_run: Vec<String> = report
        .runs
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Skipped { .. } | Outcome::Unsupported { .. }))
        .map(|r| line(msg!("report-text-not-run", id = r.id.as_str(), why = outcome_words(&r.outcome, lang))))
        .collect();

    let count_line = i18n::text(lang, &report.counts_msg("report-text-counts"));

    let room = MAX_LINES.saturating_sub(head.len() + 1);
    let not_run_room = not_run.len().min(MAX_NOT_RUN_LINES);
    let mut body: Vec<String> = Vec::new();
    if problems.is_empty() {
        body.push(i18n::tr(lang, "report-text-no-problems"));
    } else {
        body.extend(fit(problems.into_iter().map(|(_, l)| l).collect(), room.saturating_sub(not_run_room), |n| {
            i18n::text(lang, &msg!("report-text-more-findings", count = n))
        }));
    }
    body.push(count_line);
    let left = room.saturating_sub(body.len() - 1);
    body.extend(fit(not_run, left, |n| i18n::text(lang, &msg!("report-text-more-not-run", count = n))));

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

fn outcome_words(outcome: &Outcome, lang: Lang) -> String {
    match outcome.reason_in(lang) {
        Some(reason) => format!("{}: {reason}", outcome.label_in(lang)),
        None => outcome.label_in(lang),
    }
}

/// "✖ FAIL  Disk /: only 1.2 GiB free — Next: free some space"
fn finding_line(f: &Finding, lang: Lang) -> String {
    let mut line = format!(
        "{} {}  {}: {}",
        f.severity.icon(),
        f.severity.label_in(lang),
        flat(&f.title_in(lang)),
        flat(&f.summary_in(lang))
    );
    if let Some(next) = f.next_step_in(lang) {
        line.push_str(&i18n::text(lang, &msg!("report-text-finding-next", next = flat(&next))));
    }
    cap(line)
}

/// A run that started but could not finish is a warning: something could not be checked.
fn unfinished_line(run: &CheckRun, lang: Lang) -> String {
    let s = Severity::Warn;
    let why = flat(&outcome_words(&run.outcome, lang));
    let text = i18n::text(lang, &msg!("report-text-unfinished", title = flat(&run.title_in(lang)), why = why));
    cap(format!("{} {}  {text}", s.icon(), s.label_in(lang)))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::bundle::tests::{hand_report, run_with};
    use crate::model::Category;

    #[test]
    fn problems_come_first_worst_first_then_counts_then_not_run() {
        let s = summary_text(&hand_report(), Lang::En);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with(&format!("deskcheck {} report — desk42 — ", env!("CARGO_PKG_VERSION"))));
        // Local time with its offset from UTC, e.g. "+01:00".
        let offset = chrono::Local::now().format("%:z").to_string();
        assert!(lines[0].ends_with(&format!(" {offset}")), "{}", lines[0]);
        assert!(lines[1].starts_with("Read-out code: 1"), "the code comes second: {s}");
        assert_eq!(lines[1].trim_start_matches("Read-out code: "), crate::readout::encode(&hand_report()).as_str());
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
        let s = summary_text(&report, Lang::En);
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
        let s = summary_text(&report, Lang::En);
        assert!(s.contains("Overall: OK — no problems found") && s.contains("No problems found."), "{s}");
        assert!(s.contains("1 check: 1 pass, 0 info, 0 warn, 0 fail, 0 not run"), "{s}");
        assert!(summary_text(&Report::new(Default::default(), Utc::now()), Lang::En).contains("NOT RUN"));
    }

    #[test]
    fn long_texts_are_cut() {
        let mut report = hand_report();
        report.runs[0].findings[0].summary = "x".repeat(10_000);
        assert!(summary_text(&report, Lang::En).lines().all(|l| l.chars().count() <= MAX_LINE_CHARS));
    }

    #[test]
    fn danish_summary_uses_danish_words_and_keeps_names() {
        let s = summary_text(&hand_report(), Lang::Da);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with("deskcheck-rapport (") && lines[0].contains(") — desk42 — "), "{s}");
        assert!(lines[1].starts_with("Aflæsningskode: 1"), "{s}");
        assert!(s.contains("Samlet: FEJL — der er fundet problemer"), "{s}");
        assert!(s.contains("Vurdering: ✖ FEJL"), "{s}");
        assert!(s.contains("Sag: INC-4711"), "names and references stay: {s}");
        assert!(s.contains("Ikke kørt: system.battery.health"), "{s}");
        assert!(s.contains("5 tjek: 1 OK, 0 info, 2 advarsel, 1 fejl, 1 ikke kørt"), "{s}");
    }
}
