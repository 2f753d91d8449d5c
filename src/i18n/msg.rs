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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum MsgArg {
    Int(i64),
    Str(String),
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

impl std::fmt::Display for MsgArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MsgArg::Int(n) => write!(f, "{n}"),
            MsgArg::Str(s) => f.write_str(s),
        }
    }
}
