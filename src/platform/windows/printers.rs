//! Printers and jobs through winspool: `EnumPrintersW` level 2 (local printers and
//! connections), `GetDefaultPrinterW`, `EnumJobsW` level 2, cancelling a job by id with
//! `SetJobW`, and the test page through the printer's own driver (GDI). None of these needs
//! administrator rights. The conversion from PRINTER_INFO_2W / JOB_INFO_2W to the neutral
//! `platform::spool` types is separate from the calls, so it is tested on recorded values.

use std::ptr::{null, null_mut};

use chrono::{DateTime, NaiveDate, Utc};
use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, GetLastError, SYSTEMTIME};
use windows_sys::Win32::Graphics::Gdi::{
    CreateDCW, CreateFontW, DeleteDC, DeleteObject, GetDeviceCaps, HDC, LOGPIXELSY, SelectObject, TextOutW,
};
use windows_sys::Win32::Graphics::Printing::{
    ClosePrinter, EnumJobsW, EnumPrintersW, GetDefaultPrinterW, JOB_CONTROL_DELETE, JOB_INFO_2W,
    JOB_STATUS_BLOCKED_DEVQ, JOB_STATUS_COMPLETE, JOB_STATUS_DELETED, JOB_STATUS_DELETING, JOB_STATUS_ERROR,
    JOB_STATUS_OFFLINE, JOB_STATUS_PAPEROUT, JOB_STATUS_PAUSED, JOB_STATUS_PRINTED, JOB_STATUS_PRINTING,
    JOB_STATUS_RESTART, JOB_STATUS_RETAINED, JOB_STATUS_SPOOLING, JOB_STATUS_USER_INTERVENTION, OpenPrinterW,
    PRINTER_ACCESS_USE, PRINTER_ATTRIBUTE_WORK_OFFLINE, PRINTER_DEFAULTSW, PRINTER_ENUM_CONNECTIONS,
    PRINTER_ENUM_LOCAL, PRINTER_HANDLE, PRINTER_INFO_2W, PRINTER_STATUS_BUSY, PRINTER_STATUS_DOOR_OPEN,
    PRINTER_STATUS_DRIVER_UPDATE_NEEDED, PRINTER_STATUS_ERROR, PRINTER_STATUS_INITIALIZING, PRINTER_STATUS_IO_ACTIVE,
    PRINTER_STATUS_MANUAL_FEED, PRINTER_STATUS_NO_TONER, PRINTER_STATUS_NOT_AVAILABLE, PRINTER_STATUS_OFFLINE,
    PRINTER_STATUS_OUT_OF_MEMORY, PRINTER_STATUS_OUTPUT_BIN_FULL, PRINTER_STATUS_PAGE_PUNT, PRINTER_STATUS_PAPER_JAM,
    PRINTER_STATUS_PAPER_OUT, PRINTER_STATUS_PAPER_PROBLEM, PRINTER_STATUS_PAUSED, PRINTER_STATUS_PENDING_DELETION,
    PRINTER_STATUS_POWER_SAVE, PRINTER_STATUS_PRINTING, PRINTER_STATUS_PROCESSING, PRINTER_STATUS_SERVER_OFFLINE,
    PRINTER_STATUS_SERVER_UNKNOWN, PRINTER_STATUS_TONER_LOW, PRINTER_STATUS_USER_INTERVENTION,
    PRINTER_STATUS_WARMING_UP, SetJobW,
};
use windows_sys::Win32::Storage::Xps::{AbortDoc, DOCINFOW, EndDoc, EndPage, StartDocW, StartPage};

use crate::platform::spool::{
    SpoolError, SpoolJob, SpoolJobState, SpoolPrinter, SpoolPrinterState, SpoolQueue, SpoolSnapshot, SpooledJob,
};

/// The most jobs read per printer: enough for any office queue, and a bound on what a
/// misbehaving print server can make us list (the IPP path uses the same cap).
const MAX_JOBS: u32 = 500;
/// The longest string read from a winspool structure (UNICODE_STRING's own limit).
const MAX_WIDE_CHARS: usize = 32_767;
/// Every string from the spooler goes through the same cleaning as IPP strings: printer and
/// document names are chosen by whoever shared the printer or printed the document.
const MAX_TEXT_CHARS: usize = 1024;

/// `s` as a NUL-terminated UTF-16 string for a W call.
pub(super) fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().chain(std::iter::once(0)).collect()
}

