//! A printer lab in two network namespaces, torn down on drop:
//!
//! ```text
//!  client (10.89.0.2) ──veth── printer (10.89.0.1)
//!  deskcheck, [cupsd]          private dbus-daemon + avahi-daemon, ippeveprinter :8631
//! ```
//! ippeveprinter refuses to start without DNS-SD, so the printer namespace gets its own D-Bus
//! (its own config and socket in the lab directory) and an avahi-daemon on that bus. avahi and
//! cupsd keep their runtime files under /run, so they run in a private mount namespace with a
//! tmpfs on /run: nothing touches the host's /run. No veth reaches the host namespace.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const PRINTER_IP: &str = "10.89.0.1";
pub const CLIENT_IP: &str = "10.89.0.2";
pub const PRINTER_PORT: u16 = 8631;
pub const MAKE: &str = "Acme";
pub const MODEL: &str = "LaserJet Lab";
pub const SERVICE_NAME: &str = "Lab Printer";
/// What the lab printer accepts. ippeveprinter's default (without -f) is only
/// application/octet-stream, image/pwg-raster and image/urf, and it sniffs octet-stream
/// documents and refuses PDF; most IPP Everywhere office printers list PDF, like this.
pub const FORMATS: &str = "application/pdf,image/pwg-raster,image/urf";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Why the lab cannot run here; None when it can.
pub fn unavailable() -> Option<String> {
    if !super::is_root() {
        return Some("needs root to create network namespaces".into());
    }
    for tool in
        ["ip", "ippeveprinter", "dbus-daemon", "avahi-daemon", "cupsd", "lpadmin", "lp", "lpstat", "cupsdisable"]
    {
        if super::netns::which(tool).is_none() {
            return Some(format!("{tool} is not installed (scripts/install-deps installs it)"));
        }
    }
    None
}

fn run(args: &[&str]) -> Result<Output, String> {
    let out = Command::new(args[0]).args(&args[1..]).output().map_err(|e| format!("{}: {e}", args.join(" ")))?;
    if !out.status.success() {
        return Err(format!("`{}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(out)
}

/// Run `f` on a thread inside the network namespace `ns`.
pub fn in_ns<T: Send + 'static>(ns: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let path = format!("/run/netns/{ns}");
    std::thread::spawn(move || {
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("open {path}: {e}"));
        // SAFETY: setns on a valid namespace fd; it affects only this thread (and threads it starts).
        let rc = unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) };
        assert_eq!(rc, 0, "setns {path}: {}", std::io::Error::last_os_error());
        f()
    })
    .join()
    .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

pub struct PrinterLab {
    pub id: String,
    pub printer_ns: String,
    pub client_ns: String,
    pub dir: tempfile::TempDir,
    pub spool: PathBuf,
    ippeveprinter: Option<Child>,
    /// ippeveprinter's `-f` list; None starts it with its own default formats.
    formats: Option<&'static str>,
    /// ippeveprinter's `-c` command, run on each document (it fails the job when it cannot read it).
    command: Option<&'static str>,
    daemons: Vec<Child>,
    cupsd: Option<Child>,
    namespaces: Vec<String>,
}

impl PrinterLab {
    pub fn printer_uri(&self) -> String {
        format!("ipp://{PRINTER_IP}:{PRINTER_PORT}/ipp/print")
    }

    pub fn start() -> Result<PrinterLab, String> {
        Self::start_with(Some(FORMATS), None)
    }

    /// An IPP Everywhere printer that takes no PDF: ippeveprinter with its DEFAULT formats
    /// (application/octet-stream, image/pwg-raster, image/urf), printing each document through
    /// CUPS's `ippevepcl`, which reads the raster with libcups and fails the job on a bad one.
    pub fn start_raster_only() -> Result<PrinterLab, String> {
        Self::start_with(None, Some("/usr/sbin/ippevepcl"))
    }

    /// ippeveprinter with these `-f` formats (None: its defaults) and `-c` command.
    pub fn start_with(formats: Option<&'static str>, command: Option<&'static str>) -> Result<PrinterLab, String> {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let id = format!("dp{}{}", std::process::id() % 100_000, n);
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let spool = dir.path().join("spool");
        std::fs::create_dir_all(&spool).map_err(|e| e.to_string())?;
        let mut lab = PrinterLab {
            printer_ns: format!("{id}-pr"),
            client_ns: format!("{id}-cl"),
            id,
            dir,
            spool,
            ippeveprinter: None,
            formats,
            command,
            daemons: Vec::new(),
            cupsd: None,
            namespaces: Vec::new(),
        };
        lab.wire()?;
        lab.start_dns_sd()?;
        lab.start_printer()?;
        Ok(lab)
    }

