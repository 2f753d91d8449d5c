//! One walk through a checklist: where the user is, how they got there, Back and Skip,
//! and the transcript and findings it leaves. Pure state: the GUI and the headless
//! driver feed it answers; probes and testers run elsewhere and hand their results in.

use std::collections::{HashSet, VecDeque};

use chrono::{DateTime, Utc};

use crate::i18n::{self, Lang};
use crate::model::{
    CheckRun, Checklist, ChecklistEnd, ChecklistTranscript, EndKind, Finding, Outcome, Severity, Step, StepKind,
    ToolReport, TranscriptEntry,
};
use crate::{msg, t};

/// What the user (or an automatic step) answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Yes,
    No,
    /// "Done" on an instruction, "It works" on a tester.
    Done,
    /// "It didn't work".
    Failed,
    /// The option's index.
    Choice(usize),
    Text(String),
    /// An automatic step's check finished.
    Probe(ProbeResult),
    /// A tester was finished.
    Tool(ToolReport),
    Skip,
}

/// How an automatic step's check came out, as far as branching goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbeVerdict {
    /// Nothing worse than Info.
    Pass,
    /// A warning or failure, or the check could not finish.
    Fail,
    /// Not available on this system.
    Unsupported,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProbeResult {
    pub check_id: String,
    pub verdict: ProbeVerdict,
    /// The worst finding's summary, or why the check could not run, in this thread's language.
    pub summary: String,
}

impl ProbeResult {
    pub fn from_run(run: &CheckRun) -> Self {
        let lang = i18n::current();
        let verdict = match (&run.outcome, run.severity()) {
            (Outcome::Unsupported { .. }, _) => ProbeVerdict::Unsupported,
            (Outcome::Completed, None | Some(Severity::Pass | Severity::Info)) => ProbeVerdict::Pass,
            _ => ProbeVerdict::Fail,
        };
        let worst = run.findings.iter().rev().max_by_key(|f| f.severity);
        let summary = match (run.outcome.reason_in(lang), worst) {
            (Some(reason), _) => reason,
            (None, Some(f)) => f.summary_in(lang),
            (None, None) => i18n::tr(lang, "checklists-nothing-to-report"),
        };
        Self { check_id: run.id.clone(), verdict, summary }
    }
}

/// Where an answer leads, its key, its words, and the check run or tester report it carries.
type Branch = (String, String, String, Option<String>, Option<ToolReport>);

