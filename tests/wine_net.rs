//! The Windows build's ping and trace under wine, inside the namespace lab
//! client → gw (10.77.1.1) → r1 → r2 → far (198.51.100.10), through the Windows ICMP API
//! (`IcmpSendEcho2Ex`), the only way Windows lets a program without admin rights do it.
//!
//! - As root, wine's ICMP API sees the routers' "time exceeded": the hops of
//!   `deskcheck.exe trace -n` must be the hops `traceroute -n` finds in the same namespace.
//! - As an ordinary user wine only gets echo replies (it reads no `IP_RECVERR`), which is
//!   all ping needs: `deskcheck.exe ping` must say it used the ICMP API and get replies.
//!
//! Needs root, wine, and `target/x86_64-pc-windows-gnu/debug/deskcheck.exe`
//! (`cargo build --target x86_64-pc-windows-gnu`); otherwise each test says `skipped:`.

mod common;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::netns::{FAR, GW_LAN, Options, Topology, unavailable, which};
use common::skip;

/// The Windows build the tests run.
fn windows_exe() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/x86_64-pc-windows-gnu/debug/deskcheck.exe")
}

/// Why the wine tests cannot run here, if they cannot.
fn wine_unavailable() -> Option<String> {
    if let Some(why) = unavailable() {
        return Some(why);
    }
    for tool in ["wine", "wineserver", "setpriv", "x86_64-w64-mingw32-gcc", "traceroute"] {
        if which(tool).is_none() {
            return Some(format!("{tool} is not installed (scripts/install-deps installs it)"));
        }
    }
    let exe = windows_exe();
    if !exe.exists() {
        return Some(format!("{} is not built (cargo build --target x86_64-pc-windows-gnu)", exe.display()));
    }
    None
}

/// A user to run wine as: root, or `nobody` with a home of its own.
#[derive(Clone, Copy, PartialEq)]
enum As {
    Root,
    Nobody,
}

/// A wine prefix for `user`, made once per checkout (wineboot runs in an empty namespace
/// of its own, so it touches no network), with the `ProcessPrng` stub Rust binaries need
/// on wine 8.
fn prefix(user: As, boot_ns: &str) -> Result<PathBuf, String> {
    let name = if user == As::Root { "root" } else { "nobody" };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/wine-net").join(name);
    let prefix = dir.join("prefix");
    let stub = prefix.join("drive_c/windows/system32/bcryptprimitives.dll");
    if stub.exists() {
        return Ok(prefix);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if user == As::Nobody {
        run(Command::new("chown").args(["nobody:nogroup"]).arg(&dir))?;
    }
    let mut boot = wine_command(user, &dir, &prefix, boot_ns);
    boot.args(["wineboot", "-i"]);
    run(&mut boot)?;
    // Wine 8 lacks ProcessPrng, which Rust ≥ 1.78 imports: wrap advapi32's RtlGenRandom.
    let src = dir.join("stub.c");
    std::fs::write(
        &src,
        "#include <windows.h>\nBOOLEAN WINAPI SystemFunction036(PVOID, ULONG);\n\
         BOOL WINAPI ProcessPrng(PBYTE d, SIZE_T n) { return SystemFunction036(d, (ULONG)n); }\n",
    )
    .map_err(|e| e.to_string())?;
    let def = dir.join("stub.def");
    std::fs::write(&def, "LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng\n").map_err(|e| e.to_string())?;
    run(Command::new("x86_64-w64-mingw32-gcc")
        .arg("-shared")
        .arg("-o")
        .arg(&stub)
        .arg(&src)
        .arg(&def)
        .arg("-ladvapi32"))?;
    if user == As::Nobody {
        run(Command::new("chown").arg("nobody:nogroup").arg(&stub))?;
    }
    Ok(prefix)
}

/// `wine …` as `user` with `prefix`, inside namespace `ns`.
fn wine_command(user: As, home: &Path, prefix: &Path, ns: &str) -> Command {
    let mut cmd = Command::new("ip");
    cmd.args(["netns", "exec", ns]);
    if user == As::Nobody {
        cmd.args(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]);
    }
    cmd.arg("env")
        .arg(format!("HOME={}", home.display()))
        .arg(format!("WINEPREFIX={}", prefix.display()))
        .arg("WINEDEBUG=-all")
        .arg("WINEDLLOVERRIDES=mscoree,mshtml=")
        .arg("timeout")
        .arg("120")
        .arg("wine");
    cmd.stdin(Stdio::null());
    cmd
}

