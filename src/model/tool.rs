//! What an interactive tester hands back when the user leaves it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Finding;

/// The result of a tester (keyboard, mouse, test patterns, sound): the user's own answer,
/// one line for the transcript, findings and typed data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ToolReport {
    /// The tool's name as checklists write it: "keyboard", "mouse", "patterns", "sound".
    pub tool: String,
    /// The user's answer at the end: "It works" (true) or "It doesn't work" (false).
    pub works: bool,
    /// One line for the transcript, e.g. "101 of 104 keys tested; Right Ctrl never pressed".
    pub summary: String,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    #[schemars(with = "serde_json::Map<String, serde_json::Value>")]
    pub data: serde_json::Value,
}
