//! The diagnostic bundle: one zip holding report.json, report.html, summary.txt,
//! manifest.json (size + SHA-256 of every other file), raw/<check-id>/… and log.txt.
//! This module owns its public API and shared types; writing (atomic), the manifest,
//! redaction, rendering and verified reading live in the sibling files.

mod html;
mod json_cost;
mod manifest;
mod read;
mod redact;
mod text;
mod write;

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::Report;

pub use html::{end_label, html};
pub use manifest::{MANIFEST_SCHEMA_VERSION, Manifest, ManifestFile, ManifestRun};
pub use read::{MAX_BUNDLE_BYTES, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_JSON_MEMORY, MAX_TOTAL_BYTES, read};
pub use redact::{REDACTED, Redactor, Token, TokenKind, TokenMap, is_secret_key, scrub_secrets};
pub use text::{MAX_LINES, local_time, summary_text};
pub use write::{check_target, write};

/// How much the bundle hides. `Standard` scrubs secrets; `Strict` also replaces host names,
/// user names, IPs and MACs with stable tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Privacy {
    #[default]
    Standard,
    Strict,
}

impl Privacy {
    pub fn as_str(self) -> &'static str {
        match self {
            Privacy::Standard => "standard",
            Privacy::Strict => "strict",
        }
    }
}

impl std::fmt::Display for Privacy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Privacy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "standard" => Ok(Privacy::Standard),
            "strict" => Ok(Privacy::Strict),
            other => Err(format!("unknown privacy profile '{other}' (choose standard or strict)")),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Replace an existing file at the target path (and its token map).
    pub force: bool,
    pub privacy: Privacy,
    /// The language of report.html and summary.txt (report.json keeps the messages, so
    /// any reader can show it in another).
    pub lang: Lang,
}

/// What `write` produced.
#[derive(Debug, Clone)]
pub struct Written {
    pub path: PathBuf,
    /// Strict privacy only: `<bundle>.map.json` beside the bundle, never inside it.
    pub map_path: Option<PathBuf>,
    /// Size of the zip on disk.
    pub bytes: u64,
}

/// A bundle read back and verified against its manifest.
#[derive(Debug, Clone)]
pub struct OpenedBundle {
    /// The report as saved (already redacted); attachment bytes filled from `raw/`.
    pub report: Report,
    pub summary: String,
    pub manifest: Manifest,
    pub log: String,
    pub path: PathBuf,
}

/// Every way writing or reading a bundle can fail. Each message is one line naming the
/// operation, with the path last (then the OS's own words, when there are some).
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("a file is already there (use --force to replace it): {}", path.display())]
    Exists { path: PathBuf },
    #[error("the bundle path is a folder; name a file inside it: {}", path.display())]
    IsFolder { path: PathBuf },
    #[error("cannot save the bundle there ({why}): {}", dir.display())]
    NoFolder { dir: PathBuf, why: &'static str },
    #[error("could not create the bundle's temporary file in {}: {error}", dir.display())]
    CreateTemp { dir: PathBuf, error: std::io::Error },
    #[error("could not write {what} {}: {error}", path.display())]
    Write { what: &'static str, path: PathBuf, error: std::io::Error },
    #[error("could not build the zip archive {}: {error}", path.display())]
    Zip { path: PathBuf, error: zip::result::ZipError },
    #[error("could not flush {what} to disk at {}: {error}", path.display())]
    Sync { what: &'static str, path: PathBuf, error: std::io::Error },
    #[error("could not move the finished file into place at {}: {error}", path.display())]
    Rename { path: PathBuf, error: std::io::Error },
    #[error("could not encode {what} for {}: {error}", path.display())]
    Json { what: &'static str, path: PathBuf, error: serde_json::Error },
    #[error("could not open the bundle {}: {error}", path.display())]
    Open { path: PathBuf, error: std::io::Error },
    #[error("not a deskcheck bundle ({reason}): {}", path.display())]
    NotABundle { path: PathBuf, reason: String },
    #[error("the bundle is damaged ({file}: {reason}): {}", path.display())]
    Corrupt { path: PathBuf, file: String, reason: String },
    /// A file past one of the reader's caps (zip bombs, entry floods): refused unread.
    #[error("too large to be a bundle ({file}: {what}): {}", path.display())]
    OverCap { path: PathBuf, file: String, what: String },
    #[error("the bundle is damaged or was changed ({file} does not match its SHA-256 in manifest.json): {}", path.display())]
    HashMismatch { path: PathBuf, file: String },
    #[error(
        "the bundle is damaged or was changed ({file} is {found} bytes, manifest.json says {expected}): {}",
        path.display()
    )]
    SizeMismatch { path: PathBuf, file: String, expected: u64, found: u64 },
    #[error("the bundle is damaged or incomplete ({file} is missing): {}", path.display())]
    MissingFile { path: PathBuf, file: String },
    #[error("the bundle was changed ({file} is not listed in manifest.json): {}", path.display())]
    Unlisted { path: PathBuf, file: String },
    #[error(
        "the bundle was made by a newer deskcheck ({what} schema {found}; this version reads up to {supported}): {}",
        path.display()
    )]
    TooNew { what: &'static str, path: PathBuf, found: u32, supported: u32 },
}

