//! The sound tester view for meeting rooms: the speakers and microphones, a test tone on
//! the left then the right channel, and a live microphone level bar. Every sound call
//! runs on a background thread (listing, the tone) or on cpal's stream thread (the meter);
//! the view only reads results from channels and atomics, woken by `request_repaint`.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use eframe::egui::{self, Ui};
use serde::Serialize;

use super::ToolView;
use crate::hw::audio::{self, AudioDevices, AudioError, MeterState, MicMeter, Side, ToneReport};
use crate::model::{Finding, Severity, ToolReport};
use crate::{msg, t};

/// How long each test tone plays.
const TONE_DURATION: Duration = Duration::from_millis(1500);

enum Devices {
    Loading(Receiver<Result<AudioDevices, AudioError>>),
    Ready(AudioDevices),
    None(String),
    Failed(String),
}

/// What happened to one tone, for the report.
#[derive(Debug, Clone, Serialize)]
struct ToneResult {
    side: Side,
    played: Option<ToneReport>,
    error: Option<String>,
}

/// The sound tester as a full view.
pub struct SoundTester {
    devices: Option<Devices>,
    output: Option<String>,
    input: Option<String>,
    playing: Option<(Side, Receiver<Result<ToneReport, AudioError>>)>,
    tones: Vec<ToneResult>,
    meter: Option<(Option<String>, MicMeter)>,
    loudest_rms: f32,
}

impl Default for SoundTester {
    fn default() -> Self {
        Self::new()
    }
}

impl SoundTester {
    /// Starts empty; the device list loads in the background on the first frame.
    pub fn new() -> Self {
        Self {
            devices: None,
            output: None,
            input: None,
            playing: None,
            tones: Vec::new(),
            meter: None,
            loudest_rms: 0.0,
        }
    }

