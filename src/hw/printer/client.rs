//! The IPP transport: requests built on the `ipp` crate's blocking client, responses turned into
//! flat name → values lists that the typed readers in `mod.rs` pick from.

use std::time::Duration;

use std::io::Read;

use ipp::model::{DelimiterTag, IppVersion, Operation};
use ipp::prelude::{IppAttribute, IppPayload, IppRequestResponse, IppValue, Uri};

use super::text::clean;
use super::{PrinterError, UriProblem};

/// The most deskcheck reads of one IPP answer. An "all attributes" answer is a few tens of kB
/// even from busy printers and a CUPS server with dozens of queues stays under 1 MiB; anything
/// bigger is a broken or hostile peer, refused before it fills memory.
pub const MAX_RESPONSE_BYTES: u64 = 4 * 1024 * 1024;

/// One attribute group of a response (a printer, a job) as name → value, in wire order.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub attrs: Vec<(String, IppValue)>,
}

impl Group {
    pub fn get(&self, name: &str) -> Option<&IppValue> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Every value of a (possibly 1setOf) attribute as text; octet strings decoded as UTF-8.
    pub fn strings(&self, name: &str) -> Vec<String> {
        self.get(name).map(|v| values(v).into_iter().map(value_text).collect()).unwrap_or_default()
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.strings(name).into_iter().next().filter(|s| !s.is_empty())
    }

