//! Reading a checklist file: TOML into `model::Checklist`, then validation. Every error
//! names the file, line and column it is about, the way compilers do, so an IT department
//! editing its own checklist can jump straight there.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::config::line_column;
use crate::model::{Category, Checklist, ChoiceOption, Localized, Record, Severity, Step, StepKind};

/// Testers a `tool` step may open.
pub const TOOLS: &[&str] = &["keyboard", "mouse", "patterns", "sound"];

/// A checklist file that could not be used: `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ChecklistError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecklist {
    id: Option<Spanned<String>>,
    title: Spanned<RawText>,
    #[serde(default)]
    description: Option<Spanned<RawText>>,
    area: Spanned<String>,
    start: Option<Spanned<String>>,
    #[serde(default)]
    steps: Vec<Spanned<RawStep>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    kind: Spanned<String>,
    text: Option<Spanned<RawText>>,
    help: Option<Spanned<RawText>>,
    skip: Option<Spanned<String>>,
    #[serde(default)]
    record: HashMap<String, Spanned<RawText>>,
    // Branches; which ones a step needs depends on its kind.
    done: Option<Spanned<String>>,
    failed: Option<Spanned<String>>,
    yes: Option<Spanned<String>>,
    no: Option<Spanned<String>>,
    next: Option<Spanned<String>>,
    pass: Option<Spanned<String>>,
    fail: Option<Spanned<String>>,
    unsupported: Option<Spanned<String>>,
    options: Option<Vec<Spanned<RawOption>>>,
    probe: Option<Spanned<String>>,
    tool: Option<Spanned<String>>,
    resolution: Option<Spanned<RawText>>,
    reason: Option<Spanned<RawText>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    /// The stable key for `record` and answers files; the English label when absent.
    id: Option<Spanned<String>>,
    label: Spanned<RawText>,
    next: Spanned<String>,
}

/// A text the user reads: `"…"` (English only) or `{ en = "…", da = "…" }`.
#[derive(Debug)]
struct RawText {
    en: String,
    da: Option<String>,
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or a table of languages like { en = \"…\", da = \"…\" }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText { en: v.to_string(), da: None })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let (mut en, mut da) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "en" => en = Some(map.next_value::<String>()?),
                        "da" => da = Some(map.next_value::<String>()?),
                        other => {
                            return Err(serde::de::Error::custom(format!(
                                "unknown language '{other}' (a text is given as en and, optionally, da)"
                            )));
                        }
                    }
                }
                let en = en.ok_or_else(|| {
                    serde::de::Error::custom("a translated text needs its English (en = \"…\"); da alone is not enough")
                })?;
                Ok(RawText { en, da })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// What the parser checks names against.
pub struct Known<'a> {
    /// Check ids an automatic step may run.
    pub probes: &'a [&'a str],
}

struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn err(&self, span: Range<usize>, message: impl Into<String>) -> ChecklistError {
        let (line, column) = line_column(self.text, span.start);
        ChecklistError { file: self.file.to_string(), line, column, message: message.into() }
    }
}

/// Parses and validates one checklist file. `fallback_id` (the file's stem) names it
/// when the file has no `id`; `source` is what the report says it came from.
pub fn parse(
    text: &str,
    file: &str,
    fallback_id: &str,
    source: &str,
    known: &Known,
) -> Result<Checklist, ChecklistError> {
    let cx = Ctx { file, text };
    let raw: RawChecklist = toml::from_str(text).map_err(|err| {
        let span = err.span().unwrap_or(0..0);
        cx.err(span, err.message().trim().to_string())
    })?;

    let id = match &raw.id {
        Some(id) => {
            let ok = !id.get_ref().is_empty()
                && id.get_ref().chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !ok {
                return Err(cx.err(id.span(), "the checklist id must be letters, digits, '-' or '_'"));
            }
            id.get_ref().clone()
        }
        None => fallback_id.to_string(),
    };
    let title = non_empty(&cx, &raw.title, "the checklist's title is empty")?;
    let description = match &raw.description {
        Some(d) => localized(&cx, d, "the checklist's description is empty")?,
        None => Localized::default(),
    };
    let area = Category::from_key(raw.area.get_ref()).ok_or_else(|| {
        cx.err(
            raw.area.span(),
            format!(
                "unknown area '{}' (choose from: network, printers, displays, peripherals, system)",
                raw.area.get_ref()
            ),
        )
    })?;
    let Some(first) = raw.steps.first() else {
        return Err(cx.err(0..0, "the checklist has no steps (add [[steps]] tables)"));
    };

    // Step ids: unique, known before any branch is resolved.
    let mut spans: HashMap<&str, Range<usize>> = HashMap::new();
    for step in &raw.steps {
        let id = step.get_ref().id.get_ref().as_str();
        if id.trim().is_empty() {
            return Err(cx.err(step.get_ref().id.span(), "a step id is empty"));
        }
        if spans.insert(id, step.get_ref().id.span()).is_some() {
            return Err(cx.err(step.get_ref().id.span(), format!("step id '{id}' is used twice")));
        }
    }
    let resolve = |target: &Spanned<String>| -> Result<String, ChecklistError> {
        let t = target.get_ref();
        if spans.contains_key(t.as_str()) {
            Ok(t.clone())
        } else {
            Err(cx.err(target.span(), format!("unknown step id '{t}'")))
        }
    };
    let start = match &raw.start {
        Some(s) => resolve(s)?,
        None => first.get_ref().id.get_ref().clone(),
    };

    let mut steps = Vec::with_capacity(raw.steps.len());
    for spanned in &raw.steps {
        steps.push(step(&cx, spanned, &resolve, known)?);
    }
    let checklist = Checklist { id, title, description, area, source: source.to_string(), start, steps };
    check_graph(&cx, &checklist, &spans)?;
    Ok(checklist)
}

