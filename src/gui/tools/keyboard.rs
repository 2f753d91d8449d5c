//! The keyboard tester view: an on-screen ANSI or ISO keyboard whose keys light while
//! pressed and stay marked once tested. It keeps keyboard focus for itself (Tab, the
//! arrows and Esc are keys to test here, not focus moves), so Space and Enter never
//! press one of the view's buttons by accident.
//!
//! What egui cannot report: keys the system keeps for itself (Print Screen on some
//! desktops, the Windows/Super key, Alt+Tab, Ctrl+Alt+Del), Fn (handled inside the
//! keyboard), and the numeric keypad as keys of its own (egui-winit maps Numpad0–9,
//! NumpadEnter, NumpadSubtract and NumpadDivide onto the main keys, so no numpad is drawn
//! and those keys light their main-block twins; numpad + shows under "other keys").

use eframe::egui::{
    self, Align2, Color32, Event, EventFilter, FontId, Key, Modifiers, Rect, Role, Sense, Stroke, StrokeKind, Ui, Vec2,
    WidgetInfo,
};

use super::ToolView;
use crate::model::ToolReport;
use crate::t;
use crate::testers::keyboard::{self, KeyState, KeyboardTest, LayoutKind, Slot};

/// The W3C `code` name for an egui key (physical position), `None` for keys with no place.
pub fn code_for(key: Key) -> Option<&'static str> {
    use Key::*;
    Some(match key {
        Escape => "Escape",
        F1 => "F1",
        F2 => "F2",
        F3 => "F3",
        F4 => "F4",
        F5 => "F5",
        F6 => "F6",
        F7 => "F7",
        F8 => "F8",
        F9 => "F9",
        F10 => "F10",
        F11 => "F11",
        F12 => "F12",
        PrintScreen => "PrintScreen",
        ScrollLock => "ScrollLock",
        Pause => "Pause",
        Backtick => "Backquote",
        Num1 => "Digit1",
        Num2 => "Digit2",
        Num3 => "Digit3",
        Num4 => "Digit4",
        Num5 => "Digit5",
        Num6 => "Digit6",
        Num7 => "Digit7",
        Num8 => "Digit8",
        Num9 => "Digit9",
        Num0 => "Digit0",
        Minus => "Minus",
        Equals => "Equal",
        Backspace => "Backspace",
        Insert => "Insert",
        Home => "Home",
        PageUp => "PageUp",
        Tab => "Tab",
        A => "KeyA",
        B => "KeyB",
        C => "KeyC",
        D => "KeyD",
        E => "KeyE",
        F => "KeyF",
        G => "KeyG",
        H => "KeyH",
        I => "KeyI",
        J => "KeyJ",
        K => "KeyK",
        L => "KeyL",
        M => "KeyM",
        N => "KeyN",
        O => "KeyO",
        P => "KeyP",
        Q => "KeyQ",
        R => "KeyR",
        S => "KeyS",
        T => "KeyT",
        U => "KeyU",
        V => "KeyV",
        W => "KeyW",
        X => "KeyX",
        Y => "KeyY",
        Z => "KeyZ",
        OpenBracket | OpenCurlyBracket => "BracketLeft",
        CloseBracket | CloseCurlyBracket => "BracketRight",
        Backslash | Pipe => "Backslash",
        Delete => "Delete",
        End => "End",
        PageDown => "PageDown",
        CapsLock => "CapsLock",
        Semicolon | Colon => "Semicolon",
        Quote => "Quote",
        Enter => "Enter",
        ShiftLeft => "ShiftLeft",
        IntlBackslash => "IntlBackslash",
        Comma => "Comma",
        Period => "Period",
        Slash | Questionmark => "Slash",
        ShiftRight => "ShiftRight",
        ArrowUp => "ArrowUp",
        ControlLeft => "ControlLeft",
        SuperLeft => "MetaLeft",
        AltLeft => "AltLeft",
        Space => "Space",
        AltRight => "AltRight",
        SuperRight => "MetaRight",
        Menu => "ContextMenu",
        ControlRight => "ControlRight",
        ArrowLeft => "ArrowLeft",
        ArrowDown => "ArrowDown",
        ArrowRight => "ArrowRight",
        NumLock => "NumLock",
        other => return other_code(other),
    })
}

