//! The testers as full views: keyboard, mouse, test patterns, sound. Each draws its own
//! state (logic lives in `crate::testers` and `crate::hw`) and hands back a `ToolReport`
//! once the user finishes it.

pub mod keyboard;
pub mod mouse;
pub mod patterns;
pub mod sound;

use eframe::egui::Ui;
pub use keyboard::KeyboardTester;
pub use mouse::MouseTester;
pub use sound::SoundTester;

use crate::model::ToolReport;
use crate::testers::keyboard::LayoutKind;

/// A tester shown as a full view.
pub trait ToolView {
    /// The view's heading, e.g. "Keyboard tester".
    fn title(&self) -> &str;
    /// Draws one frame; `Some` once the user has finished ("It works" / "It doesn't work";
    /// Esc too where Esc is not itself under test, as in the test patterns).
    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport>;
}


/// The tester a checklist's tool step names, as a fresh full view.
pub fn open(name: &str) -> Option<Box<dyn ToolView>> {
    match name {
        "keyboard" => Some(Box::new(KeyboardTester::new(LayoutKind::Ansi))),
        "mouse" => Some(Box::new(MouseTester::new())),
        "patterns" => Some(Box::new(patterns::PatternTester::new())),
        "sound" => Some(Box::new(SoundTester::new())),
        _ => None,
    }
}

/// Whether this build has the named tester (without opening it).
pub fn exists(name: &str) -> bool {
    matches!(name, "keyboard" | "mouse" | "patterns" | "sound")
}
