//! The Network view: the layer ladder, the interface and lease, ping with an RTT graph,
//! the traceroute hop table (live while probes run) with a "Trace to…" field, the DNS
//! table per server, services, and the DHCP-server probe. Draws from the report's typed
//! run data, or from the live board while a probe is in flight.

use eframe::egui::{self, Color32, Frame, Grid, RichText, Sense, Stroke, Ui, Vec2};

use super::Action;
use crate::checks::network::{DnsData, LeaseData, PingTargetResult};
use crate::diagnose::{self, LayerStatus};
use crate::gui::widgets::severity_color;
use crate::model::{CheckRun, Report, Severity};
use crate::net::dhcp::DhcpOffer;
use crate::net::live::LiveSnapshot;
use crate::net::ping::PingStats;
use crate::net::trace::{HopName, TraceSnapshot};

/// The view's own inputs: the "Trace to…" field and what it last said.
#[derive(Debug, Default, Clone)]
pub struct NetworkInput {
    pub trace_to: String,
    /// An inline message under the field (bad input, a failed lookup).
    pub trace_error: Option<String>,
    /// The key of the manual trace on the live board, once one was started.
    pub manual_trace_key: Option<String>,
    pub probing_dhcp: bool,
}

/// Whether the report has network runs worth a Network view.
pub fn has_network(report: &Report) -> bool {
    report.runs.iter().any(|r| r.id.starts_with("net."))
}

fn run<'a>(report: &'a Report, id: &str) -> Option<&'a CheckRun> {
    report.runs.iter().find(|r| r.id == id)
}

fn data<T: serde::de::DeserializeOwned>(report: &Report, id: &str) -> Option<T> {
    serde_json::from_value(run(report, id)?.data.clone()).ok()
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into())
}

fn card(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui)) {
    Frame::group(ui.style()).inner_margin(10).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(title).strong().size(16.0));
        ui.add_space(4.0);
        add(ui);
    });
    ui.add_space(8.0);
}

/// Draw the whole Network view. `live` is the board's snapshot (empty for a saved bundle);
/// `interactive` is false for a bundle opened read-only.
pub fn network_ui(
    ui: &mut Ui,
    report: &Report,
    live: &[(String, LiveSnapshot)],
    input: &mut NetworkInput,
    interactive: bool,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        ui.heading("Network");
        if ui.button("Back").clicked() {
            actions.push(Action::ShowNetwork(false));
        }
    });
    ui.add_space(4.0);
    ladder_ui(ui, &diagnose::layer_ladder(&report.runs));
    ui.add_space(8.0);
    card(ui, "Interface and address", |ui| lease_ui(ui, report));
    card(ui, "Ping", |ui| ping_ui(ui, report, live));
    card(ui, "Traceroute", |ui| trace_ui(ui, report, live, input, interactive, actions));
    card(ui, "Name lookup (DNS)", |ui| dns_ui(ui, report));
    card(ui, "Services", |ui| services_ui(ui, report));
    card(ui, "DHCP servers on this network", |ui| dhcp_ui(ui, report, input, interactive, actions));
}

fn ladder_ui(ui: &mut Ui, ladder: &[LayerStatus]) {
    ui.horizontal_wrapped(|ui| {
        for (i, step) in ladder.iter().enumerate() {
            if i > 0 {
                ui.label(">");
            }
            let (text, color) = match step.severity {
                Some(s) => (
                    format!(
                        "{} {} {}",
                        s.icon(),
                        step.layer.title(),
                        if s >= Severity::Warn { s.label() } else { "OK" }
                    ),
                    severity_color(s, ui.visuals()),
                ),
                None => (format!("○ {} not checked", step.layer.title()), ui.visuals().weak_text_color()),
            };
            Frame::new().stroke(Stroke::new(1.5, color)).corner_radius(4).inner_margin(6).show(ui, |ui| {
                ui.label(RichText::new(text).color(color).strong());
            });
        }
    });
}

