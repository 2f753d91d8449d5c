//! Batteries through the battery class driver, as Microsoft's "Enumerating Battery Devices"
//! sample does: SetupAPI lists the battery interfaces, `CreateFile` opens each for reading
//! and three IOCTLs ask it (tag, `BatteryInformation` + names, status). The device is
//! opened with read access only, which every user has: no admin rights needed.
//! The byte layouts are converted by pure functions, tested on recorded buffers (wine has
//! no battery to ask).

use windows_sys::Win32::Devices::DeviceAndDriverInstallation::{
    DIGCF_DEVICEINTERFACE, DIGCF_PRESENT, GUID_DEVCLASS_BATTERY, HDEVINFO, SP_DEVICE_INTERFACE_DATA,
    SP_DEVICE_INTERFACE_DETAIL_DATA_W, SetupDiDestroyDeviceInfoList, SetupDiEnumDeviceInterfaces, SetupDiGetClassDevsW,
    SetupDiGetDeviceInterfaceDetailW,
};
use windows_sys::Win32::Foundation::{CloseHandle, GENERIC_READ, GetLastError, HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::Storage::FileSystem::{
    CreateFileW, FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING,
};
use windows_sys::Win32::System::IO::DeviceIoControl;
use windows_sys::Win32::System::Power::{
    BATTERY_CAPACITY_RELATIVE, BATTERY_CHARGING, BATTERY_DISCHARGING, BATTERY_POWER_ON_LINE, BATTERY_QUERY_INFORMATION,
    BATTERY_QUERY_INFORMATION_LEVEL, BATTERY_UNKNOWN_CAPACITY, BATTERY_WAIT_STATUS, BatteryDeviceName,
    BatteryInformation, BatteryManufactureName, IOCTL_BATTERY_QUERY_INFORMATION, IOCTL_BATTERY_QUERY_STATUS,
    IOCTL_BATTERY_QUERY_TAG,
};

use crate::platform::{BatteryInfo, BatteryState};

/// `sizeof(BATTERY_INFORMATION)` and `sizeof(BATTERY_STATUS)`.
const INFORMATION_LEN: usize = 36;
const STATUS_LEN: usize = 16;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BatteryError {
    #[error("could not list the batteries: SetupDiGetClassDevs failed with Windows error {0}")]
    List(u32),
    #[error("battery {index}: {what} is {got} bytes, expected {expected}")]
    Short { index: usize, what: &'static str, got: usize, expected: usize },
}

fn u32_at(bytes: &[u8], offset: usize) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[offset..offset + 4]);
    u32::from_le_bytes(word)
}

fn known(value: u32) -> Option<f64> {
    (value != BATTERY_UNKNOWN_CAPACITY).then_some(f64::from(value))
}

/// One battery from the bytes of its `BATTERY_INFORMATION` and `BATTERY_STATUS` and its
/// two names. `index` numbers the batteries as Windows' battery report does (from 1).
pub fn battery_from(
    index: usize,
    information: &[u8],
    status: &[u8],
    device_name: Option<String>,
    manufacturer: Option<String>,
) -> Result<BatteryInfo, BatteryError> {
    let short = |what, got, expected| BatteryError::Short { index, what, got, expected };
    if information.len() < INFORMATION_LEN {
        return Err(short("BATTERY_INFORMATION", information.len(), INFORMATION_LEN));
    }
    if status.len() < STATUS_LEN {
        return Err(short("BATTERY_STATUS", status.len(), STATUS_LEN));
    }
    // BATTERY_INFORMATION: Capabilities, Technology + Reserved[3], Chemistry[4],
    // DesignedCapacity, FullChargedCapacity, DefaultAlert1, DefaultAlert2, CriticalBias, CycleCount.
    let capabilities = u32_at(information, 0);
    let designed = known(u32_at(information, 12));
    let full = known(u32_at(information, 16));
    let cycles = u32_at(information, 32);
    // BATTERY_STATUS: PowerState, Capacity, Voltage, Rate.
    let power_state = u32_at(status, 0);
    let remaining = known(u32_at(status, 4));
    // Relative capacities are percentages of an abstract full charge: a share of design
    // capacity built from them would say nothing about wear.
    let relative = capabilities & BATTERY_CAPACITY_RELATIVE != 0;
    let health_percent = match (full, designed) {
        (Some(f), Some(d)) if d > 0.0 && !relative => Some((f / d * 100.0).min(100.0)),
        _ => None,
    };
    let charge_percent = match (remaining, full) {
        (Some(r), Some(f)) if f > 0.0 => Some((r / f * 100.0).min(100.0)),
        _ => None,
    };
    let state = if power_state & BATTERY_CHARGING != 0 {
        BatteryState::Charging
    } else if power_state & BATTERY_DISCHARGING != 0 {
        BatteryState::Discharging
    } else if power_state & BATTERY_POWER_ON_LINE != 0 {
        // On mains and neither charging nor discharging: full, or held back by the
        // firmware's charge limit.
        if charge_percent.is_some_and(|c| c >= 99.0) { BatteryState::Full } else { BatteryState::NotCharging }
    } else {
        BatteryState::Unknown
    };
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(BatteryInfo {
        name: format!("Battery {index}"),
        model: clean(device_name),
        manufacturer: clean(manufacturer),
        charge_percent,
        state,
        health_percent,
        // 0 is what batteries that do not count cycles report.
        cycle_count: (cycles > 0).then_some(u64::from(cycles)),
    })
}