/// Why an answer could not be taken. Shown to the user (and kept as the reason a walk
/// stopped), so it is worded in this thread's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkError {
    Ended,
    WrongAnswer { step: String, kind: &'static str, answer: String },
    NoSuchOption { step: String, index: usize },
    MissingStep(String),
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            WalkError::Ended => t!("checklists-walk-ended"),
            WalkError::WrongAnswer { step, kind, answer } => {
                t!("checklists-walk-wrong-answer", step = step, kind = *kind, answer = answer)
            }
            WalkError::NoSuchOption { step, index } => t!("checklists-walk-no-option", step = step, index = *index),
            WalkError::MissingStep(step) => t!("checklists-walk-missing-step", step = step),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for WalkError {}

pub struct Walk {
    checklist: Checklist,
    started_at: DateTime<Utc>,
    /// The step ids of the final path; the last one is where the user is.
    path: Vec<String>,
    /// For each step on the path but the last, the transcript entry that left it.
    left_by: Vec<usize>,
    entries: Vec<TranscriptEntry>,
    abandoned: Option<String>,
    /// The language the user reads: this thread's when the walk last moved.
    lang: Lang,
}

impl Walk {
    /// Starts at the checklist's first step. (`parse` guarantees the start exists.)
    pub fn new(checklist: Checklist) -> Self {
        let start = checklist.start.clone();
        Self {
            checklist,
            started_at: Utc::now(),
            path: vec![start],
            left_by: Vec::new(),
            entries: Vec::new(),
            abandoned: None,
            lang: i18n::current(),
        }
    }

    /// The language the transcript and the walk's findings are written in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    pub fn current(&self) -> &Step {
        let id = self.path.last().map(String::as_str).unwrap_or(&self.checklist.start);
        // Every id on the path came from a validated branch, so the lookup cannot miss;
        // the first step stands in rather than panicking if it ever did.
        self.checklist.step(id).unwrap_or(&self.checklist.steps[0])
    }

    /// At a resolved or escalate step (or abandoned).
    pub fn is_finished(&self) -> bool {
        self.abandoned.is_some() || self.current().kind.is_end()
    }

    pub fn can_go_back(&self) -> bool {
        self.path.len() > 1 && self.abandoned.is_none()
    }

    /// Steps taken on the current path, the current one counted.
    pub fn depth(&self) -> usize {
        self.path.len()
    }

    /// "Step N of M": N is this step's place on the path, M that plus the fewest steps from
    /// here to a "resolved" end (to any end where none is reachable) — the usual way through,
    /// so a user who takes a detour sees the count grow honestly instead of a worst case.
    pub fn position(&self) -> (usize, usize) {
        let n = self.path.len();
        (n, n + steps_to_end(&self.checklist, &self.current().id))
    }

    pub fn entries(&self) -> &[TranscriptEntry] {
        &self.entries
    }

    /// Applies an answer to the current step and moves on.
    pub fn answer(&mut self, answer: Answer) -> Result<(), WalkError> {
        if self.is_finished() {
            return Err(WalkError::Ended);
        }
        self.lang = i18n::current();
        let step = self.current().clone();
        let (next, key, words, check, tool) = self.branch(&step, &answer)?;
        if self.checklist.step(&next).is_none() {
            return Err(WalkError::MissingStep(next));
        }
        self.entries.push(TranscriptEntry {
            at: Utc::now(),
            step: step.id.clone(),
            kind: step.kind.key().to_string(),
            question: step.text.get(self.lang).to_string(),
            answer: words,
            key,
            check,
            tool,
            retracted: false,
        });
        self.left_by.push(self.entries.len() - 1);
        self.path.push(next);
        Ok(())
    }

    /// Goes back one step; the answer that left it stays in the transcript, marked retracted.
    pub fn back(&mut self) -> bool {
        if !self.can_go_back() {
            return false;
        }
        self.lang = i18n::current();
        let from = self.current().clone();
        self.path.pop();
        if let Some(i) = self.left_by.pop()
            && let Some(e) = self.entries.get_mut(i)
        {
            e.retracted = true;
        }
        self.entries.push(TranscriptEntry {
            at: Utc::now(),
            step: from.id.clone(),
            kind: from.kind.key().to_string(),
            question: from.text.get(self.lang).to_string(),
            answer: i18n::tr(self.lang, "checklists-answer-went-back"),
            key: "back".into(),
            check: None,
            tool: None,
            retracted: true,
        });
        true
    }

    /// Stops the walk before an end step (the window was closed, an answer was missing).
    pub fn abandon(&mut self, why: impl Into<String>) {
        if !self.current().kind.is_end() && self.abandoned.is_none() {
            self.abandoned = Some(why.into());
        }
    }

    /// Where the answer leads, its stable key, the words for the transcript (in the walk's
    /// language), and the check run or tester report it carries.
    fn branch(&self, step: &Step, answer: &Answer) -> Result<Branch, WalkError> {
        let lang = self.lang;
        let wrong =
            || WalkError::WrongAnswer { step: step.id.clone(), kind: step.kind.key(), answer: answer_label(answer) };
        let plain = |next: &String, key: &str, id: &str| -> Branch {
            (next.clone(), key.to_string(), i18n::tr(lang, id), None, None)
        };
        if let Answer::Skip = answer {
            let forward = step.kind.targets().first().map(|s| s.to_string());
            let next = step.skip.clone().or(forward).ok_or_else(wrong)?;
            return Ok(plain(&next, "skip", "checklists-answer-skipped"));
        }
        Ok(match (&step.kind, answer) {
            (StepKind::YesNo { yes, .. }, Answer::Yes) => plain(yes, "yes", "checklists-answer-yes"),
            (StepKind::YesNo { no, .. }, Answer::No) => plain(no, "no", "checklists-answer-no"),
            (StepKind::Instruction { done, .. }, Answer::Done) => plain(done, "done", "checklists-answer-done"),
            (StepKind::Instruction { failed, .. }, Answer::Failed) => {
                plain(failed, "failed", "checklists-answer-failed")
            }
            (StepKind::Choice { options }, Answer::Choice(i)) => {
                let o = options.get(*i).ok_or(WalkError::NoSuchOption { step: step.id.clone(), index: *i })?;
                (o.next.clone(), o.id.clone(), o.label.get(lang).to_string(), None, None)
            }
            (StepKind::Text { next }, Answer::Text(t)) => {
                let words =
                    if t.trim().is_empty() { i18n::tr(lang, "checklists-answer-empty") } else { t.trim().to_string() };
                (next.clone(), "text".into(), words, None, None)
            }
            (StepKind::Automatic { pass, fail, unsupported, .. }, Answer::Probe(p)) => {
                let summary = p.summary.as_str();
                let (next, key, words) = match p.verdict {
                    ProbeVerdict::Pass => (pass, "pass", msg!("checklists-probe-passed", summary = summary)),
                    ProbeVerdict::Fail => (fail, "fail", msg!("checklists-probe-problem", summary = summary)),
                    ProbeVerdict::Unsupported => (
                        unsupported.as_ref().unwrap_or(fail),
                        "unsupported",
                        msg!("checklists-probe-unsupported", summary = summary),
                    ),
                };
                (next.clone(), key.into(), i18n::text(lang, &words), Some(p.check_id.clone()), None)
            }
            (StepKind::Tool { done, failed, .. }, Answer::Tool(r)) => {
                let summary = r.summary.as_str();
                let (next, key, words) = if r.works {
                    (done, "done", msg!("checklists-tool-works-because", summary = summary))
                } else {
                    (failed, "failed", msg!("checklists-tool-broken-because", summary = summary))
                };
                (next.clone(), key.into(), i18n::text(lang, &words), None, Some(r.clone()))
            }
            (StepKind::Tool { done, .. }, Answer::Done) => plain(done, "done", "checklists-tool-works"),
            (StepKind::Tool { failed, .. }, Answer::Failed) => plain(failed, "failed", "checklists-tool-broken"),
            _ => return Err(wrong()),
        })
    }

    /// How the walk stands or ended.
    pub fn end(&self) -> ChecklistEnd {
        let step = self.current();
        match (&step.kind, &self.abandoned) {
            (_, Some(why)) => ChecklistEnd { kind: EndKind::Abandoned, step: step.id.clone(), text: why.clone() },
            (StepKind::Resolved { resolution }, None) => ChecklistEnd {
                kind: EndKind::Resolved,
                step: step.id.clone(),
                text: resolution.get(self.lang).to_string(),
            },
            (StepKind::Escalate { reason }, None) => {
                ChecklistEnd { kind: EndKind::Escalate, step: step.id.clone(), text: reason.get(self.lang).to_string() }
            }
            _ => ChecklistEnd {
                kind: EndKind::Abandoned,
                step: step.id.clone(),
                text: i18n::text(self.lang, &msg!("checklists-left-at-step", step = step.id.as_str())),
            },
        }
    }

    pub fn transcript(&self) -> ChecklistTranscript {
        ChecklistTranscript {
            id: self.checklist.id.clone(),
            title: self.checklist.title.get(self.lang).to_string(),
            lang: self.lang,
            area: self.checklist.area,
            source: self.checklist.source.clone(),
            started_at: self.started_at,
            finished_at: Utc::now(),
            end: self.end(),
            entries: self.entries.clone(),
        }
    }

    /// The findings the walk's answers turn into: recorded answers, testers' findings,
    /// skipped steps, and the end state (with `support` as the escalation contact).
    /// The checklist file's own texts are in the walk's language (what the user read);
    /// deskcheck's words are messages every reader shows in its own language.
    pub fn findings(&self, support: Option<&str>) -> Vec<Finding> {
        let lang = self.lang;
        let mut out = Vec::new();
        for e in self.entries.iter().filter(|e| !e.retracted) {
            let Some(step) = self.checklist.step(&e.step) else { continue };
            let text = step.text.get(lang);
            for r in step.records.iter().filter(|r| r.answer.eq_ignore_ascii_case(&e.key)) {
                out.push(
                    Finding::new(r.severity, short(text), r.summary.get(lang))
                        .evidence("Asked", text)
                        .evidence("Answer", e.answer.clone()),
                );
            }
            if e.key == "skip" && step.records.iter().all(|r| r.answer != "skip") {
                out.push(
                    Finding::msg(Severity::Info, msg!("checklists-step-skipped", title = short(text)))
                        .evidence("Step", step.id.clone()),
                );
            }
            if let Some(tool) = &e.tool {
                out.extend(tool.findings.iter().cloned());
            }
        }
        let end = self.end();
        let title = self.checklist.title.get(lang);
        let text = end.text.as_str();
        out.push(match end.kind {
            EndKind::Resolved => {
                Finding::msg(Severity::Pass, msg!("checklists-solved", text = text)).evidence("Checklist", title)
            }
            EndKind::Escalate => {
                let m = match support {
                    Some(contact) => msg!("checklists-needs-technician-contact", text = text, contact = contact),
                    None => msg!("checklists-needs-technician", text = text),
                };
                Finding::msg(Severity::Fail, m).evidence("Checklist", title)
            }
            EndKind::Abandoned => Finding::msg(Severity::Warn, msg!("checklists-not-finished", text = text)),
        });
        out
    }

    /// The walk as a check run, so it sits with the probes in the report and the bundle.
    pub fn check_run(&self, support: Option<&str>) -> CheckRun {
        let t = self.transcript();
        let duration_ms = (t.finished_at - t.started_at).num_milliseconds().max(0) as u64;
        CheckRun {
            id: run_id(&self.checklist.id),
            title: i18n::text(self.lang, &msg!("checklists-run-title", title = self.checklist.title.get(self.lang))),
            category: self.checklist.area,
            outcome: Outcome::Completed,
            findings: self.findings(support),
            started_at: t.started_at,
            duration_ms,
            data: serde_json::json!({ "checklist": t.id, "end": t.end, "steps_answered": t.entries.iter().filter(|e| !e.retracted).count() }),
            attachments: vec![crate::model::Attachment::text("transcript.txt", transcript_text(&t))],
        }
    }
}