/// The NUL-terminated UTF-16 string at `p`; None for a null pointer or an empty string.
///
/// # Safety
/// `p` is null or points at a NUL-terminated UTF-16 string (at most `MAX_WIDE_CHARS` long
/// is read), as every string pointer in a winspool structure does.
pub(super) unsafe fn from_wide(p: *const u16) -> Option<String> {
    if p.is_null() {
        return None;
    }
    let mut len = 0;
    // SAFETY: the caller guarantees a NUL-terminated string; the loop stops at the NUL or the cap.
    while len < MAX_WIDE_CHARS && unsafe { *p.add(len) } != 0 {
        len += 1;
    }
    // SAFETY: `len` elements were just read one by one.
    let units = unsafe { std::slice::from_raw_parts(p, len) };
    let text = String::from_utf16_lossy(units);
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .take(MAX_TEXT_CHARS)
        .collect();
    let cleaned = cleaned.trim().to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// The calling thread's last Windows error, as code and text.
pub(super) fn last_error() -> (u32, String) {
    // SAFETY: GetLastError only reads thread-local state.
    let code = unsafe { GetLastError() };
    (code, std::io::Error::from_raw_os_error(code as i32).to_string())
}

fn call_error(call: &'static str, printer: &str) -> SpoolError {
    let (code, message) = last_error();
    SpoolError::Call { call, code, message, printer: printer.to_string() }
}

/// A printer handle closed when dropped.
struct Printer(PRINTER_HANDLE);

impl Printer {
    fn open(name: &str) -> Result<Printer, SpoolError> {
        let name_w = wide(name);
        // PRINTER_ACCESS_USE: what every user has on the printers they can print to; cancelling
        // one's own jobs needs no more (the job's owner holds "manage this document").
        let defaults =
            PRINTER_DEFAULTSW { pDatatype: null_mut(), pDevMode: null_mut(), DesiredAccess: PRINTER_ACCESS_USE };
        let mut handle = PRINTER_HANDLE { Value: null_mut() };
        // SAFETY: name_w is NUL-terminated; handle and defaults live across the call.
        if unsafe { OpenPrinterW(name_w.as_ptr(), &mut handle, &defaults) } == 0 {
            return Err(call_error("OpenPrinterW", name));
        }
        Ok(Printer(handle))
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        // SAFETY: the handle came from OpenPrinterW and is closed once.
        unsafe { ClosePrinter(PRINTER_HANDLE { Value: self.0.Value }) };
    }
}

/// Calls a winspool enumerator with a growing buffer (the list may grow between the size
/// query and the read) and returns the buffer and the number of entries of type `T` in it.
fn enumerate<T>(
    call: &'static str,
    printer: &str,
    mut f: impl FnMut(*mut u8, u32, &mut u32, &mut u32) -> i32,
) -> Result<(Vec<u64>, usize), SpoolError> {
    let mut buf: Vec<u64> = Vec::new();
    for _ in 0..4 {
        let bytes = u32::try_from(buf.len() * 8)
            .map_err(|_| SpoolError::BadAnswer { call, reason: "the answer is larger than 4 GiB".into() })?;
        let (mut needed, mut count) = (0u32, 0u32);
        let ptr = if buf.is_empty() { null_mut() } else { buf.as_mut_ptr().cast::<u8>() };
        if f(ptr, bytes, &mut needed, &mut count) != 0 {
            let count = count as usize;
            if count.saturating_mul(size_of::<T>()) > buf.len() * 8 {
                return Err(SpoolError::BadAnswer {
                    call,
                    reason: format!("{count} entries do not fit the {} bytes returned", buf.len() * 8),
                });
            }
            return Ok((buf, count));
        }
        let (code, message) = last_error();
        if code != ERROR_INSUFFICIENT_BUFFER || needed == 0 {
            return Err(SpoolError::Call { call, code, message, printer: printer.to_string() });
        }
        // u64 elements keep the structures' pointers aligned.
        buf = vec![0u64; (needed as usize).div_ceil(8)];
    }
    Err(SpoolError::BadAnswer { call, reason: "the list kept growing while it was read".into() })
}

/// Every local printer and printer connection, with its jobs, and the user's default printer.
pub fn snapshot() -> Result<SpoolSnapshot, SpoolError> {
    let default = default_printer();
    let flags = PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS;
    let (buf, count) = enumerate::<PRINTER_INFO_2W>("EnumPrintersW", "", |ptr, bytes, needed, count| {
        // SAFETY: ptr is null (size query) or `bytes` writable bytes; needed/count are valid.
        unsafe { EnumPrintersW(flags, null(), 2, ptr, bytes, needed, count) }
    })?;
    let infos: &[PRINTER_INFO_2W] = if count == 0 {
        &[]
    } else {
        // SAFETY: `enumerate` checked that `count` entries fit in the buffer, which is 8-aligned.
        unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<PRINTER_INFO_2W>(), count) }
    };
    let mut queues = Vec::with_capacity(infos.len());
    for info in infos {
        // SAFETY: the strings of a PRINTER_INFO_2W point into `buf`, which is still alive.
        let printer = unsafe { printer_from_info(info) };
        let (jobs, jobs_error) = match jobs(&printer.name) {
            Ok(j) => (j, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        queues.push(SpoolQueue { printer, jobs, jobs_error });
    }
    Ok(SpoolSnapshot { queues, default })
}

/// GetDefaultPrinterW: the user's default printer, None when there is none.
fn default_printer() -> Option<String> {
    let mut len = 0u32;
    // SAFETY: a null buffer with length 0 asks for the size.
    unsafe { GetDefaultPrinterW(null_mut(), &mut len) };
    if len == 0 || len as usize > MAX_WIDE_CHARS {
        return None;
    }
    let mut buf = vec![0u16; len as usize];
    // SAFETY: buf holds `len` UTF-16 units.
    if unsafe { GetDefaultPrinterW(buf.as_mut_ptr(), &mut len) } == 0 {
        return None;
    }
    // SAFETY: on success the buffer holds a NUL-terminated name.
    unsafe { from_wide(buf.as_ptr()) }
}

/// EnumJobsW level 2 of one printer.
pub fn jobs(printer: &str) -> Result<Vec<SpoolJob>, SpoolError> {
    let handle = Printer::open(printer)?;
    let (buf, count) = enumerate::<JOB_INFO_2W>("EnumJobsW", printer, |ptr, bytes, needed, count| {
        // SAFETY: as in `snapshot`; the handle is open.
        unsafe { EnumJobsW(PRINTER_HANDLE { Value: handle.0.Value }, 0, MAX_JOBS, 2, ptr, bytes, needed, count) }
    })?;
    if count == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: `enumerate` checked that `count` entries fit in the 8-aligned buffer.
    let infos = unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<JOB_INFO_2W>(), count) };
    // SAFETY: the strings of each JOB_INFO_2W point into `buf`.
    Ok(infos.iter().map(|j| unsafe { job_from_info(j) }).collect())
}

