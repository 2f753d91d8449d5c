//! report.html: one self-contained page — inline CSS, no scripts, no fonts, no request of
//! any kind — readable on screen and printed in black and white: every status is a word
//! and an icon, colour only repeats it.

use std::fmt::Write;

use super::attachment_paths;
use super::text::overall_meaning;
use crate::model::{Category, CheckRun, ChecklistTranscript, EndKind, Finding, Report, Severity};

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:62rem;padding:0 1rem;color:#111;background:#fff}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
.sev{font-weight:bold;white-space:nowrap}.fail{background:#fde2e1}.warn{background:#fff3cd}.pass{background:#e3f4e1}.info{background:#e8eef8}
.verdict{border:3px solid #333;padding:.75rem 1rem;margin:1rem 0;font-size:1.1rem}
.run{border:1px solid #999;margin:.75rem 0;padding:.5rem .75rem}.finding{margin:.5rem 0 .5rem 1rem}
.muted{color:#444}pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;padding:.5rem;font-size:12px}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{font-weight:bold}dd{margin:0}
@media print{body{margin:0;max-width:none;font-size:11pt}.fail,.warn,.pass,.info{background:none}
.run,.verdict,tr{break-inside:avoid}pre{background:none;border:1px solid #999}}
";

fn status(s: Option<Severity>) -> String {
    match s {
        Some(s) => format!("<span class=\"sev {}\">{} {}</span>", s.label().to_lowercase(), s.icon(), s.label()),
        None => "<span class=\"sev\">○ NOT RUN</span>".into(),
    }
}

fn time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}

pub fn html(report: &Report) -> String {
    let mut h = String::new();
    let title = format!("deskcheck report — {}", report.host.hostname);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        escape(&title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(h, "<p><strong>Overall:</strong> {} — {}</p>", status(report.overall()), overall_meaning(report));
    if let Some(v) = &report.verdict {
        let _ = write!(
            h,
            "<div class=\"verdict\"><div>{} <strong>Network: {}</strong></div><p>{}</p>",
            status(Some(v.severity)),
            escape(&v.layer),
            escape(&v.headline)
        );
        if let Some(t) = &v.technician {
            let _ = write!(h, "<p class=\"muted\">For the technician: {}</p>", escape(t));
        }
        if let Some(n) = &v.next_step {
            let _ = write!(h, "<p><strong>Next step:</strong> {}</p>", escape(n));
        }
        h.push_str("</div>\n");
    }

    h.push_str("<h2>Computer and run</h2><dl>");
    let finished = report.finished_at.map_or_else(|| "did not finish".to_string(), time);
    let facts = [
        ("Host name", report.host.hostname.clone()),
        ("Operating system", format!("{} {}", report.host.os_name, report.host.os_version)),
        ("Kernel", report.host.kernel.clone()),
        ("Architecture", report.host.arch.clone()),
        ("Started", time(report.started_at)),
        ("Finished", finished),
        ("Tool", format!("{} {}", report.tool.name, report.tool.version)),
        ("Privacy profile", report.privacy.clone()),
    ];
    for (k, v) in facts {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(&v));
    }
    if let Some(t) = &report.ticket {
        let _ = write!(h, "<dt>Ticket</dt><dd>{}</dd>", escape(t));
    }
    h.push_str("</dl>\n");

    if !report.notes.is_empty() {
        h.push_str("<h2>Technician notes</h2><dl>");
        for (k, v) in [
            ("Issue (user's words)", &report.notes.issue),
            ("Environment", &report.notes.environment),
            ("Resolution", &report.notes.resolution),
            ("Cause", &report.notes.cause),
        ] {
            if !v.is_empty() {
                let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
            }
        }
        h.push_str("</dl>\n");
    }
    for n in &report.notices {
        let _ = writeln!(h, "<p class=\"muted\">ℹ Note: {}</p>", escape(n));
    }

    for c in &report.checklists {
        checklist_html(&mut h, c);
    }

    h.push_str("<h2>All checks</h2><table><tr><th>Status</th><th>Check</th><th>Outcome</th><th>Time</th></tr>\n");
    for r in &report.runs {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{} <span class=\"muted\">({})</span></td><td>{}</td><td>{} ms</td></tr>",
            status(r.severity()),
            escape(&r.title),
            escape(&r.id),
            escape(r.outcome.label()),
            r.duration_ms
        );
    }
    h.push_str("</table>\n");

    let paths = attachment_paths(report);
    for cat in Category::ALL {
        let runs: Vec<(&CheckRun, &Vec<String>)> =
            report.runs.iter().zip(&paths).filter(|(r, _)| r.category == cat).collect();
        if runs.is_empty() {
            continue;
        }
        let _ = writeln!(h, "<h2>{}</h2>", escape(cat.title()));
        for (run, run_paths) in runs {
            run_html(&mut h, run, run_paths);
        }
    }
    h.push_str("</body></html>\n");
    h
}

/// A walked checklist: how it ended, then every answer with its time, in order.
fn checklist_html(h: &mut String, c: &ChecklistTranscript) {
    let sev = match c.end.kind {
        EndKind::Resolved => Severity::Pass,
        EndKind::Escalate => Severity::Fail,
        EndKind::Abandoned => Severity::Warn,
    };
    let _ = write!(
        h,
        "<h2>Checklist: {}</h2><div class=\"verdict\"><div>{} <strong>{}</strong>: {}</div>\
         <p class=\"muted\">{} · from {} · {} to {}</p></div>",
        escape(&c.title),
        status(Some(sev)),
        escape(c.end.kind.label()),
        escape(&c.end.text),
        escape(&c.id),
        escape(&c.source),
        time(c.started_at),
        time(c.finished_at)
    );
    h.push_str("<table><tr><th>Time</th><th>Step</th><th>Question</th><th>Answer</th></tr>");
    for e in &c.entries {
        let taken_back = if e.retracted { " <span class=\"muted\">(taken back)</span>" } else { "" };
        let _ = write!(
            h,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}{taken_back}</td></tr>",
            escape(&e.at.format("%H:%M:%S").to_string()),
            escape(&e.step),
            escape(&e.question),
            escape(&e.answer)
        );
    }
    h.push_str("</table>\n");
}

fn run_html(h: &mut String, r: &CheckRun, paths: &[String]) {
    let _ = write!(
        h,
        "<div class=\"run\"><div>{} <strong>{}</strong> <span class=\"muted\">{} · {} · {} ms</span></div>",
        status(r.severity()),
        escape(&r.title),
        escape(&r.id),
        escape(r.outcome.label()),
        r.duration_ms
    );
    if let Some(reason) = r.outcome.reason() {
        let _ = write!(h, "<p>Could not run to the end — {}: {}</p>", escape(r.outcome.label()), escape(&reason));
    }
    for f in &r.findings {
        finding_html(h, f);
    }
    if !r.data.is_null() {
        let pretty = serde_json::to_string_pretty(&r.data).unwrap_or_default();
        let _ = write!(h, "<details><summary>Structured data</summary><pre>{}</pre></details>", escape(&pretty));
    }
    if !r.attachments.is_empty() {
        h.push_str("<p class=\"muted\">Raw evidence in the bundle:</p><ul>");
        for (a, path) in r.attachments.iter().zip(paths) {
            let _ = write!(h, "<li><code>{}</code> ({} bytes)</li>", escape(path), a.size);
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>\n");
}

fn finding_html(h: &mut String, f: &Finding) {
    let _ = write!(
        h,
        "<div class=\"finding\"><div>{} <strong>{}</strong>: {}</div>",
        status(Some(f.severity)),
        escape(&f.title),
        escape(&f.summary)
    );
    if let Some(d) = &f.detail {
        let _ = write!(h, "<pre>{}</pre>", escape(d));
    }
    if !f.evidence.is_empty() {
        h.push_str("<table>");
        for e in &f.evidence {
            let _ = write!(h, "<tr><th>{}</th><td>{}</td></tr>", escape(&e.label), escape(&e.value));
        }
        h.push_str("</table>");
    }
    if let Some(n) = &f.next_step {
        let _ = write!(h, "<p>→ <strong>Next step:</strong> {}</p>", escape(n));
    }
    h.push_str("</div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::tests::hand_report;

    #[test]
    fn self_contained_no_external_request_of_any_kind() {
        let h = html(&hand_report());
        for external in ["http://", "https://", "src=", "href=", "@import", "url(", "<link", "<script", "@font-face"] {
            assert!(!h.contains(external), "{external} in report.html");
        }
        assert!(h.starts_with("<!DOCTYPE html>") && h.trim_end().ends_with("</html>"));
        assert!(h.contains("@media print"));
    }

    #[test]
    fn says_everything_in_words_in_order() {
        let h = html(&hand_report());
        for needle in [
            "<strong>Overall:</strong> <span class=\"sev fail\">✖ FAIL</span> — problems found",
            "⚠ WARN",
            "✔ PASS",
            "○ NOT RUN",
            "The computer has no network address",
            "For the technician: no DHCP answer",
            "Ticket</dt><dd>INC-4711",
            "Issue (user&#39;s words)",
            "Privacy profile</dt><dd>none",
            "only 1.2 GiB free",
            "<th>Free</th><td>1.2 GiB</td>",
            "Next step:</strong> Empty the trash",
            "timed out: no answer within 300 ms",
            "not available on this system: no battery",
            "<details><summary>Structured data</summary>",
            "raw/system.disk/df.txt",
            "raw/system.disk/edid.bin",
        ] {
            assert!(h.contains(needle), "{needle} missing from report.html");
        }
        // The verdict comes first; areas follow Category order.
        let at = |s: &str| h.find(s).unwrap_or_else(|| panic!("{s}"));
        assert!(at("class=\"verdict\"") < at("<h2>All checks"));
        assert!(at("<h2>Network</h2>") < at("<h2>System</h2>"));
    }

    #[test]
    fn escapes_all_text() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        let mut report = hand_report();
        report.runs[0].findings[0].title = "<script>alert(1)</script>".into();
        report.host.hostname = "<img src=x>".into();
        let h = html(&report);
        assert!(!h.contains("<script") && !h.contains("<img"), "unescaped text");
        assert!(h.contains("&lt;script&gt;"));
    }
}
