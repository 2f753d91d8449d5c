//! The guided flow as a pure state machine: which screen shows, what Next and Back do, and
//! the "Step N of M" count. No egui here: `screens.rs` draws what this decides, and the unit
//! tests walk it without a window.
//!
//! The screens, in order: "What is wrong?" → the checks running (then their outcome, waiting
//! for Next) → the checklist's questions, one per screen → the result. Nothing moves on by
//! itself: only Next, Back (Esc), a question's answer followed by Next, or "Start again".
//!
//! "Step N of M": N is the screen's place on the way taken so far. M is the number of screens
//! on the longest way from here (on the first screen: from the answer marked; before one is,
//! the screen says only "Step 1", as no one can know the length yet) that does not repeat a screen, so the count never goes up as
//! the user moves forward; it drops when an answer takes a shorter branch (the end comes sooner
//! than announced, never later). The one exception is a "try again" loop in a checklist (an
//! answer that leads back to an earlier screen): going round it adds screens no count could
//! announce, so there M grows to the shortest way out from the screen the user is on. Back returns to the count that
//! screen showed before.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::gui::views::checklist::ChecklistAction;
use crate::model::{Category, Checklist, Step, StepKind};

/// What the app must do for the guided flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidedCommand {
    /// Run the checks of these areas (a new run: the report starts empty).
    RunAreas(Vec<Category>),
    /// Start walking the checklist with this id.
    StartChecklist(String),
    /// Apply an answer (or Back) to the checklist being walked.
    ChecklistAnswer(ChecklistAction),
    /// Stop the running checks.
    CancelRun,
    /// Save a bundle of the report.
    SaveBundle,
    /// Show the technician's view.
    SwitchToTechnician,
    /// Forget the report and the checklist walked: the flow starts again.
    Reset,
}

/// The first screen's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    Internet,
    Printer,
    Screen,
    Peripherals,
    SomethingElse,
}

impl Problem {
    pub const ALL: [Problem; 5] =
        [Problem::Internet, Problem::Printer, Problem::Screen, Problem::Peripherals, Problem::SomethingElse];

    /// The areas whose checks run for this problem.
    pub fn areas(self) -> Vec<Category> {
        match self {
            Problem::Internet => vec![Category::Network],
            Problem::Printer => vec![Category::Printers],
            Problem::Screen => vec![Category::Displays],
            Problem::Peripherals => vec![Category::Peripherals],
            Problem::SomethingElse => Category::ALL.to_vec(),
        }
    }

    /// The checklist (by id) whose questions follow the checks.
    pub fn checklist(self) -> Option<&'static str> {
        match self {
            Problem::Printer => Some("printer"),
            Problem::Screen => Some("display"),
            Problem::Peripherals => Some("peripheral"),
            Problem::Internet | Problem::SomethingElse => None,
        }
    }
}

/// An answer chosen on a question screen, before Next hands it to the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Yes,
    No,
    /// "Done" on an instruction, "It works" on a tester step.
    Done,
    /// "It didn't work".
    Failed,
    /// A choice's option, by index.
    Option(usize),
    /// "I don't know": the checklist's Skip.
    DontKnow,
}

impl Pick {
    fn action(self) -> ChecklistAction {
        match self {
            Pick::Yes => ChecklistAction::Yes,
            Pick::No => ChecklistAction::No,
            Pick::Done => ChecklistAction::Done,
            Pick::Failed => ChecklistAction::Failed,
            Pick::Option(i) => ChecklistAction::Choice(i),
            Pick::DontKnow => ChecklistAction::Skip,
        }
    }

    /// Whether the step offers this answer.
    fn fits(self, kind: &StepKind) -> bool {
        match (self, kind) {
            (Pick::DontKnow, k) => !matches!(k, StepKind::Automatic { .. } | StepKind::Text { .. }) && !k.is_end(),
            (Pick::Yes | Pick::No, StepKind::YesNo { .. }) => true,
            (Pick::Done | Pick::Failed, StepKind::Instruction { .. } | StepKind::Tool { .. }) => true,
            (Pick::Option(i), StepKind::Choice { options }) => i < options.len(),
            _ => false,
        }
    }
}

