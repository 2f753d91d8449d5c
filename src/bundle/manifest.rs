//! manifest.json: what the bundle holds and how to check it — every other file with its
//! size and SHA-256 (of the bytes as stored, uncompressed), the tool, the redaction
//! profile, and each check's outcome and run time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Privacy;
use crate::i18n::Lang;
use crate::model::{Report, ToolInfo};

/// Bumped when a manifest field changes meaning or disappears; readers refuse newer ones.
pub const MANIFEST_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// One check's timing and how it ended (`Outcome::label`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestRun {
    pub id: String,
    pub outcome: String,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub tool: ToolInfo,
    pub created_at: DateTime<Utc>,
    pub privacy: Privacy,
    /// The language report.html and summary.txt were written in (absent before issue 10: English).
    #[serde(default)]
    pub lang: Lang,
    pub files: Vec<ManifestFile>,
    pub runs: Vec<ManifestRun>,
}

impl Manifest {
    /// The manifest for `files` (every file of the bundle except manifest.json itself).
    pub fn new(
        report: &Report,
        privacy: Privacy,
        lang: Lang,
        created_at: DateTime<Utc>,
        files: &[(String, Vec<u8>)],
    ) -> Self {
        Self {
            schema_version: MANIFEST_SCHEMA_VERSION,
            tool: report.tool.clone(),
            created_at,
            privacy,
            lang,
            files: files
                .iter()
                .map(|(path, bytes)| ManifestFile {
                    path: path.clone(),
                    size: bytes.len() as u64,
                    sha256: sha256_hex(bytes),
                })
                .collect(),
            runs: report
                .runs
                .iter()
                .map(|r| ManifestRun {
                    id: r.id.clone(),
                    outcome: r.outcome.label().into(),
                    duration_ms: r.duration_ms,
                })
                .collect(),
        }
    }

    pub fn file(&self, path: &str) -> Option<&ManifestFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

/// Lower-case hex SHA-256, the form `sha256sum` prints.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::tests::hand_report;

    #[test]
    fn lists_every_file_with_size_and_hash_and_every_run() {
        let report = hand_report();
        let files = vec![("a.txt".to_string(), b"abc".to_vec()), ("raw/x/b.bin".to_string(), Vec::new())];
        let m = Manifest::new(&report, Privacy::Strict, crate::i18n::Lang::Da, Utc::now(), &files);
        assert_eq!(m.schema_version, MANIFEST_SCHEMA_VERSION);
        assert_eq!(m.tool.name, "deskcheck");
        assert_eq!(m.file("a.txt").map(|f| f.size), Some(3));
        // Known vectors: sha256("abc") and sha256("").
        assert_eq!(m.files[0].sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(m.files[1].sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(m.runs.len(), report.runs.len());
        assert!(m.runs.iter().any(|r| r.outcome == "not available on this system"));
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["privacy"], "strict");
        assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
        assert!(json["runs"][0]["duration_ms"].is_u64());
    }
}
