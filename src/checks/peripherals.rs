//! The peripherals checks: the USB devices (with names and speeds), the sound devices,
//! and the on-demand "plug the device in now" watcher.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use async_trait::async_trait;

use super::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::hw::audio::{self, AudioDevices, AudioError};
use crate::hw::usb::{self, UsbDevice, UsbError};
use crate::model::{Attachment, Category, Finding, Severity};
use crate::msg;

/// The peripherals checks that every run of the area includes.
pub fn checks() -> Vec<CheckBox> {
    vec![Arc::new(UsbDevices), Arc::new(AudioDeviceList)]
}

/// Checks run only when asked for (by a checklist step or a button).
pub fn on_demand() -> Vec<CheckBox> {
    vec![Arc::new(UsbWatch)]
}

const fn meta(id: &'static str, title: &'static str, description: &'static str, timeout_ms: u64) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::Peripherals,
        description,
        timeout: Duration::from_millis(timeout_ms),
        needs: Needs { root: false, network: false },
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, CheckError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| CheckError::Failed(format!("device probe did not finish: {e}")))
}

fn usb_error(err: UsbError) -> CheckError {
    match err {
        UsbError::NoBus(why) => CheckError::UnsupportedMsg(msg!("peripherals-no-usb-bus", why = why)),
        other => CheckError::Failed(format!("{other:#}")),
    }
}

/// Written without an escape in a string literal, which would hide the message ids after it
/// from the completeness test (i18n/tests.rs reads literals without escapes).
#[allow(clippy::useless_concat)]
const LINE_END: &str = concat!('\n');

/// One line per device, for the raw attachment and the technician detail.
fn device_line(d: &UsbDevice) -> String {
    format!(
        "bus {} port {} addr {:>3}  {:04x}:{:04x}  {}  class {}  USB {}  {}",
        d.bus,
        if d.port_path.is_empty() { "-" } else { &d.port_path },
        d.address,
        d.vendor_id,
        d.product_id,
        d.display_name(),
        d.class_name.as_deref().unwrap_or("-"),
        d.usb_version,
        d.speed.map(|s| s.label()).unwrap_or("speed unknown"),
    )
}

// ---------------------------------------------------------------- USB list

struct UsbDevices;
static USB_DEVICES: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "peripherals.usb.devices",
        "USB devices",
        "The USB devices plugged in, with vendor, product, class and connection speed.",
        10_000,
    )
});

/// The findings for a device list (pure, so tests feed it made-up lists).
pub fn usb_findings(devices: &[UsbDevice]) -> Vec<Finding> {
    let mut findings = Vec::new();
    if devices.is_empty() {
        findings.push(Finding::msg(Severity::Info, msg!("peripherals-no-usb-devices")));
        return findings;
    }
    let mut list = Finding::msg(Severity::Info, msg!("peripherals-usb-devices", count = devices.len()))
        .detail(devices.iter().map(device_line).collect::<Vec<_>>().join(LINE_END));
    for d in devices {
        list = list.evidence(
            format!("Bus {} port {}", d.bus, d.port_path),
            format!("{} — {}", d.display_name(), d.speed.map(|s| s.label()).unwrap_or("speed unknown")),
        );
    }
    findings.push(list);
    for d in devices.iter().filter(|d| d.slower_than_capable()) {
        findings.push(
            // Only a device whose speed is known can be slower than capable.
            Finding::msg(
                Severity::Warn,
                msg!(
                    "peripherals-usb-slow",
                    device = d.display_name(),
                    version = &d.usb_version,
                    speed = d.speed.map(|s| s.label()).unwrap_or_default()
                ),
            )
            .evidence("Device", d.display_name())
            .evidence("Port", format!("bus {} port {}", d.bus, d.port_path)),
        );
    }
    findings
}

#[async_trait]
impl Check for UsbDevices {
    fn meta(&self) -> &CheckMeta {
        &USB_DEVICES
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let devices = blocking(usb::list_devices).await?.map_err(usb_error)?;
        let raw = devices.iter().map(device_line).collect::<Vec<_>>().join(LINE_END);
        Ok(CheckResult::new(usb_findings(&devices))
            .with_data(crate::model::ListData::new(devices.clone()))
            .attach(Attachment::text("usb-devices.txt", format!("{raw}{LINE_END}"))))
    }
}

