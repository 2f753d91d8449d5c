//! Redaction over every text the bundle carries: report strings, structured data, the
//! log, text attachments and attachment file names. `standard` scrubs secrets (see
//! `secrets`). `strict` also replaces, with tokens that are stable within a bundle: the
//! machine's host name, names under the LAN's DNS domain and the domain itself, user names
//! (environment, home folders, print-job owners), IPv4/IPv6 addresses (keeping subnet
//! structure), MACs in every notation (in interface names too), serial numbers (EDID, USB)
//! and print-job titles; it zeroes the serials in binary EDID copies. The `Redactor`
//! remembers the tokens so the mapping can be saved beside the bundle, never in it.

mod addresses;
mod edid;
mod names;
mod secrets;

use std::collections::{HashMap, HashSet};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use self::addresses::{Address, addresses_in, canonical_mac};
use self::names::{Learned, learn_json, learn_text};
use self::secrets::url_passwords;
pub use self::secrets::{is_secret_key, scrub_secrets};
use super::Privacy;
use crate::i18n::{Msg, MsgArg, MsgPart};
use crate::model::{
    Attachment, CheckRun, ChecklistEnd, ChecklistTranscript, Evidence, Finding, HostInfo, Outcome, Report,
    TechnicianNotes, ToolReport, TranscriptEntry, Verdict,
};

pub const REDACTED: &str = "[REDACTED]";

/// Home-folder names that name no one: never tokenized (they would mangle ordinary words).
const GENERIC_USERS: &[&str] = &[
    "root",
    "admin",
    "administrator",
    "user",
    "users",
    "guest",
    "shared",
    "public",
    "default",
    "all",
    "nobody",
    "cdrom",
    "usb",
    "floppy",
];

/// Top-level names of private networks: `printer.local`, `nas.lan`, `fs1.internal` are LAN names.
const PRIVATE_TLDS: &[&str] = &["local", "lan", "internal", "localdomain", "intranet", "home.arpa", "corp"];

/// Domains that say nothing about a site (and would tokenise ordinary names).
const GENERIC_DOMAINS: &[&str] = &["localdomain", "local", "home.arpa", "in-addr.arpa", "ip6.arpa", "lan", "home"];

// Runs that may be an IPv6 address in a file name with its colons turned into `_` (`fe80__1`).
static UNDERSCORED_RUN: LazyLock<Regex> = LazyLock::new(|| regex(r"[0-9A-Fa-f_]{5,}"));

/// Every string in a JSON tree, keys included.
fn strings_in<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    use serde_json::Value;
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings_in(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k);
                strings_in(v, out);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

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
    /// The LAN's DNS domain (`office.lan` → `domain-1`).
    Domain,
    /// EDID and USB serial numbers.
    Serial,
    /// Print-job titles.
    Title,
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
    /// Lower-case DNS domains of the LAN, longest first.
    domains: Vec<String>,
    /// Lower-case serials and job titles, replaced wherever they appear.
    literals: HashMap<String, TokenKind>,
    /// Passwords seen in URLs (both profiles): attachment names made from a URI carry them
    /// mangled, where no rule can see them.
    url_secrets: Vec<String>,
    /// Host, user, domain and literal names as one pattern; rebuilt when a name is learned.
    names: Option<Regex>,
    assigned: HashMap<(TokenKind, String), String>,
    counters: HashMap<TokenKind, usize>,
    nets4: HashMap<[u8; 3], usize>,
    /// Self-assigned (169.254/16) IPv4 addresses handed out so far: one subnet, hosts numbered.
    hosts_ll4: usize,
    nets6: HashMap<[u16; 4], usize>,
    hosts_in_net6: HashMap<[u16; 4], usize>,
    mapping: Vec<Token>,
    /// Address tokens handed out: they are addresses themselves, so a text that already
    /// carries one (a file name redacted whole, then piece by piece) must keep it.
    produced: HashSet<String>,
    recorded: HashSet<(TokenKind, String)>,
}

impl Redactor {
    /// `hostname` is this machine's name; the current user comes from USER/USERNAME/LOGNAME,
    /// the real one under sudo from SUDO_USER, more users from HOME and from home-folder
    /// paths (`learn`).
    pub fn new(privacy: Privacy, hostname: &str) -> Self {
        let users: Vec<String> =
            ["USER", "USERNAME", "LOGNAME", "SUDO_USER"].iter().filter_map(|v| std::env::var(v).ok()).collect();
        let mut r = Self::with_names(privacy, hostname, &users);
        if let Ok(home) = std::env::var("HOME") {
            r.learn(&home);
        }
        r
    }

