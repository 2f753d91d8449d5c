//! Which check writes which data type: one line per check, so the type a view reads with
//! `CheckRun::data::<T>()` and the type the check hands to `CheckResult::with_data` are
//! the same by construction. A check with two shapes (the display list from xrandr on
//! Linux, from the OS elsewhere) names both; the reader asks for the one it draws.

use super::displays::ConnectorReport;
use super::manual::{ManualPingData, ManualTraceData};
use super::network::{DnsData, LeaseData, LinkData, PingTargetResult};
use super::printers::spooler::RestartData;
use super::printers::{CancelData, StatusData, TestPageData};
use super::system::{CpuData, DiskData, MemData, OsData, Sensor};
use crate::hw::audio::AudioDevices;
use crate::hw::display::xrandr::Output;
use crate::hw::printer::CupsQueues;
use crate::hw::usb::{UsbDevice, WatchOutcome};
use crate::model::{CheckData, CheckRun, DataError, ListData};
use crate::net::dhcp::DhcpOffer;
use crate::net::ping::PingStats;
use crate::net::reach::{CaptivePortalResult, HttpResult, TcpResult};
use crate::net::trace::TraceSnapshot;
use crate::platform::monitors::ActiveDisplay;
use crate::platform::spool::SpoolerService;
use crate::platform::wifi::WifiReading;
use crate::platform::{BatteryInfo, InterfaceInfo};

macro_rules! check_data {
    ($($ty:ty => $id:expr;)*) => {
        $(impl CheckData for $ty {
            const CHECK_ID: &'static str = $id;
        })*

        /// The check id of every data type, for the conformance test.
        pub const DATA_CHECK_IDS: &[&str] = &[$(<$ty as CheckData>::CHECK_ID),*];

        /// Reads a run's data as its check's type (any of them, for a check with two):
        /// `Ok(true)` when it reads, `Ok(false)` when the check has no data type (or the run
        /// left none), the error of the last type tried when none reads. For tests and
        /// tools that must know every run of a report still reads (a strict bundle does).
        pub fn read_typed(run: &CheckRun) -> Result<bool, DataError> {
            let mut error = None;
            $(if run.id == <$ty as CheckData>::CHECK_ID {
                match run.data::<$ty>() {
                    Ok(data) => return Ok(data.is_some()),
                    Err(err) => error = Some(err),
                }
            })*
            error.map_or(Ok(false), Err)
        }
    };
}

check_data! {
    LinkData => "net.link.status";
    WifiReading => "net.wifi.link";
    LeaseData => "net.dhcp.lease";
    PingStats => "net.gateway.ping";
    DnsData => "net.dns.resolve";
    ListData<PingTargetResult> => "net.internet.ping";
    TraceSnapshot => "net.trace.path";
    ListData<TcpResult> => "net.services.tcp";
    ListData<HttpResult> => "net.services.http";
    CaptivePortalResult => "net.services.captive_portal";
    ListData<DhcpOffer> => "net.dhcp.probe";
    CupsQueues => "printers.queues";
    StatusData => "printers.status";
    ListData<serde_json::Value> => "printers.reach";
    TestPageData => "printers.test_page";
    CancelData => super::printers::CANCEL_STUCK_ID;
    SpoolerService => super::printers::spooler::SPOOLER_ID;
    RestartData => super::printers::spooler::RESTART_SPOOLER_ID;
    ListData<ConnectorReport> => "displays.connectors";
    ListData<Output> => "displays.monitors";
    ListData<ActiveDisplay> => "displays.monitors";
    ListData<UsbDevice> => "peripherals.usb.devices";
    WatchOutcome => "peripherals.usb.watch";
    AudioDevices => "peripherals.audio.devices";
    OsData => "system.os.uptime";
    CpuData => "system.cpu.load";
    MemData => "system.memory.usage";
    ListData<DiskData> => "system.disk.free";
    ListData<BatteryInfo> => "system.battery.health";
    ListData<Sensor> => "system.temperature.sensors";
    ListData<InterfaceInfo> => "system.network.interfaces";
    ManualPingData => super::manual::MANUAL_PING_ID;
    ManualTraceData => super::manual::MANUAL_TRACE_ID;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data type names a real check: a renamed check id fails here, not in a view.
    #[test]
    fn every_data_type_belongs_to_a_real_check() {
        let mut ids: Vec<&str> = super::super::all_checks().iter().map(|c| c.meta().id).collect();
        ids.extend([super::super::manual::MANUAL_PING_ID, super::super::manual::MANUAL_TRACE_ID]);
        for id in DATA_CHECK_IDS {
            assert!(ids.contains(id), "a data type names {id}, which is no check");
        }
    }
}
