//! Test-only checks: they prove the engine's promises (a panic, a hang, a blocked
//! thread, planted secrets, the redaction corpus) with the real binary. Never in `registry()`; the CLI adds
//! them only through the hidden `--test-checks` flag.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use async_trait::async_trait;

use super::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::model::{Attachment, Category, Finding, Severity};

/// The secrets planted by `test.secrets`, for tests that assert they never leak.
pub const PLANTED_SECRETS: &[&str] = &[
    "Planted-PSK-hunter2-7731",
    "Planted-Password-swordfish-4410",
    "PlantedBearerToken.eyJhbGciOi.x9f3kq",
    "PlantedSessionCookie0xdeadbeef",
    "PlantedApiKey-3c1f9a",
    "PlantedUrlPassword99",
    "PlantedNmcliPsk-5521",
    "PlantedEapPassword-8812",
    "PlantedVpnSecret-1209",
    "PlantedGenericToken-7777",
    "PlantedClientSecret-6060",
];

/// Where and how the corpus check plants the strict-privacy items (host names under the
/// LAN's domain, users, addresses, MACs, serials, print jobs): `tests/redaction_corpus.rs`
/// asserts none of them survives a strict bundle. The secrets are in the fixture files.
pub const CORPUS_IDENTITY: &[&str] = &[
    "office.lan",
    "rtr-core7",
    "nas-fin2",
    "cportal9",
    "192.168.50.1",
    "192.168.50.20",
    "192.168.50.21",
    "192.168.50.77",
    "198.18.0.10",
    "2001:db8:50::20",
    "fe80::3e22:fbff:fe12:3456",
    "fbff",
    "3c:22:fb:12:34:56",
    "3C-22-FB-65-43-21",
    "3c22.fb00.0001",
    "3c22fb0a0b0c",
    "0013eff10203",
    "3c22fb777777",
    "X9R5K8864M1E",
    "USBSER0042CX",
    "mallory",
    "Salaries Q3 final.pdf",
    "Salaries",
    "Performance review",
    "dkowalski",
    "mmuster",
    "aozturk",
    "Jürgen",
];

/// The redaction corpus: secrets in every common form, one or more per line.
pub const CORPUS: &str = include_str!("../../tests/fixtures/secrets/corpus.txt");
/// A real EDID with a serial number (numeric and text): zeroed in strict bundles.
const EDID_WITH_SERIAL: &[u8] = include_bytes!("../../tests/fixtures/edid/dell-d3218hn.bin");

const WPA: &str = include_str!("../../tests/fixtures/secrets/wpa_supplicant.conf");
const HTTP: &str = include_str!("../../tests/fixtures/secrets/http_exchange.txt");
const NMCLI: &str = include_str!("../../tests/fixtures/secrets/nmcli_secrets.txt");

pub fn checks() -> Vec<CheckBox> {
    vec![
        Arc::new(Behaviour::Pass),
        Arc::new(Behaviour::Panic),
        Arc::new(Behaviour::Sleep),
        Arc::new(Behaviour::Block),
        Arc::new(Behaviour::Slow),
        Arc::new(Behaviour::Secrets),
        Arc::new(Behaviour::Corpus),
    ]
}

