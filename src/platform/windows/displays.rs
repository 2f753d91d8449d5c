//! Monitors on Windows. Identification: each present monitor's EDID from SetupAPI (the
//! monitor device class, its device registry key, value `EDID`), as the same connector data
//! the Linux DRM path gives. Current modes: `EnumDisplayDevicesW` (adapters on the desktop
//! and their monitor), `EnumDisplaySettingsW` (ENUM_CURRENT_SETTINGS) and `GetDpiForMonitor`
//! for the scale. All of it is readable without administrator rights. The conversions from
//! the raw structures are separate functions, tested on recorded values.

use std::ptr::{null, null_mut};

use windows_sys::Win32::Devices::DeviceAndDriverInstallation::{
    DICS_FLAG_GLOBAL, DIGCF_PRESENT, DIREG_DEV, GUID_DEVCLASS_MONITOR, HDEVINFO, SP_DEVINFO_DATA,
    SetupDiDestroyDeviceInfoList, SetupDiEnumDeviceInfo, SetupDiGetClassDevsW, SetupDiGetDeviceInstanceIdW,
    SetupDiOpenDevRegKey,
};
use windows_sys::Win32::Foundation::{INVALID_HANDLE_VALUE, POINT};
use windows_sys::Win32::Graphics::Gdi::{
    DEVMODEW, DISPLAY_DEVICE_ATTACHED_TO_DESKTOP, DISPLAY_DEVICE_PRIMARY_DEVICE, DISPLAY_DEVICEW,
    ENUM_CURRENT_SETTINGS, EnumDisplayDevicesW, EnumDisplaySettingsW, MONITOR_DEFAULTTONULL, MonitorFromPoint,
};
use windows_sys::Win32::System::Registry::{HKEY, KEY_READ, REG_BINARY, RegCloseKey, RegQueryValueExW};
use windows_sys::Win32::UI::HiDpi::{
    DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2, GetDpiForMonitor, MDT_EFFECTIVE_DPI, SetThreadDpiAwarenessContext,
};
use windows_sys::Win32::UI::WindowsAndMessaging::EDD_GET_DEVICE_INTERFACE_NAME;

use super::printers::{from_wide, last_error, wide};
use crate::platform::drm::{ConnectorStatus, DrmConnector, DrmError};
use crate::platform::monitors::ActiveDisplay;

/// EDID base block plus up to 255 extension blocks: the most a monitor can send.
const MAX_EDID_BYTES: u32 = 256 * 128;
/// More monitor devices than any desk has; a bound on the enumeration.
const MAX_MONITORS: u32 = 64;

/// One present monitor device and its EDID (or why it could not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorDevice {
    /// `DISPLAY\DELA0FD\5&2b1bc1c5&0&UID4353`.
    pub instance_id: String,
    pub edid: Result<Vec<u8>, String>,
}

/// A SetupAPI device list destroyed when dropped.
struct DevInfo(HDEVINFO);

impl Drop for DevInfo {
    fn drop(&mut self) {
        // SAFETY: the list came from SetupDiGetClassDevsW and is destroyed once.
        unsafe { SetupDiDestroyDeviceInfoList(self.0) };
    }
}

/// A registry key closed when dropped.
struct Key(HKEY);

impl Drop for Key {
    fn drop(&mut self) {
        // SAFETY: the key came from SetupDiOpenDevRegKey and is closed once.
        unsafe { RegCloseKey(self.0) };
    }
}

/// Every present monitor device with its EDID.
pub fn monitor_devices() -> Result<Vec<MonitorDevice>, String> {
    // SAFETY: a class GUID, no enumerator, no window.
    let set = unsafe { SetupDiGetClassDevsW(&GUID_DEVCLASS_MONITOR, null(), null_mut(), DIGCF_PRESENT) };
    if set == INVALID_HANDLE_VALUE as HDEVINFO {
        let (code, message) = last_error();
        return Err(format!("SetupDiGetClassDevsW (monitors) failed: {message} (error {code})"));
    }
    let set = DevInfo(set);
    let mut found = Vec::new();
    for index in 0..MAX_MONITORS {
        let mut data = SP_DEVINFO_DATA { cbSize: size_of::<SP_DEVINFO_DATA>() as u32, ..SP_DEVINFO_DATA::default() };
        // SAFETY: the set is open; data has its cbSize set.
        if unsafe { SetupDiEnumDeviceInfo(set.0, index, &mut data) } == 0 {
            break; // ERROR_NO_MORE_ITEMS
        }
        let mut id = [0u16; 512];
        let mut needed = 0u32;
        // SAFETY: id holds 512 units, its size given.
        let ok = unsafe { SetupDiGetDeviceInstanceIdW(set.0, &data, id.as_mut_ptr(), id.len() as u32, &mut needed) };
        // SAFETY: on success the id is NUL-terminated inside the array (which is zeroed otherwise).
        let instance_id = if ok != 0 { unsafe { from_wide(id.as_ptr()) } } else { None };
        found.push(MonitorDevice {
            instance_id: instance_id.unwrap_or_else(|| format!("monitor {}", index + 1)),
            edid: read_edid(set.0, &data),
        });
    }
    Ok(found)
}

