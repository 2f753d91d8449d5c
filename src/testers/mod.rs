//! The interactive testers' logic, free of any UI: what was pressed, clicked and shown,
//! and the findings that follow. The GUI's tool views draw these states.

pub mod keyboard;
pub mod mouse;
pub mod patterns;
