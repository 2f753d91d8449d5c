//! `displays.monitors` for real: the real binary asks a private Xvfb server through the
//! real `xrandr`, and must report that screen's size as the current mode.

mod common;

use std::path::Path;

use common::xvfb::{Xvfb, have};
use common::*;

const TEST: &str = "displays_xvfb";

#[test]
fn monitor_mode_is_read_from_a_real_x_server() {
    for (tool, package) in [("Xvfb", "xvfb"), ("xrandr", "x11-xserver-utils")] {
        if !have(tool) {
            skip(TEST, &format!("`{tool}` is not installed (Debian: {package})"));
            return;
        }
    }
    let xvfb = Xvfb::start(140..190, "1600x900x24").unwrap();
    let out = deskcheck()
        .args(["run", "--only", "displays", "--json"])
        .env("DISPLAY", &xvfb.display)
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr:\n{}", stderr(&out)));
    let run = report["runs"].as_array().unwrap().iter().find(|r| r["id"] == "displays.monitors").unwrap();
    assert_eq!(run["outcome"]["kind"], "completed", "{run}");
    let finding = &run["findings"][0];
    assert_eq!(finding["severity"], "pass", "{finding}");
    assert_eq!(finding["title"], "screen: 1600×900", "{finding}");
    assert_eq!(run["data"]["items"][0]["geometry"]["width"], 1600);
    let attachments: Vec<&str> =
        run["attachments"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(attachments, ["xrandr.txt"]);
}

/// A DISPLAY that names no running server (a stale SSH session): "not available", not an error.
#[test]
fn stale_display_is_unsupported() {
    if !have("xrandr") {
        skip(TEST, "`xrandr` is not installed (Debian: x11-xserver-utils)");
        return;
    }
    let Some(n) = (190..240).find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()) else {
        skip(TEST, "no unused X display number between :190 and :239");
        return;
    };
    let out = deskcheck()
        .args(["run", "--only", "displays", "--json"])
        .env("DISPLAY", format!(":{n}"))
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = report["runs"].as_array().unwrap().iter().find(|r| r["id"] == "displays.monitors").unwrap();
    assert_eq!(run["outcome"]["kind"], "unsupported", "{run}");
    assert!(run["outcome"]["reason"].as_str().unwrap().contains("cannot be opened"), "{run}");
}
