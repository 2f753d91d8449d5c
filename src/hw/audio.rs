//! Sound devices for meeting rooms, through cpal (ALSA on Linux, WASAPI on Windows,
//! CoreAudio on macOS): the outputs and inputs, a test tone on the left then the right
//! channel, and the microphone level for a live meter. Every call that touches a device
//! blocks, so callers run it off the UI thread; streams run on cpal's own threads.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{FromSample, SampleFormat, SizedSample, StreamConfig};
use serde::Serialize;

/// Whether a device plays or records sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Output,
    Input,
}

/// A range of sample rates a device supports, in Hz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RateRange {
    pub min_hz: u32,
    pub max_hz: u32,
}

/// One sound device.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct AudioDevice {
    /// The id to play or record with (cpal's "host:device" form).
    pub id: String,
    pub name: String,
    pub direction: Direction,
    /// The system's default device for this direction.
    pub is_default: bool,
    /// Channel counts the device supports (2 = stereo).
    pub channels: Vec<u16>,
    pub sample_rates: Vec<RateRange>,
    /// What the device uses when nothing special is asked for.
    pub default_channels: Option<u16>,
    pub default_sample_rate_hz: Option<u32>,
}

/// Every sound device the audio system shows.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct AudioDevices {
    /// The audio system, e.g. "ALSA", "WASAPI", "CoreAudio".
    pub host: String,
    pub outputs: Vec<AudioDevice>,
    pub inputs: Vec<AudioDevice>,
}

/// Why a sound device could not be used.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AudioError {
    /// No sound device at all (servers, containers, CI): not a failure.
    #[error("no sound device was found{0}")]
    NoDevices(String),
    #[error("could not list sound devices: {0}")]
    List(String),
    #[error("could not use the sound device: {0}")]
    Device(String),
    #[error("could not play or record sound: {0}")]
    Stream(String),
}

/// ALSA always offers a "null" device that swallows sound; it is not a sound card.
fn is_placeholder(name: &str) -> bool {
    matches!(name, "null" | "Discard all samples (playback) or generate zero samples (capture)")
}

fn describe(device: &cpal::Device, direction: Direction, default_id: Option<&str>) -> Option<AudioDevice> {
    let id = device.id().ok()?.to_string();
    let name = device.description().map(|d| d.name().to_string()).unwrap_or_else(|_| id.clone());
    if is_placeholder(&name) || id.ends_with(":null") {
        return None;
    }
    let (ranges, default) = match direction {
        Direction::Output => (
            device.supported_output_configs().map(|c| c.collect::<Vec<_>>()).unwrap_or_default(),
            device.default_output_config().ok(),
        ),
        Direction::Input => (
            device.supported_input_configs().map(|c| c.collect::<Vec<_>>()).unwrap_or_default(),
            device.default_input_config().ok(),
        ),
    };
    let mut channels: Vec<u16> = ranges.iter().map(|r| r.channels()).collect();
    channels.sort_unstable();
    channels.dedup();
    let mut sample_rates: Vec<RateRange> =
        ranges.iter().map(|r| RateRange { min_hz: r.min_sample_rate(), max_hz: r.max_sample_rate() }).collect();
    sample_rates.sort_by_key(|r| (r.min_hz, r.max_hz));
    sample_rates.dedup();
    Some(AudioDevice {
        is_default: default_id == Some(id.as_str()),
        id,
        name,
        direction,
        channels,
        sample_rates,
        default_channels: default.as_ref().map(|c| c.channels()),
        default_sample_rate_hz: default.as_ref().map(|c| c.sample_rate()),
    })
}

