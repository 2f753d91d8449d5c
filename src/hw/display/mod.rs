//! Displays: our own EDID parser, maker names for PNP ids, and the current monitor modes
//! from the windowing layer (xrandr on X11). Connector facts come from `crate::platform`.

/// The EDID base-block parser.
pub mod edid;
/// Maker names for PNP ids.
pub mod pnp;
/// Current monitor modes from X11's xrandr.
pub mod xrandr;
