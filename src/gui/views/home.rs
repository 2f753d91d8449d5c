//! The home screen: header, the big "Check everything" button with save/copy next to it,
//! live progress, and one card per area with its badge.

use eframe::egui::{Button, ComboBox, Frame, ProgressBar, RichText, Ui, vec2};

use super::Action;
use crate::bundle::Privacy;
use crate::gui::widgets::{Badge, badge_ui};
use crate::model::Category;
use crate::session::{RunState, Session};
use crate::t;

/// Which buttons can be pressed right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Controls {
    pub running: bool,
    pub cancelling: bool,
    pub can_save: bool,
    pub saving: bool,
    pub can_copy: bool,
}

/// "Check everything" (and "Cancel" while running), then "Save bundle…", privacy, "Copy summary".
pub fn controls_ui(ui: &mut Ui, controls: Controls, privacy: &mut Privacy, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        let check =
            Button::new(RichText::new(t!("gui-check-everything")).size(20.0).strong()).min_size(vec2(230.0, 46.0));
        if ui
            .add_enabled(!controls.running, check)
            .on_hover_text(t!("gui-check-everything-hint"))
            .on_disabled_hover_text(t!("gui-checks-running"))
            .clicked()
        {
            actions.push(Action::CheckEverything);
        }
        if controls.running
            && ui
                .add_enabled(!controls.cancelling, Button::new(t!("gui-cancel")).min_size(vec2(90.0, 46.0)))
                .on_hover_text(t!("gui-cancel-hint"))
                .clicked()
        {
            actions.push(Action::Cancel);
        }
        ui.add_space(16.0);
        ui.vertical(|ui| {
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(controls.can_save && !controls.saving, Button::new(t!("gui-save-bundle")))
                    .on_hover_text(t!("gui-save-bundle-hint"))
                    .on_disabled_hover_text(t!("gui-save-bundle-disabled"))
                    .clicked()
                {
                    actions.push(Action::SaveBundle);
                }
                privacy_ui(ui, privacy, !controls.saving);
                if ui
                    .add_enabled(controls.can_copy, Button::new(t!("gui-copy-summary")))
                    .on_hover_text(t!("gui-copy-summary-hint"))
                    .clicked()
                {
                    actions.push(Action::CopySummary);
                }
            });
        });
    });
}

fn privacy_ui(ui: &mut Ui, privacy: &mut Privacy, enabled: bool) {
    let word = |p: Privacy| match p {
        Privacy::Standard => t!("gui-privacy-standard"),
        Privacy::Strict => t!("gui-privacy-strict"),
    };
    ui.add_enabled_ui(enabled, |ui| {
        let label = ui.label(t!("gui-privacy"));
        ComboBox::from_id_salt("privacy")
            .selected_text(word(*privacy))
            .show_ui(ui, |ui| {
                ui.selectable_value(privacy, Privacy::Standard, word(Privacy::Standard))
                    .on_hover_text(t!("gui-privacy-standard-hint"));
                ui.selectable_value(privacy, Privacy::Strict, word(Privacy::Strict))
                    .on_hover_text(t!("gui-privacy-strict-hint"));
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(t!("gui-privacy-hint"));
    });
}

/// The progress bar ("3 of 7 checks done") and what each running check is doing.
pub fn progress_ui(ui: &mut Ui, session: &Session, running: bool) {
    let (done, total) = session.progress();
    if total == 0 {
        if running {
            ui.label(t!("gui-starting-checks"));
        }
        return;
    }
    let fraction = done as f32 / total as f32;
    ui.add(ProgressBar::new(fraction).desired_width(460.0).text(t!("gui-checks-done", done = done, total = total)));
    for check in session.planned.iter().filter(|p| p.state == RunState::Running) {
        let text = match &check.last_note {
            Some(note) => {
                t!("gui-running-check-note", check = super::check_title(&check.id, &check.title), note = note.as_str())
            }
            None => t!("gui-running-check", check = super::check_title(&check.id, &check.title)),
        };
        ui.label(RichText::new(format!("{} {text}", crate::session::AreaStatus::Running.icon())).weak());
    }
}

/// How an area with no checks reads: in the live app there are none yet; in a saved
/// bundle the sender simply did not run any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardsFor {
    Live,
    SavedBundle,
}

/// Width of an area card's content; cards flow into as many columns as fit.
const CARD_WIDTH: f32 = 180.0;
const CARD_MARGIN: i8 = 12;
const CARD_GAP: f32 = 12.0;

/// One card per area: name (click to show only its results), badge, how many checks.
pub fn areas_ui(
    ui: &mut Ui,
    session: &Session,
    check_counts: &[(Category, usize)],
    filter: Option<Category>,
    cards_for: CardsFor,
    network_details: bool,
    actions: &mut Vec<Action>,
) {
    // Frames only know their size after drawing, so wrapping is decided here, up front.
    let outer_width = CARD_WIDTH + 2.0 * f32::from(CARD_MARGIN) + 2.0 + CARD_GAP;
    let per_row = ((ui.available_width() + CARD_GAP) / outer_width).floor().max(1.0) as usize;
    for row in check_counts.chunks(per_row) {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = CARD_GAP;
            for &(area, count) in row {
                let details = network_details && area == Category::Network;
                area_card_ui(ui, session, (area, count), filter, cards_for, details, actions);
            }
        });
        ui.add_space(CARD_GAP - ui.spacing().item_spacing.y);
    }
}

