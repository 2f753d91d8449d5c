//! The "Trace to…" card (a host the user names: trace or ping it, through the engine like
//! every probe) and the traceroute card: the mtr-style hop table (Hop, Address, Name,
//! Loss %, Snt, Last, Avg, Best, Wrst), which fills in live while probes run.

use eframe::egui::{self, Grid, Key, RichText, TextEdit, Ui};

use super::{Action, ManualKind, NetworkInput, NetworkView, fallback_ui, ms, run, typed};
use crate::gui::widgets::severity_color;
use crate::model::Severity;
use crate::net::live::LiveSnapshot;
use crate::net::trace::{Hop, HopName, Loss, TraceSnapshot};
use crate::t;

/// Check what was typed into "Trace to…" before anything starts: an IP address, or a
/// host name of letters, digits, hyphens and dots (at most 253 characters).
pub fn validate_trace_target(input: &str) -> Result<(), String> {
    let text = input.trim();
    if text.is_empty() {
        return Err(t!("netview-target-empty"));
    }
    if text.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().is_ok() {
        return Ok(());
    }
    crate::net::dns::validate_host(text).map_err(|err| t!("netview-target-invalid", reason = err.to_string()))
}

/// The field, its buttons, and the trace or ping the user asked for. Only in a live
/// session: a saved bundle shows only what it holds.
pub fn manual_card_ui(ui: &mut Ui, view: &NetworkView<'_>, input: &mut NetworkInput, actions: &mut Vec<Action>) {
    trace_to_ui(ui, input, actions);
    let Some(manual) = input.manual.as_ref() else { return };
    ui.add_space(6.0);
    let live = view.live.iter().find(|(key, _)| *key == manual.key).map(|(_, snapshot)| snapshot);
    match (manual.kind, live) {
        (ManualKind::Trace, Some(LiveSnapshot::Trace(snapshot))) => {
            ui.label(RichText::new(t!("netview-manual-trace-title", target = manual.target.as_str())).strong());
            snapshot_ui(ui, "manual", snapshot, manual.running);
        }
        (ManualKind::Ping, Some(LiveSnapshot::Ping(stats))) => {
            let title = t!("netview-manual-ping-title", target = manual.target.as_str());
            super::ping::stats_ui(ui, &title, stats, manual.running);
        }
        _ if manual.running => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("netview-looking-up", target = manual.target.as_str()));
            });
        }
        _ => {}
    }
}

pub fn trace_card_ui(ui: &mut Ui, view: &NetworkView<'_>) {
    // The check's own trace: final in the report, live while it runs.
    let checked = typed::<TraceSnapshot>(ui, view.report).or_else(|| {
        view.live.iter().find_map(|(key, snapshot)| match snapshot {
            LiveSnapshot::Trace(t) if key.starts_with("trace ") => Some(t.clone()),
            _ => None,
        })
    });
    match checked {
        Some(snapshot) => {
            let title = t!("netview-trace-checked-title", target = snapshot.target.to_string());
            ui.label(RichText::new(title).strong());
            let running = view.pending.iter().any(|id| id == "net.trace.path");
            snapshot_ui(ui, "checked", &snapshot, running);
        }
        None if run(view.report, "net.trace.path").is_some() => fallback_ui(ui, view.report, "net.trace.path"),
        None => {
            ui.label(RichText::new(t!("netview-trace-none-yet")).weak());
        }
    }
}

/// The field, its button, what is running, and the inline error right beside them.
fn trace_to_ui(ui: &mut Ui, input: &mut NetworkInput, actions: &mut Vec<Action>) {
    let running = input.manual.as_ref().is_some_and(|m| m.running);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t!("netview-trace-to"));
        let hint = t!("netview-trace-to-hint");
        let edit = ui
            .add(TextEdit::singleline(&mut input.trace_to).hint_text(hint).desired_width(260.0))
            .labelled_by(label.id);
        if edit.changed() {
            // A new target: the old complaint no longer applies.
            input.trace_error = None;
        }
        let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let clicked = ui.button(t!("netview-trace")).on_hover_text(t!("netview-trace-hover")).clicked();
        if clicked || submitted {
            actions.push(Action::TraceTo(input.trace_to.trim().to_string()));
        }
        if ui.button(t!("netview-ping")).on_hover_text(t!("netview-ping-hover")).clicked() {
            actions.push(Action::PingTo(input.trace_to.trim().to_string()));
        }
        if running {
            ui.spinner();
            if ui.button(t!("netview-stop")).on_hover_text(t!("netview-stop-hover")).clicked() {
                actions.push(Action::StopTrace);
            }
        }
        if let Some(err) = &input.trace_error {
            let color = ui.visuals().error_fg_color;
            ui.add(egui::Label::new(RichText::new(format!("✖ {err}")).color(color)).wrap());
        }
    });
}

/// "reached in 4 hops", "not reached", "tracing…": the snapshot's state in words.
fn progress_words(snapshot: &TraceSnapshot, running: bool) -> (Severity, String) {
    let hops = snapshot.hops.len();
    if snapshot.reached && snapshot.done {
        (Severity::Pass, t!("netview-trace-reached", hops = hops))
    } else if !snapshot.done && running {
        (Severity::Info, t!("netview-trace-tracing", hops = hops))
    } else if !snapshot.done {
        (Severity::Warn, t!("netview-trace-stopped", hops = hops))
    } else {
        (Severity::Fail, t!("netview-trace-not-reached", hops = hops))
    }
}

