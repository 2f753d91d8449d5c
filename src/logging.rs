//! This run's log: tracing events captured in memory so the bundle can carry
//! `log.txt` (redacted like everything else), optionally echoed to stderr.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// Shared in-memory log; cheap to clone.
#[derive(Clone, Default)]
pub struct LogBuffer {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl LogBuffer {
    /// Everything logged so far, as text.
    pub fn text(&self) -> String {
        match self.bytes.lock() {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(poisoned) => String::from_utf8_lossy(&poisoned.into_inner()).into_owned(),
        }
    }

    /// Forget what was logged (a new run starts a new log).
    pub fn clear(&self) {
        if let Ok(mut b) = self.bytes.lock() {
            b.clear();
        }
    }

    /// Append a line directly (for tests and for front ends' own notes).
    pub fn append_line(&self, line: &str) {
        if let Ok(mut b) = self.bytes.lock() {
            b.extend_from_slice(line.as_bytes());
            b.push(b'\n');
        }
    }
}

pub struct LogWriter(LogBuffer);

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.bytes.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LogBuffer {
    type Writer = LogWriter;
    fn make_writer(&'a self) -> LogWriter {
        LogWriter(self.clone())
    }
}

static GLOBAL: OnceLock<LogBuffer> = OnceLock::new();

/// The process-wide log buffer. The first call installs the tracing subscriber:
/// everything at info and above goes to the buffer; `RUST_LOG` also echoes to stderr.
pub fn init() -> LogBuffer {
    GLOBAL
        .get_or_init(|| {
            let buffer = LogBuffer::default();
            let to_buffer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_target(false)
                .with_writer(buffer.clone())
                .with_filter(EnvFilter::new("info"));
            let to_stderr = std::env::var_os("RUST_LOG").map(|_| {
                tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_filter(EnvFilter::from_default_env())
            });
            // Another subscriber may already be installed (tests); then we only miss the capture.
            let _ = tracing_subscriber::registry().with(to_buffer).with(to_stderr).try_init();
            buffer
        })
        .clone()
}
