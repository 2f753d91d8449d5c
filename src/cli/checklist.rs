//! `deskcheck checklist NAME [--answers FILE]`: walks a guided checklist without a window.
//! Answers come from the answers file (step id → answer); a step it does not answer is
//! asked on the terminal when there is one, else the walk stops there (and says so).
//! Automatic steps run their checks for real. `--list` shows what is on offer.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use super::output::{self, ChecklistEntry, ChecklistListOutput};
use super::{EXIT_OK, EXIT_UNKNOWN, EXIT_WARN, OutputArgs, load_config, progress_line};
use crate::checklist::{self, Answers, Hooks, Library, Reply, Walk};
use crate::checks;
use crate::checks::printers::spooler::{self, RESTART_SPOOLER_ID};
use crate::checks::printers::{self, CANCEL_STUCK_ID};
use crate::config::Config;
use crate::engine;
use crate::logging::LogBuffer;
use crate::model::{Category, CheckRun, EndKind, SCHEMA_VERSION, Status, StepKind};
use crate::platform;
use crate::session::Session;
use crate::t;

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// The checklist to walk: printer, display, peripheral, or one of your own (see --list).
    #[arg(required_unless_present = "list")]
    pub name: Option<String>,
    /// List the checklists on offer (built in and from the checklists folder) and stop.
    #[arg(long)]
    pub list: bool,
    /// Answers by step id (`power = "yes"`, `panel = "Paper jam"`, a list for repeated visits).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// A printer by IPP URI for the printer steps (repeatable), e.g. ipp://192.0.2.7:631/ipp/print.
    #[arg(long = "printer", value_name = "URI")]
    pub printers: Vec<String>,
    /// Offer other users' stuck print jobs for cancelling too (by default only yours are
    /// offered; theirs are shown as "not yours, left alone").
    #[arg(long)]
    pub others_jobs: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(cli: &super::Cli, args: &ChecklistArgs, log: &LogBuffer) -> anyhow::Result<i32> {
    let mut config = load_config(cli)?;
    config.printers.uris.extend(args.printers.iter().cloned());
    let config = Arc::new(config);
    let library = Library::load(config.checklists_dir().as_deref());
    for problem in &library.problems {
        eprintln!("deskcheck: {}", t!("cli-checklist-unusable", problem = problem.to_string()));
    }
    if args.list {
        return if args.output.json { list_json(&library) } else { Ok(list(&library)) };
    }
    let Some(name) = args.name.as_deref() else {
        anyhow::bail!(t!("cli-checklist-name-one", ids = library.ids().join(", ")));
    };
    let Some(found) = library.find(name) else {
        if let Some(p) = library.problems.iter().find(|p| file_stem(&p.file).eq_ignore_ascii_case(name)) {
            anyhow::bail!(t!("cli-checklist-cannot-use", name = name, problem = p.to_string()));
        }
        anyhow::bail!(t!("cli-checklist-unknown", name = name, ids = library.ids().join(", ")));
    };
    let privacy = args.output.check()?;
    let mut answers = match &args.answers {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| t!("cli-checklist-answers-unreadable", path = path.display().to_string()))?;
            Answers::parse(&text, &path.display().to_string(), found)?
        }
        None => Answers::empty("the command line (no --answers file)"),
    };

    let mut session = Session::new(platform::host_info());
    args.output.describe(&mut session.report);
    let mut walk = Walk::new(found.clone());
    eprintln!(
        "deskcheck: {}",
        t!("cli-checklist-start", id = found.id.as_str(), title = found.title.get(crate::i18n::current()))
    );
    let interactive = std::io::stdin().is_terminal();
    // Approvals for the cancel step come out of the answers before the walk reads them: the
    // step shows its jobs first, then applies them.
    let mut approvals: std::collections::HashMap<String, std::collections::VecDeque<String>> =
        std::collections::HashMap::new();
    for step in &found.steps {
        if let StepKind::Automatic { probe, .. } = &step.kind
            && printers::takes_approval(probe)
        {
            while let Some(a) = answers.take_approval(&step.id) {
                approvals.entry(probe.clone()).or_default().push_back(a);
            }
        }
    }
    let answers_source = answers.source.clone();
    let mut probe = |id: &str| {
        let given = approvals.get_mut(id).and_then(|q| q.pop_front());
        if id == CANCEL_STUCK_ID {
            cancel_with_consent(&config, args.others_jobs, given, interactive, &answers_source)
        } else if id == RESTART_SPOOLER_ID {
            restart_with_consent(&config, given, interactive, &answers_source)
        } else {
            run_probe(id, &config)
        }
    };
    let mut ask = |w: &Walk| if interactive { ask_terminal(w) } else { None };
    let mut answered = |w: &Walk| {
        if let Some(e) = w.entries().last() {
            eprintln!("  [{}] {} → {}", e.step, e.question, e.answer);
        }
    };
    let probe_runs =
        checklist::drive(&mut walk, &mut answers, Hooks { probe: &mut probe, ask: &mut ask, answered: &mut answered });

    let end = walk.end();
    let report = &mut session.report;
    report.runs.extend(probe_runs);
    report.runs.push(walk.check_run(config.support_contact.as_deref()));
    report.checklists.push(walk.transcript());
    report.finished_at = Some(chrono::Utc::now());
    report.verdict = crate::diagnose::verdict(&report.runs);
    let ended = crate::bundle::end_label(end.kind, crate::i18n::current());
    eprintln!("deskcheck: {}", t!("cli-checklist-ended", end = ended, text = end.text.as_str()));
    let code = match end.kind {
        EndKind::Abandoned => EXIT_UNKNOWN,
        EndKind::Resolved | EndKind::Escalate => report.exit_code(),
    };
    args.output.emit(report, privacy, log, Status::from_exit_code(code))?;
    Ok(code)
}