fn snapshot_ui(ui: &mut Ui, id: &str, snapshot: &TraceSnapshot, running: bool) {
    let (severity, words) = progress_words(snapshot, running);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(words).color(severity_color(severity, ui.visuals())).strong());
        ui.label(t!(
            "netview-trace-facts",
            target = snapshot.target.to_string(),
            protocol = snapshot.protocol.to_string(),
            elapsed = super::super::human_duration(snapshot.elapsed_ms)
        ));
    });
    if let Some(note) = &snapshot.method_note {
        ui.add(egui::Label::new(RichText::new(note).weak()).wrap());
    }
    hop_table_ui(ui, id, snapshot);
}

fn name_text(name: &HopName) -> String {
    match name {
        HopName::Resolved(name) => name.clone(),
        HopName::Pending => "…".into(),
        HopName::NotFound => t!("netview-hop-no-name"),
        HopName::Failed(_) => t!("netview-hop-lookup-failed"),
        HopName::Timeout => t!("netview-hop-lookup-timed-out"),
        HopName::Disabled => String::new(),
    }
}

/// The hop table; numbers in a monospace font so the columns line up.
fn hop_table_ui(ui: &mut Ui, id: &str, snapshot: &TraceSnapshot) {
    if snapshot.hops.is_empty() {
        ui.label(RichText::new(t!("netview-hop-none-yet")).weak());
        return;
    }
    Grid::new(("hop-table", id)).striped(true).num_columns(9).spacing([16.0, 3.0]).show(ui, |ui| {
        let headings = [
            t!("netview-hop-col-hop"),
            t!("netview-hop-col-address"),
            t!("netview-hop-col-name"),
            t!("netview-hop-col-loss"),
            t!("netview-hop-col-sent"),
            t!("netview-hop-col-last"),
            t!("netview-hop-col-avg"),
            t!("netview-hop-col-best"),
            t!("netview-hop-col-worst"),
        ];
        for heading in headings {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for hop in &snapshot.hops {
            ui.label(RichText::new(hop.ttl.to_string()).monospace());
            let address = ui.label(hop.addr.map_or_else(|| "*".to_string(), |a| a.to_string()));
            if !hop.other_addrs.is_empty() {
                let others = hop.other_addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                address.on_hover_text(t!("netview-hop-also-answered", others = others));
            }
            let name = if hop.addr.is_none() { t!("netview-hop-no-answer") } else { name_text(&hop.name) };
            ui.label(name);
            loss_cell_ui(ui, hop);
            ui.label(RichText::new(hop.sent.to_string()).monospace());
            for value in [hop.last_ms, hop.avg_ms, hop.best_ms, hop.worst_ms] {
                ui.label(RichText::new(ms(value)).monospace());
            }
            ui.end_row();
        }
    });
}

/// The loss cell: real loss stands out; a router's rate limit reads as what it is.
fn loss_cell_ui(ui: &mut Ui, hop: &Hop) {
    let number = format!("{:.1}", hop.loss_percent);
    match hop.loss {
        Loss::Persistent => {
            ui.label(RichText::new(number).monospace().color(ui.visuals().warn_fg_color))
                .on_hover_text(t!("netview-loss-persistent-hover"));
        }
        Loss::RateLimited => {
            ui.label(RichText::new(t!("netview-loss-rate-limited", loss = number)).monospace().weak())
                .on_hover_text(t!("netview-loss-rate-limited-hover"));
        }
        Loss::NoReply => {
            ui.label(RichText::new(t!("netview-loss-no-replies", loss = number)).monospace().weak())
                .on_hover_text(t!("netview-loss-no-replies-hover"));
        }
        Loss::None => {
            ui.label(RichText::new(number).monospace());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_targets_are_checked_before_anything_starts() {
        for good in ["127.0.0.1", "::1", "[::1]", "www.deskcheck.test", "router-1", " host.example. "] {
            assert!(validate_trace_target(good).is_ok(), "{good:?} should be accepted");
        }
        for bad in ["", "   ", "not a host!!", "http://example.com", "a..b", "-lead.example", &"a".repeat(254)] {
            assert!(validate_trace_target(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn progress_reads_in_words() {
        let mut s = TraceSnapshot::empty("127.0.0.1".parse().unwrap(), crate::net::trace::TraceProtocol::Udp);
        assert_eq!(progress_words(&s, true).1, "⟳ tracing… 0 hops so far");
        assert_eq!(progress_words(&s, false).1, "– stopped after 0 hops");
        s.done = true;
        assert_eq!(progress_words(&s, false).1, "✖ not reached (0 hops answered)");
    }

    #[test]
    fn progress_and_refusals_read_in_danish() {
        crate::i18n::set_current(crate::i18n::Lang::Da);
        let mut s = TraceSnapshot::empty("127.0.0.1".parse().unwrap(), crate::net::trace::TraceProtocol::Udp);
        assert_eq!(progress_words(&s, true).1, "⟳ sporer… 0 hop indtil nu");
        s.done = true;
        s.reached = true;
        s.hops.push(Hop {
            ttl: 1,
            addr: Some("127.0.0.1".parse().unwrap()),
            other_addrs: Vec::new(),
            name: HopName::Disabled,
            sent: 1,
            received: 1,
            loss_percent: 0.0,
            last_ms: Some(0.05),
            avg_ms: Some(0.05),
            best_ms: Some(0.05),
            worst_ms: Some(0.05),
            rtts_ms: vec![Some(0.05)],
            is_destination: true,
            loss: Loss::None,
            echo: None,
        });
        assert_eq!(progress_words(&s, false).1, "✔ nået efter 1 hop");
        assert_eq!(validate_trace_target(""), Err("Skriv et værtsnavn eller en IP-adresse, du vil spore til.".into()));
        // Names of things stay as they are.
        let refused = validate_trace_target("not a host!!").unwrap_err();
        assert!(refused.starts_with("Det er ikke et gyldigt værtsnavn: "), "{refused}");
        crate::i18n::set_current(crate::i18n::Lang::En);
    }
}
