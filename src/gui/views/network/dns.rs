//! The DNS card: one table per server (name, type, status, answer, latency), whether it
//! answers at all, in words, and whether it rewrites NXDOMAIN answers; then reverse lookups.

use eframe::egui::{Grid, RichText, Ui};

use super::{fallback_ui, ms, status_line, typed};
use crate::checks::network::DnsData;
use crate::gui::widgets::severity_color;
use crate::model::{Report, Severity};
use crate::net::dns::{DnsAnswer, DnsServerReport, DnsStatus};

/// A DNS status with its meaning, for people who do not know the codes.
fn status_words(status: &DnsStatus) -> (Severity, String) {
    match status {
        DnsStatus::NoError => (Severity::Pass, "✔ NOERROR".into()),
        DnsStatus::NxDomain => (Severity::Warn, "⚠ NXDOMAIN (no such name)".into()),
        DnsStatus::ServFail => (Severity::Fail, "✖ SERVFAIL (server failure)".into()),
        DnsStatus::Refused => (Severity::Fail, "✖ REFUSED".into()),
        DnsStatus::Timeout => (Severity::Fail, "✖ TIMEOUT (no answer)".into()),
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
    let Some(data) = typed::<DnsData>(report, "net.dns.resolve") else {
        fallback_ui(ui, report, "net.dns.resolve");
        return;
    };
    if data.servers.is_empty() {
        status_line(ui, Severity::Fail, "No DNS server is configured on this computer.");
    }
    for (index, server) in data.servers.iter().enumerate() {
        server_ui(ui, index, server);
        ui.add_space(8.0);
    }
    if !data.reverse.is_empty() {
        ui.label(RichText::new("Reverse lookups (the name of each address)").strong());
        for answer in &data.reverse {
            ui.label(format!("{}: {}", answer.name, answer_text(answer)));
        }
    }
}

fn server_ui(ui: &mut Ui, index: usize, server: &DnsServerReport) {
    let headline = if server.responding {
        let average = server.avg_latency_ms.map(|l| format!(", {l:.0} ms on average")).unwrap_or_default();
        (Severity::Pass, format!("{} — answers{average}", server.label))
    } else {
        (Severity::Fail, format!("{} — NOT RESPONDING: no answer to any question", server.label))
    };
    status_line(ui, headline.0, headline.1);
    Grid::new(("dns-table", index)).striped(true).num_columns(5).spacing([16.0, 3.0]).show(ui, |ui| {
        for heading in ["Name", "Type", "Status", "Answer", "Latency ms"] {
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
                format!(
                    "NXDOMAIN rewriting: asked for the made-up name {}, {} answered {} instead of “no such name”.",
                    nx.name,
                    server.label,
                    nx.values.join(", ")
                ),
            );
        } else if nx.status == DnsStatus::NxDomain {
            status_line(ui, Severity::Pass, "No NXDOMAIN rewriting: a made-up name gets “no such name”.");
        } else {
            ui.label(format!("Made-up name {}: {}", nx.name, status_words(&nx.status).1));
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
