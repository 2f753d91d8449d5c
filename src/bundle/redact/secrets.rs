//! Standard redaction: secrets out of any text, with the breadth of the well-known secret
//! scanners (gitleaks, detect-secrets), written as our own rules:
//! - values under secret-looking keys (`k=v`, `k: v`, `k:v`, `"k": "v"`, `<k>v</k>`), quoted,
//!   unquoted and multi-word (`psk=my secret phrase`), ODBC/ADO `Pwd={…};` included;
//! - HTTP credentials (Authorization, Proxy-Authorization, Cookie, Set-Cookie, X-…-Token/Key
//!   headers) and `Basic`/`Bearer`/`NTLM` credentials anywhere in a line;
//! - PEM, OpenSSH, PGP and PuTTY private-key blocks, whole;
//! - tokens recognised by their shape: AWS key ids (and 40-character secret keys near "aws"),
//!   GitHub, GitLab, Slack (tokens and webhooks), Azure SAS and AD secrets, JWTs, Google,
//!   Stripe, OpenAI/Anthropic, SendGrid, npm, PyPI, Shopify, DigitalOcean, Vault, Grafana,
//!   Doppler, Telegram, Twilio, Mailgun, Discord webhooks;
//! - URL passwords (even with `@` or `/` in them), `net use … PASSWORD /user:…`,
//!   `--password VALUE`, `.netrc` `login U password P`.
//!
//! Pure functions over text; idempotent (a second pass changes nothing).

use std::sync::LazyLock;

use base64::Engine as _;
use regex::{Captures, Regex};

use super::{REDACTED, regex};

/// A key is secret when it (normalised: lower case, `-`/`.`/space → `_`) ends with one of these.
const SECRET_SUFFIXES: &[&str] = &[
    "password",
    "password_raw",
    "passwd",
    "passphrase",
    "passcode",
    "secret",
    "secrets",
    "secret_key",
    "secretkey",
    "token",
    "tokens",
    "apikey",
    "api_key",
    "access_key",
    "accesskey",
    "accountkey",
    "account_key",
    "signing_key",
    "encryption_key",
    "master_key",
    "private_key",
    "privatekey",
    "psk",
    "credential",
    "credentials",
    "authorization",
    "cookie",
    "cookies",
    "key_content",
    "keymaterial",
    "shared_key",
    "sharedkey",
    "sharedaccesssignature",
    "connectionstring",
    "connection_string",
];

/// Too short to match as a suffix ("bypass", "oauth", "design" are not secrets): only as
/// the whole key or its last `_`-separated word ("db_pass", "proxy-auth", "sig" in a SAS URL).
const SECRET_WORDS: &[&str] = &["pass", "pwd", "auth", "sig", "pin", "community"];

