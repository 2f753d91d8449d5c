//! Redaction over every text the bundle carries: report strings, structured data, the
//! log and text attachments. `standard` scrubs secrets (PSKs, passwords, tokens, auth
//! headers, cookies, URL passwords). `strict` also replaces host names, user names,
//! IPv4/IPv6 addresses (keeping subnet structure) and MACs with stable tokens; the
//! `Redactor` remembers them so the mapping can be saved beside the bundle, never in it.

mod addresses;
mod secrets;

use std::collections::{HashMap, HashSet};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use self::addresses::{Address, addresses_in};
pub use self::secrets::{is_secret_key, scrub_secrets};
use super::Privacy;
use crate::model::{
    Attachment, CheckRun, ChecklistEnd, ChecklistTranscript, Evidence, Finding, HostInfo, Outcome, Report,
    TechnicianNotes, ToolReport, TranscriptEntry, Verdict,
};

pub const REDACTED: &str = "[REDACTED]";

/// Home-folder names that name no one: never tokenized (they would mangle ordinary words).
const GENERIC_USERS: &[&str] =
    &["root", "admin", "administrator", "user", "users", "guest", "shared", "public", "default", "all", "nobody"];

// A user's home folder, where a path starts (not "/home/" inside a URL).
static HOME_USER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)(?:(?:^|[\s"'=(\[,;])(?:/var|/export)?/home/|(?:^|[\s"'=(\[,;]|[a-z]:)/Users/|[a-z]:\\+Users\\+)(?P<u>[A-Za-z0-9][A-Za-z0-9._\-]*)"#,
    )
});

/// The patterns of this module and its children.
fn regex(pattern: &str) -> Regex {
    // The patterns are constants covered by the tests: a typo fails them loudly, at first use.
    Regex::new(pattern).expect("redaction patterns are valid")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Ip4,
    Ip6,
    Mac,
    Host,
    User,
}

/// One replacement made under strict privacy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub original: String,
    pub token: String,
    pub kind: TokenKind,
}

/// The `<bundle>.map.json` file: how to read the tokens back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenMap {
    pub profile: String,
    /// The bundle this map belongs to (file name only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
    pub tokens: Vec<Token>,
}

/// What a strict-mode match becomes.
enum Found {
    /// Leave the text alone, and let nothing else claim it (127.0.0.1, netmasks, …).
    Keep,
    Name,
    Address(Address),
}

/// Redacts text; under strict privacy it hands out stable tokens and remembers them.
pub struct Redactor {
    privacy: Privacy,
    /// Lower-case short host names (first label).
    hosts: Vec<String>,
    /// Lower-case user names.
    users: Vec<String>,
    /// Host and user names as one pattern; rebuilt when a name is learned.
    names: Option<Regex>,
    assigned: HashMap<(TokenKind, String), String>,
    counters: HashMap<TokenKind, usize>,
    nets4: HashMap<[u8; 3], usize>,
    nets6: HashMap<[u16; 4], usize>,
    hosts_in_net6: HashMap<[u16; 4], usize>,
    mapping: Vec<Token>,
    recorded: HashSet<(TokenKind, String)>,
}

impl Redactor {
    /// `hostname` is this machine's name; the current user comes from USER/USERNAME/LOGNAME,
    /// more users from home-folder paths (`learn`).
    pub fn new(privacy: Privacy, hostname: &str) -> Self {
        let users: Vec<String> = ["USER", "USERNAME", "LOGNAME"].iter().filter_map(|v| std::env::var(v).ok()).collect();
        Self::with_names(privacy, hostname, &users)
    }

