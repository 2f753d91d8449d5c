//! The guided screens: large text, big buttons, one step per screen. Each screen is drawn
//! from the flow and the app's state; what the user pressed is applied to the flow after
//! drawing, and the commands for the app are returned.

use eframe::egui::{self, Button, Key, Label, Response, RichText, TextEdit, Ui, vec2};

use super::flow::{Facts, Flow, GuidedCommand, Pick, Problem, Screen, WalkFacts};
use super::{Guided, GuidedCx, facts};
use crate::gui::views::checklist::{ChecklistAction, ConsentView, ProbeView};
use crate::gui::widgets::severity_color;
use crate::i18n::{self, Lang};
use crate::model::{CheckRun, EndKind, Report, Severity, Step, StepKind};
use crate::t;

/// Text sizes: the user may be reading at arm's length while holding a phone.
const HEADING: f32 = 30.0;
const BODY: f32 = 20.0;
const BUTTON: f32 = 22.0;
/// The widest a line of text runs, so sentences stay readable on a wide screen.
const COLUMN: f32 = 820.0;

/// What the user pressed this frame, applied once the screen is drawn.
enum Press {
    Back,
    Next,
    Problem(Problem),
    Pick(Pick),
    /// A command for the app that does not move the flow (Check again, Open the tester…).
    Command(GuidedCommand),
    StartAgain,
}

/// Where the focus goes on a new screen.
struct Focus {
    /// Whether this frame should place the first focus.
    place: bool,
    /// Placed this frame (the first candidate wins).
    placed: bool,
    /// The focus goes to Next (an answer is chosen, or a result waits to be taken).
    to_next: bool,
}

impl Focus {
    /// Gives the focus to `response` if it is the first candidate on a new screen.
    fn offer(&mut self, response: &Response) {
        if self.place && !self.placed && response.enabled() {
            response.request_focus();
            // The ring shows from the next frame on; draw it without waiting for input.
            response.ctx.request_repaint();
            self.placed = true;
        }
    }
}

pub fn screen_ui(ui: &mut Ui, guided: &mut Guided, cx: &GuidedCx<'_>) -> Vec<GuidedCommand> {
    let lang = i18n::current();
    let facts = facts(cx);
    let screen = guided.flow.screen(&facts);
    let key = focus_key(&guided.flow, &facts, screen);
    let to_next = guided.flow.can_next(&facts) && next_is_first(&guided.flow, &facts, screen);
    let mut focus = Focus { place: guided.focused_for.as_deref() != Some(key.as_str()), placed: false, to_next };
    let mut presses = Vec::new();

    ui.add_space(8.0);
    let (n, m) = guided.flow.position(&facts);
    // Before "What is wrong?" is answered the way's length is unknown: no "of 30" to alarm anyone.
    let step = if screen == Screen::Problem && guided.flow.problem().is_none() {
        t!("guided-step-first", n = n as i64)
    } else {
        t!("guided-step", n = n as i64, total = m as i64)
    };
    ui.label(RichText::new(step).size(BODY).strong());
    ui.add_space(10.0);
    ui.scope(|ui| {
        ui.set_max_width(COLUMN);
        match screen {
            Screen::Problem => problem_ui(ui, guided.flow.problem(), &mut focus, &mut presses),
            Screen::Checking => checking_ui(ui, guided.flow.problem(), cx, lang),
            Screen::Questions => match (&facts.walk, cx.checklist) {
                (Some(walk), Some(run)) => {
                    question_ui(ui, &guided.flow, walk, run, &mut guided.text, &mut focus, &mut presses)
                }
                _ => {
                    ui.label(RichText::new(t!("guided-questions-starting")).size(BODY));
                }
            },
            Screen::Result => result_ui(ui, cx, &facts, lang, &mut focus, &mut presses),
        }
    });
    ui.add_space(18.0);
    ui.horizontal(|ui| {
        let back = big_button(ui, &t!("guided-back"), guided.flow.can_back(&facts));
        if back.clicked() {
            presses.push(Press::Back);
        }
        if screen != Screen::Result {
            ui.add_space(24.0);
            let next = big_button(ui, &t!("guided-next"), guided.flow.can_next(&facts));
            if focus.to_next {
                focus.offer(&next);
            }
            if next.clicked() {
                presses.push(Press::Next);
            }
        }
    });
    // Esc is Back, wherever the focus is.
    if ui.input(|i| i.key_pressed(Key::Escape)) && guided.flow.can_back(&facts) {
        presses.push(Press::Back);
    }
    if focus.placed {
        guided.focused_for = Some(key);
    }

    let mut commands = Vec::new();
    // One move per frame: a key press that reached two buttons must not move twice.
    if let Some(press) = presses.into_iter().next() {
        match press {
            Press::Back => commands.extend(guided.flow.back(&facts)),
            Press::Next => {
                commands.extend(guided.flow.next(&facts, &guided.text));
                if matches!(commands.first(), Some(GuidedCommand::ChecklistAnswer(ChecklistAction::Text(_)))) {
                    guided.text.clear();
                }
            }
            Press::Problem(p) => guided.flow.choose_problem(p),
            Press::Pick(pick) => {
                if let Some(walk) = &facts.walk {
                    guided.flow.choose(walk, pick);
                }
            }
            Press::Command(c) => commands.push(c),
            Press::StartAgain => {
                guided.text.clear();
                commands.extend(guided.flow.start_again());
            }
        }
        // The next frame shows the choice or the new screen; the focus follows it.
        guided.focused_for = None;
        ui.ctx().request_repaint();
    }
    commands
}

