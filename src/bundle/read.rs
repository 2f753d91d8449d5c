//! Opening a saved bundle (`deskcheck show`, the GUI's "Open bundle…"): every entry is
//! read (the zip reader checks each CRC-32), every file the manifest lists must be there
//! with its size and SHA-256, nothing unlisted may hide beside them, and a report from a
//! newer schema is refused in plain words. Damage is always an error, never a panic.

use std::io::{Cursor, Read};
use std::path::Path;

use super::manifest::sha256_hex;
use super::{BundleError, MANIFEST_SCHEMA_VERSION, Manifest, OpenedBundle, attachment_paths};
use crate::model::{Report, SCHEMA_VERSION};

/// Far above any real bundle (a few hundred KiB); refuses zip bombs before inflating them.
const MAX_BUNDLE_BYTES: u64 = 1 << 30;
const MAX_ENTRY_BYTES: u64 = 256 << 20;
const MAX_TOTAL_BYTES: u64 = 1 << 30;

/// Open the bundle at `path` and verify it completely.
pub fn read(path: &Path) -> Result<OpenedBundle, BundleError> {
    let not_a_bundle = |reason: String| BundleError::NotABundle { path: path.into(), reason };
    let corrupt = |file: &str, reason: String| BundleError::Corrupt { path: path.into(), file: file.into(), reason };

    let size = std::fs::metadata(path).map_err(|error| BundleError::Open { path: path.into(), error })?.len();
    if size > MAX_BUNDLE_BYTES {
        return Err(not_a_bundle(format!("{size} bytes is far larger than any bundle")));
    }
    // The whole file in memory: after this one read, every failure is the file's own fault.
    let raw = std::fs::read(path).map_err(|error| BundleError::Open { path: path.into(), error })?;
    let mut archive =
        zip::ZipArchive::new(Cursor::new(raw)).map_err(|e| not_a_bundle(format!("not a readable zip file: {e}")))?;

    let mut entries: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    let mut total = 0u64;
    for i in 0..archive.len() {
        let label = format!("entry {} of {}", i + 1, archive.len());
        let mut entry = archive.by_index(i).map_err(|e| corrupt(&label, e.to_string()))?;
        let name = entry.name().map_err(|e| corrupt(&label, e.to_string()))?.into_owned();
        let declared = entry.size();
        if declared > MAX_ENTRY_BYTES || total.saturating_add(declared) > MAX_TOTAL_BYTES {
            return Err(corrupt(&name, format!("claims to unpack to {declared} bytes")));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(declared.min(1 << 24)).unwrap_or(0));
        // The reader checks the entry's CRC-32 at its end: a flipped byte fails here.
        entry.by_ref().take(MAX_ENTRY_BYTES + 1).read_to_end(&mut bytes).map_err(|e| corrupt(&name, e.to_string()))?;
        total = total.saturating_add(bytes.len() as u64);
        if entries.iter().any(|(n, _)| *n == name) {
            return Err(corrupt(&name, "it is in the zip twice".into()));
        }
        entries.push((name, bytes));
    }
    let get = |name: &str| entries.iter().find(|(n, _)| n == name).map(|(_, b)| b.as_slice());

    let manifest_bytes = get("manifest.json").ok_or_else(|| not_a_bundle("there is no manifest.json inside".into()))?;
    let manifest: serde_json::Value =
        serde_json::from_slice(manifest_bytes).map_err(|e| corrupt("manifest.json", e.to_string()))?;
    let found = schema_version(&manifest);
    if found > MANIFEST_SCHEMA_VERSION {
        return Err(BundleError::TooNew {
            what: "manifest",
            path: path.into(),
            found,
            supported: MANIFEST_SCHEMA_VERSION,
        });
    }
    let manifest: Manifest = serde_json::from_value(manifest).map_err(|e| corrupt("manifest.json", e.to_string()))?;

    for f in &manifest.files {
        let missing = || BundleError::MissingFile { path: path.into(), file: f.path.clone() };
        let bytes = get(&f.path).ok_or_else(missing)?;
        if bytes.len() as u64 != f.size {
            return Err(BundleError::SizeMismatch {
                path: path.into(),
                file: f.path.clone(),
                expected: f.size,
                found: bytes.len() as u64,
            });
        }
        if !sha256_hex(bytes).eq_ignore_ascii_case(&f.sha256) {
            return Err(BundleError::HashMismatch { path: path.into(), file: f.path.clone() });
        }
    }
    if let Some((name, _)) = entries.iter().find(|(n, _)| n != "manifest.json" && manifest.file(n).is_none()) {
        return Err(BundleError::Unlisted { path: path.into(), file: name.clone() });
    }
    for required in ["report.json", "summary.txt"] {
        if manifest.file(required).is_none() {
            return Err(BundleError::MissingFile { path: path.into(), file: required.into() });
        }
    }

    let report_bytes = get("report.json").unwrap_or_default();
    let report: serde_json::Value =
        serde_json::from_slice(report_bytes).map_err(|e| corrupt("report.json", e.to_string()))?;
    let found = schema_version(&report);
    if found > SCHEMA_VERSION {
        return Err(BundleError::TooNew { what: "report", path: path.into(), found, supported: SCHEMA_VERSION });
    }
    let mut report: Report = serde_json::from_value(report).map_err(|e| corrupt("report.json", e.to_string()))?;

    // Attachment bytes live in raw/, not in report.json: bring them back.
    let paths = attachment_paths(&report);
    for (run, run_paths) in report.runs.iter_mut().zip(paths) {
        for (attachment, p) in run.attachments.iter_mut().zip(run_paths) {
            let bytes = get(&p).ok_or_else(|| BundleError::MissingFile { path: path.into(), file: p.clone() })?;
            attachment.bytes = bytes.to_vec();
        }
    }
    let text = |name: &str| get(name).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
    Ok(OpenedBundle { summary: text("summary.txt"), log: text("log.txt"), report, manifest, path: path.into() })
}

