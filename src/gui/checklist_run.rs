//! A checklist being walked in the window: the `Walk`, the automatic step's check running
//! on the engine (off the UI thread), and the tester a tool step opened. The app folds what
//! it produces into the session's report after every change, so a bundle saved at any
//! moment carries the transcript so far.

use std::collections::BTreeSet;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use eframe::egui;

use super::tools::{self, ToolView};
use super::views::checklist::{ChecklistAction, ConsentView, ProbeView, StepView};
use crate::checklist::{Answer, ProbeResult, Walk};
use crate::checks;
use crate::checks::printers::{self, CANCEL_STUCK_ID, CancelLog, CancelOffer, ShownJob};
use crate::config::Config;
use crate::engine::{self, EngineEvent, RunHandle};
use crate::model::{Category, CheckRun, Checklist, Report, StepKind};

/// The automatic step's check: running (with its last progress note) or finished.
struct Probe {
    /// The walk depth it was started at, so a result never lands on another visit.
    depth: usize,
    handle: Option<RunHandle>,
    note: Option<String>,
    run: Option<CheckRun>,
}

/// The cancel step before its check runs: the stuck jobs being read, then shown with a box
/// per job; only the ticked ids are handed to the check.
struct Consent {
    depth: usize,
    offer_rx: Option<mpsc::Receiver<CancelOffer>>,
    offer: Option<CancelOffer>,
    selected: BTreeSet<i32>,
    /// Set once the user approved: the check is running on exactly these jobs.
    approved: Option<(Vec<ShownJob>, CancelLog)>,
}

pub struct ChecklistRun {
    walk: Walk,
    probe: Option<Probe>,
    consent: Option<Consent>,
    tool: Option<Box<dyn ToolView>>,
    /// The free-text answer being typed.
    pub text: String,
    /// Runs of automatic steps, newest per check id, for the report.
    probe_runs: Vec<CheckRun>,
    /// Who to call, for the escalation finding.
    support: Option<String>,
}

impl ChecklistRun {
    pub fn new(checklist: Checklist, config: &Config) -> Self {
        Self {
            walk: Walk::new(checklist),
            probe: None,
            consent: None,
            tool: None,
            text: String::new(),
            probe_runs: Vec::new(),
            support: config.support_contact.clone(),
        }
    }

    pub fn walk(&self) -> &Walk {
        &self.walk
    }

    /// Whether the automatic step's check is still out.
    pub fn probing(&self) -> bool {
        self.probe.as_ref().is_some_and(|p| p.run.is_none())
    }

    /// The tester shown as a full view, if one is open.
    pub fn tool_mut(&mut self) -> Option<&mut Box<dyn ToolView>> {
        self.tool.as_mut()
    }

    /// The open tester's heading.
    pub fn tool_title(&self) -> Option<String> {
        self.tool.as_ref().map(|t| t.title().to_string())
    }

    /// A tester finished: its report is the step's answer.
    pub fn tool_finished(&mut self, report: crate::model::ToolReport) {
        self.tool = None;
        self.answer(Answer::Tool(report));
    }

    /// Starts the automatic step's check when the walk stands on one without a result.
    pub fn ensure_probe(&mut self, ctx: &egui::Context, config: &Arc<Config>) {
        let StepKind::Automatic { probe, .. } = &self.walk.current().kind else { return };
        if self.walk.is_finished() || self.probe.as_ref().is_some_and(|p| p.depth == self.walk.depth()) {
            return;
        }
        let depth = self.walk.depth();
        if probe == CANCEL_STUCK_ID {
            // Nothing is cancelled before the user has seen the jobs and ticked some.
            // The approved check is started by `approve`, never here.
            if self.consent.as_ref().is_none_or(|c| c.depth != depth) {
                self.consent = Some(read_offer(depth, ctx, config));
            }
            return;
        }
        let Some(check) = checks::find(probe) else {
            self.probe = Some(Probe {
                depth,
                handle: None,
                note: None,
                run: Some(CheckRun::errored(probe, Category::System, "no such check")),
            });
            return;
        };
        self.probe = Some(start_probe(depth, check, Category::System, ctx, config));
    }