    /// Like `new`, with the user names given instead of read from the environment.
    pub fn with_names(privacy: Privacy, hostname: &str, users: &[String]) -> Self {
        let mut r = Self {
            privacy,
            hosts: Vec::new(),
            users: Vec::new(),
            domains: Vec::new(),
            literals: HashMap::new(),
            url_secrets: Vec::new(),
            names: None,
            assigned: HashMap::new(),
            counters: HashMap::new(),
            nets4: HashMap::new(),
            hosts_ll4: 0,
            nets6: HashMap::new(),
            hosts_in_net6: HashMap::new(),
            produced: HashSet::new(),
            mapping: Vec::new(),
            recorded: HashSet::new(),
        };
        let host = hostname.trim().trim_end_matches('.').to_lowercase();
        let short = host.split('.').next().unwrap_or_default().to_string();
        if short.len() >= 2 && !matches!(short.as_str(), "localhost" | "unknown" | "computer") {
            r.hosts.push(short.clone());
        }
        // The machine's own domain is the LAN's too: "desk42.corp.example" → corp.example.
        if let Some(domain) = host.strip_prefix(&short).and_then(|d| d.strip_prefix('.')) {
            r.add_domain(domain);
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

    fn add_domain(&mut self, domain: &str) {
        let d = domain.trim().trim_matches('.').to_lowercase();
        let valid = d.len() >= 2
            && d.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
            && !d.split('.').any(str::is_empty);
        if valid && !GENERIC_DOMAINS.contains(&d.as_str()) && !self.domains.contains(&d) {
            self.domains.push(d);
            // Longest first: "branch.office.lan" must win over "office.lan".
            self.domains.sort_by_key(|d| std::cmp::Reverse(d.len()));
            self.names = None;
        }
    }

    fn add_literal(&mut self, value: &str, kind: TokenKind) {
        let v = value.trim().to_lowercase();
        // Short values ("0", "1", "A") would eat digits and letters everywhere.
        if v.chars().count() >= 4 && !v.chars().all(|c| c == '0') && !self.literals.contains_key(&v) {
            self.literals.insert(v, kind);
            self.names = None;
        }
    }

    fn learned(&mut self, found: Vec<Learned>) {
        for l in found {
            match l {
                Learned::User(u) => self.add_user(&u),
                Learned::Domain(d) => self.add_domain(&d),
                Learned::Serial(v) => self.add_literal(&v, TokenKind::Serial),
                Learned::Title(v) => self.add_literal(&v, TokenKind::Title),
            }
        }
    }

    /// Collect user names, LAN domains, serials and print-job titles from `text` (strict
    /// only). Call this on everything before redacting anything, so a name first seen in
    /// the log is also replaced in the report.
    pub fn learn(&mut self, text: &str) {
        if self.privacy != Privacy::Strict {
            return;
        }
        let mut found = Vec::new();
        learn_text(text, &mut found);
        self.learned(found);
    }

    /// `learn` over every string of a report (by pattern, and by key in its structured
    /// data) and its text attachments. Both profiles learn the passwords of URLs.
    pub fn learn_report(&mut self, report: &Report) {
        if let Ok(value) = serde_json::to_value(report) {
            let mut texts = Vec::new();
            strings_in(&value, &mut texts);
            let attachments = report.runs.iter().flat_map(|r| &r.attachments).filter(|a| a.is_text);
            let attachments: Vec<String> =
                attachments.map(|a| String::from_utf8_lossy(&a.bytes).into_owned()).collect();
            for text in texts.into_iter().chain(attachments.iter().map(String::as_str)) {
                for pw in url_passwords(text) {
                    if pw.len() >= 3 && !self.url_secrets.contains(&pw) {
                        self.url_secrets.push(pw);
                    }
                }
            }
        }
        if self.privacy != Privacy::Strict {
            return;
        }
        if let Ok(value) = serde_json::to_value(report) {
            let mut found = Vec::new();
            learn_json(&value, &mut found);
            self.learned(found);
            if let Ok(json) = serde_json::to_string(&value) {
                self.learn(&json);
            }
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
                    } else if let Some(mac) = self.bare_mac_under(&key, &v) {
                        v = Value::String(self.mac_token(mac).replace(':', ""));
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

    /// A MAC written as 12 bare hex digits under a key that says it is one (`"mac": "3c22fb123456"`).
    fn bare_mac_under(&self, key: &str, value: &serde_json::Value) -> Option<String> {
        if self.privacy != Privacy::Strict {
            return None;
        }
        let k = key.to_ascii_lowercase();
        let s = value.as_str()?;
        let is_mac_key = ["mac", "hwaddr", "bssid", "ether", "hardware_address"].iter().any(|m| k.contains(m));
        (is_mac_key && s.len() == 12 && s.chars().all(|c| c.is_ascii_hexdigit())).then(|| canonical_mac(s))
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
            readout_code,
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
            // Statuses and check numbers only: nothing in it names the user or the site.
            readout_code: readout_code.clone(),
            runs: runs.iter().map(|run| self.run(run)).collect(),
            checklists: checklists.iter().map(|c| self.checklist(c)).collect(),
        }
    }

    /// Answers are the user's words (a typed panel message may hold anything); step ids
    /// and kinds are ours and stay.
    fn checklist(&mut self, c: &ChecklistTranscript) -> ChecklistTranscript {
        let ChecklistTranscript { id, title, lang, area, source, started_at, finished_at, end, entries } = c;
        let ChecklistEnd { kind, step, text } = end;
        ChecklistTranscript {
            id: id.clone(),
            title: self.text(title),
            lang: *lang,
            area: *area,
            source: self.text(source),
            started_at: *started_at,
            finished_at: *finished_at,
            end: ChecklistEnd { kind: *kind, step: step.clone(), text: self.text(text) },
            entries: entries
                .iter()
                .map(|e| {
                    let TranscriptEntry { at, step, kind, question, answer, key, check, tool, retracted } = e;
                    TranscriptEntry {
                        at: *at,
                        step: step.clone(),
                        kind: kind.clone(),
                        question: self.text(question),
                        answer: self.text(answer),
                        key: key.clone(),
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
        let Verdict { layer, severity, headline, technician, next_step, msg } = v;
        Verdict {
            layer: self.text(layer),
            severity: *severity,
            headline: self.text(headline),
            technician: technician.as_deref().map(|t| self.text(t)),
            next_step: next_step.as_deref().map(|t| self.text(t)),
            msg: msg.as_ref().map(|m| self.msg(m)),
        }
    }

    /// A message keeps its id; its text arguments (names, addresses) are redacted like text.
    fn msg(&mut self, m: &Msg) -> Msg {
        let Msg { id, args } = m;
        Msg { id: id.clone(), args: args.iter().map(|(name, value)| (name.clone(), self.msg_arg(value))).collect() }
    }

    /// Quoted messages and lists are redacted all the way down.
    fn msg_arg(&mut self, value: &MsgArg) -> MsgArg {
        match value {
            MsgArg::Str(s) => MsgArg::Str(self.text(s)),
            MsgArg::Int(n) => MsgArg::Int(*n),
            MsgArg::Part(part) => {
                let MsgPart { msg, attr, case } = part.as_ref();
                MsgArg::Part(Box::new(MsgPart { msg: self.msg(msg), attr: attr.clone(), case: *case }))
            }
            MsgArg::List { items, sep } => {
                MsgArg::List { items: items.iter().map(|i| self.msg_arg(i)).collect(), sep: sep.clone() }
            }
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
                Outcome::Skipped { reason, msg } => {
                    Outcome::Skipped { reason: self.text(reason), msg: msg.as_ref().map(|m| self.msg(m)) }
                }
                Outcome::TimedOut { after_ms } => Outcome::TimedOut { after_ms: *after_ms },
                Outcome::Errored { message } => Outcome::Errored { message: self.text(message) },
                Outcome::Unsupported { reason, msg } => {
                    Outcome::Unsupported { reason: self.text(reason), msg: msg.as_ref().map(|m| self.msg(m)) }
                }
            },
            findings: findings.iter().map(|f| self.finding(f)).collect(),
            started_at: *started_at,
            duration_ms: *duration_ms,
            data,
            attachments: attachments.iter().map(|a| self.attachment(a)).collect(),
        }
    }

    fn finding(&mut self, f: &Finding) -> Finding {
        let Finding { severity, title, summary, detail, evidence, next_step, msg } = f;
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
            msg: msg.as_ref().map(|m| self.msg(m)),
        }
    }

    /// Text attachments are redacted like any text; binary ones stay as they are, except
    /// that strict privacy zeroes the serial numbers in EDID copies (binary and hex dumps).
    fn attachment(&mut self, a: &Attachment) -> Attachment {
        let Attachment { name, size: _, is_text, bytes } = a;
        let strict = self.privacy == Privacy::Strict;
        let bytes = if *is_text {
            let text = String::from_utf8_lossy(bytes);
            let text = if strict { edid::zero_serials_in_hex_dumps(&text) } else { text.into_owned() };
            self.text(&text).into_bytes()
        } else if strict {
            edid::zero_serials(bytes).unwrap_or_else(|| bytes.clone())
        } else {
            bytes.clone()
        };
        Attachment { name: self.file_name(name), size: bytes.len() as u64, is_text: *is_text, bytes }
    }

    /// An attachment's file name. Names made from URIs glue their parts with `_`
    /// (`ipp___192.168.50.20_631_ipp_print.txt`), which hides addresses from the text rules:
    /// under strict privacy each `_`-separated piece is redacted on its own, and IPv6
    /// addresses whose colons became `_` are found first.
    pub fn file_name(&mut self, name: &str) -> String {
        let name = &self.without_url_secrets(name);
        if self.privacy != Privacy::Strict {
            return self.text(name);
        }
        let mut out = String::with_capacity(name.len());
        let mut copied = 0;
        for m in UNDERSCORED_RUN.find_iter(name) {
            let run = m.as_str();
            let trimmed = run.trim_start_matches('_');
            let start = m.start() + (run.len() - trimmed.len());
            let trimmed = trimmed.trim_end_matches('_');
            let looks_v6 = trimmed.contains("__") || trimmed.matches('_').count() == 7;
            if let Ok(a) = trimmed.replace('_', ":").parse::<Ipv6Addr>()
                && looks_v6
                && Address::Ip6(a).identifies()
            {
                out.push_str(&self.underscored(&name[copied..start]));
                out.push_str(&self.ip6_token(a));
                copied = start + trimmed.len();
            }
        }
        out.push_str(&self.underscored(&name[copied..]));
        out
    }

    /// `name` without any URL password learned from the report, as written or as a file
    /// name mangles it (every character outside `[A-Za-z0-9.-]` turned into `_`).
    fn without_url_secrets(&self, name: &str) -> String {
        let mut out = name.to_string();
        for pw in &self.url_secrets {
            let mangled: String =
                pw.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') { c } else { '_' }).collect();
            for form in [pw.as_str(), mangled.as_str()] {
                out = out.replace(form, REDACTED);
            }
        }
        out
    }

    /// Two passes: the whole name first (an FQDN or a title with no `_` in it), then each
    /// `_`-separated piece of the result (tokens are left as they are by a second pass).
    fn underscored(&mut self, name: &str) -> String {
        let whole = self.text(name);
        whole.split('_').map(|piece| self.text(piece)).collect::<Vec<_>>().join("_")
    }

    /// Builds the names pattern after names were learned. Used by reference, never cloned:
    /// a clone starts with an empty match cache, and this pattern's cache is costly to fill.
    fn build_names(&mut self) {
        if self.names.is_none() {
            // A literal is a whole word where it starts or ends with a word character.
            let literal = |text: &str| {
                let starts = text.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
                let ends = text.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
                format!("{}{}{}", if starts { r"\b" } else { "" }, regex::escape(text), if ends { r"\b" } else { "" })
            };
            let mut alternatives: Vec<(usize, String)> = self
                .hosts
                .iter()
                // A host name also stands for every FQDN that starts with it.
                .map(|h| (h.len(), format!(r"\b{}(?:\.[a-z0-9-]+)*\b", regex::escape(h))))
                .chain(self.users.iter().chain(self.literals.keys()).map(|u| (u.len(), literal(u))))
                // A domain alone only when it has a dot ("lan" is a word).
                .chain(self.domains.iter().filter(|d| d.contains('.')).map(|d| (d.len(), literal(d))))
                .collect();
            // Longest first: alternation takes the first that matches, and "bob-laptop" must beat "bob".
            alternatives.sort_by_key(|a| std::cmp::Reverse(a.0));
            // Every name under a LAN domain or a private top-level domain, in one alternative
            // (one copy of the Unicode label class keeps the pattern small), tried first: at
            // the same start the whole FQDN beats a user or host name that begins it.
            let mut suffixes: Vec<String> = self
                .domains
                .iter()
                .map(String::as_str)
                .chain(PRIVATE_TLDS.iter().copied())
                .map(regex::escape)
                .collect();
            suffixes.sort_by_key(|d| std::cmp::Reverse(d.len()));
            let label = r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?";
            let fqdn = format!(r"\b(?:{label}\.)+(?:{})\b", suffixes.join("|"));
            let joined: Vec<String> = std::iter::once(fqdn).chain(alternatives.into_iter().map(|(_, a)| a)).collect();
            let built = regex::RegexBuilder::new(&format!(r"(?i)(?:{})", joined.join("|")))
                // Hundreds of learned names must still compile: the default limit is sized for hand-written patterns.
                .size_limit(256 << 20)
                .build();
            match built {
                Ok(re) => self.names = Some(re),
                // Escaped literals always compile unless there are absurdly many; say so, never fail silently.
                Err(err) => tracing::warn!("strict privacy cannot match host and user names: {err}"),
            }
        }
    }

    fn tokenize(&mut self, s: &str) -> String {
        let mut spans: Vec<(usize, usize, Found)> = Vec::new();
        self.build_names();
        if let Some(names) = &self.names {
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
                Found::Address(ref a) if self.produced.contains(&address_text(a)) => continue,
                Found::Name => self.name_token(original),
                Found::Address(Address::Mac(mac)) => {
                    let token = self.mac_token(mac);
                    // Written as it was: bare hex digits (in `enx3c22fb123456`) stay bare.
                    if original.len() == 12 { token.replace(':', "") } else { token }
                }
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
        if matches!(kind, TokenKind::Ip4 | TokenKind::Ip6 | TokenKind::Mac) {
            self.produced.insert(t.clone());
        }
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
        if let Some(&kind) = self.literals.get(&lower) {
            let word = if kind == TokenKind::Serial { "serial" } else { "title" };
            let t = self.assign(kind, &lower, |r| format!("{word}-{}", r.next(kind)));
            self.record(kind, original.trim().to_string(), &t);
            return t;
        }
        // A name under the LAN's domain: `router.office.lan` → `host-2.domain-1`.
        let domain = self.domains.iter().find(|d| lower == **d || lower.ends_with(&format!(".{d}"))).cloned();
        if let Some(d) = domain {
            let dt = self.assign(TokenKind::Domain, &d, |r| format!("domain-{}", r.next(TokenKind::Domain)));
            self.record(TokenKind::Domain, d.clone(), &dt);
            if lower == d {
                return dt;
            }
            let host = lower[..lower.len() - d.len() - 1].to_string();
            let ht = self.host_token(&host, &lower);
            return format!("{ht}.{dt}");
        }
        // A name under a private top-level domain keeps it: `printer.local` → `host-3.local`.
        if let Some(tld) = PRIVATE_TLDS.iter().find(|t| lower.ends_with(&format!(".{t}"))) {
            let host = lower[..lower.len() - tld.len() - 1].to_string();
            let ht = self.host_token(&host, &lower);
            return format!("{ht}.{tld}");
        }
        // Otherwise the pattern matched this machine's name or an FQDN that starts with it.
        let host = lower.split('.').next().unwrap_or_default().to_string();
        self.host_token(&host, &lower)
    }

    fn host_token(&mut self, host: &str, original: &str) -> String {
        let t = self.assign(TokenKind::Host, host, |r| format!("host-{}", r.next(TokenKind::Host)));
        self.record(TokenKind::Host, original.to_string(), &t);
        t
    }

    /// A locally administered unicast MAC, `02:dc:` and the MAC's number: still a MAC
    /// wherever the data wants one, and never a vendor's.
    fn mac_token(&mut self, mac: String) -> String {
        let t = self.assign(TokenKind::Mac, &mac, |r| {
            let n = r.next(TokenKind::Mac) as u32;
            let [_, b, c, d] = n.to_be_bytes();
            let hi = (n >> 24) as u8;
            format!("02:dc:{hi:02x}:{b:02x}:{c:02x}:{d:02x}")
        });
        self.record(TokenKind::Mac, mac, &t);
        t
    }

    /// An IPv4 address again, so typed data still reads: `240.<network>.<last octet>`, one
    /// network number per /24 in the reserved 240/4 block (never a real host), so a
    /// technician still sees which addresses share a subnet and which is `.1`. Self-assigned
    /// 169.254/16 ones stay self-assigned (`169.254.0.1`, `169.254.0.2`…): "no DHCP answer"
    /// stays visible.
    fn ip4_token(&mut self, a: Ipv4Addr) -> String {
        let o = a.octets();
        let t = self.assign(TokenKind::Ip4, &a.to_string(), |r| {
            if a.is_link_local() {
                r.hosts_ll4 += 1;
                // Hosts 1..=254 in each /24 of the block; 65024 of them before it wraps.
                let n = r.hosts_ll4 - 1;
                return format!("169.254.{}.{}", (n / 254) % 256, n % 254 + 1);
            }
            let next = r.nets4.len() + 1;
            let net = *r.nets4.entry([o[0], o[1], o[2]]).or_insert(next);
            // 240.0.0.0/4 has 2^20 networks of 256: more than any report names.
            let net = net & 0xf_ffff;
            format!("{}.{}.{}.{}", 240 | (net >> 16), (net >> 8) & 0xff, net & 0xff, o[3])
        });
        self.record(TokenKind::Ip4, a.to_string(), &t);
        t
    }

    /// An IPv6 address again: `2001:db8:<network>::<host>` (the documentation prefix), one
    /// network number per /64, hosts numbered within it; link-local ones stay link-local
    /// (`fe80::<host>`).
    fn ip6_token(&mut self, a: Ipv6Addr) -> String {
        let seg = a.segments();
        let t = self.assign(TokenKind::Ip6, &a.to_string(), |r| {
            let key = [seg[0], seg[1], seg[2], seg[3]];
            let next = r.nets6.len() + 1;
            let net = *r.nets6.entry(key).or_insert(next);
            let host = r.hosts_in_net6.entry(key).or_insert(0);
            *host += 1;
            let host = *host as u64;
            let iid = [(host >> 48) as u16, (host >> 32) as u16, (host >> 16) as u16, host as u16];
            let token = if seg[0] & 0xffc0 == 0xfe80 {
                Ipv6Addr::new(0xfe80, 0, 0, 0, iid[0], iid[1], iid[2], iid[3])
            } else {
                let net = net as u32;
                Ipv6Addr::new(0x2001, 0xdb8, (net >> 16) as u16, net as u16, iid[0], iid[1], iid[2], iid[3])
            };
            token.to_string()
        });
        self.record(TokenKind::Ip6, a.to_string(), &t);
        t
    }
}

/// An address as its token is written (canonical form), to tell a token already in place.
fn address_text(a: &Address) -> String {
    match a {
        Address::Mac(mac) => mac.clone(),
        Address::Ip4(a) => a.to_string(),
        Address::Ip6(a) => a.to_string(),
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
            // Under strict privacy the LAN's names go (the host name desk42.corp.example names the domain).
            let host =
                if r.privacy() == Privacy::Strict { "Host: host-1.domain-1" } else { "Host: intranet.corp.example" };
            for kept in [
                "ssid=\"OfficeWiFi\"",
                "key_mgmt=WPA-PSK",
                host,
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
        assert_eq!(v["240.0.1.9"]["mac"], "02:dc:00:00:00:01");
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
            "host-1 at 240.0.1.23 gw 240.0.1.1 dns 240.0.2.9 mac 02:dc:00:00:00:01 v6 2001:db8:0:1::1 and \
             2001:db8:0:1::2, other 2001:db8:0:2::1"
        );
        // Same input, same token, whatever the case or spelling.
        assert_eq!(
            r.text("again 192.168.1.23 DESK42.corp.example aa-bb-cc-dd-ee-ff 2001:DB8:1:2:0:0:0:17"),
            "again 240.0.1.23 host-1.domain-1 02:dc:00:00:00:01 2001:db8:0:1::1"
        );
        // A token is left as it is when the text passes again (file names are redacted twice).
        assert_eq!(
            r.text("240.0.1.23 02:dc:00:00:00:01 2001:db8:0:1::1"),
            "240.0.1.23 02:dc:00:00:00:01 2001:db8:0:1::1"
        );
        let map = r.mapping();
        let has = |o: &str, t: &str, k: TokenKind| map.iter().any(|x| x.original == o && x.token == t && x.kind == k);
        assert!(has("192.168.1.23", "240.0.1.23", TokenKind::Ip4));
        assert!(has("desk42", "host-1", TokenKind::Host));
        assert!(has("desk42.corp.example", "host-1", TokenKind::Host));
        assert!(has("aa:bb:cc:dd:ee:ff", "02:dc:00:00:00:01", TokenKind::Mac));
        assert!(has("2001:db8:1:2::17", "2001:db8:0:1::1", TokenKind::Ip6));
        assert_eq!(map.len(), 10, "a token passing again adds no token: {map:?}");
        let json = serde_json::to_value(r.token_map(Some("b.zip".into()))).unwrap();
        assert_eq!(json["profile"], "strict");
        assert_eq!(json["tokens"][0]["kind"], "host");
    }

    /// Tokens are values of the field's type: typed run data still reads after strict
    /// redaction (IPv4, IPv6, link-local, MACs in fields and inside interface names).
    #[test]
    fn strict_tokens_are_valid_values_of_the_typed_data() {
        use crate::checks::CheckResult;
        use crate::checks::data::read_typed;
        use crate::checks::network::LinkData;
        use crate::model::{Category, CheckData, CheckRun, ListData};
        use crate::net::dhcp::DhcpOffer;
        use crate::net::ping::{PingMethod, PingStats};
        use crate::net::trace::{TraceProtocol, TraceSnapshot};
        use crate::platform::InterfaceInfo;

        let ip = |s: &str| -> std::net::IpAddr { s.parse().unwrap() };
        let iface = InterfaceInfo {
            name: "enx3c22fb123456".into(),
            friendly_name: None,
            kind: "ethernet".into(),
            state: "up".into(),
            is_up: true,
            is_loopback: false,
            mac: Some("3c:22:fb:12:34:56".into()),
            ipv4: vec!["192.168.7.23/24".into(), "169.254.12.34/16".into()],
            ipv6: vec!["fe80::3e22:fbff:fe12:3456/64".into(), "2a02:aa:5::17/64".into()],
            gateway_ipv4: vec![ip("192.168.7.1")],
            gateway_ipv6: vec![ip("fe80::1")],
            dns_servers: vec![ip("192.168.7.1"), ip("2a02:aa:5::53")],
            mtu: Some(1500),
            speed_bps: None,
            is_default: true,
        };
        let offer = DhcpOffer {
            server_id: Some("192.168.7.1".parse().unwrap()),
            source: ip("192.168.7.1"),
            offered: "192.168.7.99".parse().unwrap(),
            subnet_mask: Some("255.255.255.0".parse().unwrap()),
            routers: vec!["192.168.7.1".parse().unwrap()],
            dns_servers: vec!["192.168.7.1".parse().unwrap()],
            domain: Some("office.lan".into()),
            lease_time_secs: Some(3600),
            received_after_ms: 12,
        };
        fn run_of<T: CheckData>(data: T) -> CheckRun {
            let mut run = CheckRun::errored(T::CHECK_ID, Category::Network, "");
            run.outcome = Outcome::Completed;
            run.data = CheckResult::new(Vec::new()).with_data(data).data;
            run
        }
        let mut report = crate::bundle::tests::hand_report();
        report.runs = vec![
            run_of(LinkData { primary: Some(iface.name.clone()), interfaces: vec![iface] }),
            run_of(ListData::new(vec![offer])),
            run_of(PingStats::empty(ip("192.168.7.1"), PingMethod::IcmpUnprivileged, None)),
            run_of(TraceSnapshot::empty(ip("2a02:aa:5::10"), TraceProtocol::Icmp)),
        ];
        let strict = crate::bundle::redact_report(&report, Privacy::Strict);
        let json = serde_json::to_string(&strict.runs).unwrap();
        for original in ["192.168.7", "3c:22:fb", "3c22fb", "fe80::3e22", "2a02:aa", "169.254.12.34", "office.lan"] {
            assert!(!json.contains(original), "{original} left in {json}");
        }
        for run in &strict.runs {
            assert_eq!(read_typed(run).map_err(|e| e.to_string()), Ok(true), "{}: {:#}", run.id, run.data);
        }
        let link = strict.runs[0].data::<LinkData>().unwrap().unwrap();
        let iface = &link.interfaces[0];
        let mac = iface.mac.clone().unwrap();
        assert!(mac.starts_with("02:dc:"), "{mac}");
        let bare = format!("enx{}", mac.replace(':', ""));
        assert_eq!(iface.name, bare, "the name keeps its MAC as bare hex digits");
        assert_eq!(link.primary.as_deref(), Some(bare.as_str()));
        // One /24 for the address and its router, the last octets kept; self-assigned stays so.
        let (address, router) = (&iface.ipv4[0], iface.gateway_ipv4[0].to_string());
        assert!(address.starts_with("240.") && address.ends_with(".23/24"), "{address}");
        assert_eq!(address.rsplit_once('.').unwrap().0, router.rsplit_once('.').unwrap().0);
        assert!(router.ends_with(".1"), "{router}");
        assert_eq!(iface.ipv4[1], "169.254.0.1/16");
        assert!(iface.ipv6[0].starts_with("fe80::") && iface.ipv6[1].starts_with("2001:db8:"), "{:?}", iface.ipv6);
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
            "inet 192.168.1.23/24 brd 192.168.1.255; [2001:db8::5]:443 fe80::a1%eth0 addr:fe80::b2 ipv6:2001:db8::6. \
             ip=10.1.2.3, 10.1.2.3:53 (10.1.2.4) ::ffff:10.9.9.9 range 10.1.2.5-10.1.2.6 169.254.7.8 \
             cisco aabb.ccdd.eeff",
        );
        for original in [
            "192.168",
            "2001:db8::5",
            "2001:db8::6",
            "fe80::a1",
            "fe80::b2",
            "10.1.2",
            "10.9.9.9",
            "169.254.7.8",
            "aabb",
        ] {
            assert!(!out.contains(original), "{original} left in: {out}");
        }
        assert!(out.contains("inet 240.0.1.23/24 brd 240.0.1.255;"), "{out}");
        assert!(out.contains("[2001:db8:0:1::1]:443 fe80::1%eth0 addr:fe80::2"), "{out}");
        assert!(!out.contains("10.1.2.3:53") && out.contains("240.0.2.3:53 (240.0.2.4)"), "{out}");
        // Self-assigned stays self-assigned: "no DHCP answer" is still visible.
        assert!(out.contains(" 169.254.0.1 "), "{out}");
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

    /// Every strict-profile item of issue 8, learned from the report and gone from every text.
    #[test]
    fn strict_tokenises_domains_users_macs_serials_and_jobs() {
        use crate::model::{Category, CheckRun};
        let mut report = crate::bundle::tests::hand_report();
        let mut run = CheckRun::errored("printers.status", Category::Printers, "x");
        run.outcome = Outcome::Completed;
        run.data = serde_json::json!({
            "lease": {"domain": "office.lan", "interface": "enx3c22fb123456"},
            "monitors": [{"serial": "X9R5K8864M1E"}],
            "usb": [{"serial": "USBSER0042"}],
            "queues": [{"name": "Office", "jobs": [{"id": 7, "name": "Salaries Q3.pdf", "user": "mallory"}]}],
        });
        run.findings.push(
            Finding::new(crate::model::Severity::Warn, "Stuck job", "Job 7 'Salaries Q3.pdf' by mallory is stuck.")
                .detail(
                    "router.office.lan answered; gw.branch.office.lan too; printer HP-1.local; \
                     /media/erin/USB /run/media/Jürgen/disk /home/CORP/dave/x C:\\Users\\Jürgen\\AppData \
                     enx3c22fb123456 wlx0013eff10203 mac=3c22fb654321; monitor X9R5K8864M1E; usb USBSER0042",
                ),
        );
        run.attachments
            .push(Attachment::text("ipp___192.168.50.20_631_ipp_print.txt", "printer-uri = ipp://192.168.50.20"));
        run.attachments.push(Attachment::text("ipp___fe80__3e22_fbff_fe12_3456_631_ipp_print.txt", "x"));
        report.runs.push(run);
        let mut r = Redactor::with_names(Privacy::Strict, "desk42", &["sudoer".to_string()]);
        r.learn_report(&report);
        let out = r.report(&report);
        let json = serde_json::to_string(&out).unwrap();
        let names: Vec<&str> = out.runs.iter().flat_map(|r| &r.attachments).map(|a| a.name.as_str()).collect();
        for leak in [
            "office.lan",
            "router",
            "branch",
            "HP-1",
            "erin",
            "Jürgen",
            "dave",
            "CORP",
            "3c22fb123456",
            "0013eff10203",
            "3c22fb654321",
            "X9R5K8864M1E",
            "USBSER0042",
            "Salaries",
            "mallory",
            "192.168.50.20",
            "3e22",
        ] {
            assert!(!json.contains(leak), "{leak} left in {json}");
            assert!(names.iter().all(|n| !n.contains(leak)), "{leak} left in {names:?}");
        }
        let detail = out.runs.last().unwrap().findings[0].detail.clone().unwrap();
        assert!(detail.starts_with("host-2.domain-1 answered; host-3.domain-1 too; printer host-4.local;"), "{detail}");
        // A MAC inside an interface name stays bare hex: the name is still a valid name.
        assert!(detail.contains(" enx02dc") && detail.contains(" wlx02dc") && detail.contains(" mac=02dc"), "{detail}");
        assert!(
            detail.contains("/home/user-5/user-6/x")
                && detail.contains("/run/media/user-4/disk")
                && detail.contains("C:\\Users\\user-4\\"),
            "{detail}"
        );
        // The address keeps its token's structure in the name (a port after an IPv6 address
        // with its colons turned into `_` cannot be told apart, and goes with it).
        assert!(
            names.iter().any(|n| n.starts_with("ipp___240.0.") && n.ends_with(".20_631_ipp_print.txt")),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n.starts_with("ipp___fe80::1_")), "{names:?}");
        let kinds: HashSet<TokenKind> = r.mapping().iter().map(|t| t.kind).collect();
        for k in
            [TokenKind::Domain, TokenKind::Serial, TokenKind::Title, TokenKind::User, TokenKind::Mac, TokenKind::Host]
        {
            assert!(kinds.contains(&k), "no {k:?} token: {:?}", r.mapping());
        }
    }

    #[test]
    fn strict_zeroes_edid_serials_in_binary_copies() {
        let dell = include_bytes!("../../tests/fixtures/edid/dell-d3218hn.bin").to_vec();
        let mut report = crate::bundle::tests::hand_report();
        report.runs[0].attachments.push(Attachment::binary("HDMI-1.edid.bin", dell.clone()));
        for (privacy, kept) in [(Privacy::Standard, true), (Privacy::Strict, false)] {
            let out = redactor(privacy, "desk42").report(&report);
            let edid = &out.runs[0].attachments.last().unwrap().bytes;
            assert_eq!(edid == &dell, kept, "{privacy}");
            let parsed = crate::hw::display::edid::parse(edid).unwrap();
            assert_eq!(parsed.serial_label().is_some(), kept, "{privacy}");
        }
    }

    #[test]
    fn url_passwords_leave_attachment_names_in_both_profiles() {
        let mut report = crate::bundle::tests::hand_report();
        report.runs[0].findings[0].summary = "Asked ipp://admin:pa/ss@word@10.0.0.5/ipp/print".into();
        report.runs[0].attachments.push(Attachment::text("ipp___admin_pa_ss_word_10.0.0.5_ipp_print.txt", "x"));
        for privacy in [Privacy::Standard, Privacy::Strict] {
            let mut r = redactor(privacy, "desk42");
            r.learn_report(&report);
            let out = r.report(&report);
            let name = &out.runs[0].attachments.last().unwrap().name;
            assert!(!name.contains("pa_ss_word") && name.starts_with("ipp___admin_[REDACTED]_"), "{privacy}: {name}");
        }
    }

    #[test]
    fn hundreds_of_learned_names_still_compile_and_match() {
        let mut r = strict();
        let text: String =
            (0..400).map(|i| format!("/home/user{i:03}x/\njob-name (name) = Report {i} draft\n")).collect();
        r.learn(&text);
        let out = r.text(&text);
        assert!(!out.contains("user399x") && !out.contains("Report 17 draft"), "{}", &out[..200]);
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

    /// Pieces that start rules, glued at random with arbitrary text: no input may make the
    /// redactor panic (it runs on whatever a check, a user or a printer sends).
    mod fuzz {
        use proptest::prelude::*;

        use super::*;

        const PIECES: &[&str] = &[
            "psk=",
            "password=",
            "Pwd={",
            "net use ",
            "/user:",
            "/u: ",
            "\\\\srv\\s",
            "\"",
            "'",
            "@",
            "://",
            "https://u:",
            "ä",
            "\u{a0}",
            "Basic ",
            "Bearer ",
            "eyJ",
            "-----BEGIN RSA PRIVATE KEY-----",
            ":",
            ";",
            "=",
            "_",
            "__",
            "fe80",
            "192.168.1.",
            "enx",
            "3c22fb123456",
            "/home/",
            "C:\\Users\\",
            "/media/",
            "aws",
            "{",
            "}",
            "\n",
            " ",
            "<password>",
            "</password>",
            "job-name (name) = ",
            "search ",
            "Serial: ",
            "EDID:\n",
            "00ffffffffffff00",
            "x",
        ];

        fn glued() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![proptest::sample::select(PIECES).prop_map(String::from), any::<String>()],
                0..24,
            )
            .prop_map(|parts| parts.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

            #[test]
            fn arbitrary_text_never_panics(text in glued()) {
                let _ = scrub_secrets(&text);
                for privacy in [Privacy::Standard, Privacy::Strict] {
                    let mut r = Redactor::with_names(privacy, "desk42.office.lan", &["jdoe".to_string()]);
                    r.learn(&text);
                    let _ = r.text(&text);
                    let _ = r.file_name(&text);
                }
            }
        }
    }
}
