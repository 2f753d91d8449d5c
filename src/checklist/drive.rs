//! Walking a checklist without a window: answers come from an answers file (step id →
//! answer) or, where it has none, from whoever drives (a terminal prompt); automatic steps
//! run their checks for real. Used by `deskcheck checklist` and the tests.

use std::collections::{HashMap, VecDeque};

use serde::Deserialize;
use toml::Spanned;

use super::parse::ChecklistError;
use super::walk::{Answer, ProbeResult, Walk};
use crate::checks::printers::{Approval, takes_approval};
use crate::config::line_column;
use crate::model::{CheckRun, Checklist, Step, StepKind};
use crate::t;

/// How often one step may come round before the walk is called a loop (a single answer
/// in an answers file is given on every visit).
const MAX_VISITS: usize = 12;

/// Answers by step id: one answer for every visit, or a list with one answer per visit
/// (for "try again" loops) that stops the walk when the step comes round once more.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    by_step: HashMap<String, Given>,
    /// Where they came from, for messages.
    pub source: String,
}

/// What the file says for one step.
#[derive(Debug, Clone)]
enum Given {
    /// `step = "yes"`: the same answer on every visit.
    Every(String),
    /// `step = ["no", "yes"]`: the answers still to give, and how many the list had.
    InTurn { left: VecDeque<String>, listed: usize },
}

/// The file's answer for the step's next visit.
enum Next {
    Answer(String),
    /// The step's list has been used up: the file says nothing about this visit.
    RanOut {
        listed: usize,
    },
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Value {
    One(String),
    Many(Vec<String>),
}

impl Answers {
    pub fn empty(source: impl Into<String>) -> Self {
        Self { by_step: HashMap::new(), source: source.into() }
    }

    /// Parses `step_id = "answer"` lines, checking each against the checklist: an unknown
    /// step or an answer the step cannot take is an error with file:line:column.
    pub fn parse(text: &str, file: &str, checklist: &Checklist) -> Result<Answers, ChecklistError> {
        let err = |offset: usize, message: String| {
            let (line, column) = line_column(text, offset);
            ChecklistError { file: file.to_string(), line, column, message }
        };
        let table: HashMap<String, Spanned<Value>> = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| s.start).unwrap_or(0);
            err(at, e.message().trim().to_string())
        })?;
        let mut by_step = HashMap::new();
        for (id, value) in table {
            let at = value.span().start;
            let Some(step) = checklist.step(&id) else {
                return Err(err(at, format!("checklist '{}' has no step '{id}'", checklist.id)));
            };
            let (list, many) = match value.into_inner() {
                Value::One(s) => (vec![s], false),
                Value::Many(v) => (v, true),
            };
            if list.is_empty() {
                return Err(err(at, format!("step '{id}' has an empty list; give at least one answer")));
            }
            for answer in &list {
                // The cancel and restart steps take the user's approval of what they show
                // (job ids, "all"/"yes", "none"/"no").
                if let StepKind::Automatic { probe, .. } = &step.kind
                    && takes_approval(probe)
                    && !answer.eq_ignore_ascii_case("skip")
                {
                    Approval::parse(answer).map_err(|m| err(at, format!("step '{id}': {m}")))?;
                    continue;
                }
                if matches!(step.kind, StepKind::Automatic { .. }) && !answer.eq_ignore_ascii_case("skip") {
                    return Err(err(
                        at,
                        format!("step '{id}' runs its check by itself; the only answer it takes is \"skip\""),
                    ));
                }
                to_answer(step, answer).map_err(|m| err(at, m))?;
            }
            let given = match (many, list.first()) {
                (false, Some(one)) => Given::Every(one.clone()),
                _ => Given::InTurn { listed: list.len(), left: list.into() },
            };
            by_step.insert(id, given);
        }
        Ok(Answers { by_step, source: file.to_string() })
    }

    /// The approval for a step that asks for one (the cancel step), unless its answer is "skip",
    /// which the walk takes as usual. Taken, not peeked: an approval is given once, and an
    /// emptied entry is removed, so the walk runs the step instead of saying its answers ran out.
    pub fn take_approval(&mut self, step: &str) -> Option<String> {
        let taken = match self.by_step.get_mut(step)? {
            Given::Every(a) if a.eq_ignore_ascii_case("skip") => return None,
            Given::Every(a) => a.clone(),
            Given::InTurn { left, .. } if left.front().is_none_or(|a| a.eq_ignore_ascii_case("skip")) => return None,
            Given::InTurn { left, .. } => left.pop_front()?,
        };
        if matches!(self.by_step.get(step), Some(Given::Every(_)))
            || matches!(self.by_step.get(step), Some(Given::InTurn { left, .. }) if left.is_empty())
        {
            self.by_step.remove(step);
        }
        Some(taken)
    }

    /// The next answer for a step: a single answer every time, a list's items in turn and
    /// then nothing more — never a made-up repeat of the last one.
    fn next_for(&mut self, step: &str) -> Option<Next> {
        Some(match self.by_step.get_mut(step)? {
            Given::Every(answer) => Next::Answer(answer.clone()),
            Given::InTurn { left, listed } => match left.pop_front() {
                Some(answer) => Next::Answer(answer),
                None => Next::RanOut { listed: *listed },
            },
        })
    }
}

