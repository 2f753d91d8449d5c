//! The testers as full views: keyboard, mouse, test patterns, sound. Each draws its own
//! state (logic lives in `crate::testers` and `crate::hw`) and hands back a `ToolReport`
//! once the user finishes it.

pub mod keyboard;
pub mod mouse;
pub mod sound;

use eframe::egui::Ui;
pub use keyboard::KeyboardTester;
pub use mouse::MouseTester;
pub use sound::SoundTester;

use crate::model::ToolReport;

/// A tester shown as a full view.
pub trait ToolView {
    /// The view's heading, e.g. "Keyboard tester".
    fn title(&self) -> &str;
    /// Draws one frame; `Some` once the user has finished ("It works" / "It doesn't work" / Esc).
    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport>;
}
