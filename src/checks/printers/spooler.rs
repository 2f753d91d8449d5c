//! The Windows Print Spooler service: `printers.spooler` reads its state (any user may), and
//! `printers.spooler.restart` is the classic fix, an action that asks first. As with
//! cancelling jobs, the listed check restarts nothing: it says what would happen. A runner
//! that asked the user and got a yes builds the approved check (`restart_approved`). It
//! needs administrator rights, and without them says so plainly; it never asks Windows to
//! elevate (no UAC prompt from inside a check).

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::{blocking, meta};
use crate::checks::{Check, CheckBox, CheckCx, CheckError, CheckMeta, CheckResult, Needs};
use crate::i18n::{self, Lang};
use crate::model::{Category, Finding, Severity};
use crate::msg;
use crate::platform::spool::{self, ServiceError, ServiceState, SpoolerRestart, SpoolerService};

pub const SPOOLER_ID: &str = "printers.spooler";
pub const RESTART_SPOOLER_ID: &str = "printers.spooler.restart";

/// How long the restart may wait for the service to stop and start again.
const RESTART_WAIT: Duration = Duration::from_secs(40);

/// What the restart step shows before asking, word for word.
pub const RESTART_PLAN: &str = concat!(
    "deskcheck will stop the Windows Print Spooler service and start it again. ",
    "Printing stops for a few seconds; documents waiting in the queues stay and print afterwards. ",
    "This needs administrator rights: without them nothing is changed and deskcheck says so."
);

/// What the restart step shows before asking, in `lang` (`RESTART_PLAN` in English).
pub fn restart_plan_in(lang: Lang) -> String {
    i18n::tr(lang, "printers-restart-plan")
}

/// The next step for a stopped or stuck spooler, in `lang`.
pub fn restart_step(lang: Lang) -> String {
    i18n::tr(lang, "printers-restart-step")
}

/// Not available here, for the reason the OS layer gives.
fn unsupported(why: String) -> CheckError {
    CheckError::UnsupportedMsg(msg!("printers-spooler-unsupported", why = why))
}

pub struct SpoolerState;
static SPOOLER: LazyLock<CheckMeta> = LazyLock::new(|| {
    let mut m = meta(
        SPOOLER_ID,
        "Print Spooler service",
        "Whether the Windows Print Spooler service runs: every print job on Windows goes through it.",
        10,
    );
    m.needs = Needs { root: false, network: false };
    m
});

/// The findings for the spooler's state (pure, tested).
pub fn service_findings(s: &SpoolerService) -> Vec<Finding> {
    let f = match s.state {
        ServiceState::Running => Finding::msg(Severity::Pass, msg!("printers-spooler-running")),
        // The message words 1077 (ERROR_SERVICE_NEVER_STARTED) apart: not a crash; it was
        // never started (disabled, or set to start by hand).
        ServiceState::Stopped => match s.exit_code {
            Some(code) => Finding::msg(Severity::Fail, msg!("printers-spooler-stopped-code", code = code)),
            None => Finding::msg(Severity::Fail, msg!("printers-spooler-stopped")),
        },
        ServiceState::StartPending | ServiceState::ContinuePending => {
            Finding::msg(Severity::Warn, msg!("printers-spooler-starting"))
        }
        other => Finding::msg(Severity::Fail, msg!("printers-spooler-not-running", state = other.label())),
    };
    let mut f = f.evidence("Service", &s.name).evidence("State", s.state.label());
    if let Some(pid) = s.process_id {
        f = f.evidence("Process id", pid.to_string());
    }
    vec![f]
}

#[async_trait]
impl Check for SpoolerState {
    fn meta(&self) -> &CheckMeta {
        &SPOOLER
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        match blocking(spool::spooler_service).await? {
            Ok(s) => Ok(CheckResult::new(service_findings(&s)).with_data(s)),
            Err(ServiceError::Unsupported(why)) => Err(unsupported(why)),
            Err(e) => Err(CheckError::Failed(format!("could not read the Print Spooler's state: {e}"))),
        }
    }
}

/// What the restart step did, for the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestartData {
    /// What was shown before asking.
    pub plan: String,
    pub approved: bool,
    pub restart: Option<SpoolerRestart>,
    pub needs_admin: bool,
    pub error: Option<String>,
}

pub struct RestartSpooler {
    approved: bool,
}

static RESTART: LazyLock<CheckMeta> = LazyLock::new(|| CheckMeta {
    id: RESTART_SPOOLER_ID,
    title: "Restart the print spooler",
    category: Category::Printers,
    description: "Stops and starts the Windows Print Spooler service, only after the user approved it; needs administrator rights.",
    timeout: RESTART_WAIT + Duration::from_secs(5),
    needs: Needs { root: true, network: false },
});

/// The check as listed: restarts nothing, says what it would do.
pub fn restart_unapproved() -> CheckBox {
    Arc::new(RestartSpooler { approved: false })
}

/// The restart, after the user said yes to `RESTART_PLAN`.
pub fn restart_approved() -> CheckBox {
    Arc::new(RestartSpooler { approved: true })
}

