//! The round-trip-time graph: one point per probe, joined while probes answer; a lost
//! probe breaks the line and is marked with a cross on the baseline, so loss is visible
//! as a shape and a gap, not only as a colour.

use eframe::egui::{Color32, Response, Role, Sense, Ui, WidgetInfo};

use crate::t;
use egui_plot::{HoverPosition, Line, MarkerShape, Plot, Points, uniform_grid_spacer};

/// Height of one graph: small enough that several targets fit on one screen.
const HEIGHT: f32 = 110.0;

/// Runs of consecutive answered probes as `[probe number, ms]` points (probes count from 1).
pub fn answered_runs(rtts_ms: &[Option<f64>]) -> Vec<Vec<[f64; 2]>> {
    let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut current: Vec<[f64; 2]> = Vec::new();
    for (i, rtt) in rtts_ms.iter().enumerate() {
        match rtt {
            Some(ms) => current.push([(i + 1) as f64, *ms]),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// The 1, 2 or 5 times a power of ten nearest above `raw`: ticks at round numbers.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|step| *step >= raw).unwrap_or(10.0 * power)
}

/// A tick label: as many decimals as small values need, no trailing noise.
fn format_ms(value: f64) -> String {
    match value.abs() {
        v if v == 0.0 || v >= 10.0 => format!("{value:.0}"),
        v if v >= 1.0 => format!("{value:.1}"),
        _ => format!("{value:.2}"),
    }
}

/// Draw the RTTs of one target. `name` says whose they are, for the hover text and screen readers.
pub fn rtt_graph_ui(ui: &mut Ui, id_salt: &str, name: &str, rtts_ms: &[Option<f64>], line: Color32, lost: Color32) {
    let answered = rtts_ms.iter().flatten().count();
    let lost_points: Vec<[f64; 2]> =
        rtts_ms.iter().enumerate().filter(|(_, r)| r.is_none()).map(|(i, _)| [(i + 1) as f64, 0.0]).collect();
    let top = rtts_ms.iter().flatten().copied().fold(0.0_f64, f64::max);
    let probes = rtts_ms.len().max(1) as f64;
    let response = Plot::new(id_salt)
        .height(HEIGHT)
        .width(ui.available_width().min(720.0))
        // Inside a scrolling page: the wheel scrolls the page, the graph stays put.
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .sense(Sense::hover())
        .include_x(0.5)
        .include_x(probes + 0.5)
        .include_y(0.0)
        .include_y(if top > 0.0 { top * 1.15 } else { 1.0 })
        .x_axis_label(t!("gui-rtt-axis-probe"))
        .y_axis_label("ms")
        // Room for "0.25": sub-millisecond LAN times would otherwise lose their tick labels.
        .y_axis_min_width(36.0)
        .y_axis_formatter(|mark, _| format_ms(mark.value))
        .y_grid_spacer(uniform_grid_spacer(|input| {
            let step = nice_step((input.bounds.1 - input.bounds.0) / 3.0);
            [step, step * 5.0, step * 10.0]
        }))
        .label_formatter(|hover| match hover {
            HoverPosition::NearDataPoint { plot_name: "no answer", position, .. } => {
                Some(t!("gui-rtt-hover-lost", n = position.x.round() as i64))
            }
            HoverPosition::NearDataPoint { position, .. } => {
                Some(t!("gui-rtt-hover", n = position.x.round() as i64, ms = format!("{:.2}", position.y)))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (n, run) in answered_runs(rtts_ms).into_iter().enumerate() {
                plot.line(Line::new("round trip", run).color(line).width(1.5).id(("rtt", n)));
            }
            let marks = Points::new(
                "answered",
                rtts_ms.iter().enumerate().filter_map(|(i, r)| r.map(|ms| [(i + 1) as f64, ms])).collect::<Vec<_>>(),
            )
            .radius(2.5)
            .color(line);
            plot.add(marks);
            if !lost_points.is_empty() {
                plot.add(Points::new("no answer", lost_points).shape(MarkerShape::Cross).radius(5.0).color(lost));
            }
        })
        .response;
    describe(&response, name, answered, rtts_ms.len());
}

fn describe(response: &Response, name: &str, answered: usize, sent: usize) {
    let text = t!("gui-rtt-description", name = name, answered = answered, sent = sent);
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_fall_on_round_numbers() {
        // Within float noise: powf differs in the last bit between C libraries (mingw vs glibc).
        for (range, step) in [(0.06, 0.1), (0.3, 0.5), (1.5, 2.0), (40.0, 50.0), (0.0, 1.0)] {
            let got = nice_step(range);
            assert!((got - step).abs() < 1e-9 * step, "nice_step({range}) = {got}, not {step}");
        }
    }

    #[test]
    fn tick_labels_fit_their_scale() {
        assert_eq!(format_ms(0.0), "0");
        assert_eq!(format_ms(0.05), "0.05");
        assert_eq!(format_ms(2.5), "2.5");
        assert_eq!(format_ms(120.0), "120");
    }

    #[test]
    fn lost_probes_break_the_line() {
        let runs = answered_runs(&[Some(1.0), Some(2.0), None, Some(3.0), None, None]);
        assert_eq!(runs, vec![vec![[1.0, 1.0], [2.0, 2.0]], vec![[4.0, 3.0]]]);
        assert!(answered_runs(&[None, None]).is_empty());
        assert!(answered_runs(&[]).is_empty());
    }
}
