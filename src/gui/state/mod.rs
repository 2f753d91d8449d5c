//! The window's state, one part per concern, each with its own `drain` (what the engine
//! and background jobs produced since the last frame) and its own `*_ui` (drawing):
//! the run of checks, the Network panel, bundle I/O, the checklists and the testers.
//! `DeskcheckApp` holds these parts plus the settings and the status line, and routes
//! the user's actions between them.

pub mod bundle_io;
pub mod checklists;
pub mod network;
pub mod run;
pub mod tools;
