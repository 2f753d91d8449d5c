//! The Network view: the verdict banner, the layer ladder, and one card per concern —
//! interface and lease, ping with RTT graphs, the traceroute hop table with "Trace to…",
//! DNS per server, services, and the DHCP-server probe. It draws the report's typed run
//! data, so a saved bundle looks the same as the live session, and while probes run it
//! draws their live snapshots. It never starts work itself: it pushes `Action`s.

mod dns;
mod interface;
mod ping;
mod services;
mod trace;
mod wifi;

use eframe::egui::{Frame, Label, Response, RichText, Stroke, TextStyle, Ui};

pub use self::trace::validate_trace_target;
use super::Action;
use super::results::verdict_ui;
use crate::diagnose::{self, Layer, LayerStatus};
use crate::gui::widgets::severity_color;
use crate::model::{CheckData, CheckRun, DataError, Outcome, Report, Severity};
use crate::net::live::LiveSnapshot;
use crate::{i18n, t};

/// The view's own inputs and what the app tells it about work in flight.
#[derive(Debug, Default, Clone)]
pub struct NetworkInput {
    /// The "Trace to…" field (also what "Ping" pings).
    pub trace_to: String,
    /// The inline message beside the field (bad input, a failed lookup or trace).
    pub trace_error: Option<String>,
    /// The trace the user asked for, once one was started.
    pub manual: Option<ManualTraceView>,
    pub probing_dhcp: bool,
}

/// A trace or ping the user started from the "Trace to…" field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualTraceView {
    pub kind: ManualKind,
    /// Its key on the live board.
    pub key: String,
    /// What the user typed.
    pub target: String,
    pub running: bool,
}

/// Which probe the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManualKind {
    Trace,
    Ping,
}

/// What the view draws from.
pub struct NetworkView<'a> {
    pub report: &'a Report,
    /// The live board's snapshots (empty for a saved bundle).
    pub live: &'a [(String, LiveSnapshot)],
    /// Ids of checks planned or running but not finished yet.
    pub pending: &'a [String],
    /// False for a bundle opened read-only: nothing can be started from it.
    pub interactive: bool,
    /// How long the DHCP probe listens, to say so while it does.
    pub dhcp_listen_ms: u64,
}

/// Whether the report has network runs worth a Network view.
pub fn has_network(report: &Report) -> bool {
    report.runs.iter().any(|r| r.id.starts_with("net."))
}

/// Draw the whole view.
pub fn network_ui(ui: &mut Ui, view: &NetworkView<'_>, input: &mut NetworkInput, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if ui.button(t!("netview-back")).on_hover_text(t!("netview-back-hover")).clicked() {
            actions.push(Action::ShowNetwork(false));
        }
        ui.heading(t!("netview-heading"));
    });
    ui.add_space(6.0);
    verdict_banner_ui(ui, view);
    ui.add_space(8.0);
    ladder_ui(ui, view);
    ui.add_space(10.0);
    card(ui, &t!("netview-card-interface"), |ui| interface::interface_ui(ui, view.report));
    card(ui, &t!("netview-card-wifi"), |ui| wifi::wifi_ui(ui, view.report));
    if view.interactive {
        card(ui, &t!("netview-card-manual"), |ui| trace::manual_card_ui(ui, view, input, actions));
    }
    card(ui, &t!("netview-card-ping"), |ui| ping::ping_ui(ui, view));
    card(ui, &t!("netview-card-trace"), |ui| trace::trace_card_ui(ui, view));
    card(ui, &t!("netview-card-dns"), |ui| dns::dns_ui(ui, view.report));
    card(ui, &t!("netview-card-services"), |ui| services::services_ui(ui, view.report));
    card(ui, &t!("netview-card-dhcp"), |ui| services::dhcp_ui(ui, view, input, actions));
}

