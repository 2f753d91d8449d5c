//! The translation completeness test: every message exists in both languages with the same
//! attributes and arguments, every message the code names exists, and every message is used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use regex::Regex;

use super::*;

/// One message as written in a file: its attributes and the `$arguments` it uses.
#[derive(Debug, Default, PartialEq)]
struct Entry {
    attrs: BTreeSet<String>,
    vars: BTreeSet<String>,
}

/// Messages (and terms, with their leading `-`) of one .ftl source, by id.
fn entries(source: &str) -> BTreeMap<String, Entry> {
    let message = Regex::new(r"^(-?[a-zA-Z][a-zA-Z0-9_-]*)\s*=").expect("regex");
    let attribute = Regex::new(r"^\s+\.([a-zA-Z][a-zA-Z0-9_-]*)\s*=").expect("regex");
    let var = Regex::new(r"\$([a-zA-Z][a-zA-Z0-9_-]*)").expect("regex");
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(c) = message.captures(line) {
            current = Some(c[1].to_string());
            out.entry(c[1].to_string()).or_default();
        } else if let Some(c) = attribute.captures(line)
            && let Some(id) = &current
        {
            out.entry(id.clone()).or_default().attrs.insert(c[1].to_string());
        }
        if let Some(id) = &current {
            let e = out.entry(id.clone()).or_default();
            for v in var.captures_iter(line) {
                e.vars.insert(v[1].to_string());
            }
        }
    }
    out
}

fn rust_sources(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(read) = std::fs::read_dir(dir) else { return };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            // One separator on every OS (the Windows build runs this under wine), so the
            // filters below on `…/tests.rs` match there too.
            out.push((path.display().to_string().replace('\\', "/"), text));
        }
    }
}

fn all_sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    rust_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    // This file names no messages; leaving it out keeps its examples from counting as uses.
    out.retain(|(path, _)| !path.ends_with("i18n/tests.rs"));
    // Comments show examples, not uses.
    for (_, text) in &mut out {
        *text = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    }
    out
}

