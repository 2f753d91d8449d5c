//! USB devices with names from the USB ID database: the list (through `nusb`, which
//! reads sysfs on Linux, IOKit on macOS and SetupAPI on Windows without opening any
//! device), and a watcher that notices a device being plugged in.

mod names;
mod watch;

use serde::{Deserialize, Serialize};

pub use names::{class_name, product_name, vendor_name};
pub use watch::{UsbDiff, WatchOutcome, diff, wait_for_new_device};

/// How fast a device is connected (what the bus negotiated, not what the device could do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UsbSpeed {
    /// USB 1 low speed, 1.5 Mbit/s (keyboards, mice).
    Low,
    /// USB 1 full speed, 12 Mbit/s.
    Full,
    /// USB 2 high speed, 480 Mbit/s.
    High,
    /// USB 3 SuperSpeed, 5 Gbit/s.
    Super,
    /// USB 3 SuperSpeed+, 10 Gbit/s or more.
    SuperPlus,
}

impl UsbSpeed {
    /// The signalling rate in Mbit/s.
    pub fn mbps(self) -> f64 {
        match self {
            Self::Low => 1.5,
            Self::Full => 12.0,
            Self::High => 480.0,
            Self::Super => 5_000.0,
            Self::SuperPlus => 10_000.0,
        }
    }

    /// Plain words with the rate, e.g. "high speed (480 Mbit/s)".
    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "low speed (1.5 Mbit/s)",
            Self::Full => "full speed (12 Mbit/s)",
            Self::High => "high speed (480 Mbit/s)",
            Self::Super => "SuperSpeed (5 Gbit/s)",
            Self::SuperPlus => "SuperSpeed+ (10 Gbit/s)",
        }
    }

    fn from_nusb(speed: nusb::Speed) -> Option<Self> {
        Some(match speed {
            nusb::Speed::Low => Self::Low,
            nusb::Speed::Full => Self::Full,
            nusb::Speed::High => Self::High,
            nusb::Speed::Super => Self::Super,
            nusb::Speed::SuperPlus => Self::SuperPlus,
            // `Speed` is non-exhaustive; a newer, faster kind is at least SuperSpeed+.
            _ => Self::SuperPlus,
        })
    }
}

/// Where a device's names came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameSource {
    /// The device's own string descriptors, as the OS cached them.
    Device,
    /// The USB ID database (vendor/product ids).
    UsbIds,
    /// Neither knows this device.
    Unknown,
}

/// One USB device as the OS sees it (root hubs are not listed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsbDevice {
    /// The bus or host controller, as the OS names it (Linux: "1", "2", …).
    pub bus: String,
    /// The device's address on its bus; it changes every time the device is plugged in.
    pub address: u8,
    /// The chain of hub ports from the root, e.g. "1.4.2" (stable for a physical port).
    pub port_path: String,
    pub vendor_id: u16,
    pub product_id: u16,
    pub vendor_name: Option<String>,
    pub product_name: Option<String>,
    pub names_from: NameSource,
    pub serial: Option<String>,
    /// Device class code; 0 means "look at the interfaces", so `class_name` names the first one.
    pub class: u8,
    pub class_name: Option<String>,
    /// The USB version the device claims (bcdUSB), e.g. "3.20".
    pub usb_version: String,
    pub speed: Option<UsbSpeed>,
}

impl UsbDevice {
    /// "Logitech, Inc. Unifying Receiver (046d:c52b)", or the ids alone.
    pub fn display_name(&self) -> String {
        let ids = format!("{:04x}:{:04x}", self.vendor_id, self.product_id);
        match (&self.vendor_name, &self.product_name) {
            (Some(v), Some(p)) if p.starts_with(v.as_str()) => format!("{p} ({ids})"),
            (Some(v), Some(p)) => format!("{v} {p} ({ids})"),
            (None, Some(p)) => format!("{p} ({ids})"),
            (Some(v), None) => format!("a device from {v} ({ids})"),
            (None, None) => format!("an unknown device ({ids})"),
        }
    }

    /// True when the device is USB 3 capable but runs at USB 2 speed or slower: usually a
    /// USB 2 port, hub or cable in the way.
    pub fn slower_than_capable(&self) -> bool {
        let claims_usb3 = self.usb_version.split('.').next().and_then(|m| m.parse::<u8>().ok()).is_some_and(|m| m >= 3);
        claims_usb3 && self.speed.is_some_and(|s| s.mbps() < UsbSpeed::Super.mbps())
    }
}

