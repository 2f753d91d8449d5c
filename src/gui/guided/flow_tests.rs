//! The flow walked without a window, against the built-in checklists and a real `Walk`
//! standing in for the app's checklist state.

use super::*;
use crate::checklist::{Answer, Library, ProbeResult, ProbeVerdict, Walk};

/// The app's side, reduced to what the flow reads: a run flag and a walk.
struct App {
    library: Library,
    running: bool,
    checks_done: bool,
    walk: Option<Walk>,
    /// An automatic step's check has finished (tests decide when).
    probe_done: bool,
    log: Vec<GuidedCommand>,
}

impl App {
    fn new() -> Self {
        Self {
            library: Library::load(None),
            running: false,
            checks_done: false,
            walk: None,
            probe_done: false,
            log: Vec::new(),
        }
    }

    fn facts(&self) -> Facts<'_> {
        Facts {
            running: self.running,
            checks_done: self.checks_done,
            walk: self.walk.as_ref().map(|w| WalkFacts {
                checklist: w.checklist(),
                step: w.current(),
                depth: w.depth(),
                can_back: w.can_go_back(),
                finished: w.is_finished(),
                probe_done: self.probe_done,
                consent_ready: false,
            }),
            checklists: &self.library.checklists,
        }
    }

    fn apply(&mut self, commands: Vec<GuidedCommand>) {
        for c in commands {
            match &c {
                GuidedCommand::Reset => {
                    self.walk = None;
                    self.checks_done = false;
                }
                GuidedCommand::RunAreas(_) => self.running = true,
                GuidedCommand::CancelRun => self.running = false,
                GuidedCommand::StartChecklist(id) => {
                    self.walk = Some(Walk::new(self.library.find(id).expect("built-in checklist").clone()))
                }
                GuidedCommand::ChecklistAnswer(action) => {
                    let walk = self.walk.as_mut().expect("a walk");
                    let answer = match action {
                        ChecklistAction::Back => {
                            walk.back();
                            None
                        }
                        ChecklistAction::Yes => Some(Answer::Yes),
                        ChecklistAction::No => Some(Answer::No),
                        ChecklistAction::Done => Some(Answer::Done),
                        ChecklistAction::Failed => Some(Answer::Failed),
                        ChecklistAction::Choice(i) => Some(Answer::Choice(*i)),
                        ChecklistAction::Text(t) => Some(Answer::Text(t.clone())),
                        ChecklistAction::Skip => Some(Answer::Skip),
                        ChecklistAction::Continue => Some(Answer::Probe(ProbeResult {
                            check_id: "probe".into(),
                            verdict: ProbeVerdict::Pass,
                            summary: "fine".into(),
                        })),
                        other => panic!("the flow sent {other:?}"),
                    };
                    if let Some(a) = answer {
                        walk.answer(a).expect("the walk takes the answer");
                    }
                    self.probe_done = false;
                }
                GuidedCommand::SaveBundle | GuidedCommand::SwitchToTechnician => {}
            }
            self.log.push(c);
        }
    }

    fn finish_checks(&mut self) {
        self.running = false;
        self.checks_done = true;
    }
}

fn next(flow: &mut Flow, app: &mut App) {
    let commands = flow.next(&app.facts(), "");
    app.apply(commands);
}

fn back(flow: &mut Flow, app: &mut App) {
    let commands = flow.back(&app.facts());
    app.apply(commands);
}

#[test]
fn the_internet_path_runs_the_network_checks_and_ends_on_the_result() {
    let (mut flow, mut app) = (Flow::new(), App::new());
    assert_eq!(flow.screen(&app.facts()), Screen::Problem);
    assert!(!flow.can_next(&app.facts()), "Next waits for an answer");
    assert!(!flow.can_back(&app.facts()));
    let (n, first_m) = flow.position(&app.facts());
    assert_eq!(n, 1);
    assert!(first_m > 3, "the longest way (a checklist) is announced first: {first_m}");
    flow.choose_problem(Problem::Printer);
    assert_eq!(flow.position(&app.facts()), (1, first_m), "the printer way is the longest one");
    flow.choose_problem(Problem::Internet);
    assert_eq!(flow.screen(&app.facts()), Screen::Problem, "choosing does not advance");
    assert_eq!(flow.position(&app.facts()), (1, 3), "the marked answer's way is announced");
    next(&mut flow, &mut app);
    assert_eq!(app.log, vec![GuidedCommand::Reset, GuidedCommand::RunAreas(vec![Category::Network])]);
    assert_eq!(flow.screen(&app.facts()), Screen::Checking);
    assert_eq!(flow.position(&app.facts()), (2, 3));
    assert!(!flow.can_next(&app.facts()), "Next waits for the checks");
    app.finish_checks();
    // Finished checks wait for Next.
    assert_eq!(flow.screen(&app.facts()), Screen::Checking);
    assert!(flow.can_next(&app.facts()));
    next(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Result);
    assert_eq!(flow.position(&app.facts()), (3, 3));
    assert!(!flow.can_next(&app.facts()));
    // Back and Next move by one, without running the checks again.
    back(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Checking);
    back(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Problem);
    assert_eq!(flow.position(&app.facts()), (1, 3), "Back shows the count shown before");
    next(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Checking);
    assert_eq!(app.log.len(), 2, "no second run: {:?}", app.log);
}