fn non_empty_str(cx: &Ctx, s: &Spanned<String>, message: &str) -> Result<String, ChecklistError> {
    let text = s.get_ref().trim();
    if text.is_empty() { Err(cx.err(s.span(), message)) } else { Ok(text.to_string()) }
}

/// A text the user reads, trimmed; an empty English text is an error, and so is an empty
/// Danish one (leave `da` out instead).
fn non_empty(cx: &Ctx, s: &Spanned<RawText>, message: &str) -> Result<Localized, ChecklistError> {
    let raw = s.get_ref();
    let en = raw.en.trim();
    if en.is_empty() {
        return Err(cx.err(s.span(), message));
    }
    let mut out = Localized::en(en);
    if let Some(da) = &raw.da {
        let da = da.trim();
        if da.is_empty() {
            return Err(cx.err(s.span(), format!("{message} in Danish (leave 'da' out to show the English)")));
        }
        out = out.with_da(da);
    }
    Ok(out)
}

/// A text that may be empty in the file (the description) but not half-translated.
fn localized(cx: &Ctx, s: &Spanned<RawText>, message: &str) -> Result<Localized, ChecklistError> {
    if s.get_ref().en.trim().is_empty() && s.get_ref().da.is_none() {
        return Ok(Localized::default());
    }
    non_empty(cx, s, message)
}