/// An answer in words ("yes", "It didn't work", an option's label or number, free text)
/// as the step takes it.
pub fn to_answer(step: &Step, text: &str) -> Result<Answer, String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if lower == "skip" {
        return Ok(Answer::Skip);
    }
    let bad = |expect: &str| format!("step '{}' takes {expect}, not \"{t}\"", step.id);
    match &step.kind {
        StepKind::YesNo { .. } => match lower.as_str() {
            "yes" | "y" | "true" => Ok(Answer::Yes),
            "no" | "n" | "false" => Ok(Answer::No),
            _ => Err(bad("\"yes\", \"no\" or \"skip\"")),
        },
        StepKind::Instruction { .. } | StepKind::Tool { .. } => match lower.as_str() {
            "done" | "ok" | "yes" | "works" | "it works" => Ok(Answer::Done),
            "failed" | "no" | "didn't work" | "it didn't work" | "doesn't work" | "it doesn't work" => {
                Ok(Answer::Failed)
            }
            _ => Err(bad("\"done\", \"failed\" or \"skip\"")),
        },
        StepKind::Choice { options } => {
            if let Ok(n) = t.parse::<usize>()
                && (1..=options.len()).contains(&n)
            {
                return Ok(Answer::Choice(n - 1));
            }
            // The option's id or its label in either language: an answers file written for
            // one language works in the other.
            let matches = |o: &crate::model::ChoiceOption| {
                o.id.eq_ignore_ascii_case(t)
                    || o.label.en.eq_ignore_ascii_case(t)
                    || o.label.da.as_deref().is_some_and(|d| d.to_lowercase() == t.to_lowercase())
            };
            options.iter().position(matches).map(Answer::Choice).ok_or_else(|| {
                let labels: Vec<String> = options.iter().map(|o| format!("\"{}\"", o.id)).collect();
                bad(&format!("one of {} (or its number)", labels.join(", ")))
            })
        }
        StepKind::Text { .. } => Ok(Answer::Text(t.to_string())),
        StepKind::Automatic { .. } => Err(bad("no typed answer (it runs a check)")),
        StepKind::Resolved { .. } | StepKind::Escalate { .. } => Err(bad("no answer (it is an end step)")),
    }
}

/// What the driver's prompt handed back.
pub enum Reply {
    Answer(Answer),
    Back,
}

/// The hooks a headless walk needs.
pub struct Hooks<'a> {
    /// Runs one check by id, to its end (with its own timeout).
    pub probe: &'a mut dyn FnMut(&str) -> CheckRun,
    /// Asks for an answer the file does not have; `None` stops the walk.
    pub ask: &'a mut dyn FnMut(&Walk) -> Option<Reply>,
    /// Told about each step as it is answered (progress on stderr).
    pub answered: &'a mut dyn FnMut(&Walk),
}

/// Walks to an end step (or stops), returning the check runs of the automatic steps.
pub fn drive(walk: &mut Walk, answers: &mut Answers, hooks: Hooks) -> Vec<CheckRun> {
    let mut runs = Vec::new();
    let mut visits: HashMap<String, usize> = HashMap::new();
    while !walk.is_finished() {
        let step = walk.current().clone();
        let n = visits.entry(step.id.clone()).or_default();
        *n += 1;
        if *n > MAX_VISITS {
            walk.abandon(t!("checklists-stop-loop", step = step.id.as_str()));
            break;
        }
        let given = match answers.next_for(&step.id) {
            Some(Next::Answer(text)) => Some(text),
            Some(Next::RanOut { listed }) => {
                let visit = *n;
                walk.abandon(t!(
                    "checklists-stop-ran-out",
                    step = step.id.as_str(),
                    file = answers.source.as_str(),
                    listed = listed,
                    visit = visit
                ));
                break;
            }
            None => None,
        };
        let reply = match (&step.kind, given) {
            (_, Some(text)) => match to_answer(&step, &text) {
                Ok(a) => Reply::Answer(a),
                // Answers were checked when the file was read; this is only reachable from code.
                Err(message) => {
                    walk.abandon(message);
                    break;
                }
            },
            (StepKind::Automatic { probe, .. }, None) => {
                let run = (hooks.probe)(probe);
                let result = ProbeResult::from_run(&run);
                runs.push(run);
                Reply::Answer(Answer::Probe(result))
            }
            (_, None) => match (hooks.ask)(walk) {
                Some(reply) => reply,
                None => {
                    walk.abandon(t!(
                        "checklists-stop-no-answer",
                        step = step.id.as_str(),
                        file = answers.source.as_str()
                    ));
                    break;
                }
            },
        };
        match reply {
            Reply::Back => {
                walk.back();
            }
            Reply::Answer(a) => {
                if let Err(err) = walk.answer(a) {
                    walk.abandon(err.to_string());
                    break;
                }
                (hooks.answered)(walk);
            }
        }
    }
    runs
}
