//! Guided mode walked by keyboard alone, the way a user on the phone would: Tab, Enter,
//! Space and Esc only — no clicks. Once in English and once in Danish, for the internet path
//! inside a namespace lab whose DNS server is down (so the verdict says something), and for
//! the screen path with its checklist questions (in a network namespace of its own, so no
//! check can send a packet anywhere). On the result screen the read-out code is read by its
//! accessible label and decoded: it must say what the report says.

#[cfg(target_os = "linux")]
mod common;

#[cfg(target_os = "linux")]
mod linux {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use deskcheck::config::Config;
    use deskcheck::gui::{DeskcheckApp, GuiOptions, UiMode};
    use deskcheck::i18n::{self, Lang};
    use deskcheck::logging::LogBuffer;
    use deskcheck::model::{Report, Severity};
    use deskcheck::readout;
    use egui::Key;
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    use super::common;

    type App<'a> = Harness<'a, DeskcheckApp>;

    /// The words each language shows, so one walk serves both.
    struct Words {
        lang: Lang,
        step: &'static str,
        of: &'static str,
        next: &'static str,
        internet: &'static str,
        screen: &'static str,
        printer: &'static str,
        check_again: &'static str,
        read_code: &'static str,
        save: &'static str,
        checking_network: &'static str,
        finished: &'static str,
    }

    const EN: Words = Words {
        lang: Lang::En,
        step: "Step",
        of: "of",
        next: "Next",
        internet: "The internet",
        screen: "The screen",
        printer: "A printer",
        check_again: "Check again",
        read_code: "Read this code to your technician",
        save: "Save a report file",
        checking_network: "Checking your network…",
        finished: "Finished:",
    };

    const DA: Words = Words {
        lang: Lang::Da,
        step: "Trin",
        of: "af",
        next: "Næste",
        internet: "Internettet",
        screen: "Skærmen",
        printer: "En printer",
        check_again: "Tjek igen",
        read_code: "Læs denne kode op for din tekniker",
        save: "Gem en rapportfil",
        checking_network: "Tjekker dit netværk…",
        finished: "Færdig:",
    };