/// Keys outside the drawn layout keep egui's own name, so the report can list them.
fn other_code(key: Key) -> Option<&'static str> {
    Some(key.name()).filter(|n| !n.is_empty())
}

/// Modifiers whose sides egui may not tell (only `Modifiers` changes arrive on some
/// integrations): (flag, left code, right code).
/// Reads one modifier flag.
type ModifierFlag = fn(&Modifiers) -> bool;

const MODIFIER_KEYS: [(ModifierFlag, &str, &str); 3] = [
    (|m| m.shift, "ShiftLeft", "ShiftRight"),
    (|m| m.ctrl, "ControlLeft", "ControlRight"),
    (|m| m.alt, "AltLeft", "AltRight"),
];

/// The keyboard tester as a full view.
pub struct KeyboardTester {
    test: KeyboardTest,
    modifiers: Modifiers,
    /// Which left modifier keys we marked down only from a `Modifiers` change.
    inferred_down: [bool; 3],
    now_s: f64,
}

impl Default for KeyboardTester {
    fn default() -> Self {
        Self::new(LayoutKind::Ansi)
    }
}

impl KeyboardTester {
    /// A fresh tester showing `layout` (the switch on screen changes it).
    pub fn new(layout: LayoutKind) -> Self {
        Self { test: KeyboardTest::new(layout), modifiers: Modifiers::NONE, inferred_down: [false; 3], now_s: 0.0 }
    }

    /// The state so far (for tests and the caller's own summary).
    pub fn test(&self) -> &KeyboardTest {
        &self.test
    }

    fn handle_input(&mut self, ui: &Ui) {
        let (events, now_s, modifiers) = ui.input(|i| (i.events.clone(), i.time, i.modifiers));
        self.now_s = now_s;
        for event in &events {
            match event {
                Event::Key { key, physical_key, pressed, .. } => {
                    if let Some(code) = code_for(physical_key.unwrap_or(*key)) {
                        if *pressed {
                            self.test.key_down(code, now_s);
                        } else {
                            self.test.key_up(code, now_s);
                        }
                    }
                }
                // With clipboard shortcuts on, Ctrl+C/X/V arrive as these instead of a key press.
                Event::Copy => self.test.key_down("KeyC", now_s),
                Event::Cut => self.test.key_down("KeyX", now_s),
                Event::Paste(_) => self.test.key_down("KeyV", now_s),
                Event::ModifiersChanged(m) => self.modifiers_changed(*m, now_s),
                _ => {}
            }
        }
        self.modifiers_changed(modifiers, now_s);
    }

    /// Side-less modifier changes: mark the left key unless a side-specific key event
    /// already told which one.
    fn modifiers_changed(&mut self, now: Modifiers, at_s: f64) {
        for (i, (flag, left, right)) in MODIFIER_KEYS.iter().enumerate() {
            let (was, is) = (flag(&self.modifiers), flag(&now));
            if is && !was && !self.test.is_down(left) && !self.test.is_down(right) {
                self.test.key_down(left, at_s);
                self.test.sides_inferred = true;
                self.inferred_down[i] = true;
            } else if !is && self.inferred_down[i] {
                self.test.key_up(left, at_s);
                self.inferred_down[i] = false;
            }
        }
        self.modifiers = now;
    }

