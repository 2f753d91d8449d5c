//! The mtr-like text table of a trace snapshot, for the CLI, `summary.txt` and the log.

use std::fmt::Write as _;

use super::{Hop, HopName, Loss, TraceSnapshot};

/// Hop, Address, Name, Loss%, Snt, Last, Avg, Best, Wrst — one row per hop, ECMP routers
/// on indented rows below, then the method note and whether the destination was reached.
/// Loss that is only a router's ICMP rate limit is marked `(rl)` and explained below.
pub fn format_table(s: &TraceSnapshot) -> String {
    let rows: Vec<[String; 9]> = s
        .hops
        .iter()
        .map(|h| {
            [
                h.ttl.to_string(),
                h.addr.map_or_else(|| "*".to_string(), |a| a.to_string()),
                if h.addr.is_some() { name_cell(&h.name) } else { String::new() },
                loss_cell(h),
                h.sent.to_string(),
                ms(h.last_ms),
                ms(h.avg_ms),
                ms(h.best_ms),
                ms(h.worst_ms),
            ]
        })
        .collect();
    let header = ["Hop", "Address", "Name", "Loss%", "Snt", "Last", "Avg", "Best", "Wrst"];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 9]| -> String {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            // Address and name read left to right; numbers line up on the right.
            let text = if i == 1 || i == 2 { format!("{cell:<w$}") } else { format!("{cell:>w$}") };
            out.push_str(&text);
            out.push_str(if i + 1 < cells.len() { "  " } else { "" });
        }
        out.trim_end().to_string()
    };

    let mut out = String::new();
    let state = match (s.done, s.reached) {
        (false, _) => "running",
        (true, true) => "reached",
        (true, false) => "not reached",
    };
    let _ = writeln!(
        out,
        "Trace to {} ({}): {state}, {} hops, {:.1} s",
        s.target,
        s.protocol,
        s.hops.len(),
        s.elapsed_ms as f64 / 1000.0
    );
    let _ = writeln!(out, "{}", line(header));
    for (row, hop) in rows.iter().zip(&s.hops) {
        let _ = writeln!(out, "{}", line(row.each_ref().map(String::as_str)));
        for other in &hop.other_addrs {
            let _ = writeln!(out, "{:w$}  {other}", "", w = widths[0]);
        }
    }
    if s.hops.iter().any(|h| h.loss == Loss::RateLimited) {
        let _ = writeln!(
            out,
            "(rl) = {}: the router limits its ICMP answers; later hops don't share the loss.",
            Loss::RateLimited.describe()
        );
    }
    if let Some(note) = &s.method_note {
        let _ = writeln!(out, "Note: {note}");
    }
    out
}

fn loss_cell(h: &Hop) -> String {
    match h.loss {
        Loss::RateLimited => format!("(rl) {:.1}%", h.loss_percent),
        _ => format!("{:.1}%", h.loss_percent),
    }
}

fn name_cell(name: &HopName) -> String {
    match name {
        HopName::Resolved(n) => n.clone(),
        HopName::Pending => "…".into(),
        HopName::NotFound => "-".into(),
        HopName::Failed(_) => "(lookup failed)".into(),
        HopName::Timeout => "(lookup timed out)".into(),
        HopName::Disabled => String::new(),
    }
}

fn ms(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), format_rtt)
}

/// A round-trip time in milliseconds, without the unit, to the precision that matters:
/// microseconds below 1 ms (a LAN answers in tens of them), hundredths below 10 ms,
/// tenths above.
pub fn format_rtt(ms: f64) -> String {
    if ms < 1.0 {
        format!("{ms:.3}")
    } else if ms < 10.0 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.1}")
    }
}
