//! The displays checks: what each connector of the graphics card sees (status, EDID), and
//! the mode each monitor runs at now compared with its native one.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::hw::display::edid::{self, Edid, EdidError};
use crate::hw::display::xrandr::{self, Geometry, Mode, ModeChoice, MonitorsError, Output, Rate};
use crate::model::{Attachment, Category, Finding, Severity};
use crate::msg;
use crate::platform::{
    self,
    drm::{ConnectorStatus, DrmConnector, DrmError},
    monitors::{ActiveDisplay, MonitorModes},
};

/// The displays checks that every run of the area includes.
pub fn checks() -> Vec<CheckBox> {
    vec![Arc::new(Connectors), Arc::new(Monitors)]
}

/// Checks run only when asked for (by a checklist step or a button).
pub fn on_demand() -> Vec<CheckBox> {
    Vec::new()
}

const fn meta(id: &'static str, title: &'static str, description: &'static str, timeout_ms: u64) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::Displays,
        description,
        timeout: Duration::from_millis(timeout_ms),
        needs: Needs { root: false, network: false },
    }
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, CheckError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| CheckError::Failed(format!("display probe did not finish: {e}")))
}

// ---------------------------------------------------------------- connectors

struct Connectors;
static CONNECTORS_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "displays.connectors",
        "Display connectors",
        "Each video output of the graphics card: whether a monitor is plugged in and what its EDID says.",
        10_000,
    )
});

/// The short EDID facts shown per monitor and put in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdidSummary {
    pub make: String,
    pub model: String,
    pub product_code: u16,
    pub serial: Option<String>,
    pub year: Option<u16>,
    pub week: Option<u8>,
    pub is_model_year: bool,
    pub edid_version: String,
    pub digital: bool,
    pub size_cm: Option<(u8, u8)>,
    pub diagonal_inches: Option<f64>,
    /// "1920×1080 at 60.00 Hz".
    pub preferred_mode: Option<String>,
    pub preferred_width: Option<u16>,
    pub preferred_height: Option<u16>,
    pub preferred_refresh_hz: Option<f64>,
    pub extension_count: u8,
    pub checksum_ok: bool,
}

impl EdidSummary {
    /// Condenses a parsed EDID; `checksum_ok` is false for a partial read.
    pub fn from_edid(e: &Edid, checksum_ok: bool) -> Self {
        let make = e.manufacturer_name.map(str::to_string).unwrap_or_else(|| e.manufacturer_id.clone());
        let label = e.model_label();
        let model = label.strip_prefix(&format!("{make} ")).unwrap_or(&label).to_string();
        let t = e.preferred_timing;
        Self {
            make,
            model,
            product_code: e.product_code,
            serial: e.serial_label(),
            year: e.manufactured.map(|m| m.year),
            week: e.manufactured.and_then(|m| m.week),
            is_model_year: e.manufactured.is_some_and(|m| m.is_model_year),
            edid_version: format!("{}.{}", e.version, e.revision),
            digital: !matches!(e.input, edid::VideoInput::Analog),
            size_cm: e.size_cm,
            diagonal_inches: e.diagonal_inches(),
            preferred_mode: t.map(|t| t.describe()),
            preferred_width: t.map(|t| t.h_active),
            preferred_height: t.map(|t| t.v_active),
            preferred_refresh_hz: t.map(|t| (t.refresh_hz * 1000.0).round() / 1000.0),
            extension_count: e.extension_count,
            checksum_ok,
        }
    }
}

/// One connector in the run's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConnectorReport {
    #[serde(flatten)]
    pub connector: DrmConnector,
    pub edid_bytes: usize,
    pub edid: Option<EdidSummary>,
    /// Why the EDID could not be read in full (truncated, bad header, bad checksum).
    pub edid_error: Option<String>,
}

#[async_trait]
impl Check for Connectors {
    fn meta(&self) -> &CheckMeta {
        &CONNECTORS_META
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        let list = blocking(platform::display_connectors).await?;
        connectors_result(list)
    }
}