/// Deletes one job by id (SetJobW). JOB_CONTROL_DELETE rather than JOB_CONTROL_CANCEL: the
/// winspool documentation says not to use CANCEL and to delete instead; both remove the job.
pub fn cancel_job(printer: &str, job_id: u32) -> Result<(), SpoolError> {
    let handle = Printer::open(printer)?;
    // SAFETY: the handle is open; level 0 takes no job structure.
    if unsafe { SetJobW(PRINTER_HANDLE { Value: handle.0.Value }, job_id, 0, null(), JOB_CONTROL_DELETE) } == 0 {
        return Err(call_error("SetJobW", printer));
    }
    Ok(())
}

/// A device context closed (and its document aborted when unfinished) when dropped.
struct PrinterDc {
    dc: HDC,
    in_doc: bool,
}

impl Drop for PrinterDc {
    fn drop(&mut self) {
        // SAFETY: the DC came from CreateDCW and is released once; an unfinished document is aborted.
        unsafe {
            if self.in_doc {
                AbortDoc(self.dc);
            }
            DeleteDC(self.dc);
        }
    }
}

/// Prints `lines` as one page of text through the printer's own driver: a GDI device context
/// on the queue (CreateDCW "WINSPOOL"), StartDocW/TextOutW/EndDoc. The driver turns it into
/// the printer's language, so it prints on every printer that prints from other programs,
/// as Windows' own "Print Test Page" does; raw bytes (PDF, PWG raster) would print only on
/// printers that happen to speak that language, and XPS_PASS needs an XPS document and a v4 driver.
pub fn print_text_page(printer: &str, document: &str, lines: &[String]) -> Result<SpooledJob, SpoolError> {
    let driver = wide("WINSPOOL");
    let device = wide(printer);
    // SAFETY: both strings are NUL-terminated; no DEVMODE: the printer's defaults.
    let dc = unsafe { CreateDCW(driver.as_ptr(), device.as_ptr(), null(), null()) };
    if dc.is_null() {
        return Err(call_error("CreateDCW", printer));
    }
    let mut dc = PrinterDc { dc, in_doc: false };
    let doc_name = wide(document);
    let info = DOCINFOW {
        cbSize: size_of::<DOCINFOW>() as i32,
        lpszDocName: doc_name.as_ptr(),
        lpszOutput: null(),
        lpszDatatype: null(),
        fwType: 0,
    };
    // SAFETY: dc is a printer DC; info and its string live across the call.
    let job_id = unsafe { StartDocW(dc.dc, &info) };
    if job_id <= 0 {
        return Err(call_error("StartDocW", printer));
    }
    dc.in_doc = true;
    // SAFETY: dc is in a document.
    if unsafe { StartPage(dc.dc) } <= 0 {
        return Err(call_error("StartPage", printer));
    }
    // 12 pt text at the printer's resolution, one and a half lines apart, an inch from the edges.
    // SAFETY: dc is valid.
    let dpi = unsafe { GetDeviceCaps(dc.dc, LOGPIXELSY as i32) }.max(72);
    let height = dpi * 12 / 72;
    let face = wide("Arial");
    // SAFETY: plain values and a NUL-terminated face name.
    let font = unsafe { CreateFontW(-height, 0, 0, 0, 400, 0, 0, 0, 0, 0, 0, 0, 0, face.as_ptr()) };
    // SAFETY: font may be null (then the DC's default font stays); SelectObject accepts it.
    let old = if font.is_null() { null_mut() } else { unsafe { SelectObject(dc.dc, font) } };
    let mut y = dpi;
    for line in lines {
        let text: Vec<u16> = line.encode_utf16().collect();
        // SAFETY: text holds exactly `len` units; TextOutW reads no NUL.
        if unsafe { TextOutW(dc.dc, dpi, y, text.as_ptr(), text.len() as i32) } == 0 {
            return Err(call_error("TextOutW", printer));
        }
        y += height * 3 / 2;
    }
    // SAFETY: restore the old font before deleting ours; both calls take what they were given.
    unsafe {
        if !font.is_null() {
            SelectObject(dc.dc, old);
            DeleteObject(font);
        }
    }
    // SAFETY: dc is in a page and a document.
    if unsafe { EndPage(dc.dc) } <= 0 {
        return Err(call_error("EndPage", printer));
    }
    // SAFETY: as above.
    if unsafe { EndDoc(dc.dc) } <= 0 {
        return Err(call_error("EndDoc", printer));
    }
    dc.in_doc = false;
    Ok(SpooledJob {
        printer: printer.to_string(),
        job_id: job_id as u32,
        rendering: "text through the printer's own driver (GDI)".into(),
    })
}

