//! Display connectors as the Linux kernel's DRM layer lists them under `/sys/class/drm`:
//! one `card<N>-<connector>` directory each, with `status`, `enabled`, `modes` and the raw
//! `edid`. The reader takes the root path so tests can point it at a fixture tree.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// Where the kernel lists display connectors.
pub const SYSFS_DRM: &str = "/sys/class/drm";

/// Why the connectors could not be listed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DrmError {
    /// No DRM connectors on this system or OS: "not available on this system".
    #[error("{0}")]
    Unsupported(String),
    #[error("could not list display connectors: {error} ({})", path.display())]
    List { error: String, path: PathBuf },
}

/// What the driver says about the cable on a connector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectorStatus {
    Connected,
    Disconnected,
    /// The driver cannot tell (common for virtual outputs and some adapters).
    Unknown,
}

/// One display connector (HDMI-A-1, DP-2, eDP-1 …) of one graphics card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DrmConnector {
    /// "card0".
    pub card: String,
    /// "HDMI-A-1".
    pub name: String,
    pub status: ConnectorStatus,
    /// Whether a display pipe drives it (`None` when the kernel does not say).
    pub enabled: Option<bool>,
    /// Mode names the driver offers, best first, e.g. "1920x1080".
    pub modes: Vec<String>,
    /// DPMS power state ("On", "Off", …) when given.
    pub dpms: Option<String>,
    /// Raw EDID bytes; empty when the monitor sent none.
    #[serde(skip)]
    pub edid: Vec<u8>,
    /// Why the EDID could not be read, if reading it failed.
    pub edid_read_error: Option<String>,
}

/// Lists the connectors under `root` (normally [`SYSFS_DRM`]), sorted by card and name.
pub fn read_connectors(root: &Path) -> Result<Vec<DrmConnector>, DrmError> {
    let entries = match std::fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(DrmError::Unsupported(format!(
                "no graphics driver lists display connectors here ({} is missing)",
                root.display()
            )));
        }
        Err(e) => return Err(DrmError::List { error: e.to_string(), path: root.to_path_buf() }),
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some((card, name)) = split_connector_name(&file_name) else { continue };
        found.push(read_connector(&entry.path(), card, name));
    }
    found.sort_by(|a, b| (&a.card, &a.name).cmp(&(&b.card, &b.name)));
    Ok(found)
}

/// `card0-HDMI-A-1` → ("card0", "HDMI-A-1"); `card0`, `renderD128`, `version` → None.
pub fn split_connector_name(file_name: &str) -> Option<(&str, &str)> {
    let (card, name) = file_name.split_once('-')?;
    let digits = card.strip_prefix("card")?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty()).then_some((card, name))
}

fn read_connector(dir: &Path, card: &str, name: &str) -> DrmConnector {
    let text = |attr: &str| std::fs::read_to_string(dir.join(attr)).ok().map(|s| s.trim().to_string());
    let status = match text("status").as_deref() {
        Some("connected") => ConnectorStatus::Connected,
        Some("disconnected") => ConnectorStatus::Disconnected,
        _ => ConnectorStatus::Unknown,
    };
    let enabled = match text("enabled").as_deref() {
        Some("enabled") => Some(true),
        Some("disabled") => Some(false),
        _ => None,
    };
    let modes = text("modes").map(|m| m.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect());
    let (edid, edid_read_error) = match std::fs::read(dir.join("edid")) {
        Ok(bytes) => (bytes, None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Vec::new(), None),
        Err(e) => (Vec::new(), Some(format!("{e} ({})", dir.join("edid").display()))),
    };
    DrmConnector {
        card: card.to_string(),
        name: name.to_string(),
        status,
        enabled,
        modes: modes.unwrap_or_default(),
        dpms: text("dpms").filter(|s| !s.is_empty()),
        edid,
        edid_read_error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connector_directory_names() {
        assert_eq!(split_connector_name("card0-HDMI-A-1"), Some(("card0", "HDMI-A-1")));
        assert_eq!(split_connector_name("card12-eDP-1"), Some(("card12", "eDP-1")));
        assert_eq!(split_connector_name("card0"), None);
        assert_eq!(split_connector_name("renderD128"), None);
        assert_eq!(split_connector_name("cardX-DP-1"), None);
        assert_eq!(split_connector_name("card1-"), None);
    }

    #[test]
    fn missing_root_is_unsupported() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_connectors(&dir.path().join("nope")).unwrap_err();
        assert!(matches!(err, DrmError::Unsupported(_)), "{err}");
    }

    #[test]
    fn fixture_tree_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let edid = include_bytes!("../../tests/fixtures/edid/dell-d3218hn.bin");
        let mk = |name: &str, status: &str, enabled: &str, modes: &str, edid: &[u8]| {
            let d = root.join(name);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join("status"), format!("{status}\n")).unwrap();
            std::fs::write(d.join("enabled"), format!("{enabled}\n")).unwrap();
            std::fs::write(d.join("modes"), modes).unwrap();
            std::fs::write(d.join("dpms"), "On\n").unwrap();
            std::fs::write(d.join("edid"), edid).unwrap();
        };
        mk("card0-HDMI-A-1", "connected", "enabled", "1920x1080\n1280x720\n", edid);
        mk("card0-DP-1", "disconnected", "disabled", "", &[]);
        std::fs::create_dir_all(root.join("card0")).unwrap();
        std::fs::write(root.join("version"), "drm 1.1.0\n").unwrap();
        let list = read_connectors(root).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].name, "DP-1");
        assert_eq!(list[0].status, ConnectorStatus::Disconnected);
        assert_eq!(list[0].enabled, Some(false));
        assert!(list[0].edid.is_empty() && list[0].modes.is_empty());
        let hdmi = &list[1];
        assert_eq!((hdmi.card.as_str(), hdmi.name.as_str()), ("card0", "HDMI-A-1"));
        assert_eq!(hdmi.status, ConnectorStatus::Connected);
        assert_eq!(hdmi.modes, ["1920x1080", "1280x720"]);
        assert_eq!(hdmi.dpms.as_deref(), Some("On"));
        assert_eq!(hdmi.edid, edid);
    }
}
