//! Opens a saved bundle straight into the Network view, for looking at the view by hand
//! or photographing it: `cargo run --example gui_network_view -- deskcheck-host-….zip`.
//! (`DESKCHECK_KEEP_NETWORK_BUNDLE=/tmp/net.zip cargo test --test gui_network a_real`
//! leaves a bundle from a real network run in a test topology there.)

use std::path::PathBuf;
use std::sync::Arc;

use deskcheck::config::Config;
use deskcheck::gui::{self, GuiOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(bundle) = std::env::args_os().nth(1).map(PathBuf::from) else {
        return Err("usage: gui_network_view <bundle.zip>".into());
    };
    let log = deskcheck::logging::init();
    let mut options = GuiOptions::new(Arc::new(Config::default()), log);
    // No checks: this window only shows the bundle.
    options.checks = Some(Vec::new());
    options.open_at_start = Some(bundle);
    options.network_view = true;
    gui::run(options)?;
    Ok(())
}
