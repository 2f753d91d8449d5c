//! The testers as full views: keyboard, mouse, test patterns, sound. Each draws its own
//! state (logic lives in `crate::testers` and `crate::hw`) and hands back a `ToolReport`
//! once the user finishes it.

pub mod patterns;

use eframe::egui::Ui;

use crate::model::ToolReport;

/// A tester shown as a full view.
pub trait ToolView {
    /// The view's heading, e.g. "Keyboard tester".
    fn title(&self) -> &str;
    /// Draws one frame; `Some` once the user has finished ("It works" / "It doesn't work" / Esc).
    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport>;
}


/// The tester a checklist's tool step names, as a fresh full view.
pub fn open(name: &str) -> Option<Box<dyn ToolView>> {
    match name {
        "patterns" => Some(Box::new(patterns::PatternTester::new())),
        _ => None,
    }
}

/// Whether this build has the named tester (without opening it).
pub fn exists(name: &str) -> bool {
    matches!(name, "patterns")
}