// `key=value`, `key: value`, `key:value` (nmcli -t), `"key": "value"`, `\"key\":\"value\"`.
// The value itself is measured in code (`value_end`): its shape depends on quotes and separator.
static KEY_SEP: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)(?:^|[^A-Za-z0-9_.\-])(?P<key>key content|pre-?shared key|[A-Za-z0-9_.\-]+)(?P<sep>\\?["']?[ \t]*[:=][ \t]*)"#,
    )
});
// What starts the next pair after an unquoted value: `[;,& \t]+ key =` (ADO keys such as
// `User Id` hold one space between capitalised words).
static NEXT_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"^(?:[ \t]*[;,&][ \t]*(?:[A-Za-z][A-Za-z0-9_.\-]*|[A-Z][A-Za-z0-9]* [A-Z][A-Za-z0-9]*)|[ \t]+[A-Za-z][A-Za-z0-9_.\-]*)[ \t]*[=:]"#,
    )
});
// Credentials in HTTP headers, to the end of the line (logs fold multi-line captures).
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?P<h>\b(?:proxy-)?authorization|\b(?:set-)?cookie|\bx-[a-z0-9-]*(?:token|key|secret|auth)[a-z0-9-]*|\bapi-key|\bocp-apim-subscription-key)[ \t]*:[ \t]*(?P<val>[^\r\n]*)",
    )
});
// An auth scheme and its credential, anywhere: in headers, curl commands, logs, prose.
static AUTH_SCHEME: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?P<s>basic|bearer|ntlm|negotiate)(?P<sp>[ \t]+|=)(?P<v>[A-Za-z0-9._~+/\-]+=*)"));
// Private keys: the whole block, header to footer (or to the end when the capture was cut).
static PRIVATE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?s)(?P<begin>-----BEGIN (?P<kind>[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----).*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|\z)",
    )
});
static PUTTY_KEY: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?s)(?P<begin>Private-Lines:[ \t]*\d+).*?(?:Private-(?:MAC|Hash):[^\r\n]*|\z)"));
// Tokens recognised by their shape alone, wherever they stand.
static TOKEN_SHAPES: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b",
        r"|\bgh[pousr]_[A-Za-z0-9]{36,255}\b",
        r"|\bgithub_pat_[A-Za-z0-9_]{22,255}\b",
        r"|\bgl(?:pat|dt|rt|ptt|ft|cbt|imt|oas|soat|agent)-[A-Za-z0-9_\-]{20,}",
        r"|\bxox[abposr]-[A-Za-z0-9\-]{10,}",
        r"|\bxapp-\d-[A-Za-z0-9\-]{10,}",
        r"|\bhttps?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]+",
        r"|\bhttps?://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_\-]+",
        r"|\beyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*",
        r"|\bAIza[0-9A-Za-z_\-]{35}\b",
        r"|\bya29\.[0-9A-Za-z_\-]{20,}",
        r"|\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{20,}\b",
        r"|\bsk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_\-]{20,}",
        r"|\bSG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64}\b",
        r"|\bnpm_[A-Za-z0-9]{36}\b",
        r"|\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}",
        r"|\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b",
        r"|\bdo[opr]_v1_[a-f0-9]{64}\b",
        r"|\bhv[sb]\.[A-Za-z0-9_\-]{24,}",
        r"|\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b",
        r"|\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,}",
        r"|\b\d{8,10}:AA[A-Za-z0-9_\-]{33}\b",
        r"|\bSK[0-9a-f]{32}\b",
        r"|\bkey-[0-9a-zA-Z]{32}\b",
        r"|\b[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}",
        r"|\bSharedAccessSignature[ \t]+[^\s;]+",
    ))
});
// A 40-character base64 run: an AWS secret access key when "aws" is close before it.
static BASE64_40: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[^A-Za-z0-9/+=])(?P<v>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"));
static URL_START: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b[a-z][a-z0-9+.\-]*://"));
static NET_USE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\bnet(?:\.exe)?[ \t]+use\b(?P<rest>[^\r\n]*)"));
// `--password VALUE` on a command line, and `.netrc`'s `login U password P`.
static FLAG_OR_NETRC: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?P<pre>--(?:password|passwd|pass|token|secret|api-key|apikey|psk|client-secret|auth-token)[ \t]+|\b(?:machine[ \t]+\S+|default)[ \t]+login[ \t]+\S+[ \t]+password[ \t]+)(?P<v>[^\s\-]\S*)",
    )
});
// `<password>…</password>`, `<keyMaterial>…</keyMaterial>` (netsh WLAN profiles), any secret tag.
static XML_ELEMENT: LazyLock<Regex> =
    LazyLock::new(|| regex(r"<(?P<tag>[A-Za-z_][A-Za-z0-9_:.\-]*)(?:[ \t][^<>]*)?>(?P<v>[^<]+)</"));

/// Whether a key (in `k=v` text or a JSON object) names a secret.
pub fn is_secret_key(key: &str) -> bool {
    let k: String = key
        .trim()
        .trim_matches(['"', '\''])
        .trim_start_matches('-')
        .chars()
        .map(|c| if matches!(c, '-' | '.' | ' ') { '_' } else { c.to_ascii_lowercase() })
        .collect();
    if SECRET_SUFFIXES.iter().any(|s| k.ends_with(s)) {
        return true;
    }
    if k.rsplit('_').next().is_some_and(|last| SECRET_WORDS.contains(&last)) {
        return true;
    }
    // wep_key0 … wep_key3 (wpa_supplicant), wep-key0 … (NetworkManager)
    let k = k.trim_end_matches(|c: char| c.is_ascii_digit());
    k.ends_with("wep_key") || k.ends_with("wepkey")
}

