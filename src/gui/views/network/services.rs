//! The services card (TCP ports, web addresses, the sign-in page check) and the DHCP-server
//! card with its "Look for DHCP servers" button.

use eframe::egui::{Button, Grid, RichText, Ui};

use super::{Action, NetworkInput, NetworkView, findings_ui, ms, outcome_ui, run, status_line, typed};
use crate::model::{ListData, Report, Severity};
use crate::net::dhcp::DhcpOffer;
use crate::net::reach::{CaptivePortalResult, HttpResult, PortalState, TcpResult};

fn tcp_line(r: &TcpResult) -> (Severity, String) {
    let at = r.address.map(|a| format!(" ({a})")).unwrap_or_default();
    if r.connected {
        (Severity::Pass, format!("{}{at} — connected in {} ms", r.target, ms(r.latency_ms)))
    } else {
        (Severity::Fail, format!("{} — could not connect: {}", r.target, r.error.as_deref().unwrap_or("no answer")))
    }
}

fn http_line(r: &HttpResult) -> (Severity, String) {
    let redirected = r.final_url.as_ref().map(|u| format!(" (ended at {u})")).unwrap_or_default();
    match r.status {
        Some(status @ 200..400) => {
            (Severity::Pass, format!("{} — answered {status} in {} ms{redirected}", r.url, ms(r.latency_ms)))
        }
        Some(status) => (Severity::Warn, format!("{} — answered with error {status}{redirected}", r.url)),
        None => (Severity::Fail, format!("{} — no answer: {}", r.url, r.error.as_deref().unwrap_or("unknown error"))),
    }
}

fn portal_line(r: &CaptivePortalResult) -> (Severity, String) {
    match r.state {
        PortalState::NoPortal => (Severity::Pass, "No sign-in page (captive portal) is in the way.".to_string()),
        PortalState::PortalSuspected => {
            let to = r.redirect_to.as_ref().map(|u| format!(": it sends web pages to {u}")).unwrap_or_default();
            (Severity::Warn, format!("A sign-in page (captive portal) intercepts web traffic{to}."))
        }
        PortalState::Unreachable => (
            Severity::Info,
            format!("The sign-in check page {} did not answer: {}.", r.url, r.error.as_deref().unwrap_or("no answer")),
        ),
    }
}

/// One service check: its typed lines, or its findings when the data is missing.
fn service_ui<T: serde::de::DeserializeOwned>(
    ui: &mut Ui,
    report: &Report,
    id: &str,
    lines: impl Fn(&T) -> Vec<(Severity, String)>,
) -> bool {
    let Some(r) = run(report, id) else { return false };
    match typed::<T>(report, id) {
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
    let tcp =
        service_ui::<ListData<TcpResult>>(ui, report, "net.services.tcp", |v| v.items.iter().map(tcp_line).collect());
    let http = service_ui::<ListData<HttpResult>>(ui, report, "net.services.http", |v| {
        v.items.iter().map(http_line).collect()
    });
    let portal = service_ui::<CaptivePortalResult>(ui, report, "net.services.captive_portal", |r| vec![portal_line(r)]);
    if !(tcp || http || portal) {
        ui.label(RichText::new("No service checks have run yet.").weak());
    }
}

pub fn dhcp_ui(ui: &mut Ui, view: &NetworkView<'_>, input: &NetworkInput, actions: &mut Vec<Action>) {
    ui.label(
        RichText::new(
            "Sends one DHCP request without taking an address and lists every server that offers one. \
             More than one server is the classic cause of wrong addresses. Needs administrator rights.",
        )
        .weak(),
    );
    if view.interactive {
        ui.horizontal(|ui| {
            let look = Button::new("Look for DHCP servers");
            if ui.add_enabled(!input.probing_dhcp, look).on_disabled_hover_text("Already listening").clicked() {
                actions.push(Action::DhcpProbe);
            }
            if input.probing_dhcp {
                ui.spinner();
                ui.label(format!("Listening for offers (about {} s)…", view.dhcp_listen_ms.div_ceil(1000)));
            }
        });
    }
    let Some(r) = run(view.report, "net.dhcp.probe") else {
        if !view.interactive {
            ui.label(RichText::new("Not run for this bundle.").weak());
        }
        return;
    };
    outcome_ui(ui, r);
    for finding in &r.findings {
        status_line(ui, finding.severity, &finding.summary);
    }
    let Some(ListData { items: offers }) = typed::<ListData<DhcpOffer>>(view.report, "net.dhcp.probe") else { return };
    if offers.is_empty() {
        return;
    }
    Grid::new("dhcp-offers").striped(true).num_columns(6).spacing([16.0, 3.0]).show(ui, |ui| {
        for heading in ["Server", "Offers", "Router", "DNS", "Lease", "After"] {
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
