//! Opening a saved bundle (`deskcheck show`, the GUI's "Open bundle…"): every entry is
//! read (the zip reader checks each CRC-32), every file the manifest lists must be there
//! with its size and SHA-256, nothing unlisted may hide beside them, and a report from a
//! newer schema is refused in plain words. Damage is always an error, never a panic.
//! A hostile file (zip bomb, entry flood, duplicate or climbing names, JSON that balloons
//! once parsed) meets a cap before it costs memory or time; each refusal names the cap and
//! the entry. tests/hostile_bundles.rs holds the reader to < 2 s and < 150 MB per file.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read};
use std::path::Path;

use serde::Deserialize;

use super::manifest::sha256_hex;
use super::{BundleError, MANIFEST_SCHEMA_VERSION, Manifest, OpenedBundle, attachment_paths, json_cost};
use crate::model::{Report, SCHEMA_VERSION};

// Caps that make a hostile file cheap to refuse. A real bundle is a few hundred KiB with
// 6 fixed files plus one per attachment (lease files, IPP attributes, 128-byte EDID copies,
// hop lists); these sit two orders of magnitude above that, and together keep a read
// under ~120 MB of memory and well under a second whatever the file claims.
/// The zip on disk. Its central directory is parsed in full before any cap below applies,
/// so this also bounds that parse (at least 46 bytes per entry).
pub const MAX_BUNDLE_BYTES: u64 = 32 << 20;
/// Entries in the zip (a real bundle: 6 files plus its attachments, typically < 50).
pub const MAX_ENTRIES: usize = 2_000;
/// One entry, unpacked, counted while inflating (the header's size is never trusted).
pub const MAX_ENTRY_BYTES: u64 = 16 << 20;
/// All entries together, unpacked.
pub const MAX_TOTAL_BYTES: u64 = 32 << 20;
/// Estimated memory of report.json or manifest.json once parsed (see `json_cost`).
pub const MAX_JSON_MEMORY: u64 = 48 << 20;
/// An entry name's length in bytes (ours are `raw/<check-id>/<name>`, at most ~250).
const MAX_NAME_BYTES: usize = 400;

const MIB: u64 = 1 << 20;

