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
use crate::t;

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
    match typed::<PingStats>(ui, report) {
        Some(stats) => {
            rows.push(Row { label: t!("netview-ping-router", address = stats.target.to_string()), stats, live: false })
        }
        None if run(report, "net.gateway.ping").is_some() => fallback_ui(ui, report, "net.gateway.ping"),
        None => {}
    }
    match typed::<ListData<PingTargetResult>>(ui, report) {
        Some(targets) => {
            for target in targets.items {
                match target.stats {
                    Some(stats) => rows.push(Row { label: target.target, stats, live: false }),
                    None => errors.push(format!(
                        "{}: {}",
                        target.target,
                        target.error.unwrap_or_else(|| t!("netview-ping-not-pinged"))
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
            ui.label(RichText::new(t!("netview-ping-none-yet")).weak());
        }
        return;
    }
    for row in rows {
        row_ui(ui, &row);
        ui.add_space(6.0);
    }
}

fn row_ui(ui: &mut Ui, row: &Row) {
    stats_ui(ui, &row.label, &row.stats, row.live);
}

/// One host's ping: a headline in words, the figures, and the RTT graph. `live` while
/// probes are still going out.
pub fn stats_ui(ui: &mut Ui, label: &str, stats: &PingStats, live: bool) {
    let severity = ping_severity(stats);
    ui.horizontal_wrapped(|ui| {
        let color = severity_color(severity, ui.visuals());
        let word = match (live, severity) {
            (true, _) => t!("netview-ping-pinging"),
            (false, Severity::Fail) => t!("netview-ping-no-answer"),
            (false, Severity::Warn) => t!("netview-ping-some-lost"),
            (false, _) => t!("netview-ping-answers"),
        };
        ui.label(RichText::new(format!("{label} — {word}")).strong().color(color));
        ui.label(t!(
            "netview-ping-figures",
            received = stats.received,
            sent = stats.sent,
            loss = format!("{:.0}", stats.loss_percent),
            min = ms(stats.min_ms),
            avg = ms(stats.avg_ms),
            max = ms(stats.max_ms),
            mdev = ms(stats.mdev_ms)
        ));
    });
    if let Some(error) = &stats.probe_error {
        ui.label(t!("netview-ping-probes-failed", error = error.as_str()));
    }
    if let Some(note) = &stats.note {
        ui.label(RichText::new(note).weak().small());
    }
    // Probes still waiting are not lost yet: leave them off the graph until they end.
    let finished = stats.rtts_ms.len().saturating_sub(stats.in_flight as usize);
    if finished > 0 {
        let visuals = ui.visuals();
        let (line, lost) = (severity_color(Severity::Info, visuals), severity_color(Severity::Fail, visuals));
        rtt_graph_ui(ui, &format!("rtt {}", stats.target), label, &stats.rtts_ms[..finished], line, lost);
    }
}
