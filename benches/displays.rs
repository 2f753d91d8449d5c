//! EDID parse time per base block over the real fixture dumps, printed in ns per parse.
//! `cargo bench --bench displays`; under `cargo test` it runs a short round as a smoke test.
//! Figures are printed, never asserted.

use std::hint::black_box;
use std::time::Instant;

use deskcheck::hw::display::edid;

const FIXTURES: [(&str, &[u8]); 4] = [
    ("dell-d3218hn", include_bytes!("../tests/fixtures/edid/dell-d3218hn.bin")),
    ("auo-b140hak01-laptop", include_bytes!("../tests/fixtures/edid/auo-b140hak01-laptop.bin")),
    ("aoc-1670w-analog", include_bytes!("../tests/fixtures/edid/aoc-1670w-analog.bin")),
    ("samsung-c27r50x", include_bytes!("../tests/fixtures/edid/samsung-c27r50x.bin")),
];

fn main() {
    // `cargo bench` passes --bench; `cargo test` does not.
    let full = std::env::args().any(|a| a == "--bench");
    let rounds: u32 = if full { 200_000 } else { 1_000 };
    for (name, bytes) in FIXTURES {
        // Warm up caches and the allocator.
        for _ in 0..rounds / 10 {
            black_box(edid::parse(black_box(bytes)).ok());
        }
        let started = Instant::now();
        for _ in 0..rounds {
            black_box(edid::parse(black_box(bytes)).ok());
        }
        let ns = started.elapsed().as_nanos() as f64 / f64::from(rounds);
        println!("edid::parse {name:<22} {ns:>8.0} ns/parse ({rounds} rounds)");
    }
}