fn run(cmd: &mut Command) -> Result<Output, String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(out)
}

/// Run `deskcheck.exe ARGS` under wine as `user` in the lab's client namespace. The
/// prefix's wineserver is stopped before and after, so the one serving this run (and
/// wine's ICMP driver in it) lives in the lab, not wherever an earlier run started it.
fn deskcheck_exe(user: As, lab: &Topology, args: &[&str]) -> Result<Output, String> {
    // wineboot needs a namespace: an empty one with only loopback.
    let boot_ns = format!("{}-wb", lab.id);
    run(Command::new("ip").args(["netns", "add", &boot_ns]))?;
    let prefix = prefix(user, &boot_ns);
    let _ = Command::new("ip").args(["netns", "del", &boot_ns]).status();
    let prefix = prefix?;
    let home = prefix.parent().unwrap_or(&prefix).to_path_buf();
    let stop = || {
        let mut kill = Command::new("setpriv");
        if user == As::Nobody {
            kill.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"]);
        }
        let _ = kill.arg("env").arg(format!("WINEPREFIX={}", prefix.display())).args(["wineserver", "-k"]).status();
    };
    stop();
    let mut cmd = wine_command(user, &home, &prefix, &lab.client);
    cmd.arg(windows_exe()).args(args);
    let out = cmd.output().map_err(|e| format!("wine deskcheck.exe: {e}"));
    stop();
    out
}

/// Hop addresses of `traceroute -n` output, `None` for a silent hop.
fn traceroute_hops(text: &str) -> Vec<Option<IpAddr>> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            words.next()?.parse::<u8>().ok()?;
            Some(words.find_map(|w| w.parse::<IpAddr>().ok()))
        })
        .collect()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", common::stdout(out), common::stderr(out)))
}

#[test]
fn windows_trace_under_wine_finds_the_hops_traceroute_finds() {
    const NAME: &str = "windows_trace_under_wine_finds_the_hops_traceroute_finds";
    if let Some(why) = wine_unavailable() {
        return skip(NAME, &why);
    }
    let lab = Topology::build(Options::default()).expect("lab");
    let expected = traceroute_hops(&common::stdout(
        &lab.sh(&lab.client, &["traceroute", "-n", "-q", "1", FAR]).expect("traceroute"),
    ));
    assert_eq!(expected.len(), 4, "{expected:?}");
    let out = deskcheck_exe(As::Root, &lab, &["trace", "-n", "--json", FAR]).expect("wine");
    let v = json(&out);
    assert_eq!(v["protocol"], "icmp", "{v:#}");
    assert_eq!(v["reached"], true, "{v:#}");
    let hops: Vec<Option<IpAddr>> =
        v["hops"].as_array().expect("hops").iter().map(|h| h["addr"].as_str().and_then(|a| a.parse().ok())).collect();
    assert_eq!(hops, expected, "deskcheck.exe: {v:#}");
}

#[test]
fn windows_ping_under_wine_as_a_user_goes_through_the_icmp_api() {
    const NAME: &str = "windows_ping_under_wine_as_a_user_goes_through_the_icmp_api";
    if let Some(why) = wine_unavailable() {
        return skip(NAME, &why);
    }
    let lab = Topology::build(Options::default()).expect("lab");
    let out = deskcheck_exe(As::Nobody, &lab, &["ping", "--json", "--count", "4", GW_LAN]).expect("wine");
    let v = json(&out);
    assert_eq!(v["method"], "icmp_api", "{v:#}");
    assert_eq!(v["note"], serde_json::Value::Null, "no fallback: {v:#}");
    assert!(v["received"].as_u64().is_some_and(|n| n >= 3), "{v:#}");
}