fn list(library: &Library) -> i32 {
    let mut out = std::io::stdout().lock();
    for c in &library.checklists {
        // Listing to a closed pipe (`| head`) is not an error worth reporting.
        let _ =
            writeln!(out, "{:<14} {:<12} {}  [{}]", c.id, c.area.key(), c.title.get(crate::i18n::current()), c.source);
    }
    if library.problems.is_empty() { EXIT_OK } else { EXIT_WARN }
}

/// `--list --json`: the same list for scripts.
fn list_json(library: &Library) -> anyhow::Result<i32> {
    let code = if library.problems.is_empty() { EXIT_OK } else { EXIT_WARN };
    let checklists = library
        .checklists
        .iter()
        .map(|c| ChecklistEntry {
            id: c.id.clone(),
            area: c.area,
            title: c.title.get(crate::i18n::current()).to_string(),
            description: c.description.get(crate::i18n::current()).to_string(),
            source: c.source.clone(),
        })
        .collect();
    output::print(&ChecklistListOutput {
        schema_version: SCHEMA_VERSION,
        status: Status::from_exit_code(code),
        checklists,
        problems: library.problems.iter().map(|p| p.to_string()).collect(),
    })?;
    Ok(code)
}

fn file_stem(file: &str) -> String {
    std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default()
}

/// Runs one check by id to its end, with its own timeout, on the engine.
fn run_probe(id: &str, config: &Arc<Config>) -> CheckRun {
    let Some(check) = checks::find(id) else {
        return CheckRun::errored(id, Category::System, format!("no check has the id '{id}'"));
    };
    eprintln!("  [{id}] {}", t!("cli-running-one"));
    match engine::run_blocking(vec![check], config.clone()) {
        Ok(mut runs) if !runs.is_empty() => {
            let run = runs.remove(0);
            eprintln!("  {}", progress_line(1, 1, &run));
            run
        }
        Ok(_) => CheckRun::errored(id, Category::System, "the check did not report back"),
        Err(err) => CheckRun::errored(id, Category::System, format!("could not start the check: {err}")),
    }
}

/// The cancel step: show the stuck jobs, take the approval (from the answers file, else the
/// terminal; with neither, nothing is approved), then cancel exactly the approved ids.
fn cancel_with_consent(
    config: &Arc<Config>,
    others_jobs: bool,
    given: Option<String>,
    interactive: bool,
    answers_source: &str,
) -> CheckRun {
    let offer = printers::cancel_offer(config, others_jobs);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "  {}", t!("cli-stuck-jobs", user = offer.user.as_str()));
    let lines = offer.describe();
    if lines.is_empty() {
        let _ = writeln!(err, "    {}", t!("cli-none"));
    }
    for line in &lines {
        let _ = writeln!(err, "    {line}");
    }
    let approval = match given {
        // Checked when the answers file was read.
        Some(text) => printers::Approval::parse(&text).unwrap_or(printers::Approval::Nothing),
        None if offer.offered().is_empty() => printers::Approval::Nothing,
        None if interactive => ask_approval(&mut err),
        None => {
            let _ = writeln!(err, "  {}", t!("cli-no-approval-jobs", source = answers_source));
            printers::Approval::Nothing
        }
    };
    drop(err);
    let (approved, not_offered) = approval.select(&offer);
    let ids: Vec<String> = approved.iter().map(|j| j.id.to_string()).collect();
    let approved_ids = if ids.is_empty() { t!("cli-none") } else { ids.join(", ") };
    eprintln!("  {}", t!("cli-approved", what = approved_ids));
    let (check, log) = printers::cancel_approved(offer, approved.clone(), not_offered, Duration::from_secs(30));
    eprintln!("  [{CANCEL_STUCK_ID}] {}", t!("cli-running-one"));
    let mut run = match engine::run_blocking(vec![check], config.clone()) {
        Ok(mut runs) if !runs.is_empty() => runs.remove(0),
        Ok(_) => CheckRun::errored(CANCEL_STUCK_ID, Category::Printers, "the check did not report back"),
        Err(err) => CheckRun::errored(CANCEL_STUCK_ID, Category::Printers, format!("could not start the check: {err}")),
    };
    printers::explain_stop(&mut run, &log, &approved);
    eprintln!("  {}", progress_line(1, 1, &run));
    run
}

