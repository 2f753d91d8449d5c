//! The screens' parts. Views draw state they are given and push `Action`s for what the
//! user asked; the app applies those after drawing, so no view does I/O or starts work.

pub mod bundle_view;
pub mod checklist;
pub mod decode;
pub mod home;
pub mod network;
pub mod notes;
pub mod results;
pub mod top_bar;

use std::path::PathBuf;

use chrono::{DateTime, Local, Utc};
use eframe::egui::{self, RichText, Ui};

use crate::model::Category;
use crate::t;

/// What the user asked for this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    CheckEverything,
    Cancel,
    SaveBundle,
    CopySummary,
    OpenBundle,
    CloseBundle,
    ToggleNotes,
    /// Show only one area's results (`None`: all areas).
    Filter(Option<Category>),
    /// Open (true) or leave (false) the Network view.
    ShowNetwork(bool),
    /// Trace the path to what the user typed into "Trace to…".
    TraceTo(String),
    /// Ping what the user typed into "Trace to…" ("Ping" beside "Trace").
    PingTo(String),
    /// Stop the trace started from "Trace to…".
    StopTrace,
    /// Run the active DHCP probe in the background.
    DhcpProbe,
    /// Open a tester on its own ("keyboard", "mouse", "patterns", "sound").
    OpenTool(String),
    /// A guided checklist's button.
    Checklist(checklist::ChecklistAction),
}

/// The one line under the buttons that says what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusLine {
    /// Work in progress ("Saving…").
    Busy(String),
    Success(String),
    Error(String),
    /// A saved bundle, with the strict-privacy name map if there is one.
    Saved {
        path: PathBuf,
        map_path: Option<PathBuf>,
        bytes: u64,
    },
}

impl StatusLine {
    /// One clear line: multi-line error text is folded so the layout stays put.
    pub fn error(text: impl AsRef<str>) -> Self {
        StatusLine::Error(text.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
    }

    pub fn text(&self) -> String {
        match self {
            StatusLine::Busy(text) | StatusLine::Success(text) | StatusLine::Error(text) => text.clone(),
            StatusLine::Saved { path, map_path: None, bytes } => {
                t!("gui-saved-to", path = path.display().to_string(), size = human_bytes(*bytes))
            }
            StatusLine::Saved { path, map_path: Some(map), bytes } => t!(
                "gui-saved-to-with-map",
                path = path.display().to_string(),
                size = human_bytes(*bytes),
                map = map.display().to_string()
            ),
        }
    }
}

/// Draw the status line, if any.
pub fn status_ui(ui: &mut Ui, status: Option<&StatusLine>) {
    let Some(status) = status else { return };
    let visuals = ui.visuals();
    let (prefix, color) = match status {
        StatusLine::Busy(_) => ("…", visuals.text_color()),
        StatusLine::Success(_) | StatusLine::Saved { .. } => {
            ("✔", crate::gui::widgets::severity_color(crate::model::Severity::Pass, visuals))
        }
        StatusLine::Error(_) => ("✖", visuals.error_fg_color),
    };
    ui.add(egui::Label::new(RichText::new(format!("{prefix} {}", status.text())).color(color)).wrap());
}

/// A moment in the computer's own time zone, with its offset so a reader elsewhere can
/// still place it: "2026-12-02 22:15:04 (UTC+01:00)".
pub fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%Y-%m-%d %H:%M:%S (UTC%:z)").to_string()
}

/// A planned check's title in the window's language (`check-<id>` when there is one).
pub fn check_title(id: &str, english: &str) -> String {
    let message = format!("check-{}", id.replace('.', "-"));
    if crate::i18n::exists(&message) { crate::i18n::tr(crate::i18n::current(), &message) } else { english.to_string() }
}

/// "1.2 MiB": sizes for people.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// "850 ms", "1.2 s", "2 min 5 s".
pub fn human_duration(ms: u64) -> String {
    match ms {
        0..1_000 => format!("{ms} ms"),
        1_000..60_000 => format!("{:.1} s", ms as f64 / 1000.0),
        _ => format!("{} min {} s", ms / 60_000, (ms % 60_000) / 1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_read_well() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(3 * 1024 * 1024), "3.0 MiB");
        assert_eq!(human_duration(850), "850 ms");
        assert_eq!(human_duration(1_260), "1.3 s");
        assert_eq!(human_duration(125_000), "2 min 5 s");
    }

    #[test]
    fn errors_stay_on_one_line() {
        let status = StatusLine::error("could not write\n  the bundle: disk full");
        assert_eq!(status.text(), "could not write the bundle: disk full");
    }
}
