//! Opens the deskcheck window straight into a guided checklist, for trying it by hand:
//! `cargo run --example gui_checklist -- printer` (or display, peripheral, or your own id).
//! Printer discovery stays off, so nothing is sent to the LAN.

use std::sync::Arc;

use deskcheck::config::Config;
use deskcheck::gui::{self, GuiOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let log = deskcheck::logging::init();
    let mut config = Config::default();
    config.printers.discover_mdns = false;
    let mut options = GuiOptions::new(Arc::new(config), log);
    options.start_checklist = Some(std::env::args().nth(1).unwrap_or_else(|| "printer".into()));
    gui::run(options)?;
    Ok(())
}
