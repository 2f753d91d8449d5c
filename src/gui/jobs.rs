//! Background jobs for the window: file dialogs and bundle writing and reading run off
//! the UI thread and report back over a channel, waking the UI with `request_repaint`.
//! A full disk, a slow network share or a dialog left open never freezes the window.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::task::{Context as TaskContext, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::bundle::{self, OpenedBundle, WriteOptions, Written};
use crate::engine::panic_message;
use crate::logging::LogBuffer;
use crate::model::Report;
use crate::t;

/// What a finished job hands back to the UI thread.
pub enum JobResult {
    /// The save dialog closed: the chosen path, or `None` when the user cancelled.
    SaveTarget(Picked),
    Saved(Result<Written, String>),
    /// The open dialog closed: the chosen path, or `None` when the user cancelled.
    OpenTarget(Picked),
    Opened(Result<Box<OpenedBundle>, String>),
}

/// What a file dialog answered.
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// Closed without an answer faster than anyone can click: there was no dialog to show
    /// (on Linux, neither xdg-desktop-portal nor zenity). rfd cannot tell us directly.
    NoDialog,
}

impl Picked {
    /// A person needs longer than this to cancel a dialog.
    const HUMAN_MIN: Duration = Duration::from_millis(300);

    fn from(path: Option<PathBuf>, shown_for: Duration) -> Self {
        match path {
            Some(path) => Picked::Path(path),
            None if shown_for < Self::HUMAN_MIN => Picked::NoDialog,
            None => Picked::Cancelled,
        }
    }
}

/// Spawns jobs and collects their results; counts what is still out.
pub struct Jobs {
    tx: mpsc::Sender<JobResult>,
    rx: mpsc::Receiver<JobResult>,
    pending: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Self { tx, rx, pending: 0 }
    }
}

impl Jobs {
    /// A finished job's result, if one is waiting; never blocks.
    pub fn try_recv(&mut self) -> Option<JobResult> {
        let result = self.rx.try_recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(result)
    }

    /// Whether any job is still running.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// Write the bundle on a background thread.
    pub fn write_bundle(
        &mut self,
        ctx: &egui::Context,
        report: Report,
        log: LogBuffer,
        path: PathBuf,
        options: WriteOptions,
    ) -> Result<(), String> {
        self.spawn(
            ctx,
            "deskcheck-save",
            move || {
                // The log is read here, not on the UI thread: it can be large after a long run.
                let result = bundle::write(&report, &log.text(), &path, &options).map_err(|err| format!("{err:#}"));
                JobResult::Saved(result)
            },
            |panic| JobResult::Saved(Err(format!("the bundle writer crashed: {panic}"))),
        )
    }

    /// Read and verify a saved bundle on a background thread.
    pub fn read_bundle(&mut self, ctx: &egui::Context, path: PathBuf) -> Result<(), String> {
        self.spawn(
            ctx,
            "deskcheck-open",
            move || JobResult::Opened(bundle::read(&path).map(Box::new).map_err(|err| format!("{err:#}"))),
            |panic| JobResult::Opened(Err(format!("the bundle reader crashed: {panic}"))),
        )
    }

    /// Ask the user where to save. The dialog is created here, on the UI thread (macOS wants
    /// that), and awaited on a background thread.
    pub fn pick_save_path(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        directory: Option<&Path>,
        file_name: &str,
    ) -> Result<(), String> {
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_title(t!("gui-dialog-save-title"))
            .add_filter(t!("gui-dialog-filter"), &["zip"])
            .set_file_name(file_name)
            .set_parent(frame);
        if let Some(directory) = directory {
            dialog = dialog.set_directory(directory);
        }
        let chosen = dialog.save_file();
        let wait = move || {
            let shown = Instant::now();
            let path = block_on(chosen).map(|file| file.path().to_path_buf());
            JobResult::SaveTarget(Picked::from(path, shown.elapsed()))
        };
        self.spawn(ctx, "deskcheck-save-dialog", wait, |_| JobResult::SaveTarget(Picked::NoDialog))
    }

    /// Ask the user which bundle to open (created on the UI thread, awaited in the background).
    pub fn pick_open_path(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        directory: Option<&Path>,
    ) -> Result<(), String> {
        let mut dialog = rfd::AsyncFileDialog::new()
            .set_title(t!("gui-dialog-open-title"))
            .add_filter(t!("gui-dialog-filter"), &["zip"])
            .set_parent(frame);
        if let Some(directory) = directory {
            dialog = dialog.set_directory(directory);
        }
        let chosen = dialog.pick_file();
        let wait = move || {
            let shown = Instant::now();
            let path = block_on(chosen).map(|file| file.path().to_path_buf());
            JobResult::OpenTarget(Picked::from(path, shown.elapsed()))
        };
        self.spawn(ctx, "deskcheck-open-dialog", wait, |_| JobResult::OpenTarget(Picked::NoDialog))
    }

    /// Run `job` on its own thread. If it panics, `on_panic` turns the message into its
    /// result, so the UI never waits forever for an answer that will not come.
    fn spawn(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        job: impl FnOnce() -> JobResult + Send + 'static,
        on_panic: fn(String) -> JobResult,
    ) -> Result<(), String> {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))
                    .unwrap_or_else(|payload| on_panic(panic_message(payload.as_ref())));
                // A send error means the window closed meanwhile: nobody is left to tell.
                if tx.send(result).is_ok() {
                    ctx.request_repaint();
                }
            })
            .map_err(|err| format!("could not start a background thread: {err}"))?;
        self.pending += 1;
        Ok(())
    }
}

/// Runs one future to completion on the current (background) thread. The dialog futures
/// do their own waiting, so parking until woken is all an executor has to do here.
fn block_on<F: Future>(future: F) -> F::Output {
    struct ThreadWaker(std::thread::Thread);
    impl Wake for ThreadWaker {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = TaskContext::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}
