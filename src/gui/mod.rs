//! The desktop window: a home screen with the five areas and their badges, one
//! "Check everything" button, live progress, the results list, technician notes, and
//! saving, copying and opening bundles, and the Network view (layer ladder, lease, ping
//! graphs, live hop table with "Trace to…", DNS per server, the DHCP-server probe). It only draws the session's state and sends
//! commands; the engine and background jobs do the work and wake it when something changed.

mod app;
mod checklist_run;
pub mod first_frame;
pub mod guided;
mod jobs;
mod manual_trace;
pub mod renderer;
pub mod settings;
mod state;
pub mod tools;
mod views;
mod widgets;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

pub use app::DeskcheckApp;
use eframe::egui;
use eframe::egui_wgpu::{self, wgpu};
pub use renderer::{Renderer, RendererError};
pub use settings::{Settings, UiMode};

use crate::checks::CheckBox;
use crate::config::Config;
use crate::logging::LogBuffer;

/// Title of the native window; the Xvfb test looks for a window with this name.
pub const WINDOW_TITLE: &str = "deskcheck";

/// The window's first size (logical points): it fits a 1280×720 screen with its title bar
/// and a taskbar, so nothing opens off-screen on the small laptops support meets most.
pub const INITIAL_SIZE: [f32; 2] = [1180.0, 640.0];
/// Below this the top bar and the area cards no longer fit side by side.
pub const MIN_SIZE: [f32; 2] = [640.0, 420.0];

/// The app icon (the same picture as the `.desktop` file's), for the title bar and taskbar.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/128x128/apps/deskcheck.png");

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
    /// Where the window's settings are remembered; `None` keeps them in memory only (tests).
    pub settings_path: Option<PathBuf>,
    /// Start in this mode whatever the settings say (tests).
    pub mode: Option<UiMode>,
    /// `--lang`: the language for this run, over the saved one (else the OS locale).
    pub lang: Option<crate::i18n::Lang>,
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
            settings_path: None,
            mode: None,
            lang: None,
        }
    }
}

/// Why the window could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum GuiError {
    #[error(transparent)]
    Renderer(#[from] RendererError),
    #[error("no renderer could draw the window: {}", renderer::describe_failures(.0))]
    NoRenderer(Vec<renderer::Failure>),
    #[error("the window stopped with renderer {renderer}: {source}")]
    Run {
        renderer: Renderer,
        #[source]
        source: eframe::Error,
    },
}

/// Open the native window titled "deskcheck" and run until it is closed, with the first
/// renderer that can draw it (see `renderer`). Returns the renderer that was used.
pub fn run(options: GuiOptions) -> Result<Renderer, GuiError> {
    let plan = renderer_plan()?;
    tracing::info!("renderer: will try {}", plan.iter().map(|r| r.name()).collect::<Vec<_>>().join(", then "));
    // The Fluent bundles (every domain, both languages) are parsed on first use: parse them
    // while the window and its GPU device are being made, not in the first frame's first `t!`.
    // If the thread cannot start, the first frame parses them as before.
    let _ = std::thread::Builder::new().name("deskcheck-i18n".into()).spawn(|| crate::i18n::exists(""));

    // The options go to the app only once a renderer has drawn its device; a renderer that
    // fails before that leaves them here for the next one. eframe keeps one event loop per
    // thread and reuses it (`run_and_return`), so a second window is allowed where winit
    // allows only one event loop per process.
    let pending = Rc::new(RefCell::new(Some(options)));
    let mut failures = Vec::new();
    for renderer in plan {
        let slot = Rc::clone(&pending);
        let result = eframe::run_native(
            WINDOW_TITLE,
            native_options(renderer),
            Box::new(move |cc| {
                log_renderer_in_use(renderer, cc);
                let options = slot.borrow_mut().take().ok_or("the window was already started once")?;
                Ok(first_frame::wrap(DeskcheckApp::new(options)))
            }),
        );
        match result {
            Ok(()) => return Ok(renderer),
            // Failed after the app started: the user's work is in it, a new window would lose it.
            Err(source) if pending.borrow().is_none() => return Err(GuiError::Run { renderer, source }),
            Err(err) => {
                tracing::warn!("renderer: {renderer} could not draw the window: {err}; trying the next one");
                failures.push(renderer::Failure { renderer, reason: err.to_string() });
            }
        }
    }
    Err(GuiError::NoRenderer(failures))
}

/// The renderers to try, in order, from `DESKCHECK_RENDERER` and `WGPU_BACKEND` (see `renderer`).
/// Public so `examples/minimal_window.rs` chooses exactly as the app does.
pub fn renderer_plan() -> Result<Vec<Renderer>, RendererError> {
    let forced = std::env::var(renderer::RENDERER_VAR).ok();
    let wgpu_backend = std::env::var(renderer::WGPU_BACKEND_VAR).ok();
    let request = renderer::Request::parse(forced.as_deref())?;
    renderer::plan(request, wgpu::Instance::enabled_backend_features(), wgpu_backend.as_deref())
}

/// The window's options with one renderer (and for wgpu, one backend) chosen. Public so
/// `examples/minimal_window.rs` opens its window with the same options (size, renderer setup).
pub fn native_options(renderer: Renderer) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(WINDOW_TITLE)
        .with_app_id(WINDOW_TITLE)
        .with_inner_size(INITIAL_SIZE)
        .with_min_inner_size(MIN_SIZE);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        // Only the taskbar picture is lost; the window itself works.
        Err(err) => tracing::warn!("the window icon could not be decoded: {err}"),
    }
    let Some(backends) = renderer.wgpu_backends() else {
        return eframe::NativeOptions { viewport, renderer: eframe::Renderer::Glow, ..Default::default() };
    };
    let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends;
    eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Wgpu,
        wgpu_options: egui_wgpu::WgpuConfiguration {
            wgpu_setup: egui_wgpu::WgpuSetup::CreateNew(setup),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Says in the log (and so in every bundle's log.txt) what draws the window: a support ticket
/// about a blank or slow window starts there.
fn log_renderer_in_use(renderer: Renderer, cc: &eframe::CreationContext<'_>) {
    match &cc.wgpu_render_state {
        Some(state) => {
            let info = state.adapter.get_info();
            tracing::info!(
                "renderer: drawing with {renderer} on {} ({:?}, driver {})",
                info.name,
                info.device_type,
                info.driver
            );
        }
        None => tracing::info!("renderer: drawing with {renderer}"),
    }
}