fn step(
    cx: &Ctx,
    spanned: &Spanned<RawStep>,
    resolve: &dyn Fn(&Spanned<String>) -> Result<String, ChecklistError>,
    known: &Known,
) -> Result<Step, ChecklistError> {
    let raw = spanned.get_ref();
    let id = raw.id.get_ref().clone();
    let kind_word = raw.kind.get_ref().as_str();
    let at = raw.id.span();
    let text = match &raw.text {
        Some(t) => non_empty(cx, t, &format!("step '{id}' has an empty text"))?,
        None => return Err(cx.err(at, format!("step '{id}' has no text (what the user reads)"))),
    };
    // A field the kind needs: missing → error at the step's id; present → resolved.
    let need = |field: &Option<Spanned<String>>, name: &str| -> Result<String, ChecklistError> {
        match field {
            Some(target) => resolve(target),
            None => Err(cx.err(at.clone(), format!("{kind_word} step '{id}' needs '{name}' (the step to go to)"))),
        }
    };
    let need_word = |field: &Option<Spanned<String>>, name: &str| -> Result<String, ChecklistError> {
        match field {
            Some(t) => non_empty_str(cx, t, &format!("step '{id}' has an empty '{name}'")),
            None => Err(cx.err(at.clone(), format!("{kind_word} step '{id}' needs '{name}'"))),
        }
    };
    let need_text = |field: &Option<Spanned<RawText>>, name: &str| -> Result<Localized, ChecklistError> {
        match field {
            Some(t) => non_empty(cx, t, &format!("step '{id}' has an empty '{name}'")),
            None => Err(cx.err(at.clone(), format!("{kind_word} step '{id}' needs '{name}'"))),
        }
    };
    let kind = match kind_word {
        "instruction" => StepKind::Instruction { done: need(&raw.done, "done")?, failed: need(&raw.failed, "failed")? },
        "yes_no" => StepKind::YesNo { yes: need(&raw.yes, "yes")?, no: need(&raw.no, "no")? },
        "text" => StepKind::Text { next: need(&raw.next, "next")? },
        "choice" => {
            let Some(options) = &raw.options else {
                return Err(cx.err(at, format!("choice step '{id}' needs 'options'")));
            };
            if options.len() < 2 {
                return Err(cx.err(at, format!("choice step '{id}' needs at least two options")));
            }
            let mut out: Vec<ChoiceOption> = Vec::new();
            for spanned in options {
                let o = spanned.get_ref();
                let label = non_empty(cx, &o.label, &format!("an option of step '{id}' has an empty label"))?;
                let key = match &o.id {
                    Some(k) => non_empty_str(cx, k, &format!("an option of step '{id}' has an empty id"))?,
                    None => label.en.clone(),
                };
                if out.iter().any(|prev| prev.id.eq_ignore_ascii_case(&key)) {
                    let span = o.id.as_ref().map(Spanned::span).unwrap_or_else(|| o.label.span());
                    return Err(cx.err(span, format!("step '{id}' has two options called '{key}'")));
                }
                out.push(ChoiceOption { id: key, label, next: resolve(&o.next)? });
            }
            StepKind::Choice { options: out }
        }
        "automatic" => {
            let probe = need_word(&raw.probe, "probe")?;
            if !known.probes.contains(&probe.as_str()) {
                let span = raw.probe.as_ref().map(|p| p.span()).unwrap_or(at.clone());
                return Err(cx.err(span, format!("step '{id}': unknown probe '{probe}' (no check has this id)")));
            }
            StepKind::Automatic {
                probe,
                pass: need(&raw.pass, "pass")?,
                fail: need(&raw.fail, "fail")?,
                unsupported: raw.unsupported.as_ref().map(resolve).transpose()?,
            }
        }
        "tool" => {
            let tool = need_word(&raw.tool, "tool")?;
            if !TOOLS.contains(&tool.as_str()) {
                let span = raw.tool.as_ref().map(|p| p.span()).unwrap_or(at.clone());
                return Err(
                    cx.err(span, format!("step '{id}': unknown tool '{tool}' (choose from: {})", TOOLS.join(", ")))
                );
            }
            StepKind::Tool { tool, done: need(&raw.done, "done")?, failed: need(&raw.failed, "failed")? }
        }
        "resolved" => StepKind::Resolved { resolution: need_text(&raw.resolution, "resolution")? },
        "escalate" => StepKind::Escalate { reason: need_text(&raw.reason, "reason")? },
        other => {
            return Err(cx.err(
                raw.kind.span(),
                format!(
                    "unknown step kind '{other}' (choose from: instruction, yes_no, choice, text, automatic, tool, resolved, escalate)"
                ),
            ));
        }
    };
    refuse_foreign_fields(cx, raw, &kind)?;
    let skip = raw.skip.as_ref().map(resolve).transpose()?;
    if kind.is_end() && skip.is_some() {
        return Err(cx.err(at, format!("end step '{id}' cannot have 'skip'")));
    }
    let mut records = Vec::new();
    let mut keys: Vec<&String> = raw.record.keys().collect();
    keys.sort();
    for answer in keys {
        let value = &raw.record[answer];
        if !answer_keys(&kind).iter().any(|k| k == answer) {
            return Err(cx.err(
                value.span(),
                format!(
                    "step '{id}' records answer '{answer}', which it does not have (has: {})",
                    answer_keys(&kind).join(", ")
                ),
            ));
        }
        let form = || cx.err(value.span(), "a record reads \"<pass|info|warn|fail>: <plain sentence>\"".to_string());
        let (severity, en) = record_value(&value.get_ref().en).ok_or_else(form)?;
        let mut summary = Localized::en(en);
        if let Some(da) = &value.get_ref().da {
            let (da_severity, da) = record_value(da).ok_or_else(form)?;
            if da_severity != severity {
                return Err(cx.err(
                    value.span(),
                    format!(
                        "step '{id}' records answer '{answer}' as {severity:?} in English but {da_severity:?} in Danish"
                    ),
                ));
            }
            summary = summary.with_da(da);
        }
        records.push(Record { answer: answer.clone(), severity, summary });
    }
    let help = raw.help.as_ref().map(|h| non_empty(cx, h, &format!("step '{id}' has an empty help"))).transpose()?;
    Ok(Step { id, text, help, kind, skip, records })
}