/// Turns the connector list (or why there is none) into the check's result.
pub fn connectors_result(list: Result<Vec<DrmConnector>, DrmError>) -> Result<CheckResult, CheckError> {
    let list = list.map_err(|e| match e {
        DrmError::Unsupported(why) => CheckError::Unsupported(why),
        other => CheckError::Failed(format!("{other:#}")),
    })?;
    // Writeback connectors feed frames back to memory; no monitor is ever plugged into them.
    let list: Vec<DrmConnector> = list.into_iter().filter(|c| !c.name.starts_with("Writeback")).collect();
    if list.is_empty() {
        return Err(CheckError::UnsupportedMsg(msg!("displays-no-connectors")));
    }
    let mut findings = Vec::new();
    let mut reports = Vec::new();
    let mut attachments = Vec::new();
    let mut unused = Vec::new();
    for c in list {
        if !c.edid.is_empty() {
            attachments.push(Attachment::binary(format!("{}.edid.bin", c.name), c.edid.clone()));
        }
        let (report, finding) = assess_connector(c);
        match finding {
            Some(f) => findings.push(f),
            None => unused.push(report.connector.name.clone()),
        }
        reports.push(report);
    }
    let connected = reports.iter().filter(|r| r.connector.status == ConnectorStatus::Connected).count();
    if connected == 0 {
        findings.insert(0, Finding::msg(Severity::Warn, msg!("displays-no-monitor")));
    }
    if !unused.is_empty() {
        findings.push(
            Finding::msg(Severity::Info, msg!("displays-unused-outputs", outputs = unused.join(", ")))
                .evidence("Outputs", unused.join(", ")),
        );
    }
    let mut result = CheckResult::new(findings).with_data(crate::model::ListData::new(reports));
    for a in attachments {
        result = result.attach(a);
    }
    Ok(result)
}

/// The facts and the finding for one connector (`None` for an empty, unused output).
pub fn assess_connector(c: DrmConnector) -> (ConnectorReport, Option<Finding>) {
    let parsed = (!c.edid.is_empty()).then(|| edid::parse(&c.edid));
    let (summary, edid_error) = match &parsed {
        None => (None, None),
        Some(Ok(e)) => (Some(EdidSummary::from_edid(e, true)), None),
        Some(Err(err)) => (err.partial().map(|e| EdidSummary::from_edid(e, false)), Some(err.to_string())),
    };
    let name = c.name.clone();
    let connected = c.status == ConnectorStatus::Connected;
    let finding = match (&parsed, connected) {
        (None, false) if c.status == ConnectorStatus::Disconnected => None,
        (None, false) => Some(Finding::msg(Severity::Info, msg!("displays-state-unknown", connector = &name))),
        // The OS's own words for a failed read go in as they are; an empty file is ours to word.
        (None, true) => Some(match &c.edid_read_error {
            Some(why) => {
                Finding::msg(Severity::Warn, msg!("displays-no-edid-unread", connector = &name)).detail(why.clone())
            }
            None => Finding::msg(Severity::Warn, msg!("displays-no-edid", connector = &name)),
        }),
        (Some(Err(err)), _) => Some(corrupt_edid_finding(&name, err, summary.as_ref())),
        (Some(Ok(_)), false) => Some(Finding::msg(
            Severity::Warn,
            msg!(
                "displays-edid-not-connected",
                connector = &name,
                monitor = summary.as_ref().map(|s| format!("{} {}", s.make, s.model)).unwrap_or_default()
            ),
        )),
        (Some(Ok(_)), true) => summary.as_ref().map(|s| connected_finding(&name, s, c.enabled)),
    };
    let finding = finding.map(|f| with_edid_evidence(f, summary.as_ref()));
    let report = ConnectorReport { edid_bytes: c.edid.len(), connector: c, edid: summary, edid_error };
    (report, finding)
}

