//! The whole report: metadata, host facts, technician notes, runs and verdict.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang, Msg};

use super::{Category, CheckRun, ChecklistTranscript, Severity};

/// Bumped whenever a field changes meaning or disappears; readers refuse newer majors.
/// One version for every JSON output (report.json and each `--json`).
/// 2: `status` on every output, `data` always an object (lists as `{"items": [...]}`),
/// `schema_version` on `ping`/`trace` output.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ToolInfo {
    pub name: String,
    pub version: String,
}

impl Default for ToolInfo {
    fn default() -> Self {
        Self { name: "deskcheck".into(), version: env!("CARGO_PKG_VERSION").into() }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct HostInfo {
    pub hostname: String,
    pub os_name: String,
    pub os_version: String,
    pub kernel: String,
    pub arch: String,
}

/// Knowledge-centered support shape: the issue in the user's words, the environment,
/// and once known, the resolution and cause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TechnicianNotes {
    #[serde(default)]
    pub issue: String,
    #[serde(default)]
    pub environment: String,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub cause: String,
}

impl TechnicianNotes {
    pub fn is_empty(&self) -> bool {
        self.issue.is_empty() && self.environment.is_empty() && self.resolution.is_empty() && self.cause.is_empty()
    }
}

/// The plain-language answer to "what is wrong", first failing layer wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Verdict {
    pub layer: String,
    pub severity: Severity,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step: Option<String>,
    /// The message the texts were worded from: value = headline, `.technician`, `.next`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<Msg>,
}

impl Verdict {
    pub fn headline_in(&self, lang: Lang) -> String {
        match &self.msg {
            Some(m) => i18n::text(lang, m),
            None => self.headline.clone(),
        }
    }

    pub fn technician_in(&self, lang: Lang) -> Option<String> {
        self.msg.as_ref().and_then(|m| i18n::attr(lang, m, "technician")).or_else(|| self.technician.clone())
    }

    pub fn next_step_in(&self, lang: Lang) -> Option<String> {
        self.msg.as_ref().and_then(|m| i18n::attr(lang, m, "next")).or_else(|| self.next_step.clone())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    pub schema_version: u32,
    pub tool: ToolInfo,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub host: HostInfo,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    #[serde(default)]
    pub notes: TechnicianNotes,
    /// Which redaction profile the saved copy went through ("none" before saving).
    #[serde(default = "default_privacy")]
    pub privacy: String,
    /// Areas asked for that have no checks yet, and similar plain notices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The read-out code of the finished run (`1QX-4MD-2PXK`, see `readout`): the results
    /// a user reads to a technician on the phone. Set when the run finishes and again by the
    /// bundle writer, so it always matches the runs beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readout_code: Option<String>,
    pub runs: Vec<CheckRun>,
    /// Guided checklists walked in this session, each with its transcript.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklists: Vec<ChecklistTranscript>,
}

fn default_privacy() -> String {
    "none".into()
}

impl Report {
    pub fn new(host: HostInfo, started_at: DateTime<Utc>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::default(),
            started_at,
            finished_at: None,
            host,
            ticket: None,
            notes: TechnicianNotes::default(),
            privacy: default_privacy(),
            notices: Vec::new(),
            verdict: None,
            readout_code: None,
            runs: Vec::new(),
            checklists: Vec::new(),
        }
    }

    /// The worst severity over every run (None when nothing said anything).
    pub fn overall(&self) -> Option<Severity> {
        self.runs.iter().filter_map(CheckRun::severity).max()
    }

    /// Worst severity of one area's runs.
    pub fn area_severity(&self, category: Category) -> Option<Severity> {
        self.runs.iter().filter(|r| r.category == category).filter_map(CheckRun::severity).max()
    }

    /// Exit code in the monitoring-plugin convention: 0 OK, 1 warning, 2 failure.
    /// (3, "could not run", is decided by the caller before there is a report.)
    pub fn exit_code(&self) -> i32 {
        match self.overall() {
            Some(Severity::Fail) => 2,
            Some(Severity::Warn) => 1,
            _ => 0,
        }
    }

    /// Counts of runs per outcome kind, for headers: (pass, info, warn, fail, not run).
    pub fn counts(&self) -> RunCounts {
        let mut c = RunCounts::default();
        for run in &self.runs {
            match run.severity() {
                Some(Severity::Pass) => c.pass += 1,
                Some(Severity::Info) => c.info += 1,
                Some(Severity::Warn) => c.warn += 1,
                Some(Severity::Fail) => c.fail += 1,
                None => c.not_run += 1,
            }
        }
        c
    }

    /// The counts as message `id`, whose arguments are `count` (all runs), `pass`, `info`,
    /// `warn`, `fail` and `notrun` (summary.txt and the CLI word them differently).
    pub fn counts_msg(&self, id: &str) -> Msg {
        let c = self.counts();
        Msg::new(id)
            .arg("count", self.runs.len())
            .arg("pass", c.pass)
            .arg("info", c.info)
            .arg("warn", c.warn)
            .arg("fail", c.fail)
            .arg("notrun", c.not_run)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunCounts {
    pub pass: usize,
    pub info: usize,
    pub warn: usize,
    pub fail: usize,
    pub not_run: usize,
}
