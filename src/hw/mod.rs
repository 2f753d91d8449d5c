//! Hardware probes: printers (IPP/CUPS), displays (EDID), USB devices and sound devices.
//! Typed results only; checks turn them into findings.

pub mod audio;
pub mod display;
pub mod printer;
pub mod usb;
