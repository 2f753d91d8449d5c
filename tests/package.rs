//! The portable `deskcheck.exe` that `scripts/package exe` writes to target/package/: one file
//! that needs no MinGW DLL, with the icon, the version from Cargo.toml and the manifest
//! (asInvoker, per-monitor-v2 DPI aware) inside it. Read from the file itself, byte for byte.
//! Under wine (root; in a namespace with no network), the same file copied alone into a folder
//! answers `--version` and `run --only system --json`, and leaves only its bundle beside itself.
//! When the package was not built, each test says `skipped:`; CI builds it first (.ci/run).

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::xvfb::have;

const TEST: &str = "package";

/// target/package/deskcheck.exe, if `scripts/package exe` made it.
fn packaged_exe(test: &str) -> Option<(PathBuf, Vec<u8>)> {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).parent()?.to_path_buf();
    let exe = target.join("package").join("deskcheck.exe");
    match std::fs::read(&exe) {
        Ok(bytes) => Some((exe, bytes)),
        Err(_) => {
            common::skip(test, &format!("{} was not built (run scripts/package exe)", exe.display()));
            None
        }
    }
}

/// A network namespace with only a loopback, removed on drop.
struct EmptyNamespace(String);

impl EmptyNamespace {
    fn new() -> Self {
        let name = format!("dc-pkg-{}", std::process::id());
        let ok = Command::new("ip").args(["netns", "add", &name]).status().unwrap().success();
        assert!(ok, "ip netns add {name} failed");
        let ns = EmptyNamespace(name);
        Command::new("ip").args(["-n", &ns.0, "link", "set", "lo", "up"]).status().unwrap();
        ns
    }
}