/// A field that belongs to another kind is a mistake worth pointing at (a typo'd kind, a
/// copied step), not something to ignore.
fn refuse_foreign_fields(cx: &Ctx, raw: &RawStep, kind: &StepKind) -> Result<(), ChecklistError> {
    let allowed: &[&str] = match kind {
        StepKind::Instruction { .. } => &["done", "failed"],
        StepKind::YesNo { .. } => &["yes", "no"],
        StepKind::Choice { .. } => &["options"],
        StepKind::Text { .. } => &["next"],
        StepKind::Automatic { .. } => &["probe", "pass", "fail", "unsupported"],
        StepKind::Tool { .. } => &["tool", "done", "failed"],
        StepKind::Resolved { .. } => &["resolution"],
        StepKind::Escalate { .. } => &["reason"],
    };
    let fields: [(&str, Option<Range<usize>>); 13] = [
        ("done", raw.done.as_ref().map(Spanned::span)),
        ("failed", raw.failed.as_ref().map(Spanned::span)),
        ("yes", raw.yes.as_ref().map(Spanned::span)),
        ("no", raw.no.as_ref().map(Spanned::span)),
        ("next", raw.next.as_ref().map(Spanned::span)),
        ("pass", raw.pass.as_ref().map(Spanned::span)),
        ("fail", raw.fail.as_ref().map(Spanned::span)),
        ("unsupported", raw.unsupported.as_ref().map(Spanned::span)),
        ("options", raw.options.as_ref().and_then(|o| o.first()).map(Spanned::span)),
        ("probe", raw.probe.as_ref().map(Spanned::span)),
        ("tool", raw.tool.as_ref().map(Spanned::span)),
        ("resolution", raw.resolution.as_ref().map(Spanned::span)),
        ("reason", raw.reason.as_ref().map(Spanned::span)),
    ];
    for (name, span) in fields {
        if let Some(span) = span
            && !allowed.contains(&name)
        {
            return Err(
                cx.err(span, format!("'{name}' does not belong in a {} step '{}'", kind.key(), raw.id.get_ref()))
            );
        }
    }
    Ok(())
}

/// The answer keys a step of this kind can produce (for `record`).
pub fn answer_keys(kind: &StepKind) -> Vec<String> {
    let mut keys: Vec<String> = match kind {
        StepKind::Instruction { .. } | StepKind::Tool { .. } => vec!["done".into(), "failed".into()],
        StepKind::YesNo { .. } => vec!["yes".into(), "no".into()],
        StepKind::Choice { options } => options.iter().map(|o| o.id.clone()).collect(),
        StepKind::Text { .. } => vec!["text".into()],
        StepKind::Automatic { .. } => vec!["pass".into(), "fail".into(), "unsupported".into()],
        StepKind::Resolved { .. } | StepKind::Escalate { .. } => return Vec::new(),
    };
    keys.push("skip".into());
    keys
}

fn record_value(value: &str) -> Option<(Severity, String)> {
    let (word, summary) = value.split_once(':')?;
    let severity = match word.trim().to_ascii_lowercase().as_str() {
        "pass" => Severity::Pass,
        "info" => Severity::Info,
        "warn" => Severity::Warn,
        "fail" => Severity::Fail,
        _ => return None,
    };
    let summary = summary.trim();
    (!summary.is_empty()).then(|| (severity, summary.to_string()))
}

/// Every step reachable from the start, and from every step an end reachable: a checklist
/// that strands the user is refused before anyone walks it.
fn check_graph(cx: &Ctx, c: &Checklist, spans: &HashMap<&str, Range<usize>>) -> Result<(), ChecklistError> {
    let edges = |s: &Step| -> Vec<String> {
        let mut t: Vec<String> = s.kind.targets().into_iter().map(str::to_string).collect();
        t.extend(s.skip.clone());
        t
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let mut queue = VecDeque::from([c.start.as_str()]);
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(step) = c.step(id) {
            for t in step.kind.targets() {
                queue.push_back(t);
            }
            if let Some(skip) = &step.skip {
                queue.push_back(skip);
            }
        }
    }
    for step in &c.steps {
        if !seen.contains(step.id.as_str()) {
            let span = spans.get(step.id.as_str()).cloned().unwrap_or(0..0);
            return Err(cx.err(span, format!("step '{}' can never be reached from '{}'", step.id, c.start)));
        }
    }
    // Backwards from the end steps: whatever is not reached cannot finish.
    let mut can_end: HashSet<String> = c.steps.iter().filter(|s| s.kind.is_end()).map(|s| s.id.clone()).collect();
    if can_end.is_empty() {
        return Err(cx.err(0..0, "the checklist has no end step (kind = \"resolved\" or \"escalate\")"));
    }
    loop {
        let before = can_end.len();
        for step in &c.steps {
            if !can_end.contains(&step.id) && edges(step).iter().any(|t| can_end.contains(t)) {
                can_end.insert(step.id.clone());
            }
        }
        if can_end.len() == before {
            break;
        }
    }
    for step in &c.steps {
        if !can_end.contains(&step.id) {
            let span = spans.get(step.id.as_str()).cloned().unwrap_or(0..0);
            return Err(cx.err(span, format!("from step '{}' no answer ever leads to an end step", step.id)));
        }
    }
    Ok(())
}
