//! The real binary opens its real window: started with no subcommand under a private
//! Xvfb display, a top-level window named "deskcheck" must appear and the process must
//! keep running (no crash in the renderer). A screenshot goes to target/gui-home.png.
//! `DESKCHECK_GUI_BIN` may name another binary to start (e.g. an example) for debugging.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::xvfb::{Xvfb, have};

const TEST: &str = "gui_xvfb";

/// The app under test; killed on drop so a failing assertion leaves nothing behind.
struct App(Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Top-level window names on the display, from `xwininfo -root -tree`.
fn window_tree(display: &str) -> String {
    Command::new("xwininfo")
        .args(["-root", "-tree"])
        .env("DISPLAY", display)
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default()
}

/// Photograph the whole screen into `target/gui-home.png`, with whichever tool is there.
fn screenshot(display: &str, png: &Path) -> Result<(), String> {
    if have("import") {
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(png)
            .env("DISPLAY", display)
            .status()
            .map_err(|e| e.to_string())?;
        if status.success() {
            return Ok(());
        }
    }
    if have("xwd") && have("convert") {
        let xwd = png.with_extension("xwd");
        let out = Command::new("xwd")
            .args(["-root", "-silent"])
            .env("DISPLAY", display)
            .output()
            .map_err(|e| e.to_string())?;
        std::fs::write(&xwd, &out.stdout).map_err(|e| e.to_string())?;
        let status = Command::new("convert")
            .arg(format!("xwd:{}", xwd.display()))
            .arg(png)
            .status()
            .map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(&xwd);
        if status.success() {
            return Ok(());
        }
        return Err("convert could not turn the xwd dump into a PNG".into());
    }
    Err("neither `import` nor `xwd` + `convert` is installed".into())
}

#[test]
fn real_window_opens_under_xvfb() {
    if !cfg!(target_os = "linux") {
        common::skip(TEST, "Xvfb runs on Linux only");
        return;
    }
    for tool in ["Xvfb", "xwininfo"] {
        if !have(tool) {
            common::skip(TEST, &format!("`{tool}` is not installed (Debian: xvfb x11-utils)"));
            return;
        }
    }
    let xvfb = Xvfb::start(90..140, "1280x800x24").unwrap();
    let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap_or(Path::new(".")).to_path_buf();
    let log_path = target_dir.join("gui-xvfb-app.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let binary = std::env::var_os("DESKCHECK_GUI_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_deskcheck").into());
    let mut app = App(Command::new(&binary)
        .env("DISPLAY", &xvfb.display)
        .env_remove("WAYLAND_DISPLAY")
        // Never pick up a developer's own config.
        .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .unwrap());
    let app_log = || std::fs::read_to_string(&log_path).unwrap_or_default();

    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = app.0.try_wait().unwrap() {
            panic!(
                "{} exited ({status}) before showing a window; its output:\n{}",
                binary.to_string_lossy(),
                app_log()
            );
        }
        if window_tree(&xvfb.display).contains("\"deskcheck\"") {
            break;
        }
        assert!(Instant::now() < deadline, "no window named \"deskcheck\" within 15 s; output:\n{}", app_log());
        std::thread::sleep(Duration::from_millis(200));
    }
    // Let it render its first frames, then make sure the renderer did not bring it down.
    std::thread::sleep(Duration::from_secs(2));
    assert!(app.0.try_wait().unwrap().is_none(), "the app died after opening its window; output:\n{}", app_log());

    let png = target_dir.join("gui-home.png");
    match screenshot(&xvfb.display, &png) {
        Ok(()) => eprintln!("gui_xvfb: screenshot of the home screen saved to {}", png.display()),
        Err(why) => eprintln!("gui_xvfb: no screenshot: {why}"),
    }
    assert!(app.0.try_wait().unwrap().is_none(), "the app died while on screen; output:\n{}", app_log());
}
