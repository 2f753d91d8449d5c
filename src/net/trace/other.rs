//! Traceroute sockets on systems other than Linux and macOS (whose layer is
//! `platform::macos::trace`): not written yet. Windows has IcmpSendEcho2 with a TTL
//! option; until then the trace says plainly that it is unsupported here.

use std::net::IpAddr;

use super::driver::Opened;
use super::{TraceError, TraceOptions};

pub(super) fn open(_target: IpAddr, _opts: &TraceOptions) -> Result<Opened, TraceError> {
    Err(TraceError::Unsupported(std::env::consts::OS))
}
