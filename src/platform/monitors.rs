//! The mode each monitor runs at now, where the OS itself lists it (Windows:
//! `EnumDisplayDevicesW`/`EnumDisplaySettingsW` and `GetDpiForMonitor`; macOS:
//! `system_profiler SPDisplaysDataType -json`); on Linux and other
//! X11 systems the displays check asks the X server through `xrandr` instead.

use serde::{Deserialize, Serialize};

/// One monitor the desktop uses now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveDisplay {
    /// The OS's name for the output, e.g. `\\.\DISPLAY1`.
    pub device: String,
    /// The graphics adapter driving it ("Intel(R) UHD Graphics 620").
    pub adapter: Option<String>,
    /// The monitor's name as the OS shows it ("Generic PnP Monitor", "Dell P2419H (DisplayPort)").
    pub monitor: Option<String>,
    /// The monitor's device instance id (`DISPLAY\DELA0FD\5&…`), to match its EDID.
    pub monitor_id: Option<String>,
    pub primary: bool,
    pub width: u32,
    pub height: u32,
    /// None when the driver says "hardware default" (0 or 1 Hz).
    pub hz: Option<f64>,
    pub bits_per_pixel: u32,
    /// Top-left corner on the desktop.
    pub x: i32,
    pub y: i32,
    /// "normal", "left", "inverted" or "right", as xrandr names them.
    pub rotation: String,
    /// Effective DPI (96 = 100 %), when the OS gave it.
    pub dpi: Option<u32>,
    /// The monitor's EDID, when its device was matched (for the native mode).
    #[serde(skip)]
    pub edid: Vec<u8>,
}

impl ActiveDisplay {
    /// The scale the user chose, in percent (96 dpi = 100 %).
    pub fn scale_percent(&self) -> Option<u32> {
        self.dpi.map(|d| (d * 100 + 48) / 96)
    }
}

/// Where the current monitor modes come from on this OS.
#[derive(Debug, Clone, PartialEq)]
pub enum MonitorModes {
    /// Ask the X server (`xrandr --query`).
    FromX11,
    /// The OS listed its monitors itself.
    Listed(Vec<ActiveDisplay>),
    /// The OS could not be asked; why.
    Failed(String),
}

/// The current monitor modes, or where to get them.
pub fn monitor_modes() -> MonitorModes {
    #[cfg(target_os = "windows")]
    return match super::windows::displays::active_displays() {
        Ok(list) => MonitorModes::Listed(list),
        Err(e) => MonitorModes::Failed(e),
    };
    #[cfg(target_os = "macos")]
    return match super::macos_displays::display_modes() {
        Ok(list) => MonitorModes::Listed(super::macos_displays::active_displays(&list)),
        Err(e) => MonitorModes::Failed(e.to_string()),
    };
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    MonitorModes::FromX11
}
