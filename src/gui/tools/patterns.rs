//! The test-pattern view: each pattern over the whole window in full screen; any key or
//! click shows the next one, Esc leaves. At the end it asks "Did you see any problem?" and
//! hands back the `ToolReport`. The sequence and the report live in `crate::testers::patterns`.

use eframe::egui::{
    self, Color32, ColorImage, Event, Id, Key, Order, Pos2, Rect, Role, Sense, TextureHandle, TextureOptions, Ui, Vec2,
    ViewportCommand, WidgetInfo, pos2, vec2,
};

use super::ToolView;
use crate::hw::display::xrandr::Output;
use crate::model::ToolReport;
use crate::t;
use crate::testers::patterns::{Pattern, PatternSession, Phase, Problem, moving_box_position};

/// Seconds the "what to look for" hint stays on a pattern before it gets out of the way.
const HINT_SECONDS: f64 = 4.0;
/// One back-and-forth of the moving box, in seconds.
const BOX_PERIOD_SECONDS: f64 = 4.0;

/// A monitor the patterns can be shown on, with its place on the desktop in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorChoice {
    pub name: String,
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl MonitorChoice {
    /// The monitors X11 (xrandr) has on the desktop now; those switched off are left out.
    pub fn from_outputs(outputs: &[Output]) -> Vec<MonitorChoice> {
        outputs
            .iter()
            .filter(|o| o.connected)
            .filter_map(|o| {
                let g = o.geometry?;
                Some(MonitorChoice { name: o.name.clone(), x: g.x, y: g.y, width: g.width, height: g.height })
            })
            .collect()
    }

    fn label(&self) -> String {
        format!("{} ({}×{} at {}, {})", self.name, self.width, self.height, self.x, self.y)
    }
}

/// What egui knows about the monitor this window is on, for a small info line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DisplayInfo {
    /// The monitor's size in points (egui's logical units).
    pub monitor_size_points: Option<Vec2>,
    /// Physical pixels per point: the OS scale factor (1.0, 1.25, 2.0 …).
    pub native_pixels_per_point: Option<f32>,
}

impl DisplayInfo {
    /// Reads the current viewport's facts.
    pub fn from_ctx(ctx: &egui::Context) -> Self {
        ctx.input(|i| {
            let v = i.viewport();
            Self { monitor_size_points: v.monitor_size, native_pixels_per_point: v.native_pixels_per_point }
        })
    }

    /// The monitor size in physical pixels, when both facts are known.
    pub fn monitor_size_pixels(&self) -> Option<(u32, u32)> {
        let size = self.monitor_size_points?;
        let ppp = self.native_pixels_per_point?;
        Some(((size.x * ppp).round() as u32, (size.y * ppp).round() as u32))
    }

    /// "This window's monitor: 2560×1440 pixels, scale 125 %".
    pub fn describe(&self) -> String {
        let scale = self.native_pixels_per_point.map(|p| format!("{:.0} %", p * 100.0));
        match (self.monitor_size_pixels(), scale) {
            (Some((w, h)), Some(scale)) => t!("testers-monitor-known", size = format!("{w}×{h}"), scale = scale),
            (None, Some(scale)) => t!("testers-monitor-scale-only", scale = scale),
            _ => t!("testers-monitor-unknown"),
        }
    }
}

/// Draws [`DisplayInfo::describe`] as one line.
pub fn display_info_ui(ui: &mut Ui) {
    let info = DisplayInfo::from_ctx(ui.ctx());
    ui.label(info.describe());
}

/// The test-pattern tester as a full view.
pub struct PatternTester {
    session: PatternSession,
    monitors: Vec<MonitorChoice>,
    chosen: usize,
    saw_problem: bool,
    problems: [bool; Problem::ALL.len()],
    note: String,
    checker: Option<TextureHandle>,
}

impl Default for PatternTester {
    fn default() -> Self {
        Self::new()
    }
}

impl PatternTester {
    /// A tester that shows the patterns on the monitor the window is on.
    pub fn new() -> Self {
        Self {
            session: PatternSession::new(),
            monitors: Vec::new(),
            chosen: 0,
            saw_problem: false,
            problems: [false; Problem::ALL.len()],
            note: String::new(),
            checker: None,
        }
    }

    /// A tester that offers these monitors (e.g. [`MonitorChoice::from_outputs`] of an xrandr
    /// query made off the UI thread) and moves the window to the chosen one first.
    pub fn with_monitors(monitors: Vec<MonitorChoice>) -> Self {
        Self { monitors, ..Self::new() }
    }

    /// The session so far (what was shown), e.g. for a test or a status line.
    pub fn session(&self) -> &PatternSession {
        &self.session
    }

    fn start(&mut self, ui: &Ui, now: f64) {
        let ctx = ui.ctx();
        if let Some(m) = self.monitors.get(self.chosen) {
            // Desktop pixels → points; a little inside the monitor so the window manager puts it there.
            let ppp = ctx.input(|i| i.viewport().native_pixels_per_point).unwrap_or(1.0).max(0.1);
            let pos = pos2((m.x as f32 + 40.0) / ppp, (m.y as f32 + 40.0) / ppp);
            ctx.send_viewport_cmd(ViewportCommand::OuterPosition(pos));
            self.session.set_monitor(Some(m.name.clone()));
        }
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        self.session.start(now);
    }

