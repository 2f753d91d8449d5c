//! DNS probes: each server asked separately with raw queries (so the response code and
//! latency of *that* server are seen, not a resolver's retries and cache), the system
//! resolver through the OS, an NXDOMAIN-hijack probe, and reverse lookups.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use hickory_resolver::proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use serde::{Deserialize, Serialize};
use tokio::net::UdpSocket;

use super::join_all;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsStatus {
    NoError,
    NxDomain,
    ServFail,
    Refused,
    Timeout,
    Other(String),
}

impl DnsStatus {
    pub fn label(&self) -> String {
        match self {
            DnsStatus::NoError => "NOERROR".into(),
            DnsStatus::NxDomain => "NXDOMAIN".into(),
            DnsStatus::ServFail => "SERVFAIL".into(),
            DnsStatus::Refused => "REFUSED".into(),
            DnsStatus::Timeout => "TIMEOUT".into(),
            DnsStatus::Other(s) => s.clone(),
        }
    }

    fn from_code(code: ResponseCode) -> Self {
        match code {
            ResponseCode::NoError => DnsStatus::NoError,
            ResponseCode::NXDomain => DnsStatus::NxDomain,
            ResponseCode::ServFail => DnsStatus::ServFail,
            ResponseCode::Refused => DnsStatus::Refused,
            other => DnsStatus::Other(other.to_string().to_uppercase()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DnsAnswer {
    pub name: String,
    /// "A", "AAAA" or "PTR".
    pub record_type: String,
    pub status: DnsStatus,
    pub values: Vec<String>,
    pub latency_ms: Option<f64>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NxProbe {
    pub name: String,
    pub status: DnsStatus,
    /// The server answered with addresses for a name that cannot exist.
    pub hijacked: bool,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DnsServerReport {
    /// None: the system resolver (through the OS, as applications see it).
    pub server: Option<IpAddr>,
    pub label: String,
    pub answers: Vec<DnsAnswer>,
    pub nx_probe: Option<NxProbe>,
    /// Any answer that is not a timeout or a network error.
    pub responding: bool,
    pub avg_latency_ms: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DnsTestOptions {
    pub names: Vec<String>,
    pub nx_domain: Option<String>,
    pub query_timeout: Duration,
    pub include_system: bool,
}

impl Default for DnsTestOptions {
    fn default() -> Self {
        Self { names: Vec::new(), nx_domain: None, query_timeout: Duration::from_secs(1), include_system: true }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    #[error("'{name}' is not a valid host name: {reason}")]
    InvalidName { name: String, reason: String },
    #[error("no answer for {name} within {} ms", timeout.as_millis())]
    Timeout { name: String, timeout: Duration },
    #[error("{name} could not be resolved: {reason}")]
    NotFound { name: String, reason: String },
}

/// Host names as users type them: letters, digits and hyphens in dot-separated labels.
pub fn validate_host(host: &str) -> Result<(), DnsError> {
    let bad = |reason: &str| Err(DnsError::InvalidName { name: host.into(), reason: reason.into() });
    let h = host.strip_suffix('.').unwrap_or(host);
    if h.is_empty() {
        return bad("it is empty");
    }
    if h.len() > 253 {
        return bad("it is longer than 253 characters");
    }
    for label in h.split('.') {
        if label.is_empty() {
            return bad("it has an empty part between dots");
        }
        if label.len() > 63 {
            return bad("a part between dots is longer than 63 characters");
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return bad("only letters, digits, hyphens and dots are allowed");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return bad("a part cannot start or end with a hyphen");
        }
    }
    Ok(())
}

/// Resolve through the OS (getaddrinfo, honouring hosts files and nsswitch), bounded in time.
/// IP literals come back as they are, without a query.
pub async fn resolve_host(host: &str, timeout: Duration) -> Result<Vec<IpAddr>, DnsError> {
    let trimmed = host.trim().trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = trimmed.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    validate_host(trimmed)?;
    match tokio::time::timeout(timeout, tokio::net::lookup_host((trimmed, 0))).await {
        Err(_) => Err(DnsError::Timeout { name: trimmed.into(), timeout }),
        Ok(Err(e)) => Err(DnsError::NotFound { name: trimmed.into(), reason: e.to_string() }),
        Ok(Ok(addrs)) => {
            let mut ips: Vec<IpAddr> = Vec::new();
            for a in addrs {
                if !ips.contains(&a.ip()) {
                    ips.push(a.ip());
                }
            }
            // IPv4 first: it is what most office paths are built for.
            ips.sort_by_key(|ip| ip.is_ipv6());
            if ips.is_empty() {
                Err(DnsError::NotFound { name: trimmed.into(), reason: "no addresses".into() })
            } else {
                Ok(ips)
            }
        }
    }
}

/// One raw query to one server (port 53) over UDP, with its own timeout.
pub async fn query(server: IpAddr, name: &str, rtype: RecordType, timeout: Duration) -> DnsAnswer {
    query_at(SocketAddr::new(server, 53), name, rtype, timeout).await
}

async fn query_at(server: SocketAddr, name: &str, rtype: RecordType, timeout: Duration) -> DnsAnswer {
    let mut answer = DnsAnswer {
        name: name.to_string(),
        record_type: rtype.to_string(),
        status: DnsStatus::Timeout,
        values: Vec::new(),
        latency_ms: None,
        error: None,
    };
    let qname = match Name::from_ascii(name) {
        Ok(mut n) => {
            n.set_fqdn(true);
            n
        }
        Err(e) => {
            answer.status = DnsStatus::Other("INVALID".into());
            answer.error = Some(format!("invalid name: {e}"));
            return answer;
        }
    };
    match tokio::time::timeout(timeout, exchange(server, qname, rtype)).await {
        Err(_) => answer.error = Some(format!("no answer from {} within {} ms", server.ip(), timeout.as_millis())),
        Ok(Err(e)) => {
            // A refused socket (ICMP port unreachable) is as good as no server.
            answer.error = Some(e);
        }
        Ok(Ok((msg, elapsed))) => {
            answer.latency_ms = Some(elapsed.as_secs_f64() * 1000.0);
            answer.status = DnsStatus::from_code(msg.metadata.response_code);
            for r in &msg.answers {
                match &r.data {
                    RData::A(a) if rtype == RecordType::A => answer.values.push(a.0.to_string()),
                    RData::AAAA(a) if rtype == RecordType::AAAA => answer.values.push(a.0.to_string()),
                    RData::PTR(p) if rtype == RecordType::PTR => {
                        answer.values.push(p.to_string().trim_end_matches('.').into())
                    }
                    _ => {}
                }
            }
        }
    }
    answer
}

async fn exchange(addr: SocketAddr, name: Name, rtype: RecordType) -> Result<(Message, Duration), String> {
    let server = addr.ip();
    let bind: SocketAddr = if server.is_ipv4() { ([0, 0, 0, 0], 0).into() } else { ([0u16; 8], 0).into() };
    let sock = UdpSocket::bind(bind).await.map_err(|e| format!("could not open a UDP socket: {e}"))?;
    sock.connect(addr).await.map_err(|e| format!("could not reach {server}: {e}"))?;
    let mut msg = Message::query();
    msg.metadata.recursion_desired = true;
    msg.add_query(Query::query(name, rtype));
    let id = msg.metadata.id;
    let bytes = msg.to_vec().map_err(|e| format!("could not build the query: {e}"))?;
    let started = Instant::now();
    sock.send(&bytes).await.map_err(|e| format!("could not send to {server}: {e}"))?;
    let mut buf = vec![0u8; 4096];
    loop {
        let n = sock.recv(&mut buf).await.map_err(|e| format!("{server}: {e}"))?;
        let elapsed = started.elapsed();
        // Ignore stray or forged datagrams: only our id, as a response, counts.
        if let Ok(resp) = Message::from_vec(&buf[..n])
            && resp.metadata.id == id
            && resp.metadata.message_type == MessageType::Response
            && resp.metadata.op_code == OpCode::Query
        {
            return Ok((resp, elapsed));
        }
    }
}

/// `dc-<16 hex>.<domain>`: a label nobody registers.
pub fn random_label(domain: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(Instant::now().elapsed().as_nanos() as u64);
    format!("dc-{:016x}.{}", h.finish(), domain.trim_start_matches('.'))
}

fn summarize(
    server: Option<IpAddr>,
    label: String,
    answers: Vec<DnsAnswer>,
    nx_probe: Option<NxProbe>,
) -> DnsServerReport {
    let responding = answers.iter().any(|a| a.status != DnsStatus::Timeout && a.error.is_none())
        || nx_probe.as_ref().is_some_and(|n| n.status != DnsStatus::Timeout);
    let lat: Vec<f64> = answers.iter().filter_map(|a| a.latency_ms).collect();
    let avg_latency_ms = (!lat.is_empty()).then(|| lat.iter().sum::<f64>() / lat.len() as f64);
    DnsServerReport { server, label, answers, nx_probe, responding, avg_latency_ms }
}

async fn test_one(server: SocketAddr, opts: &DnsTestOptions) -> DnsServerReport {
    let mut queries = Vec::new();
    for name in &opts.names {
        queries.push(query_at(server, name, RecordType::A, opts.query_timeout));
        queries.push(query_at(server, name, RecordType::AAAA, opts.query_timeout));
    }
    let nx_name = opts.nx_domain.as_deref().map(random_label);
    let nx = async {
        match &nx_name {
            Some(n) => Some(query_at(server, n, RecordType::A, opts.query_timeout).await),
            None => None,
        }
    };
    let (answers, nx) = tokio::join!(join_all(queries), nx);
    let nx_probe = nx.map(|a| NxProbe {
        hijacked: a.status == DnsStatus::NoError && !a.values.is_empty(),
        name: a.name,
        status: a.status,
        values: a.values,
    });
    summarize(Some(server.ip()), server.ip().to_string(), answers, nx_probe)
}

async fn test_system(opts: &DnsTestOptions) -> DnsServerReport {
    let lookups = opts.names.iter().map(|name| async move {
        let started = Instant::now();
        let r = resolve_host(name, opts.query_timeout * 2).await;
        let latency = started.elapsed().as_secs_f64() * 1000.0;
        let (status, values, error, latency_ms) = match r {
            Ok(ips) => (DnsStatus::NoError, ips.iter().map(|i| i.to_string()).collect(), None, Some(latency)),
            Err(DnsError::Timeout { .. }) => (DnsStatus::Timeout, Vec::new(), Some("no answer".to_string()), None),
            Err(e) => (DnsStatus::Other("FAILED".into()), Vec::new(), Some(e.to_string()), Some(latency)),
        };
        DnsAnswer { name: name.clone(), record_type: "A/AAAA".into(), status, values, latency_ms, error }
    });
    let answers = join_all(lookups).await;
    summarize(None, "system resolver".into(), answers, None)
}

/// Test every server and (optionally) the system resolver, all queries at once:
/// the whole call is bounded by about one query timeout even when every server is dead.
/// When every server has been asked and none answers, the system resolver (which asks the
/// same servers, with its own retries) is not waited for: its answer would only come later.
pub async fn test_servers(servers: &[IpAddr], opts: &DnsTestOptions) -> Vec<DnsServerReport> {
    let per_server = join_all(servers.iter().map(|s| test_one(SocketAddr::new(*s, 53), opts)));
    let system =
        async { if opts.include_system && !opts.names.is_empty() { Some(test_system(opts).await) } else { None } };
    tokio::pin!(per_server, system);
    let mut reports: Option<Vec<DnsServerReport>> = None;
    let mut sys: Option<Option<DnsServerReport>> = None;
    while reports.is_none() || sys.is_none() {
        tokio::select! {
            r = &mut per_server, if reports.is_none() => {
                if !r.is_empty() && r.iter().all(|r| !r.responding) && sys.is_none() {
                    sys = Some(
                        (opts.include_system && !opts.names.is_empty()).then(|| system_not_waited_for(opts)),
                    );
                }
                reports = Some(r);
            }
            s = &mut system, if sys.is_none() => sys = Some(s),
        }
    }
    let mut reports = reports.unwrap_or_default();
    reports.extend(sys.flatten());
    reports
}

/// The system resolver's entry when it was not waited for: no server answered directly.
fn system_not_waited_for(opts: &DnsTestOptions) -> DnsServerReport {
    let answers = opts
        .names
        .iter()
        .map(|name| DnsAnswer {
            name: name.clone(),
            record_type: "A/AAAA".into(),
            status: DnsStatus::Timeout,
            values: Vec::new(),
            latency_ms: None,
            error: Some("not waited for: none of the DNS servers answers".into()),
        })
        .collect();
    summarize(None, "system resolver".into(), answers, None)
}

/// PTR lookup of an address, at one server or through the OS.
pub async fn reverse(addr: IpAddr, server: Option<IpAddr>, timeout: Duration) -> DnsAnswer {
    let ptr_name = Name::from(addr).to_ascii();
    match server {
        Some(s) => {
            let mut a = query(s, &ptr_name, RecordType::PTR, timeout).await;
            a.name = addr.to_string();
            a
        }
        None => {
            let started = Instant::now();
            let (status, values, error) = match tokio::time::timeout(timeout, system_reverse(addr)).await {
                Ok(Ok(names)) if !names.is_empty() => (DnsStatus::NoError, names, None),
                Ok(Ok(_)) => (DnsStatus::NxDomain, Vec::new(), None),
                Ok(Err(e)) if e.is_nx_domain() || e.is_no_records_found() => (DnsStatus::NxDomain, Vec::new(), None),
                Ok(Err(e)) => (DnsStatus::Other("FAILED".into()), Vec::new(), Some(e.to_string())),
                Err(_) => (DnsStatus::Timeout, Vec::new(), Some("no answer".into())),
            };
            DnsAnswer {
                name: addr.to_string(),
                record_type: "PTR".into(),
                status,
                values,
                latency_ms: Some(started.elapsed().as_secs_f64() * 1000.0),
                error,
            }
        }
    }
}

/// Reverse lookup through the system's DNS configuration (resolv.conf / the registry).
async fn system_reverse(addr: IpAddr) -> Result<Vec<String>, hickory_resolver::net::NetError> {
    let resolver = hickory_resolver::Resolver::builder_tokio()?.build()?;
    let lookup = resolver.reverse_lookup(addr).await?;
    Ok(lookup
        .answers()
        .iter()
        .filter_map(|r| match &r.data {
            RData::PTR(p) => Some(p.to_string().trim_end_matches('.').to_string()),
            _ => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_validation() {
        assert!(validate_host("www.example.com").is_ok());
        assert!(validate_host("printer-2.office.example.").is_ok());
        for bad in ["", "not a host!!", "a..b", "-a.com", &"a".repeat(64), &format!("{}.com", "a.".repeat(130))] {
            let e = validate_host(bad).unwrap_err().to_string();
            assert!(e.contains("is not a valid host name"), "{bad}: {e}");
        }
    }

    #[tokio::test]
    async fn literals_need_no_query_and_bad_names_fail_fast() {
        assert_eq!(
            resolve_host("127.0.0.1", Duration::from_secs(1)).await.unwrap(),
            vec![IpAddr::from([127, 0, 0, 1])]
        );
        assert_eq!(
            resolve_host("[::1]", Duration::from_secs(1)).await.unwrap(),
            vec!["::1".parse::<IpAddr>().unwrap()]
        );
        assert!(matches!(resolve_host("bad name", Duration::from_secs(1)).await, Err(DnsError::InvalidName { .. })));
    }

    /// A tiny DNS server on loopback that answers A queries with 10.9.8.7, NXDOMAIN for
    /// names starting with "dc-", or stays silent.
    async fn fake_server(mode: &'static str) -> (IpAddr, u16, tokio::task::JoinHandle<()>) {
        let sock = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let port = sock.local_addr().unwrap().port();
        let h = tokio::spawn(async move {
            let mut buf = [0u8; 1500];
            while let Ok((n, from)) = sock.recv_from(&mut buf).await {
                if mode == "silent" {
                    continue;
                }
                let req = Message::from_vec(&buf[..n]).unwrap();
                let mut resp = Message::response(req.metadata.id, OpCode::Query);
                resp.queries = req.queries.clone();
                let q = &req.queries[0];
                if q.name().to_ascii().starts_with("dc-") && mode != "hijack" {
                    resp.metadata.response_code = ResponseCode::NXDomain;
                } else if q.query_type() == RecordType::A {
                    resp.add_answer(hickory_resolver::proto::rr::Record::from_rdata(
                        q.name().clone(),
                        60,
                        RData::A(hickory_resolver::proto::rr::rdata::A([10, 9, 8, 7].into())),
                    ));
                }
                sock.send_to(&resp.to_vec().unwrap(), from).await.unwrap();
            }
        });
        (IpAddr::from([127, 0, 0, 1]), port, h)
    }

    #[test]
    fn statuses_have_words() {
        assert_eq!(DnsStatus::from_code(ResponseCode::NXDomain).label(), "NXDOMAIN");
        assert_eq!(DnsStatus::Timeout.label(), "TIMEOUT");
    }

    #[tokio::test]
    async fn random_labels_differ() {
        assert_ne!(random_label("example.com"), random_label("example.com"));
        assert!(random_label(".example.com").ends_with(".example.com"));
    }

    fn opts() -> DnsTestOptions {
        DnsTestOptions {
            names: vec!["www.test.example".into()],
            nx_domain: Some("test.example".into()),
            query_timeout: Duration::from_millis(500),
            include_system: false,
        }
    }

    #[tokio::test]
    async fn answers_codes_and_nxdomain_probe_from_a_real_udp_server() {
        let (ip, port, h) = fake_server("normal").await;
        let r = test_one(SocketAddr::new(ip, port), &opts()).await;
        assert!(r.responding);
        let a = r.answers.iter().find(|a| a.record_type == "A").unwrap();
        assert_eq!((a.status.clone(), a.values.clone()), (DnsStatus::NoError, vec!["10.9.8.7".to_string()]));
        let nx = r.nx_probe.unwrap();
        assert_eq!(nx.status, DnsStatus::NxDomain);
        assert!(!nx.hijacked);
        h.abort();
    }

    #[tokio::test]
    async fn hijacking_server_is_caught() {
        let (ip, port, h) = fake_server("hijack").await;
        let r = test_one(SocketAddr::new(ip, port), &opts()).await;
        assert!(r.nx_probe.unwrap().hijacked);
        h.abort();
    }

    #[tokio::test]
    async fn silent_server_times_out_within_the_query_timeout() {
        let (ip, port, h) = fake_server("silent").await;
        let started = Instant::now();
        let r = test_one(SocketAddr::new(ip, port), &opts()).await;
        assert!(!r.responding);
        assert!(r.answers.iter().all(|a| a.status == DnsStatus::Timeout));
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        h.abort();
    }
}
