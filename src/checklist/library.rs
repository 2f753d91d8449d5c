//! The checklists on offer: the built-in ones embedded in the binary, then the IT
//! department's `*.toml` files from the checklists folder (a file with a built-in's id
//! replaces it). A broken file is listed with its error; it never hides the others.

use std::path::Path;

use super::parse::{self, ChecklistError, Known};
use crate::checks;
use crate::model::Checklist;

/// The built-in checklists: (file name, text).
const BUILT_IN: &[(&str, &str)] = &[
    ("printer.toml", include_str!("../../assets/checklists/printer.toml")),
    ("display.toml", include_str!("../../assets/checklists/display.toml")),
    ("peripheral.toml", include_str!("../../assets/checklists/peripheral.toml")),
];

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub checklists: Vec<Checklist>,
    /// Files that could not be used, each `file:line:column: message`.
    pub problems: Vec<ChecklistError>,
}

impl Library {
    /// The built-ins plus the `*.toml` files in `dir` (when given and present), in name order.
    pub fn load(dir: Option<&Path>) -> Library {
        let probes = probe_ids();
        let known = Known { probes: &probes.iter().map(String::as_str).collect::<Vec<_>>() };
        let mut lib = Library::default();
        for (name, text) in BUILT_IN {
            let stem = name.trim_end_matches(".toml");
            let file = format!("assets/checklists/{name}");
            match parse::parse(text, &file, stem, "built-in", &known) {
                Ok(c) => lib.checklists.push(c),
                Err(e) => lib.problems.push(e),
            }
        }
        if let Some(dir) = dir {
            lib.load_dir(dir, &known);
        }
        lib
    }

    fn load_dir(&mut self, dir: &Path, known: &Known) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            // No folder is the usual case: nothing extra to offer.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return,
            Err(err) => {
                self.problems.push(ChecklistError {
                    file: dir.display().to_string(),
                    line: 1,
                    column: 1,
                    message: format!("could not list the checklists folder: {err}"),
                });
                return;
            }
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
            .collect();
        files.sort();
        for path in files {
            let file = path.display().to_string();
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            let parsed = std::fs::read_to_string(&path)
                .map_err(|err| ChecklistError {
                    file: file.clone(),
                    line: 1,
                    column: 1,
                    message: format!("could not read the file: {err}"),
                })
                .and_then(|text| parse::parse(&text, &file, &stem, &file, known));
            match parsed {
                Ok(c) => {
                    self.checklists.retain(|old| old.id != c.id);
                    self.checklists.push(c);
                }
                Err(e) => self.problems.push(e),
            }
        }
    }

    pub fn find(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id.eq_ignore_ascii_case(id))
    }

    /// The ids on offer, for "choose from: …" messages.
    pub fn ids(&self) -> Vec<&str> {
        self.checklists.iter().map(|c| c.id.as_str()).collect()
    }
}

/// Every check id an automatic step may name.
pub fn probe_ids() -> Vec<String> {
    checks::all_checks().iter().map(|c| c.meta().id.to_string()).collect()
}