fn lease_ui(ui: &mut Ui, report: &Report) {
    let Some(d) = data::<LeaseData>(report, "net.dhcp.lease") else {
        findings_fallback(ui, report, "net.dhcp.lease");
        return;
    };
    Grid::new("lease-grid").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
        let mut row = |k: &str, v: String| {
            ui.label(RichText::new(k).strong());
            ui.label(v);
            ui.end_row();
        };
        row("Interface", d.interface.clone().unwrap_or_default());
        row("IPv4", d.ipv4.join(", "));
        if !d.ipv6.is_empty() {
            row("IPv6", d.ipv6.join(", "));
        }
        match &d.lease {
            Some(l) => {
                let t = |v: Option<chrono::DateTime<chrono::Utc>>| {
                    v.map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string()).unwrap_or_else(|| "—".into())
                };
                row("DHCP server", l.server.map(|s| s.to_string()).unwrap_or_else(|| "—".into()));
                row("Obtained", t(l.obtained));
                row("Renews", t(l.renew));
                row("Expires", t(l.expiry));
                if let Some(r) = d.remaining_secs {
                    row("Time remaining", crate::checks::system::human_duration(r.max(0) as u64));
                }
                row("Router", l.routers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "));
                row("DNS", l.dns_servers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "));
                if let Some(dom) = &l.domain {
                    row("Domain", dom.clone());
                }
                row("Recorded by", format!("{} ({})", l.client, l.source));
            }
            None => row("DHCP lease", d.lease_source_note.clone().unwrap_or_else(|| "no lease record found".into())),
        }
    });
}

/// Ping rows: the gateway and every outside target, live while they run.
fn ping_ui(ui: &mut Ui, report: &Report, live: &[(String, LiveSnapshot)]) {
    let mut rows: Vec<(String, PingStats)> = Vec::new();
    if let Some(gw) = data::<PingStats>(report, "net.gateway.ping") {
        rows.push((format!("Router {}", gw.target), gw));
    }
    if let Some(targets) = data::<Vec<PingTargetResult>>(report, "net.internet.ping") {
        for t in targets {
            match t.stats {
                Some(s) => rows.push((t.target, s)),
                None => {
                    ui.label(format!("{}: {}", t.target, t.error.unwrap_or_default()));
                }
            }
        }
    }
    // Probes still running: their live series (the report has them only once they finish).
    for (key, snap) in live {
        if let (Some(ip), LiveSnapshot::Ping(s)) = (key.strip_prefix("ping "), snap)
            && !rows.iter().any(|(_, r)| r.target.to_string() == ip)
        {
            rows.push((format!("{ip} (running)"), s.clone()));
        }
    }
    if rows.is_empty() {
        ui.label(RichText::new("No ping has run yet.").weak());
        return;
    }
    for (label, s) in rows {
        ui.horizontal_wrapped(|ui| {
            let sev = if s.received == 0 && s.sent > 0 {
                Severity::Fail
            } else if s.loss_percent > 0.0 {
                Severity::Warn
            } else {
                Severity::Pass
            };
            ui.label(
                RichText::new(format!("{} {}", sev.icon(), label)).strong().color(severity_color(sev, ui.visuals())),
            );
            ui.label(format!(
                "{}/{} answered · loss {:.0}% · min/avg/max {} / {} / {} ms",
                s.received,
                s.sent,
                s.loss_percent,
                ms(s.min_ms),
                ms(s.avg_ms),
                ms(s.max_ms)
            ));
            if let Some(note) = &s.note {
                ui.label(RichText::new(note).weak());
            }
        });
        rtt_graph_ui(ui, &s.rtts_ms);
    }
}

