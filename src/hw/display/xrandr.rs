//! The current mode of each monitor as the X11 windowing layer sees it: `xrandr --query`
//! run with an argument list and a timeout, and a pure parser of its output.
//! Wayland compositors and other OSes have no such common tool: those say Unsupported.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::platform::programs::{self, ProgramError};

/// How long `xrandr --query` may take (it asks the X server, which may probe outputs).
const XRANDR_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the current monitor modes could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MonitorsError {
    /// No X11 display here (Windows, macOS, a Wayland-only session, an SSH shell), worded
    /// by a message so the report shows it in the reader's language.
    #[error("{}", crate::i18n::text(crate::i18n::Lang::En, .0))]
    Unsupported(crate::i18n::Msg),
    #[error("could not ask the X server for its monitors: {0:#}")]
    Program(#[from] ProgramError),
}

/// One output (connector) as xrandr lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// X11's name, e.g. "HDMI-1" (not always the kernel's "HDMI-A-1").
    pub name: String,
    pub connected: bool,
    pub primary: bool,
    /// Where the output sits on the desktop and how big it is there; `None` when it is off.
    pub geometry: Option<Geometry>,
    /// "normal", "left", "right" or "inverted".
    pub rotation: String,
    /// Physical size the monitor reports (0×0 is treated as unknown).
    pub size_mm: Option<(u32, u32)>,
    pub modes: Vec<Mode>,
}

/// An output's place on the desktop, in desktop pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Geometry {
    pub width: u32,
    pub height: u32,
    pub x: i32,
    pub y: i32,
}

/// One resolution with its refresh rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mode {
    pub width: u32,
    pub height: u32,
    pub interlaced: bool,
    pub rates: Vec<Rate>,
}

/// One refresh rate of a mode; xrandr marks the current one `*` and the preferred one `+`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// `None` when the server does not know (Xvfb says 0.00).
    pub hz: Option<f64>,
    pub current: bool,
    pub preferred: bool,
}

/// A mode picked out of the list: resolution plus one rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ModeChoice {
    pub width: u32,
    pub height: u32,
    pub interlaced: bool,
    pub hz: Option<f64>,
}

impl ModeChoice {
    /// "1920×1080 at 60.00 Hz".
    pub fn describe(&self) -> String {
        let i = if self.interlaced { "i" } else { "" };
        match self.hz {
            Some(hz) => format!("{}×{}{i} at {hz:.2} Hz", self.width, self.height),
            None => format!("{}×{}{i}", self.width, self.height),
        }
    }
}

impl Output {
    fn pick(&self, want: impl Fn(&Rate) -> bool) -> Option<ModeChoice> {
        self.modes.iter().find_map(|m| {
            m.rates.iter().find(|r| want(r)).map(|r| ModeChoice {
                width: m.width,
                height: m.height,
                interlaced: m.interlaced,
                hz: r.hz,
            })
        })
    }

    /// The mode the output shows now.
    pub fn current(&self) -> Option<ModeChoice> {
        self.pick(|r| r.current)
    }

    /// The monitor's preferred (native) mode, from its EDID.
    pub fn preferred(&self) -> Option<ModeChoice> {
        self.pick(|r| r.preferred)
    }

    /// Desktop pixels per mode pixel (xrandr `--scale`): 1.0 normally, 2.0 when a
    /// 1920×1080 mode fills a 3840×2160 area. `None` when the output is off.
    pub fn scale(&self) -> Option<f64> {
        let g = self.geometry?;
        let mode = self.current()?;
        let (w, h) = if matches!(self.rotation.as_str(), "left" | "right") {
            (mode.height, mode.width)
        } else {
            (mode.width, mode.height)
        };
        (w > 0 && h > 0).then(|| f64::from(g.width) / f64::from(w))
    }
}

/// What `xrandr --query` printed, and the outputs parsed from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Query {
    #[serde(skip)]
    pub raw: String,
    pub outputs: Vec<Output>,
}

/// Runs `xrandr --query` on the X display of this session and parses it.
pub fn query() -> Result<Query, MonitorsError> {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    if display.trim().is_empty() {
        let why = if std::env::var_os("WAYLAND_DISPLAY").is_some() {
            crate::msg!("displays-wayland-only")
        } else {
            crate::msg!("displays-no-x-display")
        };
        return Err(MonitorsError::Unsupported(why));
    }
    let text = match programs::run("xrandr", &["--query"], XRANDR_TIMEOUT) {
        Err(ProgramError::NotFound { .. }) => {
            return Err(MonitorsError::Unsupported(crate::msg!("displays-no-xrandr")));
        }
        // A stale DISPLAY (an SSH shell, a closed session): there is no desktop to ask.
        Err(ProgramError::Failed { stderr, .. }) if stderr.contains("Can't open display") => {
            return Err(MonitorsError::Unsupported(crate::msg!(
                "displays-x-display-closed",
                display = display.as_str()
            )));
        }
        other => other?,
    };
    Ok(Query { outputs: parse(&text), raw: text })
}

/// Parses `xrandr --query` output. Unknown lines are skipped, never an error.
pub fn parse(text: &str) -> Vec<Output> {
    let mut outputs: Vec<Output> = Vec::new();
    for line in text.lines() {
        if line.starts_with("Screen ") || line.trim().is_empty() {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            if let (Some(out), Some(mode)) = (outputs.last_mut(), parse_mode_line(line)) {
                out.modes.push(mode);
            }
            continue;
        }
        if let Some(out) = parse_output_line(line) {
            outputs.push(out);
        }
    }
    outputs
}