/// A missing or odd `schema_version` reads as 0: the typed parse then says what is wrong.
fn schema_version(value: &serde_json::Value) -> u32 {
    value.get("schema_version").and_then(serde_json::Value::as_u64).map_or(0, |v| u32::try_from(v).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::bundle::tests::{engine_report, hand_report, zip_entries};
    use crate::bundle::{WriteOptions, write};

    fn written(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("b.zip");
        write(&engine_report(&["pass", "secrets"]), "a log line", &path, &WriteOptions::default()).unwrap();
        path
    }

    /// A zip with these entries, each stored as given (deflated), no questions asked.
    fn forge(path: &Path, entries: &[(String, Vec<u8>)]) {
        let mut writer = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        for (name, bytes) in entries {
            writer.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
    }

    type Entries = Vec<(String, Vec<u8>)>;

    fn with(entries: &[(String, Vec<u8>)], name: &str, bytes: Option<Vec<u8>>) -> Entries {
        let mut out: Entries = entries.iter().filter(|(n, _)| n != name).cloned().collect();
        if let Some(b) = bytes {
            out.push((name.into(), b));
        }
        out
    }

    #[test]
    fn a_flipped_byte_inside_any_entrys_data_is_caught() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let good = std::fs::read(&path).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(good.clone())).unwrap();
        let spans: Vec<(String, usize, usize)> = (0..archive.len())
            .map(|i| {
                let e = archive.by_index(i).unwrap();
                (e.name().unwrap().into_owned(), e.data_start().unwrap() as usize, e.compressed_size() as usize)
            })
            .collect();
        assert!(spans.len() >= 8, "{spans:?}");
        let bad = dir.path().join("bad.zip");
        for (name, start, len) in spans {
            // The middle of the stored data: every bit there is content. (The last byte of a
            // deflate stream may hold padding bits that decode to nothing.)
            for offset in [start + len / 4, start + len / 2, start + len * 3 / 4] {
                let mut bytes = good.clone();
                bytes[offset] ^= 0x20;
                std::fs::write(&bad, &bytes).unwrap();
                let err = read(&bad).expect_err(&format!("flip at {offset} in {name} went unnoticed"));
                assert!(err.is_integrity(), "{err}");
                let msg = err.to_string();
                assert!(msg.contains(&name) && msg.ends_with(&bad.display().to_string()), "{msg}");
                assert_eq!(msg.lines().count(), 1);
            }
        }
    }

    #[test]
    fn a_flipped_byte_anywhere_is_a_clean_error_never_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let good = std::fs::read(&path).unwrap();
        let bad = dir.path().join("bad.zip");
        let mut detected = 0;
        let mut flips = 0;
        for offset in 0..good.len() {
            for mask in [0x01u8, 0xff] {
                let mut bytes = good.clone();
                bytes[offset] ^= mask;
                std::fs::write(&bad, &bytes).unwrap();
                flips += 1;
                // Some header bytes carry nothing we check (timestamps, "version made by",
                // attributes): those may read fine. Everything else must be a clean integrity error.
                if let Err(e) = read(&bad) {
                    assert!(e.is_integrity(), "flip at {offset}: {e}");
                    assert_eq!(e.to_string().lines().count(), 1);
                    detected += 1;
                }
            }
        }
        // What goes unnoticed sits in zip headers that repeat or describe, not carry, content.
        assert!(detected * 4 > flips * 3, "only {detected} of {flips} flips detected");
    }

    #[test]
    fn truncated_or_foreign_files_are_not_bundles() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(dir.path());
        let good = std::fs::read(&path).unwrap();
        let bad = dir.path().join("bad.zip");
        for cut in [0, 1, 22, good.len() / 2, good.len() - 1] {
            std::fs::write(&bad, &good[..cut]).unwrap();
            let err = read(&bad).unwrap_err();
            assert!(err.is_integrity(), "cut at {cut}: {err}");
        }
        std::fs::write(&bad, b"not a zip at all").unwrap();
        let err = read(&bad).unwrap_err();
        assert!(matches!(err, BundleError::NotABundle { .. }) && err.is_integrity(), "{err}");
        forge(&bad, &[("hello.txt".into(), b"hi".to_vec())]);
        let err = read(&bad).unwrap_err();
        assert!(err.to_string().contains("no manifest.json"), "{err}");
    }

    #[test]
    fn changed_missing_and_extra_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let entries = zip_entries(&written(dir.path()));
        let bad = dir.path().join("forged.zip");
        let cases: Vec<(Entries, &str)> = vec![
            (with(&entries, "summary.txt", Some(b"all fine, nothing to see".to_vec())), "summary.txt is 24 bytes"),
            (with(&entries, "log.txt", Some(b"a log linE".to_vec())), "log.txt does not match its SHA-256"),
            (with(&entries, "report.html", None), "report.html is missing"),
            (with(&entries, "extra.exe", Some(b"MZ".to_vec())), "extra.exe is not listed in manifest.json"),
            (with(&entries, "manifest.json", Some(b"{".to_vec())), "manifest.json: EOF"),
        ];
        for (forged, expected) in cases {
            forge(&bad, &forged);
            let err = read(&bad).unwrap_err();
            assert!(err.is_integrity(), "{err}");
            assert!(err.to_string().contains(expected), "{err} — expected {expected}");
        }
    }

    #[test]
    fn newer_schemas_are_refused_in_plain_words() {
        let dir = tempfile::tempdir().unwrap();
        let entries = zip_entries(&written(dir.path()));
        let bad = dir.path().join("new.zip");
        // A newer report, with a manifest that vouches for it.
        let mut report: serde_json::Value =
            serde_json::from_slice(&entries.iter().find(|(n, _)| n == "report.json").unwrap().1).unwrap();
        report["schema_version"] = (SCHEMA_VERSION + 1).into();
        let report = serde_json::to_vec(&report).unwrap();
        let mut forged: Entries = with(&entries, "report.json", Some(report.clone()));
        let mut manifest: Manifest =
            serde_json::from_slice(&entries.iter().find(|(n, _)| n == "manifest.json").unwrap().1).unwrap();
        for f in manifest.files.iter_mut().filter(|f| f.path == "report.json") {
            f.size = report.len() as u64;
            f.sha256 = sha256_hex(&report);
        }
        forged = with(&forged, "manifest.json", Some(serde_json::to_vec(&manifest).unwrap()));
        forge(&bad, &forged);
        let err = read(&bad).unwrap_err();
        assert!(matches!(err, BundleError::TooNew { .. }) && !err.is_integrity(), "{err}");
        let words = format!(
            "newer deskcheck (report schema {}; this version reads up to {SCHEMA_VERSION})",
            SCHEMA_VERSION + 1
        );
        assert!(err.to_string().contains(&words), "{err}");

        manifest.schema_version = MANIFEST_SCHEMA_VERSION + 1;
        forge(&bad, &with(&entries, "manifest.json", Some(serde_json::to_vec(&manifest).unwrap())));
        assert!(read(&bad).unwrap_err().to_string().contains("manifest schema 2"));
    }

    #[test]
    fn a_missing_file_is_an_open_error_not_damage() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.zip");
        let err = read(&missing).unwrap_err();
        assert!(matches!(err, BundleError::Open { .. }) && !err.is_integrity(), "{err}");
        assert!(err.to_string().starts_with(&format!("could not open the bundle {}: ", missing.display())));
        let err = read(dir.path()).unwrap_err();
        assert!(!err.is_integrity(), "a folder is not damage: {err}");
    }

    #[test]
    fn opened_bundle_carries_report_summary_log_and_attachments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        let report = hand_report();
        write(&report, "log says hi", &path, &WriteOptions::default()).unwrap();
        let opened = read(&path).unwrap();
        assert_eq!(opened.path, path);
        assert_eq!(opened.log, "log says hi");
        assert!(opened.summary.starts_with("deskcheck "));
        assert_eq!(opened.report.runs.len(), report.runs.len());
        assert_eq!(opened.report.verdict, report.verdict);
        let edid = &opened.report.runs[0].attachments[1];
        assert_eq!((edid.name.as_str(), &edid.bytes), ("edid.bin", &report.runs[0].attachments[1].bytes));
    }
}
