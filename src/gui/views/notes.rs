//! Technician notes: the ticket reference and the knowledge-centered fields (issue in
//! the user's words, environment, resolution, cause). Editable for the live session and
//! saved into the bundle; read-only for an opened bundle.

use eframe::egui::{RichText, ScrollArea, TextEdit, Ui};

use crate::model::TechnicianNotes;

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
    ui.heading("Technician notes");
    ui.label(RichText::new("Saved into the bundle with the report.").weak());
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        field_ui(ui, "Ticket reference", &mut draft.ticket, false);
        field_ui(ui, "Issue (in the user's words)", &mut draft.notes.issue, true);
        field_ui(ui, "Environment", &mut draft.notes.environment, true);
        field_ui(ui, "Resolution", &mut draft.notes.resolution, true);
        field_ui(ui, "Cause", &mut draft.notes.cause, true);
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
    ui.heading("Technician notes");
    ui.label(RichText::new("From the saved bundle (read-only).").weak());
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let fields = [
            ("Ticket reference", ticket.unwrap_or_default()),
            ("Issue (in the user's words)", notes.issue.as_str()),
            ("Environment", notes.environment.as_str()),
            ("Resolution", notes.resolution.as_str()),
            ("Cause", notes.cause.as_str()),
        ];
        for (label, value) in fields {
            ui.add_space(6.0);
            ui.label(RichText::new(label).strong());
            if value.trim().is_empty() {
                ui.label(RichText::new("(empty)").weak());
            } else {
                ui.label(value);
            }
        }
    });
}
