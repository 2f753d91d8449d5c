//! Test-only checks: they prove the engine's promises (a panic, a hang, a blocked
//! thread, planted secrets) with the real binary. Never in `registry()`; the CLI adds
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
    ]
}

/// Test checks by name (`pass`, `panic`, `sleep`, `block`, `slow`, `secrets`).
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

static METAS: LazyLock<[CheckMeta; 6]> = LazyLock::new(|| {
    [
        meta("test.pass", "Test: passes", 2_000),
        meta("test.panic", "Test: panics", 2_000),
        meta("test.sleep", "Test: sleeps past its timeout", 300),
        meta("test.block", "Test: blocks a thread past its timeout", 300),
        meta("test.slow", "Test: takes a second", 5_000),
        meta("test.secrets", "Test: collects text with secrets", 2_000),
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
                    .evidence("wpa_supplicant.conf", WPA)
                    .evidence("nmcli", NMCLI);
                Ok(CheckResult::new(vec![finding])
                    .with_data(serde_json::json!({ "config": WPA, "headers": HTTP, "nmcli": NMCLI }))
                    .attach(Attachment::text("wpa_supplicant.conf", WPA))
                    .attach(Attachment::text("http_exchange.txt", HTTP))
                    .attach(Attachment::text("nmcli.txt", NMCLI)))
            }
        }
    }
}
