//! A checklist being walked in the window: the `Walk`, the automatic step's check running
//! on the engine (off the UI thread), and the tester a tool step opened. The app folds what
//! it produces into the session's report after every change, so a bundle saved at any
//! moment carries the transcript so far.

use std::sync::Arc;

use eframe::egui;

use super::tools::{self, ToolView};
use super::views::checklist::{ChecklistAction, ProbeView, StepView};
use crate::checklist::{Answer, ProbeResult, Walk};
use crate::checks;
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

pub struct ChecklistRun {
    walk: Walk,
    probe: Option<Probe>,
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
        let Some(check) = checks::find(probe) else {
            self.probe = Some(Probe {
                depth,
                handle: None,
                note: None,
                run: Some(CheckRun::errored(probe, Category::System, "no such check")),
            });
            return;
        };
        let waker_ctx = ctx.clone();
        let waker: engine::Waker = Arc::new(move || waker_ctx.request_repaint());
        self.probe = Some(match engine::start(vec![check], config.clone(), waker) {
            Ok(handle) => Probe { depth, handle: Some(handle), note: None, run: None },
            Err(err) => Probe {
                depth,
                handle: None,
                note: None,
                run: Some(CheckRun::errored(probe, Category::System, format!("could not start the check: {err}"))),
            },
        });
    }

    /// Collects the probe's events; true when something changed.
    pub fn drain(&mut self) -> bool {
        let Some(probe) = &mut self.probe else { return false };
        let Some(handle) = &probe.handle else { return false };
        let mut changed = false;
        let mut done = false;
        while let Some(event) = handle.try_recv() {
            changed = true;
            match event {
                EngineEvent::Progress { note, .. } => probe.note = Some(note),
                EngineEvent::Finished(run) => probe.run = Some(*run),
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
                self.ensure_probe(ctx, config);
            }
            ChecklistAction::OpenTool => {
                if let StepKind::Tool { tool, .. } = &self.walk.current().kind {
                    self.tool = tools::open(tool, report);
                }
            }
            ChecklistAction::Skip => self.answer(Answer::Skip),
            ChecklistAction::Back => {
                self.probe = None;
                self.walk.back();
            }
        }
        self.ensure_probe(ctx, config);
    }

    fn answer(&mut self, answer: Answer) {
        // Buttons only offer what the step takes, so a refusal means a stale click; ignore it.
        if self.walk.answer(answer).is_ok() {
            self.probe = None;
        }
    }

    /// Leaves the checklist; an unfinished walk is recorded as such.
    pub fn close(&mut self) {
        self.walk.abandon("closed before the end");
        self.probe = None;
        self.tool = None;
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
        StepView {
            checklist: self.walk.checklist(),
            step,
            position: self.walk.position(),
            can_back: self.walk.can_go_back(),
            probe,
            tool_missing,
            end: self.walk.is_finished().then(|| self.walk.end().kind),
        }
    }
}
