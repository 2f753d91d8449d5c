//! Writing a bundle atomically: the zip goes to a temporary file beside the target, is
//! fsynced, then renamed into place and the folder fsynced. A crash, a full disk or any
//! error never leaves a partial file under the final name, and the temporary file is
//! removed on every failure. The strict-privacy token map is written the same way.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use zip::write::SimpleFileOptions;

use super::{BundleError, Manifest, Privacy, Redactor, WriteOptions, Written, attachment_paths, html, summary_text};
use crate::model::{Report, ReportOutput};

/// What the error messages call the two files this module writes.
const BUNDLE: &str = "the bundle";
const MAP: &str = "the token map";

/// Write `report` and this run's `log` as a bundle at `path`, redacted under `opts.privacy`.
pub fn write(report: &Report, log: &str, path: &Path, opts: &WriteOptions) -> Result<Written, BundleError> {
    let map_path = (opts.privacy == Privacy::Strict).then(|| map_path_for(path));
    if !opts.force {
        // Checked again, race-free, when the file is put in place; this only saves the work.
        for p in std::iter::once(path).chain(map_path.as_deref()) {
            if p.symlink_metadata().is_ok() {
                return Err(BundleError::Exists { path: p.into() });
            }
        }
    }

    // Learn every user name first, so one seen only in the log is hidden in the report too.
    let mut redactor = Redactor::new(opts.privacy, &report.host.hostname);
    redactor.learn_report(report);
    redactor.learn(log);
    let mut report = redactor.report(report);
    // Recomputed here, so a report edited or rebuilt since its run (a GUI session saved
    // twice, a report merged with a checklist) carries the code of the runs it holds.
    report.readout_code = Some(crate::readout::encode(&report).to_string());
    let log = redactor.text(log);
    let created = Utc::now();
    let files = bundle_files(&report, log, opts.privacy, created, path)?;
    let map_json = match &map_path {
        Some(_) => {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let map = redactor.token_map(name);
            Some(serde_json::to_vec_pretty(&map).map_err(|error| BundleError::Json {
                what: MAP,
                path: path.into(),
                error,
            })?)
        }
        None => None,
    };

    let (bundle_tmp, mut file) = TempFile::create(path, Access::Default)?;
    write_zip(&mut file, &files, created).map_err(|e| e.at(path))?;
    let bytes = finish(file, BUNDLE, path)?;

    // The map goes into place first: if the bundle then fails, the map is taken back, so
    // no bundle ever sits there without its map and no map without its bundle.
    let placed_map = match (&map_path, &map_json) {
        (Some(map_path), Some(json)) => {
            // Owner-only from the moment it exists: it reads every token back to a name.
            let (map_tmp, mut file) = TempFile::create(map_path, Access::OwnerOnly)?;
            file.write_all(json).map_err(|error| BundleError::Write { what: MAP, path: map_path.clone(), error })?;
            finish(file, MAP, map_path)?;
            map_tmp.place(map_path, opts.force)?;
            Some(map_path.clone())
        }
        _ => None,
    };
    if let Err(err) = bundle_tmp.place(path, opts.force) {
        if let Some(map) = &placed_map {
            let _ = std::fs::remove_file(map);
        }
        return Err(err);
    }
    sync_dir(path);
    Ok(Written { path: path.into(), map_path: placed_map, bytes })
}

/// Refuses, before any work, what would make `write` fail at the end: a folder given as
/// the path, a folder that is missing or cannot be written, an existing file (or token
/// map) without `force`. The probe creates and removes the very temp file `write` uses, so
/// a read-only mount, missing permissions or a file in the folder's place show up here.
pub fn check_target(path: &Path, opts: &WriteOptions) -> Result<(), BundleError> {
    let map_path = (opts.privacy == Privacy::Strict).then(|| map_path_for(path));
    for p in std::iter::once(path).chain(map_path.as_deref()) {
        if p.is_dir() {
            return Err(BundleError::IsFolder { path: p.into() });
        }
        if !opts.force && p.symlink_metadata().is_ok() {
            return Err(BundleError::Exists { path: p.into() });
        }
    }
    let dir = parent_dir(path);
    match dir.metadata() {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(BundleError::NoFolder { dir, why: "it is a file, not a folder" }),
        Err(_) => return Err(BundleError::NoFolder { dir, why: "it does not exist" }),
    }
    // Dropping both closes and removes the probe.
    let (probe, file) = TempFile::create(path, Access::Default)?;
    drop(file);
    drop(probe);
    Ok(())
}

