//! The traceroute card: the "Trace to…" field and the mtr-style hop table (Hop, Address,
//! Name, Loss %, Snt, Last, Avg, Best, Wrst), which fills in live while probes run.

use eframe::egui::{self, Grid, Key, RichText, TextEdit, Ui};

use super::{Action, NetworkInput, NetworkView, fallback_ui, ms, run, typed};
use crate::gui::widgets::severity_color;
use crate::model::Severity;
use crate::net::live::LiveSnapshot;
use crate::net::trace::{Hop, HopName, Loss, TraceSnapshot};

/// Check what was typed into "Trace to…" before anything starts: an IP address, or a
/// host name of letters, digits, hyphens and dots (at most 253 characters).
pub fn validate_trace_target(input: &str) -> Result<(), String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("Type a host name or an IP address to trace to.".into());
    }
    if text.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().is_ok() {
        return Ok(());
    }
    crate::net::dns::validate_host(text).map_err(|err| err.to_string())
}

pub fn trace_card_ui(ui: &mut Ui, view: &NetworkView<'_>, input: &mut NetworkInput, actions: &mut Vec<Action>) {
    if view.interactive {
        trace_to_ui(ui, input, actions);
        ui.add_space(6.0);
    }
    let mut shown = false;
    // A saved bundle shows only what it holds, never this session's own trace.
    let manual = input.manual.as_ref().filter(|_| view.interactive);
    if let Some(manual) = manual {
        match find_live(view.live, &manual.key) {
            Some(snapshot) => {
                ui.label(RichText::new(format!("Your trace to {}", manual.target)).strong());
                snapshot_ui(ui, "manual", snapshot, manual.running);
                shown = true;
            }
            None if manual.running => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Looking up {}…", manual.target));
                });
            }
            None => {}
        }
    }
    // The check's own trace: final in the report, live while it runs.
    let checked = typed::<TraceSnapshot>(view.report, "net.trace.path").or_else(|| {
        view.live.iter().find_map(|(key, snapshot)| match snapshot {
            LiveSnapshot::Trace(t) if key.starts_with("trace ") => Some(t.clone()),
            _ => None,
        })
    });
    match checked {
        Some(snapshot) => {
            if shown {
                ui.add_space(8.0);
            }
            ui.label(RichText::new(format!("Path to {} (traced by the check)", snapshot.target)).strong());
            let running = view.pending.iter().any(|id| id == "net.trace.path");
            snapshot_ui(ui, "checked", &snapshot, running);
        }
        None if run(view.report, "net.trace.path").is_some() => fallback_ui(ui, view.report, "net.trace.path"),
        None if !shown && manual.is_none() => {
            ui.label(RichText::new("No traceroute yet.").weak());
        }
        None => {}
    }
}

fn find_live<'a>(live: &'a [(String, LiveSnapshot)], key: &str) -> Option<&'a TraceSnapshot> {
    live.iter().find_map(|(k, snapshot)| match snapshot {
        LiveSnapshot::Trace(t) if k == key => Some(t),
        _ => None,
    })
}

/// The field, its button, what is running, and the inline error right beside them.
fn trace_to_ui(ui: &mut Ui, input: &mut NetworkInput, actions: &mut Vec<Action>) {
    let running = input.manual.as_ref().is_some_and(|m| m.running);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Trace to…");
        let edit = ui
            .add(TextEdit::singleline(&mut input.trace_to).hint_text("host name or IP address").desired_width(260.0))
            .labelled_by(label.id);
        if edit.changed() {
            // A new target: the old complaint no longer applies.
            input.trace_error = None;
        }
        let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let clicked = ui.button("Trace").on_hover_text("Trace the path to this host, 10 probes per hop").clicked();
        if clicked || submitted {
            actions.push(Action::TraceTo(input.trace_to.trim().to_string()));
        }
        if running {
            ui.spinner();
            if ui.button("Stop").on_hover_text("Stop this trace").clicked() {
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
    let plural = if hops == 1 { "" } else { "s" };
    if snapshot.reached && snapshot.done {
        (Severity::Pass, format!("✔ reached in {hops} hop{plural}"))
    } else if !snapshot.done && running {
        (Severity::Info, format!("⟳ tracing… {hops} hop{plural} so far"))
    } else if !snapshot.done {
        (Severity::Warn, format!("– stopped after {hops} hop{plural}"))
    } else {
        (Severity::Fail, format!("✖ not reached ({hops} hop{plural} answered)"))
    }
}

fn snapshot_ui(ui: &mut Ui, id: &str, snapshot: &TraceSnapshot, running: bool) {
    let (severity, words) = progress_words(snapshot, running);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(words).color(severity_color(severity, ui.visuals())).strong());
        ui.label(format!(
            "to {} · {} · {}",
            snapshot.target,
            snapshot.protocol,
            super::super::human_duration(snapshot.elapsed_ms)
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
        HopName::NotFound => "(no name)".into(),
        HopName::Failed(_) => "(lookup failed)".into(),
        HopName::Timeout => "(lookup timed out)".into(),
        HopName::Disabled => String::new(),
    }
}

/// The hop table; numbers in a monospace font so the columns line up.
fn hop_table_ui(ui: &mut Ui, id: &str, snapshot: &TraceSnapshot) {
    if snapshot.hops.is_empty() {
        ui.label(RichText::new("No hop has answered yet.").weak());
        return;
    }
    Grid::new(("hop-table", id)).striped(true).num_columns(9).spacing([16.0, 3.0]).show(ui, |ui| {
        for heading in ["Hop", "Address", "Name", "Loss %", "Snt", "Last", "Avg", "Best", "Wrst"] {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for hop in &snapshot.hops {
            ui.label(RichText::new(hop.ttl.to_string()).monospace());
            let address = ui.label(hop.addr.map_or_else(|| "*".to_string(), |a| a.to_string()));
            if !hop.other_addrs.is_empty() {
                let others = hop.other_addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                address.on_hover_text(format!("Also answered for this hop: {others}"));
            }
            let name = if hop.addr.is_none() { "(no answer)".to_string() } else { name_text(&hop.name) };
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
                .on_hover_text("Loss that persists from this hop to the destination: packets are lost here.");
        }
        Loss::RateLimited => {
            ui.label(RichText::new(format!("{number} (rate-limited, not loss)")).monospace().weak()).on_hover_text(
                "This router limits how often it answers probes; later hops don't share the loss, so no packet is lost here.",
            );
        }
        Loss::NoReply => {
            ui.label(RichText::new(format!("{number} (no answers)")).monospace().weak())
                .on_hover_text("This router does not answer probes, but it forwards them: later hops answer.");
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
}
