//! Status badges for areas and severity words for runs and findings.

use eframe::egui::{Color32, Frame, Margin, Response, RichText, Role, Stroke, Ui, Visuals, WidgetInfo};

use crate::i18n;
use crate::model::{Category, CheckRun, Outcome, Severity};
use crate::session::AreaStatus;
use crate::t;

/// What an area card's badge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    Status(AreaStatus),
    /// The area has no checks in this build yet: saying "not run" would suggest a button to press.
    NoChecks,
}

impl Badge {
    /// The badge's word in the window's language.
    pub fn word(self) -> String {
        match self {
            Badge::Status(AreaStatus::NotRun) => t!("gui-badge-not-run"),
            Badge::Status(AreaStatus::Running) => t!("gui-badge-running"),
            Badge::Status(AreaStatus::NotAvailable) => t!("gui-badge-not-available"),
            Badge::Status(AreaStatus::Done(Severity::Pass | Severity::Info)) => t!("gui-badge-pass"),
            Badge::Status(AreaStatus::Done(Severity::Warn)) => t!("gui-badge-warning"),
            Badge::Status(AreaStatus::Done(Severity::Fail)) => t!("gui-badge-fail"),
            Badge::NoChecks => t!("gui-badge-no-checks"),
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Badge::Status(status) => status.icon(),
            Badge::NoChecks => "–",
        }
    }

    fn color(self, visuals: &Visuals) -> Color32 {
        match self {
            // An area whose checks only informed reads "Pass", so it is coloured as one.
            Badge::Status(AreaStatus::Done(Severity::Info)) => severity_color(Severity::Pass, visuals),
            Badge::Status(AreaStatus::Done(severity)) => severity_color(severity, visuals),
            Badge::Status(AreaStatus::Running) => visuals.strong_text_color(),
            Badge::Status(AreaStatus::NotRun | AreaStatus::NotAvailable) | Badge::NoChecks => visuals.weak_text_color(),
        }
    }
}

/// Colour for a severity; readable on both the dark and the light theme.
pub fn severity_color(severity: Severity, visuals: &Visuals) -> Color32 {
    match (severity, visuals.dark_mode) {
        (Severity::Pass, true) => Color32::from_rgb(110, 200, 120),
        (Severity::Pass, false) => Color32::from_rgb(30, 120, 50),
        (Severity::Info, true) => Color32::from_rgb(130, 170, 230),
        (Severity::Info, false) => Color32::from_rgb(30, 80, 160),
        (Severity::Warn, _) => visuals.warn_fg_color,
        (Severity::Fail, _) => visuals.error_fg_color,
    }
}

/// "✔ PASS", "⚠ WARN": icon and word together.
pub fn severity_text(severity: Severity) -> String {
    format!("{} {}", severity.icon(), severity.label_in(i18n::current()))
}

/// Icon and word for a run: its severity, or for a run that said nothing, what happened instead.
pub fn outcome_word(run: &CheckRun) -> (&'static str, String) {
    match (run.severity(), &run.outcome) {
        (Some(severity), _) => (severity.icon(), severity.label_in(i18n::current())),
        (None, Outcome::Unsupported { .. }) => ("–", t!("gui-outcome-not-available")),
        (None, Outcome::Completed) => ("–", t!("gui-outcome-no-findings")),
        (None, _) => ("–", t!("gui-outcome-skipped")),
    }
}

/// An area's badge: a framed icon + word. Its accessible name carries the area too
/// ("System: Warning"), so a screen reader (and a test) knows which card it belongs to.
pub fn badge_ui(ui: &mut Ui, area: Category, badge: Badge) -> Response {
    let color = badge.color(ui.visuals());
    let label = Frame::new()
        .stroke(Stroke::new(1.0, color))
        .corner_radius(4)
        .inner_margin(Margin::symmetric(6, 2))
        .show(ui, |ui| ui.label(RichText::new(format!("{} {}", badge.icon(), badge.word())).color(color).strong()))
        .inner;
    let name = format!("{}: {}", area.title_in(i18n::current()), badge.word());
    label.widget_info(|| WidgetInfo::labeled(Role::Label, true, &name));
    label
}
