//! The mouse tester view: a test area that draws the pointer's trail and counts every
//! button, double click, bounce and wheel step made inside it, with a double-click target.

use eframe::egui::{
    self, Align2, Color32, Event, FontId, PointerButton, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo,
};

use super::ToolView;
use crate::model::ToolReport;
use crate::t;
use crate::testers::mouse::{ClickKind, MouseButton, MouseTest};

/// How many recent trail points are painted (the test keeps more for the distance).
const TRAIL_POINTS: usize = 400;

fn button_of(button: PointerButton) -> MouseButton {
    match button {
        PointerButton::Primary => MouseButton::Primary,
        PointerButton::Secondary => MouseButton::Secondary,
        PointerButton::Middle => MouseButton::Middle,
        PointerButton::Extra1 => MouseButton::Extra1,
        PointerButton::Extra2 => MouseButton::Extra2,
    }
}

/// The mouse tester as a full view.
#[derive(Default)]
pub struct MouseTester {
    test: MouseTest,
    /// The last press and what it was, for the line under the area.
    last: Option<(MouseButton, ClickKind)>,
    /// Double clicks that landed on the target.
    target_doubles: u32,
}

impl MouseTester {
    /// A fresh tester with nothing counted.
    pub fn new() -> Self {
        Self::default()
    }

    /// The state so far (for tests and the caller's own summary).
    pub fn test(&self) -> &MouseTest {
        &self.test
    }

    fn handle_input(&mut self, ui: &Ui, area: Rect, target: Rect) {
        let (events, now_s) = ui.input(|i| (i.events.clone(), i.time));
        for event in &events {
            match event {
                Event::PointerMoved(pos) if area.contains(*pos) => self.test.moved(pos.x, pos.y),
                Event::PointerButton { pos, button, pressed, .. } if area.contains(*pos) => {
                    let button = button_of(*button);
                    if let Some(kind) = self.test.button(button, *pressed, now_s) {
                        if kind == ClickKind::Double && button == MouseButton::Primary && target.contains(*pos) {
                            self.target_doubles += 1;
                        }
                        self.last = Some((button, kind));
                    }
                }
                Event::PointerButton { button, pressed: false, .. } => {
                    // A release outside the area still ends the press begun inside it.
                    let button = button_of(*button);
                    if self.test.stats(button).is_down() {
                        self.test.button(button, false, now_s);
                    }
                }
                Event::MouseWheel { delta, .. } if ui.rect_contains_pointer(area) => self.test.wheel(delta.y),
                _ => {}
            }
        }
    }

    fn area_ui(&mut self, ui: &mut Ui) {
        let size = Vec2::new(ui.available_width().min(900.0), 320.0);
        let (area, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let area_name = t!("testers-mouse-area");
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, &area_name));
        let target = Rect::from_center_size(area.right_top() + Vec2::new(-90.0, 90.0), Vec2::splat(110.0));
        self.handle_input(ui, area, target);

        let visuals = ui.visuals().clone();
        let painter = ui.painter_at(area);
        painter.rect_filled(area, 6.0, visuals.extreme_bg_color);
        painter.rect_stroke(
            area,
            6.0,
            Stroke::new(1.0, visuals.widgets.inactive.fg_stroke.color),
            egui::StrokeKind::Inside,
        );
        painter.text(
            area.left_top() + Vec2::new(12.0, 12.0),
            Align2::LEFT_TOP,
            t!("testers-mouse-area-hint"),
            FontId::proportional(14.0),
            visuals.weak_text_color(),
        );
        let trail: Vec<egui::Pos2> =
            self.test.path().iter().rev().take(TRAIL_POINTS).rev().map(|[x, y]| egui::pos2(*x, *y)).collect();
        if trail.len() >= 2 {
            painter.line(trail, Stroke::new(2.0, visuals.selection.bg_fill));
        }
        let hit = self.target_doubles > 0;
        let fill = if hit { Color32::from_rgb(46, 125, 50) } else { visuals.widgets.inactive.bg_fill };
        painter.circle(target.center(), target.width() / 2.0, fill, Stroke::new(2.0, visuals.strong_text_color()));
        painter.text(
            target.center(),
            Align2::CENTER_CENTER,
            if hit { t!("testers-mouse-target-hit", count = self.target_doubles) } else { t!("testers-mouse-target") },
            FontId::proportional(14.0),
            if hit { Color32::WHITE } else { visuals.text_color() },
        );
        let target_label = t!("testers-mouse-target-name", count = self.target_doubles);
        ui.interact(target, response.id.with("target"), Sense::hover())
            .widget_info(|| WidgetInfo::labeled(Role::Label, true, &target_label));
    }
}

impl ToolView for MouseTester {
    fn title(&self) -> String {
        t!("testers-mouse-title")
    }

    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport> {
        ui.heading(t!("testers-mouse-title"));
        ui.label(t!("testers-mouse-intro"));
        ui.add_space(6.0);
        self.area_ui(ui);
        ui.add_space(6.0);

        ui.horizontal_wrapped(|ui| {
            for button in MouseButton::ALL {
                let s = self.test.stats(button);
                // The state is in the words as well as the colour.
                let text = format!(
                    "{}{}",
                    if s.is_down() { "⬇ " } else { "" },
                    t!(
                        "testers-mouse-button-stats",
                        button = button.label_in(crate::i18n::current()),
                        clicks = s.clicks,
                        doubles = s.double_clicks,
                        bounces = s.bounces
                    )
                );
                if s.bounces > 0 {
                    ui.colored_label(ui.visuals().warn_fg_color, text);
                } else {
                    ui.label(text);
                }
            }
        });
        ui.label(t!(
            "testers-mouse-wheel",
            up = self.test.wheel_up,
            down = self.test.wheel_down,
            distance = format!("{:.0}", self.test.distance)
        ));
        match self.last {
            Some((button, ClickKind::Bounce)) => {
                let gap = self.test.bounces.last().map(|b| b.gap_ms).unwrap_or_default();
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t!(
                        "testers-mouse-bounce",
                        button = button.label_in(crate::i18n::current()).to_lowercase(),
                        gap = format!("{gap:.0} ms")
                    ),
                );
            }
            Some((button, ClickKind::Double)) => {
                ui.label(t!(
                    "testers-mouse-last-double",
                    button = button.label_in(crate::i18n::current()).to_lowercase()
                ));
            }
            Some((button, ClickKind::Single)) => {
                ui.label(t!(
                    "testers-mouse-last-click",
                    button = button.label_in(crate::i18n::current()).to_lowercase()
                ));
            }
            None => {}
        }

        ui.add_space(10.0);
        let finished = super::verdict_ui(ui);
        finished.map(|works| self.test.report(works))
    }
}
