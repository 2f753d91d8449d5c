//! The DNS card: one table per server (name, type, status, answer, latency), whether it
//! answers at all, in words, and whether it rewrites NXDOMAIN answers; then reverse lookups.

use eframe::egui::{Grid, RichText, Ui};

use super::{fallback_ui, ms, status_line, typed};
use crate::checks::network::DnsData;
use crate::gui::widgets::severity_color;
use crate::model::{Report, Severity};
use crate::net::dns::{DnsAnswer, DnsServerReport, DnsStatus};
use crate::t;

/// A DNS status with its meaning, for people who do not know the codes.
fn status_words(status: &DnsStatus) -> (Severity, String) {
    match status {
        DnsStatus::NoError => (Severity::Pass, "✔ NOERROR".into()),
        DnsStatus::NxDomain => (Severity::Warn, t!("netview-dns-nxdomain")),
        DnsStatus::ServFail => (Severity::Fail, t!("netview-dns-servfail")),
        DnsStatus::Refused => (Severity::Fail, "✖ REFUSED".into()),
        DnsStatus::Timeout => (Severity::Fail, t!("netview-dns-timeout")),
        DnsStatus::Other(code) => (Severity::Warn, format!("⚠ {code}")),
    }
}

fn answer_text(answer: &DnsAnswer) -> String {
    if answer.values.is_empty() {
        answer.error.clone().unwrap_or_else(|| "—".into())
    } else {
        answer.values.join(", ")
    }
}

pub fn dns_ui(ui: &mut Ui, report: &Report) {
    let Some(data) = typed::<DnsData>(ui, report) else {
        fallback_ui(ui, report, "net.dns.resolve");
        return;
    };
    if data.servers.is_empty() {
        status_line(ui, Severity::Fail, t!("netview-dns-no-server"));
    }
    for (index, server) in data.servers.iter().enumerate() {
        server_ui(ui, index, server);
        ui.add_space(8.0);
    }
    if !data.reverse.is_empty() {
        ui.label(RichText::new(t!("netview-dns-reverse")).strong());
        for answer in &data.reverse {
            ui.label(format!("{}: {}", answer.name, answer_text(answer)));
        }
    }
}

fn server_ui(ui: &mut Ui, index: usize, server: &DnsServerReport) {
    let headline = match (server.responding, server.avg_latency_ms) {
        (true, Some(l)) => {
            (Severity::Pass, t!("netview-dns-answers-avg", server = server.label.as_str(), ms = format!("{l:.0}")))
        }
        (true, None) => (Severity::Pass, t!("netview-dns-answers", server = server.label.as_str())),
        (false, _) => (Severity::Fail, t!("netview-dns-not-responding", server = server.label.as_str())),
    };
    status_line(ui, headline.0, headline.1);
    Grid::new(("dns-table", index)).striped(true).num_columns(5).spacing([16.0, 3.0]).show(ui, |ui| {
        let headings = [
            t!("netview-dns-col-name"),
            t!("netview-dns-col-type"),
            t!("netview-dns-col-status"),
            t!("netview-dns-col-answer"),
            t!("netview-dns-col-latency"),
        ];
        for heading in headings {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for answer in &server.answers {
            ui.label(&answer.name);
            ui.label(&answer.record_type);
            let (severity, words) = status_words(&answer.status);
            ui.label(RichText::new(words).color(severity_color(severity, ui.visuals())));
            ui.label(answer_text(answer));
            ui.label(RichText::new(ms(answer.latency_ms)).monospace());
            ui.end_row();
        }
    });
    if let Some(nx) = &server.nx_probe {
        if nx.hijacked {
            status_line(
                ui,
                Severity::Warn,
                t!(
                    "netview-dns-hijacked",
                    name = nx.name.as_str(),
                    server = server.label.as_str(),
                    values = nx.values.join(", ")
                ),
            );
        } else if nx.status == DnsStatus::NxDomain {
            status_line(ui, Severity::Pass, t!("netview-dns-not-hijacked"));
        } else {
            ui.label(t!("netview-dns-made-up", name = nx.name.as_str(), status = status_words(&nx.status).1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_carry_their_meaning() {
        assert_eq!(status_words(&DnsStatus::Timeout).1, "✖ TIMEOUT (no answer)");
        assert_eq!(status_words(&DnsStatus::NxDomain).0, Severity::Warn);
        assert_eq!(status_words(&DnsStatus::Other("BADVERS".into())).1, "⚠ BADVERS");
    }
}
