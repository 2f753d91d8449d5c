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

## displays, peripherals, testers, checklists (checks/displays.rs, checks/peripherals.rs, testers/, checklist/, gui/tools/)
ev-answer = Svar
ev-asked = Spurgt
ev-back-forward-buttons = Tilbage-/frem-knapper
ev-checklist = Tjekliste
ev-class = Klasse
ev-current-mode = Nuværende tilstand
ev-device = Enhed
ev-edid-version = EDID-version
ev-graphics-adapter = Grafikkort
ev-input = Indgang
ev-inputs = Indgange
ev-layout = Tastaturlayout
ev-made = Produceret
ev-make = Mærke
ev-microphone = Mikrofon
ev-model = Model
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

