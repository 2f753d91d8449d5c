//! report.html: one self-contained page — inline CSS, no scripts, no fonts, no request of
//! any kind — readable on screen and printed in black and white: every status is a word
//! and an icon, colour only repeats it.

use std::fmt::Write;

use chrono::Local;

use super::attachment_paths;
use super::text::{local_time, overall_meaning};
use crate::diagnose::Layer;
use crate::i18n::{self, Lang};
use crate::model::{Category, CheckRun, ChecklistTranscript, EndKind, Finding, Report, Severity};
use crate::{msg, readout};

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Spelled as an escape so no lone double quote sits in the source: the
            // translation test pairs string quotes to find the message ids we use.
            '\u{22}' => out.push_str("&quot;"),
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
.readout code{font-size:1.3rem;font-weight:bold;letter-spacing:.08em}
.run{border:1px solid #999;margin:.75rem 0;padding:.5rem .75rem}.finding{margin:.5rem 0 .5rem 1rem}
.muted{color:#444}pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;padding:.5rem;font-size:12px}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{font-weight:bold}dd{margin:0}
@media print{body{margin:0;max-width:none;font-size:11pt}.fail,.warn,.pass,.info{background:none}
.run,.verdict,tr{break-inside:avoid}pre{background:none;border:1px solid #999}}
";

fn status(s: Option<Severity>, lang: Lang) -> String {
    match s {
        Some(s) => format!(
            r#"<span class="sev {}">{} {}</span>"#,
            s.label().to_lowercase(),
            s.icon(),
            escape(&s.label_in(lang))
        ),
        None => format!(r#"<span class="sev">○ {}</span>"#, escape(&i18n::tr(lang, "report-not-run"))),
    }
}

/// report.html in `lang`. Names of things (hosts, printers, check ids) stay as they are.
pub fn html(report: &Report, lang: Lang) -> String {
    let tr = |id: &str| escape(&i18n::tr(lang, id));
    let mut h = String::new();
    let title = i18n::text(lang, &msg!("report-title", host = report.host.hostname.as_str()));
    let _ = write!(
        h,
        r#"<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{}</title><style>{}</style></head><body>"#,
        lang.code(),
        escape(&title),
        STYLE
    );
    h.push('\n');
    let _ = writeln!(h, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        h,
        "<p><strong>{}</strong> {} — {}</p>",
        tr("report-overall"),
        status(report.overall(), lang),
        escape(&overall_meaning(report, lang))
    );
    if let Some(v) = &report.verdict {
        let layer = match Layer::ALL.into_iter().find(|l| l.key() == v.layer) {
            Some(layer) => readout::layer_title(layer, lang),
            None => i18n::tr(lang, "report-verdict-no-layer"),
        };
        let _ = write!(
            h,
            r#"<div class="verdict"><div>{} <strong>{}</strong></div><p>{}</p>"#,
            status(Some(v.severity), lang),
            escape(&i18n::text(lang, &msg!("report-verdict-network", layer = layer))),
            escape(&v.headline_in(lang))
        );
        if let Some(t) = v.technician_in(lang) {
            let _ = write!(h, r#"<p class="muted">{} {}</p>"#, tr("report-for-technician"), escape(&t));
        }
        if let Some(n) = v.next_step_in(lang) {
            let _ = write!(h, "<p><strong>{}</strong> {}</p>", tr("report-next-step"), escape(&n));
        }
        h.push_str("</div>");
        h.push('\n');
    }
    // Beside the verdict, where the user looks while the technician listens on the phone.
    let _ = writeln!(
        h,
        r#"<p class="readout"><strong>{}</strong> <code>{}</code> <span class="muted">{}</span></p>"#,
        tr("report-readout-code"),
        escape(readout::encode(report).as_str()),
        tr("report-readout-hint")
    );

    let _ = write!(h, "<h2>{}</h2><dl>", tr("report-computer-and-run"));
    let finished = report.finished_at.map_or_else(|| i18n::tr(lang, "report-did-not-finish"), local_time);
    let facts = [
        ("report-host-name", report.host.hostname.clone()),
        ("report-os", format!("{} {}", report.host.os_name, report.host.os_version)),
        ("report-kernel", report.host.kernel.clone()),
        ("report-architecture", report.host.arch.clone()),
        ("report-started", local_time(report.started_at)),
        ("report-finished", finished),
        ("report-tool", format!("{} {}", report.tool.name, report.tool.version)),
        ("report-privacy", report.privacy.clone()),
    ];
    for (k, v) in facts {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", tr(k), escape(&v));
    }
    if let Some(t) = &report.ticket {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", tr("report-ticket"), escape(t));
    }
    h.push_str("</dl>");
    h.push('\n');

    if !report.notes.is_empty() {
        let _ = write!(h, "<h2>{}</h2><dl>", tr("report-notes"));
        for (k, v) in [
            ("report-notes-issue", &report.notes.issue),
            ("report-notes-environment", &report.notes.environment),
            ("report-notes-resolution", &report.notes.resolution),
            ("report-notes-cause", &report.notes.cause),
        ] {
            if !v.is_empty() {
                let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", tr(k), escape(v));
            }
        }
        h.push_str("</dl>");
        h.push('\n');
    }
    for n in &report.notices {
        let _ = writeln!(h, r#"<p class="muted">ℹ {} {}</p>"#, tr("report-note"), escape(n));
    }

    for c in &report.checklists {
        checklist_html(&mut h, c, lang);
    }

    let _ = writeln!(
        h,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        tr("report-all-checks"),
        tr("report-col-status"),
        tr("report-col-check"),
        tr("report-col-outcome"),
        tr("report-col-time")
    );
    for r in &report.runs {
        let _ = writeln!(
            h,
            r#"<tr><td>{}</td><td>{} <span class="muted">({})</span></td><td>{}</td><td>{} ms</td></tr>"#,
            status(r.severity(), lang),
            escape(&r.title_in(lang)),
            escape(&r.id),
            escape(&r.outcome.label_in(lang)),
            r.duration_ms
        );
    }
    h.push_str("</table>");
    h.push('\n');

    let paths = attachment_paths(report);
    for cat in Category::ALL {
        let runs: Vec<(&CheckRun, &Vec<String>)> =
            report.runs.iter().zip(&paths).filter(|(r, _)| r.category == cat).collect();
        if runs.is_empty() {
            continue;
        }
        let _ = writeln!(h, "<h2>{}</h2>", escape(&cat.title_in(lang)));
        for (run, run_paths) in runs {
            run_html(&mut h, run, run_paths, lang);
        }
    }
    h.push_str("</body></html>");
    h.push('\n');
    h
}

/// How a checklist walk ended, in `lang`.
pub fn end_label(kind: EndKind, lang: Lang) -> String {
    let id = match kind {
        EndKind::Resolved => "report-checklist-resolved",
        EndKind::Escalate => "report-checklist-escalate",
        EndKind::Abandoned => "report-checklist-abandoned",
    };
    i18n::tr(lang, id)
}

/// A walked checklist: how it ended, then every answer with its time, in order.
fn checklist_html(h: &mut String, c: &ChecklistTranscript, lang: Lang) {
    let tr = |id: &str| escape(&i18n::tr(lang, id));
    let sev = match c.end.kind {
        EndKind::Resolved => Severity::Pass,
        EndKind::Escalate => Severity::Fail,
        EndKind::Abandoned => Severity::Warn,
    };
    let heading = i18n::text(lang, &msg!("report-checklist", title = c.title.as_str()));
    let meta = i18n::text(
        lang,
        &msg!(
            "report-checklist-meta",
            id = c.id.as_str(),
            source = c.source.as_str(),
            start = local_time(c.started_at),
            end = local_time(c.finished_at)
        ),
    );
    let _ = write!(
        h,
        r#"<h2>{}</h2><div class="verdict"><div>{} <strong>{}</strong>: {}</div><p class="muted">{}</p></div>"#,
        escape(&heading),
        status(Some(sev), lang),
        escape(&end_label(c.end.kind, lang)),
        escape(&c.end.text),
        escape(&meta)
    );
    let _ = write!(
        h,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        tr("report-col-time"),
        tr("report-col-step"),
        tr("report-col-question"),
        tr("report-col-answer")
    );
    for e in &c.entries {
        let taken_back = if e.retracted {
            format!(r#" <span class="muted">{}</span>"#, tr("report-taken-back"))
        } else {
            String::new()
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}{taken_back}</td></tr>",
            escape(&e.at.with_timezone(&Local).format("%H:%M:%S").to_string()),
            escape(&e.step),
            escape(&e.question),
            escape(&e.answer)
        );
    }
    h.push_str("</table>");
    h.push('\n');
}

fn run_html(h: &mut String, r: &CheckRun, paths: &[String], lang: Lang) {
    let tr = |id: &str| escape(&i18n::tr(lang, id));
    let outcome = r.outcome.label_in(lang);
    let _ = write!(
        h,
        r#"<div class="run"><div>{} <strong>{}</strong> <span class="muted">{} · {} · {} ms</span></div>"#,
        status(r.severity(), lang),
        escape(&r.title_in(lang)),
        escape(&r.id),
        escape(&outcome),
        r.duration_ms
    );
    if let Some(reason) = r.outcome.reason_in(lang) {
        let line = i18n::text(lang, &msg!("report-could-not-finish", outcome = outcome.as_str(), reason = reason));
        let _ = write!(h, "<p>{}</p>", escape(&line));
    }
    for f in &r.findings {
        finding_html(h, f, lang);
    }
    if !r.data.is_null() {
        let pretty = serde_json::to_string_pretty(&r.data).unwrap_or_default();
        let _ = write!(
            h,
            "<details><summary>{}</summary><pre>{}</pre></details>",
            tr("report-structured-data"),
            escape(&pretty)
        );
    }
    if !r.attachments.is_empty() {
        let _ = write!(h, r#"<p class="muted">{}</p><ul>"#, tr("report-raw-evidence"));
        for (a, path) in r.attachments.iter().zip(paths) {
            let size = i18n::text(lang, &msg!("report-bytes", bytes = a.size));
            let _ = write!(h, "<li><code>{}</code> ({})</li>", escape(path), escape(&size));
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>");
    h.push('\n');
}

fn finding_html(h: &mut String, f: &Finding, lang: Lang) {
    let _ = write!(
        h,
        r#"<div class="finding"><div>{} <strong>{}</strong>: {}</div>"#,
        status(Some(f.severity), lang),
        escape(&f.title_in(lang)),
        escape(&f.summary_in(lang))
    );
    if let Some(d) = f.detail_in(lang) {
        let _ = write!(h, "<pre>{}</pre>", escape(&d));
    }
    if !f.evidence.is_empty() {
        h.push_str("<table>");
        for e in &f.evidence {
            let _ = write!(
                h,
                "<tr><th>{}</th><td>{}</td></tr>",
                escape(&i18n::evidence_label(lang, &e.label)),
                escape(&e.value)
            );
        }
        h.push_str("</table>");
    }
    if let Some(n) = f.next_step_in(lang) {
        let _ = write!(h, "<p>→ <strong>{}</strong> {}</p>", escape(&i18n::tr(lang, "report-next-step")), escape(&n));
    }
    h.push_str("</div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::tests::hand_report;

    #[test]
    fn self_contained_no_external_request_of_any_kind() {
        let h = html(&hand_report(), Lang::En);
        for external in ["http://", "https://", "src=", "href=", "@import", "url(", "<link", "<script", "@font-face"] {
            assert!(!h.contains(external), "{external} in report.html");
        }
        assert!(h.starts_with("<!DOCTYPE html>") && h.trim_end().ends_with("</html>"));
        assert!(h.contains("@media print"));
    }

    #[test]
    fn says_everything_in_words_in_order() {
        let h = html(&hand_report(), Lang::En);
        for needle in [
            r#"<strong>Overall:</strong> <span class="sev fail">✖ FAIL</span> — problems found"#,
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
        assert!(at(r#"class="verdict""#) < at("<h2>All checks"));
        assert!(at("<h2>Network</h2>") < at("<h2>System</h2>"));
    }

    #[test]
    fn escapes_all_text() {
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        let mut report = hand_report();
        report.runs[0].findings[0].title = "<script>alert(1)</script>".into();
        report.host.hostname = "<img src=x>".into();
        let h = html(&report, Lang::En);
        assert!(!h.contains("<script") && !h.contains("<img"), "unescaped text");
        assert!(h.contains("&lt;script&gt;"));
    }

    #[test]
    fn danish_report_is_danish_and_carries_the_code() {
        let report = hand_report();
        let h = html(&report, Lang::Da);
        for needle in [
            r#"<html lang="da">"#,
            "deskcheck-rapport — desk42",
            r#"<strong>Samlet:</strong> <span class="sev fail">✖ FEJL</span> — der er fundet problemer"#,
            "Computer og kørsel",
            "Alle tjek",
            "<h2>Netværk</h2>",
            "Aflæsningskode:",
            "○ IKKE KØRT",
            "INC-4711",
        ] {
            assert!(h.contains(needle), "{needle} missing from the Danish report.html");
        }
        let code = crate::readout::encode(&report);
        assert!(h.contains(&format!("<code>{code}</code>")), "the read-out code is shown");
        // The code sits beside the verdict, before the details.
        assert!(h.find(r#"class="readout""#) < h.find("Computer og kørsel"));
        let en = html(&report, Lang::En);
        assert!(en.contains(r#"<html lang="en">"#) && en.contains("Read-out code:"));
    }
}
