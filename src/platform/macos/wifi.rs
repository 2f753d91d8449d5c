//! macOS Wi-Fi: `system_profiler SPAirPortDataType -json`, parsed by
//! `platform::wifi::system_profiler` (pure, tested on recorded outputs on every host).

use std::time::Duration;

use crate::platform::programs;
use crate::platform::wifi::{WifiError, WifiReading, system_profiler};

/// system_profiler gathers every radio fact (and the cached list of nearby networks)
/// before it prints: a second or two is usual, so it gets more than a netlink dump would.
const TIMEOUT: Duration = Duration::from_secs(8);

pub fn wifi_links() -> Result<WifiReading, WifiError> {
    let json = programs::run("system_profiler", &["SPAirPortDataType", "-json"], TIMEOUT)
        .map_err(|e| WifiError::Failed(format!("could not read the Wi-Fi state: {e}")))?;
    system_profiler::parse(&json).map_err(|e| WifiError::Failed(e.to_string()))
}
