//! A message to be worded later: its id and its arguments, plain serde data that a report
//! stores so any reader can show it in its own language.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A Fluent message id with its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, MsgArg>,
}

/// An argument: a whole number (Fluent picks plural forms by it) or a text (a name, an
/// address, a figure already formatted with its unit). Names are never translated.
///
/// A message that quotes other messages (the network verdict quotes the finding it speaks
/// for, and lists the other layers' problems) takes them as parts or lists, worded in the
/// same language as the message quoting them: an English text argument would stay English
/// in a Danish sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum MsgArg {
    Int(i64),
    Str(String),
    Part(Box<MsgPart>),
    /// Arguments worded in turn and joined by `sep` (punctuation or a line break, the same
    /// in every language).
    List {
        items: Vec<MsgArg>,
        sep: String,
    },
}

/// Another message, or one of its attributes, as an argument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MsgPart {
    pub msg: Msg,
    /// `summary`, `detail`…; None for the message's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attr: Option<String>,
    #[serde(default, skip_serializing_if = "Case::is_as_is")]
    pub case: Case,
}

/// How a quoted message's first letter is written where it is quoted: a sentence quoted
/// after "…, but" starts in lower case, one that starts a line in upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Case {
    #[default]
    AsIs,
    UpperFirst,
    /// Lower case unless the word is an acronym or a name ("DNS", "Wi-Fi" stay).
    LowerFirst,
}

impl Case {
    fn is_as_is(&self) -> bool {
        *self == Case::AsIs
    }

    pub fn apply(self, s: String) -> String {
        let mut chars = s.chars();
        match (self, chars.next()) {
            (Case::UpperFirst, Some(c)) => c.to_uppercase().chain(chars).collect(),
            (Case::LowerFirst, Some(c)) if chars.clone().next().is_some_and(|n| n.is_lowercase()) => {
                c.to_lowercase().chain(chars).collect()
            }
            _ => s,
        }
    }
}

impl MsgArg {
    /// The message's value, quoted.
    pub fn part(msg: Msg) -> Self {
        MsgArg::Part(Box::new(MsgPart { msg, attr: None, case: Case::AsIs }))
    }

    /// One attribute of the message (`summary`, `detail`…), quoted with `case`.
    pub fn attr(msg: Msg, attr: &str, case: Case) -> Self {
        MsgArg::Part(Box::new(MsgPart { msg, attr: Some(attr.to_string()), case }))
    }

    pub fn list(items: Vec<MsgArg>, sep: &str) -> Self {
        MsgArg::List { items, sep: sep.to_string() }
    }
}

impl Msg {
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into(), args: BTreeMap::new() }
    }

    pub fn arg(mut self, name: &str, value: impl Into<MsgArg>) -> Self {
        self.args.insert(name.to_string(), value.into());
        self
    }
}

impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Str(s.to_string())
    }
}

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Str(s)
    }
}

impl From<&String> for MsgArg {
    fn from(s: &String) -> Self {
        MsgArg::Str(s.clone())
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for MsgArg {
            fn from(n: $t) -> Self {
                MsgArg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(i64, u64, usize, u32, i32, u16, u8);

impl From<Msg> for MsgArg {
    fn from(msg: Msg) -> Self {
        MsgArg::part(msg)
    }
}

/// In English (a log line, an error message).
impl std::fmt::Display for MsgArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::render_arg(super::Lang::En, self))
    }
}