/// The spooler restart step: say exactly what will happen and that it needs administrator
/// rights, take a yes (answers file, else the terminal; with neither, no), then restart.
fn restart_with_consent(
    config: &Arc<Config>,
    given: Option<String>,
    interactive: bool,
    answers_source: &str,
) -> CheckRun {
    eprintln!("  {}", spooler::restart_plan_in(crate::i18n::current()));
    let approved = match given {
        // Checked when the answers file was read; job ids are no yes.
        Some(text) => printers::Approval::parse(&text).is_ok_and(|a| a == printers::Approval::AllShown),
        None if interactive => ask_yes_no(&format!("{} ", t!("cli-ask-restart"))),
        None => {
            eprintln!("  {}", t!("cli-no-approval-restart", source = answers_source));
            false
        }
    };
    let answer = if approved { t!("cli-yes") } else { t!("cli-no") };
    eprintln!("  {}", t!("cli-approved", what = answer));
    let check = if approved { spooler::restart_approved() } else { spooler::restart_unapproved() };
    eprintln!("  [{RESTART_SPOOLER_ID}] {}", t!("cli-running-one"));
    let run = match engine::run_blocking(vec![check], config.clone()) {
        Ok(mut runs) if !runs.is_empty() => runs.remove(0),
        Ok(_) => CheckRun::errored(RESTART_SPOOLER_ID, Category::Printers, "the check did not report back"),
        Err(err) => {
            CheckRun::errored(RESTART_SPOOLER_ID, Category::Printers, format!("could not start the check: {err}"))
        }
    };
    eprintln!("  {}", progress_line(1, 1, &run));
    run
}

/// A yes or no typed on the terminal; anything but yes is no.
fn ask_yes_no(question: &str) -> bool {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => false,
        Ok(_) => matches!(line.trim().to_ascii_lowercase().as_str(), "yes" | "y"),
    }
}

/// Which of the shown jobs to cancel, typed on the terminal.
fn ask_approval(err: &mut impl Write) -> printers::Approval {
    let stdin = std::io::stdin();
    loop {
        let _ = write!(err, "{} ", t!("cli-ask-cancel"));
        let _ = err.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => return printers::Approval::Nothing,
            Ok(_) => {}
        }
        match printers::Approval::parse(&line) {
            Ok(a) => return a,
            Err(message) => {
                let _ = writeln!(err, "  {message}");
            }
        }
    }
}

/// One plain question on the terminal; "back" goes back, an empty line or end of input stops.
fn ask_terminal(walk: &Walk) -> Option<Reply> {
    let step = walk.current();
    let (n, total) = walk.position();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err);
    let _ = writeln!(err, "{}", t!("cli-step", n = n, total = total, text = step.text.get(crate::i18n::current())));
    if let Some(help) = &step.help {
        let _ = writeln!(err, "  ({})", help.get(crate::i18n::current()));
    }
    // The words to type stay as the answer parser reads them (yes, no, done, failed…).
    let choices = match &step.kind {
        StepKind::YesNo { .. } => "yes / no".to_string(),
        StepKind::Instruction { .. } => "done / failed".to_string(),
        StepKind::Tool { tool, .. } => t!("cli-choices-tool", tool = tool.as_str()),
        StepKind::Choice { options } => {
            for (i, o) in options.iter().enumerate() {
                let _ = writeln!(err, "  {}. {}", i + 1, o.label.get(crate::i18n::current()));
            }
            t!("cli-choices-number")
        }
        StepKind::Text { .. } => t!("cli-choices-text"),
        _ => String::new(),
    };
    let stdin = std::io::stdin();
    loop {
        let back = if walk.can_go_back() { ", back" } else { "" };
        let _ = write!(err, "{} ", t!("cli-ask-answer", choices = format!("{choices}, skip{back}")));
        let _ = err.flush();
        let mut line = String::new();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        if line.eq_ignore_ascii_case("back") && walk.can_go_back() {
            return Some(Reply::Back);
        }
        match checklist::to_answer(step, line) {
            Ok(a) => return Some(Reply::Answer(a)),
            Err(message) => {
                let _ = writeln!(err, "  {message}");
            }
        }
    }
}