    fn wire(&mut self) -> Result<(), String> {
        for ns in [self.printer_ns.clone(), self.client_ns.clone()] {
            run(&["ip", "netns", "add", &ns])?;
            self.namespaces.push(ns.clone());
            run(&["ip", "-n", &ns, "link", "set", "lo", "up"])?;
        }
        let (a, b) = (format!("{}p", self.id), format!("{}c", self.id));
        run(&[
            "ip",
            "link",
            "add",
            &a,
            "netns",
            &self.printer_ns,
            "type",
            "veth",
            "peer",
            "name",
            &b,
            "netns",
            &self.client_ns,
        ])?;
        for (ns, ifname, addr) in [(&self.printer_ns, &a, PRINTER_IP), (&self.client_ns, &b, CLIENT_IP)] {
            run(&["ip", "-n", ns, "addr", "add", &format!("{addr}/24"), "dev", ifname])?;
            run(&["ip", "-n", ns, "link", "set", ifname, "up"])?;
            // Multicast (mDNS) leaves through the veth, never anywhere else.
            run(&["ip", "-n", ns, "route", "add", "224.0.0.0/4", "dev", ifname])?;
        }
        Ok(())
    }

    fn bus_address(&self) -> String {
        format!("unix:path={}", self.dir.path().join("bus.sock").display())
    }

