//! The interface and lease card: which adapter, its addresses, router and DNS servers,
//! and the DHCP lease behind the address (server, obtained, renews, expires, time left).

use chrono::{DateTime, Utc};
use eframe::egui::{Grid, RichText, Ui};

use super::{fallback_ui, run, typed};
use crate::checks::network::{LeaseData, LinkData};
use crate::checks::system::human_duration;
use crate::model::Report;
use crate::platform::InterfaceInfo;
use crate::{i18n, t};

fn join<T: ToString>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn when(time: Option<DateTime<Utc>>) -> String {
    time.map_or_else(|| "—".to_string(), |t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
}

/// "100 Mbit/s", "1 Gbit/s".
fn speed(bps: u64) -> String {
    if bps >= 1_000_000_000 && bps.is_multiple_of(1_000_000_000) {
        format!("{} Gbit/s", bps / 1_000_000_000)
    } else {
        format!("{} Mbit/s", bps / 1_000_000)
    }
}

fn adapter(info: &InterfaceInfo) -> String {
    let mut text = match &info.friendly_name {
        Some(friendly) => format!("{friendly} ({})", info.name),
        None => info.name.clone(),
    };
    text.push_str(&format!(" · {} · {}", info.kind, info.state));
    if let Some(bps) = info.speed_bps.filter(|b| *b > 0) {
        text.push_str(&format!(" · {}", speed(bps)));
    }
    text
}

pub fn interface_ui(ui: &mut Ui, report: &Report) {
    let link: Option<LinkData> = typed(ui, report);
    let lease: Option<LeaseData> = typed(ui, report);
    if link.is_none() && lease.is_none() {
        fallback_ui(ui, report, "net.link.status");
        if run(report, "net.dhcp.lease").is_some() {
            fallback_ui(ui, report, "net.dhcp.lease");
        }
        return;
    }
    let primary = link.as_ref().and_then(|l| {
        let name = l.primary.as_deref().or(lease.as_ref().and_then(|d| d.interface.as_deref()))?;
        l.interfaces.iter().find(|i| i.name == name)
    });
    let mut rows: Vec<(String, String)> = Vec::new();
    match (primary, lease.as_ref().and_then(|d| d.interface.clone())) {
        (Some(info), _) => rows.push((t!("netview-row-adapter"), adapter(info))),
        (None, Some(name)) => rows.push((t!("netview-row-adapter"), name)),
        (None, None) => rows.push((t!("netview-row-adapter"), t!("netview-no-adapter"))),
    }
    if let Some(mac) = primary.and_then(|i| i.mac.clone()) {
        rows.push((t!("netview-row-mac"), mac));
    }
    let ipv4 = lease.as_ref().map(|d| d.ipv4.clone()).or(primary.map(|i| i.ipv4.clone())).unwrap_or_default();
    rows.push((t!("netview-row-ipv4"), if ipv4.is_empty() { t!("netview-none") } else { ipv4.join(", ") }));
    let ipv6 = lease.as_ref().map(|d| d.ipv6.clone()).or(primary.map(|i| i.ipv6.clone())).unwrap_or_default();
    if !ipv6.is_empty() {
        rows.push((t!("netview-row-ipv6"), ipv6.join(", ")));
    }
    let lease_record = lease.as_ref().and_then(|d| d.lease.as_ref());
    let router = primary
        .map(|i| join(&i.gateway_ipv4))
        .filter(|r| !r.is_empty())
        .or(lease_record.map(|l| join(&l.routers)).filter(|r| !r.is_empty()));
    rows.push((t!("netview-row-router"), router.unwrap_or_else(|| t!("netview-none"))));
    let dns = primary
        .map(|i| join(&i.dns_servers))
        .filter(|d| !d.is_empty())
        .or(lease_record.map(|l| join(&l.dns_servers)).filter(|d| !d.is_empty()));
    rows.push((t!("netview-row-dns-servers"), dns.unwrap_or_else(|| t!("netview-none"))));
    match (lease.as_ref(), lease_record) {
        (Some(data), Some(l)) => {
            rows.push((t!("netview-row-dhcp-server"), l.server.map_or_else(|| "—".to_string(), |s| s.to_string())));
            rows.push((t!("netview-row-lease-obtained"), when(l.obtained)));
            rows.push((t!("netview-row-renews"), when(l.renew)));
            rows.push((t!("netview-row-expires"), when(l.expiry)));
            if let Some(secs) = data.remaining_secs {
                let left = if secs <= 0 { t!("netview-lease-expired") } else { human_duration(secs as u64) };
                rows.push((t!("netview-row-time-remaining"), t!("netview-when-checked", left = left)));
            }
            if let Some(secs) = l.lease_time_secs {
                rows.push((t!("netview-row-lease-time"), human_duration(secs)));
            }
            if let Some(domain) = &l.domain {
                rows.push((t!("netview-row-domain"), domain.clone()));
            }
            rows.push((t!("netview-row-recorded-by"), format!("{} ({})", l.client, l.source)));
        }
        (Some(data), None) => rows.push((
            t!("netview-row-dhcp-lease"),
            data.lease_source_note.clone().unwrap_or_else(|| t!("netview-no-lease-record")),
        )),
        (None, _) => {}
    }
    Grid::new("network-interface").num_columns(2).spacing([18.0, 4.0]).show(ui, |ui| {
        for (label, value) in rows {
            ui.label(RichText::new(label).strong());
            ui.label(value);
            ui.end_row();
        }
    });
    // The ladder's words for these two layers, when they found something to say.
    for id in ["net.link.status", "net.dhcp.lease"] {
        if let Some(r) = run(report, id) {
            super::outcome_ui(ui, r);
            for f in r.findings.iter().filter(|f| f.severity >= crate::model::Severity::Warn) {
                super::status_line(ui, f.severity, f.summary_in(i18n::current()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_read_well() {
        assert_eq!(speed(1_000_000_000), "1 Gbit/s");
        assert_eq!(speed(100_000_000), "100 Mbit/s");
        assert_eq!(speed(2_500_000_000), "2500 Mbit/s");
    }
}
