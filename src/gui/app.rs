//! The application and its `eframe::App` impl. The state is split by concern (see
//! `state`): `logic` lets each part drain what its engine run or background job produced;
//! `ui` draws the top bar and then the guided flow or the technician screen, collecting
//! the user's actions, which are applied after drawing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{self, CentralPanel, Panel, ScrollArea, Ui};

use super::GuiOptions;
use super::guided::{Guided, GuidedCommand, GuidedCx};
use super::settings::{Settings, UiMode};
use super::state::bundle_io::{BundleEvent, BundleIoPart};
use super::state::checklists::ChecklistPart;
use super::state::network::NetworkPart;
use super::state::run::{RunEnded, RunPart};
use super::state::tools::ToolsPart;
use super::views::bundle_view;
use super::views::checklist::ChecklistAction;
use super::views::home::{self, CardsFor};
use super::views::network;
use super::views::results::{self, ResultsHeader};
use super::views::top_bar::{self, TechnicianBar};
use super::views::{Action, StatusLine, status_ui};
use super::widgets::look;
use crate::checklist::Library;
use crate::i18n::{self, Lang};
use crate::model::Category;
use crate::net::live::LiveBoard;
use crate::session::Session;
use crate::t;

/// The window's settings and where they are remembered.
struct SettingsState {
    current: Settings,
    /// What the file holds (or would hold): a difference means "write it".
    saved: Settings,
    /// `None`: kept in memory only (tests).
    path: Option<PathBuf>,
    /// `--lang` for this run; the user's own pick in the menu replaces it.
    lang_override: Option<Lang>,
    /// The look last given to egui, so it is set again only when it changes.
    applied: Option<(bool, f32)>,
}

impl SettingsState {
    fn new(path: Option<PathBuf>, mode: Option<UiMode>, lang_override: Option<Lang>) -> Self {
        let mut current = path.as_deref().map(Settings::load).unwrap_or_default();
        if let Some(mode) = mode {
            current.mode = mode;
        }
        // A forced mode or `--lang` is for this run: only the user's own changes are written.
        Self { saved: current.clone(), current, path, lang_override, applied: None }
    }

    /// The language to draw in: `--lang`, else the saved pick, else the process default
    /// (the OS locale).
    fn lang(&self) -> Lang {
        self.lang_override.or(self.current.lang).unwrap_or_else(i18n::default_lang)
    }

    /// Writes the settings when the user changed them.
    fn persist(&mut self) {
        if self.current == self.saved {
            return;
        }
        if self.current.lang != self.saved.lang {
            // The user picked a language in the menu: that wins over `--lang` from now on.
            self.lang_override = None;
        }
        self.saved = self.current.clone();
        if let Some(path) = &self.path
            && let Err(err) = self.current.write(path)
        {
            tracing::warn!("{err}");
        }
    }
}

pub struct DeskcheckApp {
    settings: SettingsState,
    status: Option<StatusLine>,
    /// Show only one area's results (`None`: all areas).
    filter: Option<Category>,
    run: RunPart,
    network: NetworkPart,
    bundle: BundleIoPart,
    checklists: ChecklistPart,
    tools: ToolsPart,
    guided: Guided,
}

impl DeskcheckApp {
    /// Build the app without a window (the window calls this too), so tests can drive it.
    pub fn new(options: GuiOptions) -> Self {
        let GuiOptions {
            config,
            checks,
            save_path,
            open_path,
            log,
            open_at_start,
            start_checklist,
            network_view,
            settings_path,
            mode,
            lang,
        } = options;
        let opens_at_start = open_at_start.is_some();
        Self {
            settings: SettingsState::new(settings_path, mode, lang),
            status: None,
            filter: None,
            checklists: ChecklistPart::new(&config, start_checklist),
            run: RunPart::new(config, checks, log),
            network: NetworkPart::new(network_view && !opens_at_start, network_view && opens_at_start),
            bundle: BundleIoPart::new(save_path, open_path, open_at_start),
            tools: ToolsPart::default(),
            guided: Guided::new(),
        }
    }

    /// Guided or technician, as drawn now.
    pub fn mode(&self) -> UiMode {
        self.settings.current.mode
    }

    /// The language the window is drawn in.
    pub fn lang(&self) -> Lang {
        self.settings.lang()
    }

