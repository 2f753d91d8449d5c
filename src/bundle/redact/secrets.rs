//! Standard redaction: secrets out of any text — values under secret-looking keys
//! (`k=v`, `k: v`, `k:v`, `"k": "v"`), HTTP credentials (Authorization, Proxy-Authorization,
//! Cookie, Set-Cookie, X-…-Token/Key headers), `Bearer` tokens, and URL passwords.
//! Pure functions over text; idempotent.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{REDACTED, regex};

/// A key is secret when it (normalised: lower case, `-`/`.`/space → `_`) ends with one of these.
const SECRET_SUFFIXES: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "tokens",
    "apikey",
    "api_key",
    "private_key",
    "privatekey",
    "psk",
    "credential",
    "credentials",
    "authorization",
    "cookie",
    "cookies",
    "key_content",
    "shared_key",
    "sharedkey",
];

/// Too short to match as a suffix ("bypass", "oauth" are not secrets): only as the whole
/// key or its last `_`-separated word ("db_pass", "proxy-auth").
const SECRET_WORDS: &[&str] = &["pass", "pwd", "auth"];

// `key=value`, `key: value`, `key:value` (nmcli -t), `"key": "value"`, `\"key\":\"value\"`.
// The value itself is measured in code (`value_end`): its shape depends on quotes and separator.
static KEY_SEP: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)(?:^|[^A-Za-z0-9_.\-])(?P<key>key content|pre-?shared key|[A-Za-z0-9_.\-]+)(?P<sep>\\?["']?[ \t]*[:=][ \t]*)"#,
    )
});
// Credentials in HTTP headers, to the end of the line (logs fold multi-line captures).
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?P<h>\b(?:proxy-)?authorization|\b(?:set-)?cookie|\bx-[a-z0-9-]*(?:token|key|secret|auth)[a-z0-9-]*)[ \t]*:[ \t]*(?P<val>[^\r\n]*)",
    )
});
static BEARER: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(?P<b>bearer)[ \t]+[A-Za-z0-9._~+/=\-]{6,}"));
static URL_PASSWORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?P<pre>[a-z][a-z0-9+.\-]*://[^\s:/@]*:)(?P<pw>[^\s@/]+)@"));

/// Whether a key (in `k=v` text or a JSON object) names a secret.
pub fn is_secret_key(key: &str) -> bool {
    let k: String = key
        .trim()
        .trim_matches(['"', '\''])
        .chars()
        .map(|c| if matches!(c, '-' | '.' | ' ') { '_' } else { c.to_ascii_lowercase() })
        .collect();
    if SECRET_SUFFIXES.iter().any(|s| k.ends_with(s)) {
        return true;
    }
    if k.rsplit('_').next().is_some_and(|last| SECRET_WORDS.contains(&last)) {
        return true;
    }
    // wep_key0 … wep_key3
    let k = k.trim_end_matches(|c: char| c.is_ascii_digit());
    k.ends_with("wep_key") || k.ends_with("wepkey")
}

/// Standard scrubbing: secrets only. Idempotent.
pub fn scrub_secrets(input: &str) -> String {
    let s = HEADER.replace_all(input, |c: &Captures| {
        let val = &c["val"];
        if val.is_empty() || val.starts_with(REDACTED) { c[0].to_string() } else { format!("{}: {REDACTED}", &c["h"]) }
    });
    let s = URL_PASSWORD.replace_all(&s, |c: &Captures| format!("{}{REDACTED}@", &c["pre"]));
    let s = BEARER.replace_all(&s, |c: &Captures| format!("{} {REDACTED}", &c["b"]));
    scrub_key_values(&s)
}

