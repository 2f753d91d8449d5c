//! Running the Windows build under wine for the packaging and GUI tests: one wine prefix under
//! target/ (made once with wineboot, ~10 s), with the `ProcessPrng` stub `bcryptprimitives.dll`
//! that Rust ≥ 1.78 binaries import and wine 8 lacks (built here with mingw, a few lines of C).
//! Wine's helper processes (services, winedevice with its network proxy) start with the prefix's
//! wineserver, in the network namespace of the first wine command: so a test stops any running
//! wineserver first and starts its wine command inside its own namespace.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::xvfb::have;

const STUB_C: &str = r#"#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
/* Rust's std asks ProcessPrng for random bytes; wine 8 has no bcryptprimitives.dll. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) { return SystemFunction036(data, (ULONG)length); }
"#;
const STUB_DEF: &str = "LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n";

pub struct Wine {
    pub prefix: PathBuf,
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap_or(Path::new(".")).to_path_buf()
}

/// The debug Windows build (`cargo build --target x86_64-pc-windows-gnu`).
pub fn debug_exe() -> Result<PathBuf, String> {
    let exe = target_dir().join("x86_64-pc-windows-gnu/debug/deskcheck.exe");
    if exe.is_file() {
        Ok(exe)
    } else {
        Err(format!("{} is not built (cargo build --target x86_64-pc-windows-gnu)", exe.display()))
    }
}

impl Wine {
    /// The prefix, made on first use inside the namespace `ns` (or none), with the stub installed.
    pub fn prepare(ns: Option<&str>) -> Result<Wine, String> {
        for tool in ["wine", "wineserver", "x86_64-w64-mingw32-gcc", "unshare"] {
            if !have(tool) {
                return Err(format!("`{tool}` is not installed (Debian: wine wine64 gcc-mingw-w64-x86-64)"));
            }
        }
        let prefix = target_dir().join("wine-wingui");
        let wine = Wine { prefix };
        wine.stop_server();
        let system32 = wine.prefix.join("drive_c/windows/system32");
        if !system32.is_dir() {
            let mut boot = wine.command(ns, "wine");
            boot.args(["wineboot", "-i"]);
            run_with_timeout(boot, Duration::from_secs(240)).map_err(|e| format!("wineboot: {e}"))?;
            wine.stop_server();
        }
        let stub = system32.join("bcryptprimitives.dll");
        if !stub.is_file() {
            let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
            std::fs::write(dir.path().join("stub.c"), STUB_C).map_err(|e| e.to_string())?;
            std::fs::write(dir.path().join("stub.def"), STUB_DEF).map_err(|e| e.to_string())?;
            let out = Command::new("x86_64-w64-mingw32-gcc")
                .current_dir(dir.path())
                .args(["-shared", "-o", "bcryptprimitives.dll", "stub.c", "stub.def", "-ladvapi32"])
                .output()
                .map_err(|e| e.to_string())?;
            if !out.status.success() {
                return Err(format!("mingw could not build the stub: {}", String::from_utf8_lossy(&out.stderr)));
            }
            std::fs::copy(dir.path().join("bcryptprimitives.dll"), &stub).map_err(|e| e.to_string())?;
        }
        Ok(wine)
    }

    /// `program` (wine, or wine's own tools) with this prefix, inside namespace `ns`; with `None`,
    /// in a new namespace with no network at all (`unshare --net`).
    pub fn command(&self, ns: Option<&str>, program: &str) -> Command {
        let mut cmd = match ns {
            Some(ns) => {
                let mut c = Command::new("ip");
                c.args(["netns", "exec", ns, program]);
                c
            }
            None => {
                let mut c = Command::new("unshare");
                c.args(["--net", "--", program]);
                c
            }
        };
        cmd.env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // No "install Mono/Gecko?" dialogs.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            // Never a developer's own config (XDG on Linux; wine's %APPDATA% lives in the prefix).
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .env_remove("RUST_LOG");
        cmd
    }

    /// Ends the prefix's wineserver and its helpers (and so their network namespace).
    pub fn stop_server(&self) {
        if self.prefix.is_dir() {
            let _ = Command::new("wineserver")
                .arg("-k")
                .env("WINEPREFIX", &self.prefix)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        self.stop_server();
    }
}

/// Runs a command to the end, killed after `timeout`, its output captured.
pub fn run_with_timeout(cmd: Command, timeout: Duration) -> Result<std::process::Output, String> {
    let output = assert_cmd::Command::from_std(cmd).timeout(timeout).output().map_err(|e| e.to_string())?;
    // assert_cmd kills at the timeout and reports no exit code then.
    if output.status.code().is_none() {
        return Err(format!("did not finish within {} s", timeout.as_secs()));
    }
    Ok(output)
}
