//! Test network topologies built from Linux network namespaces, torn down on drop.
//!
//! ```text
//!  client ──(lan, bridge in gw)── gw ──── r1 ──── r2 ──── far
//!  dhclient                      dnsmasq                  ping, HTTP :80,
//!                                DHCP+DNS, NAT            DNS for deskcheck.test
//!  [rogue: a second DHCP server on the LAN, when asked]
//! ```
//! No veth ever reaches the host's namespace: nothing here can send a packet outside.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const GW_LAN: &str = "10.77.1.1";
pub const GW_WAN: &str = "10.77.2.1";
pub const R1: &str = "10.77.2.2";
pub const R1_OUT: &str = "10.77.3.1";
pub const R2: &str = "10.77.3.2";
pub const R2_OUT: &str = "198.51.100.1";
pub const FAR: &str = "198.51.100.10";
pub const ROGUE: &str = "10.77.1.254";
pub const TEST_NAME: &str = "www.deskcheck.test";
pub const TEST_DOMAIN: &str = "deskcheck.test";

/// What a scenario needs from the topology.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Start the DHCP server on gw and take a lease in client (otherwise a 169.254 address).
    pub no_dhcp: bool,
    /// A second DHCP server on the LAN.
    pub rogue_dhcp: bool,
    /// No DHCP server; the client's address, route and DNS server are set by hand (static).
    pub static_address: bool,
    /// No DHCP server and no address at all on the client: the cable is in, DHCP is silent.
    pub silent_dhcp: bool,
}

impl Options {
    /// Whether gw's dnsmasq hands out addresses.
    fn dhcp_server(&self) -> bool {
        !(self.no_dhcp || self.static_address || self.silent_dhcp)
    }
}

/// The client's hand-set address in the `static_address` scenario.
pub const CLIENT_STATIC: &str = "10.77.1.50";

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub struct Topology {
    pub id: String,
    pub client: String,
    pub gw: String,
    pub r1: String,
    pub r2: String,
    pub far: String,
    pub rogue: Option<String>,
    /// The client's LAN interface name.
    pub client_if: String,
    pub dir: tempfile::TempDir,
    pub lease_file: PathBuf,
    children: Vec<Child>,
    namespaces: Vec<String>,
}

/// Why a topology test cannot run here; None when it can.
pub fn unavailable() -> Option<String> {
    if !super::is_root() {
        return Some("needs root to create network namespaces".into());
    }
    for tool in ["ip", "iptables", "dnsmasq", "dhclient", "python3"] {
        if which(tool).is_none() {
            return Some(format!("{tool} is not installed (scripts/install-deps installs it)"));
        }
    }
    None
}

pub fn which(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin"].map(PathBuf::from))
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
}

