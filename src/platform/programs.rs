//! Running an OS program when no library or syscall can answer: arguments as a list
//! (never a shell line), a timeout, and output captured.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, thiserror::Error)]
pub enum ProgramError {
    #[error("{program} is not installed")]
    NotFound { program: String },
    #[error("could not start {program}: {error}")]
    Start { program: String, error: std::io::Error },
    #[error("{program} did not finish within {} ms", timeout.as_millis())]
    TimedOut { program: String, timeout: Duration },
    #[error("{program} failed ({status}): {stderr}")]
    Failed { program: String, status: String, stderr: String },
}

/// Run `program args…`, wait at most `timeout`, return stdout as text.
pub fn run(program: &str, args: &[&str], timeout: Duration) -> Result<String, ProgramError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Programs we parse must speak plain English, whatever the user's locale.
        .env("LC_ALL", "C")
        .spawn()
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => ProgramError::NotFound { program: program.into() },
            _ => ProgramError::Start { program: program.into(), error: source },
        })?;
    // Drain the pipes on their own threads so a chatty program cannot block on a full pipe.
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut buf = String::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_string(&mut buf);
        }
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = String::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_string(&mut buf);
        }
        buf
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ProgramError::TimedOut { program: program.into(), timeout });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(source) => return Err(ProgramError::Start { program: program.into(), error: source }),
        }
    };
    let out = out_thread.join().unwrap_or_default();
    let err = err_thread.join().unwrap_or_default();
    if !status.success() {
        return Err(ProgramError::Failed {
            program: program.into(),
            status: status.to_string(),
            stderr: err.trim().into(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn output_errors_and_timeouts() {
        assert_eq!(run("echo", &["a b", "c"], Duration::from_secs(5)).unwrap(), "a b c\n");
        assert!(matches!(
            run("deskcheck-no-such-program", &[], Duration::from_secs(1)),
            Err(ProgramError::NotFound { .. })
        ));
        assert!(matches!(run("false", &[], Duration::from_secs(5)), Err(ProgramError::Failed { .. })));
        let started = Instant::now();
        assert!(matches!(run("sleep", &["5"], Duration::from_millis(200)), Err(ProgramError::TimedOut { .. })));
        assert!(started.elapsed() < Duration::from_secs(3));
    }

    #[cfg(windows)]
    #[test]
    fn output_errors_and_timeouts() {
        // cmd.exe's own echo, exit and a wait (ping to loopback, one echo a second).
        assert_eq!(run("cmd", &["/C", "echo", "a b", "c"], Duration::from_secs(10)).unwrap().trim_end(), "\"a b\" c");
        assert!(matches!(
            run("deskcheck-no-such-program", &[], Duration::from_secs(1)),
            Err(ProgramError::NotFound { .. })
        ));
        assert!(matches!(run("cmd", &["/C", "exit", "3"], Duration::from_secs(10)), Err(ProgramError::Failed { .. })));
        let started = Instant::now();
        assert!(matches!(
            run("ping", &["-n", "6", "127.0.0.1"], Duration::from_millis(500)),
            Err(ProgramError::TimedOut { .. })
        ));
        assert!(started.elapsed() < Duration::from_secs(4));
    }
}