    /// Like `new`, with the user names given instead of read from the environment.
    pub fn with_names(privacy: Privacy, hostname: &str, users: &[String]) -> Self {
        let mut r = Self {
            privacy,
            hosts: Vec::new(),
            users: Vec::new(),
            names: None,
            assigned: HashMap::new(),
            counters: HashMap::new(),
            nets4: HashMap::new(),
            nets6: HashMap::new(),
            hosts_in_net6: HashMap::new(),
            mapping: Vec::new(),
            recorded: HashSet::new(),
        };
        let host = hostname.trim().trim_end_matches('.').to_lowercase();
        let short = host.split('.').next().unwrap_or_default().to_string();
        if short.len() >= 2 && !matches!(short.as_str(), "localhost" | "unknown" | "computer") {
            r.hosts.push(short);
        }
        for name in users {
            r.add_user(name);
        }
        r
    }

    /// Also treat `name` as a user name (tests, and callers that know more users).
    pub fn with_user(mut self, name: &str) -> Self {
        self.add_user(name);
        self
    }

    pub fn privacy(&self) -> Privacy {
        self.privacy
    }

    fn add_user(&mut self, name: &str) {
        let name = name.trim().trim_end_matches(['.', '-']).to_lowercase();
        if name.chars().count() >= 2 && !GENERIC_USERS.contains(&name.as_str()) && !self.users.contains(&name) {
            self.users.push(name);
            self.names = None;
        }
    }

    /// Collect user names from home-folder paths in `text` (strict only). Call this on
    /// everything before redacting anything, so a name first seen in the log is also
    /// replaced in the report.
    pub fn learn(&mut self, text: &str) {
        if self.privacy != Privacy::Strict {
            return;
        }
        let found: Vec<String> = HOME_USER.captures_iter(text).map(|c| c["u"].to_string()).collect();
        for name in found {
            self.add_user(&name);
        }
    }

    /// `learn` over every string of a report and its text attachments.
    pub fn learn_report(&mut self, report: &Report) {
        if self.privacy != Privacy::Strict {
            return;
        }
        if let Ok(json) = serde_json::to_string(report) {
            self.learn(&json);
        }
        for a in report.runs.iter().flat_map(|r| &r.attachments).filter(|a| a.is_text) {
            self.learn(&String::from_utf8_lossy(&a.bytes));
        }
    }

    /// Every token handed out so far, in order, for the map file beside the bundle.
    pub fn mapping(&self) -> &[Token] {
        &self.mapping
    }

    pub fn token_map(&self, bundle: Option<String>) -> TokenMap {
        TokenMap { profile: self.privacy.as_str().into(), bundle, tokens: self.mapping.clone() }
    }

    /// Redact one text under this profile.
    pub fn text(&mut self, input: &str) -> String {
        let s = scrub_secrets(input);
        if self.privacy == Privacy::Strict { self.tokenize(&s) } else { s }
    }

