//! The fixed numbering of check ids inside a read-out code.
//!
//! A code made by one version of deskcheck is decoded by another (the user's copy and the
//! technician's rarely match), so a number, once given, means the same check forever:
//! this table is append-only. Never renumber, never reuse a number; a retired check keeps
//! its row. A new check gets the next free number (the test below fails until it has one).
//! Numbers run 1..=63 ([`MAX_NUMBER`]); past that the code needs a new format version.

/// The highest number a format-1 code can carry.
pub const MAX_NUMBER: u8 = 63;

/// `(number, check id)`, in the order the numbers were given.
pub const TABLE: &[(u8, &str)] = &[
    (1, "net.link.status"),
    (2, "net.wifi.link"),
    (3, "net.dhcp.lease"),
    (4, "net.dhcp.probe"),
    (5, "net.gateway.ping"),
    (6, "net.dns.resolve"),
    (7, "net.internet.ping"),
    (8, "net.trace.path"),
    (9, "net.services.tcp"),
    (10, "net.services.http"),
    (11, "net.services.captive_portal"),
    (12, "printers.spooler"),
    (13, "printers.queues"),
    (14, "printers.status"),
    (15, "printers.reach"),
    (16, "printers.jobs.cancel_stuck"),
    (17, "printers.spooler.restart"),
    (18, "printers.test_page"),
    (19, "displays.monitors"),
    (20, "displays.connectors"),
    (21, "peripherals.usb.devices"),
    (22, "peripherals.usb.watch"),
    (23, "peripherals.audio.devices"),
    (24, "system.os.uptime"),
    (25, "system.cpu.load"),
    (26, "system.memory.usage"),
    (27, "system.disk.free"),
    (28, "system.battery.health"),
    (29, "system.temperature.sensors"),
    (30, "system.network.interfaces"),
];

/// The number of a check id, if it has one.
pub fn number_of(id: &str) -> Option<u8> {
    TABLE.iter().find(|(_, i)| *i == id).map(|(n, _)| *n)
}

/// The check id of a number, if this version of deskcheck knows it.
pub fn id_of(number: u8) -> Option<&'static str> {
    TABLE.iter().find(|(n, _)| *n == number).map(|(_, i)| *i)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_check_has_a_number() {
        for check in crate::checks::all_checks() {
            let id = check.meta().id;
            assert!(number_of(id).is_some(), "check {id} has no read-out number: append it to readout/ids.rs");
        }
    }

    #[test]
    fn numbers_and_ids_are_unique_and_in_range() {
        let numbers: HashSet<u8> = TABLE.iter().map(|(n, _)| *n).collect();
        let ids: HashSet<&str> = TABLE.iter().map(|(_, i)| *i).collect();
        assert_eq!(numbers.len(), TABLE.len(), "a number is given twice");
        assert_eq!(ids.len(), TABLE.len(), "an id is numbered twice");
        assert!(TABLE.iter().all(|(n, _)| (1..=MAX_NUMBER).contains(n)));
        // Append-only: numbers are given in order, so a row inserted in the middle shows.
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    /// The first rows, pinned: changing them would make old codes decode to the wrong checks.
    #[test]
    fn numbers_given_never_change() {
        assert_eq!(number_of("net.link.status"), Some(1));
        assert_eq!(number_of("net.dns.resolve"), Some(6));
        assert_eq!(number_of("printers.status"), Some(14));
        assert_eq!(number_of("system.network.interfaces"), Some(30));
    }
}
