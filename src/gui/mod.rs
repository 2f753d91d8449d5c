//! The desktop window: a home screen with the five areas and their badges, one
//! "Check everything" button, live progress, the results list, technician notes, and
//! saving, copying and opening bundles, and the Network view (layer ladder, lease, ping
//! graphs, live hop table with "Trace to…", DNS per server, the DHCP-server probe). It only draws the session's state and sends
//! commands; the engine and background jobs do the work and wake it when something changed.

mod app;
mod checklist_run;
mod jobs;
mod manual_trace;
pub mod tools;
mod views;
mod widgets;

use std::path::PathBuf;
use std::sync::Arc;

pub use app::DeskcheckApp;
use eframe::egui;

use crate::checks::CheckBox;
use crate::config::Config;
use crate::logging::LogBuffer;

/// Title of the native window; the Xvfb test looks for a window with this name.
pub const WINDOW_TITLE: &str = "deskcheck";

/// Everything the window needs from its caller.
pub struct GuiOptions {
    pub config: Arc<Config>,
    /// The checks "Check everything" runs; `None` means every real check (`checks::registry()`).
    pub checks: Option<Vec<CheckBox>>,
    /// When set, "Save bundle…" writes here without asking (tests; no dialog).
    pub save_path: Option<PathBuf>,
    /// When set, "Open bundle…" opens this file without asking (tests; no dialog).
    pub open_path: Option<PathBuf>,
    /// This run's log, saved into the bundle as `log.txt`.
    pub log: LogBuffer,
    /// A bundle to open read-only as soon as the window shows.
    pub open_at_start: Option<PathBuf>,
    /// Start walking this checklist (by id) as soon as the checklists are loaded.
    pub start_checklist: Option<String>,
    /// Start in the Network view (with `open_at_start`: once that bundle is open).
    pub network_view: bool,
}

impl GuiOptions {
    /// Every real check, dialogs for saving and opening.
    pub fn new(config: Arc<Config>, log: LogBuffer) -> Self {
        Self {
            config,
            checks: None,
            save_path: None,
            open_path: None,
            log,
            open_at_start: None,
            start_checklist: None,
            network_view: false,
        }
    }
}

/// Open the native window titled "deskcheck" and run until it is closed.
pub fn run(options: GuiOptions) -> Result<(), eframe::Error> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(WINDOW_TITLE)
            .with_app_id(WINDOW_TITLE)
            .with_inner_size([1180.0, 780.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(WINDOW_TITLE, native, Box::new(move |_cc| Ok(Box::new(DeskcheckApp::new(options)))))
}