    pub fn ints(&self, name: &str) -> Vec<i64> {
        self.get(name)
            .map(|v| {
                values(v)
                    .into_iter()
                    .filter_map(|v| match v {
                        IppValue::Integer(i) | IppValue::Enum(i) => Some(i64::from(*i)),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.ints(name).into_iter().next()
    }

    /// Resolutions in dots per inch (dots-per-cm values converted), in wire order.
    pub fn resolutions_dpi(&self, name: &str) -> Vec<u32> {
        self.get(name)
            .map(|v| {
                values(v)
                    .into_iter()
                    .filter_map(|v| match v {
                        IppValue::Resolution { cross_feed, feed, units } if cross_feed == feed && *feed > 0 => {
                            let dpi = if *units == 4 { (*feed as u32 * 254).div_ceil(100) } else { *feed as u32 };
                            Some(dpi)
                        }
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        match self.get(name)? {
            IppValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    pub fn datetime(&self, name: &str) -> Option<chrono::DateTime<chrono::Utc>> {
        match self.get(name)? {
            IppValue::DateTime(d) => {
                use chrono::TimeZone;
                let offset_secs = (i32::from(d.utc_hours) * 3600 + i32::from(d.utc_mins) * 60)
                    * if d.utc_dir == '-' { -1 } else { 1 };
                let tz = chrono::FixedOffset::east_opt(offset_secs)?;
                let local = tz
                    .with_ymd_and_hms(
                        i32::from(d.year),
                        u32::from(d.month),
                        u32::from(d.day),
                        u32::from(d.hour),
                        u32::from(d.minutes),
                        u32::from(d.seconds),
                    )
                    .single()?;
                Some(local.with_timezone(&chrono::Utc))
            }
            _ => None,
        }
    }
}

fn values(v: &IppValue) -> Vec<&IppValue> {
    match v {
        IppValue::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

/// A single value as plain text (octet strings such as printer-supply decoded as UTF-8),
/// with control characters removed: every string from the network passes here before it can
/// reach a terminal, a report or a file.
pub fn value_text(v: &IppValue) -> String {
    clean(&raw_text(v))
}

fn raw_text(v: &IppValue) -> String {
    match v {
        IppValue::OctetString(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        IppValue::NonUtf8 { data, .. } => String::from_utf8_lossy(data).into_owned(),
        IppValue::TextWithLanguage { text, .. } => text.to_string(),
        IppValue::NameWithLanguage { name, .. } => name.to_string(),
        other => other.to_string(),
    }
}

fn type_name(v: &IppValue) -> &'static str {
    match v {
        IppValue::Integer(_) => "integer",
        IppValue::Enum(_) => "enum",
        IppValue::OctetString(_) => "octetString",
        IppValue::TextWithoutLanguage(_) | IppValue::TextWithLanguage { .. } => "text",
        IppValue::NameWithoutLanguage(_) | IppValue::NameWithLanguage { .. } => "name",
        IppValue::Charset(_) => "charset",
        IppValue::NaturalLanguage(_) => "naturalLanguage",
        IppValue::Uri(_) => "uri",
        IppValue::UriScheme(_) => "uriScheme",
        IppValue::RangeOfInteger { .. } => "rangeOfInteger",
        IppValue::Boolean(_) => "boolean",
        IppValue::Keyword(_) => "keyword",
        IppValue::Array(_) => "1setOf",
        IppValue::Collection(_) => "collection",
        IppValue::MimeMediaType(_) => "mimeMediaType",
        IppValue::DateTime(_) => "dateTime",
        IppValue::MemberAttrName(_) => "memberAttrName",
        IppValue::Resolution { .. } => "resolution",
        IppValue::NoValue => "no-value",
        IppValue::Other { .. } | IppValue::NonUtf8 { .. } => "other",
    }
}

/// The group as `name (type) = value, value` lines, like ipptool, for the bundle.
pub fn dump(group: &Group) -> String {
    let mut out = String::new();
    for (name, v) in &group.attrs {
        let kind = match v {
            IppValue::Array(items) => format!("1setOf {}", items.first().map(type_name).unwrap_or("")),
            other => type_name(other).to_string(),
        };
        let text: Vec<String> = values(v).into_iter().map(value_text).collect();
        out.push_str(&format!("{} ({kind}) = {}\n", clean(name), text.join(",")));
    }
    out
}

/// A response: its status and the groups of one tag (printers or jobs).
pub struct Response {
    pub status: ipp::model::StatusCode,
    pub groups: Vec<Group>,
    /// The status-message operation attribute, when the server sent one.
    pub message: Option<String>,
}

/// Where and how to send one request.
pub struct Target<'a> {
    /// The URI the request goes to (ipp://, ipps:// or http://).
    pub uri: &'a str,
    pub timeout: Duration,
}

/// ipp:// and ipps:// both default to port 631 (RFC 8010/7472); the crate would pick 443 for ipps.
pub fn normalize_uri(uri: &str) -> Result<Uri, PrinterError> {
    let invalid =
        |problem: UriProblem, reason: String| PrinterError::InvalidUri { problem, reason, uri: uri.to_string() };
    let parsed: Uri = uri.trim().parse().map_err(|e| invalid(UriProblem::Unparsable, format!("{e}")))?;
    let scheme = parsed.scheme_str().unwrap_or("").to_ascii_lowercase();
    if !matches!(scheme.as_str(), "ipp" | "ipps" | "http" | "https") {
        return Err(invalid(UriProblem::Scheme, "it must start with ipp://, ipps://, http:// or https://".into()));
    }
    let Some(authority) = parsed.authority() else {
        return Err(invalid(UriProblem::NoHost, "it has no host".into()));
    };
    if authority.port_u16().is_some() || !scheme.starts_with("ipp") {
        return Ok(parsed);
    }
    let path = parsed.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    format!("{scheme}://{}:631{path}", authority.host())
        .parse()
        .map_err(|e| invalid(UriProblem::Unparsable, format!("{e}")))
}

/// Host part of a printer URI, without brackets.
pub fn uri_host(uri: &str) -> Option<String> {
    let parsed: Uri = uri.trim().parse().ok()?;
    Some(parsed.host()?.trim_start_matches('[').trim_end_matches(']').to_string())
}

/// Port of a printer URI (631 for ipp/ipps when absent).
pub fn uri_port(uri: &str) -> Option<u16> {
    normalize_uri(uri).ok()?.port_u16()
}

/// Build a request with the usual operation attributes and `printer-uri` (when given).
pub fn request(op: Operation, printer_uri: Option<&Uri>) -> Result<IppRequestResponse, PrinterError> {
    IppRequestResponse::new(IppVersion::v2_0(), op, printer_uri.cloned()).map_err(|e| PrinterError::Protocol {
        operation: op_name(op),
        reason: e.to_string(),
        uri: String::new(),
    })
}

/// Add an operation attribute; a value the crate refuses (too long) is a protocol error.
pub fn add_op_attr(
    req: &mut IppRequestResponse,
    name: &str,
    value: Result<IppValue, ipp::parser::IppParseError>,
) -> Result<(), PrinterError> {
    let bad = |e: ipp::parser::IppParseError| PrinterError::Protocol {
        operation: "building a request",
        reason: format!("{name}: {e}"),
        uri: String::new(),
    };
    let attr = IppAttribute::with_name(name, value.map_err(bad)?).map_err(bad)?;
    req.attributes_mut().add(DelimiterTag::OperationAttributes, attr);
    Ok(())
}

/// `requested-attributes` as a 1setOf keyword.
pub fn requested(req: &mut IppRequestResponse, names: &[&str]) -> Result<(), PrinterError> {
    let vals: Result<Vec<IppValue>, _> = names.iter().map(|n| IppValue::new_keyword(*n)).collect();
    add_op_attr(req, "requested-attributes", vals.map(IppValue::Array))
}

pub fn op_name(op: Operation) -> &'static str {
    match op {
        Operation::GetPrinterAttributes => "Get-Printer-Attributes",
        Operation::GetJobs => "Get-Jobs",
        Operation::PrintJob => "Print-Job",
        Operation::CancelJob => "Cancel-Job",
        Operation::CupsGetPrinters => "CUPS-Get-Printers",
        Operation::CupsGetDefault => "CUPS-Get-Default",
        _ => "IPP request",
    }
}

/// Send `req` and collect the groups tagged `tag`. Transport failures become `Unreachable`
/// (connection refused, no route, timeout) or `Http`; IPP error statuses are left to the caller.
/// The answer is read up to `MAX_RESPONSE_BYTES`; a longer one is refused.
pub fn send(
    target: &Target<'_>,
    op: Operation,
    req: IppRequestResponse,
    tag: DelimiterTag,
) -> Result<Response, PrinterError> {
    use ureq::tls::{RootCerts, TlsConfig, TlsProvider};
    let uri = normalize_uri(target.uri)?;
    let tls = TlsConfig::builder()
        .provider(TlsProvider::NativeTls)
        .root_certs(RootCerts::PlatformVerifier)
        // Printers nearly always have self-signed certificates; we read status, we send no secrets.
        .disable_verification(true)
        .build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(target.timeout))
        .tls_config(tls)
        .user_agent(concat!("deskcheck/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut body = req.into_read();
    let response = agent
        .post(http_url(&uri))
        .header("content-type", "application/ipp")
        .send(ureq::SendBody::from_reader(&mut body))
        .map_err(|e| classify(e, op, target.uri))?;
    let mut bytes = Vec::new();
    response.into_body().into_with_config().limit(MAX_RESPONSE_BYTES).reader().read_to_end(&mut bytes).map_err(
        |e| match ureq::Error::from(e) {
            ureq::Error::BodyExceedsLimit(limit) => PrinterError::Protocol {
                operation: op_name(op),
                reason: format!("the answer is larger than {limit} bytes and was not read"),
                uri: target.uri.to_string(),
            },
            other => classify(other, op, target.uri),
        },
    )?;
    parse_bytes(&bytes, tag).map_err(|e| match e {
        PrinterError::Protocol { operation, reason, .. } => {
            PrinterError::Protocol { operation, reason, uri: target.uri.to_string() }
        }
        other => other,
    })
}

/// ipp:// is HTTP and ipps:// is HTTPS on the same port (`normalize_uri` has added 631).
fn http_url(uri: &Uri) -> String {
    let text = uri.to_string();
    if let Some(rest) = text.strip_prefix("ipps://") {
        format!("https://{rest}")
    } else if let Some(rest) = text.strip_prefix("ipp://") {
        format!("http://{rest}")
    } else {
        text
    }
}

/// Parse a captured IPP response (the body of the HTTP answer), e.g. a fixture.
pub fn parse_bytes(bytes: &[u8], tag: DelimiterTag) -> Result<Response, PrinterError> {
    let reader = ipp::reader::IppReader::new(std::io::Cursor::new(bytes.to_vec()));
    let resp = ipp::parser::IppParser::new(reader).parse().map_err(|e| PrinterError::Protocol {
        operation: "reading an IPP answer",
        reason: e.to_string(),
        uri: String::new(),
    })?;
    Ok(response_from(&resp, tag))
}

fn response_from(resp: &IppRequestResponse, tag: DelimiterTag) -> Response {
    let status = resp.header().status_code();
    let attrs = resp.attributes();
    let message = attrs
        .groups_of(DelimiterTag::OperationAttributes)
        .next()
        .and_then(|g| g.get("status-message"))
        .map(|a| value_text(a.value()));
    let groups = attrs
        .groups_of(tag)
        .map(|g| Group { attrs: g.attributes().iter().map(|a| (a.name().to_string(), a.value().clone())).collect() })
        .collect();
    Response { status, groups, message }
}

/// The request carrying a document (Print-Job).
pub fn with_payload(mut req: IppRequestResponse, bytes: Vec<u8>) -> IppRequestResponse {
    *req.payload_mut() = IppPayload::new(std::io::Cursor::new(bytes));
    req
}

fn classify(err: ureq::Error, op: Operation, uri: &str) -> PrinterError {
    let unreachable = |reason: String| PrinterError::Unreachable { reason, uri: uri.to_string() };
    match err {
        ureq::Error::StatusCode(code) => PrinterError::Http { status: code, uri: uri.to_string() },
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => {
                unreachable("the connection was refused (nothing answers on the printer port)".into())
            }
            std::io::ErrorKind::TimedOut => unreachable("no answer in time".into()),
            _ => unreachable(clean(&io.to_string())),
        },
        ureq::Error::Timeout(_) => unreachable("no answer in time".into()),
        ureq::Error::HostNotFound => unreachable("the printer's name does not resolve".into()),
        ureq::Error::ConnectionFailed => unreachable("the connection failed".into()),
        other => PrinterError::Protocol { operation: op_name(op), reason: clean(&other.to_string()), uri: uri.into() },
    }
}
