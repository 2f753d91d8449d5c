//! What strict privacy learns before it redacts anything, so that a name seen in one place
//! is hidden everywhere: user names (home-folder paths, print-job owners), the LAN's DNS
//! domains (leases, resolv.conf, search lists), serial numbers (EDID, USB) and print-job
//! titles. Learned from free text by pattern and from the report's JSON by key.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::regex;

/// One thing worth a token wherever it appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Learned {
    User(String),
    Domain(String),
    Serial(String),
    Title(String),
}

// A user's home folder where a path starts (not "/home/" inside a URL): /home/U, /var/home/U,
// /export/home/U, /media/U, /run/media/U, /Users/U, C:\Users\U, and /home/DOMAIN/U. Names may
// be non-ASCII ("Jürgen").
static HOME_USER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)(?:(?:^|[\s"'=(\[,;:])(?:/var|/export)?/home/|(?:^|[\s"'=(\[,;:])(?:/run)?/media/|(?:^|[\s"'=(\[,;]|[a-z]:)/Users/|[a-z]:\\+Users\\+)(?P<u>[\p{L}\p{N}][\p{L}\p{N}._\-]*)(?:(?:/|\\+)(?P<u2>[\p{L}\p{N}][\p{L}\p{N}._\-]*))?"#,
    )
});
// resolv.conf `search`/`domain` (lower case, at a line's start: "Search results" is prose), dhclient `option domain-name "x";`, networkd `DOMAINNAME=`,
// dhcpcd `domain_name=`/`domain_search=`, NetworkManager `DHCP4.OPTION…domain_name = x`.
static DOMAIN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?m)(?:^[ \t]*(?:search|domain)[ \t]+|\b(?i:domain[-_](?:name|search))\b[ \t]*=?[ \t]*|\bDOMAINNAME=|\bDOMAINS=)"?(?P<d>[A-Za-z0-9][A-Za-z0-9.\- \t]*[A-Za-z0-9])"?"#,
    )
});
// `Serial: X`, `serial=X`, `SerialNumber=X`, `Serial Number: X`, `S/N: X`, lsusb's `iSerial  3 X`.
static SERIAL_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)(?:\biSerial[ \t]+\d+[ \t]+|\b(?:serial[ _-]?(?:number|no|text)?|serialnumber|S/N)\b["']?[ \t]*[:=#][ \t]*["']?)(?P<v>[A-Za-z0-9][A-Za-z0-9\-_.]{3,})"#,
    )
});
// Raw IPP attributes as saved in the bundle: `job-name (nameWithoutLanguage) = Salaries.pdf`.
static IPP_JOB_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?m)^[ \t]*(?P<k>job-name|document-name|job-originating-user-name|requesting-user-name|job-owner)\b[^=\r\n]*=[ \t]*(?P<v>[^\r\n]+?)[ \t]*$",
    )
});

/// Home subfolders that are never a user: `/home/Bob.Smith/Documents` names Bob, not "Documents".
const FOLDERS: &[&str] = &[
    "documents",
    "desktop",
    "downloads",
    "pictures",
    "music",
    "videos",
    "public",
    "templates",
    "snap",
    "bin",
    "src",
    "tmp",
    "go",
    "projects",
    "work",
    "library",
    "appdata",
    "shared",
    "onedrive",
];

/// Keys whose value is a person's login (print-job owners included).
const USER_KEYS: &[&str] = &[
    "user",
    "owner",
    "username",
    "user_name",
    "login",
    "job_owner",
    "job_originating_user_name",
    "requesting_user_name",
    "sudo_user",
];
const DOMAIN_KEYS: &[&str] =
    &["domain", "domain_name", "domains", "search", "search_domains", "dns_search", "domain_search", "dhcp_domain"];
const TITLE_KEYS: &[&str] = &["job_name", "job_title", "document_name"];

fn norm(key: &str) -> String {
    key.chars().map(|c| if matches!(c, '-' | '.' | ' ') { '_' } else { c.to_ascii_lowercase() }).collect()
}

/// Everything worth a token in free text.
pub(super) fn learn_text(text: &str, out: &mut Vec<Learned>) {
    for c in HOME_USER.captures_iter(text) {
        let first = &c["u"];
        out.push(Learned::User(first.to_string()));
        // /home/DOMAIN/user (sssd, winbind): an upper-case or dotted first part is a domain.
        if let Some(second) = c.name("u2").map(|m| m.as_str())
            && (first.chars().all(|ch| !ch.is_lowercase()) || first.contains('.'))
            && !FOLDERS.contains(&second.to_lowercase().as_str())
        {
            out.push(Learned::User(second.to_string()));
        }
    }
    for c in DOMAIN_LINE.captures_iter(text) {
        out.extend(c["d"].split_whitespace().map(|d| Learned::Domain(d.to_string())));
    }
    for c in SERIAL_TEXT.captures_iter(text) {
        out.push(Learned::Serial(c["v"].to_string()));
    }
    for c in IPP_JOB_ATTR.captures_iter(text) {
        let v = c["v"].to_string();
        out.push(if c["k"].ends_with("name") && !c["k"].contains("user") {
            Learned::Title(v)
        } else {
            Learned::User(v)
        });
    }
}

