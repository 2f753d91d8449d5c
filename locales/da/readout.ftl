# readout — da messages (Danish).

readout-not-run = IKKE KØRT
readout-line-area = { $area }: { $status }
readout-line-layer = Netværksproblemet starter ved: { $layer }
readout-line-failed = Fejlede: { $check }
readout-line-more = Flere tjek fejlede, end koden kan rumme: bed om rapporten.
readout-line-none-failed = Intet tjek fejlede.
readout-unknown-check = tjek nummer { $number } (fra en nyere deskcheck)

readout-layer-link = Netværksforbindelse
readout-layer-address = Adresse (DHCP)
readout-layer-gateway = Router (gateway)
readout-layer-dns = Navneopslag (DNS)
readout-layer-internet = Internet
readout-layer-services = Hjemmesider og tjenester

readout-error-length = Koden har { $found } tegn, men en aflæsningskode har { $expected } (bindestreger og mellemrum tæller ikke med). Bed om hele koden igen.
readout-error-character = "{ $character }" (tegn nr. { $position }) bruges ikke i aflæsningskoder. Bed om det tegn igen.
readout-error-check = Koden er forkert — et tegn blev hørt forkert, eller to tegn blev byttet om. Bed om koden igen.
readout-error-version = Koden er i format { $version }, som denne deskcheck ikke kender. Opdater deskcheck for at læse den.
readout-error-no-result = Koden er forkert — den indeholder ikke et resultat, deskcheck laver. Bed om koden igen.