/// Every output and input device. `NoDevices` when there are none at all.
pub fn list_devices() -> Result<AudioDevices, AudioError> {
    let host = cpal::default_host();
    let host_name = host.id().name().to_string();
    let default_out = host.default_output_device().and_then(|d| d.id().ok()).map(|id| id.to_string());
    let default_in = host.default_input_device().and_then(|d| d.id().ok()).map(|id| id.to_string());
    let outputs: Vec<AudioDevice> = host
        .output_devices()
        .map_err(|e| AudioError::List(format!("{e:#} ({host_name})")))?
        .filter_map(|d| describe(&d, Direction::Output, default_out.as_deref()))
        .collect();
    let inputs: Vec<AudioDevice> = host
        .input_devices()
        .map_err(|e| AudioError::List(format!("{e:#} ({host_name})")))?
        .filter_map(|d| describe(&d, Direction::Input, default_in.as_deref()))
        .collect();
    if outputs.is_empty() && inputs.is_empty() {
        return Err(AudioError::NoDevices(format!(" ({host_name} shows no sound card, speaker or microphone)")));
    }
    Ok(AudioDevices { host: host_name, outputs, inputs })
}

fn find_device(id: Option<&str>, direction: Direction) -> Result<cpal::Device, AudioError> {
    let host = cpal::default_host();
    let found = match id {
        Some(id) => {
            let parsed = id.parse().map_err(|e| AudioError::Device(format!("bad device id: {e:#} ({id})")))?;
            host.device_by_id(&parsed)
        }
        None => match direction {
            Direction::Output => host.default_output_device(),
            Direction::Input => host.default_input_device(),
        },
    };
    found.ok_or_else(|| match id {
        Some(id) => AudioError::Device(format!("the device is gone ({id})")),
        None => AudioError::NoDevices(match direction {
            Direction::Output => " (no default speaker or headset)".into(),
            Direction::Input => " (no default microphone)".into(),
        }),
    })
}

/// Which channel the test tone plays on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// "left" / "right", for sentences.
    pub fn label(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
        }
    }
}

/// Frequency of the test tone: A4, clearly audible on small laptop and ceiling speakers.
pub const TONE_HZ: f32 = 440.0;
/// Amplitude of the tone (0–1): about −10 dBFS, loud enough to hear, not enough to startle.
const TONE_AMPLITUDE: f32 = 0.3;
/// Fade in and out so the tone starts and stops without a click.
const TONE_FADE_S: f32 = 0.03;

/// What a played tone went to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToneReport {
    pub device: String,
    pub side: Side,
    pub channels: u16,
    pub sample_rate_hz: u32,
    /// A mono device plays the tone on its only channel (no left/right to test).
    pub mono: bool,
}

/// The sample of channel `channel` at frame `frame` of a tone on `side` lasting `frames`.
/// Pure, so the left/right split and the fades are tested without a sound card.
pub fn tone_sample(
    frame: usize,
    frames: usize,
    sample_rate_hz: u32,
    channel: usize,
    channels: usize,
    side: Side,
) -> f32 {
    let wanted = match (side, channels) {
        (_, 0 | 1) => true,
        (Side::Left, _) => channel == 0,
        (Side::Right, _) => channel == 1,
    };
    if !wanted || frame >= frames {
        return 0.0;
    }
    let rate = sample_rate_hz as f32;
    let t = frame as f32 / rate;
    let left = (frames - frame) as f32 / rate;
    let envelope = (t / TONE_FADE_S).min(left / TONE_FADE_S).min(1.0);
    TONE_AMPLITUDE * envelope * (2.0 * std::f32::consts::PI * TONE_HZ * t).sin()
}