fn connected_finding(name: &str, s: &EdidSummary, enabled: Option<bool>) -> Finding {
    let monitor = format!("{} {}", s.make, s.model);
    if enabled == Some(false) {
        return Finding::msg(Severity::Warn, msg!("displays-connected-unused", connector = name, monitor = monitor));
    }
    match &s.preferred_mode {
        Some(mode) => Finding::msg(
            Severity::Pass,
            msg!("displays-connected-native", connector = name, monitor = monitor, mode = mode),
        ),
        None => Finding::msg(Severity::Pass, msg!("displays-connected", connector = name, monitor = monitor)),
    }
}

fn corrupt_edid_finding(name: &str, err: &EdidError, partial: Option<&EdidSummary>) -> Finding {
    // The kind of damage picks the words (a Fluent selector); the parser's own error text
    // is technical detail and goes in as it is.
    let damage = match err {
        EdidError::TooShort { .. } => "short",
        EdidError::BadHeader { .. } => "header",
        EdidError::BadChecksum { .. } => "checksum",
    };
    let error = err.to_string();
    let m = match partial {
        Some(s) => msg!(
            "displays-edid-damaged-readable",
            connector = name,
            damage = damage,
            error = error,
            monitor = format!("{} {}", s.make, s.model)
        ),
        None => msg!("displays-edid-damaged", connector = name, damage = damage, error = error),
    };
    Finding::msg(Severity::Warn, m)
}

/// The inch mark, as a char: a string literal with an escape would hide the message ids
/// after it from the completeness test (i18n/tests.rs reads literals without escapes).
const INCH: char = '\u{22}';

fn with_edid_evidence(mut f: Finding, s: Option<&EdidSummary>) -> Finding {
    let Some(s) = s else { return f };
    f = f.evidence("Make", &s.make).evidence("Model", &s.model);
    if let Some(serial) = &s.serial {
        f = f.evidence("Serial", serial);
    }
    if let Some(year) = s.year {
        let label = if s.is_model_year { "Model year" } else { "Made" };
        let when = s.week.map(|w| format!("week {w} of {year}")).unwrap_or_else(|| year.to_string());
        f = f.evidence(label, when);
    }
    if let Some((w, h)) = s.size_cm {
        let diag = s.diagonal_inches.map(|d| format!(", {d}{INCH}")).unwrap_or_default();
        f = f.evidence("Size", format!("{w} × {h} cm{diag}"));
    }
    if let Some(mode) = &s.preferred_mode {
        f = f.evidence("Native mode", mode);
    }
    f.evidence("Input", if s.digital { "digital" } else { "analog" }).evidence("EDID version", &s.edid_version)
}

// ---------------------------------------------------------------- monitors

struct Monitors;
static MONITORS_META: LazyLock<CheckMeta> = LazyLock::new(|| {
    meta(
        "displays.monitors",
        "Monitor modes",
        "The resolution, scale and refresh rate each monitor runs at now, compared with its native mode.",
        15_000,
    )
});

#[async_trait]
impl Check for Monitors {
    fn meta(&self) -> &CheckMeta {
        &MONITORS_META
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        match blocking(platform::monitors::monitor_modes).await? {
            MonitorModes::FromX11 => {}
            MonitorModes::Listed(displays) => return active_displays_result(&displays),
            MonitorModes::Failed(why) => return Err(CheckError::Failed(format!("could not list the monitors: {why}"))),
        }
        let query = blocking(xrandr::query).await?.map_err(|e| match e {
            MonitorsError::Unsupported(why) => CheckError::UnsupportedMsg(why),
            other => CheckError::Failed(format!("{other:#}")),
        })?;
        monitors_result(&query.outputs).map(|r| r.attach(Attachment::text("xrandr.txt", query.raw)))
    }
}