#[test]
fn leaving_running_checks_stops_them_and_next_runs_them_again() {
    let (mut flow, mut app) = (Flow::new(), App::new());
    flow.choose_problem(Problem::SomethingElse);
    next(&mut flow, &mut app);
    assert_eq!(app.log[1], GuidedCommand::RunAreas(Category::ALL.to_vec()));
    back(&mut flow, &mut app);
    assert_eq!(app.log[2], GuidedCommand::CancelRun);
    assert_eq!(flow.screen(&app.facts()), Screen::Problem);
    flow.choose_problem(Problem::Internet);
    next(&mut flow, &mut app);
    assert_eq!(&app.log[3..], &[GuidedCommand::Reset, GuidedCommand::RunAreas(vec![Category::Network])]);
}

#[test]
fn the_printer_path_asks_the_checklist_one_question_per_screen() {
    let (mut flow, mut app) = (Flow::new(), App::new());
    flow.choose_problem(Problem::Printer);
    next(&mut flow, &mut app);
    let checking_m = flow.position(&app.facts()).1;
    let printer = app.library.find("printer").unwrap().clone();
    assert_eq!(checking_m, 2 + longest(&printer, &printer.start));
    app.finish_checks();
    next(&mut flow, &mut app);
    assert_eq!(app.log.last(), Some(&GuidedCommand::StartChecklist("printer".into())));
    assert_eq!(flow.screen(&app.facts()), Screen::Questions);
    assert_eq!(app.walk.as_ref().unwrap().current().id, printer.start);
    let (n, m) = flow.position(&app.facts());
    assert_eq!((n, m), (3, checking_m));
    assert!(!flow.can_next(&app.facts()), "Next waits for an answer");

    // Walk forward answering each question with its first answer (Yes, Done, option 0,
    // a probe's result), checking that M never grows and N grows by one.
    let mut counts = vec![(1, flow.totals[0].1), (2, checking_m), (n, m)];
    let mut guard = 0;
    while flow.screen(&app.facts()) == Screen::Questions {
        guard += 1;
        assert!(guard < 60, "the walk never ended");
        let facts = app.facts();
        let walk = facts.walk.unwrap();
        match &walk.step.kind {
            StepKind::YesNo { .. } => flow.choose(&walk, Pick::Yes),
            StepKind::Instruction { .. } | StepKind::Tool { .. } => flow.choose(&walk, Pick::Done),
            StepKind::Choice { .. } => flow.choose(&walk, Pick::Option(0)),
            StepKind::Automatic { .. } => {
                assert!(!flow.can_next(&facts), "a running check holds Next");
                app.probe_done = true;
            }
            StepKind::Text { .. } => {}
            StepKind::Resolved { .. } | StepKind::Escalate { .. } => unreachable!("an end is the result"),
        }
        assert!(flow.can_next(&app.facts()));
        next(&mut flow, &mut app);
        let (n2, m2) = flow.position(&app.facts());
        let (n1, m1) = *counts.last().unwrap();
        assert_eq!(n2, n1 + 1);
        assert!(m2 <= m1, "M grew from {m1} to {m2}");
        counts.push((n2, m2));
    }
    assert_eq!(flow.screen(&app.facts()), Screen::Result);
    let (n, m) = *counts.last().unwrap();
    assert_eq!(n, m, "the result is the last step");

    // Back from the result returns to the last question with its answer still chosen, and
    // each Back shows the count that screen showed before.
    back(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Questions);
    assert_eq!(flow.position(&app.facts()), counts[counts.len() - 2]);
    back(&mut flow, &mut app);
    assert_eq!(flow.position(&app.facts()), counts[counts.len() - 3]);
    let facts = app.facts();
    let walk = facts.walk.unwrap();
    if !matches!(walk.step.kind, StepKind::Automatic { .. } | StepKind::Text { .. }) {
        assert!(flow.pick(&walk).is_some(), "the answer given is still chosen");
    }
}