/// Plays the test tone on one side of `device_id` (the default output when `None`) for
/// `duration`, then returns. Blocks the calling thread for that long.
pub fn play_tone(device_id: Option<&str>, side: Side, duration: Duration) -> Result<ToneReport, AudioError> {
    let device = find_device(device_id, Direction::Output)?;
    let supported = device.default_output_config().map_err(|e| AudioError::Device(format!("{e:#}")))?;
    let format = supported.sample_format();
    let config: StreamConfig = supported.config();
    let report = ToneReport {
        device: device.description().map(|d| d.name().to_string()).unwrap_or_else(|_| device.to_string()),
        side,
        channels: config.channels,
        sample_rate_hz: config.sample_rate,
        mono: config.channels < 2,
    };
    let frames = (duration.as_secs_f32() * config.sample_rate as f32) as usize;
    let stream = match format {
        SampleFormat::F32 => tone_stream::<f32>(&device, config, frames, side),
        SampleFormat::I16 => tone_stream::<i16>(&device, config, frames, side),
        SampleFormat::U16 => tone_stream::<u16>(&device, config, frames, side),
        SampleFormat::I32 => tone_stream::<i32>(&device, config, frames, side),
        SampleFormat::F64 => tone_stream::<f64>(&device, config, frames, side),
        SampleFormat::I8 => tone_stream::<i8>(&device, config, frames, side),
        SampleFormat::U8 => tone_stream::<u8>(&device, config, frames, side),
        other => return Err(AudioError::Device(format!("sample format {other} is not supported"))),
    }?;
    stream.play().map_err(|e| AudioError::Stream(format!("{e:#}")))?;
    // Let the last buffer drain before the stream is dropped.
    std::thread::sleep(duration + Duration::from_millis(150));
    Ok(report)
}

fn tone_stream<T>(
    device: &cpal::Device,
    config: StreamConfig,
    frames: usize,
    side: Side,
) -> Result<cpal::Stream, AudioError>
where
    T: SizedSample + FromSample<f32>,
{
    let channels = usize::from(config.channels);
    let rate = config.sample_rate;
    let mut frame = 0usize;
    device
        .build_output_stream(
            config,
            move |data: &mut [T], _: &cpal::OutputCallbackInfo| {
                for chunk in data.chunks_mut(channels.max(1)) {
                    for (ch, sample) in chunk.iter_mut().enumerate() {
                        *sample = T::from_sample(tone_sample(frame, frames, rate, ch, channels, side));
                    }
                    frame += 1;
                }
            },
            |err| tracing::warn!("test tone stream: {err:#}"),
            Some(Duration::from_secs(3)),
        )
        .map_err(|e| AudioError::Stream(format!("{e:#}")))
}

/// Peak and RMS of a stretch of microphone samples, 0–1 of full scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MicLevel {
    pub peak: f32,
    pub rms: f32,
}

impl MicLevel {
    /// The level of `samples` (any interleaving: every channel counts).
    pub fn of(samples: &[f32]) -> Self {
        if samples.is_empty() {
            return Self::default();
        }
        let peak = samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        let sum_sq: f64 = samples.iter().map(|s| f64::from(*s) * f64::from(*s)).sum();
        Self { peak: peak.min(1.0), rms: ((sum_sq / samples.len() as f64).sqrt() as f32).min(1.0) }
    }

    /// RMS in dBFS (−∞ for silence is clamped to −120).
    pub fn rms_dbfs(&self) -> f32 {
        dbfs(self.rms)
    }
}

/// A level (0–1 of full scale) in dBFS, silence clamped to −120.
pub fn dbfs(level: f32) -> f32 {
    if level <= 1e-6 { -120.0 } else { 20.0 * level.log10() }
}

/// Where a running microphone meter is.
#[derive(Debug, Clone, PartialEq)]
pub enum MeterState {
    Starting,
    Running { device: String },
    Failed(String),
}

struct MeterShared {
    peak_bits: AtomicU32,
    rms_bits: AtomicU32,
    state: Mutex<MeterState>,
    stop: AtomicBool,
}

/// A live microphone level meter. The stream lives on its own thread (started here) and
/// publishes a level every ~100 ms through atomics; `wake` is called after each update
/// (the GUI passes `ctx.request_repaint`). Dropping the meter stops the stream.
pub struct MicMeter {
    shared: Arc<MeterShared>,
    stop_tx: mpsc::Sender<()>,
}

/// How long each published level covers: short enough for a lively bar.
pub const METER_WINDOW: Duration = Duration::from_millis(100);