/// Open the bundle at `path` and verify it completely.
pub fn read(path: &Path) -> Result<OpenedBundle, BundleError> {
    let not_a_bundle = |reason: String| BundleError::NotABundle { path: path.into(), reason };
    let corrupt = |file: &str, reason: String| BundleError::Corrupt { path: path.into(), file: file.into(), reason };
    let over = |file: &str, what: String| BundleError::OverCap { path: path.into(), file: file.into(), what };

    let open_error = |error| BundleError::Open { path: path.into(), error };
    // Looked at before opening: a folder opens fine on unix, and a FIFO would block the open.
    let meta = std::fs::metadata(path).map_err(open_error)?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "it is a folder, not a file" } else { "it is not a regular file" };
        return Err(open_error(std::io::Error::new(std::io::ErrorKind::InvalidInput, what)));
    }
    let file = std::fs::File::open(path).map_err(open_error)?;
    let size = file.metadata().map_err(open_error)?.len();
    if size > MAX_BUNDLE_BYTES {
        return Err(over(
            "the zip",
            format!("{size} bytes, over the {} MiB limit for a bundle", MAX_BUNDLE_BYTES / MIB),
        ));
    }
    // Read from the file, not a copy in memory: only what the checks below let through is kept.
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| not_a_bundle(format!("not a readable zip file: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(over("the zip", format!("{} entries, over the limit of {MAX_ENTRIES}", archive.len())));
    }
    // The zip reader keeps one entry per name; two entries under one name would let a
    // second copy hide behind the first, so such a file is refused outright.
    if archive.has_duplicate_names() {
        return Err(corrupt("the zip", "two entries have the same name".into()));
    }

    let mut entries: HashMap<String, Vec<u8>> = HashMap::with_capacity(archive.len());
    let mut order: Vec<String> = Vec::with_capacity(archive.len());
    let mut total = 0u64;
    for i in 0..archive.len() {
        let label = format!("entry {} of {}", i + 1, archive.len());
        let mut entry = archive.by_index(i).map_err(|e| corrupt(&label, e.to_string()))?;
        let name = entry.name().map_err(|e| corrupt(&label, e.to_string()))?.into_owned();
        check_name(&name).map_err(|reason| corrupt(&printable(&name), reason))?;
        let declared = entry.size();
        if declared > MAX_ENTRY_BYTES {
            return Err(over(&name, entry_limit(declared, "claims to unpack to")));
        }
        // What may still come in: this entry's cap or what is left of the total, whichever is
        // smaller. Reading one byte past it proves the limit was crossed without inflating more.
        let left = MAX_TOTAL_BYTES - total;
        let allowed = MAX_ENTRY_BYTES.min(left);
        let mut bytes = Vec::with_capacity(usize::try_from(declared.min(allowed).min(MIB)).unwrap_or(0));
        // The reader checks the entry's CRC-32 at its end: a flipped byte fails here.
        entry.by_ref().take(allowed + 1).read_to_end(&mut bytes).map_err(|e| corrupt(&name, e.to_string()))?;
        let got = bytes.len() as u64;
        if got > MAX_ENTRY_BYTES {
            return Err(over(&name, entry_limit(got, "unpacks to at least")));
        }
        if got > left {
            return Err(over(
                &name,
                format!("the files unpack to more than {} MiB together, the limit for a bundle", MAX_TOTAL_BYTES / MIB),
            ));
        }
        total += got;
        drop(entry);
        if entries.insert(name.clone(), bytes).is_some() {
            return Err(corrupt(&name, "it is in the zip twice".into()));
        }
        order.push(name);
    }
    let get = |name: &str| entries.get(name).map(Vec::as_slice);

    let manifest_bytes = get("manifest.json").ok_or_else(|| not_a_bundle("there is no manifest.json inside".into()))?;
    check_json_memory(manifest_bytes).map_err(|e| e.into_error(path, "manifest.json"))?;
    let found = schema_version(manifest_bytes);
    if found > MANIFEST_SCHEMA_VERSION {
        return Err(BundleError::TooNew {
            what: "manifest",
            path: path.into(),
            found,
            supported: MANIFEST_SCHEMA_VERSION,
        });
    }
    let manifest: Manifest =
        serde_json::from_slice(manifest_bytes).map_err(|e| corrupt("manifest.json", e.to_string()))?;

    // Before hashing: a report that would not fit in memory is refused without more work.
    // (A report that is not JSON is left to the hash check, which names tampering better.)
    if let Some(bytes) = get("report.json")
        && let Err(too_big @ JsonRefusal::TooBig) = check_json_memory(bytes)
    {
        return Err(too_big.into_error(path, "report.json"));
    }
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
    let listed: HashSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    if let Some(name) = order.iter().find(|n| *n != "manifest.json" && !listed.contains(n.as_str())) {
        return Err(BundleError::Unlisted { path: path.into(), file: name.clone() });
    }
    for required in ["report.json", "summary.txt"] {
        if !listed.contains(required) {
            return Err(BundleError::MissingFile { path: path.into(), file: required.into() });
        }
    }

    let report_bytes = get("report.json").unwrap_or_default();
    check_json_memory(report_bytes).map_err(|e| e.into_error(path, "report.json"))?;
    let found = schema_version(report_bytes);
    if found > SCHEMA_VERSION {
        return Err(BundleError::TooNew { what: "report", path: path.into(), found, supported: SCHEMA_VERSION });
    }
    let mut report: Report = serde_json::from_slice(report_bytes).map_err(|e| corrupt("report.json", e.to_string()))?;

    // Every attachment has its own file in raw/: more attachments than files cannot be a
    // real bundle, and refusing here keeps naming them (quadratic in the worst case) cheap.
    let attachments: usize = report.runs.iter().map(|r| r.attachments.len()).sum();
    if attachments > entries.len() {
        return Err(corrupt(
            "report.json",
            format!("it lists {attachments} attachments but the zip holds only {} files", entries.len()),
        ));
    }
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

fn entry_limit(bytes: u64, verb: &str) -> String {
    format!("{verb} {bytes} bytes, over the {} MiB limit for one file", MAX_ENTRY_BYTES / MIB)
}

/// Names the writer could have produced: relative, `/`-separated, no way out of the folder
/// they are unpacked into, nothing that would rewrite a terminal line when printed.
fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("an entry has an empty name".into());
    }
    if name.len() > MAX_NAME_BYTES {
        return Err(format!("its name is {} bytes long, over the limit of {MAX_NAME_BYTES}", name.len()));
    }
    if name.chars().any(char::is_control) {
        return Err("its name contains control characters".into());
    }
    if name.contains('\\') {
        return Err("its name contains a backslash".into());
    }
    let bytes = name.as_bytes();
    if name.starts_with('/') || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':') {
        return Err("its name is an absolute path".into());
    }
    if name.split('/').any(|part| part == "..") {
        return Err("its name climbs out of the bundle with '..'".into());
    }
    Ok(())
}

