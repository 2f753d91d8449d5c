//! Processor usage from `GetSystemTimes` (kernel32; no admin, no performance counters).
//! sysinfo reads usage through PDH counters and, when they cannot be opened, asks PDH to
//! reload its registry (`PdhEnumObjectsW`): wine has no such function and aborts the whole
//! program there. Two samples of the system's idle, kernel and user times are all usage needs.

use std::time::Duration;

use windows_sys::Win32::Foundation::FILETIME;
use windows_sys::Win32::System::Threading::GetSystemTimes;

/// Idle, kernel and user time of all processors together, in 100 ns units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SystemTimes {
    idle: u64,
    kernel: u64,
    user: u64,
}

/// Busy share of all processors over `interval`, in percent; `None` when Windows does not say.
pub fn cpu_usage_percent(interval: Duration) -> Option<f32> {
    let first = system_times()?;
    std::thread::sleep(interval);
    let second = system_times()?;
    usage_between(first, second)
}

fn system_times() -> Option<SystemTimes> {
    let zero = FILETIME { dwLowDateTime: 0, dwHighDateTime: 0 };
    let (mut idle, mut kernel, mut user) = (zero, zero, zero);
    // SAFETY: three valid pointers to FILETIMEs that outlive the call, as GetSystemTimes requires.
    let ok = unsafe { GetSystemTimes(&mut idle, &mut kernel, &mut user) };
    let ticks = |t: FILETIME| (u64::from(t.dwHighDateTime) << 32) | u64::from(t.dwLowDateTime);
    (ok != 0).then(|| SystemTimes { idle: ticks(idle), kernel: ticks(kernel), user: ticks(user) })
}

/// Kernel time includes idle time (GetSystemTimes' contract), so busy = kernel + user − idle.
fn usage_between(before: SystemTimes, after: SystemTimes) -> Option<f32> {
    let idle = after.idle.checked_sub(before.idle)?;
    let total = after.kernel.checked_sub(before.kernel)? + after.user.checked_sub(before.user)?;
    if total == 0 {
        return None;
    }
    let busy = total.saturating_sub(idle);
    Some((busy as f64 * 100.0 / total as f64) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(idle: u64, kernel: u64, user: u64) -> SystemTimes {
        SystemTimes { idle, kernel, user }
    }

    #[test]
    fn usage_is_the_busy_share_of_kernel_plus_user_time() {
        // 4 cores over 100 ms (4,000,000 ticks): 3,000,000 idle, 500,000 kernel work, 500,000 user.
        let before = times(10_000_000, 20_000_000, 5_000_000);
        let after = times(13_000_000, 23_500_000, 5_500_000);
        assert_eq!(usage_between(before, after), Some(25.0));
        assert_eq!(usage_between(before, times(14_000_000, 24_000_000, 5_000_000)), Some(0.0));
    }

    #[test]
    fn no_time_passing_or_a_counter_going_back_says_nothing() {
        let t = times(1, 2, 3);
        assert_eq!(usage_between(t, t), None);
        assert_eq!(usage_between(times(5, 5, 5), times(4, 6, 6)), None);
    }

    #[test]
    fn the_real_counters_give_a_percentage() {
        let usage = cpu_usage_percent(Duration::from_millis(50)).expect("GetSystemTimes answered");
        assert!((0.0..=100.0).contains(&usage), "{usage}");
    }
}