/// Test checks by name (`pass`, `panic`, `sleep`, `block`, `slow`, `secrets`, `corpus`).
pub fn by_names(names: &[String]) -> Result<Vec<CheckBox>, String> {
    let all = checks();
    names
        .iter()
        .map(|n| {
            let id = format!("test.{}", n.trim());
            all.iter().find(|c| c.meta().id == id).cloned().ok_or_else(|| format!("unknown test check '{n}'"))
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Behaviour {
    Pass,
    Panic,
    Sleep,
    Block,
    Slow,
    Secrets,
    Corpus,
}

fn meta(id: &'static str, title: &'static str, timeout_ms: u64) -> CheckMeta {
    CheckMeta {
        id,
        title,
        category: Category::System,
        description: "A test-only check that exercises the engine.",
        timeout: Duration::from_millis(timeout_ms),
        needs: Needs::default(),
    }
}

static METAS: LazyLock<[CheckMeta; 7]> = LazyLock::new(|| {
    [
        meta("test.pass", "Test: passes", 2_000),
        meta("test.panic", "Test: panics", 2_000),
        meta("test.sleep", "Test: sleeps past its timeout", 300),
        meta("test.block", "Test: blocks a thread past its timeout", 300),
        meta("test.slow", "Test: takes a second", 5_000),
        meta("test.secrets", "Test: collects text with secrets", 2_000),
        meta("test.corpus", "Test: quotes the redaction corpus and everything the user gave", 2_000),
    ]
});

#[async_trait]
impl Check for Behaviour {
    fn meta(&self) -> &CheckMeta {
        &METAS[*self as usize]
    }

    async fn run(&self, cx: &CheckCx) -> Result<CheckResult, CheckError> {
        match self {
            Behaviour::Pass => {
                Ok(CheckResult::new(vec![Finding::new(Severity::Pass, "All good", "The test check passed.")]))
            }
            Behaviour::Panic => panic!("test check panicked on purpose"),
            Behaviour::Sleep => {
                tokio::time::sleep(Duration::from_secs(30)).await;
                Ok(CheckResult::default())
            }
            Behaviour::Block => {
                // A probe stuck in a blocking call: the timeout must still hold.
                tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_secs(30)))
                    .await
                    .map_err(|e| CheckError::Failed(e.to_string()))?;
                Ok(CheckResult::default())
            }
            Behaviour::Slow => {
                for step in 1..=4 {
                    cx.progress(&format!("step {step} of 4"));
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Ok(CheckResult::new(vec![Finding::new(Severity::Pass, "Slow but fine", "The slow test check passed.")]))
            }
            Behaviour::Secrets => {
                // Secrets reach every place collected text can go: log, findings, evidence, raw files.
                tracing::info!("collected wifi config: {}", WPA.replace('\n', " "));
                tracing::info!("collected http exchange: {}", HTTP.replace('\n', " "));
                let finding = Finding::new(Severity::Warn, "Collected configuration", "Configuration was collected.")
                    .detail(format!("{NMCLI}\n{HTTP}"))
                    .quote("wpa_supplicant.conf", WPA)
                    .quote("nmcli", NMCLI);
                Ok(CheckResult::new(vec![finding])
                    .with_raw_data(serde_json::json!({ "config": WPA, "headers": HTTP, "nmcli": NMCLI }))
                    .attach(Attachment::text("wpa_supplicant.conf", WPA))
                    .attach(Attachment::text("http_exchange.txt", HTTP))
                    .attach(Attachment::text("nmcli.txt", NMCLI)))
            }
            Behaviour::Corpus => Ok(corpus(cx)),
        }
    }
}

/// Evidence quoted the way a real check would. Test-only checks are never shown to a user
/// (the CLI adds them only behind a hidden flag), so their labels, which imitate those of
/// the network and printer checks, need no messages of their own.
trait Quote {
    fn quote(self, label: &str, value: impl Into<String>) -> Self;
}

impl Quote for Finding {
    fn quote(self, label: &str, value: impl Into<String>) -> Self {
        self.evidence(label, value)
    }
}

/// Quotes everything a real check might: the corpus, the configured URLs, printer URIs
/// and paths (as the network and printer checks would), the users from the environment,
/// and a site's identity (LAN names, addresses, MACs, serials, other people's print jobs)
/// in findings, evidence, structured data, the log, text attachments named after a printer
/// URI, an xrandr-style EDID hex dump and a binary EDID.
fn corpus(cx: &CheckCx) -> CheckResult {
    let config = &cx.config;
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    let (user, sudo_user, home) = (env("USER"), env("SUDO_USER"), env("HOME"));
    let checklists = config.checklists_dir.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
    let printer_uri = "ipp://192.168.50.20:631/ipp/print";
    let printer_name = "Lab password=Cx57PrinterNamePw";
    tracing::info!("corpus collected: {}", CORPUS.replace('\n', " "));
    tracing::info!(?config.targets.http_urls, captive = %config.targets.captive_portal.url, "configured targets");
    tracing::info!(printers = ?config.printers.uris, lease_files = ?config.network.dhcp_lease_files, "configured printers");
    tracing::info!("run by {user} (sudo from {sudo_user}), home {home}, checklists {checklists}");

    let mut corpus = Finding::new(Severity::Warn, "Collected configuration", "Configuration was collected.")
        .detail(CORPUS)
        .quote("User", &user)
        .quote("Sudo user", &sudo_user)
        .quote("Home", &home)
        .quote("Checklists", &checklists)
        .quote("Captive portal", &config.targets.captive_portal.url);
    // One evidence per line, as a check quoting a config would; a key block is quoted whole.
    let mut block = String::new();
    for (i, line) in CORPUS.lines().enumerate() {
        if line.starts_with("-----BEGIN") || !block.is_empty() {
            block.push_str(line);
            block.push('\n');
            if line.starts_with("-----END") {
                corpus = corpus.evidence(format!("corpus line {}", i + 1), std::mem::take(&mut block));
            }
            continue;
        }
        corpus = corpus.evidence(format!("corpus line {}", i + 1), line);
    }
    for url in &config.targets.http_urls {
        corpus = corpus.quote("HTTP URL", url);
    }
    for uri in &config.printers.uris {
        corpus = corpus.quote("Printer URI", uri);
    }
    for file in &config.network.dhcp_lease_files {
        corpus = corpus.quote("Lease file", file);
    }
    let site = Finding::new(
        Severity::Warn,
        "Site",
        format!("Job 41 'Salaries Q3 final.pdf' by mallory is held on {printer_name} at {printer_uri}."),
    )
    .detail(
        "rtr-core7.office.lan (192.168.50.1, 3c:22:fb:12:34:56, 3C-22-FB-65-43-21, 3c22.fb00.0001) answers; \
         nas-fin2.office.lan at 2001:db8:50::20 and fe80::3e22:fbff:fe12:3456; enx3c22fb0a0b0c up; \
         wlx0013eff10203 down; mac=3c22fb777777; address 192.168.50.77 from 192.168.50.1\n\
         Monitor on HDMI-1: serial X9R5K8864M1E. USB security key: SerialNumber=USBSER0042CX\n\
         Files under /media/mmuster/USB, /home/aozturk/Documents and C:\\Users\\Jürgen\\Desktop",
    )
    .quote("Serial", "X9R5K8864M1E")
    .quote("Printer", printer_name);
    let data = serde_json::json!({
        "corpus": CORPUS,
        "api_key": "Cx47ApiKey",
        "config": {
            "http_urls": config.targets.http_urls,
            "captive_portal": config.targets.captive_portal.url,
            "printer_uris": config.printers.uris,
            "lease_files": config.network.dhcp_lease_files,
            "checklists_dir": checklists,
        },
        "lease": {
            "interface": "enx3c22fb0a0b0c", "domain": "office.lan", "address": "192.168.50.77",
            "routers": ["192.168.50.1"], "source": "/home/CORP/dkowalski/leases/dhclient.leases",
        },
        "printers": [{
            "uri": printer_uri, "name": printer_name, "location": "nas-fin2.office.lan",
            "jobs": [
                {"id": 41, "name": "Salaries Q3 final.pdf", "user": "mallory", "state": "held"},
                {"id": 42, "name": "Performance review dkowalski.docx", "user": user, "state": "pending"},
            ],
        }],
        "monitors": [{"connector": "HDMI-1", "serial": "X9R5K8864M1E"}],
        "usb": [{"product_name": "Security key", "serial": "USBSER0042CX"}],
        "interfaces": [
            {"name": "enx3c22fb0a0b0c", "mac": "3c:22:fb:0a:0b:0c"},
            {"name": "wlx0013eff10203", "mac": "0013eff10203"},
        ],
    });
    let ipp = format!(
        "printer-uri-supported (uri) = {printer_uri}\nprinter-name (nameWithoutLanguage) = {printer_name}\n\
         job-name (nameWithoutLanguage) = Salaries Q3 final.pdf\njob-originating-user-name (name) = mallory\n"
    );
    let hex: String = EDID_WITH_SERIAL[..128]
        .chunks(16)
        .map(|line| format!("\t\t{}\n", line.iter().map(|b| format!("{b:02x}")).collect::<String>()))
        .collect();
    // Named from each configured printer URI the way the printer checks name their raw
    // attributes: a password in the URI ends up mangled in the file name.
    let mut result = CheckResult::new(vec![corpus, site]);
    for uri in &config.printers.uris {
        let mangled: String =
            uri.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
        result = result.attach(Attachment::text(
            format!("{}.txt", mangled.trim_matches('_')),
            format!("printer-uri (uri) = {uri}\n"),
        ));
    }
    result
        .with_raw_data(data)
        .attach(Attachment::text("corpus.txt", CORPUS))
        .attach(Attachment::text("ipp___192.168.50.20_631_ipp_print.txt", ipp))
        .attach(Attachment::text("ipp___fe80__3e22_fbff_fe12_3456_631_ipp_print.txt", "printer-state (enum) = idle\n"))
        .attach(Attachment::text(
            "enx3c22fb0a0b0c.lease",
            "lease {\n  interface \"enx3c22fb0a0b0c\";\n  option domain-name \"office.lan\";\n}\n",
        ))
        .attach(Attachment::text(
            "xrandr.txt",
            format!("HDMI-1 connected primary 1920x1080+0+0\n\tEDID: \n{hex}\tBrightness: 1.0\n"),
        ))
        .attach(Attachment::binary("HDMI-1.edid.bin", EDID_WITH_SERIAL.to_vec()))
}
