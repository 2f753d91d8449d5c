//! Technician notes: the ticket reference and the knowledge-centered fields (issue in
//! the user's words, environment, resolution, cause). Editable for the live session and
//! saved into the bundle; read-only for an opened bundle.

use eframe::egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::model::TechnicianNotes;
use crate::t;

/// What the technician typed; goes into the report when saving or copying.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesDraft {
    pub ticket: String,
    pub notes: TechnicianNotes,
}

impl NotesDraft {
    /// The ticket reference as the report stores it: trimmed, absent when empty.
    pub fn ticket(&self) -> Option<String> {
        let ticket = self.ticket.trim();
        (!ticket.is_empty()).then(|| ticket.to_string())
    }
}

pub fn notes_edit_ui(ui: &mut Ui, draft: &mut NotesDraft) {
    ui.heading(t!("gui-notes-title"));
    ui.label(RichText::new(t!("gui-notes-saved-hint")).weak());
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        field_ui(ui, &t!("gui-notes-ticket"), &mut draft.ticket, false);
        field_ui(ui, &t!("gui-notes-issue"), &mut draft.notes.issue, true);
        field_ui(ui, &t!("gui-notes-environment"), &mut draft.notes.environment, true);
        field_ui(ui, &t!("gui-notes-resolution"), &mut draft.notes.resolution, true);
        field_ui(ui, &t!("gui-notes-cause"), &mut draft.notes.cause, true);
    });
}

fn field_ui(ui: &mut Ui, label: &str, value: &mut String, multiline: bool) {
    ui.add_space(6.0);
    let label = ui.label(RichText::new(label).strong());
    let edit = if multiline { TextEdit::multiline(value).desired_rows(3) } else { TextEdit::singleline(value) };
    // Tied to its visible label so screen readers (and tests) find the field by name.
    ui.add(edit.desired_width(f32::INFINITY)).labelled_by(label.id);
}

/// The notes a saved bundle carries, shown as text.
pub fn notes_readonly_ui(ui: &mut Ui, ticket: Option<&str>, notes: &TechnicianNotes) {
    ui.heading(t!("gui-notes-title"));
    ui.label(RichText::new(t!("gui-notes-readonly-hint")).weak());
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let fields = [
            (t!("gui-notes-ticket"), ticket.unwrap_or_default()),
            (t!("gui-notes-issue"), notes.issue.as_str()),
            (t!("gui-notes-environment"), notes.environment.as_str()),
            (t!("gui-notes-resolution"), notes.resolution.as_str()),
            (t!("gui-notes-cause"), notes.cause.as_str()),
        ];
        for (label, value) in fields {
            ui.add_space(6.0);
            ui.label(RichText::new(label).strong());
            if value.trim().is_empty() {
                ui.label(RichText::new(t!("gui-notes-empty")).weak());
            } else {
                ui.label(value);
            }
        }
    });
}