    /// Redact every string in a JSON tree; values under secret-looking keys are replaced
    /// whole (booleans and nulls say nothing and stay). Keys are redacted too: data keyed
    /// by address or host name must not leak through its keys.
    pub fn json(&mut self, value: &mut serde_json::Value) {
        use serde_json::Value;
        match value {
            Value::String(s) => *s = self.text(s),
            Value::Array(items) => items.iter_mut().for_each(|v| self.json(v)),
            Value::Object(map) => {
                let old = std::mem::take(map);
                for (key, mut v) in old {
                    if is_secret_key(&key) && !(v.is_null() || v.is_boolean()) {
                        v = Value::String(REDACTED.into());
                    } else {
                        self.json(&mut v);
                    }
                    let mut new_key = self.text(&key);
                    // Two keys that redact alike (a host's short and full name) must not overwrite each other.
                    let mut n = 2;
                    while map.contains_key(&new_key) {
                        new_key = format!("{} #{n}", self.text(&key));
                        n += 1;
                    }
                    map.insert(new_key, v);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }

    /// A redacted copy of the report. Every field is named here (no `..`), so a field
    /// added to the model fails to compile until someone decides how to redact it.
    /// Enum-like fields (severity, category, outcome kind) and check ids are ours, not
    /// the user's: they stay, so the copy still reads back as the same report.
    pub fn report(&mut self, r: &Report) -> Report {
        let Report {
            schema_version,
            tool,
            started_at,
            finished_at,
            host,
            ticket,
            notes,
            privacy: _,
            notices,
            verdict,
            runs,
            checklists,
        } = r;
        let HostInfo { hostname, os_name, os_version, kernel, arch } = host;
        let TechnicianNotes { issue, environment, resolution, cause } = notes;
        Report {
            schema_version: *schema_version,
            tool: tool.clone(),
            started_at: *started_at,
            finished_at: *finished_at,
            host: HostInfo {
                hostname: self.text(hostname),
                os_name: self.text(os_name),
                os_version: self.text(os_version),
                kernel: self.text(kernel),
                arch: self.text(arch),
            },
            ticket: ticket.as_deref().map(|t| self.text(t)),
            notes: TechnicianNotes {
                issue: self.text(issue),
                environment: self.text(environment),
                resolution: self.text(resolution),
                cause: self.text(cause),
            },
            privacy: self.privacy.as_str().into(),
            notices: notices.iter().map(|n| self.text(n)).collect(),
            verdict: verdict.as_ref().map(|v| self.verdict(v)),
            runs: runs.iter().map(|run| self.run(run)).collect(),
            checklists: checklists.iter().map(|c| self.checklist(c)).collect(),
        }
    }

    /// Answers are the user's words (a typed panel message may hold anything); step ids
    /// and kinds are ours and stay.
    fn checklist(&mut self, c: &ChecklistTranscript) -> ChecklistTranscript {
        let ChecklistTranscript { id, title, area, source, started_at, finished_at, end, entries } = c;
        let ChecklistEnd { kind, step, text } = end;
        ChecklistTranscript {
            id: id.clone(),
            title: self.text(title),
            area: *area,
            source: self.text(source),
            started_at: *started_at,
            finished_at: *finished_at,
            end: ChecklistEnd { kind: *kind, step: step.clone(), text: self.text(text) },
            entries: entries
                .iter()
                .map(|e| {
                    let TranscriptEntry { at, step, kind, question, answer, check, tool, retracted } = e;
                    TranscriptEntry {
                        at: *at,
                        step: step.clone(),
                        kind: kind.clone(),
                        question: self.text(question),
                        answer: self.text(answer),
                        check: check.clone(),
                        tool: tool.as_ref().map(|t| self.tool(t)),
                        retracted: *retracted,
                    }
                })
                .collect(),
        }
    }

    fn tool(&mut self, t: &ToolReport) -> ToolReport {
        let ToolReport { tool, works, summary, findings, data } = t;
        let mut data = data.clone();
        self.json(&mut data);
        ToolReport {
            tool: tool.clone(),
            works: *works,
            summary: self.text(summary),
            findings: findings.iter().map(|f| self.finding(f)).collect(),
            data,
        }
    }

    fn verdict(&mut self, v: &Verdict) -> Verdict {
        let Verdict { layer, severity, headline, technician, next_step } = v;
        Verdict {
            layer: self.text(layer),
            severity: *severity,
            headline: self.text(headline),
            technician: technician.as_deref().map(|t| self.text(t)),
            next_step: next_step.as_deref().map(|t| self.text(t)),
        }
    }

    fn run(&mut self, run: &CheckRun) -> CheckRun {
        let CheckRun { id, title, category, outcome, findings, started_at, duration_ms, data, attachments } = run;
        let mut data = data.clone();
        self.json(&mut data);
        CheckRun {
            id: id.clone(),
            title: self.text(title),
            category: *category,
            outcome: match outcome {
                Outcome::Completed => Outcome::Completed,
                Outcome::Skipped { reason } => Outcome::Skipped { reason: self.text(reason) },
                Outcome::TimedOut { after_ms } => Outcome::TimedOut { after_ms: *after_ms },
                Outcome::Errored { message } => Outcome::Errored { message: self.text(message) },
                Outcome::Unsupported { reason } => Outcome::Unsupported { reason: self.text(reason) },
            },
            findings: findings.iter().map(|f| self.finding(f)).collect(),
            started_at: *started_at,
            duration_ms: *duration_ms,
            data,
            attachments: attachments.iter().map(|a| self.attachment(a)).collect(),
        }
    }

    fn finding(&mut self, f: &Finding) -> Finding {
        let Finding { severity, title, summary, detail, evidence, next_step } = f;
        Finding {
            severity: *severity,
            title: self.text(title),
            summary: self.text(summary),
            detail: detail.as_deref().map(|d| self.text(d)),
            evidence: evidence
                .iter()
                .map(|e| {
                    let Evidence { label, value } = e;
                    // "password: x" as label and value is still a secret pair.
                    let value =
                        if is_secret_key(label) && !value.is_empty() { REDACTED.to_string() } else { self.text(value) };
                    Evidence { label: self.text(label), value }
                })
                .collect(),
            next_step: next_step.as_deref().map(|n| self.text(n)),
        }
    }

    /// Text attachments are redacted like any text; binary ones (EDID blobs) stay as they are.
    fn attachment(&mut self, a: &Attachment) -> Attachment {
        let Attachment { name, size: _, is_text, bytes } = a;
        let bytes = if *is_text { self.text(&String::from_utf8_lossy(bytes)).into_bytes() } else { bytes.clone() };
        Attachment { name: self.text(name), size: bytes.len() as u64, is_text: *is_text, bytes }
    }

    fn names_regex(&mut self) -> Option<Regex> {
        if self.names.is_none() && !(self.hosts.is_empty() && self.users.is_empty()) {
            let mut alternatives: Vec<(usize, String)> = self
                .hosts
                .iter()
                // A host name also stands for every FQDN that starts with it.
                .map(|h| (h.len(), format!(r"{}(?:\.[a-z0-9-]+)*", regex::escape(h))))
                .chain(self.users.iter().map(|u| (u.len(), regex::escape(u))))
                .collect();
            // Longest first: alternation takes the first that matches, and "bob-laptop" must beat "bob".
            alternatives.sort_by_key(|a| std::cmp::Reverse(a.0));
            let joined: Vec<String> = alternatives.into_iter().map(|(_, a)| a).collect();
            match Regex::new(&format!(r"(?i)\b(?:{})\b", joined.join("|"))) {
                Ok(re) => self.names = Some(re),
                // Escaped literals always compile unless there are absurdly many; say so, never fail silently.
                Err(err) => tracing::warn!("strict privacy cannot match host and user names: {err}"),
            }
        }
        self.names.clone()
    }

    fn tokenize(&mut self, s: &str) -> String {
        let mut spans: Vec<(usize, usize, Found)> = Vec::new();
        if let Some(names) = self.names_regex() {
            spans.extend(names.find_iter(s).map(|m| (m.start(), m.end(), Found::Name)));
        }
        for (start, end, address) in addresses_in(s) {
            spans.push((start, end, if address.identifies() { Found::Address(address) } else { Found::Keep }));
        }
        // Leftmost wins, then longest: "fe80::aa:bb:cc:dd:ee:ff" is one address, not a MAC.
        spans.sort_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))));
        let mut out = String::with_capacity(s.len());
        let mut copied = 0;
        for (start, end, found) in spans {
            if start < copied {
                continue;
            }
            let original = &s[start..end];
            let token = match found {
                Found::Keep => continue,
                Found::Name => self.name_token(original),
                Found::Address(Address::Mac(mac)) => self.mac_token(mac),
                Found::Address(Address::Ip4(a)) => self.ip4_token(a),
                Found::Address(Address::Ip6(a)) => self.ip6_token(a),
            };
            out.push_str(&s[copied..start]);
            out.push_str(&token);
            copied = end;
        }
        out.push_str(&s[copied..]);
        out
    }

    fn next(&mut self, kind: TokenKind) -> usize {
        let n = self.counters.entry(kind).or_insert(0);
        *n += 1;
        *n
    }

    fn record(&mut self, kind: TokenKind, original: String, token: &str) {
        if self.recorded.insert((kind, original.clone())) {
            self.mapping.push(Token { original, token: token.to_string(), kind });
        }
    }

    /// The token for `canonical`, made by `make` the first time it is seen.
    fn assign(&mut self, kind: TokenKind, canonical: &str, make: impl FnOnce(&mut Self) -> String) -> String {
        let key = (kind, canonical.to_string());
        if let Some(t) = self.assigned.get(&key) {
            return t.clone();
        }
        let t = make(self);
        self.assigned.insert(key, t.clone());
        t
    }

    fn name_token(&mut self, original: &str) -> String {
        let lower = original.to_lowercase();
        if self.users.contains(&lower) {
            let t = self.assign(TokenKind::User, &lower, |r| format!("user-{}", r.next(TokenKind::User)));
            self.record(TokenKind::User, lower, &t);
            return t;
        }
        // Otherwise the pattern matched a host name or an FQDN that starts with one.
        let host = lower.split('.').next().unwrap_or_default().to_string();
        let t = self.assign(TokenKind::Host, &host, |r| format!("host-{}", r.next(TokenKind::Host)));
        self.record(TokenKind::Host, lower, &t);
        t
    }

    fn mac_token(&mut self, mac: String) -> String {
        let t = self.assign(TokenKind::Mac, &mac, |r| format!("mac-{}", r.next(TokenKind::Mac)));
        self.record(TokenKind::Mac, mac, &t);
        t
    }

    /// `net4-<network>.<last octet>`: one network number per /24, so a technician still
    /// sees which addresses share a subnet. Self-assigned 169.254/16 ones read `ll4-…`:
    /// "no DHCP answer" stays visible.
    fn ip4_token(&mut self, a: Ipv4Addr) -> String {
        let o = a.octets();
        let t = self.assign(TokenKind::Ip4, &a.to_string(), |r| {
            let next = r.nets4.len() + 1;
            let net = *r.nets4.entry([o[0], o[1], o[2]]).or_insert(next);
            let prefix = if a.is_link_local() { "ll4" } else { "net4" };
            format!("{prefix}-{net}.{}", o[3])
        });
        self.record(TokenKind::Ip4, a.to_string(), &t);
        t
    }

    /// `net6-<network>::h<host>`: one network number per /64, hosts numbered within it.
    fn ip6_token(&mut self, a: Ipv6Addr) -> String {
        let seg = a.segments();
        let t = self.assign(TokenKind::Ip6, &a.to_string(), |r| {
            let key = [seg[0], seg[1], seg[2], seg[3]];
            let next = r.nets6.len() + 1;
            let net = *r.nets6.entry(key).or_insert(next);
            let host = r.hosts_in_net6.entry(key).or_insert(0);
            *host += 1;
            let prefix = if seg[0] & 0xffc0 == 0xfe80 { "ll6" } else { "net6" };
            format!("{prefix}-{net}::h{host}")
        });
        self.record(TokenKind::Ip6, a.to_string(), &t);
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::PLANTED_SECRETS;

    const FIXTURES: [&str; 3] = [
        include_str!("../../tests/fixtures/secrets/wpa_supplicant.conf"),
        include_str!("../../tests/fixtures/secrets/http_exchange.txt"),
        include_str!("../../tests/fixtures/secrets/nmcli_secrets.txt"),
    ];

    /// Tests name their users: the environment's (a CI runner's) must not change the outcome.
    fn redactor(privacy: Privacy, hostname: &str) -> Redactor {
        Redactor::with_names(privacy, hostname, &[])
    }

    fn strict() -> Redactor {
        redactor(Privacy::Strict, "desk42.corp.example").with_user("jdoe")
    }

    #[test]
    fn standard_scrubs_every_planted_secret_and_keeps_the_rest() {
        for mut r in [redactor(Privacy::Standard, "desk42"), strict()] {
            let all: String = FIXTURES.iter().map(|f| r.text(f)).collect();
            for secret in PLANTED_SECRETS {
                assert!(!all.contains(secret), "{secret} survived:\n{all}");
            }
            for kept in [
                "ssid=\"OfficeWiFi\"",
                "key_mgmt=WPA-PSK",
                "Host: intranet.corp.example",
                "HTTP/1.1 200 OK",
                "ctrl_interface=/run/wpa_supplicant",
                "GET /api/v1/status HTTP/1.1",
            ] {
                assert!(all.contains(kept), "{kept} was lost:\n{all}");
            }
        }
    }

    #[test]
    fn json_secret_keys_are_replaced_whole_and_keys_are_redacted() {
        let mut v = serde_json::json!({
            "psk": "abc", "nested": [{"api_key": 5, "note": "password=xyz", "has_password": true}],
            "ssid": "Office", "192.168.1.9": {"mac": "aa:bb:cc:dd:ee:01"}
        });
        let mut r = redactor(Privacy::Strict, "h");
        r.json(&mut v);
        assert_eq!(v["psk"], REDACTED);
        assert_eq!(v["nested"][0]["api_key"], REDACTED);
        assert_eq!(v["nested"][0]["note"], "password=[REDACTED]");
        assert_eq!(v["nested"][0]["has_password"], true);
        assert_eq!(v["ssid"], "Office");
        assert_eq!(v["net4-1.9"]["mac"], "mac-1");
    }

    #[test]
    fn strict_tokens_keep_subnets_and_are_stable() {
        let mut r = strict();
        let out = r.text(
            "desk42 at 192.168.1.23 gw 192.168.1.1 dns 10.0.5.9 mac AA:BB:CC:DD:EE:FF v6 2001:db8:1:2::17 \
             and 2001:db8:1:2::99, other 2001:db8:1:3::17",
        );
        assert_eq!(
            out,
            "host-1 at net4-1.23 gw net4-1.1 dns net4-2.9 mac mac-1 v6 net6-1::h1 and net6-1::h2, other net6-2::h1"
        );
        // Same input, same token, whatever the case or spelling.
        assert_eq!(
            r.text("again 192.168.1.23 DESK42.corp.example aa-bb-cc-dd-ee-ff 2001:DB8:1:2:0:0:0:17"),
            "again net4-1.23 host-1 mac-1 net6-1::h1"
        );
        let map = r.mapping();
        let has = |o: &str, t: &str, k: TokenKind| map.iter().any(|x| x.original == o && x.token == t && x.kind == k);
        assert!(has("192.168.1.23", "net4-1.23", TokenKind::Ip4));
        assert!(has("desk42", "host-1", TokenKind::Host));
        assert!(has("desk42.corp.example", "host-1", TokenKind::Host));
        assert!(has("aa:bb:cc:dd:ee:ff", "mac-1", TokenKind::Mac));
        assert!(has("2001:db8:1:2::17", "net6-1::h1", TokenKind::Ip6));
        let json = serde_json::to_value(r.token_map(Some("b.zip".into()))).unwrap();
        assert_eq!(json["profile"], "strict");
        assert_eq!(json["tokens"][0]["kind"], "host");
    }

    #[test]
    fn strict_keeps_what_identifies_no_one() {
        let mut r = strict();
        for text in [
            "lo 127.0.0.1 ::1 any 0.0.0.0 :: mask 255.255.255.0 bcast 255.255.255.255 mdns 224.0.0.251 ff02::fb",
            "kernel 6.1.0-18-amd64, egui 0.37.0, build 10.0.19045.3803, oid 1.3.6.1.2.1.25.3.2",
            "v1.2.3.4 at 2026-11-23T22:53:07Z took 12:34:56.789; Outcome::Completed std::io::Error",
            "mac 00:00:00:00:00:00 and ff:ff:ff:ff:ff:ff, mcast 01:00:5e:00:00:fb",
            "deskcheck-desk42x, HTTP/1.1, net.dns.resolve, WPA-PSK, jdoes",
        ] {
            assert_eq!(r.text(text), text);
        }
        assert!(r.mapping().is_empty(), "{:?}", r.mapping());
    }

    #[test]
    fn strict_finds_addresses_in_their_usual_surroundings() {
        let mut r = strict();
        let out = r.text(
            "inet 192.168.1.23/24 brd 192.168.1.255; [2001:db8::5]:443 fe80::1%eth0 addr:fe80::2 ipv6:2001:db8::6. \
             ip=10.1.2.3, 10.1.2.3:53 (10.1.2.4) ::ffff:10.9.9.9 range 10.1.2.5-10.1.2.6 169.254.7.8 \
             cisco aabb.ccdd.eeff",
        );
        for original in ["192.168", "2001:db8", "fe80", "10.1.2", "10.9.9.9", "169.254", "aabb"] {
            assert!(!out.contains(original), "{original} left in: {out}");
        }
        assert!(out.contains("inet net4-1.23/24 brd net4-1.255;"), "{out}");
        assert!(out.contains("ll6-") && out.contains("%eth0") && out.contains("]:443"), "{out}");
        assert!(out.contains("ll4-"), "{out}");
    }

    #[test]
    fn strict_replaces_users_from_environment_and_home_paths() {
        let mut r = strict();
        let text = "jdoe opened /home/alice/x and C:\\Users\\Bob.Smith\\AppData, \"C:\\\\Users\\\\carol\\\\x\", \
                    /Users/dave/Library; /Users/Shared stays; http://site/home/index.html stays";
        r.learn(text);
        let out = r.text(text);
        for name in ["jdoe", "alice", "Bob.Smith", "carol", "dave"] {
            assert!(!out.contains(name), "{name} left in: {out}");
        }
        assert!(out.contains("user-1 opened /home/user-2/x"), "{out}");
        assert!(out.contains("/Users/Shared stays") && out.contains("/home/index.html stays"), "{out}");
        // A name learned later is replaced everywhere from then on.
        assert!(r.text("ALICE logged in").starts_with("user-2 "));
    }

    #[test]
    fn standard_leaves_names_and_addresses() {
        let mut r = redactor(Privacy::Standard, "desk42").with_user("jdoe");
        let text = "desk42 jdoe 192.168.1.23 aa:bb:cc:dd:ee:ff 2001:db8::1 /home/alice";
        r.learn(text);
        assert_eq!(r.text(text), text);
        assert!(r.mapping().is_empty());
    }

    #[test]
    fn report_redaction_covers_every_text_field_and_keeps_the_structure() {
        let report = crate::bundle::tests::hand_report();
        let mut r = redactor(Privacy::Strict, &report.host.hostname);
        r.learn_report(&report);
        let out = r.report(&report);
        let json = serde_json::to_string(&out).unwrap();
        for leak in ["desk42", "10.20.30.40", "de:ad:be:ef:00:01", "hunter2", "alice"] {
            assert!(!json.contains(leak), "{leak} left in {json}");
        }
        let attachment = String::from_utf8(out.runs[0].attachments[0].bytes.clone()).unwrap();
        assert!(!attachment.contains("hunter2") && !attachment.contains("10.20.30.40"), "{attachment}");
        assert_eq!(out.runs[0].attachments[0].size, attachment.len() as u64);
        assert_eq!(out.runs[0].attachments[1].bytes, report.runs[0].attachments[1].bytes, "binary kept");
        assert_eq!(out.privacy, "strict");
        // Same shape: ids, severities, categories, outcomes unchanged.
        assert_eq!(out.runs.len(), report.runs.len());
        for (a, b) in out.runs.iter().zip(&report.runs) {
            assert_eq!((&a.id, a.category, a.severity()), (&b.id, b.category, b.severity()));
        }
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.runs.len(), report.runs.len());
    }
}