fn verdict_banner_ui(ui: &mut Ui, view: &NetworkView<'_>) {
    if let Some(verdict) = &view.report.verdict {
        verdict_ui(ui, verdict);
        return;
    }
    let running = view.pending.iter().any(|id| Layer::of_check(id).is_some());
    let text = if running {
        t!("netview-banner-checking")
    } else if has_network(view.report) {
        t!("netview-banner-no-verdict")
    } else if view.interactive {
        t!("netview-banner-not-checked")
    } else {
        t!("netview-banner-no-network")
    };
    ui.label(RichText::new(text).size(17.0).strong());
}

/// One rung of the ladder, in words.
struct Rung {
    icon: &'static str,
    word: String,
    severity: Option<Severity>,
    why: String,
}

fn rung(status: &LayerStatus, runs: &[CheckRun], pending: &[String]) -> Rung {
    let mine: Vec<&CheckRun> = runs.iter().filter(|r| Layer::of_check(&r.id) == Some(status.layer)).collect();
    if pending.iter().any(|id| Layer::of_check(id) == Some(status.layer)) {
        return Rung {
            icon: "⟳",
            word: t!("netview-rung-checking"),
            severity: None,
            why: t!("netview-rung-still-checking"),
        };
    }
    match status.severity {
        Some(severity) => {
            let (icon, word) = match severity {
                Severity::Pass | Severity::Info => ("✔", t!("netview-rung-ok")),
                Severity::Warn => ("⚠", t!("netview-rung-warning")),
                Severity::Fail => ("✖", t!("netview-rung-fail")),
            };
            let why = status.worst.as_ref().map(|f| f.summary_in(i18n::current())).unwrap_or_default();
            Rung { icon, word, severity: Some(severity), why }
        }
        None if mine.is_empty() => Rung {
            icon: "○",
            word: t!("netview-rung-not-checked"),
            severity: None,
            why: t!("netview-rung-nothing-checked"),
        },
        None => {
            let lang = i18n::current();
            let mut why = String::new();
            for r in &mine {
                if let Some(reason) = r.outcome.reason_in(lang) {
                    // One line per check (a char, not a string: the message test reads literals).
                    if !why.is_empty() {
                        why.push('\n');
                    }
                    why.push_str(&format!("{}: {reason}", r.title_in(lang)));
                }
            }
            Rung { icon: "–", word: t!("netview-rung-could-not-check"), severity: None, why }
        }
    }
}

/// Inner margin of a ladder badge.
const BADGE_MARGIN: f32 = 6.0;

/// The six layers left to right, each an icon and a word; the one the verdict blames is framed thicker.
fn ladder_ui(ui: &mut Ui, view: &NetworkView<'_>) {
    let ladder = diagnose::layer_ladder(&view.report.runs);
    let blamed = view.report.verdict.as_ref().map(|v| v.layer.as_str());
    ui.horizontal_wrapped(|ui| {
        for (i, status) in ladder.iter().enumerate() {
            let rung = rung(status, &view.report.runs, view.pending);
            // "Info" reads "OK" on the ladder, so it is coloured as a pass.
            let color = match rung.severity {
                Some(Severity::Info) => severity_color(Severity::Pass, ui.visuals()),
                Some(severity) => severity_color(severity, ui.visuals()),
                None => ui.visuals().weak_text_color(),
            };
            let stroke = if blamed == Some(status.layer.key()) { 2.5 } else { 1.0 };
            let text = format!("{} {}: {}", rung.icon, layer_title(status.layer), rung.word);
            // A frame cannot move itself to the next row, so a badge that would not fit
            // starts one; a badge is never broken over two lines.
            let font = TextStyle::Body.resolve(ui.style());
            let width = ui.painter().layout_no_wrap(text.clone(), font, color).size().x + 2.0 * BADGE_MARGIN + 4.0;
            if i > 0 {
                // The arrow goes with the badge after it, so a row never ends in one.
                if width + 16.0 > ui.available_size_before_wrap().x {
                    ui.end_row();
                }
                ui.label(RichText::new("›").weak());
            }
            let badge = Frame::new().stroke(Stroke::new(stroke, color)).corner_radius(4).inner_margin(BADGE_MARGIN);
            badge.show(ui, |ui| {
                let label = ui.add(Label::new(RichText::new(text).color(color).strong()).extend());
                if !rung.why.is_empty() {
                    label.on_hover_text(rung.why);
                }
            });
        }
    });
}