/// A name fit for a one-line message: control characters shown as `\u{…}`, long names cut.
fn printable(name: &str) -> String {
    let mut out: String = name.chars().take(120).flat_map(char::escape_debug).collect();
    if name.chars().count() > 120 {
        out.push('…');
    }
    out
}

/// Why a JSON file was refused before parsing it.
enum JsonRefusal {
    Parse(serde_json::Error),
    TooBig,
}

impl JsonRefusal {
    fn into_error(self, path: &Path, file: &str) -> BundleError {
        match self {
            JsonRefusal::Parse(e) => {
                BundleError::Corrupt { path: path.into(), file: file.into(), reason: e.to_string() }
            }
            JsonRefusal::TooBig => BundleError::OverCap {
                path: path.into(),
                file: file.into(),
                what: format!("it would take more than {} MiB of memory to read", MAX_JSON_MEMORY / MIB),
            },
        }
    }
}

/// A document whose parse would not fit the memory budget is refused unparsed.
fn check_json_memory(bytes: &[u8]) -> Result<(), JsonRefusal> {
    match json_cost::estimate(bytes, MAX_JSON_MEMORY).map_err(JsonRefusal::Parse)? {
        json_cost::Cost::Within(_) => Ok(()),
        json_cost::Cost::Over => Err(JsonRefusal::TooBig),
    }
}

