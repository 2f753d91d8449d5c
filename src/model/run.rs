//! One check's run: whether it could run (`Outcome`) and what it found (`Finding`s).

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a check FOUND. Ordered from good to bad so `max()` gives the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Pass,
    Info,
    Warn,
    Fail,
}

impl Severity {
    /// The word shown next to the icon; status is never shown by colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Pass => "PASS",
            Severity::Info => "INFO",
            Severity::Warn => "WARN",
            Severity::Fail => "FAIL",
        }
    }

    /// A plain-text icon that survives black-and-white printing and any font.
    pub fn icon(self) -> &'static str {
        match self {
            Severity::Pass => "✔",
            Severity::Info => "ℹ",
            Severity::Warn => "⚠",
            Severity::Fail => "✖",
        }
    }
}

/// Whether a check could RUN, independent of what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Completed,
    Skipped {
        reason: String,
    },
    TimedOut {
        after_ms: u64,
    },
    Errored {
        message: String,
    },
    /// The hardware or OS feature does not exist here: "not available on this system", never a failure.
    Unsupported {
        reason: String,
    },
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Skipped { .. } => "skipped",
            Outcome::TimedOut { .. } => "timed out",
            Outcome::Errored { .. } => "error",
            Outcome::Unsupported { .. } => "not available on this system",
        }
    }

    /// The reason or message carried by the outcome, if any.
    pub fn reason(&self) -> Option<String> {
        match self {
            Outcome::Completed => None,
            Outcome::Skipped { reason } | Outcome::Unsupported { reason } => Some(reason.clone()),
            Outcome::TimedOut { after_ms } => Some(format!("no answer within {after_ms} ms")),
            Outcome::Errored { message } => Some(message.clone()),
        }
    }
}

/// The area a check belongs to; also the unit of `deskcheck run --only`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Network,
    Printers,
    Displays,
    Peripherals,
    System,
}

impl Category {
    pub const ALL: [Category; 5] =
        [Category::Network, Category::Printers, Category::Displays, Category::Peripherals, Category::System];

    pub fn key(self) -> &'static str {
        match self {
            Category::Network => "network",
            Category::Printers => "printers",
            Category::Displays => "displays",
            Category::Peripherals => "peripherals",
            Category::System => "system",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Category::Network => "Network",
            Category::Printers => "Printers",
            Category::Displays => "Displays",
            Category::Peripherals => "Peripherals",
            Category::System => "System",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key.trim().to_ascii_lowercase())
    }
}

/// A fact a finding rests on, shown to technicians: "Free space: 3.1 GiB of 240 GiB".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub label: String,
    pub value: String,
}

impl Evidence {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self { label: label.into(), value: value.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub severity: Severity,
    pub title: String,
    /// Plain words for the user.
    pub summary: String,
    /// More for technicians.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step: Option<String>,
}

impl Finding {
    pub fn new(severity: Severity, title: impl Into<String>, summary: impl Into<String>) -> Self {
        Self {
            severity,
            title: title.into(),
            summary: summary.into(),
            detail: None,
            evidence: Vec::new(),
            next_step: None,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn evidence(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.evidence.push(Evidence::new(label, value));
        self
    }

    pub fn next_step(mut self, step: impl Into<String>) -> Self {
        self.next_step = Some(step.into());
        self
    }
}

/// Raw evidence a check collected (a lease file, IPP attributes, an EDID blob).
/// Stored in the bundle as `raw/<check-id>/<name>`; the report only lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    pub name: String,
    pub size: u64,
    /// Text attachments are redacted like everything else; binary ones are kept as they are.
    pub is_text: bool,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl Attachment {
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let bytes = text.into().into_bytes();
        Self { name: name.into(), size: bytes.len() as u64, is_text: true, bytes }
    }

    pub fn binary(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self { name: name.into(), size: bytes.len() as u64, is_text: false, bytes }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CheckRun {
    /// Stable id such as `net.dns.resolve`.
    pub id: String,
    pub title: String,
    pub category: Category,
    pub outcome: Outcome,
    #[serde(default)]
    pub findings: Vec<Finding>,
    pub started_at: DateTime<Utc>,
    pub duration_ms: u64,
    /// The check's structured results, typed per check, for machines reading the JSON.
    /// Always an object (a list is `{"items": [...]}`, see `ListData`), or absent.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    #[schemars(with = "serde_json::Map<String, serde_json::Value>")]
    pub data: serde_json::Value,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl CheckRun {
    /// A run that could not start (no such check, the engine would not start): an error, no findings.
    pub fn errored(id: &str, category: Category, message: impl Into<String>) -> Self {
        Self {
            id: id.to_string(),
            title: id.to_string(),
            category,
            outcome: Outcome::Errored { message: message.into() },
            findings: Vec::new(),
            started_at: Utc::now(),
            duration_ms: 0,
            data: serde_json::Value::Null,
            attachments: Vec::new(),
        }
    }

    /// The worst thing this run says. A run that could not finish is a warning:
    /// something could not be checked. Skipped and unsupported runs say nothing.
    pub fn severity(&self) -> Option<Severity> {
        match &self.outcome {
            Outcome::Completed => self.findings.iter().map(|f| f.severity).max(),
            Outcome::TimedOut { .. } | Outcome::Errored { .. } => Some(Severity::Warn),
            Outcome::Skipped { .. } | Outcome::Unsupported { .. } => None,
        }
    }
}