/// Turns the windowing layer's outputs into findings: current vs native mode per monitor.
pub fn monitors_result(outputs: &[Output]) -> Result<CheckResult, CheckError> {
    let connected: Vec<&Output> = outputs.iter().filter(|o| o.connected).collect();
    if connected.is_empty() {
        return Err(CheckError::UnsupportedMsg(msg!("displays-no-monitor-listed")));
    }
    let findings = connected.iter().map(|o| monitor_finding(o)).collect();
    Ok(CheckResult::new(findings).with_data(crate::model::ListData::new(outputs.to_vec())))
}

/// The monitors the OS listed itself (Windows) as outputs, judged like xrandr's: the current
/// mode against the native one from the monitor's EDID, plus the scale the user chose.
pub fn active_displays_result(displays: &[ActiveDisplay]) -> Result<CheckResult, CheckError> {
    let outputs: Vec<Output> = displays.iter().map(output_from_display).collect();
    let mut result = monitors_result(&outputs)?;
    result.findings = std::mem::take(&mut result.findings)
        .into_iter()
        .zip(displays)
        .map(|(mut f, d)| {
            if let (Some(percent), Some(dpi)) = (d.scale_percent(), d.dpi) {
                f = f.evidence("Scale", format!("{percent} % ({dpi} dpi)"));
            }
            if let Some(a) = &d.adapter {
                f = f.evidence("Graphics adapter", a);
            }
            f
        })
        .collect();
    Ok(result.with_data(crate::model::ListData::new(displays.to_vec())))
}

/// One OS-listed display as an xrandr-style output. Windows gives the mode as the desktop
/// shows it (a portrait monitor is 1080×1920); xrandr lists modes unrotated, so a quarter
/// turn is undone here to compare with the EDID's native mode.
pub fn output_from_display(d: &ActiveDisplay) -> Output {
    let turned = matches!(d.rotation.as_str(), "left" | "right");
    let (width, height) = if turned { (d.height, d.width) } else { (d.width, d.height) };
    let parsed = (!d.edid.is_empty()).then(|| edid::parse(&d.edid).ok()).flatten();
    let native = parsed.as_ref().and_then(|e| e.preferred_timing);
    let label = parsed.as_ref().map(|e| e.model_label()).or_else(|| d.monitor.clone());
    // Windows names a display `\\.\DISPLAY1`; the prefix is noise to a reader.
    let short = d.device.trim_start_matches(['\\', '.']).to_string();
    let name = match label {
        Some(l) => format!("{short} ({l})"),
        None => short,
    };
    let is_native = |w: u32, h: u32| native.is_some_and(|t| (u32::from(t.h_active), u32::from(t.v_active)) == (w, h));
    let mut modes = vec![Mode {
        width,
        height,
        interlaced: false,
        rates: vec![Rate { hz: d.hz, current: true, preferred: false }],
    }];
    match native {
        Some(t) if is_native(width, height) => {
            let hz = (t.refresh_hz * 100.0).round() / 100.0;
            if d.hz.is_some_and(|c| (c - hz).abs() < 1.0) || d.hz.is_none() {
                modes[0].rates[0].preferred = true;
            } else {
                modes[0].rates.push(Rate { hz: Some(hz), current: false, preferred: true });
            }
        }
        Some(t) => modes.push(Mode {
            width: u32::from(t.h_active),
            height: u32::from(t.v_active),
            interlaced: false,
            rates: vec![Rate { hz: Some((t.refresh_hz * 100.0).round() / 100.0), current: false, preferred: true }],
        }),
        None => {}
    }
    Output {
        name,
        connected: true,
        primary: d.primary,
        geometry: Some(Geometry { width: d.width, height: d.height, x: d.x, y: d.y }),
        rotation: d.rotation.clone(),
        size_mm: parsed.and_then(|e| e.size_cm).map(|(w, h)| (u32::from(w) * 10, u32::from(h) * 10)),
        modes,
    }
}

