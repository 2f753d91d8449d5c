//! File-system details that differ between OSes: owner-only files and syncing a folder.

use std::fs::OpenOptions;
use std::path::Path;

/// Make a file that `options` will create readable by its owner only: mode 0600 on unix, set
/// at creation (never by a chmod afterwards, so there is no moment where others could open
/// it). On Windows a new file in the user's folders inherits the folder's owner-only ACL.
pub fn owner_only(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// The permission bits of `path` where the OS has them (unix: `Some(0o600)` for an owner-only
/// file); `None` on Windows, where access is the folder's inherited ACL.
pub fn mode_bits(path: &Path) -> std::io::Result<Option<u32>> {
    let meta = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(Some(meta.permissions().mode() & 0o777))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Ok(None)
    }
}

/// Flush a folder's entries to disk after a rename into it, where the OS allows opening a
/// folder for that (unix); elsewhere the rename itself is what the OS guarantees.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir).and_then(|d| d.sync_all())
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}
