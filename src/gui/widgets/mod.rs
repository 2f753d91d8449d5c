//! Small reusable widgets: status badges, severity labels and the RTT graph. Status is
//! always an icon plus a word; colour only adds to it, so it reads in black and white and aloud.

pub mod look;
mod rtt_graph;
mod status;

pub use rtt_graph::rtt_graph_ui;
pub use status::{Badge, badge_ui, outcome_word, severity_color, severity_text};
