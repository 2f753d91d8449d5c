//! `deskcheck run|show …`: drives the engine without a window, prints progress on
//! stderr, the report on stdout (`--json`), writes the bundle, and sets the exit code
//! in the monitoring-plugin convention (0 OK, 1 warning, 2 failure, 3 could not run).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::bundle::{self, Privacy, WriteOptions};
use crate::checks::{self, CheckBox};
use crate::config::Config;
use crate::engine::{self, EngineEvent};
use crate::i18n::{self, Lang};
use crate::logging::LogBuffer;
use crate::model::{Category, Outcome, Report, Status};
use crate::platform;
use crate::session::Session;
use crate::t;

mod checklist;
mod decode;
pub mod output;
mod quick;

pub const EXIT_OK: i32 = 0;
pub const EXIT_WARN: i32 = 1;
pub const EXIT_FAIL: i32 = 2;
pub const EXIT_UNKNOWN: i32 = 3;

#[derive(Debug, Parser)]
#[command(name = "deskcheck", version, about = "Finds out why the network, a printer, a display or a peripheral misbehaves, and saves a diagnostic bundle for the support ticket.", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Config file (default: the platform config dir's deskcheck/deskcheck.toml); every
    /// subcommand reads it, and a `checklists/` folder beside it holds your own checklists.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Language of the output, the reports and the window: en or da (default: the OS's language).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Open this saved bundle (.zip) in the window, read-only, as soon as it shows.
    #[arg(long, value_name = "BUNDLE")]
    pub open: Option<PathBuf>,
}

impl Cli {
    /// `--lang`, else the OS's language.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::system)
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "en" => Ok(Lang::En),
        "da" => Ok(Lang::Da),
        _ => Err(format!("unknown language '{s}' (choose en or da)")),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run checks without a window.
    Run(Box<RunArgs>),
    /// Print a saved bundle's summary and verify every file against its manifest.
    Show(ShowArgs),
    /// Ping a host (ICMP without admin rights where the OS allows it, else TCP connect).
    Ping(PingArgs),
    /// Trace the path to a host, every hop probed at once (mtr-style statistics with --probes).
    Trace(TraceArgs),
    /// Walk a guided checklist (printer, display, peripheral, or your own) without a window.
    Checklist(Box<checklist::ChecklistArgs>),
    /// Turn a read-out code (the user reads it from the result screen or summary.txt) back
    /// into the list of results. A wrong code exits 3 and says so on stderr.
    Decode(decode::DecodeArgs),
}

