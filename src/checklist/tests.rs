use super::*;
use crate::model::{CheckRun, EndKind, Finding, Outcome, Severity, StepKind, ToolReport};

const KNOWN: Known = Known { probes: &["test.probe"] };

fn parse_str(text: &str) -> Result<crate::model::Checklist, ChecklistError> {
    parse(text, "it.toml", "it", "it.toml", &KNOWN)
}

const SMALL: &str = r#"
title = "Small"
area = "printers"

[[steps]]
id = "on"
kind = "yes_no"
text = "Is it on?"
yes = "probe"
no = "switch"
record = { no = "info: It was off." }

[[steps]]
id = "switch"
kind = "instruction"
text = "Switch it on."
done = "probe"
failed = "call"

[[steps]]
id = "probe"
kind = "automatic"
probe = "test.probe"
text = "Checking."
pass = "pick"
fail = "call"

[[steps]]
id = "pick"
kind = "choice"
text = "What now?"
options = [ { label = "Fine", next = "ok" }, { label = "Type it", next = "say" } ]

[[steps]]
id = "say"
kind = "text"
text = "Type the message."
next = "ok"

[[steps]]
id = "ok"
kind = "resolved"
text = "Good."
resolution = "Works."

[[steps]]
id = "call"
kind = "escalate"
text = "Call us."
reason = "Still broken."
"#;

fn probe_run(severity: Severity) -> CheckRun {
    CheckRun {
        id: "test.probe".into(),
        title: "Probe".into(),
        category: crate::model::Category::Printers,
        outcome: Outcome::Completed,
        findings: vec![Finding::new(severity, "t", "probe said so")],
        started_at: chrono::Utc::now(),
        duration_ms: 1,
        data: serde_json::Value::Null,
        attachments: Vec::new(),
    }
}

#[test]
fn a_good_file_parses_with_defaults() {
    let c = parse_str(SMALL).unwrap();
    assert_eq!(c.id, "it");
    assert_eq!(c.start, "on");
    assert_eq!(c.steps.len(), 7);
    assert!(matches!(c.step("probe").unwrap().kind, StepKind::Automatic { .. }));
    assert_eq!(c.step("on").unwrap().records[0].severity, Severity::Info);
}

/// Each broken file names the line and column of the mistake.
#[test]
fn broken_files_name_file_line_and_column() {
    let cases: &[(&str, &str, &str)] = &[
        // (replace this, with this, expected "line:col: message" part)
        ("yes = \"probe\"", "yes = \"prob\"", "it.toml:9:7: unknown step id 'prob'"),
        ("text = \"Switch it on.\"", "text = \"\"", "it.toml:16:8: step 'switch' has an empty text"),
        ("kind = \"text\"", "kind = \"texts\"", "it.toml:36:8: unknown step kind 'texts'"),
        ("probe = \"test.probe\"", "probe = \"nope\"", "it.toml:23:9: step 'probe': unknown probe 'nope'"),
        ("id = \"say\"", "id = \"on\"", "it.toml:35:6: step id 'on' is used twice"),
        (
            "text = \"Type the message.\"\nnext = \"ok\"",
            "text = \"Type the message.\"\nnext = \"ok\"\ndone = \"ok\"",
            "it.toml:39:8: 'done' does not belong in a text step 'say'",
        ),
        ("resolution = \"Works.\"", "", "it.toml:41:6: resolved step 'ok' needs 'resolution'"),
        (
            "record = { no = \"info: It was off.\" }",
            "record = { maybe = \"info: x\" }",
            "it.toml:11:20: step 'on' records answer 'maybe'",
        ),
        ("title = \"Small\"", "title = \"Small\"\nbogus = 1", "it.toml:3:1: unknown field `bogus`"),
    ];
    for (from, to, expected) in cases {
        assert!(SMALL.contains(from), "case text {from}");
        let text = SMALL.replacen(from, to, 1);
        let err = parse_str(&text).unwrap_err().to_string();
        assert!(err.starts_with(expected), "expected {expected}\n     got {err}");
    }
}