impl BundleError {
    /// A damaged, altered or foreign file (the CLI exits 2), as opposed to a problem
    /// reaching or writing it, or a bundle from a newer version (exit 3).
    pub fn is_integrity(&self) -> bool {
        matches!(
            self,
            BundleError::NotABundle { .. }
                | BundleError::Corrupt { .. }
                | BundleError::OverCap { .. }
                | BundleError::HashMismatch { .. }
                | BundleError::SizeMismatch { .. }
                | BundleError::MissingFile { .. }
                | BundleError::Unlisted { .. }
        )
    }
}

/// `deskcheck-<host>-<UTC yyyymmddThhmmss>.zip`, the host reduced to `[A-Za-z0-9-]`.
pub fn default_file_name(host: &str, at: DateTime<Utc>) -> String {
    let mut cleaned = String::new();
    for c in host.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        // One dash for any run of other characters: "desk 42.corp" → "desk-42-corp".
        if !(c == '-' && cleaned.ends_with('-')) {
            cleaned.push(c);
        }
    }
    let trimmed: String = cleaned.trim_matches('-').chars().take(63).collect();
    let host = trimmed.trim_end_matches('-');
    let host = if host.is_empty() { "computer" } else { host };
    format!("deskcheck-{host}-{}.zip", at.format("%Y%m%dT%H%M%S"))
}

/// A single path component that cannot climb out of its folder inside the zip
/// (no separators, no leading dot, nothing outside `[A-Za-z0-9._-]`).
pub(crate) fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .take(120)
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() { "attachment".into() } else { cleaned.to_string() }
}

/// Where each run's attachments live inside the zip, in report order (`raw/<id>/<name>`).
/// Writer, HTML and reader all use this, so the paths they name always agree; names that
/// clean up to the same thing get a numbered prefix instead of overwriting each other.
pub(crate) fn attachment_paths(report: &Report) -> Vec<Vec<String>> {
    let mut taken: HashSet<String> = HashSet::new();
    report
        .runs
        .iter()
        .map(|run| {
            let dir = safe_name(&run.id);
            run.attachments
                .iter()
                .map(|a| {
                    let name = safe_name(&a.name);
                    let mut path = format!("raw/{dir}/{name}");
                    let mut n = 2;
                    while taken.contains(&path) {
                        path = format!("raw/{dir}/{n}-{name}");
                        n += 1;
                    }
                    taken.insert(path.clone());
                    path
                })
                .collect()
        })
        .collect()
}

/// The report as it leaves the machine under a profile: every free-text string redacted,
/// text attachments too, `privacy` set. Used for `--json` output and "Copy summary".
pub fn redact_report(report: &Report, privacy: Privacy) -> Report {
    let mut redactor = Redactor::new(privacy, &report.host.hostname);
    redactor.learn_report(report);
    redactor.report(report)
}

#[cfg(test)]
mod tests;
