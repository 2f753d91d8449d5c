//! The peripherals checks.

use super::CheckBox;

/// The peripherals checks that every run of the area includes.
pub fn checks() -> Vec<CheckBox> {
    Vec::new()
}

/// Checks run only when asked for (by a checklist step or a button).
pub fn on_demand() -> Vec<CheckBox> {
    Vec::new()
}