    fn keyboard_ui(&self, ui: &mut Ui, capture_id: egui::Id) {
        let layout = self.test.layout();
        let units = keyboard::row_units(layout);
        let unit = (ui.available_width() / units).clamp(24.0, 56.0);
        let size = Vec2::new(units * unit, 6.0 * unit + unit * 0.5);
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        // The capture area owns keyboard focus; it covers the drawing.
        ui.interact(rect, capture_id, Sense::focusable_noninteractive());
        let visuals = ui.visuals().clone();
        for (r, row) in keyboard::rows(layout).iter().enumerate() {
            // A half-key gap under the function row, as on real keyboards.
            let y = rect.top() + r as f32 * unit + if r > 0 { unit * 0.5 } else { 0.0 };
            let mut x = rect.left();
            for slot in row.iter() {
                let key = match slot {
                    Slot::Gap(g) => {
                        x += g * unit;
                        continue;
                    }
                    Slot::Key(key) => key,
                };
                let pad = unit * 0.08;
                let top = Rect::from_min_size(
                    egui::pos2(x + pad, y + pad),
                    Vec2::new(key.width * unit - 2.0 * pad, unit - 2.0 * pad),
                );
                let state = self.test.state(key.code);
                let (fill, text_color, stroke) = match state {
                    KeyState::Untested => (
                        visuals.widgets.inactive.bg_fill,
                        visuals.text_color(),
                        Stroke::new(1.0, visuals.widgets.inactive.fg_stroke.color),
                    ),
                    KeyState::Pressed => {
                        (visuals.selection.bg_fill, Color32::WHITE, Stroke::new(3.0, visuals.strong_text_color()))
                    }
                    KeyState::Tested => (
                        Color32::from_rgb(46, 125, 50),
                        Color32::WHITE,
                        Stroke::new(1.0, Color32::from_rgb(27, 94, 32)),
                    ),
                };
                let painter = ui.painter();
                let mut shapes = vec![top];
                if key.tall {
                    // ISO Enter: the lower half is a quarter key narrower, on the right.
                    shapes.push(Rect::from_min_max(
                        egui::pos2(top.left() + unit * 0.25, top.bottom() - pad),
                        egui::pos2(top.right(), top.bottom() + unit),
                    ));
                }
                for part in &shapes {
                    painter.rect(*part, 4.0, fill, stroke, StrokeKind::Inside);
                }
                // Not colour alone: the label gains a mark too.
                let mark = match state {
                    KeyState::Untested => "",
                    KeyState::Pressed => "⬇ ",
                    KeyState::Tested => "✔ ",
                };
                let font = FontId::proportional((unit * 0.28).clamp(9.0, 15.0));
                painter.text(top.center(), Align2::CENTER_CENTER, format!("{mark}{}", key.label), font, text_color);
                let name = t!(
                    "testers-kb-key-name",
                    key = self.test.label_of(key.code),
                    state = state.label_in(crate::i18n::current())
                );
                let response = ui.interact(top, capture_id.with(key.code), Sense::hover());
                response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &name));
                x += key.width * unit;
            }
        }
    }
}

impl ToolView for KeyboardTester {
    fn title(&self) -> String {
        t!("testers-kb-title")
    }

    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport> {
        let capture_id = ui.make_persistent_id("keyboard-tester-capture");
        // Keep focus so Tab/arrows/Esc reach us and Space/Enter never click a button.
        ui.memory_mut(|m| {
            m.request_focus(capture_id);
            m.set_focus_lock_filter(
                capture_id,
                EventFilter { tab: true, horizontal_arrows: true, vertical_arrows: true, escape: true },
            );
        });
        self.handle_input(ui);

        ui.heading(t!("testers-kb-title"));
        ui.label(t!("testers-kb-intro"));
        ui.horizontal(|ui| {
            ui.label(t!("testers-kb-layout"));
            let mut layout = self.test.layout();
            ui.selectable_value(&mut layout, LayoutKind::Ansi, LayoutKind::Ansi.label_in(crate::i18n::current()));
            ui.selectable_value(&mut layout, LayoutKind::Iso, LayoutKind::Iso.label_in(crate::i18n::current()));
            if layout != self.test.layout() {
                self.test.set_layout(layout);
            }
        });
        ui.label(t!("testers-kb-progress", tested = self.test.tested_count(), total = self.test.total()));
        ui.add_space(6.0);
        self.keyboard_ui(ui, capture_id);
        ui.add_space(6.0);

        let stuck = self.test.stuck(self.now_s);
        if !stuck.is_empty() {
            let names: Vec<String> = stuck.iter().map(|s| format!("{} ({:.0} s)", s.label, s.held_s)).collect();
            ui.colored_label(ui.visuals().warn_fg_color, t!("testers-kb-held", keys = names.join(", ")));
        }
        if !self.test.extra_keys().is_empty() {
            ui.label(t!("testers-kb-other-keys", keys = self.test.extra_keys().join(", ")));
        }
        // A held key needs the clock to move on to be noticed as stuck.
        if self.test.any_down() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(250));
        }

        ui.add_space(10.0);
        let finished = super::verdict_ui(ui);
        finished.map(|works| self.test.report(works, self.now_s))
    }
}
