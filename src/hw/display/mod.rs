//! Displays: our own EDID parser, maker names for PNP ids, and the current monitor modes
//! from the windowing layer (xrandr on X11). Connector facts come from `crate::platform`.

pub mod edid;
pub mod pnp;
pub mod xrandr;
