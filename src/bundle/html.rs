//! report.html: one self-contained page (inline CSS, no external request of any kind),
//! readable printed in black and white: every status is a word and an icon.

use std::fmt::Write;

use crate::model::{Category, CheckRun, Finding, Outcome, Report, Severity};

pub fn escape(s: &str) -> String {
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
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}
.sev{font-weight:bold;white-space:nowrap}.fail{background:#fde2e1}.warn{background:#fff3cd}.pass{background:#e3f4e1}.info{background:#e8eef8}
.verdict{border:3px solid #333;padding:.75rem 1rem;margin:1rem 0;font-size:1.1rem}.verdict .sev{font-size:1.2rem}
.run{border:1px solid #999;margin:.75rem 0;padding:.5rem .75rem;page-break-inside:avoid}.finding{margin:.5rem 0 .5rem 1rem}
.muted{color:#444}pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;padding:.5rem;font-size:12px}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{font-weight:bold}
@media print{body{margin:0;max-width:none}.fail,.warn,.pass,.info{background:none}details{display:block}details>*{display:block}a{color:#000}}
";

fn sev_cell(s: Option<Severity>) -> String {
    match s {
        Some(s) => format!("<span class=\"sev {}\">{} {}</span>", s.label().to_lowercase(), s.icon(), s.label()),
        None => "<span class=\"sev\">– NOT RUN</span>".into(),
    }
}

pub fn html(report: &Report) -> String {
    let mut h = String::new();
    let title = format!("deskcheck report — {}", report.host.hostname);
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style></head><body>",
        escape(&title)
    );
    let _ = write!(h, "<h1>{}</h1>", escape(&title));
    let _ = write!(
        h,
        "<p class=\"muted\">{} {} · started {} · finished {} · privacy profile: {}</p>",
        escape(&report.tool.name),
        escape(&report.tool.version),
        report.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
        report.finished_at.map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string()).unwrap_or_else(|| "—".into()),
        escape(&report.privacy)
    );
    let _ = write!(
        h,
        "<p><strong>Overall:</strong> {} {}</p>",
        sev_cell(report.overall()),
        escape(super::text::overall_word(report))
    );
    if let Some(v) = &report.verdict {
        let _ = write!(
            h,
            "<div class=\"verdict {}\"><div>{} <strong>Network verdict ({})</strong></div><p>{}</p>",
            v.severity.label().to_lowercase(),
            sev_cell(Some(v.severity)),
            escape(&v.layer),
            escape(&v.headline)
        );
        if let Some(t) = &v.technician {
            let _ = write!(h, "<p class=\"muted\">Technician: {}</p>", escape(t));
        }
        if let Some(n) = &v.next_step {
            let _ = write!(h, "<p><strong>Next step:</strong> {}</p>", escape(n));
        }
        h.push_str("</div>");
    }
    h.push_str("<h2>Computer</h2><dl>");
    for (k, v) in [
        ("Host name", &report.host.hostname),
        ("Operating system", &format!("{} {}", report.host.os_name, report.host.os_version)),
        ("Kernel", &report.host.kernel),
        ("Architecture", &report.host.arch),
    ] {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
    }
    if let Some(t) = &report.ticket {
        let _ = write!(h, "<dt>Ticket</dt><dd>{}</dd>", escape(t));
    }
    h.push_str("</dl>");
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
        h.push_str("</dl>");
    }
    for n in &report.notices {
        let _ = write!(h, "<p class=\"muted\">ℹ Note: {}</p>", escape(n));
    }
    h.push_str("<h2>All checks</h2><table><tr><th>Status</th><th>Check</th><th>Outcome</th><th>Time</th></tr>");
    for r in &report.runs {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{} <span class=\"muted\">({})</span></td><td>{}</td><td>{} ms</td></tr>",
            sev_cell(r.severity()),
            escape(&r.title),
            escape(&r.id),
            escape(r.outcome.label()),
            r.duration_ms
        );
    }
    h.push_str("</table>");
    for cat in Category::ALL {
        let runs: Vec<&CheckRun> = report.runs.iter().filter(|r| r.category == cat).collect();
        if runs.is_empty() {
            continue;
        }
        let _ = write!(h, "<h2>{}</h2>", escape(cat.title()));
        for r in runs {
            run_html(&mut h, r);
        }
    }
    h.push_str("</body></html>\n");
    h
}

fn run_html(h: &mut String, r: &CheckRun) {
    let _ = write!(
        h,
        "<div class=\"run\"><div>{} <strong>{}</strong> <span class=\"muted\">{} · {} ms</span></div>",
        sev_cell(r.severity()),
        escape(&r.title),
        escape(&r.id),
        r.duration_ms
    );
    if r.outcome != Outcome::Completed {
        let _ = write!(h, "<p>{}: {}</p>", escape(r.outcome.label()), escape(&r.outcome.reason().unwrap_or_default()));
    }
    for f in &r.findings {
        finding_html(h, f);
    }
    if !r.attachments.is_empty() {
        h.push_str("<p class=\"muted\">Raw evidence in the bundle: ");
        let names: Vec<String> = r
            .attachments
            .iter()
            .map(|a| escape(&format!("raw/{}/{} ({} bytes)", r.id, super::safe_name(&a.name), a.size)))
            .collect();
        h.push_str(&names.join(", "));
        h.push_str("</p>");
    }
    if !r.data.is_null() {
        let pretty = serde_json::to_string_pretty(&r.data).unwrap_or_default();
        let _ = write!(h, "<details><summary>Structured data</summary><pre>{}</pre></details>", escape(&pretty));
    }
    h.push_str("</div>");
}

fn finding_html(h: &mut String, f: &Finding) {
    let _ = write!(
        h,
        "<div class=\"finding\"><div>{} <strong>{}</strong>: {}</div>",
        sev_cell(Some(f.severity)),
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