// ---------------------------------------------------------------- USB watch

struct UsbWatch;

/// How long "plug it in now" waits: long enough to find the cable and the port.
pub const WATCH_TIMEOUT: Duration = Duration::from_secs(25);
/// How often the watcher lists devices when no hotplug event arrives.
pub const WATCH_POLL: Duration = Duration::from_millis(300);

static USB_WATCH: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "peripherals.usb.watch",
        "Plug the device in now",
        "Waits up to 25 seconds for a new USB device to appear and names it.",
        30_000,
    )
});

#[async_trait]
impl Check for UsbWatch {
    fn meta(&self) -> &CheckMeta {
        &USB_WATCH
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        // Watch first, then list, so a device plugged in between the two is not missed.
        let events = nusb::watch_devices().ok();
        let baseline = blocking(usb::list_devices).await?.map_err(usb_error)?;
        let progress = |note: &str| cx.progress(note);
        let outcome =
            usb::wait_for_new_device(&baseline, usb::list_devices, events, WATCH_TIMEOUT, WATCH_POLL, &progress)
                .await
                .map_err(usb_error)?;
        let finding = match outcome.added.as_slice() {
            [] => {
                let seconds = WATCH_TIMEOUT.as_secs();
                if outcome.removed.is_empty() {
                    Finding::msg(Severity::Warn, msg!("peripherals-watch-nothing", seconds = seconds))
                } else {
                    let gone = outcome.removed.iter().map(UsbDevice::display_name).collect::<Vec<_>>().join(", ");
                    Finding::msg(Severity::Warn, msg!("peripherals-watch-nothing-gone", seconds = seconds, gone = gone))
                }
            }
            added => {
                let names = added.iter().map(UsbDevice::display_name).collect::<Vec<_>>().join(", ");
                let after = format!("{:.1} s", outcome.waited_ms as f64 / 1000.0);
                let mut f =
                    Finding::msg(Severity::Pass, msg!("peripherals-watch-found", devices = names, after = after))
                        .detail(added.iter().map(device_line).collect::<Vec<_>>().join(LINE_END));
                for d in added {
                    f = f
                        .evidence("Device", d.display_name())
                        .evidence("Class", d.class_name.as_deref().unwrap_or("not stated"))
                        .evidence("Speed", d.speed.map(|s| s.label()).unwrap_or("unknown"));
                }
                f
            }
        };
        let mut findings = vec![finding];
        findings.extend(usb_findings(&outcome.added).into_iter().filter(|f| f.severity == Severity::Warn));
        Ok(CheckResult::new(findings).with_data(outcome.clone()))
    }
}

// ---------------------------------------------------------------- sound devices

struct AudioDeviceList;
static AUDIO_DEVICES: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "peripherals.audio.devices",
        "Sound devices",
        "The speakers, headsets and microphones the sound system shows, and which are the defaults.",
        10_000,
    )
});