impl MicMeter {
    /// Starts metering `device_id` (the default microphone when `None`); returns at once.
    pub fn start(device_id: Option<String>, wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let shared = Arc::new(MeterShared {
            peak_bits: AtomicU32::new(0),
            rms_bits: AtomicU32::new(0),
            state: Mutex::new(MeterState::Starting),
            stop: AtomicBool::new(false),
        });
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let thread_shared = shared.clone();
        let spawned = std::thread::Builder::new().name("mic-meter".into()).spawn(move || {
            let result = run_meter(device_id.as_deref(), &thread_shared, wake.clone(), stop_rx);
            if let Err(err) = result {
                set_state(&thread_shared, MeterState::Failed(format!("{err:#}")));
                wake();
            }
        });
        if let Err(err) = spawned {
            set_state(&shared, MeterState::Failed(format!("could not start the meter thread: {err}")));
        }
        Self { shared, stop_tx }
    }

    /// The latest level.
    pub fn level(&self) -> MicLevel {
        MicLevel {
            peak: f32::from_bits(self.shared.peak_bits.load(Ordering::Relaxed)),
            rms: f32::from_bits(self.shared.rms_bits.load(Ordering::Relaxed)),
        }
    }

    /// Starting, running (on which device) or failed (why).
    pub fn state(&self) -> MeterState {
        self.shared.state.lock().map(|s| s.clone()).unwrap_or(MeterState::Failed("meter state lost".into()))
    }
}

impl Drop for MicMeter {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        // The thread may already have ended (a failed start); nothing to tell it then.
        let _ = self.stop_tx.send(());
    }
}

fn set_state(shared: &MeterShared, state: MeterState) {
    if let Ok(mut s) = shared.state.lock() {
        *s = state;
    }
}

fn run_meter(
    device_id: Option<&str>,
    shared: &Arc<MeterShared>,
    wake: Arc<dyn Fn() + Send + Sync>,
    stop_rx: mpsc::Receiver<()>,
) -> Result<(), AudioError> {
    let device = find_device(device_id, Direction::Input)?;
    let supported = device.default_input_config().map_err(|e| AudioError::Device(format!("{e:#}")))?;
    let format = supported.sample_format();
    let config = supported.config();
    let window = (METER_WINDOW.as_secs_f32() * config.sample_rate as f32) as usize * usize::from(config.channels);
    let stream = match format {
        SampleFormat::F32 => meter_stream::<f32>(&device, config, window, shared.clone(), wake.clone()),
        SampleFormat::I16 => meter_stream::<i16>(&device, config, window, shared.clone(), wake.clone()),
        SampleFormat::U16 => meter_stream::<u16>(&device, config, window, shared.clone(), wake.clone()),
        SampleFormat::I32 => meter_stream::<i32>(&device, config, window, shared.clone(), wake.clone()),
        SampleFormat::F64 => meter_stream::<f64>(&device, config, window, shared.clone(), wake.clone()),
        SampleFormat::I8 => meter_stream::<i8>(&device, config, window, shared.clone(), wake.clone()),
        SampleFormat::U8 => meter_stream::<u8>(&device, config, window, shared.clone(), wake.clone()),
        other => return Err(AudioError::Device(format!("sample format {other} is not supported"))),
    }?;
    stream.play().map_err(|e| AudioError::Stream(format!("{e:#}")))?;
    let name = device.description().map(|d| d.name().to_string()).unwrap_or_else(|_| device.to_string());
    set_state(shared, MeterState::Running { device: name });
    wake();
    // Keep the stream alive until the meter is dropped.
    let _ = stop_rx.recv();
    drop(stream);
    Ok(())
}