/// `HDMI-1 connected primary 1920x1080+1920+0 left (normal left …) 527mm x 296mm`
fn parse_output_line(line: &str) -> Option<Output> {
    // The parenthesised list of supported rotations says nothing about the current state.
    let (head, tail) = match (line.find('('), line.rfind(')')) {
        (Some(open), Some(close)) if close > open => (&line[..open], &line[close + 1..]),
        _ => (line, ""),
    };
    let mut words = head.split_whitespace();
    let name = words.next()?.to_string();
    let connected = match words.next()? {
        "connected" => true,
        "disconnected" => false,
        // "unknown connection"
        "unknown" => false,
        _ => return None,
    };
    let mut out = Output {
        name,
        connected,
        primary: false,
        geometry: None,
        rotation: "normal".into(),
        size_mm: None,
        modes: Vec::new(),
    };
    for word in words {
        match word {
            "primary" => out.primary = true,
            "normal" | "left" | "right" | "inverted" => out.rotation = word.into(),
            _ => {
                if let Some(g) = parse_geometry(word) {
                    out.geometry = Some(g);
                }
            }
        }
    }
    let mm: Vec<u32> =
        tail.split_whitespace().filter_map(|w| w.strip_suffix("mm")).filter_map(|w| w.parse().ok()).collect();
    if let [w, h] = mm[..]
        && w > 0
        && h > 0
    {
        out.size_mm = Some((w, h));
    }
    Some(out)
}

/// `1920x1080+1920+0` (offsets may be negative: `+-1920`).
fn parse_geometry(word: &str) -> Option<Geometry> {
    let (size, offsets) = word.split_once('+')?;
    let (w, h) = size.split_once('x')?;
    let (x, y) = offsets.split_once('+')?;
    Some(Geometry { width: w.parse().ok()?, height: h.parse().ok()?, x: x.parse().ok()?, y: y.parse().ok()? })
}

/// `   1920x1080     60.00*+  50.00    59.94` (a flag may stand apart: `59.95 +`).
fn parse_mode_line(line: &str) -> Option<Mode> {
    let mut words = line.split_whitespace();
    let name = words.next()?;
    let (w, h) = name.split_once('x')?;
    let interlaced = h.ends_with('i');
    let h = h.trim_end_matches('i');
    let mut mode = Mode { width: w.parse().ok()?, height: h.parse().ok()?, interlaced, rates: Vec::new() };
    for word in words {
        let digits_end = word.find(['*', '+']).unwrap_or(word.len());
        let (number, flags) = word.split_at(digits_end);
        if number.is_empty() {
            // A flag on its own belongs to the rate before it.
            if let Some(last) = mode.rates.last_mut() {
                last.current |= flags.contains('*');
                last.preferred |= flags.contains('+');
            }
            continue;
        }
        let Ok(hz) = number.parse::<f64>() else { continue };
        mode.rates.push(Rate {
            hz: (hz > 0.0).then_some(hz),
            current: flags.contains('*'),
            preferred: flags.contains('+'),
        });
    }
    Some(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XVFB: &str = include_str!("../../../tests/fixtures/xrandr/xvfb.txt");
    const DOCKED: &str = include_str!("../../../tests/fixtures/xrandr/laptop-docked.txt");

    #[test]
    fn xvfb_output_has_one_screen_without_a_refresh_rate() {
        let outs = parse(XVFB);
        assert_eq!(outs.len(), 1);
        let o = &outs[0];
        assert_eq!(o.name, "screen");
        assert!(o.connected);
        assert_eq!(o.size_mm, None);
        let cur = o.current().unwrap();
        assert_eq!((cur.width, cur.height, cur.hz), (1280, 800, None));
        assert_eq!(o.scale(), Some(1.0));
    }

    #[test]
    fn docked_laptop_outputs_modes_and_flags() {
        let outs = parse(DOCKED);
        let names: Vec<&str> = outs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["eDP-1", "DP-1", "HDMI-1", "DP-2"]);
        let edp = &outs[0];
        assert!(edp.primary && edp.connected);
        assert_eq!(edp.size_mm, Some((309, 173)));
        assert_eq!(edp.current(), edp.preferred());
        assert_eq!(edp.current().unwrap().describe(), "1920×1080 at 60.01 Hz");
        let hdmi = &outs[2];
        assert_eq!(hdmi.geometry, Some(Geometry { width: 1920, height: 1080, x: 1920, y: 0 }));
        assert_eq!(hdmi.preferred().unwrap().describe(), "2560×1440 at 59.95 Hz");
        assert_eq!(hdmi.current().unwrap().describe(), "1920×1080 at 60.00 Hz");
        assert!(!outs[1].connected);
        // Connected but switched off: no geometry, no current mode.
        let off = &outs[3];
        assert!(off.connected && off.geometry.is_none() && off.current().is_none());
        assert!(off.preferred().is_some());
    }

    #[test]
    fn rotated_and_scaled_outputs() {
        let text = "Screen 0: minimum 8 x 8, current 2160 x 3840, maximum 16384 x 16384\n\
                    DP-3 connected 2160x3840+0+0 left (normal left inverted right x axis y axis) 600mm x 340mm\n   \
                    1920x1080     60.00*+\n   1280x720i     50.00\n";
        let o = &parse(text)[0];
        assert_eq!(o.rotation, "left");
        assert_eq!(o.scale(), Some(2.0));
        assert!(o.modes[1].interlaced);
    }

    #[test]
    fn garbage_lines_are_skipped() {
        assert!(parse("no outputs here\n\t???\nx y z\n").is_empty());
    }
}
