//! Printer benchmark, in the printer lab (needs root): how long reading one printer's full
//! status takes against a real ippeveprinter (Get-Printer-Attributes "all" + Get-Jobs), the
//! local CUPS queues (CUPS-Get-Printers + Get-Jobs per queue + CUPS-Get-Default) against a
//! real cupsd, and the whole `deskcheck run --only printers` wall time. Also, without the lab:
//! how long making the test page takes and how large it is in each format deskcheck sends.
//!
//! `cargo bench --bench printers` runs several rounds; under `cargo test` it runs one round
//! as a smoke test. Figures are printed, never asserted.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::printer_lab::*;
use deskcheck::hw::printer::{self, QueryOptions};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Makes the test page in one format.
type MakePage<'a> = Box<dyn Fn() -> Vec<u8> + 'a>;

/// Time and size of the test page in each format (no printer needed).
fn test_page_figures(rounds: usize) {
    use printer::raster::{ColorSpace, RasterPage};
    let page = printer::TestPage {
        hostname: "desk-42.office.example".into(),
        time: "2026-12-02 14:00:00 UTC".into(),
        printer: "ipp://192.0.2.7:631/ipp/print".into(),
        tool: "deskcheck".into(),
    };
    let a4 = |dpi, color| RasterPage { width_hmm: 21000, height_hmm: 29700, dpi, color };
    let cases: Vec<(String, MakePage<'_>)> = vec![
        ("PDF".into(), Box::new(|| page.to_pdf())),
        (
            "PWG raster sgray_8 300 dpi A4".into(),
            Box::new(|| page.to_pwg_raster(&a4(300, ColorSpace::Sgray8), "iso_a4_210x297mm")),
        ),
        (
            "PWG raster sgray_8 600 dpi A4".into(),
            Box::new(|| page.to_pwg_raster(&a4(600, ColorSpace::Sgray8), "iso_a4_210x297mm")),
        ),
        (
            "PWG raster srgb_8 600 dpi A4".into(),
            Box::new(|| page.to_pwg_raster(&a4(600, ColorSpace::Srgb8), "iso_a4_210x297mm")),
        ),
        ("JPEG gray 150 dpi A4".into(), Box::new(|| page.to_jpeg(&a4(150, ColorSpace::Sgray8)).expect("jpeg"))),
    ];
    for (name, make) in cases {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..rounds {
            let started = Instant::now();
            size = make().len();
            times.push(started.elapsed());
        }
        println!("test page as {name} ({rounds} rounds): median {}, {size} bytes", ms(median(times)));
    }
}

fn main() {
    let rounds = if std::env::args().any(|a| a == "--bench") { 20 } else { 1 };
    test_page_figures(if rounds > 1 { 5 } else { 1 });
    if let Some(why) = unavailable() {
        common::skip("printer benchmark", &why);
        return;
    }
    let mut lab = PrinterLab::start().expect("printer lab");
    lab.start_cups().expect("cupsd");
    let uri = lab.printer_uri();

    let u = uri.clone();
    let status_times: Vec<Duration> = in_ns(&lab.client_ns, move || {
        (0..rounds)
            .map(|_| {
                let started = Instant::now();
                let s = printer::printer_status(&u, &QueryOptions::default()).expect("status");
                assert!(!s.supplies.is_empty());
                started.elapsed()
            })
            .collect()
    });
    let queue_times: Vec<Duration> = in_ns(&lab.client_ns, move || {
        (0..rounds)
            .map(|_| {
                let started = Instant::now();
                let q = printer::cups_queues("127.0.0.1:631", &QueryOptions::default()).expect("queues");
                assert_eq!(q.queues.len(), 1);
                started.elapsed()
            })
            .collect()
    });
    let cfg = lab.write_config(false, 10);
    let wall: Vec<Duration> = (0..rounds.min(5))
        .map(|_| {
            let started = Instant::now();
            let _ = lab.deskcheck(&cfg, &["--printer", &uri]);
            started.elapsed()
        })
        .collect();

    println!(
        "printer status (ippeveprinter, {rounds} rounds): median {}, max {}",
        ms(median(status_times.clone())),
        ms(*status_times.iter().max().unwrap())
    );
    println!(
        "CUPS queues (cupsd, 1 queue, {rounds} rounds): median {}, max {}",
        ms(median(queue_times.clone())),
        ms(*queue_times.iter().max().unwrap())
    );
    println!("deskcheck run --only printers ({} rounds): median {}", wall.len(), ms(median(wall)));
}
