//! deskcheck: desk-side diagnostics. The engine is a library that knows nothing of
//! any UI: checks produce findings, the engine runs checks and streams events, and
//! the GUI, the CLI and the bundle writer only read the resulting report.

pub mod bundle;
pub mod checklist;
pub mod checks;
pub mod cli;
pub mod config;
pub mod diagnose;
pub mod engine;
pub mod gui;
pub mod hw;
pub mod i18n;
pub mod logging;
pub mod model;
pub mod net;
pub mod platform;
pub mod readout;
pub mod session;
pub mod testers;