    /// The settings as the user left them.
    pub fn settings(&self) -> &Settings {
        &self.settings.current
    }

    /// The heading of the tester shown as a full view, if any.
    pub fn tool_title(&self) -> Option<String> {
        self.tools.title().or_else(|| self.checklists.walk.as_ref().and_then(|c| c.tool_title()))
    }

    /// Whether the checklists folder has been read.
    pub fn checklists_ready(&self) -> bool {
        self.checklists.ready()
    }

    /// The checklists on offer (built in and the IT department's own).
    pub fn library(&self) -> &Library {
        &self.checklists.library
    }

    /// The id of the checklist being walked, if any.
    pub fn walking(&self) -> Option<&str> {
        self.checklists.walk.as_ref().map(|c| c.walk().checklist().id.as_str())
    }

    /// Whether the current checklist step's check is still running.
    pub fn is_probing(&self) -> bool {
        self.checklists.walk.as_ref().is_some_and(|c| c.probing())
    }

    /// Whether the checklist's cancel step shows its jobs and waits for the user's approval.
    pub fn awaiting_consent(&self) -> bool {
        self.checklists.walk.as_ref().is_some_and(|c| c.awaiting_consent())
    }

    /// Whether the Network view is showing.
    pub fn showing_network(&self) -> bool {
        self.network.show
    }

    /// Whether the background DHCP probe is still out.
    pub fn is_probing_dhcp(&self) -> bool {
        self.network.probing_dhcp()
    }

    /// The inline message under "Trace to…", if any.
    pub fn trace_error(&self) -> Option<&str> {
        self.network.input.trace_error.as_deref()
    }

    /// The live board (tests read the manual trace from it).
    pub fn live_board(&self) -> &Arc<LiveBoard> {
        &self.network.live
    }

    /// Whether the "Trace to…" trace is still running.
    pub fn is_tracing(&self) -> bool {
        self.network.tracing()
    }

    /// The live session (what "Check everything" produced so far).
    pub fn session(&self) -> &Session {
        &self.run.session
    }

    /// Whether checks are running right now.
    pub fn is_running(&self) -> bool {
        self.run.running()
    }

    /// Whether a run or a background job (dialog, save, open) is still out.
    pub fn is_busy(&self) -> bool {
        self.run.running() || self.bundle.busy()
    }

    /// The line under the buttons ("Saved to …", an error), as shown.
    pub fn status_text(&self) -> Option<String> {
        self.status.as_ref().map(StatusLine::text)
    }

    /// The bundle being viewed read-only, if any.
    pub fn viewing_path(&self) -> Option<&Path> {
        self.bundle.viewing.as_ref().map(|v| v.path.as_path())
    }

    fn apply(&mut self, action: Action, ctx: &egui::Context, frame: &eframe::Frame) {
        match action {
            Action::CheckEverything => self.start_run(ctx, None),
            Action::Cancel => {
                if self.run.cancel() {
                    self.status = Some(StatusLine::Busy(t!("gui-cancelling")));
                }
            }
            Action::SaveBundle => self.bundle.save(ctx, frame, &self.run, &mut self.status),
            Action::CopySummary => {
                ctx.copy_text(self.bundle.summary_text(&self.run));
                self.status = Some(StatusLine::Success(t!("gui-copied-summary")));
            }
            Action::OpenBundle => self.bundle.open(ctx, frame, &mut self.status),
            Action::CloseBundle => {
                self.bundle.viewing = None;
                self.filter = None;
                self.status = None;
                self.network.show = false;
            }
            Action::ToggleNotes => self.bundle.notes_open = !self.bundle.notes_open,
            Action::Filter(area) => self.filter = area,
            Action::ShowNetwork(show) => self.network.show = show,
            Action::TraceTo(target) => {
                self.network.start_manual_trace(ctx, &self.run.config, network::ManualKind::Trace, target)
            }
            Action::PingTo(target) => {
                self.network.start_manual_trace(ctx, &self.run.config, network::ManualKind::Ping, target)
            }
            Action::StopTrace => self.network.stop_trace(),
            Action::DhcpProbe => self.start_dhcp_probe(ctx),
            Action::Checklist(action) => self.apply_checklist(action, ctx),
            Action::OpenTool(name) => self.tools.open(&name, &self.run.session.report),
        }
    }