#[derive(Debug, Args)]
pub struct PingArgs {
    /// Host name or IP address.
    pub host: String,
    /// Echo requests to send (1–1000; default: the config's network.ping_count, 10).
    #[arg(long, short = 'c', value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub count: Option<u32>,
    /// Milliseconds between echo requests (200–60000; like ping, shorter needs admin rights, so it is not offered).
    #[arg(long, short = 'i', default_value_t = 200, value_parser = clap::value_parser!(u64).range(200..=60_000))]
    pub interval_ms: u64,
    /// Milliseconds to wait for each reply (1–60000; default: the config's network.probe_timeout_ms, 1000).
    #[arg(long, short = 'W', value_parser = clap::value_parser!(u64).range(1..=60_000))]
    pub timeout_ms: Option<u64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TraceArgs {
    /// Host name or IP address.
    pub host: String,
    /// Probes per hop (1–100; 10 gives mtr-style statistics in about 4 s: routers answer 6 at once,
    /// then 1 per second; default: the config's network.trace_probes, else 3 as traceroute sends).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub probes: Option<u32>,
    /// Highest TTL to probe (1–64).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u8).range(1..=64))]
    pub max_hops: u8,
    /// Probe protocol: icmp (default, echo like mtr; on Linux UDP where ICMP is not permitted), udp
    /// (classic traceroute), or tcp. Windows traces with icmp only (the ICMP API, as tracert: UDP and
    /// TCP probes with a TTL need administrator rights there).
    #[arg(long, default_value = "icmp")]
    pub protocol: String,
    /// Destination port for --protocol tcp (1–65535).
    #[arg(long, default_value_t = 443, value_parser = clap::value_parser!(u16).range(1..))]
    pub port: u16,
    /// Don't look up hop names.
    #[arg(long, short = 'n')]
    pub numeric: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Areas to check: system, network, printers, displays, peripherals (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "AREA")]
    pub only: Vec<String>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Outside host to ping and trace (repeatable; replaces all configured ping/trace targets).
    #[arg(long = "target", value_name = "HOST")]
    pub targets: Vec<String>,
    /// DNS test name (repeatable; replaces the configured names).
    #[arg(long = "dns-name", value_name = "NAME")]
    pub dns_names: Vec<String>,
    /// URL to fetch (repeatable; replaces the configured URLs).
    #[arg(long = "url", value_name = "URL")]
    pub urls: Vec<String>,
    /// host:port that must accept a TCP connection (repeatable; replaces the configured ports).
    #[arg(long = "port", value_name = "HOST:PORT")]
    pub ports: Vec<String>,
    /// A printer by IPP URI, besides the local queues (repeatable), e.g. ipp://192.0.2.7:631/ipp/print.
    #[arg(long = "printer", value_name = "URI")]
    pub printers: Vec<String>,
    /// Also run the active DHCP probe (needs admin rights; listens about 4 s for every DHCP server).
    #[arg(long)]
    pub dhcp_probe: bool,
    /// Test-only checks to add (pass, panic, sleep, block, slow, secrets); for the test suite.
    #[arg(long, value_delimiter = ',', hide = true)]
    pub test_checks: Vec<String>,
}

/// What to do with the report: shared by `run` and `checklist`.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Write a diagnostic bundle (zip) to this path.
    #[arg(long, value_name = "PATH")]
    pub bundle: Option<PathBuf>,
    /// Overwrite an existing bundle file.
    #[arg(long)]
    pub force: bool,
    /// Redaction profile for the bundle and the JSON: standard (secrets) or strict (also hosts, users, IPs, MACs).
    #[arg(long, default_value = "standard", value_name = "PROFILE")]
    pub privacy: String,
    /// Ticket reference to record in the report.
    #[arg(long, value_name = "REF")]
    pub ticket: Option<String>,
    /// The user's description of the problem, in their words.
    #[arg(long, value_name = "TEXT")]
    pub issue: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The bundle (.zip) to show.
    pub bundle: PathBuf,
    /// Print the bundle's report.json instead of its summary.
    #[arg(long)]
    pub json: bool,
}

/// Parses arguments; usage errors exit 3 ("could not run"), help and version exit 0.
pub fn parse() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { EXIT_UNKNOWN } else { EXIT_OK };
            // Printing help/usage can only fail if stdout/stderr is gone; nothing more to say then.
            let _ = err.print();
            std::process::exit(code);
        }
    }
}

/// Runs a subcommand and returns the process exit code.
pub fn execute(cli: &Cli, command: &Command, log: &LogBuffer) -> i32 {
    let result = match command {
        Command::Run(args) => run(cli, args, log),
        Command::Show(args) => show(cli, args),
        Command::Ping(args) => quick::ping(cli, args),
        Command::Trace(args) => quick::trace(cli, args),
        Command::Checklist(args) => checklist::run(cli, args, log),
        Command::Decode(args) => decode::run(args),
    };
    result.unwrap_or_else(|err| {
        eprintln!("deskcheck: {err:#}");
        // A script that asked for JSON gets JSON even when nothing could run.
        if wants_json(command) {
            let _ = output::print(&output::ErrorOutput::new(Status::Error, format!("{err:#}")));
        }
        EXIT_UNKNOWN
    })
}

fn wants_json(command: &Command) -> bool {
    match command {
        Command::Run(args) => args.output.json,
        Command::Show(args) => args.json,
        Command::Ping(args) => args.json,
        Command::Trace(args) => args.json,
        Command::Checklist(args) => args.output.json,
        Command::Decode(args) => args.json,
    }
}