/// The findings for the sound devices (pure, for tests).
pub fn audio_findings(all: &AudioDevices) -> Vec<Finding> {
    let names = |list: &[audio::AudioDevice]| {
        list.iter()
            .map(|d| if d.is_default { format!("{} (default)", d.name) } else { d.name.clone() })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut findings = vec![
        Finding::msg(
            Severity::Info,
            msg!("peripherals-sound-devices", outputs = all.outputs.len(), inputs = all.inputs.len()),
        )
        .evidence("Sound system", &all.host)
        .evidence("Outputs", if all.outputs.is_empty() { "none".into() } else { names(&all.outputs) })
        .evidence("Inputs", if all.inputs.is_empty() { "none".into() } else { names(&all.inputs) }),
    ];
    if all.outputs.is_empty() {
        findings.push(Finding::msg(Severity::Warn, msg!("peripherals-no-speaker")));
    }
    if all.inputs.is_empty() {
        findings.push(Finding::msg(Severity::Warn, msg!("peripherals-no-microphone")));
    }
    findings
}

#[async_trait]
impl Check for AudioDeviceList {
    fn meta(&self) -> &CheckMeta {
        &AUDIO_DEVICES
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        match blocking(audio::list_devices).await? {
            Ok(all) => Ok(CheckResult::new(audio_findings(&all)).with_data(all.clone())),
            Err(AudioError::NoDevices(why)) => {
                Err(CheckError::UnsupportedMsg(msg!("peripherals-no-sound-device", why = why)))
            }
            Err(other) => Err(CheckError::Failed(format!("{other:#}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hw::usb::{NameSource, UsbSpeed};

    fn dev(version: &str, speed: UsbSpeed) -> UsbDevice {
        UsbDevice {
            bus: "2".into(),
            address: 4,
            port_path: "1.2".into(),
            vendor_id: 0x0781,
            product_id: 0x5581,
            vendor_name: usb::vendor_name(0x0781).map(String::from),
            product_name: usb::product_name(0x0781, 0x5581).map(String::from),
            names_from: NameSource::UsbIds,
            serial: None,
            class: 8,
            class_name: usb::class_name(8, 6, 0x50),
            usb_version: version.into(),
            speed: Some(speed),
        }
    }

    #[test]
    fn list_is_info_and_a_slow_usb3_device_warns() {
        let f = usb_findings(&[dev("2.10", UsbSpeed::High)]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(f[0].summary.contains("1 USB device found"), "{}", f[0].summary);
        let f = usb_findings(&[dev("3.20", UsbSpeed::High)]);
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].severity, Severity::Warn);
        assert!(f[1].summary.contains("SanDisk"), "{}", f[1].summary);
        assert!(f[1].next_step.is_some());
        assert_eq!(usb_findings(&[])[0].title, "No USB devices");
    }

    /// The same findings in Danish: deskcheck's words change, device names do not.
    #[test]
    fn peripheral_findings_render_in_danish() {
        use crate::i18n::Lang;
        let f = usb_findings(&[dev("3.20", UsbSpeed::High), dev("2.00", UsbSpeed::High)]);
        assert_eq!(f[0].summary_in(Lang::Da), "2 USB-enheder fundet.");
        assert_eq!(f[0].summary, "2 USB devices found.");
        assert_eq!(f[1].title_in(Lang::Da), "USB-enhed kører langsomt");
        let da = f[1].summary_in(Lang::Da);
        assert!(da.starts_with("SanDisk") && da.contains("kan køre USB 3"), "{da}");
        assert!(f[1].detail_in(Lang::Da).unwrap().contains("high speed (480 Mbit/s)"), "the speed is a name");
        assert_eq!(usb_findings(&[])[0].title_in(Lang::Da), "Ingen USB-enheder");

        let none = AudioDevices { host: "ALSA".into(), outputs: Vec::new(), inputs: Vec::new() };
        let f = audio_findings(&none);
        assert_eq!(f[0].summary_in(Lang::Da), "0 enhed(er) til lyd ud og 0 til lyd ind fundet.");
        assert_eq!(f[1].title_in(Lang::Da), "Ingen højttaler eller headset");
        assert_eq!(f[2].next_step_in(Lang::Da).unwrap(), "Sæt headsettet eller mikrofonen i, og tjek igen.");
        assert_eq!(f[2].next_step.as_deref(), Some("Plug in the headset or microphone, then check again."));
    }

    #[tokio::test]
    async fn checks_never_fail_where_there_is_no_hardware() {
        let cx = CheckCx::quiet(crate::config::Config::default());
        for check in checks() {
            match check.run(&cx).await {
                Ok(r) => assert!(!r.findings.is_empty(), "{}", check.meta().id),
                Err(err @ (CheckError::Unsupported(_) | CheckError::UnsupportedMsg(_))) => {
                    eprintln!("skipped: {} {err}", check.meta().id);
                }
                Err(other) => panic!("{} failed: {other}", check.meta().id),
            }
        }
    }

    #[tokio::test]
    async fn watch_says_unsupported_where_no_usb_bus_is_visible() {
        if usb::list_devices().is_ok() {
            eprintln!("skipped: this machine has a USB bus; the watcher would wait 25 s for a human");
            return;
        }
        let cx = CheckCx::quiet(crate::config::Config::default());
        let started = std::time::Instant::now();
        match UsbWatch.run(&cx).await {
            Err(err @ CheckError::UnsupportedMsg(_)) => assert!(err.to_string().contains("no USB bus"), "{err}"),
            other => panic!("expected Unsupported, got {:?}", other.map(|r| r.findings)),
        }
        assert!(started.elapsed() < Duration::from_secs(2), "it waited instead of saying so");
    }
}