    fn apply_checklist(&mut self, action: ChecklistAction, ctx: &egui::Context) {
        if self.checklists.apply(action, ctx, &self.run.config, &mut self.run.session.report) {
            self.network.show = false;
        }
    }

    fn apply_guided(&mut self, command: GuidedCommand, ctx: &egui::Context, frame: &eframe::Frame) {
        match command {
            GuidedCommand::RunAreas(areas) => {
                let all = Category::ALL.iter().all(|a| areas.contains(a));
                self.start_run(ctx, (!all).then_some(areas.as_slice()));
            }
            GuidedCommand::StartChecklist(id) => self.apply_checklist(ChecklistAction::Open(id), ctx),
            GuidedCommand::ChecklistAnswer(action) => self.apply_checklist(action, ctx),
            GuidedCommand::CancelRun => self.apply(Action::Cancel, ctx, frame),
            GuidedCommand::SaveBundle => self.apply(Action::SaveBundle, ctx, frame),
            GuidedCommand::SwitchToTechnician => self.settings.current.mode = UiMode::Technician,
            GuidedCommand::Reset => {
                self.apply_checklist(ChecklistAction::Close, ctx);
                self.run.reset();
                self.status = None;
                self.filter = None;
            }
        }
    }

    fn start_run(&mut self, ctx: &egui::Context, areas: Option<&[Category]>) {
        self.status = None;
        self.filter = None;
        if let Err(err) = self.run.start(ctx, &self.network.live, areas) {
            self.status = Some(StatusLine::error(err));
        }
    }

    fn start_dhcp_probe(&mut self, ctx: &egui::Context) {
        if self.bundle.viewing.is_some() {
            return;
        }
        if let Err(err) = self.network.start_dhcp_probe(ctx, &self.run.config) {
            self.status = Some(StatusLine::error(err));
        }
    }

    /// The technician screen of the live session.
    fn live_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let controls = self.run.controls(self.bundle.saving);
        home::controls_ui(ui, controls, &mut self.bundle.privacy, actions);
        status_ui(ui, self.status.as_ref());
        ui.add_space(6.0);
        self.run.progress_ui(ui);
        ui.add_space(10.0);
        if self.network.show {
            let pending = self.run.pending_checks();
            self.network.live_ui(ui, &self.run.session.report, &pending, &self.run.config, actions);
            return;
        }
        if self.checklists.step_ui(ui, actions) {
            return;
        }
        self.run.areas_ui(ui, self.filter, actions);
        ui.add_space(12.0);
        self.checklists.list_ui(ui, actions);
        ui.add_space(8.0);
        self.tools.decode_ui(ui);
        ui.add_space(12.0);
        self.run.findings_ui(ui, self.filter, actions);
    }

    /// The technician screen of a saved bundle (read-only).
    fn viewing_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(viewing) = &self.bundle.viewing else { return };
        self.bundle.header_ui(ui, actions);
        status_ui(ui, self.status.as_ref());
        ui.add_space(8.0);
        let report = &viewing.session.report;
        let has_network = network::has_network(report);
        if self.network.show && has_network {
            self.network.saved_ui(ui, report, actions);
            return;
        }
        bundle_view::facts_ui(ui, viewing);
        ui.add_space(10.0);
        let counts = home::counts_by_area(report.runs.iter().map(|r| r.category));
        home::areas_ui(ui, &viewing.session, &counts, self.filter, CardsFor::SavedBundle, has_network, actions);
        ui.add_space(12.0);
        if let Some(verdict) = &report.verdict {
            results::verdict_ui(ui, verdict);
            ui.add_space(8.0);
        }
        let empty_text = t!("gui-bundle-no-results");
        let header = ResultsHeader { tally: true, notices: true, empty_text: &empty_text };
        results::results_ui(ui, report, self.filter, &header, actions);
        ui.add_space(8.0);
        bundle_view::log_ui(ui, viewing);
    }

    /// The technician screen: notes panel, testers as full views, the live session or a bundle.
    fn technician_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let bundle = &mut self.bundle;
        let mut notes_open = bundle.notes_open;
        Panel::right("technician-notes").resizable(true).default_size(320.0).show_collapsible(
            ui,
            &mut notes_open,
            |ui| bundle.notes_ui(ui),
        );
        bundle.notes_open = notes_open;
        if self.tool_view_ui(ui) {
            return;
        }
        CentralPanel::default().show(ui, |ui| {
            ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                if self.bundle.viewing.is_some() {
                    self.viewing_ui(ui, actions);
                } else {
                    self.live_ui(ui, actions);
                }
            });
        });
    }

    /// A tester (opened on its own or by a checklist step) as the full view; false when none is open.
    fn tool_view_ui(&mut self, ui: &mut Ui) -> bool {
        if !self.tools.is_open() && !self.checklists.tool_open() {
            return false;
        }
        let report = &mut self.run.session.report;
        let tools = &mut self.tools;
        let checklists = &mut self.checklists;
        CentralPanel::default().show(ui, |ui| tools.ui(ui, report) || checklists.tool_ui(ui, report)).inner
    }

    fn guided_ui(&mut self, ui: &mut Ui) -> Vec<GuidedCommand> {
        if self.tool_view_ui(ui) {
            return Vec::new();
        }
        let (finished, planned) = self.run.progress();
        let cx = GuidedCx {
            report: &self.run.session.report,
            running: self.run.running(),
            finished,
            planned,
            library: &self.checklists.library,
            checklist: self.checklists.walk.as_ref(),
        };
        let guided = &mut self.guided;
        let status = self.status.as_ref();
        CentralPanel::default()
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let commands = guided.ui(ui, &cx);
                        status_ui(ui, status);
                        commands
                    })
                    .inner
            })
            .inner
    }

    /// Gives egui the look and size the settings ask for, when they changed.
    fn apply_look(&mut self, ctx: &egui::Context) {
        let wanted = (self.settings.current.high_contrast, self.settings.current.zoom);
        if self.settings.applied == Some(wanted) {
            return;
        }
        look::apply(ctx, wanted.0);
        top_bar::apply_zoom(ctx, wanted.1);
        self.settings.applied = Some(wanted);
    }
}

