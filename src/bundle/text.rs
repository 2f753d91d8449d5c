//! summary.txt: at most 40 lines, ready to paste into a ticket. Problems first.

use crate::model::{Finding, Outcome, Report, Severity};

pub const MAX_LINES: usize = 40;

pub fn overall_word(report: &Report) -> &'static str {
    match report.overall() {
        Some(Severity::Fail) => "FAIL — problems found",
        Some(Severity::Warn) => "WARNING — something needs attention",
        Some(_) => "OK — no problems found",
        None => "NOT RUN — no check could run",
    }
}

pub fn summary_text(report: &Report) -> String {
    let mut head = vec![format!(
        "deskcheck {} report — {} — {}",
        report.tool.version,
        report.host.hostname,
        report.started_at.format("%Y-%m-%d %H:%M:%S UTC")
    )];
    head.push(format!(
        "System: {} {} ({}, kernel {})",
        report.host.os_name, report.host.os_version, report.host.arch, report.host.kernel
    ));
    head.push(format!("Overall: {}", overall_word(report)));
    if let Some(v) = &report.verdict {
        head.push(format!("Verdict: {} {} {}", v.severity.icon(), v.severity.label(), v.headline));
        if let Some(next) = &v.next_step {
            head.push(format!("Next step: {next}"));
        }
    }
    if let Some(t) = &report.ticket {
        head.push(format!("Ticket: {t}"));
    }
    if !report.notes.issue.is_empty() {
        head.push(format!("Issue (user's words): {}", one_line(&report.notes.issue)));
    }
    let c = report.counts();
    let mut tail = vec![format!(
        "{} checks: {} pass, {} info, {} warn, {} fail, {} not run",
        report.runs.len(),
        c.pass,
        c.info,
        c.warn,
        c.fail,
        c.not_run
    )];
    for n in &report.notices {
        tail.push(format!("Note: {n}"));
    }

    // Problems, worst first, then runs that could not finish.
    let mut problems: Vec<(Severity, String)> = Vec::new();
    for run in &report.runs {
        match &run.outcome {
            Outcome::Completed => {
                for f in run.findings.iter().filter(|f| f.severity >= Severity::Warn) {
                    problems.push((f.severity, finding_line(f)));
                }
            }
            Outcome::TimedOut { .. } | Outcome::Errored { .. } => problems.push((
                Severity::Warn,
                format!("⚠ ERROR {} — {}: {}", run.id, run.outcome.label(), run.outcome.reason().unwrap_or_default()),
            )),
            Outcome::Skipped { .. } | Outcome::Unsupported { .. } => {}
        }
    }
    problems.sort_by_key(|p| std::cmp::Reverse(p.0));
    let not_run: Vec<String> = report
        .runs
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Skipped { .. } | Outcome::Unsupported { .. }))
        .map(|r| format!("Not run: {} — {}", r.id, r.outcome.reason().unwrap_or_default()))
        .collect();
    let mut body: Vec<String> = Vec::new();
    if problems.is_empty() {
        body.push("No problems found.".into());
    } else {
        body.push("Problems:".into());
        body.extend(problems.into_iter().map(|(_, l)| l));
    }
    body.extend(not_run);

    let room = MAX_LINES.saturating_sub(head.len() + tail.len() + 1);
    if body.len() > room {
        let hidden = body.len() - (room - 1);
        body.truncate(room - 1);
        body.push(format!("… {hidden} more lines in report.html"));
    }
    let mut lines = head;
    lines.extend(body);
    lines.extend(tail);
    lines.truncate(MAX_LINES);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn one_line(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 { format!("{}…", flat.chars().take(159).collect::<String>()) } else { flat }
}

fn finding_line(f: &Finding) -> String {
    let mut line = format!("{} {}  {}: {}", f.severity.icon(), f.severity.label(), f.title, one_line(&f.summary));
    if let Some(next) = &f.next_step {
        line.push_str(&format!(" — Next: {}", one_line(next)));
    }
    line
}