/// A UTF-16 name from an IOCTL output buffer, up to its NUL.
pub fn name_from(units: &[u16]) -> Option<String> {
    let end = units.iter().position(|u| *u == 0).unwrap_or(units.len());
    Some(String::from_utf16_lossy(&units[..end])).filter(|s| !s.trim().is_empty())
}

/// Every battery the system has; an empty list on a desktop.
pub fn read_batteries() -> Result<Vec<BatteryInfo>, BatteryError> {
    // SAFETY: a null enumerator and window are allowed; the list is freed below.
    let set: HDEVINFO = unsafe {
        SetupDiGetClassDevsW(
            &GUID_DEVCLASS_BATTERY,
            std::ptr::null(),
            std::ptr::null_mut(),
            DIGCF_PRESENT | DIGCF_DEVICEINTERFACE,
        )
    };
    if set == INVALID_HANDLE_VALUE as HDEVINFO {
        // SAFETY: no preconditions.
        return Err(BatteryError::List(unsafe { GetLastError() }));
    }
    let mut found = Vec::new();
    // A laptop has one or two; the bound only guards against a misbehaving driver.
    for member in 0..16u32 {
        let mut interface =
            SP_DEVICE_INTERFACE_DATA { cbSize: size_of::<SP_DEVICE_INTERFACE_DATA>() as u32, ..Default::default() };
        // SAFETY: `set` is a valid list; `interface` has its size set.
        let ok = unsafe {
            SetupDiEnumDeviceInterfaces(set, std::ptr::null(), &GUID_DEVCLASS_BATTERY, member, &mut interface)
        };
        if ok == 0 {
            break; // ERROR_NO_MORE_ITEMS
        }
        let Some(path) = device_path(set, &interface) else { continue };
        match query_battery(found.len() + 1, &path) {
            Some(Ok(b)) => found.push(b),
            Some(Err(err)) => tracing::warn!("{err}"),
            None => {}
        }
    }
    // SAFETY: `set` came from SetupDiGetClassDevsW and is freed once.
    unsafe { SetupDiDestroyDeviceInfoList(set) };
    Ok(found)
}

/// The interface's device path, NUL-terminated UTF-16, ready for `CreateFileW`.
fn device_path(set: HDEVINFO, interface: &SP_DEVICE_INTERFACE_DATA) -> Option<Vec<u16>> {
    let mut needed = 0u32;
    // SAFETY: the first call only asks for the size (null buffer, size 0).
    unsafe {
        SetupDiGetDeviceInterfaceDetailW(set, interface, std::ptr::null_mut(), 0, &mut needed, std::ptr::null_mut())
    };
    if (needed as usize) < size_of::<SP_DEVICE_INTERFACE_DETAIL_DATA_W>() {
        return None;
    }
    let mut buffer = vec![0u64; (needed as usize).div_ceil(8)];
    let detail = buffer.as_mut_ptr().cast::<SP_DEVICE_INTERFACE_DETAIL_DATA_W>();
    // SAFETY: the buffer is `needed` bytes, 8-byte aligned; cbSize is the fixed part's size
    // as SetupAPI requires; DevicePath is NUL-terminated within the buffer.
    unsafe {
        (*detail).cbSize = size_of::<SP_DEVICE_INTERFACE_DETAIL_DATA_W>() as u32;
        if SetupDiGetDeviceInterfaceDetailW(set, interface, detail, needed, &mut needed, std::ptr::null_mut()) == 0 {
            return None;
        }
        let start = std::ptr::addr_of!((*detail).DevicePath).cast::<u16>();
        let max = (needed as usize - 4) / 2;
        let units = std::slice::from_raw_parts(start, max);
        let end = units.iter().position(|u| *u == 0)?;
        Some(units[..=end].to_vec())
    }
}

