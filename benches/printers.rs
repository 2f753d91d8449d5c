//! Printer benchmark, in the printer lab (needs root): how long reading one printer's full
//! status takes against a real ippeveprinter (Get-Printer-Attributes "all" + Get-Jobs), the
//! local CUPS queues (CUPS-Get-Printers + Get-Jobs per queue + CUPS-Get-Default) against a
//! real cupsd, and the whole `deskcheck run --only printers` wall time.
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

fn main() {
    let rounds = if std::env::args().any(|a| a == "--bench") { 20 } else { 1 };
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