fn monitor_finding(o: &Output) -> Finding {
    let name = &o.name;
    let (Some(current), Some(g)) = (o.current(), o.geometry) else {
        return Finding::msg(Severity::Warn, msg!("displays-off", output = name));
    };
    let preferred = o.preferred();
    let scale = o.scale().unwrap_or(1.0);
    let mut f = match preferred {
        Some(p) if (p.width, p.height) != (current.width, current.height) => Finding::msg(
            Severity::Warn,
            msg!(
                "displays-not-native",
                output = name,
                current = format!("{}×{}", current.width, current.height),
                native = format!("{}×{}", p.width, p.height)
            ),
        ),
        Some(p) if refresh_lower(current, p) => Finding::msg(
            Severity::Info,
            msg!("displays-low-refresh", output = name, current = hz(current), native = hz(p)),
        ),
        _ => Finding::msg(Severity::Pass, msg!("displays-mode", output = name, mode = current.describe())),
    };
    f = f.evidence("Current mode", current.describe());
    if let Some(p) = preferred {
        f = f.evidence("Native mode", p.describe());
    }
    f = f.evidence("Position", format!("{}×{} at {},{}", g.width, g.height, g.x, g.y));
    if (scale - 1.0).abs() > 0.01 {
        f = f.evidence("Scale", format!("{scale:.2}"));
    }
    if o.rotation != "normal" {
        f = f.evidence("Rotation", &o.rotation);
    }
    if let Some((w, h)) = o.size_mm {
        f = f.evidence("Size", format!("{w} × {h} mm"));
    }
    if o.primary {
        f = f.evidence("Primary", "yes");
    }
    f
}

fn refresh_lower(current: ModeChoice, preferred: ModeChoice) -> bool {
    matches!((current.hz, preferred.hz), (Some(c), Some(p)) if c + 1.0 < p)
}

