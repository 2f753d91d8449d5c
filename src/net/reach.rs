//! Reachability probes: TCP connect to host:port, HTTP(S) GET with status and latency,
//! and a captive-portal check (a known URL must return a known body, as Windows NCSI does).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::dns;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TcpResult {
    pub target: String,
    pub address: Option<SocketAddr>,
    pub connected: bool,
    pub latency_ms: Option<f64>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpResult {
    pub url: String,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    pub bytes: Option<u64>,
    pub final_url: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PortalState {
    NoPortal,
    PortalSuspected,
    Unreachable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaptivePortalResult {
    pub url: String,
    pub state: PortalState,
    pub status: Option<u16>,
    pub redirect_to: Option<String>,
    pub latency_ms: Option<f64>,
    pub error: Option<String>,
}

/// Split "host:port" or "[v6]:port"; the port is required.
pub fn split_host_port(target: &str) -> Result<(String, u16), String> {
    let t = target.trim();
    let (host, port) = if let Some(rest) = t.strip_prefix('[') {
        let (h, p) = rest.split_once("]:").ok_or_else(|| format!("'{target}' should look like [address]:port"))?;
        (h.to_string(), p)
    } else {
        let (h, p) = t.rsplit_once(':').ok_or_else(|| format!("'{target}' has no port (write host:port)"))?;
        (h.to_string(), p)
    };
    let port: u16 = port.parse().map_err(|_| format!("'{port}' in '{target}' is not a port number"))?;
    if port == 0 {
        return Err(format!("port 0 in '{target}' cannot be connected to"));
    }
    Ok((host, port))
}

pub async fn tcp_connect(target: &str, timeout: Duration) -> TcpResult {
    let mut r =
        TcpResult { target: target.to_string(), address: None, connected: false, latency_ms: None, error: None };
    let (host, port) = match split_host_port(target) {
        Ok(hp) => hp,
        Err(e) => {
            r.error = Some(e);
            return r;
        }
    };
    let ip = match dns::resolve_host(&host, timeout).await {
        Ok(ips) => ips[0],
        Err(e) => {
            r.error = Some(e.to_string());
            return r;
        }
    };
    let addr = SocketAddr::new(ip, port);
    r.address = Some(addr);
    let started = Instant::now();
    match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(addr)).await {
        Ok(Ok(_stream)) => {
            r.connected = true;
            r.latency_ms = Some(started.elapsed().as_secs_f64() * 1000.0);
        }
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            r.error = Some(format!("connection refused by {addr} (nothing listens on port {port})"))
        }
        Ok(Err(e)) => r.error = Some(format!("{addr}: {e}")),
        Err(_) => r.error = Some(format!("no answer from {addr} within {} ms", timeout.as_millis())),
    }
    r
}

fn agent(timeout: Duration, max_redirects: u32) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_redirects(max_redirects)
        .max_redirects_will_error(false)
        .build()
        .into()
}

fn check_url(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(format!("'{url}' is not a web address (it must start with http:// or https://)"));
    }
    url.parse::<ureq::http::Uri>().map(|_| ()).map_err(|e| format!("'{url}' is not a valid web address: {e}"))
}

/// GET `url` following redirects; the body is read (up to 1 MiB) so latency covers the transfer.
pub async fn http_get(url: &str, timeout: Duration) -> HttpResult {
    let mut r =
        HttpResult { url: url.into(), status: None, latency_ms: None, bytes: None, final_url: None, error: None };
    if let Err(e) = check_url(url) {
        r.error = Some(e);
        return r;
    }
    let u = url.to_string();
    let job = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let mut resp = agent(timeout, 10).get(&u).call()?;
        let status = resp.status().as_u16();
        let final_url = ureq::ResponseExt::get_uri(&resp).to_string();
        let body = resp.body_mut().with_config().limit(1024 * 1024).read_to_vec().unwrap_or_default();
        Ok::<_, ureq::Error>((status, final_url, body.len() as u64, started.elapsed()))
    });
    match finish(job, timeout).await {
        Ok((status, final_url, bytes, elapsed)) => {
            r.status = Some(status);
            r.latency_ms = Some(elapsed.as_secs_f64() * 1000.0);
            r.bytes = Some(bytes);
            r.final_url = (final_url != url).then_some(final_url);
        }
        Err(e) => r.error = Some(e),
    }
    r
}