fn area_card_ui(
    ui: &mut Ui,
    session: &Session,
    (area, count): (Category, usize),
    filter: Option<Category>,
    cards_for: CardsFor,
    details: bool,
    actions: &mut Vec<Action>,
) {
    Frame::group(ui.style()).inner_margin(CARD_MARGIN).corner_radius(8).show(ui, |ui| {
        ui.set_width(CARD_WIDTH);
        ui.vertical(|ui| {
            let selected = filter == Some(area);
            let name = ui
                .selectable_label(selected, RichText::new(area.title_in(crate::i18n::current())).size(18.0).strong())
                .on_hover_text(if selected {
                    t!("gui-area-show-all-hint")
                } else {
                    t!("gui-area-show-only-hint", area = area.title_in(crate::i18n::current()))
                });
            if name.clicked() {
                actions.push(Action::Filter(if selected { None } else { Some(area) }));
            }
            ui.add_space(4.0);
            let badge = match (count, cards_for) {
                (0, CardsFor::Live) => Badge::NoChecks,
                _ => Badge::Status(session.area_status(area)),
            };
            badge_ui(ui, area, badge);
            ui.add_space(4.0);
            let count_text = match (count, cards_for) {
                (0, CardsFor::Live) => t!("gui-area-no-checks"),
                (0, CardsFor::SavedBundle) => t!("gui-area-not-in-bundle"),
                (n, _) => t!("gui-area-checks", count = n),
            };
            ui.label(RichText::new(count_text).weak().small());
            if details {
                ui.add_space(2.0);
                if ui.button(t!("gui-network-details")).on_hover_text(t!("gui-network-details-hint")).clicked() {
                    actions.push(Action::ShowNetwork(true));
                }
            }
        });
    });
}

/// Ordered (area, number of checks) pairs for every area.
pub fn counts_by_area(categories: impl Iterator<Item = Category> + Clone) -> Vec<(Category, usize)> {
    Category::ALL.iter().map(|&area| (area, categories.clone().filter(|c| *c == area).count())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cover_every_area_in_order() {
        let counts = counts_by_area([Category::System, Category::Network, Category::System].into_iter());
        assert_eq!(
            counts,
            vec![
                (Category::Network, 1),
                (Category::Printers, 0),
                (Category::Displays, 0),
                (Category::Peripherals, 0),
                (Category::System, 2),
            ]
        );
    }
}
