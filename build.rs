//! Build script: gives the Windows deskcheck.exe its icon, version information (from this
//! Cargo.toml) and manifest (asInvoker: no UAC prompt; per-monitor-v2 DPI aware), so the single
//! file a technician carries on a USB stick looks and behaves like a Windows program. Nothing to
//! do for other targets. Cross builds use mingw-w64's windres (Debian: binutils-mingw-w64-x86-64).

use std::env;
use std::process::ExitCode;

const ICON: &str = "assets/deskcheck.ico";
const MANIFEST: &str = "assets/windows/deskcheck.exe.manifest";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={ICON}");
    println!("cargo:rerun-if-changed={MANIFEST}");
    println!("cargo:rerun-if-changed=build.rs");
    // The target's OS, not the host's: this script runs on Linux for the Windows cross build.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return ExitCode::SUCCESS;
    }
    let mut resource = winresource::WindowsResource::new();
    if env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu") && env::var_os("HOST") != env::var_os("TARGET") {
        // winresource would otherwise look for a bare `windres`, which a Linux host does not have.
        let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_else(|_| "x86_64".into());
        resource.set_windres_path(&format!("{arch}-w64-mingw32-windres"));
        resource.set_ar_path(&format!("{arch}-w64-mingw32-ar"));
    }
    resource
        .set_icon(ICON)
        .set_manifest_file(MANIFEST)
        .set("FileDescription", "deskcheck - desk-side diagnostics")
        .set("ProductName", "deskcheck")
        .set("OriginalFilename", "deskcheck.exe")
        .set("InternalName", "deskcheck")
        .set("CompanyName", "deskcheck contributors")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    match resource.compile() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "build.rs: could not embed the Windows resources ({ICON}, {MANIFEST}): {err}; \
                 is mingw-w64's windres installed (Debian: binutils-mingw-w64-x86-64)?"
            );
            ExitCode::FAILURE
        }
    }
}