/// `<bundle path>.map.json`
fn map_path_for(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".map.json");
    PathBuf::from(name)
}

/// Every file of the bundle, in order, manifest.json last (it lists all the others).
fn bundle_files(
    report: &Report,
    log: String,
    privacy: Privacy,
    created: DateTime<Utc>,
    path: &Path,
) -> Result<Vec<(String, Vec<u8>)>, BundleError> {
    let json = |what: &'static str| move |error| BundleError::Json { what, path: path.into(), error };
    let mut files: Vec<(String, Vec<u8>)> = vec![
        // With its overall status, as every `--json` output has it (one schema for both).
        (
            "report.json".into(),
            serde_json::to_vec_pretty(&ReportOutput::of(Cow::Borrowed(report))).map_err(json("report.json"))?,
        ),
        ("report.html".into(), html(report).into_bytes()),
        ("summary.txt".into(), summary_text(report).into_bytes()),
        ("log.txt".into(), log.into_bytes()),
    ];
    for (run, paths) in report.runs.iter().zip(attachment_paths(report)) {
        for (attachment, name) in run.attachments.iter().zip(paths) {
            files.push((name, attachment.bytes.clone()));
        }
    }
    let manifest = Manifest::new(report, privacy, created, &files);
    files.push(("manifest.json".into(), serde_json::to_vec_pretty(&manifest).map_err(json("manifest.json"))?));
    Ok(files)
}

/// A zip failure before we know which path to blame.
enum ZipFailure {
    Io(std::io::Error),
    Zip(zip::result::ZipError),
}

impl ZipFailure {
    fn at(self, path: &Path) -> BundleError {
        match self {
            ZipFailure::Io(error) | ZipFailure::Zip(zip::result::ZipError::Io(error)) => {
                BundleError::Write { what: BUNDLE, path: path.into(), error }
            }
            ZipFailure::Zip(error) => BundleError::Zip { path: path.into(), error },
        }
    }
}

fn write_zip(file: &mut File, files: &[(String, Vec<u8>)], created: DateTime<Utc>) -> Result<(), ZipFailure> {
    let mut zip = zip::ZipWriter::new(BufWriter::new(file));
    let mut options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).unix_permissions(0o644);
    if let Some(stamp) = zip_time(created) {
        options = options.last_modified_time(stamp);
    }
    for (name, content) in files {
        zip.start_file(name.as_str(), options).map_err(ZipFailure::Zip)?;
        zip.write_all(content).map_err(ZipFailure::Io)?;
    }
    let buffered = zip.finish().map_err(ZipFailure::Zip)?;
    // into_inner flushes: a full disk can first show up here.
    buffered.into_inner().map_err(|e| ZipFailure::Io(e.into_error()))?;
    Ok(())
}

/// Zip stores local times without a zone; we store UTC, as the manifest says.
fn zip_time(at: DateTime<Utc>) -> Option<zip::DateTime> {
    use chrono::{Datelike, Timelike};
    zip::DateTime::from_date_and_time(
        u16::try_from(at.year()).ok()?,
        u8::try_from(at.month()).ok()?,
        u8::try_from(at.day()).ok()?,
        u8::try_from(at.hour()).ok()?,
        u8::try_from(at.minute()).ok()?,
        u8::try_from(at.second()).ok()?,
    )
    .ok()
}

/// Flush to the disk and return the size: after this the data survives a power cut.
fn finish(file: File, what: &'static str, path: &Path) -> Result<u64, BundleError> {
    file.sync_all().map_err(|error| BundleError::Sync { what, path: path.into(), error })?;
    file.metadata().map(|m| m.len()).map_err(|error| BundleError::Sync { what, path: path.into(), error })
}