#[test]
fn back_from_the_first_question_returns_to_the_checks_and_next_keeps_the_walk() {
    let (mut flow, mut app) = (Flow::new(), App::new());
    flow.choose_problem(Problem::Screen);
    next(&mut flow, &mut app);
    app.finish_checks();
    next(&mut flow, &mut app);
    let starts = app.log.iter().filter(|c| matches!(c, GuidedCommand::StartChecklist(_))).count();
    assert_eq!(starts, 1);
    back(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Checking);
    next(&mut flow, &mut app);
    assert_eq!(flow.screen(&app.facts()), Screen::Questions);
    let starts = app.log.iter().filter(|c| matches!(c, GuidedCommand::StartChecklist(_))).count();
    assert_eq!(starts, 1, "the walk (and its answers) is kept");
}

#[test]
fn an_answer_the_step_does_not_offer_is_not_taken() {
    let (mut flow, mut app) = (Flow::new(), App::new());
    flow.choose_problem(Problem::Printer);
    next(&mut flow, &mut app);
    app.finish_checks();
    next(&mut flow, &mut app);
    let facts = app.facts();
    let walk = facts.walk.unwrap();
    assert!(matches!(walk.step.kind, StepKind::YesNo { .. }), "the printer checklist starts with a yes/no");
    flow.choose(&walk, Pick::Option(7));
    flow.choose(&walk, Pick::Done);
    assert_eq!(flow.pick(&walk), None);
    assert!(flow.next(&facts, "").is_empty());
    flow.choose(&walk, Pick::DontKnow);
    assert_eq!(flow.next(&facts, ""), vec![GuidedCommand::ChecklistAnswer(ChecklistAction::Skip)]);
}

#[test]
fn start_again_forgets_everything() {
    let (mut flow, mut app) = (Flow::new(), App::new());
    flow.choose_problem(Problem::Internet);
    next(&mut flow, &mut app);
    app.finish_checks();
    next(&mut flow, &mut app);
    let commands = flow.start_again();
    assert_eq!(commands, vec![GuidedCommand::Reset]);
    app.apply(commands);
    assert_eq!(flow.screen(&app.facts()), Screen::Problem);
    assert_eq!(flow.problem(), None);
    flow.choose_problem(Problem::Internet);
    next(&mut flow, &mut app);
    assert_eq!(app.log.last(), Some(&GuidedCommand::RunAreas(vec![Category::Network])), "a new run");
}

#[test]
fn step_counts_of_the_built_in_checklists_are_finite_and_ordered() {
    for c in &Library::load(None).checklists {
        for step in &c.steps {
            let (long, short) = (longest(c, &step.id), shortest(c, &step.id));
            assert!(short >= 1 && short <= long, "{}:{}: shortest {short}, longest {long}", c.id, step.id);
            assert!(long <= c.steps.len(), "{}:{}: {long} screens without repeats", c.id, step.id);
        }
    }
}

#[test]
fn automatic_steps_wait_for_next_and_the_cancel_step_hands_over_the_ticked_jobs() {
    let library = Library::load(None);
    let printer = library.find("printer").unwrap();
    let cancel = printer.step("cancel").expect("the printer checklist's cancel step");
    assert!(matches!(cancel.kind, StepKind::Automatic { .. }));
    let mut flow = Flow { screen: Screen::Questions, problem: Some(Problem::Printer), ..Flow::new() };
    let walk = WalkFacts {
        checklist: printer,
        step: cancel,
        depth: 5,
        can_back: true,
        finished: false,
        probe_done: false,
        consent_ready: false,
    };
    let facts = |walk| Facts { running: false, checks_done: true, walk: Some(walk), checklists: &library.checklists };
    // The jobs are being read: nothing to take yet, and time passing changes nothing.
    assert!(!flow.can_next(&facts(walk)));
    assert!(flow.next(&facts(walk), "").is_empty());
    assert_eq!(flow.screen(&facts(walk)), Screen::Questions);
    let shown = WalkFacts { consent_ready: true, ..walk };
    assert_eq!(flow.next(&facts(shown), ""), vec![GuidedCommand::ChecklistAnswer(ChecklistAction::ApproveJobs)]);
    let done = WalkFacts { probe_done: true, ..walk };
    assert_eq!(flow.next(&facts(done), ""), vec![GuidedCommand::ChecklistAnswer(ChecklistAction::Continue)]);
    // Back on a question goes back in the checklist.
    assert_eq!(flow.back(&facts(done)), vec![GuidedCommand::ChecklistAnswer(ChecklistAction::Back)]);
}
