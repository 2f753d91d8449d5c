//! The diagnostic bundle: one zip with report.json, report.html, summary.txt,
//! manifest.json (size + SHA-256 of every file), raw/<check-id>/… and log.txt.
//! Written atomically; redacted everywhere; verifiable when read back.

mod html;
mod redact;
mod text;
mod write;

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Report, SCHEMA_VERSION};

pub use html::html;
pub use redact::{REDACTED, Redactor, Token, scrub_secrets};
pub use text::{MAX_LINES, summary_text};
pub use write::write;

pub const MANIFEST_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    pub force: bool,
    pub privacy: Privacy,
}

#[derive(Debug, Clone)]
pub struct Written {
    pub path: PathBuf,
    pub map_path: Option<PathBuf>,
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestRun {
    pub id: String,
    pub outcome: String,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub tool: String,
    pub tool_version: String,
    pub created_at: DateTime<Utc>,
    pub privacy: Privacy,
    pub files: Vec<ManifestFile>,
    pub runs: Vec<ManifestRun>,
}

#[derive(Debug, Clone)]
pub struct OpenedBundle {
    pub report: Report,
    pub summary: String,
    pub manifest: Manifest,
    pub log: String,
    pub path: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("{} already exists; use --force to overwrite it", path.display())]
    Exists { path: PathBuf },
    #[error("could not create the bundle's temporary file in {}: {error}", dir.display())]
    CreateTemp { dir: PathBuf, error: std::io::Error },
    #[error("could not write the bundle {}: {error}", path.display())]
    Write { path: PathBuf, error: std::io::Error },
    #[error("could not write the bundle {}: {error}", path.display())]
    Zip { path: PathBuf, error: zip::result::ZipError },
    #[error("could not move the finished bundle into place at {}: {error}", path.display())]
    Rename { path: PathBuf, error: std::io::Error },
    #[error("could not prepare the report for the bundle: {0}")]
    Serialize(String),
    #[error("could not open the bundle {}: {error}", path.display())]
    Open { path: PathBuf, error: std::io::Error },
    #[error("{} is not a deskcheck bundle: {reason}", path.display())]
    NotABundle { path: PathBuf, reason: String },
    #[error("{file} inside the bundle is damaged ({reason}) — {}", path.display())]
    Corrupt { path: PathBuf, file: String, reason: String },
    #[error("{file} inside the bundle was changed: its SHA-256 does not match manifest.json — {}", path.display())]
    HashMismatch { path: PathBuf, file: String },
    #[error("{file} is listed in manifest.json but missing from the bundle — {}", path.display())]
    MissingFile { path: PathBuf, file: String },
    #[error("{file} inside the bundle is not listed in manifest.json — {}", path.display())]
    Unlisted { path: PathBuf, file: String },
    #[error("the bundle was made by a newer deskcheck (report schema {found}, this version reads up to {supported}) — {}", path.display())]
    TooNew { path: PathBuf, found: u32, supported: u32 },
}

impl BundleError {
    /// A damaged or altered bundle (exit 2), as opposed to a problem reaching it (exit 3).
    pub fn is_integrity(&self) -> bool {
        matches!(
            self,
            BundleError::NotABundle { .. }
                | BundleError::Corrupt { .. }
                | BundleError::HashMismatch { .. }
                | BundleError::MissingFile { .. }
                | BundleError::Unlisted { .. }
        )
    }
}

/// `deskcheck-<host>-<UTC yyyymmddThhmmss>.zip`, host reduced to safe characters.
pub fn default_file_name(host: &str, at: DateTime<Utc>) -> String {
    let host: String = host.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let host = host.trim_matches('-');
    let host = if host.is_empty() { "computer" } else { host };
    format!("deskcheck-{host}-{}.zip", at.format("%Y%m%dT%H%M%S"))
}

/// A file name that cannot climb out of its folder inside the zip.
pub(crate) fn safe_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() { "attachment".into() } else { cleaned.to_string() }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The report as it goes out under a profile: every string redacted, attachments too.
pub fn redact_report(report: &Report, privacy: Privacy) -> Report {
    let mut redactor = Redactor::new(privacy, &report.host.hostname);
    redact_with(report, &mut redactor).unwrap_or_else(|_| {
        // Redaction works on our own serialisable types; if it ever failed, never leak: drop the details.
        let mut r = report.clone();
        r.runs.iter_mut().for_each(|run| {
            run.findings.clear();
            run.data = serde_json::Value::Null;
            run.attachments.clear();
        });
        r
    })
}