/// Names the screen and its state for placing the first focus once.
fn focus_key(flow: &Flow, facts: &Facts<'_>, screen: Screen) -> String {
    let state = match (screen, &facts.walk) {
        (Screen::Questions | Screen::Result, Some(w)) => {
            format!("{}:{}:{}:{}:{}", w.checklist.id, w.step.id, w.depth, w.probe_done, w.consent_ready)
        }
        _ => String::new(),
    };
    format!("{screen:?}:{:?}:{}:{state}:{}", flow.problem(), facts.running, flow.can_next(facts))
}

/// Whether Next is the first sensible button: an answer has been chosen, or the screen
/// only waits to be taken (the checks' outcome, a finished check, a text answer's field aside).
fn next_is_first(flow: &Flow, facts: &Facts<'_>, screen: Screen) -> bool {
    match screen {
        Screen::Problem => flow.problem().is_some(),
        Screen::Checking => true,
        Screen::Questions => match &facts.walk {
            Some(w) => match &w.step.kind {
                // The cancel step's jobs: Next with none ticked cancels nothing, the safe default.
                StepKind::Automatic { .. } => w.probe_done || w.consent_ready,
                StepKind::Text { .. } => false,
                _ => flow.pick(w).is_some(),
            },
            None => false,
        },
        Screen::Result => false,
    }
}

/// A big button whose accessible name is its visible text, with a ring that shows the
/// keyboard focus plainly (not only the theme's subtle change of fill).
fn big_button(ui: &mut Ui, text: &str, enabled: bool) -> Response {
    let button = Button::new(RichText::new(text).size(BUTTON)).min_size(vec2(180.0, 56.0));
    let response = ui.add_enabled(enabled, button);
    focus_ring(ui, &response);
    response
}

/// An answer button: wide, and marked "✔" when chosen (never by colour alone).
fn answer_button(ui: &mut Ui, text: &str, chosen: bool) -> Response {
    let shown = if chosen { format!("✔ {text}") } else { text.to_string() };
    // Framed like every button (a selectable has no frame until chosen), filled when chosen.
    let button = Button::new(RichText::new(shown).size(BUTTON)).selected(chosen).min_size(vec2(520.0, 56.0));
    let response = ui.add(button);
    focus_ring(ui, &response);
    response
}

fn focus_ring(ui: &Ui, response: &Response) {
    if response.has_focus() {
        let stroke = egui::Stroke::new(3.0, ui.visuals().selection.stroke.color);
        ui.painter().rect_stroke(response.rect.expand(4.0), 8.0, stroke, egui::StrokeKind::Outside);
    }
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add(Label::new(RichText::new(text).size(HEADING).strong()).wrap());
    ui.add_space(10.0);
}

fn body(ui: &mut Ui, text: &str) {
    ui.add(Label::new(RichText::new(text).size(BODY)).wrap());
}

