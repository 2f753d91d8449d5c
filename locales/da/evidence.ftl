# evidence — Danish labels of evidence lines (`.evidence("Interface", ..)` → `ev-interface`,
# see i18n::evidence_id). One section per part of the program; add yours in your section.

## network (checks/network.rs, net/, diagnose.rs)
# "Address" and "State" are also printers' and system's labels: defined here once.

ev-access-point-bssid = Adgangspunkt (BSSID)
ev-address = Adresse
ev-also-seen-on = Også set på
ev-band = Frekvensbånd
ev-dhcp-server = DHCP-server
ev-dns = DNS
ev-domain = Domæne
ev-expires = Udløber
ev-gateway = Gateway
ev-interface = Netværkskort
ev-lease-source = Lease læst fra
ev-link-rate-tx-rx = Forbindelseshastighed (send / modtag)
ev-loss = Pakketab
ev-method = Metode
ev-network-ssid = Netværk (SSID)
ev-noise = Støj
ev-obtained = Modtaget
ev-phy = PHY
ev-rate-limited-not-loss = Begrænser svar, ikke tab
ev-rebinds = Genbindes
ev-renews = Fornyes
ev-router = Router
ev-routers-pinged-straight-loss = Routere pinget direkte (tab)
ev-rtt-min-avg-max = Svartid min/gns./maks.
ev-rtt-min-avg-max-mdev = Svartid min/gns./maks./afvigelse
ev-security = Sikkerhed
ev-signal = Signal
ev-source = Kilde
ev-state = Tilstand
ev-stopped-by = Stoppet af
ev-targets = Mål
ev-time-remaining = Tid tilbage

## printers and system (checks/printers*, checks/system.rs, hw/printer)
# Shared with network (Address, State) and displays/peripherals (Device, Model, Printer):
# whichever section merges second drops its copy.
ev-device = Enhed
ev-model = Model
ev-printer = Printer
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
ev-answer = Svar
ev-asked = Spurgt
ev-back-forward-buttons = Tilbage-/frem-knapper
ev-checklist = Tjekliste
ev-class = Klasse
ev-current-mode = Nuværende tilstand
ev-edid-version = EDID-version
ev-graphics-adapter = Grafikkort
ev-input = Indgang
ev-inputs = Indgange
ev-layout = Tastaturlayout
ev-made = Produceret
ev-make = Mærke
ev-microphone = Mikrofon
ev-model-year = Modelår
ev-native-mode = Skærmens egen tilstand
ev-outputs = Udgange
ev-port = Port
ev-position = Placering
ev-primary = Hovedskærm
ev-rotation = Rotation
ev-scale = Skalering
ev-serial = Serienummer
ev-shown = Vist
ev-size = Størrelse
ev-sound-system = Lydsystem
ev-speaker = Højttaler
ev-speed = Hastighed
ev-step = Trin
ev-tested = Testet

## gui and reports (gui/ except tools, bundle/, cli/)