/// A layer's name in this thread's language.
pub fn layer_title(layer: Layer) -> String {
    match layer {
        Layer::Link => t!("netview-layer-link"),
        Layer::Address => t!("netview-layer-address"),
        Layer::Gateway => t!("netview-layer-gateway"),
        Layer::Dns => t!("netview-layer-dns"),
        Layer::Internet => t!("netview-layer-internet"),
        Layer::Services => t!("netview-layer-services"),
    }
}

fn card(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui)) {
    Frame::group(ui.style()).inner_margin(12).corner_radius(6).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(title).strong().size(17.0));
        ui.add_space(4.0);
        add(ui);
    });
    ui.add_space(10.0);
}

fn run<'a>(report: &'a Report, id: &str) -> Option<&'a CheckRun> {
    report.runs.iter().find(|r| r.id == id)
}

/// The typed data of `T`'s check: None when the check did not run or left no data (the
/// caller then shows the run's findings). Data of another shape (a bundle from another
/// version) is said in place, never silently left blank.
fn typed<T: CheckData>(ui: &mut Ui, report: &Report) -> Option<T> {
    let run = run(report, T::CHECK_ID)?;
    match run.data::<T>() {
        Ok(data) => data,
        Err(err) => {
            data_error_ui(ui, run, &err);
            None
        }
    }
}

/// "The data of this check cannot be read": a visible gap, with why for the technician.
fn data_error_ui(ui: &mut Ui, run: &CheckRun, err: &DataError) {
    tracing::warn!("cannot show the data of {}: {err:#}", run.id);
    let text = t!("netview-data-unreadable", check = run.title_in(i18n::current()));
    status_line(ui, Severity::Warn, text).on_hover_text(err.to_string());
}

/// "12.3" for milliseconds ("0.04" below one, where LAN times live), "—" when there is none.
fn ms(value: Option<f64>) -> String {
    // Microseconds below 1 ms: a LAN answers in tens of them.
    value.map_or_else(|| "—".to_string(), crate::net::trace::format_rtt)
}

/// One status line: icon and words, coloured as an extra.
fn status_line(ui: &mut Ui, severity: Severity, text: impl Into<String>) -> Response {
    let color = severity_color(severity, ui.visuals());
    ui.add(eframe::egui::Label::new(RichText::new(format!("{} {}", severity.icon(), text.into())).color(color)).wrap())
}

/// Why a run did not complete, plainly: skipped and unsupported are not failures.
fn outcome_ui(ui: &mut Ui, run: &CheckRun) {
    let reason = run.outcome.reason_in(i18n::current()).unwrap_or_default();
    let text = match &run.outcome {
        Outcome::Completed => return,
        Outcome::Skipped { .. } => t!("netview-outcome-skipped", reason = reason),
        Outcome::Unsupported { .. } => t!("netview-outcome-unsupported", reason = reason),
        Outcome::TimedOut { after_ms } => t!("netview-outcome-timed-out", ms = *after_ms),
        Outcome::Errored { .. } => t!("netview-outcome-errored", message = reason),
    };
    ui.add(eframe::egui::Label::new(RichText::new(text)).wrap());
}

/// A run's findings in words, for when its typed data is missing.
fn findings_ui(ui: &mut Ui, run: &CheckRun) {
    outcome_ui(ui, run);
    for finding in &run.findings {
        status_line(ui, finding.severity, finding.summary_in(i18n::current()));
    }
}

/// The findings of `id`, or "not checked yet" when it did not run.
fn fallback_ui(ui: &mut Ui, report: &Report, id: &str) {
    match run(report, id) {
        Some(run) => findings_ui(ui, run),
        None => {
            ui.label(RichText::new(t!("netview-not-checked-yet")).weak());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milliseconds_keep_their_digits() {
        assert_eq!(ms(Some(0.043)), "0.043");
        assert_eq!(ms(Some(12.34)), "12.3");
        assert_eq!(ms(None), "—");
    }
}