fn read_edid(set: HDEVINFO, data: &SP_DEVINFO_DATA) -> Result<Vec<u8>, String> {
    // SAFETY: the set and its member are valid; KEY_READ only.
    let key = unsafe { SetupDiOpenDevRegKey(set, data, DICS_FLAG_GLOBAL, 0, DIREG_DEV, KEY_READ) };
    if key.is_null() || std::ptr::eq(key, INVALID_HANDLE_VALUE) {
        let (code, message) = last_error();
        return Err(format!("the monitor's device key could not be opened: {message} (error {code})"));
    }
    let key = Key(key);
    let name = wide("EDID");
    let mut buf = vec![0u8; MAX_EDID_BYTES as usize];
    let (mut kind, mut len) = (0u32, MAX_EDID_BYTES);
    // SAFETY: buf holds `len` bytes; name is NUL-terminated.
    let rc = unsafe { RegQueryValueExW(key.0, name.as_ptr(), null(), &mut kind, buf.as_mut_ptr(), &mut len) };
    match rc {
        0 if kind == REG_BINARY => {
            buf.truncate(len as usize);
            Ok(buf)
        }
        0 => Err(format!("the monitor's EDID value has registry type {kind}, not binary")),
        // ERROR_FILE_NOT_FOUND: the monitor sent no EDID (common behind KVMs and old adapters).
        2 => Ok(Vec::new()),
        code => Err(format!(
            "the monitor's EDID could not be read: {} (error {code})",
            std::io::Error::from_raw_os_error(code as i32)
        )),
    }
}

/// A monitor device as a display connector: present monitors are connected; the name says
/// which monitor it is by its PnP id, as the Device Manager shows it.
pub fn connector_from_monitor(index: usize, m: &MonitorDevice) -> DrmConnector {
    let model = m.instance_id.split('\\').nth(1).filter(|s| !s.is_empty()).unwrap_or("unknown");
    let (edid, edid_read_error) = match &m.edid {
        Ok(bytes) => (bytes.clone(), None),
        Err(e) => (Vec::new(), Some(format!("{e} ({})", m.instance_id))),
    };
    DrmConnector {
        card: "monitor".into(),
        name: format!("Monitor {} ({model})", index + 1),
        status: ConnectorStatus::Connected,
        enabled: None,
        modes: Vec::new(),
        dpms: None,
        edid,
        edid_read_error,
    }
}

/// The present monitors as connectors, with their EDID.
pub fn display_connectors() -> Result<Vec<DrmConnector>, DrmError> {
    let devices = monitor_devices().map_err(|error| DrmError::List { error, path: "SetupAPI monitor class".into() })?;
    Ok(devices.iter().enumerate().map(|(i, m)| connector_from_monitor(i, m)).collect())
}

/// `\\?\DISPLAY#DELA0FD#5&2b1bc1c5&0&UID4353#{e6f07b5f-…}` (a monitor's device interface
/// path, as EnumDisplayDevicesW gives it with EDD_GET_DEVICE_INTERFACE_NAME) → its device
/// instance id `DISPLAY\DELA0FD\5&2b1bc1c5&0&UID4353`, which SetupAPI uses.
pub fn interface_to_instance(path: &str) -> Option<String> {
    let rest = path.strip_prefix("\\\\?\\")?;
    let without_guid = match rest.rfind("#{") {
        Some(i) => &rest[..i],
        None => rest,
    };
    (!without_guid.is_empty()).then(|| without_guid.replace('#', "\\"))
}