pub fn load_config(cli: &Cli) -> anyhow::Result<Config> {
    Ok(Config::load(cli.config.as_deref())?)
}

fn parse_areas(only: &[String]) -> anyhow::Result<Vec<Category>> {
    if only.is_empty() {
        return Ok(Category::ALL.to_vec());
    }
    let mut areas = Vec::new();
    for name in only.iter().filter(|n| !n.trim().is_empty()) {
        let area = Category::from_key(name).with_context(|| t!("cli-unknown-area", area = name.as_str()))?;
        if !areas.contains(&area) {
            areas.push(area);
        }
    }
    Ok(areas)
}

/// CLI flags over the config file over the defaults, in one place.
fn apply_overrides(config: &mut Config, args: &RunArgs) {
    if !args.targets.is_empty() {
        config.targets.ping_hosts = args.targets.clone();
    }
    if !args.dns_names.is_empty() {
        config.targets.dns_names = args.dns_names.clone();
    }
    if !args.urls.is_empty() {
        config.targets.http_urls = args.urls.clone();
    }
    if !args.ports.is_empty() {
        config.targets.tcp_ports = args.ports.clone();
    }
    config.printers.uris.extend(args.printers.iter().cloned());
}

fn run(cli: &Cli, args: &RunArgs, log: &LogBuffer) -> anyhow::Result<i32> {
    let mut config = load_config(cli)?;
    apply_overrides(&mut config, args);
    let config = Arc::new(config);
    let privacy = args.output.check()?;
    let areas = parse_areas(&args.only)?;
    let mut plan: Vec<CheckBox> = checks::for_areas(&areas);
    if args.dhcp_probe {
        plan.push(checks::network::dhcp_probe());
    }
    if !args.test_checks.is_empty() {
        plan.extend(checks::testing::by_names(&args.test_checks).map_err(|e| anyhow::anyhow!(e))?);
    }

    let mut session = Session::new(platform::host_info());
    args.output.describe(&mut session.report);
    let area_names: Vec<&str> = areas.iter().map(|a| a.key()).collect();
    eprintln!("deskcheck: {}", t!("cli-running", count = plan.len(), areas = area_names.join(", ")));
    tracing::info!(checks = plan.len(), areas = %area_names.join(","), "run started");

    let handle = engine::start(plan, config, Arc::new(|| {}))?;
    let mut done = 0;
    while let Some(event) = handle.recv() {
        if let EngineEvent::Finished(run) = &event {
            done += 1;
            eprintln!("{}", progress_line(done, session.planned.len(), run));
        }
        let all_done = event == EngineEvent::AllDone;
        session.apply(event);
        if all_done {
            break;
        }
    }
    drop(handle);
    let report = session.report;

    print_outcome(&report);
    let code = report.exit_code();
    args.output.emit(&report, privacy, log, Status::from_exit_code(code))?;
    Ok(code)
}

/// The human end of a run on stderr: counts, the verdict, the read-out code and when.
fn print_outcome(report: &Report) {
    let lang = i18n::current();
    let line = i18n::text(lang, &report.counts_msg("cli-counts"));
    eprintln!("deskcheck: {line}");
    if let Some(v) = &report.verdict {
        let status = format!("{} {}", v.severity.icon(), v.severity.label_in(lang));
        eprintln!("deskcheck: {}", t!("cli-verdict", status = status, headline = v.headline_in(lang)));
    }
    let code = crate::readout::encode(report);
    eprintln!("deskcheck: {}", t!("cli-readout-code", code = code.to_string()));
    if let Some(finished) = report.finished_at {
        eprintln!("deskcheck: {}", t!("cli-finished-at", time = bundle::local_time(finished)));
    }
}

impl OutputArgs {
    /// Checks the flags before anything runs: a bad profile, or a bundle path that could
    /// not be written (a folder, a missing or read-only folder, an existing file without
    /// `--force`), is refused at once, and the old file stays untouched.
    fn check(&self) -> anyhow::Result<Privacy> {
        let privacy: Privacy = self.privacy.parse().map_err(|e: String| anyhow::anyhow!(e))?;
        if let Some(path) = &self.bundle {
            bundle::check_target(path, &WriteOptions { force: self.force, privacy, lang: i18n::current() })?;
        }
        Ok(privacy)
    }