/// The screen the flow stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// "What is wrong?"
    Problem,
    /// The checks running, then their outcome.
    Checking,
    /// The checklist's questions (the result once the checklist has ended).
    Questions,
    Result,
}

/// The checklist being walked, as far as the flow needs it.
#[derive(Debug, Clone, Copy)]
pub struct WalkFacts<'a> {
    pub checklist: &'a Checklist,
    pub step: &'a Step,
    /// Steps on the path, the current one counted (1 at the first question).
    pub depth: usize,
    pub can_back: bool,
    pub finished: bool,
    /// An automatic step's check has finished: Next takes its result.
    pub probe_done: bool,
    /// The cancel step shows its jobs: Next cancels the ticked ones (or none).
    pub consent_ready: bool,
}

/// What the app's state says right now.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub running: bool,
    /// Checks were run and all have finished.
    pub checks_done: bool,
    pub walk: Option<WalkFacts<'a>>,
    /// The checklists on offer (built in and the IT department's own).
    pub checklists: &'a [Checklist],
}

impl Facts<'_> {
    fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct Flow {
    screen: Screen,
    /// The answer chosen on "What is wrong?".
    problem: Option<Problem>,
    /// The problem whose checks were started (None: nothing ran since the last reset).
    ran: Option<Problem>,
    /// Answers chosen per (checklist, step), so Back shows the answer given and Next repeats it.
    picks: HashMap<(String, String), Pick>,
    /// The M shown at each N on the way taken, with the screen it was shown for.
    totals: Vec<(String, usize)>,
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

impl Flow {
    pub fn new() -> Self {
        Self { screen: Screen::Problem, problem: None, ran: None, picks: HashMap::new(), totals: Vec::new() }
    }

    /// The screen to draw. A checklist that has ended shows the result.
    pub fn screen(&self, facts: &Facts<'_>) -> Screen {
        match (self.screen, facts.walk) {
            (Screen::Questions, Some(w)) if w.finished => Screen::Result,
            (screen, _) => screen,
        }
    }

    pub fn problem(&self) -> Option<Problem> {
        self.problem
    }

    /// Chooses an answer on "What is wrong?" (Next goes on with it).
    pub fn choose_problem(&mut self, problem: Problem) {
        self.problem = Some(problem);
    }

    /// The answer chosen for the current question, if any.
    pub fn pick(&self, walk: &WalkFacts<'_>) -> Option<Pick> {
        self.picks.get(&(walk.checklist.id.clone(), walk.step.id.clone())).copied().filter(|p| p.fits(&walk.step.kind))
    }

    /// Chooses an answer for the current question (Next hands it in).
    pub fn choose(&mut self, walk: &WalkFacts<'_>, pick: Pick) {
        if pick.fits(&walk.step.kind) {
            self.picks.insert((walk.checklist.id.clone(), walk.step.id.clone()), pick);
        }
    }

    /// The checklist for the chosen problem, if the library has it.
    fn checklist_for<'a>(&self, facts: &Facts<'a>) -> Option<&'a Checklist> {
        let id = self.problem?.checklist()?;
        facts.checklists.iter().find(|c| c.id == id)
    }

    /// Whether Back does something here.
    pub fn can_back(&self, facts: &Facts<'_>) -> bool {
        self.screen(facts) != Screen::Problem
    }

    /// Whether Next does something here.
    pub fn can_next(&self, facts: &Facts<'_>) -> bool {
        match self.screen(facts) {
            Screen::Problem => self.problem.is_some(),
            Screen::Checking => facts.checks_done && !facts.running,
            Screen::Questions => match &facts.walk {
                None => false,
                Some(w) => match &w.step.kind {
                    StepKind::Text { .. } => true,
                    StepKind::Automatic { .. } => w.probe_done || w.consent_ready,
                    _ => self.pick(w).is_some(),
                },
            },
            Screen::Result => false,
        }
    }

    /// Next: go one screen forward. `text` is the typed answer of a text question.
    pub fn next(&mut self, facts: &Facts<'_>, text: &str) -> Vec<GuidedCommand> {
        if !self.can_next(facts) {
            return Vec::new();
        }
        match self.screen(facts) {
            Screen::Problem => {
                let Some(problem) = self.problem else { return Vec::new() };
                self.screen = Screen::Checking;
                if self.ran == Some(problem) {
                    // Back and Next again: the checks already ran for this answer.
                    return Vec::new();
                }
                self.ran = Some(problem);
                self.picks.clear();
                vec![GuidedCommand::Reset, GuidedCommand::RunAreas(problem.areas())]
            }
            Screen::Checking => match self.checklist_for(facts) {
                Some(checklist) => {
                    self.screen = Screen::Questions;
                    match facts.walk {
                        Some(w) if w.checklist.id == checklist.id => Vec::new(),
                        _ => vec![GuidedCommand::StartChecklist(checklist.id.clone())],
                    }
                }
                None => {
                    self.screen = Screen::Result;
                    Vec::new()
                }
            },
            Screen::Questions => {
                let Some(w) = facts.walk else { return Vec::new() };
                let action = match &w.step.kind {
                    StepKind::Text { .. } => ChecklistAction::Text(text.trim().to_string()),
                    StepKind::Automatic { .. } if w.probe_done => ChecklistAction::Continue,
                    StepKind::Automatic { .. } => ChecklistAction::ApproveJobs,
                    _ => match self.pick(&w) {
                        Some(pick) => pick.action(),
                        None => return Vec::new(),
                    },
                };
                vec![GuidedCommand::ChecklistAnswer(action)]
            }
            Screen::Result => Vec::new(),
        }
    }

    /// Back (or Esc): go one screen back. Leaving the running checks stops them.
    pub fn back(&mut self, facts: &Facts<'_>) -> Vec<GuidedCommand> {
        match self.screen(facts) {
            Screen::Problem => Vec::new(),
            Screen::Checking => {
                self.screen = Screen::Problem;
                if facts.running {
                    // A stopped run is incomplete: Next runs the checks again.
                    self.ran = None;
                    return vec![GuidedCommand::CancelRun];
                }
                Vec::new()
            }
            Screen::Questions | Screen::Result => match facts.walk {
                Some(w) if w.can_back => {
                    self.screen = Screen::Questions;
                    vec![GuidedCommand::ChecklistAnswer(ChecklistAction::Back)]
                }
                _ => {
                    self.screen = Screen::Checking;
                    Vec::new()
                }
            },
        }
    }

    /// "Start again": back to "What is wrong?" with nothing chosen and an empty report.
    pub fn start_again(&mut self) -> Vec<GuidedCommand> {
        *self = Flow::new();
        vec![GuidedCommand::Reset]
    }

    /// "Step N of M" for the screen showing (see the module's notes).
    pub fn position(&mut self, facts: &Facts<'_>) -> (usize, usize) {
        let (n, key) = self.place(facts);
        if let Some((shown_for, m)) = self.totals.get(n - 1)
            && *shown_for == key
        {
            return (n, *m);
        }
        // Counting paths is only done when the screen changes, never every frame.
        let (computed, floor) = self.count(facts, n);
        self.totals.truncate(n - 1);
        let before = self.totals.last().map_or(usize::MAX, |(_, m)| *m);
        let m = computed.min(before).max(floor).max(n);
        // A gap (after a reset mid-way) is filled so the list stays indexed by N.
        while self.totals.len() < n - 1 {
            self.totals.push((String::new(), m));
        }
        self.totals.push((key, m));
        (n, m)
    }

    /// N, and a key naming the screen it is shown for.
    fn place(&self, facts: &Facts<'_>) -> (usize, String) {
        match self.screen(facts) {
            // Keyed by the library's size: the count is right once the checklists are read.
            // And by the answer marked: the count follows it before Next is pressed.
            Screen::Problem => (1, format!("problem:{}:{:?}", facts.checklists.len(), self.problem)),
            Screen::Checking => (2, format!("checking:{:?}", self.problem)),
            Screen::Questions | Screen::Result => match facts.walk {
                Some(w) => (2 + w.depth, format!("q:{}:{}", w.checklist.id, w.step.id)),
                None if self.screen == Screen::Questions => (3, "q:starting".into()),
                None => (3, "result".into()),
            },
        }
    }

    /// M by the longest way from here, and the least M can be (the shortest way).
    fn count(&self, facts: &Facts<'_>, n: usize) -> (usize, usize) {
        let through = |c: &Checklist| 2 + longest(c, &c.start);
        match self.screen(facts) {
            // A marked answer announces its own way (the printer checklist's length for a
            // printer, three screens for the internet).
            Screen::Problem if self.problem.is_some() => (self.checklist_for(facts).map_or(3, through), 3),
            Screen::Problem => {
                let most = Problem::ALL
                    .iter()
                    .filter_map(|p| p.checklist().and_then(|id| facts.checklist(id)))
                    .map(through)
                    .fold(3, usize::max);
                (most, 3)
            }
            Screen::Checking => (self.checklist_for(facts).map_or(3, through), 3),
            Screen::Questions | Screen::Result => match facts.walk {
                Some(w) => (n + longest(w.checklist, &w.step.id) - 1, n + shortest(w.checklist, &w.step.id) - 1),
                None => (n, n),
            },
        }
    }
}

