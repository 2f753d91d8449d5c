//! The ping card: the router and every outside target, each with loss, min/avg/max and
//! an RTT graph. Finished results come from the report; probes still running come from
//! the live board, so the graph grows while they answer.

use eframe::egui::{RichText, Ui};

use super::{NetworkView, fallback_ui, ms, run, status_line, typed};
use crate::checks::network::PingTargetResult;
use crate::gui::widgets::{rtt_graph_ui, severity_color};
use crate::model::{ListData, Severity};
use crate::net::live::LiveSnapshot;
use crate::net::ping::PingStats;

/// One target's row.
struct Row {
    label: String,
    stats: PingStats,
    live: bool,
}

/// How a ping went, in one severity: no answer fails, any loss warns.
pub fn ping_severity(stats: &PingStats) -> Severity {
    if stats.sent > 0 && stats.received == 0 {
        Severity::Fail
    } else if stats.loss_percent > 0.0 {
        Severity::Warn
    } else {
        Severity::Pass
    }
}

pub fn ping_ui(ui: &mut Ui, view: &NetworkView<'_>) {
    let report = view.report;
    let mut rows: Vec<Row> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    match typed::<PingStats>(report, "net.gateway.ping") {
        Some(stats) => rows.push(Row { label: format!("Router {}", stats.target), stats, live: false }),
        None if run(report, "net.gateway.ping").is_some() => fallback_ui(ui, report, "net.gateway.ping"),
        None => {}
    }
    match typed::<ListData<PingTargetResult>>(report, "net.internet.ping") {
        Some(targets) => {
            for target in targets.items {
                match target.stats {
                    Some(stats) => rows.push(Row { label: target.target, stats, live: false }),
                    None => errors.push(format!(
                        "{}: {}",
                        target.target,
                        target.error.unwrap_or_else(|| "not pinged".into())
                    )),
                }
            }
        }
        None if run(report, "net.internet.ping").is_some() => fallback_ui(ui, report, "net.internet.ping"),
        None => {}
    }
    // Probes in flight: the report has them only once their check finishes.
    for (key, snapshot) in view.live {
        if let (Some(ip), LiveSnapshot::Ping(stats)) = (key.strip_prefix("ping "), snapshot)
            && !rows.iter().any(|r| r.stats.target.to_string() == ip)
        {
            rows.push(Row { label: ip.to_string(), stats: stats.clone(), live: true });
        }
    }
    for error in errors {
        status_line(ui, Severity::Fail, error);
    }
    if rows.is_empty() {
        if run(report, "net.gateway.ping").is_none() && run(report, "net.internet.ping").is_none() {
            ui.label(RichText::new("No ping has run yet.").weak());
        }
        return;
    }
    for row in rows {
        row_ui(ui, &row);
        ui.add_space(6.0);
    }
}

fn row_ui(ui: &mut Ui, row: &Row) {
    let stats = &row.stats;
    let severity = ping_severity(stats);
    ui.horizontal_wrapped(|ui| {
        let color = severity_color(severity, ui.visuals());
        let word = match (row.live, severity) {
            (true, _) => "⟳ pinging",
            (false, Severity::Fail) => "✖ no answer",
            (false, Severity::Warn) => "⚠ some lost",
            (false, _) => "✔ answers",
        };
        ui.label(RichText::new(format!("{} — {word}", row.label)).strong().color(color));
        ui.label(format!(
            "{} of {} answered · loss {:.0}% · min/avg/max/mdev {} / {} / {} / {} ms",
            stats.received,
            stats.sent,
            stats.loss_percent,
            ms(stats.min_ms),
            ms(stats.avg_ms),
            ms(stats.max_ms),
            ms(stats.mdev_ms)
        ));
    });
    if let Some(error) = &stats.probe_error {
        ui.label(format!("Probes failed: {error}"));
    }
    if let Some(note) = &stats.note {
        ui.label(RichText::new(note).weak().small());
    }
    // Probes still waiting are not lost yet: leave them off the graph until they end.
    let finished = stats.rtts_ms.len().saturating_sub(stats.in_flight as usize);
    if finished > 0 {
        let visuals = ui.visuals();
        let (line, lost) = (severity_color(Severity::Info, visuals), severity_color(Severity::Fail, visuals));
        rtt_graph_ui(ui, &format!("rtt {}", stats.target), &row.label, &stats.rtts_ms[..finished], line, lost);
    }
}