/// A missing or odd `schema_version` reads as 0: the typed parse then says what is wrong.
/// Read on its own, streaming past everything else, before the typed parse.
fn schema_version(json: &[u8]) -> u32 {
    #[derive(Deserialize)]
    struct Versioned {
        #[serde(default)]
        schema_version: Option<serde_json::Value>,
    }
    serde_json::from_slice::<Versioned>(json)
        .ok()
        .and_then(|v| v.schema_version)
        .and_then(|v| v.as_u64())
        .map_or(0, |v| u32::try_from(v).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

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

    /// What `read` says about a zip forged from `entries`.
    fn refusal(dir: &Path, entries: &[(String, Vec<u8>)]) -> String {
        let bad = dir.join("hostile.zip");
        forge(&bad, entries);
        let err = read(&bad).unwrap_err();
        assert!(err.is_integrity(), "{err}");
        assert_eq!(err.to_string().lines().count(), 1, "{err}");
        err.to_string()
    }

    #[test]
    fn each_cap_is_named_with_its_entry() {
        let dir = tempfile::tempdir().unwrap();
        let real = zip_entries(&written(dir.path()));
        let zeros = |mib: usize| vec![0u8; mib << 20];

        let flood: Entries = (0..=MAX_ENTRIES).map(|i| (format!("raw/x/{i}"), Vec::new())).collect();
        assert!(refusal(dir.path(), &flood).contains("(the zip: 2001 entries, over the limit of 2000)"));

        let big = with(&real, "log.txt", Some(zeros(17)));
        let msg = refusal(dir.path(), &big);
        assert!(
            msg.contains(
                "too large to be a bundle (log.txt: claims to unpack to 17825792 bytes, over the 16 MiB limit"
            )
        );

        // Each file under its own cap, together over the total: the one that crosses it is named.
        let mut many = real.clone();
        for i in 0..3 {
            many.push((format!("raw/x/{i}.bin"), zeros(12)));
        }
        let msg = refusal(dir.path(), &many);
        assert!(msg.contains("raw/x/2.bin: the files unpack to more than 32 MiB together"), "{msg}");

        let bad = dir.path().join("big.zip");
        std::fs::write(&bad, vec![0u8; (MAX_BUNDLE_BYTES + 1) as usize]).unwrap();
        let msg = read(&bad).unwrap_err().to_string();
        assert!(msg.contains("(the zip: 33554433 bytes, over the 32 MiB limit for a bundle)"), "{msg}");
    }

    #[test]
    fn a_header_that_understates_its_size_is_caught_while_inflating() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("liar.zip");
        forge(&bad, &[("report.json".into(), vec![b' '; 20 << 20])]);
        let mut bytes = std::fs::read(&bad).unwrap();
        for at in 0..bytes.len() - 30 {
            let field = match &bytes[at..at + 4] {
                b"PK\x03\x04" => at + 22,
                b"PK\x01\x02" => at + 24,
                _ => continue,
            };
            bytes[field..field + 4].copy_from_slice(&100u32.to_le_bytes());
        }
        std::fs::write(&bad, &bytes).unwrap();
        let err = read(&bad).unwrap_err();
        assert!(err.is_integrity() && err.to_string().contains("(report.json: "), "{err}");
    }

    #[test]
    fn duplicate_climbing_absolute_and_control_names_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = zip_entries(&written(dir.path()));
        // A second summary.txt, written under a stand-in name of the same length, renamed in place.
        let bad = dir.path().join("dup.zip");
        forge(&bad, &with(&real, "summary.tx_", Some(b"all fine".to_vec())));
        let mut bytes = std::fs::read(&bad).unwrap();
        let mut at = 0;
        while let Some(i) = bytes[at..].windows(11).position(|w| w == b"summary.tx_") {
            bytes[at + i + 10] = b't';
            at += i + 11;
        }
        std::fs::write(&bad, &bytes).unwrap();
        let msg = read(&bad).unwrap_err().to_string();
        assert!(msg.contains("(the zip: two entries have the same name)"), "{msg}");

        for (name, says) in [
            ("../evil", "../evil: its name climbs out of the bundle with '..'"),
            ("raw/../../evil", "climbs out"),
            ("/etc/passwd", "/etc/passwd: its name is an absolute path"),
            ("C:/Windows/x", "absolute path"),
            ("raw\\x", "backslash"),
            ("raw/a\u{1b}[2Jb", "raw/a\\u{1b}[2Jb: its name contains control characters"),
        ] {
            let msg = refusal(dir.path(), &with(&real, name, Some(b"x".to_vec())));
            assert!(msg.contains(says), "{name:?}: {msg}");
        }
    }

    #[test]
    fn a_report_that_would_balloon_in_memory_is_refused_unparsed() {
        let dir = tempfile::tempdir().unwrap();
        let real = zip_entries(&written(dir.path()));
        let flood = format!("{{\"schema_version\":1,\"x\":[{}]}}", vec![r#"{"a":0}"#; 200_000].join(","));
        let msg = refusal(dir.path(), &with(&real, "report.json", Some(flood.into_bytes())));
        assert!(msg.contains("(report.json: it would take more than 48 MiB of memory to read)"), "{msg}");
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