fn problem_label(p: Problem) -> String {
    let id = match p {
        Problem::Internet => "guided-problem-internet",
        Problem::Printer => "guided-problem-printer",
        Problem::Screen => "guided-problem-screen",
        Problem::Peripherals => "guided-problem-devices",
        Problem::SomethingElse => "guided-problem-other",
    };
    i18n::tr(i18n::current(), id)
}

fn problem_ui(ui: &mut Ui, chosen: Option<Problem>, focus: &mut Focus, presses: &mut Vec<Press>) {
    heading(ui, &t!("guided-what-is-wrong"));
    body(ui, &t!("guided-what-is-wrong-help"));
    ui.add_space(12.0);
    for p in Problem::ALL {
        let response = answer_button(ui, &problem_label(p), chosen == Some(p));
        if !focus.to_next {
            focus.offer(&response);
        }
        if response.clicked() {
            presses.push(Press::Problem(p));
        }
        ui.add_space(6.0);
    }
}

fn checking_ui(ui: &mut Ui, problem: Option<Problem>, cx: &GuidedCx<'_>, lang: Lang) {
    let (done, total) = (cx.finished as i64, cx.planned as i64);
    if cx.running {
        let line = match problem {
            Some(Problem::Internet) => t!("guided-checking-network", done = done, total = total),
            Some(Problem::Printer) => t!("guided-checking-printer", done = done, total = total),
            Some(Problem::Screen) => t!("guided-checking-screen", done = done, total = total),
            Some(Problem::Peripherals) => t!("guided-checking-devices", done = done, total = total),
            Some(Problem::SomethingElse) | None => t!("guided-checking-everything", done = done, total = total),
        };
        heading(ui, &line);
        ui.horizontal(|ui| {
            ui.spinner();
            body(ui, &t!("guided-checking-wait"));
        });
        return;
    }
    heading(ui, &t!("guided-checked", done = done, total = total));
    let problems = failing_runs(cx.report).len() as i64;
    let (severity, line) = if problems > 0 {
        (Severity::Fail, t!("guided-checked-problems", count = problems))
    } else {
        (Severity::Pass, t!("guided-checked-fine"))
    };
    status_line(ui, severity, &line, lang);
    ui.add_space(8.0);
    body(ui, &t!("guided-press-next"));
}

/// "✖ Problem — We found 2 problems.": icon and word first, so colour is never the only sign.
fn status_line(ui: &mut Ui, severity: Severity, text: &str, lang: Lang) {
    let color = severity_color(severity, ui.visuals());
    let line = format!("{} {} — {text}", severity.icon(), severity.label_in(lang));
    ui.add(Label::new(RichText::new(line).size(BODY).strong().color(color)).wrap());
}

/// Runs that found a problem (or could not finish), worst first.
fn failing_runs(report: &Report) -> Vec<&CheckRun> {
    let mut runs: Vec<&CheckRun> =
        report.runs.iter().filter(|r| matches!(r.severity(), Some(Severity::Warn | Severity::Fail))).collect();
    runs.sort_by_key(|r| std::cmp::Reverse(r.severity()));
    runs
}

/// A checklist step's own words, in the current language.
fn step_text(step: &Step) -> String {
    step.text.get(i18n::current()).to_string()
}

