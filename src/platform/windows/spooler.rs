//! The Print Spooler service: its state through the service manager (`OpenSCManagerW` with
//! SC_MANAGER_CONNECT and `QueryServiceStatusEx`, which every user may do), and the
//! restart, which only an administrator may do: the service is opened with stop and start
//! rights, and a refusal is reported as "needs administrator rights". Nothing here asks for
//! elevation (no UAC prompt from inside a check).

use std::ptr::null;
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_SERVICE_ALREADY_RUNNING, ERROR_SERVICE_NOT_ACTIVE};
use windows_sys::Win32::System::Services::{
    CloseServiceHandle, ControlService, OpenSCManagerW, OpenServiceW, QueryServiceStatusEx, SC_HANDLE,
    SC_MANAGER_CONNECT, SC_STATUS_PROCESS_INFO, SERVICE_CONTROL_STOP, SERVICE_QUERY_STATUS, SERVICE_START,
    SERVICE_STATUS, SERVICE_STATUS_PROCESS, SERVICE_STOP, StartServiceW,
};

use super::printers::{last_error, wide};
use crate::platform::spool::{ServiceError, ServiceState, SpoolerRestart, SpoolerService};

/// The Print Spooler's service key name.
pub const SPOOLER: &str = "Spooler";

/// A service-manager handle closed when dropped.
struct Handle(SC_HANDLE);

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: the handle came from OpenSCManagerW/OpenServiceW and is closed once.
        unsafe { CloseServiceHandle(self.0) };
    }
}

fn call_error(call: &'static str) -> ServiceError {
    let (code, message) = last_error();
    ServiceError::Call { call, code, message, service: SPOOLER.into() }
}

fn open(access: u32, what: &'static str) -> Result<(Handle, Handle), ServiceError> {
    // SAFETY: null machine and database: the local service manager.
    let manager = unsafe { OpenSCManagerW(null(), null(), SC_MANAGER_CONNECT) };
    if manager.is_null() {
        return Err(call_error("OpenSCManagerW"));
    }
    let manager = Handle(manager);
    let name = wide(SPOOLER);
    // SAFETY: the manager handle is open; name is NUL-terminated.
    let service = unsafe { OpenServiceW(manager.0, name.as_ptr(), access) };
    if service.is_null() {
        let (code, message) = last_error();
        if code == ERROR_ACCESS_DENIED {
            return Err(ServiceError::NeedsAdmin { what });
        }
        return Err(ServiceError::Call { call: "OpenServiceW", code, message, service: SPOOLER.into() });
    }
    Ok((manager, Handle(service)))
}

fn query(service: &Handle) -> Result<SpoolerService, ServiceError> {
    let mut status = SERVICE_STATUS_PROCESS::default();
    let mut needed = 0u32;
    // SAFETY: the buffer is one SERVICE_STATUS_PROCESS, its size given.
    let ok = unsafe {
        QueryServiceStatusEx(
            service.0,
            SC_STATUS_PROCESS_INFO,
            (&mut status as *mut SERVICE_STATUS_PROCESS).cast::<u8>(),
            size_of::<SERVICE_STATUS_PROCESS>() as u32,
            &mut needed,
        )
    };
    if ok == 0 {
        return Err(call_error("QueryServiceStatusEx"));
    }
    Ok(service_from_status(&status))
}

/// The spooler's state, as any user may read it.
pub fn service() -> Result<SpoolerService, ServiceError> {
    let (_manager, service) = open(SERVICE_QUERY_STATUS, "reading the Print Spooler's state")?;
    query(&service)
}

/// Converts SERVICE_STATUS_PROCESS (tested on recorded values).
pub fn service_from_status(s: &SERVICE_STATUS_PROCESS) -> SpoolerService {
    SpoolerService {
        name: SPOOLER.into(),
        state: ServiceState::from_code(s.dwCurrentState),
        process_id: (s.dwProcessId != 0).then_some(s.dwProcessId),
        exit_code: (s.dwWin32ExitCode != 0).then_some(s.dwWin32ExitCode),
    }
}