/// RTT per probe as a line; lost probes are red marks on the baseline.
fn rtt_graph_ui(ui: &mut Ui, rtts: &[Option<f64>]) {
    let size = Vec2::new(ui.available_width().min(640.0), 60.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_stroke(rect, 2.0, Stroke::new(1.0, ui.visuals().weak_text_color()), egui::StrokeKind::Inside);
    let max = rtts.iter().flatten().copied().fold(0.0_f64, f64::max).max(0.001);
    let n = rtts.len().max(2) as f32;
    let x = |i: usize| rect.left() + 4.0 + (rect.width() - 8.0) * i as f32 / (n - 1.0);
    let y = |v: f64| rect.bottom() - 4.0 - (rect.height() - 8.0) * (v / max) as f32;
    let line: Vec<egui::Pos2> =
        rtts.iter().enumerate().filter_map(|(i, v)| v.map(|v| egui::pos2(x(i), y(v)))).collect();
    let color = severity_color(Severity::Info, ui.visuals());
    if line.len() > 1 {
        painter.add(egui::Shape::line(line.clone(), Stroke::new(1.5, color)));
    }
    for p in &line {
        painter.circle_filled(*p, 2.0, color);
    }
    for (i, v) in rtts.iter().enumerate() {
        if v.is_none() {
            painter.text(
                egui::pos2(x(i), rect.bottom() - 8.0),
                egui::Align2::CENTER_CENTER,
                "✖",
                egui::FontId::proportional(10.0),
                Color32::RED,
            );
        }
    }
    painter.text(
        rect.left_top() + Vec2::new(4.0, 2.0),
        egui::Align2::LEFT_TOP,
        format!("{max:.1} ms"),
        egui::FontId::proportional(10.0),
        ui.visuals().weak_text_color(),
    );
    response.on_hover_text("Round-trip time of each probe; ✖ = no answer");
}

fn trace_ui(
    ui: &mut Ui,
    report: &Report,
    live: &[(String, LiveSnapshot)],
    input: &mut NetworkInput,
    interactive: bool,
    actions: &mut Vec<Action>,
) {
    if interactive {
        ui.horizontal(|ui| {
            let label = ui.label("Trace to…");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut input.trace_to).hint_text("host name or address").desired_width(240.0),
            );
            let edit = edit.labelled_by(label.id);
            let go =
                ui.button("Trace").clicked() || (edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
            if go {
                actions.push(Action::TraceTo(input.trace_to.trim().to_string()));
            }
        });
        if let Some(err) = &input.trace_error {
            ui.label(RichText::new(format!("✖ {err}")).color(ui.visuals().error_fg_color));
        }
    }
    // The manual trace first, then the suite's live trace, then the finished one in the report.
    let manual = input.manual_trace_key.as_ref().and_then(|k| live.iter().find(|(key, _)| key == k));
    let suite_live = live.iter().find(|(k, _)| k.starts_with("trace "));
    let snap: Option<TraceSnapshot> = match manual.or(suite_live) {
        Some((_, LiveSnapshot::Trace(s))) => Some(s.clone()),
        _ => data::<TraceSnapshot>(report, "net.trace.path"),
    };
    let Some(s) = snap else {
        ui.label(RichText::new("No traceroute yet.").weak());
        return;
    };
    ui.label(format!(
        "To {} — {}{} · {} ms",
        s.target,
        if s.reached {
            "reached"
        } else if s.done {
            "not reached"
        } else {
            "tracing…"
        },
        if s.done { "" } else { " (live)" },
        s.elapsed_ms
    ));
    if let Some(note) = &s.method_note {
        ui.label(RichText::new(note).weak());
    }
    Grid::new("hop-table").striped(true).num_columns(9).spacing([14.0, 3.0]).show(ui, |ui| {
        for h in ["Hop", "Address", "Name", "Loss %", "Snt", "Last", "Avg", "Best", "Wrst"] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for hop in &s.hops {
            ui.label(hop.ttl.to_string());
            ui.label(hop.addr.map(|a| a.to_string()).unwrap_or_else(|| "*".into()));
            ui.label(match &hop.name {
                HopName::Resolved(n) => n.clone(),
                HopName::Pending => "…".into(),
                _ => String::new(),
            });
            let loss_color =
                if hop.loss_percent > 0.0 { ui.visuals().warn_fg_color } else { ui.visuals().text_color() };
            ui.label(RichText::new(format!("{:.1}", hop.loss_percent)).color(loss_color));
            ui.label(hop.sent.to_string());
            for v in [hop.last_ms, hop.avg_ms, hop.best_ms, hop.worst_ms] {
                ui.label(ms(v));
            }
            ui.end_row();
        }
    });
}

