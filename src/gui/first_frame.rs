//! The first-frame marker for `scripts/startup-cost`: when `DESKCHECK_FIRST_FRAME_FILE` names a
//! file, the window writes the wall-clock time (nanoseconds since the UNIX epoch) into it once
//! its first frame is on screen. The script subtracts the time it spawned the process.
//!
//! The marker wraps any `eframe::App`, so deskcheck and `examples/minimal_window.rs` are measured
//! by the same code; without the variable the app is not wrapped at all (nothing on the hot path).

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use eframe::egui;

/// The variable naming the file to write the first-frame time into.
pub const FIRST_FRAME_VAR: &str = "DESKCHECK_FIRST_FRAME_FILE";

/// `app` wrapped in the marker when `DESKCHECK_FIRST_FRAME_FILE` is set, else `app` itself.
pub fn wrap<A: eframe::App + 'static>(app: A) -> Box<dyn eframe::App> {
    match std::env::var_os(FIRST_FRAME_VAR) {
        Some(path) if !path.is_empty() => Box::new(FirstFrame { app, path: Some(PathBuf::from(path)), drawn: false }),
        _ => Box::new(app),
    }
}

/// An app that writes the marker once, at the start of the pass after its first `ui`: by then
/// eframe has painted and presented the first frame (painting follows `ui` in the same pass).
struct FirstFrame<A> {
    app: A,
    /// Taken when the marker is written.
    path: Option<PathBuf>,
    drawn: bool,
}

impl<A> FirstFrame<A> {
    fn mark_if_drawn(&mut self) {
        if !self.drawn {
            return;
        }
        let Some(path) = self.path.take() else { return };
        let ns = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        if let Err(err) = std::fs::write(&path, format!("{ns}\n")) {
            tracing::warn!("first frame: could not write the marker: {err} ({})", path.display());
        }
    }
}

impl<A: eframe::App> eframe::App for FirstFrame<A> {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        if !self.drawn {
            self.drawn = true;
            // One more pass, so the marker is written right after this frame is presented.
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.app.on_exit(gl);
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        self.app.auto_save_interval()
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }

    fn persist_egui_memory(&self) -> bool {
        self.app.persist_egui_memory()
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // Called before the next pass's `logic`, as early as eframe lets an app run after painting.
        self.mark_if_drawn();
        self.app.raw_input_hook(ctx, raw_input);
    }
}
