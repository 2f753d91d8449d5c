//! Redaction over every text the bundle carries. `standard` scrubs secrets; `strict`
//! also replaces host names, user names, IPs (keeping subnet structure) and MACs with
//! stable tokens whose mapping stays outside the bundle.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;

use super::Privacy;

pub const REDACTED: &str = "[REDACTED]";

/// Keys whose values are secrets, in any of `k=v`, `k: v`, `k:v`, `"k": "v"`.
const SECRET_KEY: &str = r"(?:[A-Za-z0-9_.\-]*(?:psk|passw(?:or)?d|passwd|pwd|passphrase|secrets?|token|api[_\-]?key|apikey|auth[_\-]?key|private[_\-]?key|client[_\-]?secret|wep[_\-]?key\d?|credentials?))";

static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    // key, separator, then a quoted value or a bare one up to whitespace/;/,
    Regex::new(&format!(r#"(?i)(?P<key>"?{SECRET_KEY}"?)(?P<sep>\s*[:=]\s*)(?P<val>"[^"\n]*"|'[^'\n]*'|[^\s;,"'\n]+)"#))
        .expect("valid secret key/value regex")
});
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    // Mid-line too: logs fold multi-line captures into one line; to the line's end is the safe side.
    Regex::new(r"(?i)\b(?P<h>(?:proxy-)?authorization\s*:|(?:set-)?cookie\s*:|x-[a-z\-]*(?:token|key|secret)\s*:)(?P<val>[^\r\n]*)")
        .expect("valid header regex")
});
static BEARER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(bearer|basic|digest|negotiate)\s+[A-Za-z0-9._~+/=\-]{6,}").expect("valid bearer regex")
});
static URL_PASSWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?P<pre>[a-z][a-z0-9+.\-]*://[^\s:/@]+:)[^\s@/]+@").expect("valid url regex"));
static IPV4: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9A-Za-z.\-])((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})(?:$|[^0-9A-Za-z.\-]|\.(?:[^0-9]|$))")
        .expect("valid ipv4 regex")
});
static IPV6: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^0-9a-z:])((?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4})(?:$|[^0-9a-z:])").expect("valid ipv6 regex")
});
static MAC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([0-9a-f]{2}(?:[:\-][0-9a-f]{2}){5})\b").expect("valid mac regex"));
static HOME_USER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:/home/|/Users/|\\Users\\)([A-Za-z0-9._\-]+)").expect("valid home regex"));

#[derive(Debug, Clone, Serialize)]
pub struct Token {
    pub original: String,
    pub token: String,
    pub kind: &'static str,
}

/// Redacts text; in strict mode it remembers every token it handed out.
pub struct Redactor {
    privacy: Privacy,
    hosts: Vec<String>,
    users: Vec<String>,
    tokens: BTreeMap<(String, &'static str), String>,
    nets4: BTreeMap<[u8; 3], usize>,
    nets6: BTreeMap<[u16; 4], usize>,
    hosts6: BTreeMap<Ipv6Addr, usize>,
    counters: BTreeMap<&'static str, usize>,
}

impl Redactor {
    /// `hostname` is the machine's name; user names come from the environment and home paths.
    pub fn new(privacy: Privacy, hostname: &str) -> Self {
        let mut users: Vec<String> = ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .filter(|u| u.len() >= 2 && u != "root")
            .collect();
        users.dedup();
        let hosts = if hostname.trim().is_empty() || hostname == "unknown" || hostname == "localhost" {
            Vec::new()
        } else {
            vec![hostname.trim().to_string()]
        };
        Self {
            privacy,
            hosts,
            users,
            tokens: BTreeMap::new(),
            nets4: BTreeMap::new(),
            nets6: BTreeMap::new(),
            hosts6: BTreeMap::new(),
            counters: BTreeMap::new(),
        }
    }

    pub fn privacy(&self) -> Privacy {
        self.privacy
    }

    /// Every token handed out so far (strict mode), for the map file beside the bundle.
    pub fn mapping(&self) -> Vec<Token> {
        self.tokens
            .iter()
            .map(|((original, kind), token)| Token { original: original.clone(), token: token.clone(), kind })
            .collect()
    }

    pub fn text(&mut self, input: &str) -> String {
        let mut s = scrub_secrets(input);
        if self.privacy == Privacy::Strict {
            s = self.tokenize(&s);
        }
        s
    }

