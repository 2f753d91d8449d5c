# evidence — English labels of evidence lines (`.evidence("Interface", ..)` → `ev-interface`,
# see i18n::evidence_id). One section per part of the program; add yours in your section.

## network (checks/network.rs, net/, diagnose.rs)

## printers and system (checks/printers*, checks/system.rs, hw/printer)
# Shared with network (Address, State) and displays/peripherals (Device, Model, Printer):
# whichever section merges second drops its copy.
ev-address = Address
ev-device = Device
ev-model = Model
ev-printer = Printer
ev-state = State
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

## gui and reports (gui/ except tools, bundle/, cli/)

