//! English and Danish for every user-facing string, through Project Fluent (`fluent-bundle`).
//!
//! The messages live in `locales/<lang>/<domain>.ftl`, compiled into the binary, one file per
//! area so each part of the program owns its words. Code never holds a user-facing sentence:
//! it names a message (`t!("gui-save-bundle")`, `msg!("net-link-unplugged", adapter = name)`)
//! and the reader's language picks the words. Names of things (printer models, host names,
//! addresses) travel as arguments and are never translated.
//!
//! A finding or verdict keeps its [`Msg`] (id + arguments) in the report, so a bundle made in
//! Danish reads in English on the reviewer's desk and the other way round.
//!
//! The language is a process default (the OS locale, or `--lang`) that one thread may
//! override (the GUI thread follows the user's switch; tests set their own).
//! This module is a leaf: it uses nothing else of ours, so `model` may render with it.

mod msg;

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

pub use msg::{Case, Msg, MsgArg, MsgPart};

/// The languages deskcheck speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Da,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Da];

    /// The BCP 47 code (`en`, `da`), as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
        }
    }

    /// The language's own name, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Da => "Dansk",
        }
    }

    /// `en`, `da`, or a locale tag such as `da-DK`, `da_DK.UTF-8`, `en-US`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "da" => Some(Lang::Da),
            _ => None,
        }
    }

    /// The language for a locale tag: Danish for any Danish locale, English otherwise
    /// (including "C" and "POSIX").
    pub fn from_locale(tag: &str) -> Lang {
        Lang::from_code(tag).unwrap_or(Lang::En)
    }

    /// The language the OS user interface is set to (`LANG`/`LC_*` on Unix, the user's UI
    /// language on Windows and macOS).
    pub fn system() -> Lang {
        sys_locale::get_locale().map(|tag| Lang::from_locale(&tag)).unwrap_or_default()
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::Da => 1,
        }
    }

    fn from_index(i: u8) -> Lang {
        if i == 1 { Lang::Da } else { Lang::En }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Every message file, per language, in the order they are added to the bundle.
/// `(domain, English source, Danish source)`.
pub const SOURCES: &[(&str, &str, &str)] = &[
    ("common", include_str!("../../locales/en/common.ftl"), include_str!("../../locales/da/common.ftl")),
    ("gui", include_str!("../../locales/en/gui.ftl"), include_str!("../../locales/da/gui.ftl")),
    ("netview", include_str!("../../locales/en/netview.ftl"), include_str!("../../locales/da/netview.ftl")),
    ("guided", include_str!("../../locales/en/guided.ftl"), include_str!("../../locales/da/guided.ftl")),
    ("network", include_str!("../../locales/en/network.ftl"), include_str!("../../locales/da/network.ftl")),
    ("printers", include_str!("../../locales/en/printers.ftl"), include_str!("../../locales/da/printers.ftl")),
    ("displays", include_str!("../../locales/en/displays.ftl"), include_str!("../../locales/da/displays.ftl")),
    ("peripherals", include_str!("../../locales/en/peripherals.ftl"), include_str!("../../locales/da/peripherals.ftl")),
    ("system", include_str!("../../locales/en/system.ftl"), include_str!("../../locales/da/system.ftl")),
    ("testers", include_str!("../../locales/en/testers.ftl"), include_str!("../../locales/da/testers.ftl")),
    ("checklists", include_str!("../../locales/en/checklists.ftl"), include_str!("../../locales/da/checklists.ftl")),
    ("report", include_str!("../../locales/en/report.ftl"), include_str!("../../locales/da/report.ftl")),
    ("cli", include_str!("../../locales/en/cli.ftl"), include_str!("../../locales/da/cli.ftl")),
    ("readout", include_str!("../../locales/en/readout.ftl"), include_str!("../../locales/da/readout.ftl")),
    ("evidence", include_str!("../../locales/en/evidence.ftl"), include_str!("../../locales/da/evidence.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [build(Lang::En), build(Lang::Da)])
}

fn build(lang: Lang) -> Bundle {
    // Plural rules come from the language; "en" and "da" always parse.
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they would end up in summary.txt and
    // in copied text, invisible but breaking searches.
    bundle.set_use_isolating(false);
    for (domain, en, da) in SOURCES {
        let source = if lang == Lang::En { *en } else { *da };
        // A syntax error keeps the messages that did parse; the completeness test
        // (i18n/tests.rs) fails on any error, so a broken file never ships.
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::error!("locales/{lang}/{domain}.ftl has {} syntax errors", errors.len());
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!("locales/{lang}/{domain}.ftl: {} messages clash with earlier files", errors.len());
        }
    }
    bundle
}

static DEFAULT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the process-wide language (from `--lang`, the settings, or the OS locale).
pub fn set_default(lang: Lang) {
    DEFAULT.store(lang.index(), Ordering::Relaxed);
}

/// The process-wide language.
pub fn default_lang() -> Lang {
    Lang::from_index(DEFAULT.load(Ordering::Relaxed))
}

/// Sets this thread's language (the GUI thread follows the user's switch; a test sets
/// its own, so parallel tests in two languages don't disturb each other).
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(Some(lang)));
}

