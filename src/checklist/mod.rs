//! Guided checklists: data-driven troubleshooting for printers, displays and peripherals.
//! Checklists are TOML files (built in, plus the IT department's own), validated on load;
//! a `Walk` goes through one step at a time, and its transcript and findings land in the
//! report. Automatic steps run real checks; tool steps open a tester.

mod drive;
mod library;
mod parse;
mod walk;

#[cfg(test)]
mod tests;

pub use drive::{Answers, Hooks, Reply, drive, to_answer};
pub use library::{Library, probe_ids};
pub use parse::{ChecklistError, Known, TOOLS, answer_keys, parse};
pub use walk::{Answer, ProbeResult, ProbeVerdict, Walk, WalkError, run_id, transcript_text};