pub(crate) fn redact_with(report: &Report, redactor: &mut Redactor) -> Result<Report, BundleError> {
    let mut value = serde_json::to_value(report).map_err(|e| BundleError::Serialize(e.to_string()))?;
    redactor.json(&mut value);
    let mut out: Report = serde_json::from_value(value).map_err(|e| BundleError::Serialize(e.to_string()))?;
    out.privacy = redactor.privacy().as_str().into();
    // Attachment bytes are skipped by serde; carry them over, redacting text ones.
    for (run_out, run_in) in out.runs.iter_mut().zip(&report.runs) {
        for (a_out, a_in) in run_out.attachments.iter_mut().zip(&run_in.attachments) {
            a_out.bytes = if a_in.is_text {
                redactor.text(&String::from_utf8_lossy(&a_in.bytes)).into_bytes()
            } else {
                a_in.bytes.clone()
            };
            a_out.size = a_out.bytes.len() as u64;
        }
    }
    Ok(out)
}

/// Open a bundle and verify every file against its manifest.
pub fn read(path: &Path) -> Result<OpenedBundle, BundleError> {
    let file = std::fs::File::open(path).map_err(|source| BundleError::Open { path: path.into(), error: source })?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|e| BundleError::NotABundle { path: path.into(), reason: format!("not a readable zip file ({e})") })?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| BundleError::Corrupt {
            path: path.into(),
            file: format!("entry #{i}"),
            reason: e.to_string(),
        })?;
        let name = entry
            .name()
            .map_err(|e| BundleError::Corrupt {
                path: path.into(),
                file: format!("entry #{i}"),
                reason: e.to_string(),
            })?
            .to_string();
        let mut bytes = Vec::new();
        // The zip reader checks each entry's CRC-32 as it reads: a flipped byte fails here.
        entry.read_to_end(&mut bytes).map_err(|e| BundleError::Corrupt {
            path: path.into(),
            file: name.clone(),
            reason: e.to_string(),
        })?;
        entries.push((name, bytes));
    }
    let get = |name: &str| entries.iter().find(|(n, _)| n == name).map(|(_, b)| b);
    let manifest_bytes = get("manifest.json")
        .ok_or_else(|| BundleError::MissingFile { path: path.into(), file: "manifest.json".into() })?;
    let manifest: Manifest = serde_json::from_slice(manifest_bytes).map_err(|e| BundleError::Corrupt {
        path: path.into(),
        file: "manifest.json".into(),
        reason: e.to_string(),
    })?;
    for f in &manifest.files {
        let bytes = get(&f.path).ok_or_else(|| BundleError::MissingFile { path: path.into(), file: f.path.clone() })?;
        if bytes.len() as u64 != f.size || sha256_hex(bytes) != f.sha256 {
            return Err(BundleError::HashMismatch { path: path.into(), file: f.path.clone() });
        }
    }
    if let Some((name, _)) =
        entries.iter().find(|(n, _)| n != "manifest.json" && !manifest.files.iter().any(|f| &f.path == n))
    {
        return Err(BundleError::Unlisted { path: path.into(), file: name.clone() });
    }
    for required in ["report.json", "summary.txt"] {
        if !manifest.files.iter().any(|f| f.path == required) {
            return Err(BundleError::MissingFile { path: path.into(), file: required.into() });
        }
    }
    let report_bytes =
        get("report.json").ok_or_else(|| BundleError::MissingFile { path: path.into(), file: "report.json".into() })?;
    let probe: serde_json::Value = serde_json::from_slice(report_bytes).map_err(|e| BundleError::Corrupt {
        path: path.into(),
        file: "report.json".into(),
        reason: e.to_string(),
    })?;
    let found = probe.get("schema_version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    if found > SCHEMA_VERSION {
        return Err(BundleError::TooNew { path: path.into(), found, supported: SCHEMA_VERSION });
    }
    let report: Report = serde_json::from_value(probe).map_err(|e| BundleError::Corrupt {
        path: path.into(),
        file: "report.json".into(),
        reason: e.to_string(),
    })?;
    let text = |name: &str| get(name).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
    Ok(OpenedBundle { summary: text("summary.txt"), log: text("log.txt"), report, manifest, path: path.into() })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::checks::testing;
    use crate::config::Config;
    use crate::model::{Category, CheckRun, Finding, HostInfo, Outcome, Severity};

    fn engine_report(names: &[&str]) -> Report {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let runs =
            crate::engine::run_blocking(testing::by_names(&names).unwrap(), Arc::new(Config::default())).unwrap();
        let host = HostInfo {
            hostname: "desk42".into(),
            os_name: "Debian".into(),
            os_version: "12".into(),
            kernel: "6.1.0".into(),
            arch: "x86_64".into(),
        };
        let mut r = Report::new(host, Utc::now());
        r.runs = runs;
        r
    }

    fn all_text(path: &Path) -> String {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        let mut out = String::new();
        for i in 0..archive.len() {
            let mut e = archive.by_index(i).unwrap();
            let mut b = Vec::new();
            e.read_to_end(&mut b).unwrap();
            out.push_str(&String::from_utf8_lossy(&b));
        }
        out
    }

    #[test]
    fn round_trip_and_refusal_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        let report = engine_report(&["pass", "panic"]);
        let w = write(&report, "log line\n", &path, &WriteOptions::default()).unwrap();
        assert!(w.bytes > 0 && w.map_path.is_none());
        let opened = read(&path).unwrap();
        assert_eq!(opened.report.runs.len(), 2);
        assert_eq!(opened.report.privacy, "standard");
        assert!(opened.log.contains("log line"));
        assert!(opened.manifest.files.iter().any(|f| f.path == "report.html"));
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(write(&report, "", &path, &WriteOptions::default()), Err(BundleError::Exists { .. })));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        write(&report, "", &path, &WriteOptions { force: true, privacy: Privacy::Standard }).unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["b.zip"], "no temporary files left behind");
    }

    #[test]
    fn flipped_bytes_anywhere_are_clean_errors_never_panics() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        write(&engine_report(&["pass", "secrets"]), "log", &path, &WriteOptions::default()).unwrap();
        let good = std::fs::read(&path).unwrap();
        let bad = dir.path().join("bad.zip");
        let mut detected = 0;
        for offset in (0..good.len()).step_by(7) {
            let mut bytes = good.clone();
            bytes[offset] ^= 0x5a;
            std::fs::write(&bad, &bytes).unwrap();
            // Some header bytes (timestamps, "version made by") carry no content: those may pass.
            if let Err(e) = read(&bad) {
                assert!(!e.to_string().is_empty());
                detected += 1;
            }
        }
        assert!(detected > good.len() / 7 / 2, "only {detected} flips detected");
        std::fs::write(&bad, b"not a zip at all").unwrap();
        assert!(read(&bad).unwrap_err().is_integrity());
    }

    #[test]
    fn planted_secrets_never_reach_any_file() {
        for privacy in [Privacy::Standard, Privacy::Strict] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("b.zip");
            let log = "collected: psk=\"Planted-PSK-hunter2-7731\" Authorization: Bearer PlantedBearerToken.eyJhbGciOi.x9f3kq";
            let w = write(&engine_report(&["secrets"]), log, &path, &WriteOptions { force: false, privacy }).unwrap();
            let text = all_text(&path);
            for s in testing::PLANTED_SECRETS {
                assert!(!text.contains(s), "{s} leaked with {privacy:?}");
            }
            if privacy == Privacy::Strict {
                assert!(!text.contains("desk42"));
                let map = std::fs::read_to_string(w.map_path.unwrap()).unwrap();
                assert!(map.contains("desk42"));
            }
        }
    }

    #[test]
    fn summary_stays_within_forty_lines() {
        let mut report = engine_report(&["pass"]);
        report.runs.push(CheckRun {
            id: "system.many".into(),
            title: "Many".into(),
            category: Category::System,
            outcome: Outcome::Completed,
            findings: (0..200)
                .map(|i| Finding::new(Severity::Warn, format!("W{i}"), "something").next_step("fix"))
                .collect(),
            started_at: Utc::now(),
            duration_ms: 1,
            data: serde_json::Value::Null,
            attachments: Vec::new(),
        });
        let s = summary_text(&report);
        assert!(s.lines().count() <= MAX_LINES, "{} lines", s.lines().count());
        assert!(s.contains("more lines in report.html"));
        assert!(s.lines().last().unwrap().contains("checks:"));
    }

    #[test]
    fn html_is_self_contained_and_says_status_in_words() {
        let report = engine_report(&["pass", "panic", "sleep"]);
        let h = html(&report);
        for external in ["http://", "https://", "src=", "@import", "url(", "<link", "<script"] {
            assert!(!h.contains(external), "{external} in report.html");
        }
        assert!(h.contains("✔ PASS") && h.contains("⚠ WARN"));
        assert!(h.contains("panicked on purpose"));
        assert!(escape_roundtrip());
    }

    fn escape_roundtrip() -> bool {
        html::escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    }

    #[test]
    fn names_and_profiles() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T22:53:07Z").unwrap().with_timezone(&Utc);
        assert_eq!(default_file_name("desk 42.corp", at), "deskcheck-desk-42-corp-20261123T225307.zip");
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!("STRICT".parse::<Privacy>(), Ok(Privacy::Strict));
        assert!("lax".parse::<Privacy>().is_err());
    }
}