/// This thread's language, or the process default.
pub fn current() -> Lang {
    CURRENT.with(Cell::get).unwrap_or_else(default_lang)
}

fn fluent_args(lang: Lang, msg: &Msg) -> Option<FluentArgs<'_>> {
    if msg.args.is_empty() {
        return None;
    }
    let mut args = FluentArgs::new();
    for (name, value) in &msg.args {
        match value {
            MsgArg::Int(n) => args.set(name.as_str(), FluentValue::from(*n)),
            MsgArg::Str(s) => args.set(name.as_str(), FluentValue::from(s.as_str())),
            // Quoted messages are worded first, in the same language.
            other => args.set(name.as_str(), FluentValue::from(render_arg(lang, other))),
        }
    }
    Some(args)
}

/// An argument as text in `lang`: a quoted message worded, a list joined.
fn render_arg(lang: Lang, arg: &MsgArg) -> String {
    match arg {
        MsgArg::Int(n) => n.to_string(),
        MsgArg::Str(s) => s.clone(),
        MsgArg::Part(part) => {
            let words = match &part.attr {
                None => text(lang, &part.msg),
                Some(name) => attr(lang, &part.msg, name).unwrap_or_else(|| {
                    tracing::warn!("message {} has no attribute {name} in {lang}", part.msg.id);
                    String::new()
                }),
            };
            part.case.apply(words)
        }
        MsgArg::List { items, sep } => items.iter().map(|i| render_arg(lang, i)).collect::<Vec<_>>().join(sep),
    }
}

/// Formats a message's value, or one of its attributes (`attr = Some("summary")`).
/// None when the message or the attribute does not exist.
fn format(lang: Lang, msg: &Msg, attr: Option<&str>) -> Option<String> {
    let bundle = &bundles()[lang.index() as usize];
    let message = bundle.get_message(&msg.id)?;
    let pattern = match attr {
        None => message.value()?,
        Some(name) => message.get_attribute(name)?.value(),
    };
    let args = fluent_args(lang, msg);
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args.as_ref(), &mut errors);
    if !errors.is_empty() {
        tracing::warn!("message {} ({lang}): {errors:?}", msg.id);
    }
    Some(text.into_owned())
}

/// The message in `lang`. A missing message shows its id (the completeness test makes
/// sure none is missing), so a gap is visible instead of blank.
pub fn text(lang: Lang, msg: &Msg) -> String {
    format(lang, msg, None).unwrap_or_else(|| {
        tracing::warn!("no message {} in {lang}", msg.id);
        msg.id.clone()
    })
}

/// One attribute of the message in `lang` (`.summary`, `.next`…), if the message has it.
pub fn attr(lang: Lang, msg: &Msg, attr: &str) -> Option<String> {
    format(lang, msg, Some(attr))
}

/// A message without arguments.
pub fn tr(lang: Lang, id: &str) -> String {
    text(lang, &Msg::new(id))
}

/// Whether a message with this id exists (in English; the test keeps both languages equal).
pub fn exists(id: &str) -> bool {
    bundles()[0].has_message(id)
}

/// The label of a piece of evidence in `lang`. Evidence labels are written in English in
/// the code ("Interface") and in report.json; `locales/*/evidence.ftl` gives each one a
/// message `ev-<label in lower case, words joined by '-'>`. A label without a message
/// (an IPP attribute name, a key read from the OS) is a name and stays as it is.
pub fn evidence_label(lang: Lang, label: &str) -> String {
    let id = evidence_id(label);
    format(lang, &Msg::new(&id), None).unwrap_or_else(|| label.to_string())
}

/// `"DHCP server"` → `ev-dhcp-server`.
pub fn evidence_id(label: &str) -> String {
    let mut id = String::from("ev");
    let mut dash = true;
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            if dash {
                id.push('-');
                dash = false;
            }
            id.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    id
}

/// A message in this thread's language: `t!("gui-save")`, `t!("gui-saved", path = p)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($crate::i18n::current(), $id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($crate::i18n::current(), &$crate::msg!($id, $($name = $value),+))
    };
}

/// A message to render later (in a finding, a verdict, a report): `msg!("net-dns-down", server = s)`.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::i18n::Msg::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($name), $value))+
    };
}

#[cfg(test)]
mod tests;