/// Why the USB devices could not be listed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum UsbError {
    /// No USB bus is visible here at all (containers, some virtual machines).
    #[error("no USB bus is visible on this system ({0})")]
    NoBus(String),
    #[error("could not list USB devices: {0}")]
    List(String),
    #[error("could not watch for new USB devices: {0}")]
    Watch(String),
}

/// The USB devices present now, in bus/port order. Reads only what the OS has cached
/// (no device is opened, so this never disturbs a device in use).
pub fn list_devices() -> Result<Vec<UsbDevice>, UsbError> {
    use nusb::MaybeFuture;

    let devices = nusb::list_devices().wait().map_err(|err| {
        // Linux: no /sys/bus/usb at all (ENOENT) means there is no USB bus in this system or container.
        if err.os_error() == Some(2) { UsbError::NoBus(format!("{err:#}")) } else { UsbError::List(format!("{err:#}")) }
    })?;
    let mut list: Vec<UsbDevice> = devices.map(|info| from_info(&info)).collect();
    list.sort_by(|a, b| (&a.bus, &a.port_path, a.address).cmp(&(&b.bus, &b.port_path, b.address)));
    Ok(list)
}

fn from_info(info: &nusb::DeviceInfo) -> UsbDevice {
    let (vid, pid) = (info.vendor_id(), info.product_id());
    let os_vendor = info.manufacturer_string().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let os_product = info.product_string().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let names_from = if os_vendor.is_some() || os_product.is_some() {
        NameSource::Device
    } else if vendor_name(vid).is_some() {
        NameSource::UsbIds
    } else {
        NameSource::Unknown
    };
    let vendor = os_vendor.or_else(|| vendor_name(vid).map(String::from));
    let product = os_product.or_else(|| product_name(vid, pid).map(String::from));
    // Class 0 ("defined at interface level"): the first interface says what the device is.
    let (class, subclass, protocol) = match info.class() {
        0 => info.interfaces().next().map(|i| (i.class(), i.subclass(), i.protocol())).unwrap_or((0, 0, 0)),
        c => (c, info.subclass(), info.protocol()),
    };
    let bcd = info.usb_version();
    UsbDevice {
        bus: info.bus_id().to_string(),
        address: info.device_address(),
        port_path: info.port_chain().iter().map(u8::to_string).collect::<Vec<_>>().join("."),
        vendor_id: vid,
        product_id: pid,
        vendor_name: vendor,
        product_name: product,
        names_from,
        serial: info.serial_number().map(String::from),
        class,
        class_name: class_name(class, subclass, protocol),
        usb_version: format!("{}.{:02x}", bcd >> 8, bcd & 0xff),
        speed: info.speed().and_then(UsbSpeed::from_nusb),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn device(bus: &str, address: u8, vid: u16, pid: u16) -> UsbDevice {
        UsbDevice {
            bus: bus.into(),
            address,
            port_path: "1".into(),
            vendor_id: vid,
            product_id: pid,
            vendor_name: vendor_name(vid).map(String::from),
            product_name: product_name(vid, pid).map(String::from),
            names_from: NameSource::UsbIds,
            serial: None,
            class: 0,
            class_name: None,
            usb_version: "2.00".into(),
            speed: Some(UsbSpeed::High),
        }
    }

    #[test]
    fn display_name_uses_vendor_product_and_ids() {
        let d = device("1", 3, 0x046d, 0xc52b);
        assert_eq!(d.display_name(), "Logitech, Inc. Unifying Receiver (046d:c52b)");
        let unknown = device("1", 4, 0xfffe, 0x0001);
        assert_eq!(unknown.display_name(), "an unknown device (fffe:0001)");
    }

    #[test]
    fn usb3_device_at_usb2_speed_is_noticed() {
        let mut d = device("2", 2, 0x0781, 0x5581);
        d.usb_version = "3.20".into();
        d.speed = Some(UsbSpeed::High);
        assert!(d.slower_than_capable());
        d.speed = Some(UsbSpeed::Super);
        assert!(!d.slower_than_capable());
        // A USB 2 keyboard at full speed is normal.
        let mut k = device("1", 5, 0x046d, 0xc31c);
        k.speed = Some(UsbSpeed::Full);
        assert!(!k.slower_than_capable());
    }

    /// Lists the real devices where a USB bus is visible; says it skipped where not.
    #[test]
    fn lists_real_devices_or_says_there_is_no_bus() {
        match list_devices() {
            Ok(list) => {
                for d in &list {
                    assert!(!d.bus.is_empty(), "{d:?}");
                    assert!(d.usb_version.contains('.'), "{d:?}");
                }
            }
            Err(UsbError::NoBus(why)) => eprintln!("skipped: no USB bus on this machine ({why})"),
            Err(other) => panic!("listing failed: {other:#}"),
        }
    }
}
