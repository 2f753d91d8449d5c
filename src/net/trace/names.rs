//! Reverse DNS of hop addresses, alongside the trace: each lookup is its own task with
//! its own deadline, and its result (typed, never an error) is folded in when it arrives.

use std::net::IpAddr;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{Name, RData};
use tokio::task::JoinSet;
use tokio::time::Duration;

use super::{HopName, TraceOptions};

pub(super) struct Names {
    resolver: Result<TokioResolver, String>,
    timeout: Duration,
    tasks: JoinSet<(IpAddr, HopName)>,
}

impl Names {
    pub fn new(opts: &TraceOptions) -> Names {
        Names { resolver: resolver(opts), timeout: opts.name_timeout, tasks: JoinSet::new() }
    }

    /// Start looking up `addr`; `Some` when the answer is known at once (no resolver).
    pub fn lookup(&mut self, addr: IpAddr) -> Option<HopName> {
        let resolver = match &self.resolver {
            Ok(r) => r.clone(),
            Err(why) => return Some(HopName::Failed(why.clone())),
        };
        let timeout = self.timeout;
        self.tasks.spawn(async move {
            let name = match tokio::time::timeout(timeout, resolver.reverse_lookup(Name::from(addr))).await {
                Err(_) => HopName::Timeout,
                Ok(Ok(lookup)) => lookup
                    .answers()
                    .iter()
                    .find_map(|r| match &r.data {
                        RData::PTR(ptr) => Some(HopName::Resolved(ptr.0.to_utf8().trim_end_matches('.').to_string())),
                        _ => None,
                    })
                    .unwrap_or(HopName::NotFound),
                Ok(Err(e)) if e.is_no_records_found() => HopName::NotFound,
                Ok(Err(hickory_resolver::net::NetError::Timeout)) => HopName::Timeout,
                Ok(Err(e)) => HopName::Failed(format!("{e}")),
            };
            (addr, name)
        });
        None
    }

    /// The next finished lookup; `None` when none is running.
    pub async fn next(&mut self) -> Option<(IpAddr, HopName)> {
        loop {
            match self.tasks.join_next().await? {
                Ok(done) => return Some(done),
                // A panicked lookup leaves its name Pending, shown as Timeout at the end.
                Err(e) => tracing::debug!("reverse lookup task failed: {e}"),
            }
        }
    }

    pub fn running(&self) -> bool {
        !self.tasks.is_empty()
    }
}

fn resolver(opts: &TraceOptions) -> Result<TokioResolver, String> {
    let mut builder = if opts.dns_servers.is_empty() {
        TokioResolver::builder_tokio().map_err(|e| format!("no system DNS configuration: {e}"))?
    } else {
        let servers = opts.dns_servers.iter().map(|ip| NameServerConfig::udp_and_tcp(*ip)).collect();
        TokioResolver::builder_with_config(ResolverConfig::from_name_servers(servers), TokioRuntimeProvider::default())
    };
    let o = builder.options_mut();
    o.timeout = opts.name_timeout;
    // One try: the whole lookup has `name_timeout` anyway, and a retry would only overrun it.
    o.attempts = 1;
    builder.build().map_err(|e| format!("could not set up DNS: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::trace::tests::silent_dns_server;

    #[tokio::test]
    async fn a_silent_server_gives_timeout_within_the_name_timeout() {
        let Some(silent) = silent_dns_server() else { return };
        let opts = TraceOptions {
            dns_servers: vec![silent.local_addr().unwrap().ip()],
            name_timeout: Duration::from_millis(200),
            ..TraceOptions::default()
        };
        let mut names = Names::new(&opts);
        // 192.0.2.1 is only the question here; the query goes to the loopback server.
        let addr: IpAddr = "192.0.2.1".parse().unwrap();
        assert_eq!(names.lookup(addr), None);
        assert!(names.running());
        let started = std::time::Instant::now();
        assert_eq!(names.next().await, Some((addr, HopName::Timeout)));
        assert!(started.elapsed() < Duration::from_millis(400), "{:?}", started.elapsed());
        assert!(!names.running());
        assert_eq!(names.next().await, None);
    }
}
