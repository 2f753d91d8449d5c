//! The results: the verdict banner, a one-line tally, and per area every run as a
//! collapsing row (severity, title, worst finding, duration) that opens to its findings.

use eframe::egui::text::LayoutJob;
use eframe::egui::{self, CollapsingHeader, Frame, Grid, RichText, Stroke, TextFormat, TextStyle, Ui};

use super::{Action, human_duration, local_time};
use crate::diagnose::Layer;
use crate::gui::widgets::{outcome_word, severity_color, severity_text};
use crate::i18n;
use crate::model::{Category, CheckRun, Finding, Outcome, Report, Severity, Verdict};
use crate::t;

/// The plain-language answer, first failing layer wins, above everything else.
pub fn verdict_ui(ui: &mut Ui, verdict: &Verdict) {
    let lang = i18n::current();
    let color = severity_color(verdict.severity, ui.visuals());
    Frame::new().stroke(Stroke::new(2.0, color)).corner_radius(6).inner_margin(12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(format!(
                "{} {} — {}",
                verdict.severity.icon(),
                verdict.severity.label_in(lang),
                verdict.headline_in(lang)
            ))
            .size(18.0)
            .strong()
            .color(color),
        );
        // "none" when every layer answered: there is no place where it fails.
        if let Some(layer) = Layer::ALL.into_iter().find(|l| l.key() == verdict.layer) {
            ui.label(t!("gui-where-it-fails", layer = layer_title(layer)));
        }
        if let Some(step) = verdict.next_step_in(lang) {
            next_step_ui(ui, &step);
        }
        if let Some(technician) = verdict.technician_in(lang) {
            ui.add(egui::Label::new(RichText::new(t!("gui-for-technicians", text = technician)).weak()).wrap());
        }
    });
}

/// "Result: ⚠ WARNING — something needs attention (3 passed · 1 warning · 0 failed · 1 not checked)".
fn tally_ui(ui: &mut Ui, report: &Report) {
    let c = report.counts();
    let mut parts = vec![t!("gui-tally-passed", count = c.pass + c.info)];
    parts.push(t!("gui-tally-warnings", count = c.warn));
    parts.push(t!("gui-tally-failed", count = c.fail));
    if c.not_run > 0 {
        parts.push(t!("gui-tally-not-checked", count = c.not_run));
    }
    let (overall, color) = match report.overall() {
        Some(Severity::Fail) => (format!("✖ {}", t!("gui-overall-fail")), severity_color(Severity::Fail, ui.visuals())),
        Some(Severity::Warn) => (format!("⚠ {}", t!("gui-overall-warn")), severity_color(Severity::Warn, ui.visuals())),
        Some(Severity::Pass | Severity::Info) => {
            (format!("✔ {}", t!("gui-overall-ok")), severity_color(Severity::Pass, ui.visuals()))
        }
        None => (format!("– {}", t!("gui-overall-nothing")), ui.visuals().weak_text_color()),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t!("gui-result")).strong());
        ui.label(RichText::new(overall).strong().color(color));
        ui.label(format!("({})", parts.join(" · ")));
    });
}

/// How the results list introduces itself.
pub struct ResultsHeader<'a> {
    /// Show the one-line tally (once the run has finished).
    pub tally: bool,
    /// Show the report's notices (in the live view the area cards already say them).
    pub notices: bool,
    /// What to say when there are no runs.
    pub empty_text: &'a str,
}

/// Every run, grouped by area; `filter` narrows it to one area.
pub fn results_ui(
    ui: &mut Ui,
    report: &Report,
    filter: Option<Category>,
    header: &ResultsHeader<'_>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.heading(t!("gui-results"));
        if let Some(area) = filter {
            ui.label(RichText::new(t!("gui-showing-only", area = area.title_in(i18n::current()))).weak());
            if ui.button(t!("gui-show-all-areas")).clicked() {
                actions.push(Action::Filter(None));
            }
        }
    });
    if header.tally && !report.runs.is_empty() {
        tally_ui(ui, report);
    }
    if header.notices {
        for notice in &report.notices {
            ui.label(RichText::new(format!("ℹ {notice}")).weak());
        }
    }
    if report.runs.is_empty() {
        ui.label(RichText::new(header.empty_text).weak());
        return;
    }
    for area in Category::ALL.into_iter().filter(|a| filter.is_none_or(|f| f == *a)) {
        let runs: Vec<&CheckRun> = report.runs.iter().filter(|r| r.category == area).collect();
        if runs.is_empty() {
            continue;
        }
        ui.add_space(8.0);
        ui.label(RichText::new(area.title_in(i18n::current())).size(17.0).strong());
        for run in runs {
            run_row_ui(ui, run);
        }
    }
}

/// What a run's row says after its title: the worst finding, or why it could not run.
fn run_headline(run: &CheckRun) -> String {
    let lang = i18n::current();
    if let Some(reason) = run.outcome.reason_in(lang) {
        return format!("{}: {reason}", run.outcome.label_in(lang));
    }
    let worst = run.findings.iter().max_by_key(|f| f.severity);
    match worst {
        Some(finding) => finding.summary_in(lang),
        None => t!("gui-no-findings"),
    }
}

