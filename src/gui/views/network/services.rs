//! The services card (TCP ports, web addresses, the sign-in page check) and the DHCP-server
//! card with its "Look for DHCP servers" button.

use eframe::egui::{Button, Grid, RichText, Ui};

use super::{Action, NetworkInput, NetworkView, findings_ui, ms, outcome_ui, run, status_line, typed};
use crate::model::{CheckData, ListData, Report, Severity};
use crate::net::dhcp::DhcpOffer;
use crate::net::reach::{CaptivePortalResult, HttpResult, PortalState, TcpResult};
use crate::{i18n, t};

fn tcp_line(r: &TcpResult) -> (Severity, String) {
    let target = match r.address {
        Some(a) => format!("{} ({a})", r.target),
        None => r.target.clone(),
    };
    if r.connected {
        (Severity::Pass, t!("netview-tcp-connected", target = target, ms = ms(r.latency_ms)))
    } else {
        let error = r.error.clone().unwrap_or_else(|| t!("netview-no-answer"));
        (Severity::Fail, t!("netview-tcp-failed", target = r.target.as_str(), error = error))
    }
}

fn http_line(r: &HttpResult) -> (Severity, String) {
    let (severity, text) = match r.status {
        Some(status @ 200..400) => {
            (Severity::Pass, t!("netview-http-answered", url = r.url.as_str(), status = status, ms = ms(r.latency_ms)))
        }
        Some(status) => (Severity::Warn, t!("netview-http-error", url = r.url.as_str(), status = status)),
        None => {
            let error = r.error.clone().unwrap_or_else(|| t!("netview-unknown-error"));
            return (Severity::Fail, t!("netview-http-no-answer", url = r.url.as_str(), error = error));
        }
    };
    match &r.final_url {
        Some(u) => (severity, t!("netview-http-redirected", text = text, url = u.as_str())),
        None => (severity, text),
    }
}

fn portal_line(r: &CaptivePortalResult) -> (Severity, String) {
    match r.state {
        PortalState::NoPortal => (Severity::Pass, t!("netview-portal-none")),
        PortalState::PortalSuspected => match &r.redirect_to {
            Some(u) => (Severity::Warn, t!("netview-portal-redirects", url = u.as_str())),
            None => (Severity::Warn, t!("netview-portal-suspected")),
        },
        PortalState::Unreachable => {
            let error = r.error.clone().unwrap_or_else(|| t!("netview-no-answer"));
            (Severity::Info, t!("netview-portal-unreachable", url = r.url.as_str(), error = error))
        }
    }
}

/// One service check: its typed lines, or its findings when the data is missing.
fn service_ui<T: CheckData>(ui: &mut Ui, report: &Report, lines: impl Fn(&T) -> Vec<(Severity, String)>) -> bool {
    let Some(r) = run(report, T::CHECK_ID) else { return false };
    match typed::<T>(ui, report) {
        Some(data) => {
            for (severity, text) in lines(&data) {
                status_line(ui, severity, text);
            }
        }
        None => findings_ui(ui, r),
    }
    true
}

pub fn services_ui(ui: &mut Ui, report: &Report) {
    let tcp = service_ui::<ListData<TcpResult>>(ui, report, |v| v.items.iter().map(tcp_line).collect());
    let http = service_ui::<ListData<HttpResult>>(ui, report, |v| v.items.iter().map(http_line).collect());
    let portal = service_ui::<CaptivePortalResult>(ui, report, |r| vec![portal_line(r)]);
    if !(tcp || http || portal) {
        ui.label(RichText::new(t!("netview-services-none-yet")).weak());
    }
}

pub fn dhcp_ui(ui: &mut Ui, view: &NetworkView<'_>, input: &NetworkInput, actions: &mut Vec<Action>) {
    ui.label(RichText::new(t!("netview-dhcp-explain")).weak());
    if view.interactive {
        ui.horizontal(|ui| {
            let look = Button::new(t!("netview-dhcp-look"));
            if ui.add_enabled(!input.probing_dhcp, look).on_disabled_hover_text(t!("netview-dhcp-already")).clicked() {
                actions.push(Action::DhcpProbe);
            }
            if input.probing_dhcp {
                ui.spinner();
                ui.label(t!("netview-dhcp-listening", seconds = view.dhcp_listen_ms.div_ceil(1000)));
            }
        });
    }
    let Some(r) = run(view.report, ListData::<DhcpOffer>::CHECK_ID) else {
        if !view.interactive {
            ui.label(RichText::new(t!("netview-dhcp-not-run")).weak());
        }
        return;
    };
    outcome_ui(ui, r);
    for finding in &r.findings {
        status_line(ui, finding.severity, finding.summary_in(i18n::current()));
    }
    let Some(ListData { items: offers }) = typed::<ListData<DhcpOffer>>(ui, view.report) else { return };
    if offers.is_empty() {
        return;
    }
    Grid::new("dhcp-offers").striped(true).num_columns(6).spacing([16.0, 3.0]).show(ui, |ui| {
        let headings = [
            t!("netview-dhcp-col-server"),
            t!("netview-dhcp-col-offers"),
            t!("netview-dhcp-col-router"),
            t!("netview-dhcp-col-dns"),
            t!("netview-dhcp-col-lease"),
            t!("netview-dhcp-col-after"),
        ];
        for heading in headings {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for offer in &offers {
            let join = |v: &[std::net::Ipv4Addr]| v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            ui.label(offer.server_id.map_or_else(|| offer.source.to_string(), |s| s.to_string()));
            ui.label(offer.offered.to_string());
            ui.label(join(&offer.routers));
            ui.label(join(&offer.dns_servers));
            ui.label(
                offer.lease_time_secs.map_or_else(|| "—".into(), |s| crate::checks::system::human_duration(s.into())),
            );
            ui.label(format!("{} ms", offer.received_after_ms));
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_lines_say_what_happened() {
        let tcp = TcpResult {
            target: "intranet:443".into(),
            address: None,
            connected: false,
            latency_ms: None,
            error: Some("connection refused".into()),
        };
        assert_eq!(tcp_line(&tcp), (Severity::Fail, "intranet:443 — could not connect: connection refused".into()));
        let http = HttpResult {
            url: "https://intranet/".into(),
            status: Some(503),
            latency_ms: Some(12.0),
            bytes: None,
            final_url: None,
            error: None,
        };
        assert_eq!(http_line(&http).0, Severity::Warn);
    }
}
