//! Processor use on Windows from `GetSystemTimes`, sampled twice.
//!
//! sysinfo reads it through PDH performance counters, which fail on machines whose counter
//! registry is damaged (a common state that `lodctr /R` repairs) and, when they fail, ask PDH to
//! reload every counter object, which wine does not implement (the process aborts).
//! `GetSystemTimes` is one always-available call: idle, kernel and user time of all processors.

use std::time::Duration;

use windows_sys::Win32::Foundation::FILETIME;
use windows_sys::Win32::System::Threading::GetSystemTimes;

use crate::platform::Unsupported;

/// Idle, kernel (which includes idle) and user time of all processors, in 100 ns units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SystemTimes {
    pub idle: u64,
    pub kernel: u64,
    pub user: u64,
}

fn ticks(t: FILETIME) -> u64 {
    (u64::from(t.dwHighDateTime) << 32) | u64::from(t.dwLowDateTime)
}

fn system_times() -> Result<SystemTimes, Unsupported> {
    let zero = FILETIME { dwLowDateTime: 0, dwHighDateTime: 0 };
    let (mut idle, mut kernel, mut user) = (zero, zero, zero);
    // SAFETY: three valid out-pointers to FILETIME, as the function documents.
    let ok = unsafe { GetSystemTimes(&mut idle, &mut kernel, &mut user) };
    if ok == 0 {
        return Err(Unsupported(format!("GetSystemTimes failed: {}", std::io::Error::last_os_error())));
    }
    Ok(SystemTimes { idle: ticks(idle), kernel: ticks(kernel), user: ticks(user) })
}

/// Busy share between two samples: everything that was not idle, out of all processor time.
pub fn busy_percent(before: SystemTimes, after: SystemTimes) -> Option<f32> {
    let idle = after.idle.checked_sub(before.idle)?;
    let total = after.kernel.checked_sub(before.kernel)? + after.user.checked_sub(before.user)?;
    if total == 0 {
        return None;
    }
    Some((100.0 * (1.0 - idle as f64 / total as f64)).clamp(0.0, 100.0) as f32)
}

pub fn cpu_usage_percent(window: Duration) -> Result<f32, Unsupported> {
    let before = system_times()?;
    std::thread::sleep(window);
    let after = system_times()?;
    Ok(busy_percent(before, after).unwrap_or(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_is_what_is_not_idle() {
        let a = SystemTimes { idle: 1_000, kernel: 2_000, user: 1_000 };
        // 400 of 1,000 ticks idle (kernel 600 incl. idle + user 400).
        let b = SystemTimes { idle: 1_400, kernel: 2_600, user: 1_400 };
        assert_eq!(busy_percent(a, b), Some(60.0));
        assert_eq!(busy_percent(a, a), None);
        assert_eq!(busy_percent(b, a), None, "a clock going backwards is no sample");
    }

    #[test]
    fn the_real_call_answers() {
        let usage = cpu_usage_percent(Duration::from_millis(50)).expect("GetSystemTimes");
        assert!((0.0..=100.0).contains(&usage));
    }
}