fn scrub_key_values(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut pos = 0;
    while let Some(c) = KEY_SEP.captures_at(s, pos) {
        let (Some(key), Some(sep)) = (c.name("key"), c.name("sep")) else { break };
        if !is_secret_key(key.as_str()) {
            // The separator may start the next pair ("vpn.secrets:password=…" after "x:").
            pos = sep.start();
            continue;
        }
        let start = sep.end();
        let end = value_end(s, start, sep.as_str().contains(':'));
        let value = &s[start..end];
        let bare = value.trim_start_matches(['\\', '"', '\'']);
        if !value.is_empty() && !bare.starts_with(REDACTED) {
            out.push_str(&s[copied..start]);
            out.push_str(&requote(value));
            copied = end;
        }
        pos = end.max(sep.end());
        if pos >= s.len() {
            break;
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// `[REDACTED]` wrapped in the same quotes the value had.
fn requote(value: &str) -> String {
    for q in ["\\\"", "\"", "'"] {
        if value.starts_with(q) {
            return format!("{q}{REDACTED}{q}");
        }
    }
    REDACTED.to_string()
}

/// Where a secret value that starts at `start` ends. Quoted: at the closing quote (or the
/// line's end). Unquoted after `:`: the line's end (nmcli and header-like lines carry
/// spaces in values). Unquoted after `=`: the next space or `;` `,` `&`.
fn value_end(s: &str, start: usize, after_colon: bool) -> usize {
    let rest = &s[start..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..line_end];
    let end = if let Some(body) = line.strip_prefix("\\\"") {
        body.find("\\\"").map_or(line.len(), |i| 2 + i + 2)
    } else if let Some(q) = line.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let mut escaped = false;
        let mut close = None;
        for (i, c) in line.char_indices().skip(1) {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                close = Some(i + 1);
                break;
            }
        }
        close.unwrap_or(line.len())
    } else if after_colon {
        line.len()
    } else {
        line.find(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '&')).unwrap_or(line.len())
    };
    start + end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::PLANTED_SECRETS;

    const FIXTURES: [&str; 3] = [
        include_str!("../../../tests/fixtures/secrets/wpa_supplicant.conf"),
        include_str!("../../../tests/fixtures/secrets/http_exchange.txt"),
        include_str!("../../../tests/fixtures/secrets/nmcli_secrets.txt"),
    ];

    #[test]
    fn fixtures_folded_onto_one_line_are_scrubbed_too() {
        // How logs carry them: every line of a capture joined by spaces.
        for f in FIXTURES {
            let folded = f.replace('\n', " ");
            let out = scrub_secrets(&folded);
            for secret in PLANTED_SECRETS {
                assert!(!out.contains(secret), "{secret} survived:\n{out}");
            }
        }
    }

    #[test]
    fn secret_shapes() {
        let cases = [
            ("password=hunter2 next=1", "password=[REDACTED] next=1"),
            ("pwd: hunter2", "pwd: [REDACTED]"),
            ("db_pass=x1", "db_pass=[REDACTED]"),
            ("\"token\": \"abc123\", \"user\": \"bob\"", "\"token\": \"[REDACTED]\", \"user\": \"bob\""),
            ("{\\\"api_key\\\":\\\"k9\\\"}", "{\\\"api_key\\\":\\\"[REDACTED]\\\"}"),
            ("psk='abc def' ok", "psk='[REDACTED]' ok"),
            ("802-11-wireless-security.psk:long pass phrase", "802-11-wireless-security.psk:[REDACTED]"),
            ("wep_key0=0102030405", "wep_key0=[REDACTED]"),
            ("x:vpn.secrets:password=abc", "x:vpn.secrets:[REDACTED]"),
            ("API-KEY = k1;other=2", "API-KEY = [REDACTED];other=2"),
            ("Key Content            : wifi-pass-1", "Key Content            : [REDACTED]"),
            ("Authorization: Basic dXNlcjpwYXNz", "Authorization: [REDACTED]"),
            ("proxy-authorization:Negotiate abc", "proxy-authorization: [REDACTED]"),
            ("Set-Cookie: id=a3fWa; Secure", "Set-Cookie: [REDACTED]"),
            ("x-auth-token: t0k3n", "x-auth-token: [REDACTED]"),
            ("sent bearer eyJ0eXAi.abc-def_1 ok", "sent bearer [REDACTED] ok"),
            ("https://bob:pw1@h/x", "https://bob:[REDACTED]@h/x"),
            ("smb://:only-pw@nas/share", "smb://:[REDACTED]@nas/share"),
        ];
        for (input, expected) in cases {
            assert_eq!(scrub_secrets(input), expected, "for {input:?}");
            assert_eq!(scrub_secrets(expected), expected, "not idempotent for {input:?}");
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "key_mgmt=WPA-PSK psk-flags=0 802-1x.password-flags:0",
            "5 pass, 1 warn, 0 fail; bypass: on; oauth=enabled",
            "Host: intranet.corp.example",
            "Token count: 5, password-flags: 0",
            "ssid=\"OfficeWiFi\" identity=\"jdoe@corp.example\"",
            "http://intranet.corp.example:8080/path@v2",
            "bearer of news",
            "Severity::Pass at 12:34:56, see net.dns.resolve",
            "auth-alg:open",
        ] {
            assert_eq!(scrub_secrets(text), text);
        }
    }

    #[test]
    fn secret_keys() {
        for k in [
            "psk",
            "PSK",
            "password",
            "passwd",
            "pass",
            "pwd",
            "secret",
            "client_secret",
            "token",
            "api_key",
            "api-key",
            "apikey",
            "x-api-key",
            "auth",
            "private_key",
            "wep_key2",
            "wep-key0",
            "802-11-wireless-security.psk",
            "802-1x.password",
            "vpn.secrets",
            "Authorization",
            "Proxy-Authorization",
            "cookie",
            "\"password\"",
        ] {
            assert!(is_secret_key(k), "{k} should be secret");
        }
        for k in
            ["key_mgmt", "ssid", "psk-flags", "password-flags", "bypass", "oauth", "token_count", "host", "identity"]
        {
            assert!(!is_secret_key(k), "{k} should not be secret");
        }
    }

    #[test]
    fn fixtures_lose_every_planted_secret_and_keep_the_rest() {
        let all: String = FIXTURES.iter().map(|f| scrub_secrets(f)).collect();
        for secret in PLANTED_SECRETS {
            assert!(!all.contains(secret), "{secret} survived:\n{all}");
        }
        for kept in ["ssid=\"OfficeWiFi\"", "key_mgmt=WPA-PSK", "Host: intranet.corp.example", "identity=\"jdoe@corp"] {
            assert!(all.contains(kept), "{kept} was lost:\n{all}");
        }
        assert_eq!(all.matches(REDACTED).count(), PLANTED_SECRETS.len(), "one replacement per secret:\n{all}");
    }
}
