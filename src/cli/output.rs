//! The JSON contract for scripts and RMM tools: what `--json` prints on stdout for every
//! subcommand. Each output carries `schema_version` and a top-level `status` that matches
//! the exit code (ok 0, warn 1, fail 2, error 3); floats are rounded (no 12.300000000000001).
//! The JSON Schemas shipped in `schema/` are generated from these types (`schemas()`).

use std::io::Write;

use anyhow::Context;
use schemars::JsonSchema;
use serde::Serialize;

pub use crate::model::ReportOutput;
use crate::model::{Category, SCHEMA_VERSION, Status, round_floats};
use crate::net::ping::PingStats;
use crate::net::trace::TraceSnapshot;

/// `ping HOST --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PingOutput {
    pub schema_version: u32,
    /// ok: every probe answered; warn: some lost; fail: none answered.
    pub status: Status,
    /// The host as given on the command line (`target` is the address pinged).
    pub host: String,
    #[serde(flatten)]
    pub stats: PingStats,
}

/// `trace HOST --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TraceOutput {
    pub schema_version: u32,
    /// ok: the destination answered; warn: it did, with loss on the way; fail: it did not.
    pub status: Status,
    /// The host as given on the command line (`target` is the address traced).
    pub host: String,
    #[serde(flatten)]
    pub trace: TraceSnapshot,
}

/// `checklist --list --json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ChecklistListOutput {
    pub schema_version: u32,
    /// ok, or warn when a checklist file cannot be used (listed in `problems`).
    pub status: Status,
    pub checklists: Vec<ChecklistEntry>,
    /// Checklist files that cannot be used, each with the reason.
    pub problems: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ChecklistEntry {
    /// The name `deskcheck checklist NAME` takes.
    pub id: String,
    pub area: Category,
    pub title: String,
    pub description: String,
    /// "built-in" or the file it came from.
    pub source: String,
}

/// Any subcommand with `--json` that could not run (bad config, unknown host, damaged
/// bundle): status error (fail for a damaged bundle) and what went wrong.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErrorOutput {
    pub schema_version: u32,
    pub status: Status,
    pub error: String,
}

impl ErrorOutput {
    pub fn new(status: Status, error: impl Into<String>) -> Self {
        Self { schema_version: SCHEMA_VERSION, status, error: error.into() }
    }
}

/// Prints one output as pretty JSON on stdout, floats rounded.
pub fn print(output: &impl Serialize) -> anyhow::Result<()> {
    let mut value = serde_json::to_value(output).with_context(|| crate::t!("cli-json-format-failed"))?;
    round_floats(&mut value);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &value).with_context(|| crate::t!("cli-json-write-failed"))?;
    writeln!(out).with_context(|| crate::t!("cli-json-write-failed"))?;
    Ok(())
}

/// `deskcheck decode CODE --json`: the code as read back, what it carries, and the same
/// lines a person reads (in the `--lang` language).
#[derive(Debug, Serialize, JsonSchema)]
pub struct DecodeOutput {
    pub schema_version: u32,
    pub status: Status,
    pub code: String,
    pub decoded: crate::readout::Decoded,
    pub lines: Vec<String>,
}

/// The shipped schema files (`schema/<name>`) and the schema each must hold, generated from
/// the types above for what they serialise.
pub fn schemas() -> Vec<(&'static str, schemars::Schema)> {
    fn gen_for<T: JsonSchema>() -> schemars::Schema {
        schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>()
    }
    vec![
        ("report.schema.json", gen_for::<ReportOutput>()),
        ("ping.schema.json", gen_for::<PingOutput>()),
        ("trace.schema.json", gen_for::<TraceOutput>()),
        ("checklist-list.schema.json", gen_for::<ChecklistListOutput>()),
        ("error.schema.json", gen_for::<ErrorOutput>()),
        ("decode.schema.json", gen_for::<DecodeOutput>()),
    ]
}

/// A schema as it is written to disk: pretty, with a final newline.
pub fn schema_text(schema: &schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}
