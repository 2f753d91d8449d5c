//! The window's own settings, remembered between runs in `<config dir>/deskcheck/gui.toml`:
//! guided or technician mode, the language, high contrast and the text size. A missing
//! file means a first start (guided, language from `--lang` or the OS); a broken file is
//! ignored with a warning, so a bad edit never keeps the window from opening.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The smallest and largest text size the window accepts (Ctrl −/+ and the top bar).
pub const ZOOM_MIN: f32 = 0.5;
pub const ZOOM_MAX: f32 = 3.0;

/// Who the window is drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UiMode {
    /// One step per screen in plain words, for a user on the phone with support.
    #[default]
    Guided,
    /// Every table, graph, raw evidence and the notes panel.
    Technician,
}

/// What `gui.toml` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub mode: UiMode,
    /// `None`: follow `--lang`, else the OS locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    pub high_contrast: bool,
    /// egui's zoom factor (text and everything else scale with it).
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self { mode: UiMode::Guided, lang: None, high_contrast: false, zoom: 1.0 }
    }
}

/// Why the settings could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("could not read the GUI settings {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the GUI settings {} are not valid: {source}", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: toml::de::Error,
    },
    #[error("could not write the GUI settings {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not encode the GUI settings: {0}")]
    Encode(#[from] toml::ser::Error),
}

impl Settings {
    /// Where the user's settings live: `<config dir>/deskcheck/gui.toml` (XDG_CONFIG_HOME on Linux).
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|dir| dir.join("deskcheck").join("gui.toml"))
    }

    /// The settings in `path`; defaults when the file does not exist.
    pub fn read(path: &Path) -> Result<Settings, SettingsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(source) => return Err(SettingsError::Read { path: path.to_path_buf(), source }),
        };
        let settings: Settings =
            toml::from_str(&text).map_err(|source| SettingsError::Parse { path: path.to_path_buf(), source })?;
        Ok(settings.sanitized())
    }

    /// The settings in `path`, or the defaults (with a logged warning) when the file is broken.
    pub fn load(path: &Path) -> Settings {
        Settings::read(path).unwrap_or_else(|err| {
            tracing::warn!("{err}; using the default GUI settings");
            Settings::default()
        })
    }

    /// Writes the settings to a temporary file beside `path`, then renames it over `path`,
    /// so a crash mid-write never leaves a half file that would be ignored next start.
    pub fn write(&self, path: &Path) -> Result<(), SettingsError> {
        let text = toml::to_string(self)?;
        let write_err = |source| SettingsError::Write { path: path.to_path_buf(), source };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(write_err)?;
        }
        let mut tmp_name = path.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| "gui.toml".into());
        tmp_name.push(format!(".{}.tmp", std::process::id()));
        let tmp = path.with_file_name(tmp_name);
        let result = (|| {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if let Err(source) = result {
            // The half-written temporary file is of no use to anyone.
            let _ = std::fs::remove_file(&tmp);
            return Err(write_err(source));
        }
        Ok(())
    }

    /// A zoom that egui can draw (a hand-edited 0 or 50 would make the window unusable).
    fn sanitized(mut self) -> Settings {
        self.zoom = if self.zoom.is_finite() { self.zoom.clamp(ZOOM_MIN, ZOOM_MAX) } else { 1.0 };
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_a_first_start_in_guided_mode() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::read(&dir.path().join("gui.toml")).unwrap();
        assert_eq!(settings, Settings::default());
        assert_eq!(settings.mode, UiMode::Guided);
        assert_eq!(settings.lang, None);
    }

    #[test]
    fn settings_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deskcheck").join("gui.toml");
        let settings = Settings { mode: UiMode::Technician, lang: Some(Lang::Da), high_contrast: true, zoom: 1.5 };
        settings.write(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("mode = \"technician\""), "{text}");
        assert!(text.contains("lang = \"da\""), "{text}");
        assert_eq!(Settings::read(&path).unwrap(), settings);
        // Nothing is left beside it.
        assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }

    #[test]
    fn a_broken_file_is_reported_and_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gui.toml");
        std::fs::write(&path, "mode = \"expert\"\n").unwrap();
        let err = Settings::read(&path).unwrap_err();
        assert!(err.to_string().contains("gui.toml"), "{err}");
        assert_eq!(Settings::load(&path), Settings::default());
        // The broken file is left for the user to look at.
        assert!(path.exists());
    }

    #[test]
    fn an_absurd_zoom_is_clamped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gui.toml");
        std::fs::write(&path, "zoom = 40.0\n").unwrap();
        assert_eq!(Settings::read(&path).unwrap().zoom, ZOOM_MAX);
    }
}