/// Converts one PRINTER_INFO_2W.
///
/// # Safety
/// Every string pointer in `info` is null or a NUL-terminated UTF-16 string.
pub unsafe fn printer_from_info(info: &PRINTER_INFO_2W) -> SpoolPrinter {
    // SAFETY: the caller vouches for the pointers.
    let text = |p: *const u16| unsafe { from_wide(p) };
    let (state, reasons) = printer_state(info.Status, info.Attributes);
    SpoolPrinter {
        name: text(info.pPrinterName).unwrap_or_default(),
        server: text(info.pServerName),
        share: text(info.pShareName),
        port: text(info.pPortName).unwrap_or_default(),
        driver: text(info.pDriverName).unwrap_or_default(),
        location: text(info.pLocation),
        comment: text(info.pComment),
        status_flags: info.Status,
        attribute_flags: info.Attributes,
        state,
        reasons,
        job_count: info.cJobs,
        work_offline: info.Attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE != 0,
    }
}

/// PRINTER_STATUS_* flags (and "Use Printer Offline") as a state and IPP printer-state-reasons
/// keywords, so the printer checks word them as they word any IPP printer's reasons. The
/// suffix is the severity: `-error` stops printing, `-warning` needs attention soon,
/// `-report` is information.
pub fn printer_state(status: u32, attributes: u32) -> (SpoolPrinterState, Vec<String>) {
    const MAP: &[(u32, &str)] = &[
        (PRINTER_STATUS_PAUSED, "paused-error"),
        (PRINTER_STATUS_PAPER_JAM, "media-jam-error"),
        (PRINTER_STATUS_PAPER_OUT, "media-empty-error"),
        (PRINTER_STATUS_MANUAL_FEED, "media-needed-warning"),
        (PRINTER_STATUS_PAPER_PROBLEM, "media-problem-error"),
        (PRINTER_STATUS_OFFLINE, "offline-error"),
        (PRINTER_STATUS_OUTPUT_BIN_FULL, "output-area-full-error"),
        (PRINTER_STATUS_NOT_AVAILABLE, "not-available-error"),
        (PRINTER_STATUS_TONER_LOW, "toner-low-warning"),
        (PRINTER_STATUS_NO_TONER, "toner-empty-error"),
        (PRINTER_STATUS_PAGE_PUNT, "page-too-complex-warning"),
        (PRINTER_STATUS_USER_INTERVENTION, "user-intervention-error"),
        (PRINTER_STATUS_OUT_OF_MEMORY, "out-of-memory-error"),
        (PRINTER_STATUS_DOOR_OPEN, "door-open-error"),
        (PRINTER_STATUS_SERVER_UNKNOWN, "server-unknown-error"),
        (PRINTER_STATUS_SERVER_OFFLINE, "server-offline-error"),
        (PRINTER_STATUS_DRIVER_UPDATE_NEEDED, "driver-update-needed-warning"),
        (PRINTER_STATUS_PENDING_DELETION, "deleting-report"),
        (PRINTER_STATUS_WARMING_UP, "warming-up-report"),
        (PRINTER_STATUS_INITIALIZING, "initializing-report"),
        (PRINTER_STATUS_POWER_SAVE, "power-save-report"),
    ];
    let mut reasons: Vec<String> =
        MAP.iter().filter(|(flag, _)| status & flag != 0).map(|(_, k)| (*k).to_string()).collect();
    // The generic error flag comes with the specific ones; alone, it is the only clue.
    if status & PRINTER_STATUS_ERROR != 0 && !reasons.iter().any(|r| r.ends_with("-error")) {
        reasons.push("other-error".into());
    }
    if attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE != 0 && !reasons.iter().any(|r| r == "offline-error") {
        reasons.push("offline-error".into());
    }
    let busy = PRINTER_STATUS_PRINTING | PRINTER_STATUS_PROCESSING | PRINTER_STATUS_BUSY | PRINTER_STATUS_IO_ACTIVE;
    let state = if reasons.iter().any(|r| r.ends_with("-error")) {
        SpoolPrinterState::Stopped
    } else if status & busy != 0 {
        SpoolPrinterState::Printing
    } else {
        SpoolPrinterState::Idle
    };
    (state, reasons)
}

