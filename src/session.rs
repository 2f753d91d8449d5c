//! A session folds engine events into a `Report` and keeps the live state the
//! views show (what is planned, running, done). Every front end uses it.

use chrono::Utc;

use crate::engine::EngineEvent;
use crate::model::{Category, HostInfo, Report, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    Waiting,
    Running,
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedCheck {
    pub id: String,
    pub title: String,
    pub category: Category,
    pub state: RunState,
    pub last_note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub report: Report,
    pub planned: Vec<PlannedCheck>,
    pub finished: bool,
}

/// An area's badge: not run / running / pass / warn / fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaStatus {
    NotRun,
    Running,
    /// Ran, but every check was unsupported or skipped.
    NotAvailable,
    Done(Severity),
}

impl AreaStatus {
    pub fn label(self) -> &'static str {
        match self {
            AreaStatus::NotRun => "Not run",
            AreaStatus::Running => "Running",
            AreaStatus::NotAvailable => "Not available",
            AreaStatus::Done(Severity::Pass) | AreaStatus::Done(Severity::Info) => "Pass",
            AreaStatus::Done(Severity::Warn) => "Warning",
            AreaStatus::Done(Severity::Fail) => "Fail",
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            AreaStatus::NotRun => "○",
            AreaStatus::Running => "⟳",
            AreaStatus::NotAvailable => "–",
            AreaStatus::Done(Severity::Info) => Severity::Pass.icon(),
            AreaStatus::Done(s) => s.icon(),
        }
    }
}

impl Session {
    pub fn new(host: HostInfo) -> Self {
        Self { report: Report::new(host, Utc::now()), planned: Vec::new(), finished: false }
    }

    /// A session over a finished report (a bundle opened for review).
    pub fn from_report(report: Report) -> Self {
        let planned = report
            .runs
            .iter()
            .map(|r| PlannedCheck {
                id: r.id.clone(),
                title: r.title.clone(),
                category: r.category,
                state: RunState::Done,
                last_note: None,
            })
            .collect();
        Self { report, planned, finished: true }
    }

    pub fn apply(&mut self, event: EngineEvent) {
        match event {
            EngineEvent::Planned { id, title, category } => {
                self.planned.push(PlannedCheck { id, title, category, state: RunState::Waiting, last_note: None })
            }
            EngineEvent::Started { id } => {
                if let Some(p) = self.planned_mut(&id) {
                    p.state = RunState::Running;
                }
            }
            EngineEvent::Progress { id, note } => {
                if let Some(p) = self.planned_mut(&id) {
                    p.last_note = Some(note);
                }
            }
            EngineEvent::Finished(run) => {
                if let Some(p) = self.planned_mut(&run.id) {
                    p.state = RunState::Done;
                }
                self.report.runs.push(*run);
            }
            EngineEvent::AllDone => {
                self.finished = true;
                self.report.finished_at = Some(Utc::now());
                // Stable order for the report: the registry's order, not completion order.
                let order: Vec<String> = self.planned.iter().map(|p| p.id.clone()).collect();
                self.report.runs.sort_by_key(|r| order.iter().position(|id| *id == r.id).unwrap_or(usize::MAX));
                self.report.verdict = crate::diagnose::verdict(&self.report.runs);
                self.report.readout_code = Some(crate::readout::encode(&self.report).to_string());
            }
        }
    }

    fn planned_mut(&mut self, id: &str) -> Option<&mut PlannedCheck> {
        self.planned.iter_mut().find(|p| p.id == id)
    }

    /// (done, total) for a progress bar.
    pub fn progress(&self) -> (usize, usize) {
        let done = self.planned.iter().filter(|p| p.state == RunState::Done).count();
        (done, self.planned.len())
    }

    pub fn area_status(&self, category: Category) -> AreaStatus {
        let mine: Vec<&PlannedCheck> = self.planned.iter().filter(|p| p.category == category).collect();
        if mine.is_empty() {
            return AreaStatus::NotRun;
        }
        if mine.iter().any(|p| p.state != RunState::Done) {
            return AreaStatus::Running;
        }
        match self.report.area_severity(category) {
            Some(s) => AreaStatus::Done(s),
            None => AreaStatus::NotAvailable,
        }
    }
}
