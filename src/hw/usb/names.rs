//! Names for vendor, product and class ids from the USB ID Repository (compiled into
//! the `usb-ids` crate, so no file or network is needed at run time).

use usb_ids::FromId;

/// The vendor's name, e.g. 0x046d → "Logitech, Inc.".
pub fn vendor_name(vendor_id: u16) -> Option<&'static str> {
    usb_ids::Vendor::from_id(vendor_id).map(|v| v.name())
}

/// The product's name, e.g. (0x046d, 0xc52b) → "Unifying Receiver".
pub fn product_name(vendor_id: u16, product_id: u16) -> Option<&'static str> {
    usb_ids::Device::from_vid_pid(vendor_id, product_id).map(|d| d.name())
}

/// The most specific class name known: protocol, else subclass, else class
/// ("Keyboard", "Mass Storage"). `None` for class 0 with nothing more specific.
pub fn class_name(class: u8, subclass: u8, protocol: u8) -> Option<String> {
    let base = usb_ids::Class::from_id(class).map(|c| c.name())?;
    if class == 0 {
        return None;
    }
    let sub = usb_ids::SubClass::from_cid_scid(class, subclass).map(|s| s.name()).filter(|n| *n != "No Subclass");
    let proto =
        usb_ids::Protocol::from_cid_scid_pid(class, subclass, protocol).map(|p| p.name()).filter(|n| *n != "None");
    Some(match (sub, proto) {
        (_, Some(p)) => format!("{base} ({p})"),
        (Some(s), None) => format!("{base} ({s})"),
        (None, None) => base.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids_have_their_names() {
        assert_eq!(vendor_name(0x046d), Some("Logitech, Inc."));
        assert_eq!(product_name(0x046d, 0xc52b), Some("Unifying Receiver"));
        assert_eq!(vendor_name(0x1d6b), Some("Linux Foundation"));
        assert_eq!(product_name(0x1d6b, 0x0002), Some("2.0 root hub"));
        assert_eq!(vendor_name(0xfffe), None);
        assert_eq!(product_name(0x046d, 0xfff0), None);
    }

    #[test]
    fn class_names_go_as_deep_as_known() {
        assert_eq!(class_name(0x08, 0x06, 0x50).as_deref(), Some("Mass Storage (Bulk-Only)"));
        assert_eq!(class_name(0x03, 0x01, 0x01).as_deref(), Some("Human Interface Device (Keyboard)"));
        assert_eq!(class_name(0x09, 0x00, 0x00).as_deref(), Some("Hub (Full speed (or root) hub)"));
        assert_eq!(class_name(0x00, 0x00, 0x00), None);
    }
}