fn wait_for(
    service: &Handle,
    wanted: ServiceState,
    by: Instant,
    waited: Duration,
) -> Result<ServiceState, ServiceError> {
    loop {
        let now = query(service)?.state;
        if now == wanted {
            return Ok(now);
        }
        if Instant::now() >= by {
            return Err(ServiceError::Timeout {
                service: SPOOLER.into(),
                wanted: wanted.label(),
                waited_s: waited.as_secs(),
                now: now.label(),
            });
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Stops the spooler (when it runs) and starts it again, within `timeout`. Refused without
/// administrator rights: the caller says so plainly; no elevation is ever requested here.
pub fn restart(timeout: Duration) -> Result<SpoolerRestart, ServiceError> {
    let (_manager, service) =
        open(SERVICE_QUERY_STATUS | SERVICE_STOP | SERVICE_START, "stopping and starting the Print Spooler")?;
    let by = Instant::now() + timeout;
    let before = query(&service)?.state;
    let mut stopped_first = false;
    if before != ServiceState::Stopped {
        let mut status = SERVICE_STATUS::default();
        // SAFETY: the service handle has SERVICE_STOP; status is written by the call.
        if unsafe { ControlService(service.0, SERVICE_CONTROL_STOP, &mut status) } == 0 {
            let (code, message) = last_error();
            match code {
                ERROR_ACCESS_DENIED => return Err(ServiceError::NeedsAdmin { what: "stopping the Print Spooler" }),
                // It stopped by itself in the meantime: start it.
                ERROR_SERVICE_NOT_ACTIVE => {}
                _ => return Err(ServiceError::Call { call: "ControlService", code, message, service: SPOOLER.into() }),
            }
        }
        stopped_first = true;
        wait_for(&service, ServiceState::Stopped, by, timeout)?;
    }
    // SAFETY: the service handle has SERVICE_START; no arguments.
    if unsafe { StartServiceW(service.0, 0, null()) } == 0 {
        let (code, message) = last_error();
        match code {
            ERROR_ACCESS_DENIED => return Err(ServiceError::NeedsAdmin { what: "starting the Print Spooler" }),
            ERROR_SERVICE_ALREADY_RUNNING => {}
            _ => return Err(ServiceError::Call { call: "StartServiceW", code, message, service: SPOOLER.into() }),
        }
    }
    let after = wait_for(&service, ServiceState::Running, by, timeout)?;
    Ok(SpoolerRestart { before, after, stopped_first })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SERVICE_STATUS_PROCESS with the values `sc queryex Spooler` prints on Windows 11 (TYPE
    /// 110 WIN32_OWN_PROCESS INTERACTIVE, STATE 4 RUNNING, a PID), stopped, and stopped by a
    /// crash (exit code 1067, "the process terminated unexpectedly").
    #[test]
    fn recorded_service_status_converts() {
        let running = SERVICE_STATUS_PROCESS {
            dwServiceType: 0x110,
            dwCurrentState: 4,
            dwControlsAccepted: 1,
            dwProcessId: 3184,
            ..SERVICE_STATUS_PROCESS::default()
        };
        let s = service_from_status(&running);
        assert_eq!((s.state, s.process_id, s.exit_code), (ServiceState::Running, Some(3184), None));
        let stopped =
            SERVICE_STATUS_PROCESS { dwServiceType: 0x110, dwCurrentState: 1, ..SERVICE_STATUS_PROCESS::default() };
        let s = service_from_status(&stopped);
        assert_eq!((s.state, s.process_id), (ServiceState::Stopped, None));
        let crashed =
            SERVICE_STATUS_PROCESS { dwCurrentState: 1, dwWin32ExitCode: 1067, ..SERVICE_STATUS_PROCESS::default() };
        assert_eq!(service_from_status(&crashed).exit_code, Some(1067));
    }
}