fn run(args: &[&str]) -> Result<Output, String> {
    let out = Command::new(args[0]).args(&args[1..]).output().map_err(|e| format!("{}: {e}", args.join(" ")))?;
    if !out.status.success() {
        return Err(format!("`{}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(out)
}

impl Topology {
    pub fn build(opts: Options) -> Result<Topology, String> {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let id = format!("dc{}{}", std::process::id() % 100_000, n);
        let name = |role: &str| format!("{id}-{role}");
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut t = Topology {
            client: name("cl"),
            gw: name("gw"),
            r1: name("r1"),
            r2: name("r2"),
            far: name("far"),
            rogue: opts.rogue_dhcp.then(|| name("rg")),
            client_if: format!("{id}c"),
            lease_file: dir.path().join("client.leases"),
            dir,
            id,
            children: Vec::new(),
            namespaces: Vec::new(),
        };
        t.wire(&opts)?;
        Ok(t)
    }

    fn add_ns(&mut self, ns: &str) -> Result<(), String> {
        run(&["ip", "netns", "add", ns])?;
        self.namespaces.push(ns.to_string());
        run(&["ip", "-n", ns, "link", "set", "lo", "up"])?;
        // A resolv.conf of its own, so nothing run inside can touch the host's.
        let etc = PathBuf::from("/etc/netns").join(ns);
        std::fs::create_dir_all(&etc).map_err(|e| format!("{}: {e}", etc.display()))?;
        std::fs::write(etc.join("resolv.conf"), "").map_err(|e| e.to_string())?;
        // Unprivileged ICMP sockets for every group, as desktop distributions set it.
        self.sh(ns, &["sysctl", "-qw", "net.ipv4.ping_group_range=0 2147483647"])?;
        // A lab network without ICMP rate limits: loss in a test is the loss the test made.
        // (Real routers do rate-limit; the trace check's loss rules allow for that.)
        self.sh(ns, &["sysctl", "-qw", "net.ipv4.icmp_ratelimit=0"])?;
        Ok(())
    }

    /// A veth pair between two namespaces, addressed and up.
    fn link(&self, a: (&str, &str, &str), b: (&str, &str, &str)) -> Result<(), String> {
        run(&["ip", "link", "add", a.1, "netns", a.0, "type", "veth", "peer", "name", b.1, "netns", b.0])?;
        for (ns, ifname, addr) in [a, b] {
            if !addr.is_empty() {
                run(&["ip", "-n", ns, "addr", "add", addr, "dev", ifname])?;
            }
            run(&["ip", "-n", ns, "link", "set", ifname, "up"])?;
        }
        Ok(())
    }

    /// Run a program inside a namespace and wait for it.
    pub fn sh(&self, ns: &str, args: &[&str]) -> Result<Output, String> {
        let mut full = vec!["ip", "netns", "exec", ns];
        full.extend_from_slice(args);
        run(&full)
    }

    /// A command that will run inside a namespace.
    pub fn command(&self, ns: &str, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", ns]).arg(program);
        cmd
    }

    fn spawn(&mut self, ns: &str, args: &[&str]) -> Result<(), String> {
        let log = std::fs::File::create(self.dir.path().join(format!("{}.log", args[0].replace('/', "_"))))
            .map_err(|e| e.to_string())?;
        let child = self
            .command(ns, args[0])
            .args(&args[1..])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", args[0]))?;
        self.children.push(child);
        Ok(())
    }

    fn wire(&mut self, opts: &Options) -> Result<(), String> {
        let (client, gw, r1, r2, far) =
            (self.client.clone(), self.gw.clone(), self.r1.clone(), self.r2.clone(), self.far.clone());
        for ns in [&client, &gw, &r1, &r2, &far] {
            self.add_ns(ns)?;
        }
        let id = self.id.clone();
        let ifn = |s: &str| format!("{id}{s}");
        // LAN: a bridge in gw, so a rogue DHCP server can join it.
        self.sh(&gw, &["ip", "link", "add", "br0", "type", "bridge"])?;
        self.link((&client, &self.client_if, ""), (&gw, &ifn("l0"), ""))?;
        self.sh(&gw, &["ip", "link", "set", &ifn("l0"), "master", "br0"])?;
        self.sh(&gw, &["ip", "addr", "add", &format!("{GW_LAN}/24"), "dev", "br0"])?;
        self.sh(&gw, &["ip", "link", "set", "br0", "up"])?;
        self.link((&gw, &ifn("w0"), &format!("{GW_WAN}/30")), (&r1, &ifn("a1"), &format!("{R1}/30")))?;
        self.link((&r1, &ifn("b1"), &format!("{R1_OUT}/30")), (&r2, &ifn("a2"), &format!("{R2}/30")))?;
        self.link((&r2, &ifn("b2"), &format!("{R2_OUT}/24")), (&far, &ifn("f0"), &format!("{FAR}/24")))?;
        for ns in [&gw, &r1, &r2] {
            self.sh(ns, &["sysctl", "-qw", "net.ipv4.ip_forward=1"])?;
        }
        self.sh(&gw, &["ip", "route", "add", "default", "via", R1])?;
        self.sh(&r1, &["ip", "route", "add", "default", "via", R2])?;
        self.sh(&r2, &["ip", "route", "add", "10.77.2.0/30", "via", R1_OUT])?;
        self.sh(&far, &["ip", "route", "add", "default", "via", R2_OUT])?;
        // The office router hides the LAN behind its WAN address, like a real one.
        self.sh(&gw, &["iptables", "-t", "nat", "-A", "POSTROUTING", "-o", &ifn("w0"), "-j", "MASQUERADE"])?;

        // far: HTTP and the authoritative DNS of the test zone.
        let www = self.dir.path().join("www");
        std::fs::create_dir_all(&www).map_err(|e| e.to_string())?;
        std::fs::write(www.join("index.html"), "<h1>deskcheck test host</h1>\n").map_err(|e| e.to_string())?;
        std::fs::write(www.join("connecttest.txt"), "deskcheck connect test").map_err(|e| e.to_string())?;
        let www_s = www.to_string_lossy().into_owned();
        self.spawn(&far, &["python3", "-m", "http.server", "80", "--bind", FAR, "--directory", &www_s])?;
        let far_pid = self.dir.path().join("far-dns.pid").to_string_lossy().into_owned();
        self.spawn(
            &far,
            &[
                "dnsmasq",
                "--keep-in-foreground",
                "--conf-file=/dev/null",
                "--no-resolv",
                "--no-hosts",
                "--user=root",
                &format!("--pid-file={far_pid}"),
                &format!("--listen-address={FAR}"),
                "--bind-interfaces",
                &format!("--local=/{TEST_DOMAIN}/"),
                &format!("--host-record={TEST_NAME},{FAR}"),
                &format!("--host-record=far.{TEST_DOMAIN},{FAR}"),
                "--log-queries",
                "--log-facility=-",
            ],
        )?;
        // gw: DHCP for the LAN, and a caching resolver that asks far for the test zone.
        let leases = self.dir.path().join("gw.leases").to_string_lossy().into_owned();
        let gw_pid = self.dir.path().join("gw.pid").to_string_lossy().into_owned();
        let mut gw_args: Vec<String> = [
            "dnsmasq",
            "--keep-in-foreground",
            "--conf-file=/dev/null",
            "--no-resolv",
            "--no-hosts",
            "--user=root",
            "--interface=br0",
            "--bind-interfaces",
            "--log-facility=-",
        ]
        .map(String::from)
        .to_vec();
        gw_args.push(format!("--pid-file={gw_pid}"));
        gw_args.push(format!("--server=/{TEST_DOMAIN}/{FAR}"));
        gw_args.push(format!("--server=/in-addr.arpa/{FAR}"));
        if opts.dhcp_server() {
            gw_args.extend([
                "--dhcp-range=10.77.1.100,10.77.1.150,255.255.255.0,1h".to_string(),
                format!("--dhcp-option=option:router,{GW_LAN}"),
                format!("--dhcp-option=option:dns-server,{GW_LAN}"),
                "--dhcp-option=option:domain-name,office.test".to_string(),
                format!("--dhcp-leasefile={leases}"),
                "--dhcp-authoritative".to_string(),
            ]);
        }
        let gw_refs: Vec<&str> = gw_args.iter().map(String::as_str).collect();
        self.spawn(&gw, &gw_refs)?;

        if let Some(rogue) = self.rogue.clone() {
            self.add_ns(&rogue)?;
            self.link((&rogue, &ifn("r0"), &format!("{ROGUE}/24")), (&gw, &ifn("rg"), ""))?;
            self.sh(&gw, &["ip", "link", "set", &ifn("rg"), "master", "br0"])?;
            let rl = self.dir.path().join("rogue.leases").to_string_lossy().into_owned();
            let args = [
                "dnsmasq".to_string(),
                "--keep-in-foreground".into(),
                "--conf-file=/dev/null".into(),
                "--no-resolv".into(),
                "--no-hosts".into(),
                "--user=root".into(),
                "--port=0".into(),
                format!("--interface={}", ifn("r0")),
                "--bind-interfaces".into(),
                "--dhcp-range=10.77.1.200,10.77.1.210,255.255.255.0,1h".into(),
                format!("--dhcp-option=option:router,{ROGUE}"),
                format!("--dhcp-leasefile={rl}"),
                format!("--pid-file={}", self.dir.path().join("rogue.pid").display()),
                "--log-facility=-".into(),
            ];
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            self.spawn(&rogue, &refs)?;
        }

        wait_for_port(self, &gw, 53)?;
        wait_for_port(self, &far, 53)?;
        wait_for_port(self, &far, 80)?;
        if opts.static_address {
            self.set_static_address()?;
        } else if opts.silent_dhcp {
            // The cable is in and DHCP never answered: no address at all (no autoconfiguration).
        } else if opts.no_dhcp {
            // What an OS does when DHCP never answers: a link-local address, no route.
            self.sh(&client, &["ip", "addr", "add", "169.254.77.7/16", "dev", &self.client_if])?;
        } else {
            self.take_lease()?;
        }
        Ok(())
    }

    /// A real DHCP client takes a real lease; our script only applies it (no host files touched).
    fn take_lease(&mut self) -> Result<(), String> {
        let script = self.dir.path().join("dhclient-script");
        let resolv = PathBuf::from("/etc/netns").join(&self.client).join("resolv.conf");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\ncase \"$reason\" in BOUND|RENEW|REBIND|REBOOT)\n  ip addr flush dev \"$interface\"\n  ip addr add \"$new_ip_address/$new_subnet_mask\" dev \"$interface\"\n  for r in $new_routers; do ip route replace default via \"$r\"; break; done\n  : > {resolv}\n  for d in $new_domain_name_servers; do echo \"nameserver $d\" >> {resolv}; done\n  [ -n \"$new_domain_name\" ] && echo \"search $new_domain_name\" >> {resolv}\n  ;;\nesac\nexit 0\n",
                resolv = resolv.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .map_err(|e| e.to_string())?;
        let pid = self.dir.path().join("dhclient.pid");
        let out = self
            .command(&self.client, "dhclient")
            .args(["-4", "-1", "-v", "-lf"])
            .arg(&self.lease_file)
            .arg("-pf")
            .arg(&pid)
            .arg("-sf")
            .arg(&script)
            .arg(&self.client_if)
            .output()
            .map_err(|e| format!("dhclient: {e}"))?;
        // dhclient forks into the background once bound; stop it so it holds no port and renews nothing.
        if let Ok(text) = std::fs::read_to_string(&pid) {
            let _ = Command::new("kill").arg(text.trim()).status();
        }
        if !out.status.success() {
            return Err(format!("dhclient got no lease: {}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(())
    }

    /// A static configuration: address, default route and DNS server set by hand.
    fn set_static_address(&self) -> Result<(), String> {
        self.sh(&self.client, &["ip", "addr", "add", &format!("{CLIENT_STATIC}/24"), "dev", &self.client_if])?;
        self.sh(&self.client, &["ip", "route", "add", "default", "via", GW_LAN])?;
        let resolv = PathBuf::from("/etc/netns").join(&self.client).join("resolv.conf");
        std::fs::write(&resolv, format!("nameserver {GW_LAN}\n")).map_err(|e| format!("{}: {e}", resolv.display()))
    }

    /// The cable is pulled: gw's end of the LAN link goes down, so the client loses its
    /// carrier (operstate LOWERLAYERDOWN / NO-CARRIER) and keeps its address.
    pub fn unplug_cable(&self) -> Result<(), String> {
        self.sh(&self.gw, &["ip", "link", "set", "dev", &format!("{}l0", self.id), "down"])?;
        Ok(())
    }

    /// The DNS server on gw is down: queries are refused with ICMP port unreachable, as by a
    /// host where nothing listens on port 53 (`break_dns` is the silent, dropping variant).
    pub fn stop_dns(&self) -> Result<(), String> {
        for proto in ["udp", "tcp"] {
            self.sh(
                &self.gw,
                &[
                    "iptables",
                    "-I",
                    "INPUT",
                    "-p",
                    proto,
                    "--dport",
                    "53",
                    "-j",
                    "REJECT",
                    "--reject-with",
                    "icmp-port-unreachable",
                ],
            )?;
        }
        Ok(())
    }

    /// The DNS server on gw stops answering (a hung resolver, not a missing one).
    pub fn break_dns(&self) -> Result<(), String> {
        for proto in ["udp", "tcp"] {
            self.sh(&self.gw, &["iptables", "-I", "INPUT", "-p", proto, "--dport", "53", "-j", "DROP"])?;
        }
        Ok(())
    }

    /// The gateway stops answering and forwarding (hung router); the link stays up.
    pub fn break_gateway(&self) -> Result<(), String> {
        self.sh(&self.gw, &["iptables", "-I", "INPUT", "-i", "br0", "-j", "DROP"])?;
        self.sh(&self.gw, &["iptables", "-I", "FORWARD", "-i", "br0", "-j", "DROP"])?;
        Ok(())
    }

    /// Random loss on everything entering r2 from r1: hop 3 and beyond lose `percent` %.
    pub fn add_loss_at_r2(&self, percent: u32) -> Result<(), String> {
        self.random_loss_into(&self.r2, &format!("{}a2", self.id), percent)
    }

    /// Every router and the far host answer ICMP errors the way a stock Linux box does:
    /// a burst of 6 per peer, then 1 per second (`net.ipv4.icmp_ratelimit=1000`). The lab
    /// starts without limits; traces under real-world rate limiting need this.
    pub fn stock_icmp_limits(&self) -> Result<(), String> {
        for ns in [&self.gw, &self.r1, &self.r2, &self.far] {
            self.set_icmp_ratelimit(ns, 1000)?;
        }
        Ok(())
    }

    /// One namespace's ICMP error budget: one per `ms` after the burst of 6 (0 = no limit).
    /// 5000 makes an ISP router stricter than the stock 1000.
    pub fn set_icmp_ratelimit(&self, ns: &str, ms: u32) -> Result<(), String> {
        self.sh(ns, &["sysctl", "-qw", &format!("net.ipv4.icmp_ratelimit={ms}")])?;
        Ok(())
    }

    /// Random loss on the ISP's access line: everything entering r1 from gw, so hop 2 and
    /// every hop after it lose `percent` % of the probes (hop 1, gw, loses none).
    pub fn add_loss_entering_r1(&self, percent: u32) -> Result<(), String> {
        self.random_loss_into(&self.r1, &format!("{}a1", self.id), percent)
    }

    /// Drops `percent` % of what enters namespace `ns` through `ifname`, at random (this
    /// kernel has no netem; iptables' statistic match does the same for loss).
    fn random_loss_into(&self, ns: &str, ifname: &str, percent: u32) -> Result<(), String> {
        let p = format!("{:.2}", f64::from(percent) / 100.0);
        let rule = ["iptables", "-t", "raw", "-A", "PREROUTING", "-i", ifname, "-m", "statistic", "--mode", "random"];
        let mut args = rule.to_vec();
        args.extend(["--probability", &p, "-j", "DROP"]);
        self.sh(ns, &args)?;
        Ok(())
    }

    /// The outside is unreachable behind r1: it has no route on, so it answers every probe
    /// past it with "network unreachable" (from its rate-limited ICMP budget).
    pub fn outside_unreachable_at_r1(&self) -> Result<(), String> {
        self.sh(&self.r1, &["ip", "route", "del", "default"])?;
        Ok(())
    }

    /// A config file pointing every outside target into this topology.
    pub fn write_config(&self) -> PathBuf {
        let path = self.dir.path().join("deskcheck.toml");
        let text = format!(
            "[targets]\nping_hosts = [\"{FAR}\"]\ndns_names = [\"{TEST_NAME}\"]\nnxdomain_probe_domain = \"{TEST_DOMAIN}\"\nhttp_urls = [\"http://{FAR}/\"]\ntcp_ports = [\"{FAR}:80\"]\ncaptive_portal = {{ url = \"http://{FAR}/connecttest.txt\", expected_body = \"deskcheck connect test\" }}\n[network]\ndhcp_lease_files = [\"{}\"]\n",
            self.lease_file.display()
        );
        std::fs::write(&path, text).expect("write test config");
        path
    }

    pub fn log(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default()
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn wait_for_port(t: &Topology, ns: &str, port: u16) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let pattern = format!(":{port} ");
    while Instant::now() < deadline {
        if let Ok(out) = t.sh(ns, &["ss", "-lntu"])
            && String::from_utf8_lossy(&out.stdout).contains(&pattern)
        {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("nothing listens on port {port} in {ns}"))
}

impl Drop for Topology {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
        for ns in self.namespaces.iter().rev() {
            let _ = Command::new("ip").args(["netns", "del", ns]).status();
            let _ = std::fs::remove_dir_all(PathBuf::from("/etc/netns").join(ns));
        }
    }
}
