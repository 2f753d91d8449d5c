//! The report model: plain serde data that every other layer reads or writes.
//! No I/O lives here, so the GUI, the CLI and the bundle reader share one shape.

mod checklist;
mod data;
mod output;
mod report;
mod run;
mod tool;

pub use checklist::{
    Checklist, ChecklistEnd, ChecklistTranscript, ChoiceOption, EndKind, Localized, Record, Step, StepKind,
    TranscriptEntry,
};
pub use data::{CheckData, DataError, NOT_TESTED_KEY};
pub use output::{DECIMALS, ListData, ReportOutput, Status, data_object, round_floats};
pub use report::{HostInfo, Report, RunCounts, SCHEMA_VERSION, TechnicianNotes, ToolInfo, Verdict};
pub use run::{Attachment, Category, CheckRun, Evidence, Finding, Outcome, Severity};
pub use tool::ToolReport;