fn dns_ui(ui: &mut Ui, report: &Report) {
    let Some(d) = data::<DnsData>(report, "net.dns.resolve") else {
        findings_fallback(ui, report, "net.dns.resolve");
        return;
    };
    for (i, server) in d.servers.iter().enumerate() {
        let (word, sev) =
            if server.responding { ("answers", Severity::Pass) } else { ("NOT RESPONDING", Severity::Fail) };
        ui.label(
            RichText::new(format!(
                "{} {} — {word}{}",
                sev.icon(),
                server.label,
                server.avg_latency_ms.map(|l| format!(", {l:.0} ms on average")).unwrap_or_default()
            ))
            .strong()
            .color(severity_color(sev, ui.visuals())),
        );
        Grid::new(("dns-table", i)).striped(true).num_columns(5).spacing([14.0, 3.0]).show(ui, |ui| {
            for h in ["Name", "Type", "Status", "Answer", "ms"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for a in &server.answers {
                ui.label(&a.name);
                ui.label(&a.record_type);
                ui.label(a.status.label());
                ui.label(if a.values.is_empty() { a.error.clone().unwrap_or_default() } else { a.values.join(", ") });
                ui.label(ms(a.latency_ms));
                ui.end_row();
            }
        });
        if let Some(nx) = &server.nx_probe {
            let text = if nx.hijacked {
                format!(
                    "⚠ {} answered {} for a name that does not exist (NXDOMAIN rewriting)",
                    server.label,
                    nx.values.join(", ")
                )
            } else {
                format!("✔ A made-up name gives {} (no NXDOMAIN rewriting)", nx.status.label())
            };
            ui.label(text);
        }
        ui.add_space(6.0);
    }
    for r in &d.reverse {
        ui.label(format!(
            "Reverse lookup of {}: {}",
            r.name,
            if r.values.is_empty() { r.status.label() } else { r.values.join(", ") }
        ));
    }
}

fn services_ui(ui: &mut Ui, report: &Report) {
    let mut any = false;
    for id in ["net.services.tcp", "net.services.http", "net.services.captive_portal"] {
        if let Some(r) = run(report, id) {
            any = true;
            for f in &r.findings {
                ui.label(
                    RichText::new(format!("{} {}", f.severity.icon(), f.summary))
                        .color(severity_color(f.severity, ui.visuals())),
                );
            }
            if let Some(reason) = r.outcome.reason() {
                ui.label(RichText::new(format!("{}: {reason}", r.title)).weak());
            }
        }
    }
    if !any {
        ui.label(RichText::new("No service checks have run yet.").weak());
    }
}

fn dhcp_ui(ui: &mut Ui, report: &Report, input: &NetworkInput, interactive: bool, actions: &mut Vec<Action>) {
    if interactive {
        ui.horizontal(|ui| {
            let button = ui.add_enabled(!input.probing_dhcp, egui::Button::new("Look for DHCP servers"));
            if button.clicked() {
                actions.push(Action::DhcpProbe);
            }
            if input.probing_dhcp {
                ui.spinner();
                ui.label("Listening for DHCP offers (about 4 s)…");
            }
        });
    }
    match run(report, "net.dhcp.probe") {
        None => {
            ui.label(RichText::new("Not run yet: it broadcasts one request and lists every server that answers (needs administrator rights).").weak());
        }
        Some(r) => {
            if let Some(reason) = r.outcome.reason() {
                ui.label(format!("{}: {reason}", r.outcome.label()));
            }
            for f in &r.findings {
                ui.label(
                    RichText::new(format!("{} {}", f.severity.icon(), f.summary))
                        .color(severity_color(f.severity, ui.visuals())),
                );
            }
            if let Ok(offers) = serde_json::from_value::<Vec<DhcpOffer>>(r.data.clone()) {
                for o in offers {
                    ui.label(format!(
                        "  server {} offers {} · router {} · DNS {} · after {} ms",
                        o.server_id.map(|s| s.to_string()).unwrap_or_else(|| o.source.to_string()),
                        o.offered,
                        o.routers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(","),
                        o.dns_servers.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(","),
                        o.received_after_ms
                    ));
                }
            }
        }
    }
}

/// When typed data is missing (an older bundle, a check that could not run): its words.
fn findings_fallback(ui: &mut Ui, report: &Report, id: &str) {
    match run(report, id) {
        Some(r) => {
            for f in &r.findings {
                ui.label(format!("{} {}", f.severity.icon(), f.summary));
            }
            if let Some(reason) = r.outcome.reason() {
                ui.label(RichText::new(reason).weak());
            }
        }
        None => {
            ui.label(RichText::new("Not checked yet.").weak());
        }
    }
}

/// Inline check of the "Trace to…" field: an address, or a host name as typed.
pub fn validate_trace_target(input: &str) -> Result<(), String> {
    let t = input.trim();
    if t.is_empty() {
        return Err("Type a host name or an IP address to trace to.".into());
    }
    if t.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().is_ok() {
        return Ok(());
    }
    crate::net::dns::validate_host(t).map_err(|e| e.to_string())
}