/// Screens on the longest way from `from` to an end, both counted, leaving out the edges
/// that go back to an earlier screen ("try again" loops: a depth-first search from the
/// start finds them as edges to a step still on its stack). What is left has no cycle, so the
/// longest way is found in one pass; it never grows along a forward edge.
pub fn longest(checklist: &Checklist, from: &str) -> usize {
    let back = back_edges(checklist);
    let mut memo: HashMap<&str, usize> = HashMap::new();
    longest_in_dag(checklist, from, &back, &mut memo).max(1)
}

fn longest_in_dag<'a>(
    c: &'a Checklist,
    at: &'a str,
    back: &HashSet<(&'a str, &'a str)>,
    memo: &mut HashMap<&'a str, usize>,
) -> usize {
    if let Some(&n) = memo.get(at) {
        return n;
    }
    let Some(step) = c.step(at) else { return 0 };
    let mut best = 0;
    for next in step.kind.targets() {
        if !back.contains(&(at, next)) {
            best = best.max(longest_in_dag(c, next, back, memo));
        }
    }
    memo.insert(at, 1 + best);
    1 + best
}

/// The edges that lead back to a step on the current depth-first path, from the start
/// first, then from any step the start does not reach.
fn back_edges(c: &Checklist) -> HashSet<(&str, &str)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    fn visit<'a>(
        c: &'a Checklist,
        at: &'a str,
        marks: &mut HashMap<&'a str, Mark>,
        back: &mut HashSet<(&'a str, &'a str)>,
    ) {
        marks.insert(at, Mark::OnPath);
        if let Some(step) = c.step(at) {
            for next in step.kind.targets() {
                match marks.get(next) {
                    Some(Mark::OnPath) => {
                        back.insert((at, next));
                    }
                    Some(Mark::Done) => {}
                    None => visit(c, next, marks, back),
                }
            }
        }
        marks.insert(at, Mark::Done);
    }
    let mut marks = HashMap::new();
    let mut back = HashSet::new();
    visit(c, &c.start, &mut marks, &mut back);
    for step in &c.steps {
        if !marks.contains_key(step.id.as_str()) {
            visit(c, &step.id, &mut marks, &mut back);
        }
    }
    back
}

/// Screens on the shortest way from `from` to any end, both counted.
pub fn shortest(checklist: &Checklist, from: &str) -> usize {
    let mut seen: HashSet<&str> = HashSet::from([from]);
    let mut queue = VecDeque::from([(from, 1usize)]);
    while let Some((at, d)) = queue.pop_front() {
        let Some(step) = checklist.step(at) else { continue };
        if step.kind.is_end() {
            return d;
        }
        for t in step.kind.targets() {
            if seen.insert(t) {
                queue.push_back((t, d + 1));
            }
        }
    }
    1
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
