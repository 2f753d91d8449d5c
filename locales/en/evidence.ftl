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
# Shared with network (Address, State) and displays/peripherals (Device, Model, Printer):
# whichever section merges second drops its copy.
ev-device = Device
ev-model = Model
ev-printer = Printer
ev-after = After
ev-architecture = Architecture
ev-available = Available
ev-before = Before
ev-charge = Charge
ev-charge-cycles = Charge cycles
ev-cores = Cores
ev-dns-servers = DNS servers
ev-default = Default
ev-default-gateway = Default gateway
ev-file-system = File system
ev-format = Format
ev-free = Free
ev-health = Health
ev-host-name = Host name
ev-ipv4 = IPv4
ev-ipv6 = IPv6
ev-job = Job
ev-kernel = Kernel
ev-level = Level
ev-link-speed = Link speed
ev-load-average = Load average
ev-mac = MAC
ev-make-and-model = Make and model
ev-ping = Ping
ev-print-server = Print server
ev-printer-says = Printer says
ev-process-id = Process id
ev-queue = Queue
ev-rendered-as = Rendered as
ev-service = Service
ev-state-reasons = State reasons
ev-supply = Supply
ev-swap-used = Swap used
ev-total = Total
ev-type = Type
ev-uptime = Uptime
ev-usage = Usage
ev-would-do = Would do

## displays, peripherals, testers, checklists (checks/displays.rs, checks/peripherals.rs, testers/, checklist/, gui/tools/)
ev-answer = Answer
ev-asked = Asked
ev-back-forward-buttons = Back / forward buttons
ev-checklist = Checklist
ev-class = Class
ev-current-mode = Current mode
ev-edid-version = EDID version
ev-graphics-adapter = Graphics adapter
ev-input = Input
ev-inputs = Inputs
ev-layout = Layout
ev-made = Made
ev-make = Make
ev-microphone = Microphone
ev-model-year = Model year
ev-native-mode = Native mode
ev-outputs = Outputs
ev-port = Port
ev-position = Position
ev-primary = Primary
ev-rotation = Rotation
ev-scale = Scale
ev-serial = Serial
ev-shown = Shown
ev-size = Size
ev-sound-system = Sound system
ev-speaker = Speaker
ev-speed = Speed
ev-step = Step
ev-tested = Tested

## gui and reports (gui/ except tools, bundle/, cli/)