    /// Collects the probe's events; true when something changed.
    pub fn drain(&mut self) -> bool {
        let mut changed = false;
        if let Some(c) = &mut self.consent
            && let Some(rx) = &c.offer_rx
            && let Ok(offer) = rx.try_recv()
        {
            c.offer = Some(offer);
            c.offer_rx = None;
            changed = true;
        }
        changed | self.drain_probe()
    }

    fn drain_probe(&mut self) -> bool {
        let Some(probe) = &mut self.probe else { return false };
        let Some(handle) = &probe.handle else { return false };
        let mut changed = false;
        let mut done = false;
        while let Some(event) = handle.try_recv() {
            changed = true;
            match event {
                EngineEvent::Progress { note, .. } => probe.note = Some(note),
                EngineEvent::Finished(run) => {
                    let mut run = *run;
                    // A cancel run that was stopped says which approved jobs it reached.
                    if let Some(Consent { approved: Some((approved, log)), .. }) = &self.consent
                        && run.id == CANCEL_STUCK_ID
                    {
                        printers::explain_stop(&mut run, log, approved);
                    }
                    probe.run = Some(run);
                }
                EngineEvent::AllDone => done = true,
                _ => {}
            }
        }
        if done && let Some(handle) = probe.handle.take() {
            // Joining the engine thread can take a moment; never on the UI thread.
            let _ = std::thread::Builder::new().name("deskcheck-probe-drop".into()).spawn(move || drop(handle));
        }
        changed
    }

    pub fn apply(&mut self, action: ChecklistAction, ctx: &egui::Context, config: &Arc<Config>, report: &Report) {
        match action {
            ChecklistAction::Open(_) | ChecklistAction::Close => {}
            ChecklistAction::Yes => self.answer(Answer::Yes),
            ChecklistAction::No => self.answer(Answer::No),
            ChecklistAction::Done => self.answer(Answer::Done),
            ChecklistAction::Failed => self.answer(Answer::Failed),
            ChecklistAction::Choice(i) => self.answer(Answer::Choice(i)),
            ChecklistAction::Text(t) => {
                self.answer(Answer::Text(t));
                self.text.clear();
            }
            ChecklistAction::Continue => {
                if let Some(run) = self.probe.as_ref().and_then(|p| p.run.clone()) {
                    let result = ProbeResult::from_run(&run);
                    self.probe_runs.retain(|r| r.id != run.id);
                    self.probe_runs.push(run);
                    self.answer(Answer::Probe(result));
                }
            }
            ChecklistAction::RunAgain => {
                self.probe = None;
                // The cancel step shows the jobs again and asks again.
                self.consent = None;
                self.ensure_probe(ctx, config);
            }
            ChecklistAction::OpenTool => {
                if let StepKind::Tool { tool, .. } = &self.walk.current().kind {
                    self.tool = tools::open(tool, report);
                }
            }
            ChecklistAction::ToggleJob(id) => {
                if let Some(c) = &mut self.consent
                    && !c.selected.remove(&id)
                {
                    c.selected.insert(id);
                }
            }
            ChecklistAction::OthersJobs(allowed) => {
                if let Some(c) = &mut self.consent
                    && let Some(offer) = &mut c.offer
                {
                    offer.others_allowed = allowed;
                    let offered: Vec<i32> = offer.offered().iter().map(|j| j.id).collect();
                    c.selected.retain(|id| offered.contains(id));
                }
            }
            ChecklistAction::ApproveJobs => self.approve(ctx, config),
            ChecklistAction::Skip => self.answer(Answer::Skip),
            ChecklistAction::Back => {
                self.probe = None;
                self.consent = None;
                self.walk.back();
            }
        }
        self.ensure_probe(ctx, config);
    }

    /// Starts the cancel check on exactly the ticked jobs of the list shown.
    fn approve(&mut self, ctx: &egui::Context, config: &Arc<Config>) {
        let Some(c) = &mut self.consent else { return };
        let Some(offer) = &c.offer else { return };
        if c.approved.is_some() {
            return;
        }
        let approved: Vec<ShownJob> =
            offer.offered().into_iter().filter(|j| c.selected.contains(&j.id)).cloned().collect();
        let (check, log) =
            printers::cancel_approved(offer.clone(), approved.clone(), Vec::new(), Duration::from_secs(30));
        c.approved = Some((approved, log));
        self.probe = Some(start_probe(self.walk.depth(), check, Category::Printers, ctx, config));
    }