#[test]
fn every_file_parses_in_both_languages() {
    for (domain, en, da) in SOURCES {
        for (lang, source) in [("en", en), ("da", da)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("locales/{lang}/{domain}.ftl has syntax errors: {errors:?}");
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_messages_attributes_and_arguments() {
    let mut problems = Vec::new();
    for (domain, en, da) in SOURCES {
        let (en, da) = (entries(en), entries(da));
        for (id, e) in &en {
            match da.get(id) {
                None => problems.push(format!("{domain}: `{id}` is missing in Danish")),
                Some(d) if d.attrs != e.attrs => {
                    problems.push(format!("{domain}: `{id}` attributes differ: en {:?}, da {:?}", e.attrs, d.attrs))
                }
                // Danish may use fewer arguments (a plural it words differently), never others.
                Some(d) if !d.vars.is_subset(&e.vars) => problems
                    .push(format!("{domain}: `{id}` uses arguments English lacks: {:?}", d.vars.difference(&e.vars))),
                Some(_) => {}
            }
        }
        for id in da.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{domain}: `{id}` is missing in English"));
        }
    }
    assert!(problems.is_empty(), "translation gaps:\n{}", problems.join("\n"));
}

#[test]
fn no_message_is_defined_twice() {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    let mut problems = Vec::new();
    // Within one file the later copy would silently win, so it counts as twice too.
    let message = Regex::new(r"(?m)^(-?[a-zA-Z][a-zA-Z0-9_-]*)\s*=").expect("regex");
    for (domain, en, da) in SOURCES {
        for (lang, source) in [("en", en), ("da", da)] {
            let mut in_file = BTreeMap::new();
            for c in message.captures_iter(source) {
                *in_file.entry(c[1].to_string()).or_insert(0) += 1;
            }
            for (id, n) in in_file.into_iter().filter(|(_, n)| *n > 1) {
                problems.push(format!("`{id}` is defined {n} times in {lang}/{domain}.ftl"));
            }
        }
    }
    for (domain, en, _) in SOURCES {
        for id in entries(en).into_keys() {
            if let Some(first) = seen.insert(id.clone(), domain) {
                problems.push(format!("`{id}` is in both {first}.ftl and {domain}.ftl"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_the_code_names_exists() {
    let named =
        Regex::new(r#"(?:\bt!|\bmsg!|Msg::new|\btr)\(\s*(?:[a-zA-Z_:.()]+,\s*)?"([a-z][a-z0-9-]*)""#).expect("regex");
    let evidence = Regex::new(r#"(?:\.evidence|Evidence::new)\(\s*"([^"]+)""#).expect("regex");
    let mut problems = Vec::new();
    for (path, text) in all_sources() {
        for c in named.captures_iter(&text) {
            if !exists(&c[1]) {
                problems.push(format!("{path}: no message `{}`", &c[1]));
            }
        }
        // Unit tests' made-up evidence ("psk") is not shown to anyone.
        let is_test = path.ends_with("tests.rs");
        for c in evidence.captures_iter(&text).filter(|_| !is_test) {
            let id = evidence_id(&c[1]);
            if !exists(&id) {
                problems.push(format!("{path}: evidence label \"{}\" has no message `{id}`", &c[1]));
            }
        }
    }
    assert!(problems.is_empty(), "missing messages:\n{}", problems.join("\n"));
}

#[test]
fn every_message_is_used() {
    let literal = Regex::new(r#""([^"\\]*)""#).expect("regex");
    let mut used = BTreeSet::new();
    let sources = all_sources();
    for (_, text) in &sources {
        for c in literal.captures_iter(text) {
            used.insert(c[1].to_string());
            used.insert(evidence_id(&c[1]));
            // A check's title message is named after its id: `net.dns.resolve` → `check-net-dns-resolve`.
            used.insert(format!("check-{}", c[1].replace('.', "-")));
        }
    }
    let mut unused = Vec::new();
    for (domain, en, _) in SOURCES {
        for id in entries(en).into_keys().filter(|id| !id.starts_with('-')) {
            // The literal pattern can lose step after an escaped quote; a plain search for the
            // quoted id cannot.
            let quoted = format!("\"{id}\"");
            if !used.contains(&id) && !sources.iter().any(|(_, text)| text.contains(&quoted)) {
                unused.push(format!("{domain}: `{id}`"));
            }
        }
    }
    assert!(unused.is_empty(), "messages no code uses (remove them or use them):\n{}", unused.join("\n"));
}

#[test]
fn messages_render_with_arguments_in_both_languages() {
    let m = Msg::new("gui-area-checks").arg("count", 3);
    assert_eq!(text(Lang::En, &m), "3 checks");
    assert_eq!(text(Lang::Da, &m), "3 tjek");
    assert_eq!(text(Lang::En, &Msg::new("gui-area-checks").arg("count", 1)), "1 check");
    assert_eq!(text(Lang::En, &Msg::new("no-such-message")), "no-such-message");
}

#[test]
fn locale_tags_pick_the_language() {
    assert_eq!(Lang::from_locale("da_DK.UTF-8"), Lang::Da);
    assert_eq!(Lang::from_locale("da-DK"), Lang::Da);
    assert_eq!(Lang::from_locale("en-US"), Lang::En);
    assert_eq!(Lang::from_locale("C"), Lang::En);
    assert_eq!(Lang::from_code("de"), None);
    assert_eq!(evidence_id("DHCP server"), "ev-dhcp-server");
    assert_eq!(evidence_id("Signal (dBm)"), "ev-signal-dbm");
}

#[test]
fn this_thread_can_differ_from_the_process_default() {
    set_current(Lang::Da);
    assert_eq!(current(), Lang::Da);
    assert_eq!(t!("gui-area-checks", count = 2), "2 tjek");
    set_current(Lang::En);
    assert_eq!(t!("gui-area-checks", count = 2), "2 checks");
}

#[test]
fn counts_of_one_are_singular() {
    use crate::model::{Finding, Severity};
    let trace = |hops: usize| {
        Finding::msg(Severity::Pass, crate::msg!("net-trace-ok", target = "10.0.0.1", hops = hops, path = ""))
    };
    assert_eq!(trace(1).summary_in(Lang::En), "10.0.0.1 is reached in 1 hop.");
    assert_eq!(trace(4).summary_in(Lang::En), "10.0.0.1 is reached in 4 hops.");
    assert_eq!(trace(4).summary_in(Lang::Da), "10.0.0.1 nås på 4 hop.");
}
