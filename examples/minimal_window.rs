//! The smallest eframe window — an empty central panel with one label — opened exactly the way
//! deskcheck opens its own: the same renderer plan (`DESKCHECK_RENDERER`, `WGPU_BACKEND`, wgpu
//! backends then glow), the same `NativeOptions` (size, renderer setup, vsync, multisampling, depth)
//! and the same first-frame marker (`DESKCHECK_FIRST_FRAME_FILE`). `scripts/startup-cost` runs it
//! beside deskcheck, so the ratios it prints are the cost of deskcheck itself, not of eframe.
//!
//! Run: `cargo run --release --example minimal_window`.

use std::cell::Cell;
use std::rc::Rc;

use deskcheck::gui::{self, first_frame};
use eframe::egui;

struct Minimal;

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("minimal eframe window");
        });
    }
}

fn main() -> std::process::ExitCode {
    let plan = match gui::renderer_plan() {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("minimal_window: {err}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // As in `gui::run`: a renderer that fails before the app starts lets the next one try.
    let started = Rc::new(Cell::new(false));
    for renderer in plan {
        let mut options = gui::native_options(renderer);
        options.viewport.title = Some("minimal_window".into());
        options.viewport.app_id = Some("minimal_window".into());
        let flag = Rc::clone(&started);
        let result = eframe::run_native(
            "minimal_window",
            options,
            Box::new(move |cc| {
                flag.set(true);
                // Same line as deskcheck's log, so the script can show both drew with one renderer.
                match &cc.wgpu_render_state {
                    Some(state) => eprintln!("renderer: drawing with {renderer} on {}", state.adapter.get_info().name),
                    None => eprintln!("renderer: drawing with {renderer}"),
                }
                Ok(first_frame::wrap(Minimal))
            }),
        );
        match result {
            Ok(()) => return std::process::ExitCode::SUCCESS,
            Err(err) if started.get() => {
                eprintln!("minimal_window: the window stopped with renderer {renderer}: {err}");
                return std::process::ExitCode::FAILURE;
            }
            Err(err) => {
                eprintln!("minimal_window: renderer {renderer} could not draw the window: {err}; trying the next one")
            }
        }
    }
    eprintln!("minimal_window: no renderer could draw the window");
    std::process::ExitCode::FAILURE
}