    fn answer(&mut self, answer: Answer) {
        // Buttons only offer what the step takes, so a refusal means a stale click; ignore it.
        if self.walk.answer(answer).is_ok() {
            self.probe = None;
            self.consent = None;
        }
    }

    /// Leaves the checklist; an unfinished walk is recorded as such.
    pub fn close(&mut self) {
        self.walk.abandon("closed before the end");
        self.probe = None;
        self.consent = None;
        self.tool = None;
    }

    /// Whether the cancel step is waiting for the user to approve jobs.
    pub fn awaiting_consent(&self) -> bool {
        self.consent.as_ref().is_some_and(|c| c.offer.is_some() && c.approved.is_none())
    }

    /// Puts the transcript, the checklist's run and the probes' runs into the report,
    /// replacing what an earlier state of this walk put there.
    pub fn record(&self, report: &mut Report) {
        let id = &self.walk.checklist().id;
        report.checklists.retain(|c| &c.id != id);
        report.checklists.push(self.walk.transcript());
        let run = self.walk.check_run(self.support.as_deref());
        report.runs.retain(|r| r.id != run.id && !self.probe_runs.iter().any(|p| p.id == r.id));
        report.runs.extend(self.probe_runs.iter().cloned());
        report.runs.push(run);
    }

    /// What the step screen draws.
    pub fn view(&self) -> StepView<'_> {
        let step = self.walk.current();
        let probe = match (&step.kind, &self.probe) {
            (StepKind::Automatic { .. }, Some(p)) => Some(match &p.run {
                Some(run) => ProbeView::Finished(run),
                None => ProbeView::Running(p.note.as_deref()),
            }),
            _ => None,
        };
        let tool_missing = matches!(&step.kind, StepKind::Tool { tool, .. } if !tools::exists(tool));
        let consent = match (&self.consent, &self.probe) {
            (Some(c), None) if c.depth == self.walk.depth() => Some(match &c.offer {
                Some(offer) => ConsentView::Ready { offer, selected: &c.selected },
                None => ConsentView::Reading,
            }),
            _ => None,
        };
        StepView {
            checklist: self.walk.checklist(),
            step,
            position: self.walk.position(),
            can_back: self.walk.can_go_back(),
            probe,
            consent,
            tool_missing,
            end: self.walk.is_finished().then(|| self.walk.end().kind),
        }
    }
}

/// Reads the stuck jobs off the UI thread (IPP requests can take seconds).
fn read_offer(depth: usize, ctx: &egui::Context, config: &Arc<Config>) -> Consent {
    let (tx, rx) = mpsc::channel();
    let config = config.clone();
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new().name("deskcheck-cancel-offer".into()).spawn(move || {
        // The receiver is gone only when the step was left; then nobody needs the list.
        let _ = tx.send(printers::cancel_offer(&config, false));
        ctx.request_repaint();
    });
    let mut consent = Consent { depth, offer_rx: Some(rx), offer: None, selected: BTreeSet::new(), approved: None };
    if let Err(err) = spawned {
        consent.offer_rx = None;
        consent.offer =
            Some(CancelOffer { notes: vec![format!("could not read the jobs: {err}")], ..CancelOffer::default() });
    }
    consent
}

/// Runs one step's check on the engine, repainting as it reports; a check that could not
/// start becomes an errored run, shown like any other result.
fn start_probe(
    depth: usize,
    check: checks::CheckBox,
    category: Category,
    ctx: &egui::Context,
    config: &Arc<Config>,
) -> Probe {
    let id = check.meta().id;
    let waker_ctx = ctx.clone();
    let waker: engine::Waker = Arc::new(move || waker_ctx.request_repaint());
    match engine::start(vec![check], config.clone(), waker) {
        Ok(handle) => Probe { depth, handle: Some(handle), note: None, run: None },
        Err(err) => Probe {
            depth,
            handle: None,
            note: None,
            run: Some(CheckRun::errored(id, category, format!("could not start the check: {err}"))),
        },
    }
}