fn question_ui(
    ui: &mut Ui,
    flow: &Flow,
    walk: &WalkFacts<'_>,
    run: &crate::gui::checklist_run::ChecklistRun,
    text: &mut String,
    focus: &mut Focus,
    presses: &mut Vec<Press>,
) {
    let step = walk.step;
    heading(ui, &step_text(step));
    if let Some(help) = &step.help {
        body(ui, help.get(i18n::current()));
    }
    ui.add_space(12.0);
    let chosen = flow.pick(walk);
    let answer = |ui: &mut Ui, label: &str, pick: Pick, focus: &mut Focus, presses: &mut Vec<Press>| {
        let response = answer_button(ui, label, chosen == Some(pick));
        if !focus.to_next {
            focus.offer(&response);
        }
        if response.clicked() {
            presses.push(Press::Pick(pick));
        }
        ui.add_space(6.0);
    };
    match &step.kind {
        StepKind::YesNo { .. } => {
            answer(ui, &t!("guided-yes"), Pick::Yes, focus, presses);
            answer(ui, &t!("guided-no"), Pick::No, focus, presses);
            answer(ui, &t!("guided-dont-know"), Pick::DontKnow, focus, presses);
        }
        StepKind::Instruction { .. } => {
            answer(ui, &t!("guided-done"), Pick::Done, focus, presses);
            answer(ui, &t!("guided-failed"), Pick::Failed, focus, presses);
            answer(ui, &t!("guided-skip-step"), Pick::DontKnow, focus, presses);
        }
        StepKind::Choice { options } => {
            for (i, o) in options.iter().enumerate() {
                answer(ui, o.label.get(i18n::current()), Pick::Option(i), focus, presses);
            }
            answer(ui, &t!("guided-dont-know"), Pick::DontKnow, focus, presses);
        }
        StepKind::Tool { .. } => {
            let open = big_button(ui, &t!("guided-open-tester"), true);
            if open.clicked() {
                presses.push(Press::Command(GuidedCommand::ChecklistAnswer(ChecklistAction::OpenTool)));
            }
            ui.add_space(10.0);
            answer(ui, &t!("guided-works"), Pick::Done, focus, presses);
            answer(ui, &t!("guided-not-works"), Pick::Failed, focus, presses);
            answer(ui, &t!("guided-skip-step"), Pick::DontKnow, focus, presses);
        }
        StepKind::Text { .. } => {
            let label = ui.label(RichText::new(t!("guided-your-answer")).size(BODY));
            let field =
                ui.add(TextEdit::singleline(text).font(egui::FontId::proportional(BODY)).desired_width(COLUMN * 0.8));
            let field = field.labelled_by(label.id);
            focus.offer(&field);
            // Enter in the field is Next, as in any form.
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                presses.push(Press::Next);
            }
        }
        StepKind::Automatic { .. } => automatic_ui(ui, run, presses),
        StepKind::Resolved { .. } | StepKind::Escalate { .. } => {}
    }
}

/// An automatic step: its check running, then its result, which waits for Next.
fn automatic_ui(ui: &mut Ui, run: &crate::gui::checklist_run::ChecklistRun, presses: &mut Vec<Press>) {
    let lang = i18n::current();
    let view = run.view();
    if let Some(consent) = &view.consent {
        match consent {
            ConsentView::Reading => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    body(ui, &t!("guided-probe-running"));
                });
            }
            ConsentView::Ready { offer, selected } => {
                body(ui, &t!("guided-consent-help"));
                for job in offer.offered() {
                    let mut on = selected.contains(&job.id);
                    let response = ui.checkbox(&mut on, RichText::new(job.line_in(crate::i18n::current())).size(BODY));
                    focus_ring(ui, &response);
                    if response.changed() {
                        presses
                            .push(Press::Command(GuidedCommand::ChecklistAnswer(ChecklistAction::ToggleJob(job.id))));
                    }
                }
            }
        }
        return;
    }
    match &view.probe {
        Some(ProbeView::Finished(result)) => {
            let severity = result.severity().unwrap_or(Severity::Info);
            let worst = result.findings.iter().rev().max_by_key(|f| f.severity);
            let words = match (result.outcome.reason_in(lang), worst) {
                (Some(reason), _) => reason,
                (None, Some(f)) => f.summary_in(lang),
                (None, None) => result.title_in(lang),
            };
            status_line(ui, severity, &words, lang);
            ui.add_space(8.0);
            body(ui, &t!("guided-press-next"));
            ui.add_space(6.0);
            if big_button(ui, &t!("guided-check-again"), true).clicked() {
                presses.push(Press::Command(GuidedCommand::ChecklistAnswer(ChecklistAction::RunAgain)));
            }
        }
        Some(ProbeView::Running(_)) | None => {
            ui.horizontal(|ui| {
                ui.spinner();
                body(ui, &t!("guided-probe-running"));
            });
        }
    }
}

/// The one sentence, its status word, and what to do now.
pub struct ResultWords {
    pub severity: Option<Severity>,
    pub headline: String,
    pub next_step: String,
}

