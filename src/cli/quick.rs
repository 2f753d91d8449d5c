//! Quick technician commands: `deskcheck ping HOST` and `deskcheck trace HOST`.

use std::time::Duration;

use anyhow::Context;

use super::output::{self, PingOutput, TraceOutput};
use super::{Cli, EXIT_FAIL, EXIT_OK, EXIT_WARN, PingArgs, TraceArgs, load_config};
use crate::model::{SCHEMA_VERSION, Status};
use crate::net::{dns, ping as pinger, trace as tracer};

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("could not start the async runtime")
}

async fn resolve(host: &str) -> anyhow::Result<std::net::IpAddr> {
    let addrs = dns::resolve_host(host, Duration::from_secs(3)).await?;
    addrs.first().copied().with_context(|| format!("{host} has no address"))
}

pub fn ping(cli: &Cli, args: &PingArgs) -> anyhow::Result<i32> {
    // Flags over the config file over the defaults; a broken file is refused before any probe.
    let config = load_config(cli)?;
    let count = args.count.unwrap_or(config.network.ping_count);
    let timeout_ms = args.timeout_ms.unwrap_or(config.network.probe_timeout_ms);
    let rt = runtime()?;
    rt.block_on(async {
        // An unknown or invalid host is "could not run": `execute` prints it and exits 3.
        let ip = resolve(&args.host).await?;
        let opts = pinger::PingOptions {
            count,
            interval: Duration::from_millis(args.interval_ms),
            timeout: Duration::from_millis(timeout_ms),
            ..pinger::PingOptions::default()
        };
        if !args.json {
            eprintln!("PING {} ({ip}): {} probes", args.host, opts.count);
        }
        let stats = pinger::ping(ip, &opts, None).await.with_context(|| format!("could not ping {ip}"))?;
        let code = match stats.received {
            0 => EXIT_FAIL,
            r if r < stats.sent => EXIT_WARN,
            _ => EXIT_OK,
        };
        if args.json {
            let status = Status::from_exit_code(code);
            output::print(&PingOutput { schema_version: SCHEMA_VERSION, status, host: args.host.clone(), stats })?;
        } else {
            for (seq, rtt) in stats.rtts_ms.iter().enumerate() {
                match rtt {
                    Some(ms) => println!("reply from {ip}: seq={seq} time={ms:.2} ms"),
                    None => println!("no reply from {ip}: seq={seq}"),
                }
            }
            if let Some(note) = &stats.note {
                println!("note: {note}");
            }
            let f = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into());
            println!(
                "--- {} ping statistics ---\n{} sent, {} received, {:.0}% loss\nrtt min/avg/max/mdev = {}/{}/{}/{} ms",
                args.host,
                stats.sent,
                stats.received,
                stats.loss_percent,
                f(stats.min_ms),
                f(stats.avg_ms),
                f(stats.max_ms),
                f(stats.mdev_ms)
            );
        }
        Ok(code)
    })
}

pub fn trace(cli: &Cli, args: &TraceArgs) -> anyhow::Result<i32> {
    // Flags over the config file over the defaults; a broken file is refused before any probe.
    let config = load_config(cli)?;
    let probes = args.probes.unwrap_or(config.network.trace_probes);
    let protocol = match args.protocol.to_ascii_lowercase().as_str() {
        "udp" => tracer::TraceProtocol::Udp,
        "icmp" => tracer::TraceProtocol::Icmp,
        "tcp" => tracer::TraceProtocol::Tcp { port: args.port },
        other => anyhow::bail!("unknown protocol '{other}' (choose udp, icmp or tcp)"),
    };
    let rt = runtime()?;
    rt.block_on(async {
        // An unknown or invalid host is "could not run": `execute` prints it and exits 3.
        let ip = resolve(&args.host).await?;
        let opts = tracer::TraceOptions {
            protocol,
            max_hops: args.max_hops,
            probes_per_hop: probes,
            resolve_names: !args.numeric,
            ..tracer::TraceOptions::default()
        };
        let snap = tracer::trace(ip, &opts, None).await.with_context(|| format!("could not trace the path to {ip}"))?;
        let code = if !snap.reached {
            EXIT_FAIL
        } else if snap.hops.iter().any(|h| h.loss_percent > 0.0) {
            EXIT_WARN
        } else {
            EXIT_OK
        };
        if args.json {
            let status = Status::from_exit_code(code);
            output::print(&TraceOutput {
                schema_version: SCHEMA_VERSION,
                status,
                host: args.host.clone(),
                trace: snap,
            })?;
        } else {
            println!("trace to {} ({ip}), {} probes per hop, {} ms", args.host, opts.probes_per_hop, snap.elapsed_ms);
            print!("{}", tracer::format_table(&snap));
            if let Some(note) = &snap.method_note {
                println!("note: {note}");
            }
        }
        Ok(code)
    })
}
