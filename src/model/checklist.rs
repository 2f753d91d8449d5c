//! Guided checklists as data: a checklist is a graph of steps joined by step ids, and a
//! walk through it leaves a transcript of every answer with its time.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Category, Severity, ToolReport};
use crate::i18n::Lang;

/// A text a checklist file gives in English and, optionally, in Danish. A file written in
/// one language (an IT department's own list) stays valid: Danish readers see the English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Localized {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub da: Option<String>,
}

impl Localized {
    /// English only.
    pub fn en(text: impl Into<String>) -> Self {
        Self { en: text.into(), da: None }
    }

    pub fn with_da(mut self, text: impl Into<String>) -> Self {
        self.da = Some(text.into());
        self
    }

    /// The text in `lang`, English where the file gives no translation.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Da => self.da.as_deref().unwrap_or(&self.en),
        }
    }
}

/// One guided checklist ("The printer doesn't print").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Checklist {
    /// Stable id, the name `deskcheck checklist NAME` takes: "printer".
    pub id: String,
    pub title: Localized,
    /// One sentence shown in the list of checklists.
    pub description: Localized,
    pub area: Category,
    /// Where the checklist came from: "built-in" or the file's path.
    pub source: String,
    /// The first step's id.
    pub start: String,
    pub steps: Vec<Step>,
}

impl Checklist {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Where a text the user reads has no Danish ("title", "step 'power' text", …): the
    /// built-in checklists must have none.
    pub fn untranslated(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |what: String, text: &Localized| {
            if text.da.as_deref().is_none_or(|d| d.trim().is_empty()) && !text.en.is_empty() {
                out.push(what);
            }
        };
        check("title".into(), &self.title);
        check("description".into(), &self.description);
        for s in &self.steps {
            check(format!("step '{}' text", s.id), &s.text);
            if let Some(help) = &s.help {
                check(format!("step '{}' help", s.id), help);
            }
            for r in &s.records {
                check(format!("step '{}' record '{}'", s.id, r.answer), &r.summary);
            }
            match &s.kind {
                StepKind::Choice { options } => {
                    for o in options {
                        check(format!("step '{}' option '{}'", s.id, o.id), &o.label);
                    }
                }
                StepKind::Resolved { resolution: t } | StepKind::Escalate { reason: t } => {
                    check(format!("step '{}' end text", s.id), t);
                }
                _ => {}
            }
        }
        out
    }
}

/// One screen: a question, an instruction, a probe or a tester, or an end state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Step {
    pub id: String,
    /// What the user reads: a plain question or instruction in "you" wording.
    pub text: Localized,
    /// More explanation, shown smaller under the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Localized>,
    pub kind: StepKind,
    /// Where "Skip" goes (defaults to the step's forward branch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip: Option<String>,
    /// Findings that particular answers turn into, by answer key ("yes", "no", "done",
    /// "failed", "pass", "fail", "skip", an option's id, "text").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<Record>,
}

/// A finding an answer turns into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    pub answer: String,
    pub severity: Severity,
    pub summary: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepKind {
    /// Something to do: "Done" or "It didn't work".
    Instruction {
        done: String,
        failed: String,
    },
    YesNo {
        yes: String,
        no: String,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// A free-text answer ("Type the message on the printer's panel").
    Text {
        next: String,
    },
    /// Runs a check and branches on what it found (Pass/Info → pass, Warn/Fail or could not run → fail).
    Automatic {
        probe: String,
        pass: String,
        fail: String,
        /// Where to go when the check is not available on this system (defaults to `fail`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unsupported: Option<String>,
    },
    /// Opens a tester ("keyboard", "mouse", "patterns", "sound"); the user's verdict branches.
    Tool {
        tool: String,
        done: String,
        failed: String,
    },
    /// The problem is solved.
    Resolved {
        resolution: Localized,
    },
    /// A technician must take over.
    Escalate {
        reason: Localized,
    },
}

impl StepKind {
    /// The word used in checklist files for this kind.
    pub fn key(&self) -> &'static str {
        match self {
            StepKind::Instruction { .. } => "instruction",
            StepKind::YesNo { .. } => "yes_no",
            StepKind::Choice { .. } => "choice",
            StepKind::Text { .. } => "text",
            StepKind::Automatic { .. } => "automatic",
            StepKind::Tool { .. } => "tool",
            StepKind::Resolved { .. } => "resolved",
            StepKind::Escalate { .. } => "escalate",
        }
    }

    pub fn is_end(&self) -> bool {
        matches!(self, StepKind::Resolved { .. } | StepKind::Escalate { .. })
    }

    /// Every step id this step can lead to, forward branch first.
    pub fn targets(&self) -> Vec<&str> {
        match self {
            StepKind::Instruction { done, failed } | StepKind::Tool { done, failed, .. } => vec![done, failed],
            StepKind::YesNo { yes, no } => vec![yes, no],
            StepKind::Choice { options } => options.iter().map(|o| o.next.as_str()).collect(),
            StepKind::Text { next } => vec![next],
            StepKind::Automatic { pass, fail, unsupported, .. } => {
                let mut t = vec![pass.as_str(), fail.as_str()];
                t.extend(unsupported.as_deref());
                t
            }
            StepKind::Resolved { .. } | StepKind::Escalate { .. } => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChoiceOption {
    /// The stable key `record` and answers files name; the English label unless the file
    /// gives an `id`. It never changes with the language.
    pub id: String,
    pub label: Localized,
    pub next: String,
}

/// How a walk through a checklist ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EndKind {
    Resolved,
    Escalate,
    /// Left before an end state (closed, or no answer for a step).
    Abandoned,
}

impl EndKind {
    pub fn label(self) -> &'static str {
        match self {
            EndKind::Resolved => "resolved",
            EndKind::Escalate => "escalate",
            EndKind::Abandoned => "not finished",
        }
    }

    pub fn label_in(self, lang: Lang) -> String {
        let id = match self {
            EndKind::Resolved => "checklists-end-resolved",
            EndKind::Escalate => "checklists-end-escalate",
            EndKind::Abandoned => "checklists-end-abandoned",
        };
        crate::i18n::tr(lang, id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChecklistEnd {
    pub kind: EndKind,
    /// The end step's id, or where the walk stopped.
    pub step: String,
    /// The resolution, the reason to escalate, or why the walk stopped.
    pub text: String,
}

/// One answer (or Back) in the order it was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TranscriptEntry {
    pub at: DateTime<Utc>,
    pub step: String,
    pub kind: String,
    /// The step's text as the user saw it, in the transcript's language.
    pub question: String,
    /// The answer in words: "Yes", "It didn't work", "Paper jam", the typed text, "Skipped", "Went back".
    pub answer: String,
    /// The answer's stable key, the same in every language: "yes", "no", "done", "failed",
    /// an option's id, "text", "pass", "fail", "unsupported", "skip", "back".
    #[serde(default)]
    pub key: String,
    /// An automatic step's check run (its findings are in the report's runs under this id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    /// A tester's report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<ToolReport>,
    /// Taken back with Back: kept for the record, not part of the final path.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retracted: bool,
}

/// A finished (or abandoned) walk, as the report keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ChecklistTranscript {
    pub id: String,
    /// The title as shown, in `lang`.
    pub title: String,
    /// The language the walk was shown in: questions, answers and end text are in it.
    #[serde(default)]
    pub lang: Lang,
    pub area: Category,
    pub source: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub end: ChecklistEnd,
    pub entries: Vec<TranscriptEntry>,
}