/// The result in plain words: the network verdict when it speaks for the worst problem,
/// else the checklist's end, else what the checks found.
pub fn outcome(report: &Report, end: Option<(EndKind, &Step)>, lang: Lang) -> ResultWords {
    // "Info" is a technician's word for "nothing wrong": the user sees it as all right.
    let severity = report.overall().map(|s| if s == Severity::Info { Severity::Pass } else { s });
    let failing = failing_runs(report);
    let worst_next = failing
        .iter()
        .flat_map(|r| r.findings.iter())
        .filter(|f| matches!(f.severity, Severity::Warn | Severity::Fail))
        .max_by_key(|f| f.severity)
        .and_then(|f| f.next_step_in(lang));
    if let Some(v) = &report.verdict
        && (v.severity >= severity.unwrap_or(Severity::Pass))
    {
        let next = v.next_step_in(lang).or(worst_next).unwrap_or_else(|| fallback_next(severity, lang));
        return ResultWords { severity: Some(v.severity), headline: v.headline_in(lang), next_step: next };
    }
    let headline = match (end, severity) {
        (Some((EndKind::Resolved, _)), _) => i18n::tr(lang, "guided-result-solved"),
        (Some((EndKind::Escalate, _)), _) => i18n::tr(lang, "guided-result-escalate"),
        (_, None) => i18n::tr(lang, "guided-result-nothing"),
        (_, Some(Severity::Pass | Severity::Info)) => i18n::tr(lang, "guided-result-fine"),
        (_, Some(Severity::Warn)) => i18n::tr(lang, "guided-result-warn"),
        (_, Some(Severity::Fail)) => i18n::tr(lang, "guided-result-fail"),
    };
    let next = match end {
        Some((EndKind::Escalate, _)) => i18n::tr(lang, "guided-next-technician"),
        _ => worst_next.unwrap_or_else(|| fallback_next(severity, lang)),
    };
    let severity = match end {
        Some((EndKind::Resolved, _)) => Some(Severity::Pass),
        Some((EndKind::Escalate, _)) => Some(severity.unwrap_or(Severity::Warn).max(Severity::Warn)),
        _ => severity,
    };
    ResultWords { severity, headline, next_step: next }
}

fn fallback_next(severity: Option<Severity>, lang: Lang) -> String {
    match severity {
        Some(Severity::Pass | Severity::Info) => i18n::tr(lang, "guided-next-fine"),
        _ => i18n::tr(lang, "guided-next-code"),
    }
}

fn result_ui(
    ui: &mut Ui,
    cx: &GuidedCx<'_>,
    facts: &Facts<'_>,
    lang: Lang,
    focus: &mut Focus,
    presses: &mut Vec<Press>,
) {
    let end = facts.walk.as_ref().filter(|w| w.finished).and_then(|w| {
        let kind = match &w.step.kind {
            StepKind::Resolved { .. } => EndKind::Resolved,
            StepKind::Escalate { .. } => EndKind::Escalate,
            _ => return None,
        };
        Some((kind, w.step))
    });
    let outcome = outcome(cx.report, end, lang);
    heading(ui, &t!("guided-result"));
    let severity = outcome.severity.unwrap_or(Severity::Info);
    status_line(ui, severity, &outcome.headline, lang);
    if let Some((_, step)) = end {
        ui.add_space(4.0);
        body(ui, &step_text(step));
    }
    let failing = failing_runs(cx.report);
    if !failing.is_empty() {
        ui.add_space(8.0);
        for run in failing.iter().take(6) {
            let s = run.severity().unwrap_or(Severity::Warn);
            body(ui, &format!("{} {}: {}", s.icon(), s.label_in(lang), run.title_in(lang)));
        }
    }
    ui.add_space(14.0);
    ui.label(RichText::new(t!("guided-what-now")).size(BODY).strong());
    body(ui, &outcome.next_step);
    ui.add_space(18.0);
    code_ui(ui, cx.report);
    ui.add_space(18.0);
    ui.horizontal_wrapped(|ui| {
        let save = big_button(ui, &t!("guided-save"), !cx.running);
        focus.offer(&save);
        if save.clicked() {
            presses.push(Press::Command(GuidedCommand::SaveBundle));
        }
        ui.add_space(12.0);
        if big_button(ui, &t!("guided-start-again"), true).clicked() {
            presses.push(Press::StartAgain);
        }
        ui.add_space(12.0);
        if big_button(ui, &t!("guided-details"), true).clicked() {
            presses.push(Press::Command(GuidedCommand::SwitchToTechnician));
        }
    });
}

