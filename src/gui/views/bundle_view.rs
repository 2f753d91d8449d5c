//! A saved bundle opened for review (a technician reading what a user sent): a clear
//! read-only header, the report's facts, and its log. The results reuse the live views.

use std::path::PathBuf;

use eframe::egui::{Button, CollapsingHeader, Frame, Grid, RichText, ScrollArea, Stroke, Ui};

use super::Action;
use crate::bundle::OpenedBundle;
use crate::session::Session;
use crate::t;

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
            ui.label(RichText::new(t!("gui-viewing-bundle", file = viewing.file_name())).size(18.0).strong());
        });
        ui.label(RichText::new(viewing.path.display().to_string()).weak().small());
        ui.horizontal(|ui| {
            if ui.add(Button::new(t!("gui-close-bundle"))).on_hover_text(t!("gui-close-bundle-hint")).clicked() {
                actions.push(Action::CloseBundle);
            }
            if ui.button(t!("gui-copy-summary")).on_hover_text(t!("gui-copy-bundle-summary-hint")).clicked() {
                actions.push(Action::CopySummary);
            }
        });
    });
}

/// Who sent it and when: host, OS, times, tool version, privacy profile.
pub fn facts_ui(ui: &mut Ui, viewing: &Viewing) {
    let report = &viewing.session.report;
    let finished = report.finished_at.map_or_else(|| t!("gui-did-not-finish"), super::local_time);
    let rows = [
        (t!("gui-fact-computer"), report.host.hostname.clone()),
        (
            t!("gui-fact-system"),
            t!(
                "gui-fact-system-value",
                os = report.host.os_name.as_str(),
                version = report.host.os_version.as_str(),
                kernel = report.host.kernel.as_str(),
                arch = report.host.arch.as_str()
            ),
        ),
        (t!("gui-fact-started"), super::local_time(report.started_at)),
        (t!("gui-fact-finished"), finished),
        (t!("gui-fact-tool"), format!("{} {}", report.tool.name, report.tool.version)),
        (t!("gui-fact-privacy"), report.privacy.clone()),
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
    CollapsingHeader::new(t!("gui-log")).id_salt("bundle-log").show(ui, |ui| {
        if viewing.log.trim().is_empty() {
            ui.label(RichText::new(t!("gui-log-empty")).weak());
            return;
        }
        ScrollArea::vertical().max_height(320.0).id_salt("bundle-log-scroll").show(ui, |ui| {
            ui.label(RichText::new(&viewing.log).monospace().small());
        });
    });
}