/// One adapter on the desktop, its monitor and its current mode as an active display.
pub fn display_from_devmode(
    adapter: &DISPLAY_DEVICEW,
    monitor: Option<&DISPLAY_DEVICEW>,
    mode: &DEVMODEW,
    dpi: Option<u32>,
) -> ActiveDisplay {
    let text = |a: &[u16]| {
        let end = a.iter().position(|&c| c == 0).unwrap_or(a.len());
        let s = String::from_utf16_lossy(&a[..end]).trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    // SAFETY: for a display device the first union holds position and orientation (the
    // printer fields share its bytes); every bit pattern is a valid POINTL and u32.
    let (position, orientation) =
        unsafe { (mode.Anonymous1.Anonymous2.dmPosition, mode.Anonymous1.Anonymous2.dmDisplayOrientation) };
    ActiveDisplay {
        device: text(&adapter.DeviceName).unwrap_or_default(),
        adapter: text(&adapter.DeviceString),
        monitor: monitor.and_then(|m| text(&m.DeviceString)),
        monitor_id: monitor.and_then(|m| text(&m.DeviceID)).and_then(|p| interface_to_instance(&p)),
        primary: adapter.StateFlags & DISPLAY_DEVICE_PRIMARY_DEVICE != 0,
        width: mode.dmPelsWidth,
        height: mode.dmPelsHeight,
        // 0 and 1 mean "the hardware's default rate", not a rate.
        hz: (mode.dmDisplayFrequency > 1).then_some(f64::from(mode.dmDisplayFrequency)),
        bits_per_pixel: mode.dmBitsPerPel,
        x: position.x,
        y: position.y,
        // DMDO_90 turns the picture a quarter turn counter-clockwise: xrandr's "left".
        rotation: match orientation {
            1 => "left",
            2 => "inverted",
            3 => "right",
            _ => "normal",
        }
        .into(),
        dpi,
        edid: Vec::new(),
    }
}

/// Sets the thread's DPI awareness for its lifetime and restores it: GetDpiForMonitor gives
/// the real per-monitor scale only to a per-monitor-aware thread, and the CLI process is not
/// one unless its manifest says so.
struct PerMonitorAware(isize);

impl PerMonitorAware {
    fn enter() -> Self {
        // SAFETY: a documented constant context; the old one is returned.
        Self(unsafe { SetThreadDpiAwarenessContext(DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2) } as isize)
    }
}

impl Drop for PerMonitorAware {
    fn drop(&mut self) {
        if self.0 != 0 {
            // SAFETY: restores the context SetThreadDpiAwarenessContext returned.
            unsafe { SetThreadDpiAwarenessContext(self.0 as _) };
        }
    }
}

/// Every adapter output on the desktop with its monitor, current mode, scale and EDID.
pub fn active_displays() -> Result<Vec<ActiveDisplay>, String> {
    let _aware = PerMonitorAware::enter();
    let monitors = monitor_devices().unwrap_or_default();
    let mut found = Vec::new();
    for index in 0..MAX_MONITORS {
        let mut adapter = DISPLAY_DEVICEW { cb: size_of::<DISPLAY_DEVICEW>() as u32, ..DISPLAY_DEVICEW::default() };
        // SAFETY: adapter has its cb set; null device = the adapters.
        if unsafe { EnumDisplayDevicesW(null(), index, &mut adapter, 0) } == 0 {
            break;
        }
        if adapter.StateFlags & DISPLAY_DEVICE_ATTACHED_TO_DESKTOP == 0 {
            continue;
        }
        let mut mode = DEVMODEW { dmSize: size_of::<DEVMODEW>() as u16, ..DEVMODEW::default() };
        // SAFETY: DeviceName is NUL-terminated inside its array; mode has its dmSize set.
        if unsafe { EnumDisplaySettingsW(adapter.DeviceName.as_ptr(), ENUM_CURRENT_SETTINGS, &mut mode) } == 0 {
            continue;
        }
        let mut monitor = DISPLAY_DEVICEW { cb: size_of::<DISPLAY_DEVICEW>() as u32, ..DISPLAY_DEVICEW::default() };
        // SAFETY: as above; the adapter's name selects its monitors.
        let has_monitor =
            unsafe { EnumDisplayDevicesW(adapter.DeviceName.as_ptr(), 0, &mut monitor, EDD_GET_DEVICE_INTERFACE_NAME) }
                != 0;
        // SAFETY: union read as in display_from_devmode.
        let at = unsafe { mode.Anonymous1.Anonymous2.dmPosition };
        // SAFETY: a plain point; MONITOR_DEFAULTTONULL returns null off every monitor.
        let handle = unsafe { MonitorFromPoint(POINT { x: at.x, y: at.y }, MONITOR_DEFAULTTONULL) };
        let dpi = (!handle.is_null())
            .then(|| {
                let (mut dx, mut dy) = (0u32, 0u32);
                // SAFETY: a monitor handle and two out values.
                (unsafe { GetDpiForMonitor(handle, MDT_EFFECTIVE_DPI, &mut dx, &mut dy) } == 0 && dx > 0).then_some(dx)
            })
            .flatten();
        let mut display = display_from_devmode(&adapter, has_monitor.then_some(&monitor), &mode, dpi);
        if let Some(id) = &display.monitor_id
            && let Some(Ok(edid)) = monitors.iter().find(|m| m.instance_id.eq_ignore_ascii_case(id)).map(|m| &m.edid)
        {
            display.edid = edid.clone();
        }
        found.push(display);
    }
    if found.is_empty() {
        return Err("Windows lists no display attached to the desktop".into());
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DELL: &[u8] = include_bytes!("../../../tests/fixtures/edid/dell-d3218hn.bin");

    fn fixed<const N: usize>(s: &str) -> [u16; N] {
        let mut out = [0u16; N];
        for (slot, unit) in out.iter_mut().zip(s.encode_utf16()) {
            *slot = unit;
        }
        out
    }

    #[test]
    fn monitor_devices_become_connectors_with_their_edid() {
        let m = MonitorDevice { instance_id: "DISPLAY\\DELD0B8\\5&2b1bc1c5&0&UID4353".into(), edid: Ok(DELL.to_vec()) };
        let c = connector_from_monitor(0, &m);
        assert_eq!((c.card.as_str(), c.name.as_str()), ("monitor", "Monitor 1 (DELD0B8)"));
        assert_eq!(c.status, ConnectorStatus::Connected);
        assert_eq!(c.edid, DELL);
        // The same parser as on Linux reads it.
        let parsed = crate::hw::display::edid::parse(&c.edid).unwrap();
        assert_eq!(parsed.manufacturer_id, "DEL");
        let broken = MonitorDevice { instance_id: "DISPLAY\\ACI27A1\\1".into(), edid: Err("access denied".into()) };
        let c = connector_from_monitor(1, &broken);
        assert!(c.edid.is_empty());
        assert_eq!(c.edid_read_error.as_deref(), Some("access denied (DISPLAY\\ACI27A1\\1)"));
    }

    #[test]
    fn interface_paths_map_to_instance_ids() {
        assert_eq!(
            interface_to_instance("\\\\?\\DISPLAY#DELD0B8#5&2b1bc1c5&0&UID4353#{e6f07b5f-ee97-4a90-b076-33f57bf4eaa7}")
                .as_deref(),
            Some("DISPLAY\\DELD0B8\\5&2b1bc1c5&0&UID4353")
        );
        assert_eq!(interface_to_instance("MONITOR\\DELD0B8\\{4d36e96e-e325-11ce-bfc1-08002be10318}\\0001"), None);
    }

    /// DISPLAY_DEVICEW and DEVMODEW with the values Windows fills for a laptop's second,
    /// portrait monitor: 1080×1920 at 59 Hz, placed right of a 1920-wide primary, 125 % scale.
    #[test]
    fn recorded_devmode_converts() {
        let adapter = DISPLAY_DEVICEW {
            cb: size_of::<DISPLAY_DEVICEW>() as u32,
            DeviceName: fixed("\\\\.\\DISPLAY2"),
            DeviceString: fixed("Intel(R) UHD Graphics 620"),
            StateFlags: DISPLAY_DEVICE_ATTACHED_TO_DESKTOP,
            ..DISPLAY_DEVICEW::default()
        };
        let monitor = DISPLAY_DEVICEW {
            cb: size_of::<DISPLAY_DEVICEW>() as u32,
            DeviceName: fixed("\\\\.\\DISPLAY2\\Monitor0"),
            DeviceString: fixed("Dell D3218HN (HDMI)"),
            DeviceID: fixed("\\\\?\\DISPLAY#DELD0B8#5&2b1bc1c5&0&UID4353#{e6f07b5f-ee97-4a90-b076-33f57bf4eaa7}"),
            ..DISPLAY_DEVICEW::default()
        };
        let mut mode = DEVMODEW {
            dmPelsWidth: 1080,
            dmPelsHeight: 1920,
            dmDisplayFrequency: 59,
            dmBitsPerPel: 32,
            ..DEVMODEW::default()
        };
        mode.Anonymous1.Anonymous2 = windows_sys::Win32::Graphics::Gdi::DEVMODEW_0_1 {
            dmPosition: windows_sys::Win32::Foundation::POINTL { x: 1920, y: 0 },
            dmDisplayOrientation: 1,
            dmDisplayFixedOutput: 0,
        };
        let d = display_from_devmode(&adapter, Some(&monitor), &mode, Some(120));
        assert_eq!(d.device, "\\\\.\\DISPLAY2");
        assert_eq!(d.adapter.as_deref(), Some("Intel(R) UHD Graphics 620"));
        assert_eq!(d.monitor.as_deref(), Some("Dell D3218HN (HDMI)"));
        assert_eq!(d.monitor_id.as_deref(), Some("DISPLAY\\DELD0B8\\5&2b1bc1c5&0&UID4353"));
        assert!(!d.primary);
        assert_eq!((d.width, d.height, d.hz, d.bits_per_pixel), (1080, 1920, Some(59.0), 32));
        assert_eq!((d.x, d.y, d.rotation.as_str()), (1920, 0, "left"));
        assert_eq!(d.scale_percent(), Some(125));
        let default_rate = DEVMODEW { dmDisplayFrequency: 1, ..DEVMODEW::default() };
        assert_eq!(display_from_devmode(&adapter, None, &default_rate, None).hz, None);
    }
}
