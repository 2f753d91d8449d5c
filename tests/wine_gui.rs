//! The Windows build's window under wine, driven like a user would: deskcheck.exe starts with no
//! renderer variable set on a private Xvfb display, inside the namespace lab (root; the lab's config
//! through `--config`, so no outside target is used). Its default DX12 path cannot draw under wine,
//! so this also proves the renderer fallback. The test clicks "Check everything" (xdotool, by the
//! button's place in the window), waits for the engine's "all checks done", and photographs the
//! result into target/wine-gui-home.png and target/wine-gui-result.png.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::netns::{Options, Topology};
use common::xvfb::{Xvfb, have};

const TEST: &str = "wine_gui";

/// "Check everything" in the window's own coordinates: the first button under the title bar, the
/// same on every screen (egui lays out at 1 point per pixel on Xvfb). Measured on the home screen.
const CHECK_EVERYTHING: (u32, u32) = (120, 66);

/// The app under wine; killed with its wineserver on drop, so a failing assertion leaves nothing.
struct App {
    child: Child,
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap_or(Path::new(".")).to_path_buf()
}

/// The window id of the top-level window titled exactly "deskcheck", if it is there.
fn find_window(display: &str) -> Option<String> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^deskcheck$"])
        .env("DISPLAY", display)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_string)
}

fn screenshot(display: &str, png: &Path) {
    let status = Command::new("import").args(["-window", "root"]).arg(png).env("DISPLAY", display).status().unwrap();
    assert!(status.success(), "import could not photograph {display}");
}

/// Fraction of pixels that differ between two screenshots (ImageMagick's AE metric).
fn changed_fraction(a: &Path, b: &Path) -> f64 {
    let out = Command::new("compare").args(["-metric", "AE"]).arg(a).arg(b).arg("null:").output().unwrap();
    // `compare` prints the count on stderr and exits 1 when the images differ.
    let text = String::from_utf8_lossy(&out.stderr);
    let differing: f64 = text.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or_else(|| {
        panic!("compare said: {text}");
    });
    differing / (1280.0 * 800.0)
}

/// The log without its colour escapes (tracing colours stderr).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters… final letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Standard deviation of the picture's brightness: 0 for a blank (one-colour) screen.
fn spread(png: &Path) -> f64 {
    let out = Command::new("convert").arg(png).args(["-format", "%[fx:standard_deviation]", "info:"]).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn check_everything_in_the_windows_gui_under_wine() {
    if let Some(why) = common::netns::unavailable() {
        common::skip(TEST, &why);
        return;
    }
    for tool in ["Xvfb", "xdotool", "import", "compare", "convert"] {
        if !have(tool) {
            common::skip(TEST, &format!("`{tool}` is not installed (scripts/install-deps)"));
            return;
        }
    }
    if let Some(why) = common::wine::unavailable() {
        common::skip(TEST, &why);
        return;
    }
    let lab = Topology::build(Options::default()).unwrap();
    let config = lab.write_config();
    // Its own prefix, so wine's sockets live in the lab's client namespace.
    let wine = common::wine::WineBox::new(None).unwrap();
    // A first start is guided; this test clicks the technician screen's "Check everything", so the
    // window's settings (%APPDATA%\deskcheck\gui.toml of the prefix's root user) say technician.
    let settings = wine.prefix().join("drive_c/users/root/AppData/Roaming/deskcheck");
    std::fs::create_dir_all(&settings).unwrap();
    std::fs::write(settings.join("gui.toml"), "mode = \"technician\"\n").unwrap();
    let xvfb = Xvfb::start(240..290, "1280x800x24").unwrap();
    let log_path = target_dir().join("wine-gui-app.log");
    let log = std::fs::File::create(&log_path).unwrap();

    let config = config.to_string_lossy();
    let mut command = wine.deskcheck(Some(&lab.client), &["--config", config.as_ref()]);
    let mut app = App {
        child: command
            .env("DISPLAY", &xvfb.display)
            .env("RUST_LOG", "info")
            // No renderer chosen from outside: the app must find one itself.
            .env_remove("DESKCHECK_RENDERER")
            .env_remove("WGPU_BACKEND")
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    };
    let app_log = || strip_ansi(&std::fs::read_to_string(&log_path).unwrap_or_default());

    // wine's start and the failed DX12 attempt take a few seconds on a loaded machine.
    let deadline = Instant::now() + Duration::from_secs(90);
    let window = loop {
        if let Some(status) = app.child.try_wait().unwrap() {
            panic!("deskcheck.exe exited ({status}) before showing a window; its output:\n{}", app_log());
        }
        if app_log().contains("renderer: drawing with")
            && let Some(id) = find_window(&xvfb.display)
        {
            break id;
        }
        assert!(Instant::now() < deadline, "no window \"deskcheck\" within 90 s; output:\n{}", app_log());
        std::thread::sleep(Duration::from_millis(300));
    };
    std::thread::sleep(Duration::from_secs(3));

    // The renderer fallback, as the log tells it: what it tried, why each before failed, what draws.
    let text = app_log();
    let plan = text.lines().find_map(|l| l.split("renderer: will try ").nth(1)).expect("no renderer plan logged");
    let used = text.lines().find_map(|l| l.split("renderer: drawing with ").nth(1)).unwrap();
    let used_name = used.split_whitespace().next().unwrap();
    for earlier in plan.split(", then ").take_while(|name| *name != used_name) {
        assert!(
            text.contains(&format!("renderer: {earlier} (")) && text.contains("could not draw the window"),
            "{earlier} was tried before {used_name} but its failure is not logged:\n{text}"
        );
    }
    eprintln!("wine_gui: renderers planned: {plan}; drawing with {used}");

    let home = target_dir().join("wine-gui-home.png");
    screenshot(&xvfb.display, &home);
    assert!(spread(&home) > 0.05, "the home screen is blank: {}", home.display());

    let (x, y) = CHECK_EVERYTHING;
    let click = Command::new("xdotool")
        .args(["mousemove", "--window", &window, &x.to_string(), &y.to_string(), "click", "1"])
        .env("DISPLAY", &xvfb.display)
        .status()
        .unwrap();
    assert!(click.success(), "xdotool could not click in window {window}");

    let deadline = Instant::now() + Duration::from_secs(120);
    while !app_log().contains("all checks done") {
        assert!(app.child.try_wait().unwrap().is_none(), "deskcheck.exe died during the run:\n{}", app_log());
        assert!(Instant::now() < deadline, "the checks did not finish within 120 s:\n{}", app_log());
        std::thread::sleep(Duration::from_millis(300));
    }
    // The last results reach the screen on the next frames.
    std::thread::sleep(Duration::from_secs(3));
    let result = target_dir().join("wine-gui-result.png");
    screenshot(&xvfb.display, &result);
    assert!(app.child.try_wait().unwrap().is_none(), "deskcheck.exe died after the run:\n{}", app_log());

    let text = app_log();
    let finished = text.lines().filter(|l| l.contains(" finished")).count();
    assert!(finished >= 10, "only {finished} checks finished:\n{text}");
    assert!(text.contains("check=net."), "no network check ran in the lab:\n{text}");
    let changed = changed_fraction(&home, &result);
    assert!(
        changed > 0.02,
        "the screen hardly changed after \"Check everything\" ({:.1} % of pixels): {} vs {}",
        changed * 100.0,
        home.display(),
        result.display()
    );
    eprintln!(
        "wine_gui: {finished} checks finished; {:.1} % of the screen changed; screenshots {} and {}",
        changed * 100.0,
        home.display(),
        result.display()
    );
}
