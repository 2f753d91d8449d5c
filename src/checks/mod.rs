//! Checks: each one is a small self-describing unit (`meta()` + `run()`) that turns
//! probe results into findings. `registry()` lists every real check.

pub mod data;
pub mod displays;
pub mod manual;
pub mod network;
pub mod peripherals;
pub mod printers;
pub mod system;
pub mod testing;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use tokio::sync::watch;

use crate::config::Config;
use crate::model::{Attachment, Category, CheckData, CheckRun, Finding};
use crate::net::live::LiveBoard;

/// What a check needs beyond an ordinary user session, shown before it runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    pub root: bool,
    pub network: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckMeta {
    /// Stable dotted id: `<area>.<family>.<what>`, e.g. `system.disk.free`.
    pub id: &'static str,
    pub title: &'static str,
    pub category: Category,
    /// One sentence: what the check looks at, for the GUI tooltip and docs.
    pub description: &'static str,
    pub timeout: Duration,
    pub needs: Needs,
}

/// What a check hands back when it could run.
#[derive(Debug, Clone, Default)]
pub struct CheckResult {
    pub findings: Vec<Finding>,
    /// Structured results for machines reading the JSON.
    pub data: serde_json::Value,
    /// The check id the data's type belongs to (`CheckData::CHECK_ID`), so the engine can
    /// hold a check to writing its own type.
    pub data_check: Option<&'static str>,
    pub attachments: Vec<Attachment>,
}

impl CheckResult {
    pub fn new(findings: Vec<Finding>) -> Self {
        Self { findings, ..Self::default() }
    }

    /// The check's typed data, as the JSON contract wants it: always an object (a list is a
    /// `model::ListData`), floats without noise. The type names its check, and every
    /// reader reads it back with `CheckRun::data::<T>()`: changing it is a compile error on
    /// both sides, never a blank view.
    pub fn with_data<T: CheckData>(mut self, data: T) -> Self {
        self.data = json_data(&data);
        self.data_check = Some(T::CHECK_ID);
        self
    }

    /// The data of a network check that a lower layer stopped before it tried anything
    /// (`{"not_tested": …}`): the same shape for every such check, read as "no data".
    pub fn with_not_tested_data(mut self, data: impl serde::Serialize) -> Self {
        self.data = json_data(&data);
        self
    }

    /// Data that is no check's type: the `--test-checks` checks that plant secrets.
    pub fn with_raw_data(mut self, data: serde_json::Value) -> Self {
        self.data = json_data(&data);
        self
    }

    pub fn attach(mut self, attachment: Attachment) -> Self {
        self.attachments.push(attachment);
        self
    }
}

/// A value as a run's `data`: an object, floats rounded.
fn json_data(data: &impl serde::Serialize) -> serde_json::Value {
    // Serialising our own plain structs cannot fail; if it ever did, the findings still stand.
    crate::model::data_object(serde_json::to_value(data).unwrap_or(serde_json::Value::Null))
}

/// What a check had when it was cut off (`CheckCx::record_partial`).
#[derive(Debug, Clone, Default)]
pub struct Partial {
    pub data: serde_json::Value,
    /// The check id of the data's type, as `CheckResult::data_check`.
    pub data_check: Option<&'static str>,
}

/// Why a check could not produce findings.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CheckError {
    /// The feature or hardware is absent on this system (not a failure).
    #[error("not available on this system: {0}")]
    Unsupported(String),
    /// Deliberately not run (missing privilege, missing tool, not asked for).
    #[error("skipped: {0}")]
    Skipped(String),
    /// Not available on this system, the reason worded by a message (every reader shows it
    /// in its own language).
    #[error("not available on this system: {}", crate::i18n::text(crate::i18n::Lang::En, .0))]
    UnsupportedMsg(crate::i18n::Msg),
    /// Deliberately not run, the reason worded by a message.
    #[error("skipped: {}", crate::i18n::text(crate::i18n::Lang::En, .0))]
    SkippedMsg(crate::i18n::Msg),
    #[error("{0}")]
    Failed(String),
}

/// Progress notes a check can send while it runs ("hop 3 answered").
pub type ProgressFn = Arc<dyn Fn(&str) + Send + Sync>;

/// The runs of one engine run as they finish, so a check can wait for the outcome of a
/// check it depends on (`Check::depends_on`) instead of waiting out its own timeouts.
/// One `watch` channel per planned check id; a check that is not part of the run has none.
#[derive(Default)]
pub struct RunBoard {
    finished: std::collections::HashMap<String, watch::Sender<Option<Arc<CheckRun>>>>,
}

impl RunBoard {
    /// A board for the planned check ids.
    pub fn new<'a>(planned: impl IntoIterator<Item = &'a str>) -> Arc<Self> {
        Arc::new(Self { finished: planned.into_iter().map(|id| (id.to_string(), watch::channel(None).0)).collect() })
    }

    /// Record a finished run; its waiters wake.
    pub fn publish(&self, run: &CheckRun) {
        if let Some(tx) = self.finished.get(&run.id) {
            tx.send_replace(Some(Arc::new(run.clone())));
        }
    }

    /// The run of `id` once it has finished; None at once when `id` is not part of this run.
    pub async fn outcome(&self, id: &str) -> Option<Arc<CheckRun>> {
        let mut rx = self.finished.get(id)?.subscribe();
        // The sender lives as long as the board, which the caller holds: this returns.
        rx.wait_for(Option::is_some).await.ok()?.clone()
    }
}