/// The finding for a restart's outcome (pure, tested).
pub fn restart_findings(result: &Result<SpoolerRestart, ServiceError>) -> Vec<Finding> {
    let f = match result {
        Ok(r) => Finding::msg(
            Severity::Pass,
            if r.stopped_first { msg!("printers-restart-done") } else { msg!("printers-restart-started") },
        )
        .evidence("Before", r.before.label())
        .evidence("After", r.after.label()),
        Err(ServiceError::NeedsAdmin { what }) => {
            Finding::msg(Severity::Fail, msg!("printers-restart-needs-admin", what = *what))
        }
        Err(e) => Finding::msg(Severity::Fail, msg!("printers-restart-failed")).detail(e.to_string()),
    };
    vec![f]
}

#[async_trait]
impl Check for RestartSpooler {
    fn meta(&self) -> &CheckMeta {
        &RESTART
    }

    async fn run(&self, _cx: &CheckCx) -> Result<CheckResult, CheckError> {
        if !self.approved {
            // Reading the state first keeps "not available here" honest on other systems.
            if let Err(ServiceError::Unsupported(why)) = blocking(spool::spooler_service).await? {
                return Err(unsupported(why));
            }
            let f =
                Finding::msg(Severity::Info, msg!("printers-restart-unapproved")).evidence("Would do", RESTART_PLAN);
            let data = RestartData {
                plan: RESTART_PLAN.into(),
                approved: false,
                restart: None,
                needs_admin: true,
                error: None,
            };
            return Ok(CheckResult::new(vec![f]).with_data(data));
        }
        let result = blocking(|| spool::restart_spooler(RESTART_WAIT)).await?;
        if let Err(ServiceError::Unsupported(why)) = &result {
            return Err(unsupported(why.clone()));
        }
        let data = RestartData {
            plan: RESTART_PLAN.into(),
            approved: true,
            restart: result.as_ref().ok().cloned(),
            needs_admin: matches!(result, Err(ServiceError::NeedsAdmin { .. })),
            error: result.as_ref().err().map(ToString::to_string),
        };
        Ok(CheckResult::new(restart_findings(&result)).with_data(data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(state: ServiceState, exit_code: Option<u32>) -> SpoolerService {
        SpoolerService { name: "Spooler".into(), state, process_id: None, exit_code }
    }

    #[test]
    fn a_stopped_spooler_fails_and_says_restart_it() {
        let f = &service_findings(&service(ServiceState::Stopped, Some(1067)))[0];
        assert_eq!(f.severity, Severity::Fail);
        assert!(f.summary.contains("stopped") && f.summary.contains("1067"), "{}", f.summary);
        assert!(f.next_step.as_deref().unwrap().starts_with("Restart the print spooler"));
        let never = &service_findings(&service(ServiceState::Stopped, Some(1077)))[0];
        assert!(never.summary.ends_with("It has not been started since Windows started."), "{}", never.summary);
        assert_eq!(service_findings(&service(ServiceState::Running, None))[0].severity, Severity::Pass);
        assert_eq!(service_findings(&service(ServiceState::StartPending, None))[0].severity, Severity::Warn);
        assert_eq!(service_findings(&service(ServiceState::Paused, None))[0].severity, Severity::Fail);
    }

    #[test]
    fn spooler_findings_read_in_english_and_danish() {
        let f = &service_findings(&service(ServiceState::Stopped, Some(1067)))[0];
        assert_eq!(
            f.summary,
            "The Windows Print Spooler service is stopped, so nothing can print from this computer. It stopped with error 1067."
        );
        assert_eq!(f.next_step.as_deref(), Some(restart_step(Lang::En).as_str()));
        assert_eq!(
            f.summary_in(Lang::Da),
            "Windows-tjenesten Print Spooler er stoppet, så der kan ikke udskrives fra denne computer. Den stoppede med fejl 1067."
        );
        let plain = &service_findings(&service(ServiceState::Stopped, None))[0];
        assert_eq!(
            plain.summary,
            "The Windows Print Spooler service is stopped, so nothing can print from this computer."
        );
        let paused = &service_findings(&service(ServiceState::Paused, None))[0];
        assert_eq!(paused.summary, "The Windows Print Spooler service is paused, so printing does not work.");
        assert_eq!(
            paused.summary_in(Lang::Da),
            "Windows-tjenesten Print Spooler holder pause, så udskrivning virker ikke."
        );
        assert_eq!(restart_plan_in(Lang::En), RESTART_PLAN);
        assert!(restart_plan_in(Lang::Da).starts_with("deskcheck stopper Windows-tjenesten Print Spooler"));
        let admin = &restart_findings(&Err(ServiceError::NeedsAdmin { what: "stopping the Print Spooler" }))[0];
        assert_eq!(admin.detail.as_deref(), Some("stopping the Print Spooler was refused (access denied)"));
        assert_eq!(admin.title_in(Lang::Da), "Kræver administratorrettigheder");
    }

    #[test]
    fn without_admin_rights_the_restart_says_so_and_changes_nothing() {
        let f = &restart_findings(&Err(ServiceError::NeedsAdmin { what: "stopping the Print Spooler" }))[0];
        assert_eq!((f.severity, f.title.as_str()), (Severity::Fail, "Needs administrator rights"));
        assert!(f.summary.contains("needs administrator rights") && f.summary.contains("Nothing was changed"));
        let ok = SpoolerRestart { before: ServiceState::Running, after: ServiceState::Running, stopped_first: true };
        assert_eq!(restart_findings(&Ok(ok))[0].severity, Severity::Pass);
    }
}
