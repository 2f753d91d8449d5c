//! A saved bundle opened for review (a technician reading what a user sent): a clear
//! read-only header, the report's facts, and its log. The results reuse the live views.

use std::path::PathBuf;

use eframe::egui::{Button, CollapsingHeader, Frame, Grid, RichText, ScrollArea, Stroke, Ui};

use super::Action;
use crate::bundle::OpenedBundle;
use crate::session::Session;

/// An opened bundle, folded into a finished session so the home views can draw it.
pub struct Viewing {
    pub session: Session,
    pub path: PathBuf,
    /// The bundle's own `summary.txt`: already redacted the way it was saved.
    pub summary: String,
    pub log: String,
}

impl Viewing {
    pub fn new(bundle: OpenedBundle) -> Self {
        let OpenedBundle { report, summary, log, path, .. } = bundle;
        Self { session: Session::from_report(report), path, summary, log }
    }

    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}

/// "Viewing saved bundle <file> — read-only", with "Close bundle" and "Copy summary".
pub fn header_ui(ui: &mut Ui, viewing: &Viewing, actions: &mut Vec<Action>) {
    let stroke = Stroke::new(2.0, ui.visuals().selection.bg_fill);
    Frame::new().stroke(stroke).corner_radius(6).inner_margin(12).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("Viewing saved bundle {} — read-only", viewing.file_name())).size(18.0).strong(),
            );
        });
        ui.label(RichText::new(viewing.path.display().to_string()).weak().small());
        ui.horizontal(|ui| {
            if ui.add(Button::new("Close bundle")).on_hover_text("Back to this computer's checks").clicked() {
                actions.push(Action::CloseBundle);
            }
            if ui.button("Copy summary").on_hover_text("Copy the bundle's text summary").clicked() {
                actions.push(Action::CopySummary);
            }
        });
    });
}

/// Who sent it and when: host, OS, times, tool version, privacy profile.
pub fn facts_ui(ui: &mut Ui, viewing: &Viewing) {
    let report = &viewing.session.report;
    let finished = report
        .finished_at
        .map_or_else(|| "did not finish".to_string(), |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string());
    let rows = [
        ("Computer", report.host.hostname.clone()),
        (
            "System",
            format!(
                "{} {} (kernel {}, {})",
                report.host.os_name, report.host.os_version, report.host.kernel, report.host.arch
            ),
        ),
        ("Started", report.started_at.format("%Y-%m-%d %H:%M:%S UTC").to_string()),
        ("Finished", finished),
        ("Tool", format!("{} {}", report.tool.name, report.tool.version)),
        ("Privacy", report.privacy.clone()),
    ];
    Grid::new("bundle-facts").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
        for (label, value) in rows {
            ui.label(RichText::new(label).strong());
            ui.label(value);
            ui.end_row();
        }
    });
}

/// The bundle's `log.txt`, folded away by default.
pub fn log_ui(ui: &mut Ui, viewing: &Viewing) {
    CollapsingHeader::new("Log (log.txt)").id_salt("bundle-log").show(ui, |ui| {
        if viewing.log.trim().is_empty() {
            ui.label(RichText::new("The log is empty.").weak());
            return;
        }
        ScrollArea::vertical().max_height(320.0).id_salt("bundle-log-scroll").show(ui, |ui| {
            ui.label(RichText::new(&viewing.log).monospace().small());
        });
    });
}
