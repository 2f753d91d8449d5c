//! One check's run: whether it could run (`Outcome`) and what it found (`Finding`s).

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang, Msg};

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

    /// The status word in `lang` ("PASS", "OK"…), shown beside the icon.
    pub fn label_in(self, lang: Lang) -> String {
        let id = match self {
            Severity::Pass => "common-severity-pass",
            Severity::Info => "common-severity-info",
            Severity::Warn => "common-severity-warn",
            Severity::Fail => "common-severity-fail",
        };
        i18n::tr(lang, id)
    }
}

/// Whether a check could RUN, independent of what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Completed,
    Skipped {
        reason: String,
        /// The reason as a message, so each reader words it in its own language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<Msg>,
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
        #[serde(default, skip_serializing_if = "Option::is_none")]
        msg: Option<Msg>,
    },
}

impl Outcome {
    /// Skipped for a reason worded by a message (its value in English is kept as `reason`).
    pub fn skipped(msg: Msg) -> Self {
        Outcome::Skipped { reason: i18n::text(Lang::En, &msg), msg: Some(msg) }
    }

    /// Not available on this system, for a reason worded by a message.
    pub fn unsupported(msg: Msg) -> Self {
        Outcome::Unsupported { reason: i18n::text(Lang::En, &msg), msg: Some(msg) }
    }

    /// The reason or message in `lang` (raw OS error messages stay as they are).
    pub fn reason_in(&self, lang: Lang) -> Option<String> {
        match self {
            Outcome::Skipped { msg: Some(m), .. } | Outcome::Unsupported { msg: Some(m), .. } => {
                Some(i18n::text(lang, m))
            }
            Outcome::TimedOut { after_ms } => {
                Some(i18n::text(lang, &Msg::new("common-outcome-no-answer-within").arg("ms", *after_ms)))
            }
            _ => self.reason(),
        }
    }

    /// The outcome word in `lang`.
    pub fn label_in(&self, lang: Lang) -> String {
        let id = match self {
            Outcome::Completed => "common-outcome-completed",
            Outcome::Skipped { .. } => "common-outcome-skipped",
            Outcome::TimedOut { .. } => "common-outcome-timed-out",
            Outcome::Errored { .. } => "common-outcome-error",
            Outcome::Unsupported { .. } => "common-outcome-unsupported",
        };
        i18n::tr(lang, id)
    }

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
            Outcome::Skipped { reason, .. } | Outcome::Unsupported { reason, .. } => Some(reason.clone()),
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

    /// The area's name in `lang`.
    pub fn title_in(self, lang: Lang) -> String {
        let id = match self {
            Category::Network => "common-area-network",
            Category::Printers => "common-area-printers",
            Category::Displays => "common-area-displays",
            Category::Peripherals => "common-area-peripherals",
            Category::System => "common-area-system",
        };
        i18n::tr(lang, id)
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
    /// The message the texts above were worded from (in English, for scripts reading the
    /// JSON): its value is the title, its attributes `.summary`, `.detail` and `.next` the
    /// other texts. Readers show it in their own language with the `*_in` methods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<Msg>,
}

impl Finding {
    /// A finding with fixed texts (a name or an OS message that has no translation).
    pub fn new(severity: Severity, title: impl Into<String>, summary: impl Into<String>) -> Self {
        Self {
            severity,
            title: title.into(),
            summary: summary.into(),
            detail: None,
            evidence: Vec::new(),
            next_step: None,
            msg: None,
        }
    }

    /// A finding worded by one message: `msg!("net-link-unplugged", adapter = name)`, whose
    /// value is the title and whose `.summary`, `.detail` and `.next` attributes (those it
    /// has) are the other texts. `.detail(..)`/`.next_step(..)` afterwards set texts the
    /// message does not word (raw OS output).
    pub fn msg(severity: Severity, msg: Msg) -> Self {
        Self {
            severity,
            title: i18n::text(Lang::En, &msg),
            summary: i18n::attr(Lang::En, &msg, "summary").unwrap_or_default(),
            detail: i18n::attr(Lang::En, &msg, "detail"),
            evidence: Vec::new(),
            next_step: i18n::attr(Lang::En, &msg, "next"),
            msg: Some(msg),
        }
    }

    pub fn title_in(&self, lang: Lang) -> String {
        match &self.msg {
            Some(m) => i18n::text(lang, m),
            None => self.title.clone(),
        }
    }

    pub fn summary_in(&self, lang: Lang) -> String {
        self.msg.as_ref().and_then(|m| i18n::attr(lang, m, "summary")).unwrap_or_else(|| self.summary.clone())
    }

    pub fn detail_in(&self, lang: Lang) -> Option<String> {
        self.msg.as_ref().and_then(|m| i18n::attr(lang, m, "detail")).or_else(|| self.detail.clone())
    }

    pub fn next_step_in(&self, lang: Lang) -> Option<String> {
        self.msg.as_ref().and_then(|m| i18n::attr(lang, m, "next")).or_else(|| self.next_step.clone())
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
    /// The check's title in `lang`: the message `check-<id with dots as dashes>`
    /// (`check-net-dns-resolve`), or the English title a check without one carries.
    pub fn title_in(&self, lang: Lang) -> String {
        let id = format!("check-{}", self.id.replace('.', "-"));
        if i18n::exists(&id) { i18n::tr(lang, &id) } else { self.title.clone() }
    }

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
