//! The technician's tools: a tester opened on its own from the home screen (keyboard,
//! mouse, patterns, sound) and the "Decode a code" field.

use chrono::{DateTime, Utc};
use eframe::egui::Ui;

use crate::gui::tools::{self, ToolView};
use crate::gui::views::decode::{self, DecodeField};
use crate::model::Report;

#[derive(Default)]
pub struct ToolsPart {
    /// The open tester and when it was opened.
    open: Option<(Box<dyn ToolView>, DateTime<Utc>)>,
    decode: DecodeField,
}

impl ToolsPart {
    /// The open tester's heading.
    pub fn title(&self) -> Option<String> {
        self.open.as_ref().map(|(tool, _)| tool.title().to_string())
    }

    /// Whether a tester is open (it takes the whole window).
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Opens the tester by name ("keyboard", "mouse", "patterns", "sound").
    pub fn open(&mut self, name: &str, report: &Report) {
        self.open = tools::open(name, report).map(|t| (t, Utc::now()));
    }

    /// The "Decode a code" field.
    pub fn decode_ui(&mut self, ui: &mut Ui) {
        decode::decode_ui(ui, &mut self.decode);
    }

    /// Draws the open tester; when it finishes, its result goes into `report`. False when
    /// no tester is open.
    pub fn ui(&mut self, ui: &mut Ui, report: &mut Report) -> bool {
        let Some((tool, started_at)) = &mut self.open else { return false };
        if let Some(finished) = tool.ui(ui) {
            let run = tools::report_run(&finished, *started_at);
            report.runs.retain(|r| r.id != run.id);
            report.runs.push(run);
            self.open = None;
        }
        true
    }
}