    fn finish(&mut self, ui: &Ui, report: ToolReport) -> Option<ToolReport> {
        ui.ctx().send_viewport_cmd(ViewportCommand::Fullscreen(false));
        Some(report)
    }

    fn intro_ui(&mut self, ui: &mut Ui, now: f64) {
        ui.heading(t!("testers-patterns-title"));
        ui.label(t!("testers-patterns-intro"));
        ui.add_space(6.0);
        for (i, p) in Pattern::SEQUENCE.iter().enumerate() {
            let (title, look_for) = p.texts_in(crate::i18n::current());
            ui.label(format!("{}. {title}: {look_for}", i + 1));
        }
        ui.add_space(6.0);
        display_info_ui(ui);
        if self.monitors.len() > 1 {
            ui.label(t!("testers-patterns-show-on"));
            for (i, m) in self.monitors.iter().enumerate() {
                ui.radio_value(&mut self.chosen, i, m.label());
            }
        } else {
            ui.label(t!("testers-patterns-this-monitor"));
        }
        ui.add_space(10.0);
        if ui.add(egui::Button::new(t!("testers-patterns-start")).min_size(vec2(220.0, 40.0))).clicked() {
            self.start(ui, now);
        }
    }

    fn pattern_ui(&mut self, ui: &mut Ui, pattern: Pattern, index: usize, now: f64) {
        let ctx = ui.ctx().clone();
        let rect = ctx.content_rect();
        let elapsed = self.session.elapsed(now);
        if pattern == Pattern::Checkerboard && self.checker.is_none() {
            let w = Color32::WHITE;
            let b = Color32::BLACK;
            let options = TextureOptions {
                magnification: egui::TextureFilter::Nearest,
                minification: egui::TextureFilter::Nearest,
                wrap_mode: egui::TextureWrapMode::Repeat,
                mipmap_mode: None,
            };
            self.checker =
                Some(ctx.load_texture("deskcheck-checkerboard", ColorImage::new([2, 2], vec![w, b, b, w]), options));
        }
        let checker = self.checker.clone();
        let (title, look_for) = pattern.texts_in(crate::i18n::current());
        let label = t!("testers-pattern-name", index = index + 1, count = Pattern::SEQUENCE.len(), title = &title);
        let advance = egui::Area::new(Id::unique("deskcheck-test-pattern"))
            .order(Order::Foreground)
            .fixed_pos(rect.min)
            .show(&ctx, |ui| {
                let response = ui.allocate_rect(Rect::from_min_size(rect.min, rect.size()), Sense::click());
                response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
                let painter = ui.painter();
                paint_pattern(painter, rect, pattern, elapsed, checker.as_ref(), ctx.pixels_per_point());
                if elapsed < HINT_SECONDS {
                    paint_hint(
                        painter,
                        rect,
                        &format!("{title} ({}/{}): {look_for}", index + 1, Pattern::SEQUENCE.len()),
                    );
                }
                response.clicked() || response.secondary_clicked()
            })
            .inner;
        let key = ui.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, Event::Key { key, pressed: true, repeat: false, .. } if *key != Key::Escape))
        });
        if advance || key {
            self.session.advance(now);
            if self.session.phase() == Phase::Asking {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
            }
        }
        if pattern == Pattern::MovingBox || elapsed < HINT_SECONDS {
            ctx.request_repaint();
        }
    }

    fn verdict_ui(&mut self, ui: &mut Ui) -> Option<ToolReport> {
        ui.heading(t!("testers-patterns-any-problem"));
        ui.label(t!("testers-patterns-seen", count = self.session.shown().len()));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.add(egui::Button::new(t!("testers-patterns-fine")).min_size(vec2(220.0, 40.0))).clicked() {
                return Some(self.session.answer(&[], ""));
            }
            if ui.add(egui::Button::new(t!("testers-patterns-problem")).min_size(vec2(220.0, 40.0))).clicked() {
                self.saw_problem = true;
            }
            None
        })
        .inner
        .or_else(|| {
            if !self.saw_problem {
                return None;
            }
            ui.add_space(8.0);
            ui.label(t!("testers-patterns-what"));
            for (i, p) in Problem::ALL.iter().enumerate() {
                ui.checkbox(&mut self.problems[i], p.label_in(crate::i18n::current()));
            }
            let note_label = ui.label(t!("testers-patterns-where"));
            ui.add(egui::TextEdit::singleline(&mut self.note).desired_width(400.0)).labelled_by(note_label.id);
            let picked: Vec<Problem> =
                Problem::ALL.iter().zip(self.problems).filter(|(_, on)| *on).map(|(p, _)| *p).collect();
            let finish = ui.add_enabled(
                !picked.is_empty(),
                egui::Button::new(t!("testers-patterns-finish")).min_size(vec2(160.0, 36.0)),
            );
            finish.clicked().then(|| self.session.answer(&picked, &self.note))
        })
    }
}