    /// Puts the ticket and the user's words into the report.
    fn describe(&self, report: &mut Report) {
        report.ticket = self.ticket.clone();
        if let Some(issue) = &self.issue {
            report.notes.issue = issue.clone();
        }
    }

    /// Writes the bundle and prints the JSON, as asked. The bundle goes first: if it cannot
    /// be written, stdout holds one JSON document (the error), not a report and an error.
    fn emit(&self, report: &Report, privacy: Privacy, log: &LogBuffer, status: Status) -> anyhow::Result<()> {
        if let Some(path) = &self.bundle {
            let options = WriteOptions { force: self.force, privacy, lang: i18n::current() };
            let written = bundle::write(report, &log.text(), path, &options)?;
            let path = written.path.display().to_string();
            eprintln!("deskcheck: {}", t!("cli-bundle-saved", path = path, bytes = written.bytes));
            if let Some(map) = written.map_path {
                eprintln!("deskcheck: {}", t!("cli-map-saved", path = map.display().to_string()));
            }
        }
        if self.json {
            output::print(&output::ReportOutput {
                status,
                report: Cow::Owned(bundle::redact_report(report, privacy)),
            })?;
        }
        Ok(())
    }
}

fn progress_line(done: usize, total: usize, run: &crate::model::CheckRun) -> String {
    let lang = i18n::current();
    let status = match (&run.outcome, run.severity()) {
        (Outcome::Completed, Some(s)) => format!("{} {}", s.icon(), s.label_in(lang)),
        (Outcome::Completed, None) => format!("✔ {}", t!("cli-status-done")),
        (Outcome::Unsupported { .. }, _) => format!("– {}", t!("cli-status-na")),
        (Outcome::Skipped { .. }, _) => format!("– {}", t!("cli-status-skip")),
        (Outcome::TimedOut { .. }, _) => format!("⏱ {}", t!("cli-status-timeout")),
        (Outcome::Errored { .. }, _) => format!("⚠ {}", t!("cli-status-error")),
    };
    let width = total.to_string().len();
    let mut line = format!("[{done:>width$}/{total}] {status:<10} {} ({} ms)", run.title_in(lang), run.duration_ms);
    if let Some(reason) = run.outcome.reason_in(lang) {
        line.push_str(&format!(" — {reason}"));
    } else if let Some(worst) = run.findings.iter().rev().max_by_key(|f| f.severity) {
        line.push_str(&format!(" — {}", worst.summary_in(lang)));
    }
    line
}

fn show(cli: &Cli, args: &ShowArgs) -> anyhow::Result<i32> {
    // Nothing in `show` depends on the config yet, but a broken file is refused here as
    // everywhere else, so a mistake is found whichever command meets it first.
    load_config(cli)?;
    match bundle::read(&args.bundle) {
        Ok(opened) => {
            let files = opened.manifest.files.len();
            if args.json {
                output::print(&output::ReportOutput::of(Cow::Owned(opened.report)))?;
            } else {
                // The saved summary when it is in the asked language; else the same summary
                // worded again from report.json, which keeps every message.
                let lang = i18n::current();
                let summary = if opened.manifest.lang == lang {
                    opened.summary
                } else {
                    bundle::summary_text(&opened.report, lang)
                };
                print!("{summary}");
                if !summary.ends_with('\n') {
                    println!();
                }
            }
            eprintln!("deskcheck: {}", t!("cli-bundle-intact", files = files, path = display(&args.bundle)));
            Ok(EXIT_OK)
        }
        Err(err) if err.is_integrity() => {
            eprintln!("deskcheck: {}", t!("cli-bundle-damaged", error = err.to_string()));
            if args.json {
                let error = format!("bundle is damaged or was changed: {err}");
                output::print(&output::ErrorOutput::new(Status::Fail, error))?;
            }
            Ok(EXIT_FAIL)
        }
        Err(err) => Err(err.into()),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