/// Everything worth a token in structured data, by key: `user`/`owner` → user, `domain`/
/// `search` → domain, any `*serial*` → serial, `name`/`title` of an entry in a `jobs` list →
/// print-job title. Evidence pairs (`{"label": "Serial", "value": …}`) count as keys too.
pub(super) fn learn_json(value: &Value, out: &mut Vec<Learned>) {
    walk(value, false, out);
}

fn walk(value: &Value, in_jobs: bool, out: &mut Vec<Learned>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(label)), Some(Value::String(v))) = (map.get("label"), map.get("value")) {
                classify(&norm(label), v, false, out);
            }
            for (key, child) in map {
                let k = norm(key);
                match child {
                    Value::String(s) => classify(&k, s, in_jobs, out),
                    Value::Number(n) if k.contains("serial") => out.push(Learned::Serial(n.to_string())),
                    Value::Array(items) => {
                        for s in items.iter().filter_map(Value::as_str) {
                            classify(&k, s, false, out);
                        }
                    }
                    _ => {}
                }
                walk(child, k.ends_with("jobs"), out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, in_jobs, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

fn classify(key: &str, value: &str, in_jobs: bool, out: &mut Vec<Learned>) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    if USER_KEYS.contains(&key) {
        out.push(Learned::User(value.to_string()));
    } else if DOMAIN_KEYS.contains(&key) {
        out.extend(value.split([' ', ',']).filter(|d| !d.is_empty()).map(|d| Learned::Domain(d.to_string())));
    } else if key.contains("serial") {
        out.push(Learned::Serial(value.to_string()));
    } else if TITLE_KEYS.contains(&key) || (in_jobs && matches!(key, "name" | "title")) {
        out.push(Learned::Title(value.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(text: &str) -> Vec<Learned> {
        let mut out = Vec::new();
        learn_text(text, &mut out);
        out
    }

    #[test]
    fn users_from_every_kind_of_home_folder() {
        let text = "/home/alice/x /media/bob/USB /run/media/carol/disk /home/CORP/dave/x /home/corp.example/erin \
                    C:\\Users\\Jürgen\\AppData /Users/frank/Library /home/Bob.Smith/Documents";
        let users: Vec<String> =
            learned(text).into_iter().filter_map(|l| if let Learned::User(u) = l { Some(u) } else { None }).collect();
        for u in ["alice", "bob", "carol", "CORP", "dave", "corp.example", "erin", "Jürgen", "frank", "Bob.Smith"] {
            assert!(users.contains(&u.to_string()), "{u} not learned: {users:?}");
        }
        assert!(!users.contains(&"Documents".to_string()) && !users.contains(&"x".to_string()), "{users:?}");
    }

    #[test]
    fn domains_serials_and_jobs_from_text() {
        let text = "search office.lan corp.example\noption domain-name \"branch.lan\";\nDOMAINNAME=net.lan\n\
                    Serial: X9R5K8864M1E\n  iSerial                 3 0123456789AB\n\
                    job-name (nameWithoutLanguage) = Salaries Q3.pdf\njob-originating-user-name (name) = mallory\n";
        let got = learned(text);
        for want in [
            Learned::Domain("office.lan".into()),
            Learned::Domain("corp.example".into()),
            Learned::Domain("branch.lan".into()),
            Learned::Domain("net.lan".into()),
            Learned::Serial("X9R5K8864M1E".into()),
            Learned::Serial("0123456789AB".into()),
            Learned::Title("Salaries Q3.pdf".into()),
            Learned::User("mallory".into()),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        // Prose is not a serial or a domain.
        assert!(learned("the serial port works; this domain is fine\nSearch results: 3\nDomain is up").is_empty());
    }

    #[test]
    fn json_by_key() {
        let v = serde_json::json!({
            "lease": {"domain": "office.lan"},
            "monitors": [{"serial": "CN0ABC123"}, {"serial_number": 16843009}],
            "queues": [{"name": "Office-Printer", "jobs": [{"id": 3, "name": "Payroll.xlsx", "user": "mallory"}]}],
            "evidence": [{"label": "Serial", "value": "USBSER42"}]
        });
        let mut got = Vec::new();
        learn_json(&v, &mut got);
        for want in [
            Learned::Domain("office.lan".into()),
            Learned::Serial("CN0ABC123".into()),
            Learned::Serial("16843009".into()),
            Learned::Title("Payroll.xlsx".into()),
            Learned::User("mallory".into()),
            Learned::Serial("USBSER42".into()),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        assert!(!got.contains(&Learned::Title("Office-Printer".into())), "a queue name is not a job title");
    }
}