    fn poll(&mut self, ctx: &egui::Context) {
        if self.devices.is_none() {
            let (tx, rx) = mpsc::channel();
            let ctx2 = ctx.clone();
            let spawned = std::thread::Builder::new().name("sound-devices".into()).spawn(move || {
                // The receiver may be gone if the view closed; nothing to do then.
                let _ = tx.send(audio::list_devices());
                ctx2.request_repaint();
            });
            self.devices = Some(match spawned {
                Ok(_) => Devices::Loading(rx),
                Err(err) => Devices::Failed(format!("could not start listing: {err}")),
            });
        }
        if let Some(Devices::Loading(rx)) = &self.devices {
            let next = match rx.try_recv() {
                Ok(Ok(list)) => Some(Devices::Ready(list)),
                Ok(Err(AudioError::NoDevices(why))) => Some(Devices::None(why)),
                Ok(Err(err)) => Some(Devices::Failed(format!("{err:#}"))),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Devices::Failed("the device listing stopped".into())),
            };
            if let Some(next) = next {
                if let Devices::Ready(list) = &next {
                    self.output =
                        list.outputs.iter().find(|d| d.is_default).or(list.outputs.first()).map(|d| d.id.clone());
                    self.input =
                        list.inputs.iter().find(|d| d.is_default).or(list.inputs.first()).map(|d| d.id.clone());
                }
                self.devices = Some(next);
            }
        }
        if let Some((side, rx)) = &self.playing {
            let side = *side;
            let done = match rx.try_recv() {
                Ok(Ok(report)) => Some(ToneResult { side, played: Some(report), error: None }),
                Ok(Err(err)) => Some(ToneResult { side, played: None, error: Some(format!("{err:#}")) }),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    Some(ToneResult { side, played: None, error: Some("the tone player stopped".into()) })
                }
            };
            if let Some(done) = done {
                self.tones.push(done);
                self.playing = None;
            }
        }
        // (Re)start the meter when the chosen microphone changes.
        let has_inputs = matches!(&self.devices, Some(Devices::Ready(l)) if !l.inputs.is_empty());
        if has_inputs && self.meter.as_ref().map(|(id, _)| id) != Some(&self.input) {
            let ctx2 = ctx.clone();
            let meter = MicMeter::start(self.input.clone(), Arc::new(move || ctx2.request_repaint()));
            self.meter = Some((self.input.clone(), meter));
        }
    }

    fn play(&mut self, side: Side, ctx: &egui::Context) {
        let (tx, rx) = mpsc::channel();
        let device = self.output.clone();
        let ctx2 = ctx.clone();
        let spawned = std::thread::Builder::new().name("test-tone".into()).spawn(move || {
            let _ = tx.send(audio::play_tone(device.as_deref(), side, TONE_DURATION));
            ctx2.request_repaint();
        });
        match spawned {
            Ok(_) => self.playing = Some((side, rx)),
            Err(err) => self.tones.push(ToneResult { side, played: None, error: Some(format!("{err}")) }),
        }
    }

    fn devices_ui(&mut self, ui: &mut Ui) {
        let Some(Devices::Ready(list)) = &self.devices else { return };
        let list = list.clone();
        egui::Grid::new("sound-devices").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            ui.label(t!("testers-sound-speaker-label"));
            device_combo(ui, &t!("testers-sound-speaker"), &mut self.output, &list.outputs);
            ui.end_row();
            ui.label(t!("testers-sound-microphone-label"));
            device_combo(ui, &t!("testers-sound-microphone"), &mut self.input, &list.inputs);
            ui.end_row();
        });
    }

    fn report(&self, works: bool) -> ToolReport {
        let mut findings = Vec::new();
        let (summary, devices) = match &self.devices {
            Some(Devices::Ready(list)) => {
                let played: Vec<&str> =
                    self.tones.iter().filter(|t| t.played.is_some()).map(|t| t.side.label()).collect();
                let level = format!("{:.0} dBFS", audio::dbfs(self.loudest_rms));
                let heard = if played.is_empty() {
                    msg!("testers-sound-result-none", level = level.as_str())
                } else {
                    // "left"/"right" as a Fluent selector, so each language words the sides.
                    let sides = match (played.contains(&"left"), played.contains(&"right")) {
                        (true, true) => "both",
                        (true, false) => "left",
                        _ => "right",
                    };
                    msg!("testers-sound-result", sides = sides, level = level.as_str())
                };
                // The chosen devices' names as the sound system gives them; "none" is a word.
                let none = t!("testers-sound-none");
                findings.push(
                    Finding::msg(Severity::Info, heard)
                        .evidence("Speaker", self.output.clone().unwrap_or_else(|| none.clone()))
                        .evidence("Microphone", self.input.clone().unwrap_or_else(|| none.clone())),
                );
                for t in self.tones.iter().filter(|t| t.error.is_some()) {
                    findings.push(
                        Finding::msg(Severity::Warn, msg!("testers-sound-tone-failed", side = t.side.label()))
                            .detail(t.error.clone().unwrap_or_default()),
                    );
                }
                (
                    format!("tones: {}; mic max {:.0} dBFS", played.join("+"), audio::dbfs(self.loudest_rms)),
                    Some(list.clone()),
                )
            }
            Some(Devices::None(why)) => {
                findings.push(Finding::msg(Severity::Info, msg!("testers-sound-no-device", why = why.as_str())));
                ("no sound device on this computer".into(), None)
            }
            Some(Devices::Failed(err)) => {
                findings.push(Finding::msg(Severity::Warn, msg!("testers-sound-unreadable", error = err.as_str())));
                (format!("sound devices not readable: {err}"), None)
            }
            Some(Devices::Loading(_)) | None => ("sound devices still loading".into(), None),
        };
        if !works {
            findings.push(Finding::msg(Severity::Fail, msg!("testers-sound-faulty")));
        }
        let data = serde_json::json!({
            "devices": devices,
            "output": self.output,
            "input": self.input,
            "tones": self.tones,
            "loudest_mic_rms": self.loudest_rms,
        });
        ToolReport { tool: "sound".into(), works, summary, findings, data }
    }
}

