# evidence — Danish labels of evidence lines (`.evidence("Interface", ..)` → `ev-interface`,
# see i18n::evidence_id). One section per part of the program; add yours in your section.

## network (checks/network.rs, net/, diagnose.rs)

## printers and system (checks/printers*, checks/system.rs, hw/printer)
# Shared with network (Address, State) and displays/peripherals (Device, Model, Printer):
# whichever section merges second drops its copy.
ev-address = Adresse
ev-device = Enhed
ev-model = Model
ev-printer = Printer
ev-state = Tilstand
ev-after = Efter
ev-architecture = Arkitektur
ev-available = Ledig
ev-before = Før
ev-charge = Opladning
ev-charge-cycles = Opladninger
ev-cores = Kerner
ev-dns-servers = DNS-servere
ev-default = Standard
ev-default-gateway = Standardgateway
ev-file-system = Filsystem
ev-format = Format
ev-free = Ledig plads
ev-health = Kapacitet
ev-host-name = Computernavn
ev-ipv4 = IPv4
ev-ipv6 = IPv6
ev-job = Job
ev-kernel = Kerne
ev-level = Niveau
ev-link-speed = Forbindelseshastighed
ev-load-average = Gennemsnitlig belastning
ev-mac = MAC-adresse
ev-make-and-model = Mærke og model
ev-ping = Ping
ev-print-server = Printserver
ev-printer-says = Printeren skriver
ev-process-id = Proces-id
ev-queue = Kø
ev-rendered-as = Lavet som
ev-service = Tjeneste
ev-state-reasons = Årsager til tilstand
ev-supply = Forbrugsvare
ev-swap-used = Brugt swap
ev-total = I alt
ev-type = Type
ev-uptime = Oppetid
ev-usage = Forbrug
ev-would-do = Ville gøre

## displays, peripherals, testers, checklists (checks/displays.rs, checks/peripherals.rs, testers/, checklist/, gui/tools/)

## gui and reports (gui/ except tools, bundle/, cli/)

