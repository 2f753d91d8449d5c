//! Opens the deskcheck window with the test-only checks (no network), for trying the GUI
//! by hand: `cargo run --example gui_smoke`. The real binary opens the same window with
//! the real checks when started without a subcommand.

use std::sync::Arc;

use deskcheck::checks::testing;
use deskcheck::config::Config;
use deskcheck::gui::{self, GuiOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let log = deskcheck::logging::init();
    let mut options = GuiOptions::new(Arc::new(Config::default()), log);
    let names: Vec<String> = ["pass", "slow", "secrets", "panic", "sleep"].map(String::from).to_vec();
    options.checks = Some(testing::by_names(&names)?);
    gui::run(options)?;
    Ok(())
}