pub(super) fn run_row_ui(ui: &mut Ui, run: &CheckRun) {
    let visuals = ui.visuals();
    let font = TextStyle::Body.resolve(ui.style());
    let (icon, word) = outcome_word(run);
    let status_color = run.severity().map_or(visuals.weak_text_color(), |s| severity_color(s, visuals));
    let mut job = LayoutJob::default();
    job.append(&format!("{icon} {word}"), 0.0, TextFormat::simple(font.clone(), status_color));
    job.append(&run.title_in(i18n::current()), 10.0, TextFormat::simple(font.clone(), visuals.strong_text_color()));
    job.append(
        &format!("— {}", first_line(&run_headline(run))),
        8.0,
        TextFormat::simple(font.clone(), visuals.text_color()),
    );
    job.append(
        &format!("({})", human_duration(run.duration_ms)),
        8.0,
        TextFormat::simple(font, visuals.weak_text_color()),
    );
    CollapsingHeader::new(job).id_salt(("run", run.id.as_str())).show(ui, |ui| run_body_ui(ui, run));
}

fn run_body_ui(ui: &mut Ui, run: &CheckRun) {
    let lang = i18n::current();
    match &run.outcome {
        Outcome::Completed => {}
        other => {
            let text = match other.reason_in(lang) {
                Some(reason) => t!("gui-did-not-complete", outcome = other.label_in(lang), reason = reason),
                None => t!("gui-did-not-complete-plain", outcome = other.label_in(lang)),
            };
            ui.label(RichText::new(text).strong());
        }
    }
    if run.findings.is_empty() && run.outcome == Outcome::Completed {
        ui.label(t!("gui-nothing-to-report"));
    }
    for (index, finding) in run.findings.iter().enumerate() {
        finding_ui(ui, run, index, finding);
    }
    if !run.attachments.is_empty() {
        let names: Vec<String> =
            run.attachments.iter().map(|a| format!("{} ({})", a.name, super::human_bytes(a.size))).collect();
        ui.label(RichText::new(t!("gui-collected-files", files = names.join(", "))).weak());
    }
    ui.label(
        RichText::new(t!(
            "gui-run-footer",
            id = run.id.as_str(),
            started = local_time(run.started_at),
            took = human_duration(run.duration_ms)
        ))
        .weak()
        .small(),
    );
}

fn finding_ui(ui: &mut Ui, run: &CheckRun, index: usize, finding: &Finding) {
    let lang = i18n::current();
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        let color = severity_color(finding.severity, ui.visuals());
        ui.label(RichText::new(severity_text(finding.severity)).color(color).strong());
        ui.label(RichText::new(finding.title_in(lang)).strong());
    });
    ui.label(finding.summary_in(lang));
    if let Some(detail) = finding.detail_in(lang) {
        ui.add(egui::Label::new(RichText::new(detail).monospace().weak()).wrap());
    }
    if !finding.evidence.is_empty() {
        Grid::new(("evidence", run.id.as_str(), index)).num_columns(2).striped(true).spacing([16.0, 4.0]).show(
            ui,
            |ui| {
                for evidence in &finding.evidence {
                    // Top-aligned: a multi-line value would otherwise centre its label far below.
                    ui.vertical(|ui| ui.label(RichText::new(i18n::evidence_label(lang, &evidence.label)).strong()));
                    ui.add(egui::Label::new(RichText::new(&evidence.value).monospace()).wrap());
                    ui.end_row();
                }
            },
        );
    }
    if let Some(step) = finding.next_step_in(lang) {
        next_step_ui(ui, &step);
    }
}

fn next_step_ui(ui: &mut Ui, step: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t!("gui-next-step")).strong());
        ui.label(step);
    });
}

/// A network layer's name, as the verdict's "Where it fails" says it.
fn layer_title(layer: Layer) -> String {
    match layer {
        Layer::Link => t!("gui-layer-link"),
        Layer::Address => t!("gui-layer-address"),
        Layer::Gateway => t!("gui-layer-gateway"),
        Layer::Dns => t!("gui-layer-dns"),
        Layer::Internet => t!("gui-layer-internet"),
        Layer::Services => t!("gui-layer-services"),
    }
}

/// Row headers stay one line; the full text is in the body.
fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    fn run(outcome: Outcome, findings: Vec<Finding>) -> CheckRun {
        CheckRun {
            id: "test.x".into(),
            title: "X".into(),
            category: Category::System,
            outcome,
            findings,
            started_at: Utc::now(),
            duration_ms: 5,
            data: serde_json::Value::Null,
            attachments: Vec::new(),
        }
    }

    #[test]
    fn headline_is_the_worst_finding_or_the_reason() {
        let findings =
            vec![Finding::new(Severity::Pass, "a", "all fine"), Finding::new(Severity::Warn, "b", "disk nearly full")];
        assert_eq!(run_headline(&run(Outcome::Completed, findings)), "disk nearly full");
        assert_eq!(
            run_headline(&run(Outcome::TimedOut { after_ms: 300 }, vec![])),
            "timed out: no answer within 300 ms"
        );
        assert_eq!(run_headline(&run(Outcome::Completed, vec![])), "no findings");
    }
}