fn device_combo(ui: &mut Ui, label: &str, chosen: &mut Option<String>, devices: &[audio::AudioDevice]) {
    let shown = devices
        .iter()
        .find(|d| Some(&d.id) == chosen.as_ref())
        .map(|d| d.name.clone())
        .unwrap_or_else(|| t!("testers-sound-none"));
    egui::ComboBox::from_label(label).selected_text(shown).show_ui(ui, |ui| {
        for d in devices {
            let name = if d.is_default { t!("testers-sound-default", device = &d.name) } else { d.name.clone() };
            ui.selectable_value(chosen, Some(d.id.clone()), name);
        }
    });
}

impl ToolView for SoundTester {
    fn title(&self) -> String {
        t!("testers-sound-title")
    }

    fn ui(&mut self, ui: &mut Ui) -> Option<ToolReport> {
        let ctx = ui.ctx().clone();
        self.poll(&ctx);
        ui.heading(t!("testers-sound-title"));
        match &self.devices {
            Some(Devices::Loading(_)) | None => {
                ui.label(t!("testers-sound-looking"));
            }
            Some(Devices::None(why)) => {
                ui.label(t!("testers-sound-unavailable", why = why.as_str()));
            }
            Some(Devices::Failed(err)) => {
                ui.colored_label(ui.visuals().warn_fg_color, t!("testers-sound-read-failed", error = err.as_str()));
            }
            Some(Devices::Ready(_)) => {
                ui.label(t!("testers-sound-intro"));
                self.devices_ui(ui);
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    let idle = self.playing.is_none() && self.output.is_some();
                    if ui.add_enabled(idle, egui::Button::new(t!("testers-sound-play-left"))).clicked() {
                        self.play(Side::Left, &ctx);
                    }
                    if ui.add_enabled(idle, egui::Button::new(t!("testers-sound-play-right"))).clicked() {
                        self.play(Side::Right, &ctx);
                    }
                    if let Some((side, _)) = &self.playing {
                        ui.label(t!("testers-sound-playing", side = side.label()));
                    }
                });
                for t in self.tones.iter().rev().take(2) {
                    match (&t.played, &t.error) {
                        (Some(r), _) if r.mono => {
                            ui.label(t!("testers-sound-played-mono", device = &r.device));
                        }
                        (Some(r), _) => {
                            ui.label(t!("testers-sound-played", side = t.side.label(), device = &r.device));
                        }
                        (None, Some(err)) => {
                            ui.colored_label(ui.visuals().warn_fg_color, t!("testers-sound-play-failed", error = err));
                        }
                        (None, None) => {}
                    }
                }
                ui.add_space(6.0);
                if let Some((_, meter)) = &self.meter {
                    match meter.state() {
                        MeterState::Starting => {
                            ui.label(t!("testers-sound-mic-starting"));
                        }
                        MeterState::Failed(err) => {
                            ui.colored_label(ui.visuals().warn_fg_color, t!("testers-sound-mic-failed", error = err));
                        }
                        MeterState::Running { device } => {
                            let level = meter.level();
                            self.loudest_rms = self.loudest_rms.max(level.rms);
                            // −60 dBFS (silence) … 0 dBFS (full scale) across the bar.
                            let fraction = ((level.rms_dbfs() + 60.0) / 60.0).clamp(0.0, 1.0);
                            ui.label(t!("testers-sound-mic", device = device));
                            ui.add(
                                egui::ProgressBar::new(fraction).text(t!(
                                    "testers-sound-mic-level",
                                    level = format!("{:.0} dBFS", level.rms_dbfs())
                                )),
                            );
                        }
                    }
                } else {
                    ui.label(t!("testers-sound-no-mic"));
                }
            }
        }
        ui.add_space(10.0);
        let finished = super::verdict_ui(ui);
        finished.map(|works| {
            self.meter = None;
            self.report(works)
        })
    }
}