fn meter_stream<T>(
    device: &cpal::Device,
    config: StreamConfig,
    window: usize,
    shared: Arc<MeterShared>,
    wake: Arc<dyn Fn() + Send + Sync>,
) -> Result<cpal::Stream, AudioError>
where
    T: SizedSample,
    f32: FromSample<T>,
{
    let mut buf: Vec<f32> = Vec::with_capacity(window.max(1));
    device
        .build_input_stream(
            config,
            move |data: &[T], _: &cpal::InputCallbackInfo| {
                for s in data {
                    buf.push(s.to_sample::<f32>());
                    if buf.len() >= window.max(1) {
                        let level = MicLevel::of(&buf);
                        shared.peak_bits.store(level.peak.to_bits(), Ordering::Relaxed);
                        shared.rms_bits.store(level.rms.to_bits(), Ordering::Relaxed);
                        buf.clear();
                        if !shared.stop.load(Ordering::Relaxed) {
                            wake();
                        }
                    }
                }
            },
            |err| tracing::warn!("microphone stream: {err:#}"),
            Some(Duration::from_secs(3)),
        )
        .map_err(|e| AudioError::Stream(format!("{e:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_plays_on_the_chosen_side_only() {
        let (rate, frames) = (48_000, 48_000);
        let mid = frames / 2;
        let energy = |ch: usize, side| -> f32 {
            (mid..mid + 480).map(|f| tone_sample(f, frames, rate, ch, 2, side).abs()).sum()
        };
        assert!(energy(0, Side::Left) > 1.0);
        assert_eq!(energy(1, Side::Left), 0.0);
        assert_eq!(energy(0, Side::Right), 0.0);
        assert!(energy(1, Side::Right) > 1.0);
        // Mono devices play it on their one channel; a 5.1 device only on front left/right.
        assert!((mid..mid + 480).map(|f| tone_sample(f, frames, rate, 0, 1, Side::Right).abs()).sum::<f32>() > 1.0);
        assert_eq!((mid..mid + 480).map(|f| tone_sample(f, frames, rate, 4, 6, Side::Left).abs()).sum::<f32>(), 0.0);
    }

    #[test]
    fn tone_fades_in_and_out_and_stays_in_range() {
        let (rate, frames) = (48_000, 24_000);
        assert_eq!(tone_sample(0, frames, rate, 0, 2, Side::Left), 0.0);
        assert!(tone_sample(frames - 1, frames, rate, 0, 2, Side::Left).abs() < 0.01);
        assert_eq!(tone_sample(frames, frames, rate, 0, 2, Side::Left), 0.0);
        assert!((0..frames).all(|f| tone_sample(f, frames, rate, 0, 2, Side::Left).abs() <= TONE_AMPLITUDE));
    }

    #[test]
    fn mic_level_peak_and_rms() {
        assert_eq!(MicLevel::of(&[]), MicLevel::default());
        let square = [0.5f32, -0.5, 0.5, -0.5];
        let l = MicLevel::of(&square);
        assert_eq!(l.peak, 0.5);
        assert!((l.rms - 0.5).abs() < 1e-6);
        let sine: Vec<f32> = (0..4800).map(|i| (i as f32 * 0.01 * std::f32::consts::TAU).sin()).collect();
        let l = MicLevel::of(&sine);
        assert!((l.rms - std::f32::consts::FRAC_1_SQRT_2).abs() < 0.01, "{l:?}");
        assert!((l.rms_dbfs() + 3.0).abs() < 0.1);
        assert_eq!(MicLevel::of(&[0.0; 10]).rms_dbfs(), -120.0);
    }

    /// On a machine with sound devices they are listed; without, it says so plainly.
    #[test]
    fn lists_real_devices_or_says_there_are_none() {
        match list_devices() {
            Ok(all) => {
                assert!(!all.host.is_empty());
                for d in all.outputs.iter().chain(&all.inputs) {
                    assert!(!d.name.is_empty() && !d.id.is_empty(), "{d:?}");
                }
            }
            Err(AudioError::NoDevices(why)) => eprintln!("skipped: no sound device on this machine{why}"),
            Err(other) => panic!("listing failed: {other:#}"),
        }
    }
}