/// Standard scrubbing: secrets only. Idempotent.
pub fn scrub_secrets(input: &str) -> String {
    let s = PRIVATE_KEY
        .replace_all(input, |c: &Captures| format!("{}\n{REDACTED}\n-----END {}-----", &c["begin"], &c["kind"]));
    let s = PUTTY_KEY.replace_all(&s, |c: &Captures| format!("{} {REDACTED}", &c["begin"]));
    let s = HEADER.replace_all(&s, |c: &Captures| {
        let val = &c["val"];
        if val.is_empty() || val.starts_with(REDACTED) { c[0].to_string() } else { format!("{}: {REDACTED}", &c["h"]) }
    });
    let s = TOKEN_SHAPES.replace_all(&s, REDACTED);
    let s = scrub_aws_secret_keys(&s);
    let s = scrub_url_passwords(&s);
    let s = AUTH_SCHEME.replace_all(&s, |c: &Captures| {
        if is_credential(&c["s"], &c["v"]) { format!("{}{}{REDACTED}", &c["s"], &c["sp"]) } else { c[0].to_string() }
    });
    let s = NET_USE.replace_all(&s, |c: &Captures| {
        let whole = &c[0];
        let rest_at = whole.len() - c["rest"].len();
        format!("{}{}", &whole[..rest_at], scrub_net_use(&c["rest"]))
    });
    let s = FLAG_OR_NETRC.replace_all(&s, |c: &Captures| {
        if c["v"].starts_with(REDACTED) { c[0].to_string() } else { format!("{}{REDACTED}", &c["pre"]) }
    });
    let s = XML_ELEMENT.replace_all(&s, |c: &Captures| {
        let tag = &c["tag"];
        let local = tag.rsplit(':').next().unwrap_or(tag);
        match (c.get(0), c.name("v")) {
            (Some(whole), Some(v))
                if is_secret_key(local) && !v.as_str().trim().is_empty() && !v.as_str().starts_with(REDACTED) =>
            {
                let (a, b) = (v.start() - whole.start(), v.end() - whole.start());
                format!("{}{REDACTED}{}", &whole.as_str()[..a], &whole.as_str()[b..])
            }
            _ => c[0].to_string(),
        }
    });
    scrub_key_values(&s)
}

/// Whether `value` after an auth scheme word is a credential rather than prose
/// ("Basic checks", "bearer of news", "Bearer tokens expire").
fn is_credential(scheme: &str, value: &str) -> bool {
    if value.starts_with(REDACTED) {
        return false;
    }
    match scheme.to_ascii_lowercase().as_str() {
        // user:password in base64: decode it, and it holds a colon.
        "basic" => {
            let engine = base64::engine::general_purpose::STANDARD;
            let padded = format!("{value}{}", "=".repeat((4 - value.len() % 4) % 4));
            value.len() >= 4 && engine.decode(padded).is_ok_and(|b| b.contains(&b':'))
        }
        // Opaque tokens: words have no digits or punctuation, tokens almost always do.
        "bearer" => value.len() >= 8 && value.chars().any(|c| c.is_ascii_digit() || "._~+/=-".contains(c)),
        // NTLM/Negotiate blobs are long base64.
        _ => value.len() >= 16,
    }
}