/// The read-out code in large type, under the words that say what to do with it. The code
/// is a read-only field named by those words, so a screen reader reads both together and
/// the user can still select and copy it.
fn code_ui(ui: &mut Ui, report: &Report) {
    let mut code = crate::readout::encode(report).to_string();
    let label = ui.label(RichText::new(t!("guided-read-code")).size(BODY).strong());
    let field = TextEdit::singleline(&mut code)
        .font(egui::FontId::monospace(44.0))
        .interactive(false)
        // Full strength: a disabled-looking grey code is hard to read out.
        .text_color(ui.visuals().strong_text_color())
        .desired_width(COLUMN * 0.7)
        .frame(egui::Frame::group(ui.style()).inner_margin(12));
    ui.add(field).labelled_by(label.id);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Finding, HostInfo, Outcome as RunOutcome, StepKind, Verdict};

    fn run(id: &str, category: Category, finding: Finding) -> CheckRun {
        CheckRun {
            id: id.into(),
            title: id.into(),
            category,
            outcome: RunOutcome::Completed,
            findings: vec![finding],
            started_at: chrono::Utc::now(),
            duration_ms: 1,
            data: serde_json::Value::Null,
            attachments: Vec::new(),
        }
    }

    fn report(runs: Vec<CheckRun>) -> Report {
        let mut r = Report::new(HostInfo::default(), chrono::Utc::now());
        r.runs = runs;
        r
    }

    fn end_step(kind: StepKind) -> Step {
        Step {
            id: "end".into(),
            text: crate::model::Localized::en("The end."),
            help: None,
            kind,
            skip: None,
            records: Vec::new(),
        }
    }

    #[test]
    fn the_network_verdict_speaks_when_it_is_the_worst_problem() {
        let mut r = report(vec![run(
            "net.dns.resolve",
            Category::Network,
            Finding::new(Severity::Fail, "DNS", "names do not resolve"),
        )]);
        r.verdict = Some(Verdict {
            layer: "dns".into(),
            severity: Severity::Fail,
            headline: "Your computer is connected, but names do not resolve.".into(),
            technician: None,
            next_step: Some("Restart the router.".into()),
            msg: None,
        });
        let words = outcome(&r, None, Lang::En);
        assert_eq!(words.severity, Some(Severity::Fail));
        assert_eq!(words.headline, "Your computer is connected, but names do not resolve.");
        assert_eq!(words.next_step, "Restart the router.");
    }

    #[test]
    fn without_a_verdict_the_checks_and_the_checklist_give_the_words() {
        let printer = Finding::new(Severity::Fail, "Queue", "the queue is paused").next_step("Resume the queue.");
        let r = report(vec![run("printers.queues", Category::Printers, printer)]);
        let words = outcome(&r, None, Lang::En);
        assert_eq!(words.headline, i18n::tr(Lang::En, "guided-result-fail"));
        assert_eq!(words.next_step, "Resume the queue.");

        let escalate = end_step(StepKind::Escalate { reason: crate::model::Localized::en("hardware") });
        let fine = report(vec![run("system.disk", Category::System, Finding::new(Severity::Pass, "Disk", "ok"))]);
        let words = outcome(&fine, Some((EndKind::Escalate, &escalate)), Lang::Da);
        assert_eq!(words.headline, "Det her skal din tekniker se på.");
        assert_eq!(words.severity, Some(Severity::Warn), "an escalation is never shown as a pass");
        assert_eq!(words.next_step, i18n::tr(Lang::Da, "guided-next-technician"));

        let solved = end_step(StepKind::Resolved { resolution: crate::model::Localized::en("paper") });
        let words = outcome(&r, Some((EndKind::Resolved, &solved)), Lang::En);
        assert_eq!(words.severity, Some(Severity::Pass));
        assert_eq!(words.headline, i18n::tr(Lang::En, "guided-result-solved"));

        let words = outcome(&report(Vec::new()), None, Lang::Da);
        assert_eq!(words.severity, None);
        assert_eq!(words.headline, i18n::tr(Lang::Da, "guided-result-nothing"));
        assert_eq!(words.next_step, i18n::tr(Lang::Da, "guided-next-code"));
    }
}