    fn app(config: Config, lang: Lang) -> App<'static> {
        app_saving_to(config, lang, None)
    }

    fn app_saving_to(config: Config, lang: Lang, save_path: Option<std::path::PathBuf>) -> App<'static> {
        let mut options = GuiOptions::new(Arc::new(config), LogBuffer::default());
        options.save_path = save_path;
        options.mode = Some(UiMode::Guided);
        options.lang = Some(lang);
        i18n::set_current(lang);
        // The smallest common laptop screen: everything must fit without a mouse to scroll.
        Harness::builder().with_size([1366.0, 768.0]).build_eframe(move |_cc| DeskcheckApp::new(options))
    }

    /// The accessible name of the widget with the keyboard focus.
    fn focused(h: &App<'_>) -> Option<String> {
        h.query_by(|n| n.is_focused()).and_then(|n| n.accesskit_node().label())
    }

    /// Every button on screen has an accessible name, and the focused one is inside the
    /// 1366×768 window (nothing the keyboard reaches is off screen).
    fn assert_screen_usable(h: &App<'_>) {
        for node in h.query_all_by_role(egui::accesskit::Role::Button) {
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(!label.trim().is_empty(), "a button without a name at {:?}", node.rect());
        }
        if let Some(node) = h.query_by(|n| n.is_focused()) {
            let rect = node.rect();
            assert!(rect.max.y <= 768.0 && rect.max.x <= 1366.0, "{:?} is off screen: {rect:?}", focused(h));
        }
    }

    /// Presses one key and lets the app draw what follows.
    fn press(h: &mut App<'_>, key: Key) {
        h.key_press(key);
        for _ in 0..6 {
            h.step();
        }
    }

    /// Steps the app (real time passes: checks run on the engine) until `done`.
    fn step_until(h: &mut App<'_>, what: &str, limit: Duration, done: impl Fn(&App<'_>) -> bool) {
        let deadline = Instant::now() + limit;
        while !done(h) {
            assert!(
                Instant::now() < deadline,
                "timed out after {limit:?} waiting for {what}; focus on {:?}",
                focused(h)
            );
            h.step();
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// "Step N of M" as shown, parsed; M is 0 for a plain "Step N" (before the first answer).
    fn step_counter(h: &App<'_>, w: &Words) -> (usize, usize) {
        let prefix = format!("{} ", w.step);
        let separator = format!(" {} ", w.of);
        let parse = |text: &str| -> Option<(usize, usize)> {
            let rest = text.strip_prefix(&prefix)?;
            match rest.split_once(&separator) {
                Some((n, m)) => Some((n.parse().ok()?, m.parse().ok()?)),
                None => Some((rest.parse().ok()?, 0)),
            }
        };
        // A text label carries its words as its value.
        let found: Vec<(usize, usize)> = h
            .query_all_by(|_| true)
            .filter_map(|n| {
                let ak = n.accesskit_node();
                ak.label().filter(|l| !l.is_empty()).or_else(|| ak.value()).and_then(|t| parse(&t))
            })
            .collect();
        // (A label may come as its Label node and the text run inside it.)
        assert!(!found.is_empty() && found.iter().all(|f| *f == found[0]), "one step counter on screen: {found:?}");
        found[0]
    }

    fn report(h: &App<'_>) -> Report {
        h.state().session().report.clone()
    }

    /// The result screen's code, read by its accessible label, decodes to what the report
    /// says, and names the same failing checks.
    fn assert_code_matches_report(h: &App<'_>, w: &Words) -> String {
        let code = h.get_by_label(w.read_code).value().expect("the code field has a value");
        let report = report(h);
        let decoded = readout::decode(&code).unwrap_or_else(|e| panic!("the shown code {code} does not decode: {e}"));
        assert_eq!(decoded, readout::Decoded::of(&report), "code {code}");
        let failing: Vec<&str> = report
            .runs
            .iter()
            .filter(|r| r.severity() == Some(Severity::Fail))
            .map(|r| r.id.as_str())
            .filter(|id| readout::ids::number_of(id).is_some())
            .collect();
        let in_code: Vec<&str> = decoded.failing.iter().filter_map(|f| f.id).collect();
        assert!(in_code.iter().all(|id| failing.contains(id)), "code {code} names {in_code:?}, report {failing:?}");
        if !decoded.more_failed {
            assert_eq!(in_code.len(), failing.len(), "code {code} names {in_code:?}, report {failing:?}");
        }
        code
    }

    /// The internet path: "What is wrong?" → the network checks → the result, with Esc and
    /// Back/Next on the way, by keys only.
    fn walk_internet(w: &'static Words) {
        use common::netns::{Options, Topology, unavailable};
        if let Some(why) = unavailable() {
            common::skip("guided_internet", &why);
            return;
        }
        let topology = Topology::build(Options::default()).unwrap();
        topology.stop_dns().unwrap();
        // Every outside target points into the lab.
        let config = Config::from_file(&topology.write_config()).unwrap();
        let ns = format!("/run/netns/{}", topology.client);
        let bundle = topology.path().join("guided.zip");
        std::thread::spawn(move || {
            use std::os::fd::AsRawFd;
            let file = std::fs::File::open(&ns).unwrap();
            // SAFETY: setns on a valid namespace fd; it moves only this thread (and what it starts).
            let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
            assert_eq!(rc, 0, "setns {ns}: {}", std::io::Error::last_os_error());
            let mut h = app_saving_to(config, w.lang, Some(bundle.clone()));
            h.run_ok();
            // The first screen: the focus is on the first answer; Enter chooses it and
            // the focus moves to Next; nothing moves on by itself.
            assert_eq!(focused(&h).as_deref(), Some(w.internet));
            assert_eq!(step_counter(&h, w), (1, 0), "no length before the answer");
            press(&mut h, Key::Enter);
            h.get_by_label(&format!("✔ {}", w.internet));
            assert_eq!(focused(&h).as_deref(), Some(w.next));
            // Choosing does not advance; the count is now the internet's way.
            let first_m = 3;
            assert_eq!(step_counter(&h, w), (1, first_m), "choosing does not advance");
            press(&mut h, Key::Enter);
            assert_eq!(step_counter(&h, w), (2, 3));
            assert!(h.state().is_running(), "Next started the network checks");
            h.get_by_label_contains(w.checking_network);
            step_until(&mut h, "the network checks", Duration::from_secs(60), |h| !h.state().is_running());
            // Finished checks wait: a second later the screen is the same.
            let until = Instant::now() + Duration::from_millis(800);
            while Instant::now() < until {
                h.step();
                std::thread::sleep(Duration::from_millis(40));
            }
            assert_eq!(step_counter(&h, w), (2, 3), "nothing advances by itself");
            h.get_by_label_contains(w.finished);
            assert_eq!(focused(&h).as_deref(), Some(w.next));
            let runs = report(&h).runs.len();
            // Esc goes back one screen, with the answer still chosen; Next returns without
            // running the checks again.
            press(&mut h, Key::Escape);
            assert_eq!(step_counter(&h, w), (1, first_m));
            assert_eq!(focused(&h).as_deref(), Some(w.next));
            press(&mut h, Key::Enter);
            assert_eq!(step_counter(&h, w), (2, 3));
            assert!(!h.state().is_running());
            assert_eq!(report(&h).runs.len(), runs);
            step_until(&mut h, "the focus on Next", Duration::from_secs(5), |h| focused(h).as_deref() == Some(w.next));
            press(&mut h, Key::Enter);
            // The result: the verdict in one sentence, what to do now, the code.
            assert_eq!(step_counter(&h, w), (3, 3));
            assert_eq!(focused(&h).as_deref(), Some(w.save));
            let report = report(&h);
            let verdict = report.verdict.clone().expect("a network verdict");
            assert_eq!(verdict.layer, "dns", "{verdict:?}");
            h.get_by_label_contains(&verdict.headline_in(w.lang));
            if let Some(next) = verdict.next_step_in(w.lang) {
                h.get_by_label_contains(&next);
            }
            assert_code_matches_report(&h, w);
            assert_screen_usable(&h);
            // Tab moves the focus along the buttons, Shift+Tab back.
            press(&mut h, Key::Tab);
            let after_tab = focused(&h);
            assert_ne!(after_tab.as_deref(), Some(w.save));
            h.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
            h.run_ok();
            assert_eq!(focused(&h).as_deref(), Some(w.save));
            // Enter on "Save a report file" writes the bundle (to the test's path, no dialog).
            press(&mut h, Key::Enter);
            step_until(&mut h, "the bundle", Duration::from_secs(20), |h| !h.state().is_busy() && bundle.is_file());
            let entries = common::zip_entries(&bundle);
            let saved = entries.iter().find(|(name, _)| name == "report.json").expect("report.json in the bundle");
            let saved: Report = serde_json::from_slice(&saved.1).unwrap();
            assert_eq!(readout::Decoded::of(&saved), readout::Decoded::of(&report), "the saved report says the same");
        })
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
        drop(topology);
    }

    #[test]
    fn internet_path_by_keyboard_in_english() {
        walk_internet(&EN);
    }

    #[test]
    fn internet_path_by_keyboard_in_danish() {
        walk_internet(&DA);
    }

    /// The screen path: the display checks, then every checklist question answered with
    /// Enter (the first answer), Next with Enter, to the result.
    fn walk_screen(w: &'static Words) {
        if !common::is_root() {
            common::skip("guided_screen", "needs root for a network namespace of its own");
            return;
        }
        std::thread::spawn(move || {
            // SAFETY: unshare with CLONE_NEWNET moves only this thread into a new, empty namespace.
            let rc = unsafe { libc::unshare(libc::CLONE_NEWNET) };
            assert_eq!(rc, 0, "unshare(CLONE_NEWNET): {}", std::io::Error::last_os_error());
            walk_checklist(w, w.screen, "display", Config::default());
        })
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
    }

    /// From "What is wrong?" to the result through a checklist, by keys only, on this thread.
    fn walk_checklist(w: &Words, problem: &str, checklist: &str, config: Config) {
        {
            let mut h = app(config, w.lang);
            h.run_ok();
            step_until(&mut h, "the checklists", Duration::from_secs(10), |h| h.state().checklists_ready());
            h.run_ok();
            // Down to "The screen" with Tab, then Enter to choose and Enter for Next.
            let mut tabs = 0;
            while focused(&h).as_deref() != Some(problem) {
                tabs += 1;
                assert!(tabs < 8, "Tab never reached {problem}: focus on {:?}", focused(&h));
                press(&mut h, Key::Tab);
            }
            press(&mut h, Key::Space);
            assert_eq!(focused(&h).as_deref(), Some(w.next));
            let (_, first_m) = step_counter(&h, w);
            press(&mut h, Key::Enter);
            step_until(&mut h, "the checks", Duration::from_secs(60), |h| !h.state().is_running());
            step_until(&mut h, "the focus on Next", Duration::from_secs(5), |h| focused(h).as_deref() == Some(w.next));
            let (n, m) = step_counter(&h, w);
            assert_eq!(n, 2);
            assert!(m > 3 && m <= first_m, "{m} (first screen: {first_m})");
            press(&mut h, Key::Enter);
            assert_eq!(h.state().walking(), Some(checklist), "Next started the {checklist} checklist");
            // The checklist's own words, in the language shown.
            let library = deskcheck::checklist::Library::load(None);
            let walked = library.find(checklist).expect("the built-in checklist");
            let first = walked.step(&walked.start).expect("its first step");
            h.get_by_label(first.text.get(w.lang));
            let mut shown = vec![step_counter(&h, w)];
            // The first question: choose, Next, then Esc returns with the answer kept, and
            // Enter (on Next) goes forward again: Back and Next move by one.
            let first_answer = focused(&h).expect("the first answer has the focus");
            press(&mut h, Key::Enter);
            assert_eq!(focused(&h).as_deref(), Some(w.next));
            press(&mut h, Key::Enter);
            let second = step_counter(&h, w);
            assert_eq!(second.0, shown[0].0 + 1);
            press(&mut h, Key::Escape);
            assert_eq!(step_counter(&h, w), shown[0]);
            h.get_by_label(&format!("✔ {first_answer}"));
            assert_eq!(focused(&h).as_deref(), Some(w.next));
            press(&mut h, Key::Enter);
            assert_eq!(step_counter(&h, w), second);
            shown.push(second);
            let mut guard = 0;
            while focused(&h).as_deref() != Some(w.save) {
                guard += 1;
                assert!(guard < 80, "the checklist never ended; focus on {:?}", focused(&h));
                // An automatic step's check runs: the focus comes to Next when it is done.
                step_until(&mut h, "a focused button", Duration::from_secs(30), |h| focused(h).is_some());
                assert_screen_usable(&h);
                let before = step_counter(&h, w);
                if focused(&h).as_deref() != Some(w.next) {
                    // The first answer has the focus: choose it.
                    press(&mut h, Key::Enter);
                    if focused(&h).is_none() {
                        // A text question's field: Enter in it is Next.
                        continue;
                    }
                    assert_eq!(focused(&h).as_deref(), Some(w.next), "after choosing, the focus goes to Next");
                    assert_eq!(step_counter(&h, w), before, "choosing does not advance");
                }
                press(&mut h, Key::Enter);
                let after = step_counter(&h, w);
                if after == before {
                    // The cancel step: Next hands over the ticked jobs (none) and the cancel
                    // check runs on this screen; its result waits for Next like any other.
                    step_until(&mut h, "the cancel check", Duration::from_secs(30), |h| {
                        focused(h).as_deref() == Some(w.next)
                    });
                    h.get_by_label(w.check_again);
                    continue;
                }
                assert_eq!(after.0, before.0 + 1, "Next moves by one");
                assert!(after.1 <= before.1, "the count grew from {before:?} to {after:?}");
                shown.push(after);
            }
            let (n, m) = step_counter(&h, w);
            assert_eq!(n, m, "the result is the last step");
            eprintln!("{:?}: steps shown {shown:?}", w.lang);
            assert!(shown.len() >= 4, "a few questions were answered: {shown:?}");
            assert!(!report(&h).checklists.is_empty(), "the answers are in the report");
            assert_code_matches_report(&h, w);
        }
    }

    #[test]
    fn screen_path_with_its_questions_by_keyboard_in_english() {
        walk_screen(&EN);
    }

    #[test]
    fn screen_path_with_its_questions_by_keyboard_in_danish() {
        walk_screen(&DA);
    }

    /// The printer path against a lab printer behind a real cupsd whose queue is paused with a
    /// job waiting: the printer checks find it, the checklist's questions follow (its cancel
    /// step lists the stuck job and Next, with nothing ticked, cancels nothing).
    fn walk_printer(w: &'static Words) {
        use common::printer_lab::{PrinterLab, in_ns, unavailable};
        if let Some(why) = unavailable() {
            common::skip("guided_printer", &why);
            return;
        }
        let mut lab = PrinterLab::start().unwrap();
        lab.start_cups().unwrap();
        lab.cups_tool(&["cupsdisable", "-h", "127.0.0.1:631", "office"]).unwrap();
        let job = lab.submit("tester", "quarterly-report", false).unwrap();
        let config = Config::from_file(&lab.write_config(false, 0)).unwrap();
        in_ns(&lab.client_ns.clone(), move || walk_checklist(w, w.printer, "printer", config));
        assert!(lab.lpstat_ids().contains(&job), "nothing was cancelled without a tick");
    }

    #[test]
    fn printer_path_with_its_questions_by_keyboard_in_english() {
        walk_printer(&EN);
    }

    #[test]
    fn printer_path_with_its_questions_by_keyboard_in_danish() {
        walk_printer(&DA);
    }
}