/// The report run id of a checklist: `checklist.<id>`.
pub fn run_id(checklist_id: &str) -> String {
    format!("checklist.{checklist_id}")
}

/// The transcript as plain text, one answer per line, for `raw/` and for pasting.
pub fn transcript_text(t: &ChecklistTranscript) -> String {
    let lang = t.lang;
    let from = i18n::text(lang, &msg!("checklists-from", source = &t.source));
    let taken_back = i18n::tr(lang, "checklists-taken-back");
    let end =
        i18n::text(lang, &msg!("checklists-transcript-end", kind = t.end.kind.label_in(lang), text = &t.end.text));
    let mut lines = vec![format!("{} ({}, {from})", t.title, t.id)];
    for e in &t.entries {
        let mark = if e.retracted { format!(" ({taken_back})") } else { String::new() };
        lines.push(format!("{}  [{}] {}", e.at.format("%Y-%m-%d %H:%M:%S UTC"), e.step, e.question));
        lines.push(format!("    → {}{mark}", e.answer));
    }
    lines.push(end);
    // Line ends pushed as chars: a "\n" literal would hide the message ids around it
    // from the completeness test, which reads string literals without escapes.
    let mut s = String::new();
    for line in lines {
        s.push_str(&line);
        s.push('\n');
    }
    s
}