/// The folder holding `path`, for a temp file beside it ("." for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Make the rename durable: on unix a rename is only on disk once its folder is synced.
/// The file is already complete under its name; a folder that cannot be synced (some
/// network file systems refuse) is logged, not reported as a failed save.
fn sync_dir(path: &Path) {
    let dir = parent_dir(path);
    if let Err(err) = crate::platform::files::sync_dir(&dir) {
        tracing::warn!("could not sync the folder after saving the bundle: {err}: {}", dir.display());
    }
}

/// Who may read a file this module creates.
#[derive(Clone, Copy)]
enum Access {
    /// As the user's umask says (the bundle is meant to be shared).
    Default,
    /// Readable by the owner only ([`crate::platform::files::owner_only`]).
    OwnerOnly,
}

/// `.<name>.tmp-<pid>-<random>` beside the target; removed on drop unless renamed into place.
struct TempFile {
    path: PathBuf,
    placed: bool,
}

impl TempFile {
    /// The temp file's name keeper and the open file to fill.
    fn create(target: &Path, access: Access) -> Result<(Self, File), BundleError> {
        let dir = parent_dir(target);
        let name = target.file_name().map_or_else(|| "bundle".into(), |n| n.to_string_lossy().into_owned());
        let mut attempt = 0;
        loop {
            let path = dir.join(format!(".{name}.tmp-{}-{:016x}", std::process::id(), random_u64()));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            if let Access::OwnerOnly = access {
                crate::platform::files::owner_only(&mut options);
            }
            match options.open(&path) {
                Ok(file) => return Ok((Self { path, placed: false }, file)),
                // Someone else's temp file with the same name: extremely unlikely, try another.
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => attempt += 1,
                Err(error) => return Err(BundleError::CreateTemp { dir, error }),
            }
        }
    }