    /// Whether a JSON object key names a secret (its whole value is then replaced).
    pub fn is_secret_key(key: &str) -> bool {
        static WHOLE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&format!("(?i)^{SECRET_KEY}$")).expect("valid secret key regex"));
        WHOLE.is_match(key)
    }

    /// Redact every string (and secret-named value) in a JSON tree.
    pub fn json(&mut self, value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => *s = self.text(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| self.json(v)),
            serde_json::Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    if Self::is_secret_key(key) && !v.is_null() {
                        *v = serde_json::Value::String(REDACTED.into());
                    } else {
                        self.json(v);
                    }
                }
            }
            _ => {}
        }
    }

    fn token(&mut self, original: &str, kind: &'static str, make: impl FnOnce(usize) -> String) -> String {
        if let Some(t) = self.tokens.get(&(original.to_string(), kind)) {
            return t.clone();
        }
        let n = self.counters.entry(kind).or_insert(0);
        *n += 1;
        let t = make(*n);
        self.tokens.insert((original.to_string(), kind), t.clone());
        t
    }

    fn tokenize(&mut self, input: &str) -> String {
        let mut s = input.to_string();
        // Users first: home paths reveal names we did not know from the environment.
        for cap in HOME_USER.captures_iter(input) {
            let u = cap[1].to_string();
            if !self.users.contains(&u) && u.len() >= 2 {
                self.users.push(u);
            }
        }
        let users = self.users.clone();
        for u in &users {
            let t = self.token(u, "user", |n| format!("user-{n}"));
            s = replace_word(&s, u, &t);
        }
        let hosts = self.hosts.clone();
        for h in &hosts {
            let t = self.token(h, "host", |n| format!("host-{n}"));
            s = replace_word(&s, h, &t);
        }
        s = MAC
            .replace_all(&s, |c: &Captures| {
                let m = c[1].to_ascii_lowercase().replace('-', ":");
                if m == "00:00:00:00:00:00" || m == "ff:ff:ff:ff:ff:ff" {
                    return c[0].to_string();
                }
                self.token(&m, "mac", |n| format!("mac-{n}"))
            })
            .into_owned();
        s = replace_group(&IPV4, &s, |ip| {
            let addr: Ipv4Addr = ip.parse().ok()?;
            self.ip4(addr)
        });
        s = replace_group(&IPV6, &s, |ip| {
            let addr: Ipv6Addr = ip.parse().ok()?;
            self.ip6(addr)
        });
        s
    }

    /// None keeps the address: loopback, unspecified, netmasks, multicast, broadcast say nothing about a site.
    fn ip4(&mut self, a: Ipv4Addr) -> Option<String> {
        let o = a.octets();
        if a.is_loopback() || a.is_unspecified() || a.is_multicast() || a.is_broadcast() || o[0] == 255 {
            return None;
        }
        let next = self.nets4.len() + 1;
        let net = *self.nets4.entry([o[0], o[1], o[2]]).or_insert(next);
        let token = format!("net4-{net}.{}", o[3]);
        self.tokens.insert((a.to_string(), "ip4"), token.clone());
        Some(token)
    }

    fn ip6(&mut self, a: Ipv6Addr) -> Option<String> {
        if a.is_loopback() || a.is_unspecified() || a.is_multicast() {
            return None;
        }
        let seg = a.segments();
        let next = self.nets6.len() + 1;
        let net = *self.nets6.entry([seg[0], seg[1], seg[2], seg[3]]).or_insert(next);
        let next_host = self.hosts6.len() + 1;
        let host = *self.hosts6.entry(a).or_insert(next_host);
        let token = format!("net6-{net}::h{host}");
        self.tokens.insert((a.to_string(), "ip6"), token.clone());
        Some(token)
    }
}

/// Standard scrubbing: secrets only.
pub fn scrub_secrets(input: &str) -> String {
    let s = HEADER.replace_all(input, |c: &Captures| format!("{} {REDACTED}", &c["h"]));
    let s = URL_PASSWORD.replace_all(&s, |c: &Captures| format!("{}{REDACTED}@", &c["pre"]));
    let s = BEARER.replace_all(&s, |c: &Captures| format!("{} {REDACTED}", &c[1]));
    let s = KEY_VALUE.replace_all(&s, |c: &Captures| {
        let val = &c["val"];
        if val == REDACTED || val.trim_matches(['"', '\'']) == REDACTED {
            return c[0].to_string();
        }
        let quoted = val.starts_with('"') || val.starts_with('\'');
        let q = if quoted { &val[..1] } else { "" };
        format!("{}{}{q}{REDACTED}{q}", &c["key"], &c["sep"])
    });
    s.into_owned()
}

