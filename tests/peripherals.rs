//! The peripherals area from the real binary: on a machine without USB or sound (CI
//! containers) it ends cleanly with "not available", never a failure.

mod common;

use common::*;

#[test]
fn peripherals_run_ends_cleanly_with_info_or_unsupported() {
    let out = deskcheck().args(["run", "--only", "peripherals", "--json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr:\n{}", stderr(&out)));
    let runs = report["runs"].as_array().unwrap();
    let ids: Vec<&str> = runs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"peripherals.usb.devices"), "{ids:?}");
    assert!(ids.contains(&"peripherals.audio.devices"), "{ids:?}");
    // The on-demand watcher waits for a human: never part of a plain run.
    assert!(!ids.contains(&"peripherals.usb.watch"), "{ids:?}");
    for run in runs {
        let kind = run["outcome"]["kind"].as_str().unwrap();
        assert!(kind == "completed" || kind == "unsupported", "{} ended {kind}: {run}", run["id"]);
        for f in run["findings"].as_array().unwrap() {
            assert_ne!(f["severity"], "fail", "{}: {f}", run["id"]);
        }
        if kind == "unsupported" {
            eprintln!("skipped: {} not available here: {}", run["id"], run["outcome"]);
        }
    }
    let code = out.status.code().unwrap();
    assert!(code == 0 || code == 1, "exit {code}; stderr:\n{}", stderr(&out));
}

/// Where the machine has a USB bus, the list names real devices with typed data.
#[test]
fn usb_devices_are_listed_for_real_where_a_bus_exists() {
    let out = deskcheck().args(["run", "--only", "peripherals", "--json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let usb = report["runs"].as_array().unwrap().iter().find(|r| r["id"] == "peripherals.usb.devices").unwrap();
    if usb["outcome"]["kind"] == "unsupported" {
        eprintln!("skipped: no USB bus on this machine (container), nothing to list: {}", usb["outcome"]["reason"]);
        return;
    }
    assert_eq!(usb["outcome"]["kind"], "completed", "{usb}");
    for d in usb["data"]["items"].as_array().unwrap() {
        assert!(d["vendor_id"].as_u64().is_some() && d["bus"].as_str().is_some(), "{d}");
        assert!(d["usb_version"].as_str().is_some_and(|v| v.contains('.')), "{d}");
    }
}