    /// Put the finished file at `target`. Without `force`, never replace anything: a hard
    /// link fails if the name is taken, even by a file that appeared a moment ago. File
    /// systems without hard links (FAT on a USB stick) fall back to check-then-rename.
    fn place(mut self, target: &Path, force: bool) -> Result<(), BundleError> {
        if !force {
            match std::fs::hard_link(&self.path, target) {
                // Drop removes the temp name; the data lives on under `target`.
                Ok(()) => return Ok(()),
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(BundleError::Exists { path: target.into() });
                }
                Err(_) if target.symlink_metadata().is_ok() => {
                    return Err(BundleError::Exists { path: target.into() });
                }
                Err(_) => {}
            }
        }
        std::fs::rename(&self.path, target).map_err(|error| BundleError::Rename { path: target.into(), error })?;
        self.placed = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Enough randomness for a unique temp name without another dependency.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Utc::now().timestamp_nanos_opt().unwrap_or_default().unsigned_abs().into());
    h.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::bundle::tests::{engine_report, hand_report, listing};
    use crate::bundle::{BundleError, Privacy, WriteOptions, read};

    fn opts(force: bool, privacy: Privacy) -> WriteOptions {
        WriteOptions { force, privacy }
    }

    fn is_root() -> bool {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
            .unwrap_or(false)
    }

    #[test]
    fn writes_every_file_and_lists_each_in_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        let w = write(&hand_report(), "a log line\n", &path, &WriteOptions::default()).unwrap();
        assert_eq!(w.path, path);
        assert!(w.map_path.is_none());
        assert_eq!(w.bytes, std::fs::metadata(&path).unwrap().len());
        let mut archive = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
        let names: Vec<String> = crate::bundle::tests::zip_entries(&path).into_iter().map(|(n, _)| n).collect();
        for f in ["report.json", "report.html", "summary.txt", "manifest.json", "log.txt"] {
            assert!(names.contains(&f.to_string()), "{f} missing: {names:?}");
        }
        assert!(names.contains(&"raw/system.disk/df.txt".to_string()), "{names:?}");
        assert!(names.contains(&"raw/system.disk/edid.bin".to_string()), "{names:?}");
        assert!(names.contains(&"raw/system.disk/_.._etc_passwd".to_string()), "{names:?}");
        assert!(names.iter().all(|n| !n.contains("..") || n.starts_with("raw/system.disk/_")), "{names:?}");
        let mut manifest = String::new();
        archive.by_name("manifest.json").unwrap().read_to_string(&mut manifest).unwrap();
        let manifest: Manifest = serde_json::from_str(&manifest).unwrap();
        let listed: Vec<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
        let mut others: Vec<&str> = names.iter().map(String::as_str).filter(|n| *n != "manifest.json").collect();
        others.sort_unstable();
        let mut sorted = listed.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, others, "the manifest lists every other file, once");
        let mut edid = Vec::new();
        archive.by_name("raw/system.disk/edid.bin").unwrap().read_to_end(&mut edid).unwrap();
        assert_eq!(edid, vec![0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00], "binary attachments as they were");
        let opened = read(&path).unwrap();
        assert_eq!(opened.report.privacy, "standard");
        assert_eq!(opened.manifest.privacy, Privacy::Standard);
        assert!(opened.log.contains("a log line"));
        assert_eq!(listing(dir.path()), vec!["b.zip"]);
    }

    #[test]
    fn refuses_to_overwrite_without_force_and_replaces_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        std::fs::write(&path, b"precious").unwrap();
        let err = write(&hand_report(), "", &path, &WriteOptions::default()).unwrap_err();
        assert!(matches!(err, BundleError::Exists { .. }), "{err}");
        assert!(!err.is_integrity());
        let msg = err.to_string();
        assert!(msg.contains("--force") && msg.ends_with(&path.display().to_string()), "{msg}");
        assert_eq!(std::fs::read(&path).unwrap(), b"precious");
        assert_eq!(listing(dir.path()), vec!["b.zip"]);

        write(&hand_report(), "", &path, &opts(true, Privacy::Standard)).unwrap();
        assert!(read(&path).is_ok());
        assert_eq!(listing(dir.path()), vec!["b.zip"]);
    }

    #[test]
    fn a_stale_token_map_is_not_overwritten_without_force_either() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        std::fs::write(dir.path().join("b.zip.map.json"), b"old map").unwrap();
        let err = write(&hand_report(), "", &path, &opts(false, Privacy::Strict)).unwrap_err();
        assert!(matches!(&err, BundleError::Exists { path } if path.ends_with("b.zip.map.json")), "{err}");
        assert_eq!(listing(dir.path()), vec!["b.zip.map.json"]);
        let w = write(&hand_report(), "", &path, &opts(true, Privacy::Strict)).unwrap();
        assert_eq!(w.map_path.as_deref(), Some(dir.path().join("b.zip.map.json").as_path()));
        assert_eq!(listing(dir.path()), vec!["b.zip", "b.zip.map.json"]);
    }

    #[test]
    fn strict_writes_the_map_beside_the_bundle_never_inside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("B.zip");
        let w = write(&hand_report(), "from 10.20.30.40", &path, &opts(false, Privacy::Strict)).unwrap();
        let map_path = w.map_path.unwrap();
        assert_eq!(map_path, dir.path().join("B.zip.map.json"));
        if let Some(mode) = crate::platform::files::mode_bits(&map_path).unwrap() {
            assert_eq!(mode, 0o600, "the token map is owner-only: {mode:o}");
        }
        let map: crate::bundle::TokenMap = serde_json::from_slice(&std::fs::read(&map_path).unwrap()).unwrap();
        assert_eq!(map.profile, "strict");
        assert_eq!(map.bundle.as_deref(), Some("B.zip"));
        assert!(map.tokens.iter().any(|t| t.original == "desk42" && t.token == "host-1"));
        assert!(map.tokens.iter().any(|t| t.original == "10.20.30.40"));
        let opened = read(&path).unwrap();
        assert!(opened.manifest.files.iter().all(|f| !f.path.contains("map")));
        assert_eq!(opened.report.privacy, "strict");
        assert_eq!(opened.report.host.hostname, "host-1");
        assert_eq!(listing(dir.path()), vec!["B.zip", "B.zip.map.json"]);
    }

    #[test]
    fn a_file_as_the_folder_fails_cleanly_and_leaves_nothing() {
        // Root ignores permission bits, so "cannot write here" is made with a file where the folder should be.
        let dir = tempfile::tempdir().unwrap();
        let not_a_dir = dir.path().join("file.txt");
        std::fs::write(&not_a_dir, b"x").unwrap();
        let target = not_a_dir.join("b.zip");
        for privacy in [Privacy::Standard, Privacy::Strict] {
            let err = write(&hand_report(), "", &target, &opts(false, privacy)).unwrap_err();
            assert!(matches!(err, BundleError::CreateTemp { .. }), "{err}");
            assert!(!err.is_integrity());
            let msg = err.to_string();
            assert_eq!(msg.lines().count(), 1, "{msg}");
            assert!(
                msg.starts_with(&format!("could not create the bundle's temporary file in {}: ", not_a_dir.display())),
                "{msg}"
            );
            // The OS's own words ("Not a directory" on Linux, "Path not found" on Windows).
            let os_words = std::fs::File::create(&target).unwrap_err().to_string();
            assert!(msg.ends_with(&os_words), "{msg}");
        }
        assert_eq!(listing(dir.path()), vec!["file.txt"]);
    }

    #[test]
    fn a_failed_rename_removes_the_temporary_file() {
        // With force, the target is replaced by rename; a non-empty folder cannot be.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("b.zip");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), b"x").unwrap();
        let err = write(&hand_report(), "", &target, &opts(true, Privacy::Strict)).unwrap_err();
        assert!(matches!(err, BundleError::Rename { .. }), "{err}");
        assert!(err.to_string().starts_with("could not move the finished file into place at "), "{err}");
        assert_eq!(listing(dir.path()), vec!["b.zip"], "no temp file, and the map was taken back");
        assert_eq!(listing(&target), vec!["keep"]);
    }

    #[test]
    fn a_full_disk_fails_cleanly_and_leaves_nothing() {
        if !is_root() {
            eprintln!("skipped: a_full_disk_fails_cleanly_and_leaves_nothing: needs root to mount a tiny tmpfs");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let tiny = dir.path().join("tiny");
        std::fs::create_dir(&tiny).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4k", "tmpfs"])
            .arg(&tiny)
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: a_full_disk_fails_cleanly_and_leaves_nothing: could not mount a tmpfs");
            return;
        }
        // Incompressible bytes: the zip cannot fit in one 4 KiB page whatever deflate does.
        let mut report = hand_report();
        let noise: Vec<u8> = (0..64 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        report.runs[0].attachments.push(crate::model::Attachment::binary("noise.bin", noise));
        let target = tiny.join("b.zip");
        let result = write(&report, "", &target, &opts(false, Privacy::Strict));
        let left = listing(&tiny);
        let _ = std::process::Command::new("umount").arg(&tiny).status();
        let err = result.unwrap_err();
        assert!(matches!(err, BundleError::Write { .. } | BundleError::Sync { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains("No space left on device") && msg.contains(&target.display().to_string()), "{msg}");
        assert!(left.is_empty(), "left behind: {left:?}");
    }

    #[test]
    fn bundles_from_the_engine_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.zip");
        let report = engine_report(&["pass", "secrets"]);
        write(&report, "", &path, &WriteOptions::default()).unwrap();
        let opened = read(&path).unwrap();
        assert_eq!(opened.report.runs.len(), 2);
        assert_eq!(opened.manifest.runs.len(), 2);
        assert!(opened.manifest.runs.iter().all(|r| r.outcome == "completed"));
        let secrets = opened.report.runs.iter().find(|r| r.id == "test.secrets").unwrap();
        assert_eq!(secrets.attachments.len(), 3);
        assert!(secrets.attachments.iter().all(|a| !a.bytes.is_empty() && a.size == a.bytes.len() as u64));
    }

    #[test]
    fn map_path_is_the_bundle_path_plus_suffix() {
        assert_eq!(map_path_for(Path::new("/x/B.zip")), PathBuf::from("/x/B.zip.map.json"));
        assert_eq!(map_path_for(Path::new("B.zip")), PathBuf::from("B.zip.map.json"));
        assert_eq!(parent_dir(Path::new("B.zip")), PathBuf::from("."));
    }
}