fn answer_label(a: &Answer) -> String {
    match a {
        Answer::Yes => "yes".into(),
        Answer::No => "no".into(),
        Answer::Done => "done".into(),
        Answer::Failed => "failed".into(),
        Answer::Choice(i) => format!("option {}", i + 1),
        Answer::Text(_) => "text".into(),
        Answer::Probe(_) => "a probe result".into(),
        Answer::Tool(_) => "a tester's report".into(),
        Answer::Skip => "skip".into(),
    }
}

fn short(text: &str) -> String {
    let first = text.split(['.', '?', '\n']).next().unwrap_or(text).trim();
    let mut s: String = first.chars().take(70).collect();
    if first.chars().count() > 70 {
        s.push('…');
    }
    s
}

/// The fewest branches from `id` to a resolved step, else to any end step (breadth-first).
fn steps_to_end(c: &Checklist, id: &str) -> usize {
    let distance = |is_goal: &dyn Fn(&Step) -> bool| -> Option<usize> {
        let mut seen: HashSet<&str> = HashSet::from([id]);
        let mut queue = VecDeque::from([(id, 0usize)]);
        while let Some((at, d)) = queue.pop_front() {
            let step = c.step(at)?;
            if is_goal(step) {
                return Some(d);
            }
            for t in step.kind.targets() {
                if seen.insert(t) {
                    queue.push_back((t, d + 1));
                }
            }
        }
        None
    };
    distance(&|s| matches!(s.kind, StepKind::Resolved { .. })).or_else(|| distance(&|s| s.kind.is_end())).unwrap_or(0)
}
