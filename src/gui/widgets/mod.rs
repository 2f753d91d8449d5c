//! Small reusable widgets: status badges and severity labels. Status is always an icon
//! plus a word; colour only adds to it, so it reads in black and white and aloud.

mod status;

pub use status::{Badge, badge_ui, outcome_word, severity_color, severity_text};