fn replace_word(haystack: &str, word: &str, with: &str) -> String {
    match Regex::new(&format!(r"(?i)\b{}\b", regex::escape(word))) {
        Ok(re) => re.replace_all(haystack, regex::NoExpand(with)).into_owned(),
        Err(_) => haystack.replace(word, with),
    }
}

/// Replace capture group 1 of every match; `f` returns None to keep the original.
fn replace_group(re: &Regex, s: &str, mut f: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut pos = 0;
    while pos <= s.len() {
        let Some(c) = re.captures_at(s, pos) else { break };
        let (Some(whole), Some(g)) = (c.get(0), c.get(1)) else { break };
        if let Some(rep) = f(g.as_str()) {
            out.push_str(&s[last..g.start()]);
            out.push_str(&rep);
            last = g.end();
        }
        // Continue right after the group: the trailing delimiter may start the next match.
        pos = g.end().max(whole.start() + 1);
    }
    out.push_str(&s[last..]);
    out
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

    #[test]
    fn standard_scrubs_every_planted_secret_and_keeps_the_rest() {
        let mut r = Redactor::new(Privacy::Standard, "desk42");
        let all: String = FIXTURES.iter().map(|f| r.text(f)).collect();
        for secret in PLANTED_SECRETS {
            assert!(!all.contains(secret), "{secret} survived:\n{all}");
        }
        for kept in ["ssid=\"OfficeWiFi\"", "key_mgmt=WPA-PSK", "Host: intranet.corp.example", "HTTP/1.1 200 OK"] {
            assert!(all.contains(kept), "{kept} was lost:\n{all}");
        }
    }

    #[test]
    fn secret_shapes() {
        let s = scrub_secrets(
            "password=hunter2 x\n\"token\": \"abc123\"\nAuthorization: Basic dXNlcjpwYXNz\nhttps://bob:pw1@h/",
        );
        assert!(
            !s.contains("hunter2") && !s.contains("abc123") && !s.contains("dXNlcjpwYXNz") && !s.contains("pw1"),
            "{s}"
        );
        assert!(s.contains("https://bob:[REDACTED]@h/"), "{s}");
        // Idempotent.
        assert_eq!(scrub_secrets(&s), s);
    }

    #[test]
    fn strict_tokens_keep_subnets_and_are_stable() {
        let mut r = Redactor::new(Privacy::Strict, "desk42");
        let out = r.text("desk42 at 192.168.1.23 gw 192.168.1.1 dns 10.0.5.9 mac aa:bb:cc:dd:ee:ff v6 2001:db8:1:2::17 lo 127.0.0.1 mask 255.255.255.0 kernel 6.1.0-18-amd64 v0.37.0");
        assert!(out.contains("host-1 at net4-1.23 gw net4-1.1 dns net4-2.9 mac mac-1"), "{out}");
        assert!(out.contains("net6-1::h1"), "{out}");
        assert!(
            out.contains("127.0.0.1")
                && out.contains("255.255.255.0")
                && out.contains("6.1.0-18-amd64")
                && out.contains("0.37.0"),
            "{out}"
        );
        assert_eq!(r.text("again 192.168.1.23 DESK42.corp"), "again net4-1.23 host-1.corp");
        let map = r.mapping();
        assert!(map.iter().any(|t| t.original == "192.168.1.23" && t.token == "net4-1.23"));
        assert!(map.iter().any(|t| t.original == "desk42" && t.kind == "host"));
    }

    #[test]
    fn json_secret_keys_are_replaced_whole() {
        let mut v =
            serde_json::json!({"psk": "abc", "nested": [{"api_key": 5, "note": "password=xyz"}], "ssid": "Office"});
        Redactor::new(Privacy::Standard, "h").json(&mut v);
        assert_eq!(v["psk"], REDACTED);
        assert_eq!(v["nested"][0]["api_key"], REDACTED);
        assert_eq!(v["nested"][0]["note"], "password=[REDACTED]");
        assert_eq!(v["ssid"], "Office");
    }
}
