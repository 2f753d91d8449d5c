//! Maker names for the PNP ids seen most on office desks and laptop panels. Unknown ids
//! are shown as the three letters themselves (the full UEFI list has thousands of entries).

/// Well-known PNP ids, sorted by id.
const VENDORS: &[(&str, &str)] = &[
    ("AAC", "AcerView"),
    ("ACI", "Asus"),
    ("ACR", "Acer"),
    ("AOC", "AOC"),
    ("APP", "Apple"),
    ("AUO", "AU Optronics"),
    ("AUS", "Asus"),
    ("BNQ", "BenQ"),
    ("BOE", "BOE"),
    ("CMN", "Innolux"),
    ("CMO", "Chi Mei Optoelectronics"),
    ("CSO", "CSOT"),
    ("DEL", "Dell"),
    ("EIZ", "EIZO"),
    ("ENC", "EIZO"),
    ("FUS", "Fujitsu Siemens"),
    ("GBT", "Gigabyte"),
    ("GSM", "LG Electronics"),
    ("HPN", "HP"),
    ("HSD", "HannStar"),
    ("HWP", "HP"),
    ("IVM", "iiyama"),
    ("IVO", "InfoVision"),
    ("LEN", "Lenovo"),
    ("LGD", "LG Display"),
    ("LPL", "LG Philips"),
    ("MEI", "Panasonic"),
    ("MSI", "MSI"),
    ("NEC", "NEC"),
    ("PHL", "Philips"),
    ("SAM", "Samsung"),
    ("SDC", "Samsung Display"),
    ("SEC", "Seiko Epson"),
    ("SHP", "Sharp"),
    ("SNY", "Sony"),
    ("TSB", "Toshiba"),
    ("VIZ", "Vizio"),
    ("VSC", "ViewSonic"),
];

/// The maker's name for a PNP id, when it is a well-known one.
pub fn vendor_name(id: &str) -> Option<&'static str> {
    VENDORS.binary_search_by(|(k, _)| (*k).cmp(id)).ok().map(|i| VENDORS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_found() {
        assert!(VENDORS.windows(2).all(|w| w[0].0 < w[1].0), "VENDORS must stay sorted for binary search");
        assert_eq!(vendor_name("DEL"), Some("Dell"));
        assert_eq!(vendor_name("ZZZ"), None);
    }
}