/// AWS secret access keys: 40 base64 characters with upper and lower case, and "aws"
/// within 80 bytes before them (key names, env vars, `aws configure` output).
fn scrub_aws_secret_keys(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut pos = 0;
    while let Some(c) = BASE64_40.captures_at(s, pos) {
        let Some(v) = c.name("v") else { break };
        pos = v.end();
        let text = v.as_str();
        let mixed = text.chars().any(|c| c.is_ascii_uppercase()) && text.chars().any(|c| c.is_ascii_lowercase());
        let mut from = v.start().saturating_sub(80);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        if mixed && s[from..v.start()].to_ascii_lowercase().contains("aws") {
            out.push_str(&s[copied..v.start()]);
            out.push_str(REDACTED);
            copied = v.end();
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// `scheme://user:PASSWORD@host`. A password may hold `@` and `/`, so the userinfo ends at
/// the LAST `@` that is followed by something host-like; `host:8080/path@v2` is a port and a
/// path, not a password.
fn scrub_url_passwords(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for (start, end) in url_password_spans(s) {
        out.push_str(&s[copied..start]);
        out.push_str(REDACTED);
        copied = end;
    }
    out.push_str(&s[copied..]);
    out
}

/// The passwords of the URLs in `s`, for names that carry them in a mangled form
/// (`ipp___admin_PASSWORD_10.0.0.5_ipp_print.txt`, made from a printer URI).
pub fn url_passwords(s: &str) -> Vec<String> {
    url_password_spans(s).into_iter().map(|(a, b)| s[a..b].to_string()).collect()
}

fn url_password_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut taken = 0;
    for m in URL_START.find_iter(s) {
        if m.start() < taken {
            continue;
        }
        let rest = &s[m.end()..];
        let len =
            rest.find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`')).unwrap_or(rest.len());
        let candidate = &rest[..len];
        let Some(colon) = candidate.find(':') else { continue };
        let user = &candidate[..colon];
        if user.contains(['/', '@', '?', '#']) {
            continue;
        }
        let after = &candidate[colon + 1..];
        let auth_end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let authority = &after[..auth_end];
        if !authority.contains('@') && authority.chars().all(|c| c.is_ascii_digit()) {
            continue; // host:port
        }
        let Some(at) = after.rmatch_indices('@').map(|(i, _)| i).find(|&i| host_like(&after[i + 1..])) else {
            continue;
        };
        let password = &after[..at];
        if password.is_empty() || password.starts_with(REDACTED) {
            continue;
        }
        let start = m.end() + colon + 1;
        spans.push((start, start + at));
        taken = start + at;
    }
    spans
}

/// Whether `s` starts with a host (name, IPv4 or `[IPv6]`, optional port) then ends or a path.
fn host_like(s: &str) -> bool {
    let host_len = if s.starts_with('[') {
        s.find(']').map_or(0, |i| i + 1)
    } else {
        s.find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))).unwrap_or(s.len())
    };
    if host_len == 0 {
        return false;
    }
    let rest = &s[host_len..];
    let rest = rest.strip_prefix(':').map_or(rest, |p| p.trim_start_matches(|c: char| c.is_ascii_digit()));
    rest.is_empty() || rest.starts_with(['/', '?', '#', ',', ';', ')'])
}

/// The arguments of `net use`: `[device] [\\server\share] [PASSWORD|*] [/user:[DOMAIN\]USER [PASSWORD]] [/switches]`.
/// Replaces the password wherever it stands.
fn scrub_net_use(rest: &str) -> String {
    let mut out = String::with_capacity(rest.len());
    let mut i = 0;
    let mut positional = 0;
    let mut after_user = false;
    let mut expect_user = false;
    let bytes = rest.as_bytes();
    while i < rest.len() {
        if bytes[i].is_ascii_whitespace() {
            out.push(char::from(bytes[i]));
            i += 1;
            continue;
        }
        // One token: "quoted with spaces" or up to the next whitespace.
        let end = if bytes[i] == b'"' {
            rest[i + 1..].find('"').map_or(rest.len(), |e| i + 1 + e + 1)
        } else {
            // ASCII whitespace only, as above: a token always moves `i` forward.
            rest[i..].find(|c: char| c.is_ascii_whitespace()).map_or(rest.len(), |e| i + e)
        };
        let token = &rest[i..end];
        let lower = token.to_ascii_lowercase();
        let is_password = if expect_user {
            expect_user = false;
            after_user = true;
            false
        } else if lower.starts_with("/u:") || lower.starts_with("/user:") {
            let value = &token[token.find(':').map_or(token.len(), |c| c + 1)..];
            if value.is_empty() {
                expect_user = true
            } else {
                after_user = true
            }
            false
        } else if token.starts_with('/') || matches!(token, "&&" | "||" | "|" | "&" | ";") {
            after_user = false;
            false
        } else if after_user {
            after_user = false;
            token != "*"
        } else {
            positional += 1;
            let is_device = token.len() == 2 && token.ends_with(':')
                || token == "*"
                || lower.starts_with("lpt")
                || lower.starts_with("com");
            let is_share = token.starts_with("\\\\") || token.starts_with("\"\\\\");
            !(is_device || is_share) && positional <= 3 && token != "*"
        };
        if is_password && !token.starts_with(REDACTED) {
            out.push_str(REDACTED);
        } else {
            out.push_str(token);
        }
        i = end;
    }
    out
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
        // In a URL query (`?sig=…&se=…`) a value never holds spaces.
        let in_url = s[..key.start()].ends_with(['?', '&']);
        let end = value_end(s, start, sep.as_str().contains(':'), in_url);
        let value = &s[start..end];
        let bare = value.trim_start_matches(['\\', '"', '\'', '{']);
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

/// `[REDACTED]` wrapped in the same quotes (or ODBC braces) the value had.
fn requote(value: &str) -> String {
    for (open, close) in [("\\\"", "\\\""), ("\"", "\""), ("'", "'"), ("{", "}")] {
        if value.starts_with(open) {
            return format!("{open}{REDACTED}{close}");
        }
    }
    REDACTED.to_string()
}

/// Where a secret value that starts at `start` ends. Quoted (or ODBC `{…}`): at the closing
/// quote (or the line's end). Unquoted after `:`: the line's end (nmcli and header-like
/// lines carry spaces in values). Unquoted after `=`: where the next `key=` pair starts
/// (`psk=my secret phrase key_mgmt=…`, `Password=a b;c;Database=x`), at a closing quote or
/// bracket, or the line's end; in a URL query, at the next space or `&`.
fn value_end(s: &str, start: usize, after_colon: bool, in_url: bool) -> usize {
    let rest = &s[start..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..line_end];
    let end = if let Some(body) = line.strip_prefix("\\\"") {
        body.find("\\\"").map_or(line.len(), |i| 2 + i + 2)
    } else if let Some(body) = line.strip_prefix('{') {
        body.find('}').map_or(line.len(), |i| 1 + i + 1)
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
    } else if in_url {
        line.find(|c: char| c.is_whitespace() || matches!(c, '&' | '#' | '"' | '\'' | '<' | '>')).unwrap_or(line.len())
    } else if after_colon {
        line.len()
    } else {
        unquoted_end(line)
    };
    start + end
}

/// The end of an unquoted `key=value` that may hold spaces and `;`.
fn unquoted_end(line: &str) -> usize {
    for (i, c) in line.char_indices() {
        // A quote or an escaped quote ends it: the value sat inside a quoted string.
        if c == '"' || (c == '\\' && line[i + 1..].starts_with('"')) {
            return i;
        }
        if (c.is_whitespace() || matches!(c, ';' | ',' | '&')) && NEXT_PAIR.is_match(&line[i..]) {
            return i;
        }
        // `psk=abc }` in a folded wpa_supplicant block: the brace closes the block.
        if c.is_whitespace() && line[i..].trim_start().starts_with(['}', ']', ')']) {
            return i;
        }
    }
    line.trim_end().len()
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

    /// Each rule of the standard profile, with the value that must go and the text around it
    /// that must stay.
    #[test]
    fn scanner_breadth() {
        let cases: &[(&str, &str)] = &[
            // Unquoted values with spaces or `;` (wpa_supplicant, NetworkManager keyfiles).
            ("psk=correct horse battery", "psk=[REDACTED]"),
            ("psk=abc;def key_mgmt=WPA-PSK", "psk=[REDACTED] key_mgmt=WPA-PSK"),
            ("password=two words; more\nssid=x", "password=[REDACTED]\nssid=x"),
            ("[802-1x]\npassword=eap pass 1\nidentity=bob", "[802-1x]\npassword=[REDACTED]\nidentity=bob"),
            ("wep-key0=abcdef0123", "wep-key0=[REDACTED]"),
            ("private-key-password=pk pass", "private-key-password=[REDACTED]"),
            ("password-raw=0a0b0c", "password-raw=[REDACTED]"),
            ("sae_password=sae pw", "sae_password=[REDACTED]"),
            // Connection strings.
            (
                "Server=db1;Database=crm;User Id=sa;Password=P@ss w0rd;Encrypt=yes",
                "Server=db1;Database=crm;User Id=sa;Password=[REDACTED];Encrypt=yes",
            ),
            ("Driver={SQL Server};Uid=u;Pwd={a;b}c};", "Driver={SQL Server};Uid=u;Pwd={[REDACTED]}c};"),
            (
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=bXlrZXk=;EndpointSuffix=core",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED];EndpointSuffix=core",
            ),
            // Azure SAS.
            (
                "https://acct.blob.core.windows.net/c/f?sv=2021-08-06&se=2030&sig=AbC%2Bdef%3D more",
                "https://acct.blob.core.windows.net/c/f?sv=2021-08-06&se=2030&sig=[REDACTED] more",
            ),
            ("SharedAccessSignature sr=x&sig=abc&se=1 ok", "[REDACTED] ok"),
            // Private keys, whole.
            (
                "a\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\nAAAA\n-----END OPENSSH PRIVATE KEY-----\nz",
                "a\n-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED]\n-----END OPENSSH PRIVATE KEY-----\nz",
            ),
            (
                "-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA -----END RSA PRIVATE KEY----- after",
                "-----BEGIN RSA PRIVATE KEY-----\n[REDACTED]\n-----END RSA PRIVATE KEY----- after",
            ),
            (
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkq (cut",
                "-----BEGIN PRIVATE KEY-----\n[REDACTED]\n-----END PRIVATE KEY-----",
            ),
            // Tokens by shape.
            ("id AKIAIOSFODNN7EXAMPLE ok", "id [REDACTED] ok"),
            ("ASIAY34FZKBOKMUTVV7A", "[REDACTED]"),
            ("aws secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here", "aws secret [REDACTED] here"),
            ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED]"),
            ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "[REDACTED]"),
            ("git: gho_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 x", "git: [REDACTED] x"),
            ("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "[REDACTED]"),
            ("glpat-abcdefghij0123456789", "[REDACTED]"),
            ("xoxb-1234567890-abcdefghij", "[REDACTED]"),
            ("hook https://hooks.slack.com/services/T000/B000/XXXXXXXX done", "hook [REDACTED] done"),
            (
                "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "jwt [REDACTED]",
            ),
            ("AIzaSyA-abcdefghijklmnopqrstuvwxyz01234", "[REDACTED]"),
            ("sk_live_abcdefghijklmnopqrstuvwx", "[REDACTED]"),
            ("npm_abcdefghijklmnopqrstuvwxyz0123456789", "[REDACTED]"),
            // Basic/Bearer anywhere, not only after `Authorization:`.
            ("curl -H 'X: Basic dXNlcjpwYXNz' url", "curl -H 'X: Basic [REDACTED]' url"),
            ("auth=Basic dXNlcjpwYXNz", "auth=[REDACTED]"),
            ("sent Bearer abc.def-123 then", "sent Bearer [REDACTED] then"),
            // URL userinfo: passwords with `@` and `/`, split at the last `@` before the host.
            ("smb://bob:p@ss@nas.lan/share", "smb://bob:[REDACTED]@nas.lan/share"),
            ("https://u:pa/ss@w0rd@host.example:8443/x y", "https://u:[REDACTED]@host.example:8443/x y"),
            // net use, both places a password stands.
            (
                "net use Z: \\\\srv\\share S3cret! /user:CORP\\bob /persistent:no",
                "net use Z: \\\\srv\\share [REDACTED] /user:CORP\\bob /persistent:no",
            ),
            ("net use \\\\srv\\ipc$ /user:bob Pa55word", "net use \\\\srv\\ipc$ /user:bob [REDACTED]"),
            ("NET USE * \\\\srv\\s /u: bob \"two words\"", "NET USE * \\\\srv\\s /u: bob [REDACTED]"),
            ("net use \\\\srv\\s\u{a0}x /user:bob pw\u{a0}1", "net use \\\\srv\\s\u{a0}x /user:bob [REDACTED]"),
            // Command lines, .netrc, XML (netsh WLAN profiles).
            ("mount --password hunter2 x", "mount --password [REDACTED] x"),
            ("machine h login bob password hunter2", "machine h login bob password [REDACTED]"),
            ("<keyMaterial>wifi pass</keyMaterial>", "<keyMaterial>[REDACTED]</keyMaterial>"),
        ];
        for (input, expected) in cases {
            assert_eq!(scrub_secrets(input), *expected, "for {input:?}");
            assert_eq!(scrub_secrets(expected), *expected, "not idempotent for {input:?}");
        }
    }

    /// Every token shape, once, in a sentence: the token goes, the words around it stay.
    #[test]
    fn every_token_shape() {
        let hex64 = "0123456789abcdef".repeat(4);
        let tokens = [
            "AKIAABCDEFGHIJKLMNOP".to_string(),
            "ghs_abcdefghijklmnopqrstuvwxyz0123456789".into(),
            "ghr_abcdefghijklmnopqrstuvwxyz0123456789".into(),
            "ghu_abcdefghijklmnopqrstuvwxyz0123456789".into(),
            "gldt-abcdefghij0123456789".into(),
            "xoxa-1234567890-abcdefghij".into(),
            "xapp-1-A0123456789-1234567890-abcdef".into(),
            "https://discord.com/api/webhooks/123456789/abcDEF_ghi-jkl".into(),
            "ya29.a0AfH6SMBabcdefghijklmnopqrstu".into(),
            "rk_test_abcdefghijklmnopqrstuvwx".into(),
            "sk-proj-abcdefghijklmnopqrstuvwxyz012345".into(),
            "sk-ant-api03-abcdefghijklmnopqrstuvwxyz".into(),
            "SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG".into(),
            format!("pypi-AgEIcHlwaS5vcmc{}", "a".repeat(60)),
            "shpat_0123456789abcdef0123456789abcdef".into(),
            format!("dop_v1_{hex64}"),
            "hvs.CAESIabcdefghijklmnopqrstuvwxyz".into(),
            "glsa_abcdefghijklmnopqrstuvwxyz012345_0123abcd".into(),
            format!("dp.pt.{}", "a".repeat(43)),
            "123456789:AAabcdefghijklmnopqrstuvwxyz0123456".into(),
            "SK0123456789abcdef0123456789abcdef".into(),
            "key-0123456789abcdef0123456789abcdef".into(),
            "abc8Q~abcdefghijklmnopqrstuvwxyz0123456".into(),
            "AIzaSyabcdefghijklmnopqrstuvwxyz0123456".into(),
        ];
        for token in &tokens {
            let text = format!("before {token} after");
            assert_eq!(scrub_secrets(&text), "before [REDACTED] after", "for {token}");
        }
        // A PuTTY key keeps its header lines, not its private lines.
        let putty = "PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 2\nAAAAC3Nz\nPrivate-Lines: 1\nAAAAIPrivPart\nPrivate-MAC: 0a1b\n";
        let out = scrub_secrets(putty);
        assert!(!out.contains("AAAAIPrivPart") && !out.contains("0a1b") && out.contains("Public-Lines: 2"), "{out}");
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
            // Hashes, check ids and words that look like the start of a rule.
            "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  report.json",
            "{\"path\": \"report.json\", \"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}",
            "commit 3f786850e387550fdab836ed7e6dc881de23001b from aws-cli",
            "Basic checks passed; Bearer tokens expire; basic auth is off",
            "net.dhcp.lease printers.jobs.cancel_stuck displays.connectors",
            "net use Z: \\\\srv\\share /user:CORP\\bob /persistent:no",
            "<ssid>Office</ssid> <authentication>WPA2PSK</authentication>",
            "http://printer.lan:631/ipp/print and ipp://10.0.0.5/ipp/print",
            "--password-file /etc/x; login prompt; password expired",
            "key=clear, keys: 3, monkey=1",
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
