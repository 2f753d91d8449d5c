//! Peripherals figures: the keyboard tester's logic per key event, one keyboard-tester
//! frame (egui pass with key events, no GPU) through egui_kittest, USB naming from the
//! compiled-in ID database, listing USB devices, and `deskcheck run --only peripherals`.
//!
//! `cargo bench --bench peripherals` runs several rounds; under `cargo test` it runs one
//! short round as a smoke test. Figures are printed, never asserted.

use std::time::{Duration, Instant};

use deskcheck::gui::tools::{KeyboardTester, ToolView};
use deskcheck::hw::usb;
use deskcheck::testers::keyboard::{self, KeyboardTest, LayoutKind};
use eframe::egui::Key;
use egui_kittest::Harness;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let rounds = if bench { 7 } else { 1 };

    // Logic: one key down + up per key of the ISO layout, many times.
    let codes: Vec<&str> = keyboard::keys(LayoutKind::Iso).map(|k| k.code).collect();
    let per_round = if bench { 2_000 } else { 20 };
    let mut logic = Vec::new();
    for _ in 0..rounds {
        let mut t = KeyboardTest::new(LayoutKind::Iso);
        let started = Instant::now();
        let mut at = 0.0;
        for _ in 0..per_round {
            for code in &codes {
                t.key_down(code, at);
                t.key_up(code, at + 0.05);
                at += 0.1;
            }
        }
        let _ = t.report(true, at);
        logic.push(started.elapsed() / (per_round * codes.len() as u32 * 2) as u32);
    }
    println!("keyboard logic: {:?} per key event (median of {rounds})", median(logic));

    // GUI: frames of the keyboard tester with 4 key events each (press+release of 2 keys).
    let frames = if bench { 300 } else { 10 };
    let mut h = Harness::builder().with_size([1280.0, 900.0]).build_ui_state(
        |ui, view: &mut KeyboardTester| {
            let _ = view.ui(ui);
        },
        KeyboardTester::new(LayoutKind::Iso),
    );
    h.run();
    let mut frame_times = Vec::new();
    let keys = [Key::A, Key::S, Key::D, Key::F, Key::J, Key::K, Key::L, Key::Semicolon];
    for i in 0..frames {
        let (a, b) = (keys[i % keys.len()], keys[(i + 3) % keys.len()]);
        for key in [a, b] {
            h.key_down(key);
            h.key_up(key);
        }
        let started = Instant::now();
        // One step per queued event, as egui_kittest feeds them.
        h.step();
        frame_times.push(started.elapsed() / 4);
    }
    println!(
        "keyboard tester view: {:?} per frame with one key event (median of {frames}; egui pass, no GPU)",
        median(frame_times)
    );

    // USB naming: vendor + product + class names for a spread of known ids.
    let ids = [(0x046d, 0xc52b), (0x1d6b, 0x0002), (0x0781, 0x5581), (0x05ac, 0x12a8), (0x8087, 0x0024)];
    let lookups = if bench { 100_000 } else { 100 };
    let started = Instant::now();
    let mut found = 0usize;
    for i in 0..lookups {
        let (v, p) = ids[i % ids.len()];
        found += usize::from(usb::vendor_name(v).is_some()) + usize::from(usb::product_name(v, p).is_some());
        found += usize::from(usb::class_name(8, 6, 0x50).is_some());
    }
    println!(
        "usb-ids naming: {:?} per device (vendor+product+class; {found} names found)",
        started.elapsed() / lookups as u32
    );

    let mut listing = Vec::new();
    let mut devices = None;
    for _ in 0..rounds {
        let started = Instant::now();
        let result = usb::list_devices();
        listing.push(started.elapsed());
        devices = Some(result);
    }
    match devices {
        Some(Ok(list)) => println!("usb list with names: {:?} for {} devices (median)", median(listing), list.len()),
        Some(Err(err)) => println!("usb list: {:?} to learn: {err:#}", median(listing)),
        None => {}
    }

    let bin = env!("CARGO_BIN_EXE_deskcheck");
    let mut runs = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let out = std::process::Command::new(bin)
            .args(["run", "--only", "peripherals", "--json"])
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .output()
            .expect("run deskcheck");
        runs.push(started.elapsed());
        assert!(out.status.code().is_some_and(|c| c <= 2), "deskcheck run failed");
    }
    println!("deskcheck run --only peripherals: {:?} wall time (median of {rounds})", median(runs));
}