/// Closes the battery handle however the queries end.
struct Device(HANDLE);

impl Drop for Device {
    fn drop(&mut self) {
        // SAFETY: the handle came from CreateFileW and is closed once.
        unsafe { CloseHandle(self.0) };
    }
}

impl Device {
    fn ioctl(&self, code: u32, input: &[u8], output: &mut [u8]) -> Option<usize> {
        let mut returned = 0u32;
        // SAFETY: both buffers are valid for their lengths; the call is synchronous.
        let ok = unsafe {
            DeviceIoControl(
                self.0,
                code,
                input.as_ptr().cast(),
                input.len() as u32,
                output.as_mut_ptr().cast(),
                output.len() as u32,
                &mut returned,
                std::ptr::null_mut(),
            )
        };
        (ok != 0).then_some(returned as usize)
    }

    fn information(&self, tag: u32, level: BATTERY_QUERY_INFORMATION_LEVEL, output: &mut [u8]) -> Option<usize> {
        let query = BATTERY_QUERY_INFORMATION { BatteryTag: tag, InformationLevel: level, AtRate: 0 };
        self.ioctl(IOCTL_BATTERY_QUERY_INFORMATION, as_bytes(&query), output)
    }

    fn name(&self, tag: u32, level: BATTERY_QUERY_INFORMATION_LEVEL) -> Option<String> {
        let mut bytes = [0u8; 512];
        let n = self.information(tag, level, &mut bytes)?;
        let units: Vec<u16> = bytes[..n].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        name_from(&units)
    }
}

fn as_bytes<T: Copy>(value: &T) -> &[u8] {
    // SAFETY: T is a plain repr(C) struct without padding-dependent meaning; read-only view.
    unsafe { std::slice::from_raw_parts((value as *const T).cast::<u8>(), size_of::<T>()) }
}

