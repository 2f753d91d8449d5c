use proptest::prelude::*;

use super::*;
use crate::model::{CheckRun, Finding, HostInfo, Outcome, Verdict};

fn area_status() -> impl Strategy<Value = AreaStatus> {
    prop::sample::select(AreaStatus::ALL.to_vec())
}

fn layer() -> impl Strategy<Value = Option<Layer>> {
    prop::option::of(prop::sample::select(Layer::ALL.to_vec()))
}

fn decoded() -> impl Strategy<Value = Decoded> {
    (
        prop::collection::vec(area_status(), 5),
        layer(),
        prop::collection::btree_set(1..=ids::MAX_NUMBER, 0..=9),
        any::<bool>(),
    )
        .prop_map(|(statuses, layer, numbers, more)| {
            let areas = Category::ALL.iter().zip(statuses).map(|(&area, status)| AreaResult { area, status }).collect();
            Decoded::new(areas, layer, numbers.into_iter().collect(), more)
        })
}

fn alphabet_char(v: u8) -> char {
    char::from(ALPHABET[usize::from(v)])
}

proptest! {
    #[test]
    fn round_trip(d in decoded()) {
        let code = d.code();
        prop_assert_eq!(decode(code.as_str()), Ok(d));
    }

    #[test]
    fn codes_are_short_and_use_only_the_alphabet(d in decoded()) {
        let code = d.code();
        prop_assert!(code.as_str().chars().count() <= 12, "{code} is longer than 12");
        prop_assert!(code.as_str().chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))), "{code}");
        prop_assert_eq!(code.as_str().chars().filter(|&c| c != '-').count(), SYMBOLS);
    }

    /// Every other symbol at every position: the code is rejected, never misread.
    #[test]
    fn every_single_change_is_rejected(d in decoded()) {
        let code: Vec<char> = d.code().as_str().chars().filter(|&c| c != '-').collect();
        for pos in 0..code.len() {
            for v in 0..32u8 {
                let c = alphabet_char(v);
                if c == code[pos] {
                    continue;
                }
                let mut typo = code.clone();
                typo[pos] = c;
                let typed: String = typo.iter().collect();
                prop_assert_eq!(decode(&typed), Err(CodeError::CheckFailed), "{} decoded", typed);
            }
        }
    }

    #[test]
    fn every_neighbour_swap_is_rejected(d in decoded()) {
        let code: Vec<char> = d.code().as_str().chars().filter(|&c| c != '-').collect();
        for pos in 0..code.len() - 1 {
            if code[pos] == code[pos + 1] {
                continue;
            }
            let mut swapped = code.clone();
            swapped.swap(pos, pos + 1);
            let typed: String = swapped.iter().collect();
            prop_assert_eq!(decode(&typed), Err(CodeError::CheckFailed), "{} decoded", typed);
        }
    }
}

#[test]
fn the_layout_fits_forty_bits() {
    let max = (AREA_STATES.pow(5) * LAYERS * 2) * sets();
    assert!(max <= 1u64 << (5 * PAYLOAD_SYMBOLS), "format 1 overflows: {max}");
    assert_eq!(sets(), 75_611_761);
}

#[test]
fn alpha_is_primitive() {
    let powers: std::collections::HashSet<u8> = (0..31).map(alpha_pow).collect();
    assert_eq!(powers.len(), 31, "α must generate all 31 non-zero elements");
    assert!(!powers.contains(&0));
}

#[test]
fn reading_is_forgiving() {
    let d = Decoded::new(
        Category::ALL.iter().map(|&area| AreaResult { area, status: AreaStatus::Pass }).collect(),
        None,
        vec![6],
        false,
    );
    let code = d.code().to_string();
    let sloppy = code.to_lowercase().replace('-', " ").replace('1', "l").replace('0', "o");
    assert_eq!(decode(&format!("  {sloppy} ")), Ok(d.clone()));
    assert_eq!(decode(&code.replace('-', "")), Ok(d));
}