#[test]
fn unreachable_steps_and_dead_ends_are_refused() {
    let text = format!("{SMALL}\n[[steps]]\nid = \"lost\"\nkind = \"resolved\"\ntext = \"x\"\nresolution = \"y\"\n");
    let err = parse_str(&text).unwrap_err().to_string();
    assert!(err.contains(":53:6: step 'lost' can never be reached from 'on'"), "{err}");

    // A loop with no way out.
    let looped = SMALL
        .replace("next = \"ok\"", "next = \"pick\"")
        .replace("{ label = \"Fine\", next = \"ok\" }", "{ label = \"Fine\", next = \"say\" }");
    let err = parse_str(&looped).unwrap_err().to_string();
    assert!(err.contains("can never be reached") || err.contains("no answer ever leads to an end step"), "{err}");
}

#[test]
fn walk_branches_goes_back_and_skips_with_a_transcript() {
    let mut w = Walk::new(parse_str(SMALL).unwrap());
    assert_eq!(w.position(), (1, 4), "on → probe → pick → ok is the usual way (the end counts)");
    w.answer(Answer::No).unwrap();
    assert_eq!(w.current().id, "switch");
    assert_eq!(w.position(), (2, 5), "a detour makes the way longer, honestly");
    assert!(w.answer(Answer::Yes).is_err(), "an instruction takes Done/Failed");
    assert!(w.back());
    assert_eq!(w.current().id, "on");
    w.answer(Answer::Yes).unwrap();
    let probe = ProbeResult::from_run(&probe_run(Severity::Info));
    assert_eq!(probe.verdict, ProbeVerdict::Pass);
    w.answer(Answer::Probe(probe)).unwrap();
    assert_eq!(w.position(), (3, 4));
    w.answer(Answer::Choice(1)).unwrap();
    w.answer(Answer::Skip).unwrap();
    assert!(w.is_finished());
    let t = w.transcript();
    assert_eq!(t.end.kind, EndKind::Resolved);
    let answers: Vec<(&str, &str, bool)> =
        t.entries.iter().map(|e| (e.step.as_str(), e.answer.as_str(), e.retracted)).collect();
    assert_eq!(
        answers,
        vec![
            ("on", "No", true),
            ("switch", "Went back", true),
            ("on", "Yes", false),
            ("probe", "Passed: probe said so", false),
            ("pick", "Type it", false),
            ("say", "Skipped", false),
        ]
    );
    let findings = w.findings(None);
    assert!(!findings.iter().any(|f| f.summary == "It was off."), "a retracted answer records nothing");
    assert!(findings.iter().any(|f| f.severity == Severity::Info && f.summary.contains("skipped")));
    assert_eq!(findings.last().unwrap().severity, Severity::Pass);
    assert!(w.answer(Answer::Yes).is_err(), "no answers after the end");
    assert!(w.back(), "Back leaves the end state");
    assert!(!w.is_finished());
}

#[test]
fn escalation_and_abandonment_are_findings_with_next_steps() {
    let mut w = Walk::new(parse_str(SMALL).unwrap());
    w.answer(Answer::No).unwrap();
    w.answer(Answer::Failed).unwrap();
    let f = w.findings(Some("helpdesk 555-0100"));
    assert!(f.iter().any(|f| f.summary == "It was off." && f.severity == Severity::Info));
    let last = f.last().unwrap();
    assert_eq!((last.severity, last.summary.as_str()), (Severity::Fail, "Still broken."));
    assert!(last.next_step.as_deref().unwrap().contains("helpdesk 555-0100"));

    let mut w = Walk::new(parse_str(SMALL).unwrap());
    w.abandon("closed");
    assert_eq!(w.transcript().end.kind, EndKind::Abandoned);
    assert_eq!(w.findings(None).last().unwrap().severity, Severity::Warn);
    let run = w.check_run(None);
    assert_eq!(run.id, "checklist.it");
    assert!(String::from_utf8_lossy(&run.attachments[0].bytes).contains("End: not finished"));
}

#[test]
fn tool_reports_bring_their_findings() {
    let text = SMALL.replace(
        "kind = \"text\"\ntext = \"Type the message.\"\nnext = \"ok\"",
        "kind = \"tool\"\ntool = \"keyboard\"\ntext = \"Press keys.\"\ndone = \"ok\"\nfailed = \"call\"",
    );
    let mut w = Walk::new(parse_str(&text).unwrap());
    w.answer(Answer::Yes).unwrap();
    w.answer(Answer::Probe(ProbeResult::from_run(&probe_run(Severity::Pass)))).unwrap();
    w.answer(Answer::Choice(1)).unwrap();
    let report = ToolReport {
        tool: "keyboard".into(),
        works: false,
        summary: "Q never pressed".into(),
        findings: vec![Finding::new(Severity::Warn, "Keys", "Q was never pressed")],
        data: serde_json::Value::Null,
    };
    w.answer(Answer::Tool(report)).unwrap();
    assert_eq!(w.current().id, "call");
    assert!(w.findings(None).iter().any(|f| f.summary == "Q was never pressed"));
    assert!(w.transcript().entries.last().unwrap().tool.is_some());
}