impl Drop for EmptyNamespace {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

fn utf16(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[test]
fn the_exe_imports_only_windows_own_dlls() {
    let Some((exe, _)) = packaged_exe(TEST) else { return };
    if !have("x86_64-w64-mingw32-objdump") {
        common::skip(TEST, "x86_64-w64-mingw32-objdump is not installed (Debian: binutils-mingw-w64-x86-64)");
        return;
    }
    let out = Command::new("x86_64-w64-mingw32-objdump").arg("-p").arg(&exe).output().unwrap();
    assert!(out.status.success(), "objdump could not read {}", exe.display());
    let text = String::from_utf8_lossy(&out.stdout);
    let dlls: Vec<String> =
        text.lines().filter_map(|l| l.trim().strip_prefix("DLL Name: ")).map(|d| d.to_ascii_lowercase()).collect();
    assert!(dlls.contains(&"kernel32.dll".to_string()), "no import table found: {dlls:?}");
    // The MinGW runtime (libgcc_s_seh-1, libwinpthread-1, libstdc++-6) would have to sit beside the exe.
    let runtime: Vec<_> = dlls.iter().filter(|d| d.starts_with("lib")).collect();
    assert!(runtime.is_empty(), "deskcheck.exe needs MinGW DLLs beside it: {runtime:?}");
}

#[test]
fn the_manifest_asks_for_no_elevation_and_per_monitor_dpi() {
    let Some((_, bytes)) = packaged_exe(TEST) else { return };
    let start = find(&bytes, b"<assembly").expect("no manifest in deskcheck.exe");
    let end = start + find(&bytes[start..], b"</assembly>").expect("manifest not closed");
    let manifest = String::from_utf8_lossy(&bytes[start..end]);
    assert!(manifest.contains(r#"<requestedExecutionLevel level="asInvoker" uiAccess="false"/>"#), "{manifest}");
    assert!(manifest.contains(">PerMonitorV2</dpiAwareness>"), "{manifest}");
    assert!(manifest.contains(">true/pm</dpiAware>"), "older Windows 10 needs dpiAware too: {manifest}");
}

#[test]
fn the_version_information_is_cargos_version() {
    let Some((_, bytes)) = packaged_exe(TEST) else { return };
    let version = env!("CARGO_PKG_VERSION");
    // String table: each key, then (after alignment padding) its UTF-16 value.
    for key in ["FileVersion", "ProductVersion"] {
        let at = find(&bytes, &utf16(key)).unwrap_or_else(|| panic!("no {key} in the version information"));
        let window = &bytes[at..(at + 96).min(bytes.len())];
        assert!(find(window, &utf16(version)).is_some(), "{key} is not {version}");
    }
    for (key, value) in [("OriginalFilename", "deskcheck.exe"), ("ProductName", "deskcheck")] {
        let at = find(&bytes, &utf16(key)).unwrap_or_else(|| panic!("no {key}"));
        let window = &bytes[at..(at + 96).min(bytes.len())];
        assert!(find(window, &utf16(value)).is_some(), "{key} is not {value}");
    }
    // VS_FIXEDFILEINFO: signature, struct version, then the file version as MS/LS words (major.minor, patch.0).
    let numbers: Vec<u32> = version.split('.').map(|n| n.parse().unwrap()).collect();
    let mut fixed = 0xFEEF_04BDu32.to_le_bytes().to_vec();
    fixed.extend(0x0001_0000u32.to_le_bytes());
    fixed.extend(((numbers[0] << 16) | numbers[1]).to_le_bytes());
    fixed.extend((numbers[2] << 16).to_le_bytes());
    assert!(find(&bytes, &fixed).is_some(), "VS_FIXEDFILEINFO does not say {version}");
}

#[test]
fn every_image_of_the_icon_is_inside() {
    let Some((_, bytes)) = packaged_exe(TEST) else { return };
    let ico = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/deskcheck.ico")).unwrap();
    // ICONDIR: reserved 0, type 1, count; then 16-byte entries (width, height, …, size at 8, offset at 12).
    assert_eq!(&ico[0..4], &[0, 0, 1, 0], "assets/deskcheck.ico is not an icon file");
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    assert!(count >= 5, "the icon should carry small and large sizes, has {count}");
    let mut widths = Vec::new();
    for i in 0..count {
        let entry = &ico[6 + 16 * i..6 + 16 * (i + 1)];
        let width = if entry[0] == 0 { 256 } else { entry[0] as u32 };
        let size = u32::from_le_bytes(entry[8..12].try_into().unwrap()) as usize;
        let offset = u32::from_le_bytes(entry[12..16].try_into().unwrap()) as usize;
        let image = &ico[offset..offset + size];
        assert!(find(&bytes, image).is_some(), "the {width}px icon image is not in deskcheck.exe");
        widths.push(width);
    }
    for needed in [16, 32, 48, 256] {
        assert!(widths.contains(&needed), "no {needed}px image in the icon: {widths:?}");
    }
}

#[test]
fn under_wine_it_runs_from_any_folder_and_writes_only_the_bundle_beside_itself() {
    let Some((exe, _)) = packaged_exe(TEST) else { return };
    if !common::is_root() {
        common::skip(TEST, "needs root (a network-less namespace for wine)");
        return;
    }
    if let Some(why) = common::wine::unavailable() {
        common::skip(TEST, &why);
        return;
    }
    // A namespace with no network at all: nothing the exe does can leave this machine.
    let ns = EmptyNamespace::new();
    let wine = common::wine::WineBox::new(None).unwrap();
    // A USB stick's folder: a name with a space, nothing else in it.
    let stick = tempfile::tempdir().unwrap();
    let folder = stick.path().join("USB stick");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&exe, folder.join("deskcheck.exe")).unwrap();
    let run = |args: &[&str]| {
        let mut cmd = wine.wine(Some(&ns.0), &["deskcheck.exe"], args);
        cmd.current_dir(&folder);
        common::wine::run_with_timeout(cmd, Duration::from_secs(240)).unwrap()
    };

    let version = run(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("deskcheck {}", env!("CARGO_PKG_VERSION")),
        "stderr: {}",
        common::stderr(&version)
    );

    let system = run(&["run", "--only", "system", "--json", "--bundle", "bundle.zip"]);
    let code = system.status.code().unwrap();
    assert!(code <= 2, "run --only system exited {code}: {}", common::stderr(&system));
    let report: serde_json::Value = serde_json::from_slice(&system.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}): {}", common::stderr(&system)));
    assert_eq!(report["schema_version"], 2, "{report}");
    assert!(["ok", "warn", "fail"].contains(&report["status"].as_str().unwrap_or("")), "{report}");
    let text = report.to_string();
    for id in ["system.os.uptime", "system.cpu.load", "system.memory.usage"] {
        assert!(text.contains(id), "{id} is missing from the report: {text}");
    }
    assert!(!text.contains("net."), "--only system ran a network check: {text}");

    assert_eq!(
        common::dir_listing(&folder),
        ["bundle.zip", "deskcheck.exe"],
        "deskcheck.exe wrote something beside itself besides the bundle"
    );
    let entries: Vec<String> = common::zip_entries(&folder.join("bundle.zip")).into_iter().map(|(n, _)| n).collect();
    assert!(entries.contains(&"report.json".to_string()), "{entries:?}");
    eprintln!(
        "package: under wine, deskcheck.exe --version and run --only system --json (exit {code}) wrote only bundle.zip"
    );
}