/// One battery, or None when it went away (no tag) or cannot be opened.
fn query_battery(index: usize, path: &[u16]) -> Option<Result<BatteryInfo, BatteryError>> {
    // SAFETY: `path` is NUL-terminated; read access and sharing as any user may ask.
    let handle = unsafe {
        CreateFileW(
            path.as_ptr(),
            GENERIC_READ,
            FILE_SHARE_READ | FILE_SHARE_WRITE,
            std::ptr::null(),
            OPEN_EXISTING,
            FILE_ATTRIBUTE_NORMAL,
            std::ptr::null_mut(),
        )
    };
    if handle == INVALID_HANDLE_VALUE {
        return None;
    }
    let device = Device(handle);
    let mut tag_bytes = [0u8; 4];
    // Wait 0 ms: the battery's tag now, or none.
    device.ioctl(IOCTL_BATTERY_QUERY_TAG, &0u32.to_le_bytes(), &mut tag_bytes)?;
    let tag = u32::from_le_bytes(tag_bytes);
    if tag == 0 {
        return None;
    }
    let mut information = [0u8; INFORMATION_LEN];
    let n = device.information(tag, BatteryInformation, &mut information)?;
    let wait = BATTERY_WAIT_STATUS { BatteryTag: tag, ..Default::default() };
    let mut status = [0u8; STATUS_LEN];
    let m = device.ioctl(IOCTL_BATTERY_QUERY_STATUS, as_bytes(&wait), &mut status)?;
    Some(battery_from(
        index,
        &information[..n],
        &status[..m],
        device.name(tag, BatteryDeviceName),
        device.name(tag, BatteryManufactureName),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ThinkPad's battery as its IOCTLs return it (values of `powercfg /batteryreport` on
    /// that laptop, laid out as BATTERY_INFORMATION / BATTERY_STATUS): 57 Wh designed,
    /// 48.76 Wh left at full charge after 214 cycles; on mains, charging, at 31.42 Wh.
    const INFORMATION: [u8; 36] = [
        0x00, 0x00, 0x00, 0x80, // Capabilities: BATTERY_SYSTEM_BATTERY
        0x01, 0x00, 0x00, 0x00, // Technology 1 (rechargeable), reserved
        b'L', b'i', b'P', b' ', // Chemistry "LiP "
        0xa8, 0xde, 0x00, 0x00, // DesignedCapacity 57000 mWh
        0x78, 0xbe, 0x00, 0x00, // FullChargedCapacity 48760 mWh
        0x5c, 0x09, 0x00, 0x00, // DefaultAlert1 2396
        0xb8, 0x12, 0x00, 0x00, // DefaultAlert2 4792
        0x00, 0x00, 0x00, 0x00, // CriticalBias
        0xd6, 0x00, 0x00, 0x00, // CycleCount 214
    ];
    const STATUS_CHARGING: [u8; 16] = [
        0x05, 0x00, 0x00, 0x00, // PowerState: ON_LINE | CHARGING
        0xbc, 0x7a, 0x00, 0x00, // Capacity 31420 mWh
        0x88, 0x31, 0x00, 0x00, // Voltage 12680 mV
        0x12, 0x48, 0x00, 0x00, // Rate +18450 mW
    ];

    #[test]
    fn a_worn_laptop_battery_charging() {
        let b = battery_from(1, &INFORMATION, &STATUS_CHARGING, Some("5B10W51867".into()), Some("SMP".into())).unwrap();
        assert_eq!(b.name, "Battery 1");
        assert_eq!((b.model.as_deref(), b.manufacturer.as_deref()), (Some("5B10W51867"), Some("SMP")));
        assert_eq!(b.state, BatteryState::Charging);
        assert_eq!(b.cycle_count, Some(214));
        let health = b.health_percent.unwrap();
        assert!((health - 85.54).abs() < 0.01, "{health}");
        let charge = b.charge_percent.unwrap();
        assert!((charge - 64.44).abs() < 0.01, "{charge}");
    }

    #[test]
    fn power_states() {
        let status = |state: u32, capacity: u32| {
            let mut s = STATUS_CHARGING;
            s[..4].copy_from_slice(&state.to_le_bytes());
            s[4..8].copy_from_slice(&capacity.to_le_bytes());
            battery_from(1, &INFORMATION, &s, None, None).unwrap()
        };
        assert_eq!(status(BATTERY_DISCHARGING, 20_000).state, BatteryState::Discharging);
        assert_eq!(status(BATTERY_POWER_ON_LINE, 48_760).state, BatteryState::Full);
        // A charge limit (80 %) on mains: not charging, not full.
        assert_eq!(status(BATTERY_POWER_ON_LINE, 39_000).state, BatteryState::NotCharging);
        assert_eq!(status(0, 20_000).state, BatteryState::Unknown);
        let unknown = status(BATTERY_DISCHARGING, BATTERY_UNKNOWN_CAPACITY);
        assert_eq!(unknown.charge_percent, None);
    }

    #[test]
    fn relative_capacities_give_a_charge_but_no_health() {
        let mut info = INFORMATION;
        info[..4].copy_from_slice(&(0x8000_0000u32 | BATTERY_CAPACITY_RELATIVE).to_le_bytes());
        info[12..16].copy_from_slice(&100u32.to_le_bytes());
        info[16..20].copy_from_slice(&100u32.to_le_bytes());
        info[32..36].copy_from_slice(&0u32.to_le_bytes());
        let mut status = STATUS_CHARGING;
        status[4..8].copy_from_slice(&57u32.to_le_bytes());
        let b = battery_from(2, &info, &status, Some("  ".into()), None).unwrap();
        assert_eq!((b.health_percent, b.cycle_count, b.model.as_deref()), (None, None, None));
        assert!(b.charge_percent.is_some_and(|c| (c - 57.0).abs() < 1e-9), "{b:?}");
    }

    #[test]
    fn short_buffers_are_errors_not_panics() {
        let err = battery_from(1, &INFORMATION[..20], &STATUS_CHARGING, None, None).unwrap_err();
        assert_eq!(err.to_string(), "battery 1: BATTERY_INFORMATION is 20 bytes, expected 36");
        assert!(battery_from(1, &INFORMATION, &[0; 3], None, None).is_err());
    }

    #[test]
    fn the_layouts_match_the_windows_structs() {
        use windows_sys::Win32::System::Power::{BATTERY_INFORMATION, BATTERY_STATUS};
        assert_eq!(size_of::<BATTERY_INFORMATION>(), INFORMATION_LEN);
        assert_eq!(size_of::<BATTERY_STATUS>(), STATUS_LEN);
    }

    #[test]
    fn names_stop_at_the_nul() {
        let units: Vec<u16> = "SMP\0garbage".encode_utf16().collect();
        assert_eq!(name_from(&units).as_deref(), Some("SMP"));
        assert_eq!(name_from(&[0, 0]), None);
    }
}
