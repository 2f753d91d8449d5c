//! The top bar: the name (and organisation), the Guided/Technician switch, the language
//! menu, high contrast and the text size; in technician mode also the notes toggle and
//! "Open bundle…". The settings are edited in place; the app notices the change and
//! remembers it.

use eframe::egui::{self, Align, Button, ComboBox, Layout, RichText, Role, Ui, WidgetInfo};

use super::Action;
use crate::gui::settings::{Settings, UiMode, ZOOM_MAX, ZOOM_MIN};
use crate::i18n::Lang;

/// How much one press of the text-size buttons changes the zoom (as Ctrl +/− does).
const ZOOM_STEP: f32 = 0.1;

/// What the technician-only part of the bar needs.
pub struct TechnicianBar<'a> {
    pub organisation: Option<&'a str>,
    pub notes_open: bool,
    pub opening: bool,
}

/// Draws the bar. `lang` is the language shown now; picking one stores it in `settings`.
pub fn top_bar_ui(
    ui: &mut Ui,
    settings: &mut Settings,
    lang: Lang,
    bar: &TechnicianBar<'_>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(RichText::new("deskcheck").strong());
        if let Some(org) = bar.organisation.filter(|o| !o.trim().is_empty()) {
            ui.separator();
            ui.label(RichText::new(org).size(16.0));
        }
        ui.separator();
        mode_switch_ui(ui, settings);
        ui.separator();
        language_menu_ui(ui, settings, lang);
        ui.checkbox(&mut settings.high_contrast, crate::t!("gui-high-contrast"))
            .on_hover_text(crate::t!("gui-high-contrast-hint"));
        zoom_ui(ui, settings);
        if settings.mode == UiMode::Technician {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui
                    .add_enabled(!bar.opening, Button::new(crate::t!("gui-open-bundle")))
                    .on_hover_text(crate::t!("gui-open-bundle-hint"))
                    .clicked()
                {
                    actions.push(Action::OpenBundle);
                }
                if ui
                    .selectable_label(bar.notes_open, crate::t!("gui-technician-notes"))
                    .on_hover_text(crate::t!("gui-technician-notes-hint"))
                    .clicked()
                {
                    actions.push(Action::ToggleNotes);
                }
            });
        }
    });
}

/// Two labelled buttons, the selected one highlighted and announced as selected.
fn mode_switch_ui(ui: &mut Ui, settings: &mut Settings) {
    ui.label(crate::t!("gui-mode"));
    ui.selectable_value(&mut settings.mode, UiMode::Guided, crate::t!("gui-mode-guided"))
        .on_hover_text(crate::t!("gui-mode-guided-hint"));
    ui.selectable_value(&mut settings.mode, UiMode::Technician, crate::t!("gui-mode-technician"))
        .on_hover_text(crate::t!("gui-mode-technician-hint"));
}

/// Each language in its own name, so someone who cannot read the current one finds theirs.
fn language_menu_ui(ui: &mut Ui, settings: &mut Settings, lang: Lang) {
    let label = crate::t!("gui-language");
    ComboBox::from_id_salt("language")
        .selected_text(lang.native_name())
        .show_ui(ui, |ui| {
            for option in Lang::ALL {
                if ui.selectable_label(option == lang, option.native_name()).clicked() {
                    settings.lang = Some(option);
                }
            }
        })
        .response
        .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, format!("{label}: {}", lang.native_name())));
}

/// "A−", the size in per cent, "A+": the same steps as Ctrl −/+ (Ctrl 0 resets).
fn zoom_ui(ui: &mut Ui, settings: &mut Settings) {
    let smaller = crate::t!("gui-text-smaller");
    let larger = crate::t!("gui-text-larger");
    let response = ui.add_enabled(settings.zoom > ZOOM_MIN + 0.01, Button::new("A−")).on_hover_text(&smaller);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, settings.zoom > ZOOM_MIN + 0.01, &smaller));
    if response.clicked() {
        settings.zoom = step_zoom(settings.zoom, -ZOOM_STEP);
    }
    let percent = (settings.zoom * 100.0).round() as i64;
    ui.label(crate::t!("gui-text-size", percent = percent));
    let response = ui.add_enabled(settings.zoom < ZOOM_MAX - 0.01, Button::new("A+")).on_hover_text(&larger);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, settings.zoom < ZOOM_MAX - 0.01, &larger));
    if response.clicked() {
        settings.zoom = step_zoom(settings.zoom, ZOOM_STEP);
    }
}

/// One step, rounded to whole per cent so repeated presses land on 110 %, not 110.00001 %.
fn step_zoom(zoom: f32, step: f32) -> f32 {
    (((zoom + step) * 100.0).round() / 100.0).clamp(ZOOM_MIN, ZOOM_MAX)
}

/// Tells egui to draw at `zoom`, if it does not already.
pub fn apply_zoom(ctx: &egui::Context, zoom: f32) {
    if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(zoom);
    }
}