/// Wait for a blocking request. ureq's own timeout bounds it; this outer one only guards
/// against a stuck thread. Errors come back in plain words.
async fn finish<T>(job: tokio::task::JoinHandle<Result<T, ureq::Error>>, timeout: Duration) -> Result<T, String> {
    match tokio::time::timeout(timeout + Duration::from_secs(1), job).await {
        Ok(Ok(Ok(v))) => Ok(v),
        Ok(Ok(Err(e))) => Err(describe(&e)),
        Ok(Err(e)) => Err(format!("the request crashed: {e}")),
        Err(_) => Err(format!("no answer within {} ms", timeout.as_millis())),
    }
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer in time".into(),
        ureq::Error::HostNotFound => "the name could not be looked up".into(),
        ureq::Error::ConnectionFailed => "the connection failed".into(),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused (nothing listens there)".into()
        }
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => "no answer in time".into(),
        ureq::Error::Io(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// The NCSI-style probe: no redirects followed; the expected body means no portal.
pub async fn captive_portal(url: &str, expected_body: &str, timeout: Duration) -> CaptivePortalResult {
    let mut r = CaptivePortalResult {
        url: url.into(),
        state: PortalState::Unreachable,
        status: None,
        redirect_to: None,
        latency_ms: None,
        error: None,
    };
    if let Err(e) = check_url(url) {
        r.error = Some(e);
        return r;
    }
    let u = url.to_string();
    let job = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let mut resp = agent(timeout, 0).get(&u).call()?;
        let status = resp.status().as_u16();
        let location = resp.headers().get("location").and_then(|v| v.to_str().ok()).map(String::from);
        let body = resp.body_mut().with_config().limit(64 * 1024).read_to_string().unwrap_or_default();
        Ok::<_, ureq::Error>((status, location, body, started.elapsed()))
    });
    match finish(job, timeout).await {
        Ok((status, location, body, elapsed)) => {
            r.status = Some(status);
            r.latency_ms = Some(elapsed.as_secs_f64() * 1000.0);
            r.redirect_to = location;
            r.state = classify(status, &body, expected_body);
        }
        Err(e) => r.error = Some(e),
    }
    r
}

/// A redirect or a page other than the expected one is a portal (or a filtering proxy).
pub fn classify(status: u16, body: &str, expected: &str) -> PortalState {
    if (200..300).contains(&status) && body.trim().contains(expected.trim()) {
        PortalState::NoPortal
    } else {
        PortalState::PortalSuspected
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};

    use super::*;

    /// A one-response-per-connection HTTP server on loopback.
    fn serve(response: &'static str) -> (String, std::thread::JoinHandle<()>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let h = std::thread::spawn(move || {
            if let Ok((mut s, _)) = listener.accept() {
                let mut buf = [0u8; 2048];
                let _ = s.read(&mut buf);
                let _ = s.write_all(response.as_bytes());
            }
        });
        (format!("http://{addr}/probe.txt"), h)
    }

    #[tokio::test]
    async fn captive_portal_states() {
        let (url, h) =
            serve("HTTP/1.1 200 OK\r\nContent-Length: 22\r\nConnection: close\r\n\r\ndeskcheck connect test");
        let r = captive_portal(&url, "deskcheck connect test", Duration::from_secs(3)).await;
        assert_eq!(r.state, PortalState::NoPortal, "{r:?}");
        h.join().unwrap();
        let (url, h) = serve(
            "HTTP/1.1 302 Found\r\nLocation: http://portal.hotel.example/login\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        let r = captive_portal(&url, "deskcheck connect test", Duration::from_secs(3)).await;
        assert_eq!(r.state, PortalState::PortalSuspected);
        assert_eq!(r.redirect_to.as_deref(), Some("http://portal.hotel.example/login"));
        h.join().unwrap();
        let (url, h) = serve("HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\nPlease sign");
        assert_eq!(
            captive_portal(&url, "deskcheck connect test", Duration::from_secs(3)).await.state,
            PortalState::PortalSuspected
        );
        h.join().unwrap();
    }

    #[tokio::test]
    async fn http_get_status_latency_and_bad_urls() {
        let (url, h) = serve("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
        let r = http_get(&url, Duration::from_secs(3)).await;
        assert_eq!((r.status, r.bytes), (Some(200), Some(5)), "{r:?}");
        assert!(r.latency_ms.is_some());
        h.join().unwrap();
        for bad in ["ftp://x", "not a url", "http://exa mple.com/"] {
            let r = http_get(bad, Duration::from_secs(1)).await;
            assert!(r.error.is_some() && r.status.is_none(), "{bad}: {r:?}");
        }
    }

    #[tokio::test]
    async fn tcp_connect_open_refused_and_bad_targets() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let open = listener.local_addr().unwrap();
        let r = tcp_connect(&open.to_string(), Duration::from_secs(2)).await;
        assert!(r.connected && r.latency_ms.is_some(), "{r:?}");
        drop(listener);
        let r = tcp_connect(&open.to_string(), Duration::from_secs(2)).await;
        assert!(!r.connected);
        assert!(r.error.unwrap().contains("refused"));
        for bad in ["no-port", "host:99999", "bad host:80", "[::1]80"] {
            let r = tcp_connect(bad, Duration::from_secs(1)).await;
            assert!(!r.connected && r.error.is_some(), "{bad}");
        }
        assert_eq!(split_host_port("[::1]:443").unwrap(), ("::1".to_string(), 443));
    }
}