#[test]
fn answers_files_are_checked_against_the_checklist() {
    let c = parse_str(SMALL).unwrap();
    let a = Answers::parse("on = \"no\"\nswitch = \"done\"\npick = \"2\"\nsay = \"E-05 paper\"\n", "a.toml", &c);
    assert!(a.is_ok());
    let err = Answers::parse("on = \"no\"\nnosuch = \"yes\"\n", "a.toml", &c).unwrap_err().to_string();
    assert!(err.starts_with("a.toml:2:10: checklist 'it' has no step 'nosuch'"), "{err}");
    let err = Answers::parse("pick = \"Maybe\"\n", "a.toml", &c).unwrap_err().to_string();
    assert!(err.contains("a.toml:1:8: step 'pick' takes one of \"Fine\", \"Type it\""), "{err}");
    let err = Answers::parse("probe = \"pass\"\n", "a.toml", &c).unwrap_err().to_string();
    assert!(err.contains("the only answer it takes is \"skip\""), "{err}");
}

fn walk_with(answers: &str, probe_severity: Severity) -> (Walk, Vec<CheckRun>) {
    let c = parse_str(SMALL).unwrap();
    let mut a = Answers::parse(answers, "a.toml", &c).unwrap();
    let mut w = Walk::new(c);
    let mut probe = |_: &str| probe_run(probe_severity);
    let mut ask = |_: &Walk| None;
    let mut answered = |_: &Walk| {};
    let runs = drive(&mut w, &mut a, Hooks { probe: &mut probe, ask: &mut ask, answered: &mut answered });
    (w, runs)
}

#[test]
fn headless_walks_follow_answers_and_probes() {
    let (w, runs) = walk_with("on = \"no\"\nswitch = \"done\"\npick = \"Type it\"\nsay = \"E-05\"\n", Severity::Pass);
    assert_eq!(runs.len(), 1);
    assert_eq!(w.transcript().end.kind, EndKind::Resolved);
    assert!(w.transcript().entries.iter().any(|e| e.answer == "E-05"));

    let (w, _) = walk_with("on = \"yes\"\n", Severity::Fail);
    assert_eq!(w.transcript().end.kind, EndKind::Escalate, "a failing probe takes the fail branch");

    let (w, _) = walk_with("on = \"yes\"\n", Severity::Pass);
    let end = w.transcript().end;
    assert_eq!(end.kind, EndKind::Abandoned);
    assert!(end.text.contains("no answer for step 'pick' in a.toml"), "{}", end.text);
}

