//! The Windows build under wine, for end-to-end tests on this Linux machine.
//!
//! `scripts/wine-env` builds the `ProcessPrng` stub DLL and a template wine prefix per user
//! (`target/wine/prefix-USER`). Every [`WineBox`] gets its own prefix, hard-linked from the
//! template (the registry files are real copies, as wine rewrites them), because wine creates
//! sockets and answers `IcmpSendEcho2` in its *wineserver* and device processes, which start in
//! the network namespace of the first wine process of a prefix: one prefix per namespace keeps
//! every packet inside the lab. Dropping the box kills its wineserver and deletes the prefix.
//!
//! Wine is more permissive than Windows (datagram ICMP sockets, raw sockets as root): a test
//! proves only that our code uses the APIs Windows allows, not that wine refuses others.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// The project root (where `scripts/` lives).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the Windows debug build of deskcheck is (scripts/test builds it before the tests).
pub fn exe_path() -> PathBuf {
    if let Ok(p) = std::env::var("DESKCHECK_WIN_EXE") {
        return PathBuf::from(p);
    }
    let target = std::env::var("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|_| project_root().join("target"));
    target.join("x86_64-pc-windows-gnu/debug/deskcheck.exe")
}

/// Why wine tests can't run here, if they can't: no wine, no mingw, no Windows build.
pub fn unavailable() -> Option<String> {
    for tool in ["wine", "wineserver", "x86_64-w64-mingw32-gcc"] {
        if super::netns::which(tool).is_none() {
            return Some(format!("{tool} is not installed (scripts/install-deps installs it)"));
        }
    }
    let exe = exe_path();
    if !exe.exists() {
        return Some(format!(
            "{} is not built (scripts/test builds it: cargo build --target x86_64-pc-windows-gnu --bin deskcheck)",
            exe.display()
        ));
    }
    None
}

/// A private wine prefix for one test, optionally for an ordinary user instead of root.
pub struct WineBox {
    prefix: PathBuf,
    _dir: tempfile::TempDir,
    user: Option<String>,
}

impl WineBox {
    /// A fresh prefix. `user`: run wine as this user (root only), e.g. "nobody" for the no-admin case.
    pub fn new(user: Option<&str>) -> Result<WineBox, String> {
        if let Some(why) = unavailable() {
            return Err(why);
        }
        let owner = match user {
            Some(u) => u.to_string(),
            None => current_user()?,
        };
        // Make (once) the user's template prefix and the stub DLL.
        let mut prepare = Command::new(project_root().join("scripts/wine-env"));
        if let Some(u) = user {
            prepare.args(["--user", u]);
        }
        prepare.arg("true");
        let out = run_with_timeout(prepare, Duration::from_secs(180))?;
        if !out.status.success() {
            return Err(format!("scripts/wine-env failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        let template = wine_dir().join(format!("prefix-{owner}"));
        let dir = tempfile::Builder::new().prefix("deskcheck-wine-").tempdir().map_err(|e| format!("tempdir: {e}"))?;
        let prefix = dir.path().join("prefix");
        let cp = Command::new("cp").arg("-al").arg(&template).arg(&prefix).output().map_err(|e| format!("cp: {e}"))?;
        if !cp.status.success() {
            return Err(format!("cp -al {}: {}", template.display(), String::from_utf8_lossy(&cp.stderr)));
        }
        for reg in ["system.reg", "user.reg", "userdef.reg", ".update-timestamp"] {
            let from = template.join(reg);
            if from.exists() {
                let to = prefix.join(reg);
                let _ = std::fs::remove_file(&to);
                std::fs::copy(&from, &to).map_err(|e| format!("copy {}: {e}", from.display()))?;
            }
        }
        if let Some(u) = user {
            // The temp dir itself and the copies must belong to the user; wine refuses otherwise.
            let chown =
                Command::new("chown").arg("-R").arg(u).arg(dir.path()).output().map_err(|e| format!("chown: {e}"))?;
            if !chown.status.success() {
                return Err(format!("chown {u}: {}", String::from_utf8_lossy(&chown.stderr)));
            }
        }
        Ok(WineBox { prefix, _dir: dir, user: user.map(str::to_string) })
    }

    pub fn prefix(&self) -> &Path {
        &self.prefix
    }

    /// `deskcheck.exe ARGS` under wine, inside namespace `ns` (None: here), with no display.
    pub fn deskcheck(&self, ns: Option<&str>, args: &[&str]) -> Command {
        self.wine(ns, &[exe_path().to_string_lossy().as_ref()], args)
    }

    /// `wine PROGRAM ARGS` with this box's prefix, inside `ns`, as the box's user.
    pub fn wine(&self, ns: Option<&str>, program: &[&str], args: &[&str]) -> Command {
        let mut cmd = match ns {
            Some(ns) => {
                let mut c = Command::new("ip");
                c.args(["netns", "exec", ns]);
                c
            }
            None => Command::new("env"),
        };
        if let Some(u) = &self.user {
            let gid = user_gid(u).unwrap_or_else(|| "65534".into());
            cmd.args(["setpriv", &format!("--reuid={u}"), &format!("--regid={gid}"), "--clear-groups"]);
        }
        cmd.arg("env");
        cmd.arg(format!("WINEPREFIX={}", self.prefix.display()));
        cmd.arg(format!("HOME={}", self.prefix.display()));
        cmd.arg("WINEDEBUG=-all");
        // No mono/gecko prompts, no desktop entries written to the host, the ProcessPrng stub.
        cmd.arg("WINEDLLOVERRIDES=mscoree,mshtml,winemenubuilder.exe=;bcryptprimitives=n,b");
        // Never a developer's own config: tests say what they want.
        cmd.arg("XDG_CONFIG_HOME=/nonexistent-deskcheck-test-config");
        cmd.arg("wine");
        cmd.args(program);
        cmd.args(args);
        cmd.env_remove("DISPLAY");
        cmd.env_remove("RUST_LOG");
        cmd.stdin(Stdio::null());
        cmd
    }

    /// Run `deskcheck.exe ARGS` in `ns` and wait at most `timeout`.
    pub fn run(&self, ns: Option<&str>, args: &[&str], timeout: Duration) -> Result<Output, String> {
        run_with_timeout(self.deskcheck(ns, args), timeout)
    }

    /// Stop this prefix's wineserver (and with it every wine process of the prefix).
    pub fn kill(&self) {
        let mut cmd = Command::new("wineserver");
        cmd.arg("-k").env("WINEPREFIX", &self.prefix).stdout(Stdio::null()).stderr(Stdio::null());
        if let Some(u) = &self.user {
            let gid = user_gid(u).unwrap_or_else(|| "65534".into());
            let mut c = Command::new("setpriv");
            c.args([&format!("--reuid={u}"), &format!("--regid={gid}"), "--clear-groups", "env"])
                .arg(format!("WINEPREFIX={}", self.prefix.display()))
                .args(["wineserver", "-k"])
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            cmd = c;
        }
        let _ = run_with_timeout(cmd, Duration::from_secs(20));
    }
}

impl Drop for WineBox {
    fn drop(&mut self) {
        self.kill();
    }
}

fn wine_dir() -> PathBuf {
    std::env::var("DESKCHECK_WINE_DIR").map(PathBuf::from).unwrap_or_else(|_| project_root().join("target/wine"))
}

fn current_user() -> Result<String, String> {
    let out = Command::new("id").arg("-un").output().map_err(|e| format!("id -un: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn user_gid(user: &str) -> Option<String> {
    let out = Command::new("id").args(["-g", user]).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Run a command to completion, killing it after `timeout` (its output so far is kept).
pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> Result<Output, String> {
    use std::io::Read;
    use wait_timeout::ChildExt;
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("start {cmd:?}: {e}"))?;
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let status = match child.wait_timeout(timeout).map_err(|e| format!("wait: {e}"))? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("{cmd:?} did not finish within {timeout:?}"));
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Output { status, stdout, stderr })
}