    /// A command that runs inside `ns`; with `private_run`, in a mount namespace with its own /run.
    fn command(&self, ns: &str, program: &str, private_run: bool) -> Result<Command, String> {
        let path = format!("/run/netns/{ns}");
        let netns = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut cmd = Command::new(program);
        cmd.env("DBUS_SYSTEM_BUS_ADDRESS", self.bus_address());
        cmd.env_remove("CUPS_SERVER");
        // SAFETY: only async-signal-safe syscalls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setns(netns.as_raw_fd(), libc::CLONE_NEWNET) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if private_run {
                    if libc::unshare(libc::CLONE_NEWNS) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    let none = c"none";
                    let root = c"/";
                    if libc::mount(
                        none.as_ptr(),
                        root.as_ptr(),
                        std::ptr::null(),
                        libc::MS_REC | libc::MS_PRIVATE,
                        std::ptr::null(),
                    ) != 0
                    {
                        return Err(std::io::Error::last_os_error());
                    }
                    let tmpfs = c"tmpfs";
                    let run = c"/run";
                    if libc::mount(tmpfs.as_ptr(), run.as_ptr(), tmpfs.as_ptr(), 0, std::ptr::null()) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
                Ok(())
            });
        }
        Ok(cmd)
    }

    fn spawn(&self, ns: &str, args: &[&str], private_run: bool, log: &str) -> Result<Child, String> {
        let log = std::fs::File::create(self.dir.path().join(log)).map_err(|e| e.to_string())?;
        let log2 = log.try_clone().map_err(|e| e.to_string())?;
        self.command(ns, args[0], private_run)?
            .args(&args[1..])
            .stdin(Stdio::null())
            .stdout(log)
            .stderr(log2)
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", args[0]))
    }

    pub fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default()
    }

    fn start_dns_sd(&mut self) -> Result<(), String> {
        let socket = self.dir.path().join("bus.sock");
        let bus_conf = self.dir.path().join("bus.conf");
        std::fs::write(
            &bus_conf,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
"#,
                socket.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        let conf = format!("--config-file={}", bus_conf.display());
        let ns = self.printer_ns.clone();
        let dbus = self.spawn(&ns, &["dbus-daemon", &conf, "--nofork", "--nopidfile"], false, "dbus.log")?;
        self.daemons.push(dbus);
        wait_for(|| socket.exists(), Duration::from_secs(5))
            .map_err(|_| format!("dbus-daemon did not start: {}", self.log("dbus.log")))?;
        let avahi_conf = self.dir.path().join("avahi-daemon.conf");
        std::fs::write(
            &avahi_conf,
            "[server]\nuse-ipv4=yes\nuse-ipv6=no\nenable-dbus=yes\n[wide-area]\nenable-wide-area=no\n[publish]\npublish-hinfo=no\npublish-workstation=no\n",
        )
        .map_err(|e| e.to_string())?;
        let avahi_conf = avahi_conf.to_string_lossy().into_owned();
        let avahi = self.spawn(
            &ns,
            &["avahi-daemon", "-f", &avahi_conf, "--no-drop-root", "--no-chroot", "--no-rlimits", "--no-proc-title"],
            true,
            "avahi.log",
        )?;
        self.daemons.push(avahi);
        wait_for(|| self.log("avahi.log").contains("Server startup complete"), Duration::from_secs(10))
            .map_err(|_| format!("avahi-daemon did not start: {}", self.log("avahi.log")))
    }

    /// (Re)start ippeveprinter; it keeps documents (-k) in `spool`.
    pub fn start_printer(&mut self) -> Result<(), String> {
        let spool = self.spool.to_string_lossy().into_owned();
        let port = PRINTER_PORT.to_string();
        let ns = self.printer_ns.clone();
        let mut args = vec!["ippeveprinter", "-p", &port, "-d", &spool, "-k"];
        if let Some(f) = self.formats {
            args.extend(["-f", f]);
        }
        if let Some(c) = self.command {
            args.extend(["-c", c]);
        }
        args.extend(["-M", MAKE, "-m", MODEL, "-v", SERVICE_NAME]);
        let child = self.spawn(&ns, &args, false, "ippeveprinter.log")?;
        self.ippeveprinter = Some(child);
        let addr: SocketAddr = format!("{PRINTER_IP}:{PRINTER_PORT}").parse().map_err(|e| format!("{e}"))?;
        self.wait_port(&self.client_ns, addr)
            .map_err(|_| format!("ippeveprinter did not start: {}", self.log("ippeveprinter.log")))
    }

    fn wait_port(&self, ns: &str, addr: SocketAddr) -> Result<(), ()> {
        in_ns(ns, move || {
            wait_for(|| TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok(), Duration::from_secs(10))
        })
    }

    /// Stop the printer process (the namespace and its address stay up).
    pub fn stop_printer(&mut self) {
        if let Some(mut c) = self.ippeveprinter.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Set supply `index` (0-based, as on ippeveprinter's Supplies page) to `level` percent
    /// through the printer's web form, as a technician would in a browser.
    pub fn set_supply(&self, levels: &[u8]) -> Result<String, String> {
        let query: Vec<String> = levels.iter().enumerate().map(|(i, l)| format!("supply{i}={l}")).collect();
        let request = format!(
            "GET /supplies?{} HTTP/1.1\r\nHost: {PRINTER_IP}:{PRINTER_PORT}\r\nConnection: close\r\n\r\n",
            query.join("&")
        );
        in_ns(&self.client_ns, move || {
            let addr: SocketAddr = format!("{PRINTER_IP}:{PRINTER_PORT}").parse().map_err(|e| format!("{e}"))?;
            let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
            s.set_read_timeout(Some(Duration::from_secs(5))).map_err(|e| e.to_string())?;
            s.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
            let mut body = String::new();
            let _ = s.read_to_string(&mut body);
            if body.starts_with("HTTP/1.1 200") { Ok(body) } else { Err(format!("supplies form answered: {body}")) }
        })
    }

    /// A deskcheck config for the lab: no mDNS unless asked, stuck jobs after `stuck_minutes`.
    pub fn write_config(&self, discover_mdns: bool, stuck_minutes: u64) -> PathBuf {
        let path = self.dir.path().join("deskcheck.toml");
        let text = format!(
            "[printers]\ndiscover_mdns = {discover_mdns}\nstuck_job_minutes = {stuck_minutes}\ncups_server = \"127.0.0.1:631\"\n\
             [network]\nprobe_timeout_ms = 500\n[targets]\nping_hosts = []\ndns_names = []\nhttp_urls = []\ntcp_ports = []\n"
        );
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The real `deskcheck` binary inside the client namespace, with no config of the host's.
    pub fn deskcheck_cmd(&self) -> Command {
        let mut cmd = self.command(&self.client_ns, env!("CARGO_BIN_EXE_deskcheck"), false).unwrap();
        cmd.env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config").env_remove("RUST_LOG");
        cmd
    }

    /// `deskcheck run --only printers --json --config CFG ARGS…` inside the client namespace.
    pub fn deskcheck(&self, config: &Path, args: &[&str]) -> (serde_json::Value, i32, String) {
        let out = self
            .command(&self.client_ns, env!("CARGO_BIN_EXE_deskcheck"), false)
            .unwrap()
            .args(["run", "--only", "printers", "--json", "--config"])
            .arg(config)
            .args(args)
            .env("XDG_CONFIG_HOME", "/nonexistent-deskcheck-test-config")
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            let stdout = String::from_utf8_lossy(&out.stdout);
            panic!("no JSON ({e}), exit {:?}; stdout:\n{stdout}\nstderr:\n{stderr}", out.status.code())
        });
        eprintln!("deskcheck exit {:?}\n{stderr}", out.status.code());
        (report, out.status.code().unwrap_or(-1), stderr)
    }

    /// A real cupsd in the client namespace (its own config dir, TCP 631 on loopback, no
    /// browsing) with the queue `office` pointing at ippeveprinter, set as the default.
    pub fn start_cups(&mut self) -> Result<(), String> {
        let root = self.dir.path().join("cups");
        for sub in ["spool", "cache", "state", "log", "tmp", "ppd"] {
            std::fs::create_dir_all(root.join(sub)).map_err(|e| e.to_string())?;
        }
        let r = root.display();
        std::fs::write(
            root.join("cupsd.conf"),
            format!(
                "LogLevel debug\nListen 127.0.0.1:631\nListen {r}/cups.sock\nBrowsing No\nBrowseLocalProtocols none\n\
                 DefaultAuthType None\nWebInterface No\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n\
                 <Policy default>\n  JobPrivateAccess all\n  JobPrivateValues none\n  <Limit All>\n    Order allow,deny\n    Allow all\n  </Limit>\n</Policy>\n"
            ),
        )
        .map_err(|e| e.to_string())?;
        std::fs::write(
            root.join("cups-files.conf"),
            format!(
                "ServerRoot {r}\nRequestRoot {r}/spool\nCacheDir {r}/cache\nStateDir {r}/state\nTempDir {r}/tmp\n\
                 ErrorLog {r}/log/error_log\nAccessLog {r}/log/access_log\nPageLog {r}/log/page_log\n"
            ),
        )
        .map_err(|e| e.to_string())?;
        let c = format!("{r}/cupsd.conf");
        let s = format!("{r}/cups-files.conf");
        let ns = self.client_ns.clone();
        self.cupsd = Some(self.spawn(&ns, &["cupsd", "-f", "-c", &c, "-s", &s], true, "cupsd.log")?);
        let addr: SocketAddr = "127.0.0.1:631".parse().map_err(|e| format!("{e}"))?;
        self.wait_port(&self.client_ns, addr).map_err(|_| format!("cupsd did not start: {}", self.log("cupsd.log")))?;
        let uri = self.printer_uri();
        self.cups_tool(&["lpadmin", "-h", "127.0.0.1:631", "-p", "office", "-E", "-v", &uri, "-m", "everywhere"])?;
        self.cups_tool(&["lpadmin", "-h", "127.0.0.1:631", "-d", "office"])?;
        Ok(())
    }

    /// Run a CUPS client tool in the client namespace against the lab's cupsd.
    pub fn cups_tool(&self, args: &[&str]) -> Result<String, String> {
        let out = self
            .command(&self.client_ns, args[0], false)?
            .args(&args[1..])
            .output()
            .map_err(|e| format!("{}: {e}", args[0]))?;
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        if out.status.success() { Ok(text) } else { Err(format!("`{}` failed: {text}", args.join(" "))) }
    }

    /// Submit a held job (`lp -H hold`) to `office`; returns lp's output ("request id is office-1").
    pub fn held_job(&self) -> Result<String, String> {
        let file = self.dir.path().join("held.txt");
        std::fs::write(&file, "a job that waits forever\n").map_err(|e| e.to_string())?;
        let f = file.to_string_lossy().into_owned();
        self.cups_tool(&["lp", "-h", "127.0.0.1:631", "-d", "office", "-o", "raw", "-H", "hold", &f])
    }

    /// Submit a job to `office` as `user` titled `title` (held with `hold`); returns its id.
    pub fn submit(&self, user: &str, title: &str, hold: bool) -> Result<i32, String> {
        let file = self.dir.path().join(format!("{title}.txt"));
        std::fs::write(&file, format!("{title}\n")).map_err(|e| e.to_string())?;
        let f = file.to_string_lossy().into_owned();
        let mut args = vec!["lp", "-h", "127.0.0.1:631", "-U", user, "-d", "office", "-t", title, "-o", "raw"];
        if hold {
            args.extend(["-H", "hold"]);
        }
        args.push(&f);
        let out = self.cups_tool(&args)?;
        // "request id is office-12 (1 file(s))"
        out.split("office-")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("no job id in lp's answer: {out}"))
    }

    /// The ids `lpstat -o` lists (CUPS's own view of the not-completed jobs).
    pub fn lpstat_ids(&self) -> Vec<i32> {
        let out = self.cups_tool(&["lpstat", "-h", "127.0.0.1:631", "-o"]).unwrap_or_default();
        out.lines().filter_map(|l| l.split_whitespace().next()?.strip_prefix("office-")?.parse().ok()).collect()
    }

    /// Files ippeveprinter spooled.
    pub fn spooled(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![self.spool.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() { stack.push(p) } else { out.push(p) }
            }
        }
        out
    }
}

fn wait_for(mut ok: impl FnMut() -> bool, limit: Duration) -> Result<(), ()> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(())
}

impl Drop for PrinterLab {
    fn drop(&mut self) {
        self.stop_printer();
        let mut children: Vec<Child> = self.cupsd.take().into_iter().collect();
        children.extend(self.daemons.drain(..).rev());
        for mut c in children {
            let _ = c.kill();
            let _ = c.wait();
        }
        for ns in self.namespaces.drain(..) {
            let _ = Command::new("ip").args(["netns", "del", &ns]).status();
        }
    }
}
