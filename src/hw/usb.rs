//! USB devices with names from the USB ID database.