impl ToolView for PatternTester {
    fn title(&self) -> String {
        t!("testers-patterns-title")
    }

    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport> {
        let now = ui.input(|i| i.time);
        if ui.input(|i| i.key_pressed(Key::Escape)) && self.session.phase() != Phase::Done {
            let report = self.session.leave(now);
            return self.finish(ui, report);
        }
        match self.session.phase() {
            Phase::Ready => {
                self.intro_ui(ui, now);
                None
            }
            Phase::Showing(i) => {
                if let Some(p) = self.session.current() {
                    self.pattern_ui(ui, p, i, now);
                }
                None
            }
            Phase::Asking => {
                let report = self.verdict_ui(ui)?;
                self.finish(ui, report)
            }
            Phase::Done => None,
        }
    }
}

fn paint_pattern(
    painter: &egui::Painter,
    rect: Rect,
    pattern: Pattern,
    elapsed: f64,
    checker: Option<&TextureHandle>,
    pixels_per_point: f32,
) {
    let solid = |c: Color32| {
        painter.rect_filled(rect, 0.0, c);
    };
    match pattern {
        Pattern::Red => solid(Color32::from_rgb(255, 0, 0)),
        Pattern::Green => solid(Color32::from_rgb(0, 255, 0)),
        Pattern::Blue => solid(Color32::from_rgb(0, 0, 255)),
        Pattern::White => solid(Color32::WHITE),
        Pattern::Black => solid(Color32::BLACK),
        Pattern::Grey50 => solid(Color32::from_gray(128)),
        Pattern::GreyRamp => paint_ramp(painter, rect, Color32::from_gray),
        Pattern::RgbRamps => {
            let band = rect.height() / 4.0;
            let row = |i: f32| Rect::from_min_size(pos2(rect.left(), rect.top() + band * i), vec2(rect.width(), band));
            paint_ramp(painter, row(0.0), |v| Color32::from_rgb(v, 0, 0));
            paint_ramp(painter, row(1.0), |v| Color32::from_rgb(0, v, 0));
            paint_ramp(painter, row(2.0), |v| Color32::from_rgb(0, 0, v));
            paint_ramp(painter, row(3.0), Color32::from_gray);
        }
        Pattern::Checkerboard => {
            solid(Color32::from_gray(128));
            if let Some(tex) = checker {
                // One texel per physical pixel: the 2×2 texture repeats width/2 × height/2 times.
                let px = rect.size() * pixels_per_point;
                let uv = Rect::from_min_max(Pos2::ZERO, pos2(px.x / 2.0, px.y / 2.0));
                painter.image(tex.id(), rect, uv, Color32::WHITE);
            }
            let panel = Rect::from_center_size(rect.center(), vec2(560.0, 150.0));
            painter.rect_filled(panel, 4.0, Color32::WHITE);
            let mut y = panel.top() + 12.0;
            let sample = t!("testers-pattern-sample");
            for size in [8.0, 10.0, 12.0, 14.0] {
                painter.text(
                    pos2(panel.left() + 12.0, y),
                    egui::Align2::LEFT_TOP,
                    format!("{size:.0} pt: {sample}"),
                    egui::FontId::proportional(size),
                    Color32::BLACK,
                );
                y += size + 20.0;
            }
        }
        Pattern::MovingBox => {
            solid(Color32::from_gray(40));
            let side = (rect.height() / 6.0).max(20.0);
            let x =
                rect.left() + (rect.width() - side).max(0.0) * moving_box_position(elapsed, BOX_PERIOD_SECONDS) as f32;
            let boxed = Rect::from_min_size(pos2(x, rect.center().y - side / 2.0), vec2(side, side));
            painter.rect_filled(boxed, 0.0, Color32::WHITE);
        }
    }
}

/// 256 steps from dark (left) to full (right).
fn paint_ramp(painter: &egui::Painter, rect: Rect, color: impl Fn(u8) -> Color32) {
    let step = rect.width() / 256.0;
    for v in 0..=255u8 {
        let left = rect.left() + step * f32::from(v);
        let strip = Rect::from_min_max(pos2(left, rect.top()), pos2(left + step + 0.5, rect.bottom()));
        painter.rect_filled(strip, 0.0, color(v));
    }
}

fn paint_hint(painter: &egui::Painter, rect: Rect, text: &str) {
    let font = egui::FontId::proportional(16.0);
    let galley = painter.layout(text.to_string(), font, Color32::WHITE, (rect.width() - 60.0).max(100.0));
    let size = galley.size() + vec2(24.0, 16.0);
    let at = pos2(rect.center().x - size.x / 2.0, rect.bottom() - size.y - 30.0);
    painter.rect_filled(Rect::from_min_size(at, size), 6.0, Color32::from_black_alpha(200));
    painter.galley(at + vec2(12.0, 8.0), galley, Color32::WHITE);
}