/// Converts one JOB_INFO_2W.
///
/// # Safety
/// Every string pointer in `info` is null or a NUL-terminated UTF-16 string.
pub unsafe fn job_from_info(info: &JOB_INFO_2W) -> SpoolJob {
    // SAFETY: the caller vouches for the pointers.
    let text = |p: *const u16| unsafe { from_wide(p) };
    let (state, reasons) = job_state(info.Status);
    SpoolJob {
        id: info.JobId,
        document: text(info.pDocument),
        user: text(info.pUserName),
        machine: text(info.pMachineName),
        status_flags: info.Status,
        status_text: text(info.pStatus),
        state,
        reasons,
        submitted: system_time_utc(&info.Submitted),
        total_pages: info.TotalPages,
        size_bytes: info.Size,
    }
}

/// JOB_STATUS_* flags as a state and plain keywords. A paused job is held: its owner or an
/// administrator stopped it on purpose, so it is never "stuck" (the same rule as IPP's
/// pending-held jobs).
pub fn job_state(status: u32) -> (SpoolJobState, Vec<String>) {
    const MAP: &[(u32, &str)] = &[
        (JOB_STATUS_PAUSED, "job-paused"),
        (JOB_STATUS_ERROR, "job-error"),
        (JOB_STATUS_DELETING, "job-deleting"),
        (JOB_STATUS_SPOOLING, "job-spooling"),
        (JOB_STATUS_PRINTING, "job-printing"),
        (JOB_STATUS_OFFLINE, "printer-offline"),
        (JOB_STATUS_PAPEROUT, "paper-out"),
        (JOB_STATUS_PRINTED, "job-printed"),
        (JOB_STATUS_DELETED, "job-deleted"),
        (JOB_STATUS_BLOCKED_DEVQ, "blocked-by-driver"),
        (JOB_STATUS_USER_INTERVENTION, "user-intervention-required"),
        (JOB_STATUS_RESTART, "job-restarting"),
        (JOB_STATUS_COMPLETE, "job-complete"),
        (JOB_STATUS_RETAINED, "job-retained"),
    ];
    let reasons = MAP.iter().filter(|(flag, _)| status & flag != 0).map(|(_, k)| (*k).to_string()).collect();
    let done =
        JOB_STATUS_DELETING | JOB_STATUS_DELETED | JOB_STATUS_PRINTED | JOB_STATUS_COMPLETE | JOB_STATUS_RETAINED;
    let stopped = JOB_STATUS_ERROR
        | JOB_STATUS_OFFLINE
        | JOB_STATUS_PAPEROUT
        | JOB_STATUS_BLOCKED_DEVQ
        | JOB_STATUS_USER_INTERVENTION;
    let state = if status & done != 0 {
        SpoolJobState::Done
    } else if status & JOB_STATUS_PAUSED != 0 {
        SpoolJobState::Held
    } else if status & stopped != 0 {
        SpoolJobState::Stopped
    } else if status & JOB_STATUS_PRINTING != 0 {
        SpoolJobState::Printing
    } else {
        SpoolJobState::Pending
    };
    (state, reasons)
}