impl eframe::App for DeskcheckApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Status lines made while draining are worded in the window's language too.
        i18n::set_current(self.settings.lang());
        match self.run.drain(ctx) {
            Some(RunEnded::Cancelled) => {
                self.status = Some(StatusLine::Success(t!("gui-cancelled")));
            }
            // After the verdict is on screen: look for rogue DHCP servers in the background.
            Some(RunEnded::Completed { network: true }) => self.start_dhcp_probe(ctx),
            Some(RunEnded::Completed { network: false }) | None => {}
        }
        self.network.drain(ctx, &mut self.run.session.report);
        if self.bundle.drain(ctx, &self.run, &mut self.status) == Some(BundleEvent::Opened) {
            self.filter = None;
            self.network.show = std::mem::take(&mut self.network.show_after_open);
        }
        if let Some(id) = self.checklists.drain(ctx) {
            self.apply_checklist(ChecklistAction::Open(id), ctx);
        }
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        // Ctrl +/−/0 change egui's zoom directly: remember what the user chose.
        if self.settings.applied.is_some() {
            self.settings.current.zoom = ctx.zoom_factor();
        }
        self.apply_look(&ctx);
        let lang = self.settings.lang();
        i18n::set_current(lang);
        let mut actions = Vec::new();
        let organisation = self.run.config.organisation.clone();
        let bar = TechnicianBar {
            organisation: organisation.as_deref(),
            notes_open: self.bundle.notes_open,
            opening: self.bundle.opening,
        };
        let settings = &mut self.settings.current;
        Panel::top("header").show(ui, |ui| {
            ui.add_space(4.0);
            top_bar::top_bar_ui(ui, settings, lang, &bar, &mut actions);
            ui.add_space(2.0);
        });
        match self.settings.current.mode {
            UiMode::Technician => self.technician_ui(ui, &mut actions),
            UiMode::Guided => {
                for command in self.guided_ui(ui) {
                    self.apply_guided(command, &ctx, frame);
                }
            }
        }
        for action in actions {
            self.apply(action, &ctx, frame);
        }
        self.apply_look(&ctx);
        i18n::set_current(self.settings.lang());
        self.settings.persist();
    }
}
