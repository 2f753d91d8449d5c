//! "Decode a code": the technician types or pastes the read-out code a user reads over the
//! phone and sees the results it stands for, or why the code is wrong (a misheard
//! character or two swapped ones are caught by the code's check character).

use eframe::egui::{Button, CollapsingHeader, Key, RichText, TextEdit, Ui};

use crate::i18n;
use crate::readout::{self, CodeError, Decoded};
use crate::t;

/// What was typed and what it decoded to (worded at draw time, so a language switch
/// rewords the result too).
#[derive(Debug, Default)]
pub struct DecodeField {
    pub input: String,
    result: Option<Result<Decoded, CodeError>>,
}

impl DecodeField {
    /// Decodes what was typed; an empty field clears the result.
    pub fn decode(&mut self) {
        self.result = (!self.input.trim().is_empty()).then(|| readout::decode(&self.input));
    }

    /// The result lines (or the error) as shown, in `lang`.
    pub fn shown(&self, lang: i18n::Lang) -> Option<Result<Vec<String>, String>> {
        self.result.as_ref().map(|r| match r {
            Ok(decoded) => Ok(decoded.lines(lang)),
            Err(err) => Err(err.message_in(lang)),
        })
    }
}

/// The folded section with the field, "Decode" and the result.
pub fn decode_ui(ui: &mut Ui, field: &mut DecodeField) {
    CollapsingHeader::new(RichText::new(t!("gui-decode-title")).size(16.0).strong()).id_salt("decode-a-code").show(
        ui,
        |ui| {
            ui.label(RichText::new(t!("gui-decode-hint")).weak());
            let mut go = false;
            ui.horizontal(|ui| {
                let label = ui.label(t!("gui-decode-label"));
                let edit = ui
                    .add(TextEdit::singleline(&mut field.input).hint_text("K7Q-4MD-2PX").desired_width(180.0))
                    .labelled_by(label.id);
                go = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                go |= ui.add(Button::new(t!("gui-decode-button"))).clicked();
            });
            if go {
                field.decode();
            }
            match field.shown(i18n::current()) {
                None => {}
                Some(Ok(lines)) => {
                    ui.label(RichText::new(t!("gui-decode-results")).strong());
                    for line in lines {
                        ui.label(format!("• {line}"));
                    }
                }
                Some(Err(message)) => {
                    ui.label(RichText::new(format!("✖ {message}")).color(ui.visuals().error_fg_color));
                }
            }
        },
    );
}