/// Everything a check may use while it runs.
#[derive(Clone)]
pub struct CheckCx {
    pub config: Arc<Config>,
    /// Where probes publish live snapshots (RTT series, hop tables) for views to draw.
    pub live: Arc<LiveBoard>,
    /// The other checks' outcomes as they finish (empty outside the engine).
    pub runs: Arc<RunBoard>,
    /// What the check has so far (`record_partial`): the engine keeps it as the run's data
    /// when the check is cut off by its timeout or the suite deadline.
    partial: Arc<std::sync::Mutex<Partial>>,
    progress: ProgressFn,
}

impl CheckCx {
    pub fn new(config: Arc<Config>, progress: ProgressFn) -> Self {
        Self {
            config,
            live: LiveBoard::new(),
            runs: Arc::new(RunBoard::default()),
            partial: Arc::new(std::sync::Mutex::new(Partial::default())),
            progress,
        }
    }

    pub fn with_live(mut self, live: Arc<LiveBoard>) -> Self {
        self.live = live;
        self
    }

    pub fn with_runs(mut self, runs: Arc<RunBoard>) -> Self {
        self.runs = runs;
        self
    }

    /// Keep `data` as what this check has so far, in case it does not finish in time. The
    /// check's own data type, so the cut-off run reads like a finished one.
    pub fn record_partial<T: CheckData>(&self, data: &T) {
        if let Ok(mut slot) = self.partial.lock() {
            *slot = Partial { data: json_data(data), data_check: Some(T::CHECK_ID) };
        }
    }

    /// The latest `record_partial` data (Null when none), for the engine.
    pub fn take_partial(&self) -> Partial {
        self.partial.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default()
    }

    /// A context that drops progress notes, for tests and one-off runs.
    pub fn quiet(config: Config) -> Self {
        Self::new(Arc::new(config), Arc::new(|_| {}))
    }

    pub fn progress(&self, note: &str) {
        (self.progress)(note);
    }
}

#[async_trait]
pub trait Check: Send + Sync {
    fn meta(&self) -> &CheckMeta;
    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError>;

    /// Checks whose outcome this one reads through `cx.runs` (lower layers it stands on),
    /// so it can stop at once when one of them failed. The conformance test holds every
    /// id here to a real check.
    fn depends_on(&self) -> &'static [&'static str] {
        &[]
    }

    /// Work that runs after the verdict (the DHCP probe listens for seconds): not bound by
    /// the suite deadline.
    fn background(&self) -> bool {
        false
    }
}

pub type CheckBox = Arc<dyn Check>;

/// Every real check, in display order.
pub fn registry() -> Vec<CheckBox> {
    let mut all = network::checks();
    all.extend(printers::checks());
    all.extend(displays::checks());
    all.extend(peripherals::checks());
    all.extend(system::checks());
    all
}

/// Every check, the on-demand ones too (for conformance tests and docs).
pub fn all_checks() -> Vec<CheckBox> {
    let mut all = registry();
    all.push(network::dhcp_probe());
    all.extend(printers::on_demand());
    all.extend(displays::on_demand());
    all.extend(peripherals::on_demand());
    all
}

/// Any check (the on-demand ones too) by its id, for checklist steps that name one.
pub fn find(id: &str) -> Option<CheckBox> {
    all_checks().into_iter().find(|c| c.meta().id == id)
}

/// The real checks of the given areas.
pub fn for_areas(areas: &[Category]) -> Vec<CheckBox> {
    registry().into_iter().filter(|c| areas.contains(&c.meta().category)).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// Conformance over every registered check (and the test-only ones): the engine
    /// and the report rely on these promises.
    #[test]
    fn every_check_is_well_described() {
        let mut all = all_checks();
        all.extend(testing::checks());
        let mut ids = HashSet::new();
        for check in &all {
            let m = check.meta();
            assert!(ids.insert(m.id), "duplicate check id {}", m.id);
            assert!(m.id.split('.').count() >= 2, "id {} must be dotted", m.id);
            assert!(
                m.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
                "id {} must be lowercase ascii",
                m.id
            );
            assert!(!m.title.trim().is_empty(), "{} has no title", m.id);
            assert!(!m.description.trim().is_empty(), "{} has no description", m.id);
            assert!(m.timeout > Duration::ZERO, "{} has no timeout", m.id);
            assert!(m.timeout <= Duration::from_secs(60), "{} timeout too long", m.id);
        }
        for check in &all {
            for dep in check.depends_on() {
                assert!(ids.contains(dep), "{} depends on unknown check {dep}", check.meta().id);
                assert_ne!(*dep, check.meta().id, "{} depends on itself", dep);
            }
        }
        // Every area runs something: `run --only AREA` never silently does nothing.
        for area in Category::ALL {
            assert!(registry().iter().any(|c| c.meta().category == area), "{area:?} has no checks");
        }
        let prefixes = ["system.", "net.", "printers.", "displays.", "peripherals.", "test."];
        for check in registry() {
            let id = check.meta().id;
            assert!(prefixes.iter().any(|p| id.starts_with(p)), "{id} has an unknown area prefix");
            assert!(!id.starts_with("test."), "test check {id} in the real registry");
        }
    }
}