#[test]
fn built_in_checklists_load_cleanly() {
    let lib = Library::load(None);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    let ids = lib.ids();
    for id in ["printer", "display", "peripheral"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

#[test]
fn a_folder_adds_replaces_and_reports_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let own = SMALL.replace("test.probe", "system.os.uptime");
    std::fs::write(dir.path().join("docking.toml"), own.replace("title = \"Small\"", "title = \"Docking station\""))
        .unwrap();
    std::fs::write(
        dir.path().join("display.toml"),
        own.replace("title = \"Small\"", "id = \"display\"\ntitle = \"Our display\""),
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.toml"), "title = \"B\"\narea = \"printers\"\n[[steps]]\nid = 5\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a checklist").unwrap();
    let lib = Library::load(Some(dir.path()));
    assert_eq!(lib.find("docking").map(|c| c.title.en.as_str()), Some("Docking station"));
    assert_eq!(lib.find("display").map(|c| c.title.en.as_str()), Some("Our display"));
    assert_eq!(lib.problems.len(), 1, "{:?}", lib.problems);
    let p = lib.problems[0].to_string();
    assert!(p.contains("broken.toml:4:6:"), "{p}");
}

const RETRY: &str = r#"
title = "Retry"
area = "peripherals"

[[steps]]
id = "works"
kind = "yes_no"
text = "Does it work now?"
yes = "ok"
no = "replug"

[[steps]]
id = "replug"
kind = "instruction"
text = "Unplug it and plug it in again."
done = "works"
failed = "call"

[[steps]]
id = "ok"
kind = "resolved"
text = "Good."
resolution = "Replugged."

[[steps]]
id = "call"
kind = "escalate"
text = "Call us."
reason = "Still broken."
"#;

fn retry_walk(answers: &str) -> Walk {
    let c = parse_str(RETRY).unwrap();
    let mut a = Answers::parse(answers, "a.toml", &c).unwrap();
    let mut w = Walk::new(c);
    let mut probe = |_: &str| probe_run(Severity::Pass);
    let mut ask = |_: &Walk| None;
    let mut answered = |_: &Walk| {};
    drive(&mut w, &mut a, Hooks { probe: &mut probe, ask: &mut ask, answered: &mut answered });
    w
}

#[test]
fn an_answers_list_that_runs_out_stops_the_walk_at_that_step() {
    let w = retry_walk("works = [\"no\", \"no\"]\nreplug = \"done\"\n");
    let t = w.transcript();
    assert_eq!(t.end.kind, EndKind::Abandoned);
    assert!(
        t.end.text.contains("the answers for step 'works' in a.toml ran out: its list has 2 and this is visit 3"),
        "{}",
        t.end.text
    );
    // Only the listed answers were given: no made-up third "no".
    let given: Vec<(&str, &str)> = t.entries.iter().map(|e| (e.step.as_str(), e.answer.as_str())).collect();
    assert_eq!(given.iter().filter(|(s, _)| *s == "works").count(), 2, "{given:?}");
    assert_eq!(given.len(), 4, "{given:?}");

    let w = retry_walk("works = [\"no\", \"yes\"]\nreplug = \"done\"\n");
    assert_eq!(w.transcript().end.kind, EndKind::Resolved, "a list long enough reaches the end");

    let w = retry_walk("works = [\"no\"]\nreplug = [\"done\"]\n");
    assert!(w.transcript().end.text.contains("step 'works'"), "{}", w.transcript().end.text);
}

#[test]
fn a_single_answer_serves_every_visit_until_the_loop_guard() {
    let w = retry_walk("works = \"no\"\nreplug = \"done\"\n");
    let t = w.transcript();
    assert_eq!(t.end.kind, EndKind::Abandoned);
    assert!(t.end.text.contains("go round in a loop at step 'works'"), "{}", t.end.text);
}

#[test]
fn an_empty_answers_list_is_refused_where_it_is() {
    let c = parse_str(RETRY).unwrap();
    let err = Answers::parse("works = []\n", "a.toml", &c).unwrap_err().to_string();
    assert!(err.contains("a.toml:1:9: step 'works' has an empty list"), "{err}");
}

/// A checklist in both languages: dotted keys, an inline table, a plain English-only text,
/// an option with its own id, and a record in both languages.
const BILINGUAL: &str = r#"
title.en = "Two languages"
title.da = "To sprog"
description = "English only, shown as is in Danish."
area = "peripherals"

[[steps]]
id = "which"
kind = "choice"
text = { en = "Which device?", da = "Hvilken enhed?" }
help.en = "Pick one."
help.da = "Vælg én."
options = [
  { id = "kb", label = { en = "Keyboard", da = "Tastatur" }, next = "ok" },
  { label = "Mouse", next = "call" },
]
record.kb.en = "info: The keyboard was chosen."
record.kb.da = "info: Tastaturet blev valgt."

[[steps]]
id = "ok"
kind = "resolved"
text = { en = "Done.", da = "Færdig." }
resolution = { en = "It works.", da = "Det virker." }

[[steps]]
id = "call"
kind = "escalate"
text = "Call us."
reason = "Still broken."
"#;

#[test]
fn texts_parse_in_both_forms_and_plain_ones_stay_english() {
    use crate::i18n::Lang;
    let c = parse_str(BILINGUAL).unwrap();
    assert_eq!(c.title.get(Lang::En), "Two languages");
    assert_eq!(c.title.get(Lang::Da), "To sprog");
    assert_eq!(c.description.get(Lang::Da), "English only, shown as is in Danish.", "no Danish: the English shows");
    let which = c.step("which").unwrap();
    assert_eq!(which.text.get(Lang::Da), "Hvilken enhed?");
    assert_eq!(which.help.as_ref().unwrap().get(Lang::Da), "Vælg én.");
    let StepKind::Choice { options } = &which.kind else { panic!("a choice step") };
    assert_eq!((options[0].id.as_str(), options[0].label.get(Lang::Da)), ("kb", "Tastatur"));
    assert_eq!(options[1].id, "Mouse", "without an id the English label is the key");
    assert_eq!(which.records[0].answer, "kb");
    assert_eq!(which.records[0].summary.get(Lang::Da), "Tastaturet blev valgt.");
    // Everything the user reads but the plain texts has Danish.
    assert_eq!(
        c.untranslated(),
        ["description", "step 'which' option 'Mouse'", "step 'call' text", "step 'call' end text"]
    );
    // The plain SMALL checklist is English only and still valid.
    assert!(parse_str(SMALL).unwrap().untranslated().contains(&"title".to_string()));
}

#[test]
fn half_given_translations_are_refused_where_they_are() {
    let cases: &[(&str, &str, &str)] = &[
        ("title.en = \"Two languages\"\n", "", "it.toml:2:1: a translated text needs its English"),
        ("title.da = \"To sprog\"", "title.de = \"Zwei\"", "it.toml:2:1: unknown language 'de'"),
        ("da = \"Færdig.\"", "da = \" \"", "it.toml:23:8: step 'ok' has an empty text in Danish"),
        (
            "record.kb.da = \"info: Tastaturet blev valgt.\"",
            "record.kb.da = \"warn: Tastaturet blev valgt.\"",
            "step 'which' records answer 'kb' as Info in English but Warn in Danish",
        ),
        (
            "{ label = \"Mouse\", next = \"call\" }",
            "{ id = \"KB\", label = \"Mouse\", next = \"call\" }",
            "it.toml:15:10: step 'which' has two options called 'KB'",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(BILINGUAL.contains(from), "case text {from}");
        let err = parse_str(&BILINGUAL.replacen(from, to, 1)).unwrap_err().to_string();
        assert!(err.contains(expected), "expected {expected}\n     got {err}");
    }
}

/// The built-in checklists are fully translated; taking one Danish text out of one is caught.
#[test]
fn built_in_checklists_have_danish_for_every_text() {
    let lib = Library::load(None);
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.checklists.len(), 3);
    for c in &lib.checklists {
        assert!(c.untranslated().is_empty(), "{} lacks Danish: {:?}", c.id, c.untranslated());
    }
    let text = include_str!("../../assets/checklists/display.toml");
    let cut = text.replacen("text.da = \"Hvad ser du på skærmen?\"\n", "", 1);
    assert_ne!(cut, text);
    let c = parse(
        &cut,
        "display.toml",
        "display",
        "built-in",
        &Known { probes: &["displays.connectors", "displays.monitors"] },
    )
    .unwrap();
    assert_eq!(c.untranslated(), ["step 'picture' text"]);
}

/// A walk in Danish: the transcript keeps what was shown in Danish and says so, the keys
/// stay the same, and deskcheck's own words in the findings render in either language.
#[test]
fn a_walk_in_danish_records_danish_with_stable_keys() {
    use crate::i18n::{self, Lang};
    i18n::set_current(Lang::Da);
    let mut w = Walk::new(parse_str(BILINGUAL).unwrap());
    w.answer(Answer::Choice(0)).unwrap();
    let t = w.transcript();
    i18n::set_current(Lang::En);
    assert_eq!(t.lang, Lang::Da);
    assert_eq!(t.title, "To sprog");
    assert_eq!((t.entries[0].question.as_str(), t.entries[0].answer.as_str()), ("Hvilken enhed?", "Tastatur"));
    assert_eq!(t.entries[0].key, "kb");
    assert_eq!((t.end.kind, t.end.text.as_str()), (EndKind::Resolved, "Det virker."));
    let f = w.findings(None);
    assert_eq!(f[0].summary, "Tastaturet blev valgt.", "the record as the user read it");
    assert_eq!(f[1].title_in(Lang::Da), "Løst");
    assert_eq!(f[1].title_in(Lang::En), "Solved");
    assert_eq!(f[1].summary_in(Lang::En), "Det virker.");
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["lang"], "da");
    assert_eq!(json["entries"][0]["key"], "kb");

    // An answers file may name an option by its id or its label in either language.
    let c = parse_str(BILINGUAL).unwrap();
    let step = c.step("which").unwrap();
    for given in ["kb", "Keyboard", "tastatur", "1"] {
        assert_eq!(to_answer(step, given).unwrap(), Answer::Choice(0), "{given}");
    }
}