/// A SYSTEMTIME in UTC (JOB_INFO_2's Submitted is UTC) as a time; None when it is not one.
pub fn system_time_utc(t: &SYSTEMTIME) -> Option<DateTime<Utc>> {
    let date = NaiveDate::from_ymd_opt(i32::from(t.wYear), u32::from(t.wMonth), u32::from(t.wDay))?;
    let time = date.and_hms_milli_opt(
        u32::from(t.wHour),
        u32::from(t.wMinute),
        u32::from(t.wSecond),
        u32::from(t.wMilliseconds),
    )?;
    (t.wYear >= 1601).then(|| time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        wide(s)
    }

    /// PRINTER_INFO_2W filled the way winspool fills it for a local printer on a Standard TCP/IP
    /// port whose tray is empty (PRINTER_STATUS_PAPER_OUT with the generic ERROR flag).
    #[test]
    fn recorded_printer_info_2_converts() {
        let (name, port, driver, location, share) = (
            w("HP LaserJet M404 (Floor 2)"),
            w("IP_192.168.1.20"),
            w("HP Universal Printing PCL 6"),
            w("Floor 2, copy room"),
            w(""),
        );
        let info = PRINTER_INFO_2W {
            pPrinterName: name.as_ptr().cast_mut(),
            pPortName: port.as_ptr().cast_mut(),
            pDriverName: driver.as_ptr().cast_mut(),
            pLocation: location.as_ptr().cast_mut(),
            pShareName: share.as_ptr().cast_mut(),
            Status: PRINTER_STATUS_PAPER_OUT | PRINTER_STATUS_ERROR,
            Attributes: 0x0000_0240, // PRINTER_ATTRIBUTE_LOCAL | PRINTER_ATTRIBUTE_DO_COMPLETE_FIRST
            cJobs: 3,
            ..PRINTER_INFO_2W::default()
        };
        // SAFETY: every pointer is a NUL-terminated string that outlives the call.
        let p = unsafe { printer_from_info(&info) };
        assert_eq!(p.name, "HP LaserJet M404 (Floor 2)");
        assert_eq!((p.port.as_str(), p.driver.as_str()), ("IP_192.168.1.20", "HP Universal Printing PCL 6"));
        assert_eq!(p.location.as_deref(), Some("Floor 2, copy room"));
        assert_eq!((p.share, p.server, p.comment), (None, None, None));
        assert_eq!(p.state, SpoolPrinterState::Stopped);
        assert_eq!(p.reasons, vec!["media-empty-error"]);
        assert_eq!(p.job_count, 3);
        assert!(!p.work_offline);
    }

    #[test]
    fn status_flags_map_to_ipp_reasons() {
        let (state, r) = printer_state(0, 0);
        assert_eq!((state, r.len()), (SpoolPrinterState::Idle, 0));
        let (state, r) = printer_state(PRINTER_STATUS_PRINTING | PRINTER_STATUS_TONER_LOW, 0);
        assert_eq!((state, r), (SpoolPrinterState::Printing, vec!["toner-low-warning".to_string()]));
        let (state, r) = printer_state(PRINTER_STATUS_PAPER_JAM | PRINTER_STATUS_DOOR_OPEN, 0);
        assert_eq!(state, SpoolPrinterState::Stopped);
        assert_eq!(r, vec!["media-jam-error", "door-open-error"]);
        assert_eq!(printer_state(PRINTER_STATUS_ERROR, 0).1, vec!["other-error"]);
        assert_eq!(printer_state(PRINTER_STATUS_PAUSED, 0), (SpoolPrinterState::Stopped, vec!["paused-error".into()]));
        // "Use Printer Offline": the spooler keeps the jobs; the status flags say nothing.
        assert_eq!(printer_state(0, PRINTER_ATTRIBUTE_WORK_OFFLINE).1, vec!["offline-error"]);
        assert_eq!(printer_state(PRINTER_STATUS_OFFLINE, PRINTER_ATTRIBUTE_WORK_OFFLINE).1, vec!["offline-error"]);
        assert_eq!(
            printer_state(PRINTER_STATUS_POWER_SAVE, 0),
            (SpoolPrinterState::Idle, vec!["power-save-report".into()])
        );
    }

    /// JOB_INFO_2W filled the way winspool fills it for a job stuck behind an offline printer
    /// (ERROR | OFFLINE, Submitted in UTC), then the state of a job its owner paused.
    #[test]
    fn recorded_job_info_2_converts_and_paused_is_held() {
        let (doc, user, machine, status) = (w("Quarterly report.docx"), w("jsmith"), w("\\\\DESK-042"), w(""));
        let info = JOB_INFO_2W {
            JobId: 14,
            pDocument: doc.as_ptr().cast_mut(),
            pUserName: user.as_ptr().cast_mut(),
            pMachineName: machine.as_ptr().cast_mut(),
            pStatus: status.as_ptr().cast_mut(),
            Status: JOB_STATUS_ERROR | JOB_STATUS_OFFLINE,
            TotalPages: 12,
            Size: 482_304,
            Submitted: SYSTEMTIME {
                wYear: 2026,
                wMonth: 12,
                wDayOfWeek: 3,
                wDay: 2,
                wHour: 9,
                wMinute: 41,
                wSecond: 7,
                wMilliseconds: 250,
            },
            ..JOB_INFO_2W::default()
        };
        // SAFETY: every pointer is a NUL-terminated string that outlives the call.
        let j = unsafe { job_from_info(&info) };
        assert_eq!(
            (j.id, j.document.as_deref(), j.user.as_deref()),
            (14, Some("Quarterly report.docx"), Some("jsmith"))
        );
        assert_eq!(j.machine.as_deref(), Some("\\\\DESK-042"));
        assert_eq!(j.status_text, None);
        assert_eq!(j.state, SpoolJobState::Stopped);
        assert_eq!(j.reasons, vec!["job-error", "printer-offline"]);
        assert_eq!(j.submitted.map(|t| t.to_rfc3339()).as_deref(), Some("2026-12-02T09:41:07.250+00:00"));
        assert_eq!((j.total_pages, j.size_bytes), (12, 482_304));
        assert_eq!(job_state(JOB_STATUS_PAUSED).0, SpoolJobState::Held);
        assert_eq!(job_state(JOB_STATUS_PAUSED | JOB_STATUS_ERROR).0, SpoolJobState::Held);
        assert_eq!(job_state(JOB_STATUS_SPOOLING).0, SpoolJobState::Pending);
        assert_eq!(job_state(0).0, SpoolJobState::Pending);
        assert_eq!(job_state(JOB_STATUS_PRINTING).0, SpoolJobState::Printing);
        assert_eq!(job_state(JOB_STATUS_DELETING | JOB_STATUS_PRINTING).0, SpoolJobState::Done);
        assert_eq!(system_time_utc(&SYSTEMTIME::default()), None);
    }

    #[test]
    fn hostile_strings_are_cleaned() {
        let s = w("Office\u{1b}[31m\u{202e}Printer");
        // SAFETY: NUL-terminated.
        assert_eq!(unsafe { from_wide(s.as_ptr()) }.as_deref(), Some("Office[31mPrinter"));
        // SAFETY: null is allowed.
        assert_eq!(unsafe { from_wide(null()) }, None);
    }
}
