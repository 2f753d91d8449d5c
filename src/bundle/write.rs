//! Atomic bundle writing: a temporary file beside the target, fsynced, then renamed.
//! A crash or a full disk never leaves a half bundle under the final name.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::Utc;
use zip::write::SimpleFileOptions;

use super::{
    BundleError, MANIFEST_SCHEMA_VERSION, Manifest, ManifestFile, ManifestRun, Privacy, Redactor, WriteOptions,
    Written, html, redact_with, safe_name, sha256_hex, summary_text,
};
use crate::model::Report;

/// Removes the temporary file unless the write got all the way through.
struct TempGuard(Option<PathBuf>);

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn unique_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Utc::now().timestamp_nanos_opt().unwrap_or(0) as u128);
    format!("{}-{:x}", std::process::id(), h.finish())
}

/// Write `report` (and this run's `log`) as a bundle at `path`.
pub fn write(report: &Report, log: &str, path: &Path, opts: &WriteOptions) -> Result<Written, BundleError> {
    if path.exists() && !opts.force {
        return Err(BundleError::Exists { path: path.into() });
    }
    let mut redactor = Redactor::new(opts.privacy, &report.host.hostname);
    let report = redact_with(report, &mut redactor)?;
    let log = redactor.text(log);

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let json = serde_json::to_vec_pretty(&report).map_err(|e| BundleError::Serialize(e.to_string()))?;
    files.push(("report.json".into(), json));
    files.push(("report.html".into(), html(&report).into_bytes()));
    files.push(("summary.txt".into(), summary_text(&report).into_bytes()));
    files.push(("log.txt".into(), log.into_bytes()));
    for run in &report.runs {
        let dir = safe_name(&run.id);
        for a in &run.attachments {
            let mut name = format!("raw/{dir}/{}", safe_name(&a.name));
            // Two attachments that clean up to the same name must not collide.
            let mut n = 2;
            while files.iter().any(|(f, _)| *f == name) {
                name = format!("raw/{dir}/{n}-{}", safe_name(&a.name));
                n += 1;
            }
            files.push((name, a.bytes.clone()));
        }
    }
    let created = Utc::now();
    let manifest = Manifest {
        schema_version: MANIFEST_SCHEMA_VERSION,
        tool: report.tool.name.clone(),
        tool_version: report.tool.version.clone(),
        created_at: created,
        privacy: opts.privacy,
        files: files
            .iter()
            .map(|(p, b)| ManifestFile { path: p.clone(), size: b.len() as u64, sha256: sha256_hex(b) })
            .collect(),
        runs: report
            .runs
            .iter()
            .map(|r| ManifestRun { id: r.id.clone(), outcome: r.outcome.label().into(), duration_ms: r.duration_ms })
            .collect(),
    };
    let manifest_json = serde_json::to_vec_pretty(&manifest).map_err(|e| BundleError::Serialize(e.to_string()))?;
    files.push(("manifest.json".into(), manifest_json));

    let bytes = write_atomically(path, |file| {
        let mut zip = zip::ZipWriter::new(file);
        let mut options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        if let Some(stamp) = zip_time(created) {
            options = options.last_modified_time(stamp);
        }
        for (name, content) in &files {
            zip.start_file(name.as_str(), options).map_err(ZipOrIo::Zip)?;
            zip.write_all(content).map_err(ZipOrIo::Io)?;
        }
        zip.finish().map_err(ZipOrIo::Zip)
    })?;

    let map_path = if opts.privacy == Privacy::Strict {
        let map_path = PathBuf::from(format!("{}.map.json", path.display()));
        let map = serde_json::json!({ "profile": "strict", "bundle": path.file_name().map(|n| n.to_string_lossy().into_owned()), "tokens": redactor.mapping() });
        let text = serde_json::to_vec_pretty(&map).map_err(|e| BundleError::Serialize(e.to_string()))?;
        write_atomically(&map_path, |mut f| f.write_all(&text).map(|_| f).map_err(ZipOrIo::Io))?;
        Some(map_path)
    } else {
        None
    };
    Ok(Written { path: path.into(), map_path, bytes })
}

/// Zip stores local times without a zone; we store UTC, as the manifest says.
fn zip_time(at: chrono::DateTime<Utc>) -> Option<zip::DateTime> {
    use chrono::{Datelike, Timelike};
    zip::DateTime::from_date_and_time(
        u16::try_from(at.year()).ok()?,
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .ok()
}

enum ZipOrIo {
    Zip(zip::result::ZipError),
    Io(std::io::Error),
}

/// Create a temp file beside `path`, let `fill` write it, fsync, rename, fsync the folder.
fn write_atomically(path: &Path, fill: impl FnOnce(File) -> Result<File, ZipOrIo>) -> Result<u64, BundleError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "bundle.zip".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", unique_suffix()));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|source| BundleError::CreateTemp { dir: dir.clone(), error: source })?;
    let mut guard = TempGuard(Some(tmp.clone()));
    let file = fill(file).map_err(|e| match e {
        ZipOrIo::Zip(zip::result::ZipError::Io(source)) | ZipOrIo::Io(source) => {
            BundleError::Write { path: path.into(), error: source }
        }
        ZipOrIo::Zip(source) => BundleError::Zip { path: path.into(), error: source },
    })?;
    file.sync_all().map_err(|source| BundleError::Write { path: path.into(), error: source })?;
    let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    drop(file);
    std::fs::rename(&tmp, path).map_err(|source| BundleError::Rename { path: path.into(), error: source })?;
    guard.0 = None;
    // The rename is durable only once the folder is synced (not possible on Windows; harmless to skip).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(bytes)
}