#[test]
fn errors_say_what_is_wrong() {
    assert_eq!(decode(""), Err(CodeError::WrongLength { found: 0, expected: SYMBOLS }));
    assert_eq!(decode("1QX-4MD"), Err(CodeError::WrongLength { found: 6, expected: SYMBOLS }));
    assert_eq!(decode("1QX-4MU-2PXK"), Err(CodeError::BadCharacter { character: 'U', position: 7 }));
    assert_eq!(decode("1QX*4MD-2PXK"), Err(CodeError::BadCharacter { character: '*', position: 4 }));
    // A valid format-2 code (any length, its own check passing) is recognised as newer.
    let mut newer = vec![2u8, 5, 7, 9, 11];
    newer.push(check_symbol(&newer));
    let typed: String = newer.iter().map(|&v| alphabet_char(v)).collect();
    assert_eq!(decode(&typed), Err(CodeError::UnknownVersion(2)));
    let mut same_length = vec![3u8, 0, 0, 0, 0, 0, 0, 0, 0];
    same_length.push(check_symbol(&same_length));
    let typed: String = same_length.iter().map(|&v| alphabet_char(v)).collect();
    assert_eq!(decode(&typed), Err(CodeError::UnknownVersion(3)));
}

#[test]
fn a_payload_past_the_layout_is_no_result() {
    let mut symbols = vec![VERSION, 31, 31, 31, 31, 31, 31, 31, 31];
    symbols.push(check_symbol(&symbols));
    let typed: String = symbols.iter().map(|&v| alphabet_char(v)).collect();
    assert_eq!(decode(&typed), Err(CodeError::NoSuchResult));
}

fn run(id: &str, category: Category, severity: Severity) -> CheckRun {
    let mut run = CheckRun::errored(id, category, "");
    run.outcome = Outcome::Completed;
    run.findings = vec![Finding::new(severity, "t", "s")];
    run
}

#[test]
fn a_report_is_carried_exactly() {
    let mut report = Report::new(HostInfo::default(), chrono::Utc::now());
    report.runs = vec![
        run("system.disk.free", Category::System, Severity::Fail),
        run("net.link.status", Category::Network, Severity::Fail),
        run("net.dns.resolve", Category::Network, Severity::Fail),
        run("printers.queues", Category::Printers, Severity::Warn),
        run("displays.monitors", Category::Displays, Severity::Info),
        run("test.only.check", Category::Peripherals, Severity::Fail),
    ];
    report.verdict = Some(Verdict {
        layer: "link".into(),
        severity: Severity::Fail,
        headline: String::new(),
        technician: None,
        next_step: None,
        msg: None,
    });
    let d = Decoded::of(&report);
    let status = |c: Category| d.areas.iter().find(|a| a.area == c).map(|a| a.status);
    assert_eq!(status(Category::Network), Some(AreaStatus::Fail));
    assert_eq!(status(Category::Printers), Some(AreaStatus::Warn));
    assert_eq!(status(Category::Displays), Some(AreaStatus::Pass), "Info counts as pass");
    assert_eq!(status(Category::Peripherals), Some(AreaStatus::Fail));
    assert_eq!(status(Category::System), Some(AreaStatus::Fail));
    assert_eq!(d.layer, Some(Layer::Link));
    let failing: Vec<Option<&str>> = d.failing.iter().map(|f| f.id).collect();
    assert_eq!(failing, vec![Some("net.link.status"), Some("net.dns.resolve"), Some("system.disk.free")]);
    assert!(d.more_failed, "a failing check without a number sets the flag");
    assert_eq!(decode(encode(&report).as_str()), Ok(d));
}

#[test]
fn the_most_important_failures_are_kept() {
    let numbers: Vec<u8> = (1..=30).rev().collect();
    let d = Decoded::new(Vec::new(), Some(Layer::Link), numbers, false);
    let kept: Vec<u8> = d.failing.iter().map(|f| f.number).collect();
    // Network checks by layer: link (1, 2), address (3, 4), gateway (5), dns (6).
    assert_eq!(kept, vec![1, 2, 3, 4, 5, 6]);
    assert!(d.more_failed);
}

#[test]
fn lines_in_both_languages() {
    let d = Decoded::new(
        Category::ALL
            .iter()
            .map(|&area| AreaResult {
                area,
                status: if area == Category::Network { AreaStatus::Fail } else { AreaStatus::NotRun },
            })
            .collect(),
        Some(Layer::Dns),
        vec![6, 40],
        true,
    );
    let en = d.lines(Lang::En).join("\n");
    assert!(en.contains("Network: FAIL"), "{en}");
    assert!(en.contains("(net.dns.resolve)"), "{en}");
    assert!(en.contains("check number 40"), "{en}");
    let da = d.lines(Lang::Da).join("\n");
    assert!(da.contains("Netværk"), "{da}");
    assert!(da.contains("IKKE KØRT"), "{da}");
}