/// "60 Hz"; only called where `refresh_lower` has seen both rates.
fn hz(m: ModeChoice) -> String {
    m.hz.map(|h| format!("{h:.0} Hz")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DELL: &[u8] = include_bytes!("../../tests/fixtures/edid/dell-d3218hn.bin");
    const TRUNCATED: &[u8] = include_bytes!("../../tests/fixtures/edid/truncated.bin");
    const BAD_SUM: &[u8] = include_bytes!("../../tests/fixtures/edid/bad-checksum.bin");

    fn connector(name: &str, status: ConnectorStatus, edid: &[u8]) -> DrmConnector {
        DrmConnector {
            card: "card0".into(),
            name: name.into(),
            status,
            enabled: Some(status == ConnectorStatus::Connected),
            modes: Vec::new(),
            dpms: None,
            edid: edid.to_vec(),
            edid_read_error: None,
        }
    }

    #[test]
    fn good_monitor_passes_with_its_identity() {
        let (report, f) = assess_connector(connector("HDMI-A-1", ConnectorStatus::Connected, DELL));
        let f = f.unwrap();
        assert_eq!(f.severity, Severity::Pass);
        assert!(f.summary.contains("Dell D3218HN"), "{}", f.summary);
        assert!(f.summary.contains("1920×1080 at 60.00 Hz"), "{}", f.summary);
        let s = report.edid.unwrap();
        assert_eq!(s.serial.as_deref(), Some("X9R5K8864M1E"));
        assert_eq!((s.year, s.week), (Some(2018), Some(32)));
    }

    #[test]
    fn broken_edids_give_a_warning_naming_the_connector() {
        for (bytes, words) in [(TRUNCATED, "cut short"), (BAD_SUM, "wrong checksum")] {
            let (report, f) = assess_connector(connector("DP-2", ConnectorStatus::Connected, bytes));
            let f = f.unwrap();
            assert_eq!(f.severity, Severity::Warn);
            assert!(f.title.contains("DP-2") && f.summary.contains(words), "{f:?}");
            assert!(report.edid_error.is_some());
        }
        // The checksum-only damage still tells which monitor it is.
        let (report, f) = assess_connector(connector("DP-2", ConnectorStatus::Connected, BAD_SUM));
        assert!(f.unwrap().summary.contains("Samsung C27R50x"));
        assert!(!report.edid.unwrap().checksum_ok);
    }

    #[test]
    fn connected_without_edid_and_edid_without_connected_warn() {
        let (_, f) = assess_connector(connector("HDMI-A-2", ConnectorStatus::Connected, &[]));
        assert_eq!(f.unwrap().severity, Severity::Warn);
        let (_, f) = assess_connector(connector("HDMI-A-2", ConnectorStatus::Disconnected, DELL));
        let f = f.unwrap();
        assert_eq!(f.severity, Severity::Warn);
        assert!(f.title.contains("without a connected monitor"));
        let (_, f) = assess_connector(connector("DP-1", ConnectorStatus::Disconnected, &[]));
        assert!(f.is_none());
    }

    #[test]
    fn no_connectors_or_no_drm_is_unsupported() {
        assert!(matches!(connectors_result(Ok(Vec::new())), Err(CheckError::UnsupportedMsg(_))));
        let writeback = connector("Writeback-1", ConnectorStatus::Unknown, &[]);
        assert!(matches!(connectors_result(Ok(vec![writeback])), Err(CheckError::UnsupportedMsg(_))));
        assert!(matches!(connectors_result(Err(DrmError::Unsupported("x".into()))), Err(CheckError::Unsupported(_))));
    }

    #[test]
    fn all_disconnected_warns_and_edids_are_attached() {
        let r = connectors_result(Ok(vec![
            connector("DP-1", ConnectorStatus::Disconnected, &[]),
            connector("HDMI-A-1", ConnectorStatus::Disconnected, DELL),
        ]))
        .unwrap();
        assert_eq!(r.findings[0].title, "No monitor detected");
        assert_eq!(r.attachments.len(), 1);
        assert_eq!(r.attachments[0].name, "HDMI-A-1.edid.bin");
        assert_eq!(r.attachments[0].bytes, DELL);
    }

    #[test]
    fn monitor_not_at_native_resolution_warns() {
        let outs = xrandr::parse(include_str!("../../tests/fixtures/xrandr/laptop-docked.txt"));
        let r = monitors_result(&outs).unwrap();
        let by_title = |t: &str| r.findings.iter().find(|f| f.title.starts_with(t)).unwrap();
        assert_eq!(by_title("eDP-1").severity, Severity::Pass);
        let hdmi = by_title("HDMI-1: not at native resolution");
        assert_eq!(hdmi.severity, Severity::Warn);
        assert!(hdmi.next_step.as_deref().unwrap().contains("2560×1440"));
        assert_eq!(by_title("DP-2: connected but off").severity, Severity::Warn);
        assert_eq!(r.findings.len(), 3);
    }

    fn windows_display(width: u32, height: u32, hz: Option<f64>, rotation: &str, edid: &[u8]) -> ActiveDisplay {
        ActiveDisplay {
            device: "\\\\.\\DISPLAY1".into(),
            adapter: Some("Intel(R) UHD Graphics 620".into()),
            monitor: Some("Generic PnP Monitor".into()),
            monitor_id: Some("DISPLAY\\DELD0B8\\5&2b1bc1c5&0&UID4353".into()),
            primary: true,
            width,
            height,
            hz,
            bits_per_pixel: 32,
            x: 0,
            y: 0,
            rotation: rotation.into(),
            dpi: Some(144),
            edid: edid.to_vec(),
        }
    }

    /// Windows' current mode (EnumDisplaySettingsW) against the native mode of the real Dell
    /// EDID fixture (1920×1080 at 60 Hz), with the 150 % scale GetDpiForMonitor reports.
    #[test]
    fn windows_displays_are_judged_against_their_edid() {
        let r = active_displays_result(&[windows_display(1920, 1080, Some(60.0), "normal", DELL)]).unwrap();
        let f = &r.findings[0];
        assert_eq!(f.severity, Severity::Pass, "{f:?}");
        assert!(f.title.starts_with("DISPLAY1 (Dell D3218HN)"), "{}", f.title);
        let scale = f.evidence.iter().find(|e| e.label == "Scale").map(|e| e.value.as_str());
        assert_eq!(scale, Some("150 % (144 dpi)"));
        let low = active_displays_result(&[windows_display(1280, 720, Some(60.0), "normal", DELL)]).unwrap();
        assert_eq!(low.findings[0].severity, Severity::Warn);
        assert!(low.findings[0].next_step.as_deref().unwrap().contains("1920×1080"));
        // Portrait: Windows says 1080×1920; that is the native mode turned.
        let portrait = active_displays_result(&[windows_display(1080, 1920, Some(60.0), "left", DELL)]).unwrap();
        assert_eq!(portrait.findings[0].severity, Severity::Pass, "{:?}", portrait.findings[0]);
        let slow = active_displays_result(&[windows_display(1920, 1080, Some(30.0), "normal", DELL)]).unwrap();
        assert_eq!(slow.findings[0].severity, Severity::Info);
        // No EDID: the current mode alone, named by what Windows calls the monitor.
        let bare = active_displays_result(&[windows_display(1920, 1080, None, "normal", &[])]).unwrap();
        assert!(bare.findings[0].title.starts_with("DISPLAY1 (Generic PnP Monitor)"));
    }

    /// The same findings read in Danish: deskcheck's words change, the names (connector,
    /// monitor model, modes) stay as they are; the English stays in the plain fields.
    #[test]
    fn display_findings_render_in_danish() {
        use crate::i18n::Lang;
        let (_, f) = assess_connector(connector("HDMI-A-1", ConnectorStatus::Connected, DELL));
        let f = f.unwrap();
        assert_eq!(f.title_in(Lang::Da), "HDMI-A-1: Dell D3218HN");
        assert_eq!(
            f.summary_in(Lang::Da),
            "Dell D3218HN er tilsluttet HDMI-A-1 (egen opløsning 1920×1080 at 60.00 Hz)."
        );
        assert_eq!(f.summary, "Dell D3218HN is connected to HDMI-A-1 (native 1920×1080 at 60.00 Hz).");

        let (_, f) = assess_connector(connector("DP-2", ConnectorStatus::Connected, BAD_SUM));
        let f = f.unwrap();
        assert_eq!(f.title_in(Lang::Da), "DP-2: skærmens identifikation er beskadiget");
        let da = f.summary_in(Lang::Da);
        assert!(da.contains("har en forkert kontrolsum") && da.contains("Samsung C27R50x"), "{da}");
        assert!(f.next_step_in(Lang::Da).unwrap().starts_with("Prøv et andet kabel"));

        let outs = xrandr::parse(include_str!("../../tests/fixtures/xrandr/laptop-docked.txt"));
        let r = monitors_result(&outs).unwrap();
        let hdmi = r.findings.iter().find(|f| f.title.starts_with("HDMI-1")).unwrap();
        assert_eq!(hdmi.title_in(Lang::Da), "HDMI-1: kører ikke med sin egen opløsning");
        assert_eq!(
            hdmi.next_step_in(Lang::Da).unwrap(),
            "Åbn skærmindstillingerne, og vælg 2560×1440 (\"anbefalet\")."
        );

        let none = connectors_result(Ok(vec![connector("DP-1", ConnectorStatus::Disconnected, &[])])).unwrap();
        assert_eq!(none.findings[0].title_in(Lang::Da), "Ingen skærm fundet");
        match connectors_result(Ok(Vec::new())) {
            Err(CheckError::UnsupportedMsg(m)) => {
                assert_eq!(crate::i18n::text(Lang::Da, &m), "grafikdriveren viser ingen skærmudgange")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn xvfb_screen_passes_and_no_monitor_is_unsupported() {
        let outs = xrandr::parse(include_str!("../../tests/fixtures/xrandr/xvfb.txt"));
        let r = monitors_result(&outs).unwrap();
        assert_eq!(r.findings[0].severity, Severity::Pass);
        assert!(matches!(monitors_result(&[]), Err(CheckError::UnsupportedMsg(_))));
    }
}
