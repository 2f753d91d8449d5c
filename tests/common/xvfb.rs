//! A private X server for tests that need a real display: Xvfb on a free display number in
//! the range a test binary asks for (binaries running at once use apart ranges), killed on drop.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Xvfb {
    child: Child,
    pub display: String,
}

impl Xvfb {
    /// Starts Xvfb with one screen of `screen` (e.g. "1280x800x24") on the first free number in `numbers`.
    pub fn start(numbers: Range<u32>, screen: &str) -> Result<Self, String> {
        let (first, last) = (numbers.start, numbers.end.saturating_sub(1));
        for n in numbers {
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            if socket.exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
                continue;
            }
            let display = format!(":{n}");
            let mut child = Command::new("Xvfb")
                .args([display.as_str(), "-screen", "0", screen, "-nolisten", "tcp", "-noreset"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("could not start Xvfb: {e}"))?;
            let deadline = Instant::now() + Duration::from_secs(5);
            loop {
                if socket.exists() {
                    return Ok(Self { child, display });
                }
                // Exited: another server took this number meanwhile; try the next one.
                if child.try_wait().map_err(|e| e.to_string())?.is_some() || Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Err(format!("no free X display number between :{first} and :{last}"))
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether a program is on the PATH.
pub fn have(tool: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}
