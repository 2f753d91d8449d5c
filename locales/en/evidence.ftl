# evidence — English labels of evidence lines (`.evidence("Interface", ..)` → `ev-interface`,
# see i18n::evidence_id). One section per part of the program; add yours in your section.

## network (checks/network.rs, net/, diagnose.rs)
# "Address" and "State" are also printers' and system's labels: defined here once.

ev-access-point-bssid = Access point (BSSID)
ev-address = Address
ev-also-seen-on = Also seen on
ev-band = Band
ev-dhcp-server = DHCP server
ev-dns = DNS
ev-domain = Domain
ev-expires = Expires
ev-gateway = Gateway
ev-interface = Interface
ev-lease-source = Lease source
ev-link-rate-tx-rx = Link rate (tx / rx)
ev-loss = Loss
ev-method = Method
ev-network-ssid = Network (SSID)
ev-noise = Noise
ev-obtained = Obtained
ev-phy = PHY
ev-rate-limited-not-loss = Rate-limited, not loss
ev-rebinds = Rebinds
ev-renews = Renews
ev-router = Router
ev-routers-pinged-straight-loss = Routers pinged straight (loss)
ev-rtt-min-avg-max = RTT min/avg/max
ev-rtt-min-avg-max-mdev = RTT min/avg/max/mdev
ev-security = Security
ev-signal = Signal
ev-source = Source
ev-state = State
ev-stopped-by = Stopped by
ev-targets = Targets
ev-time-remaining = Time remaining

## printers and system (checks/printers*, checks/system.rs, hw/printer)

## displays, peripherals, testers, checklists (checks/displays.rs, checks/peripherals.rs, testers/, checklist/, gui/tools/)

## gui and reports (gui/ except tools, bundle/, cli/)

