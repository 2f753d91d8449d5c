# readout — en messages (English).

readout-not-run = NOT RUN
readout-line-area = { $area }: { $status }
readout-line-layer = Network problem starts at: { $layer }
readout-line-failed = Failed: { $check }
readout-line-more = More checks failed than the code can hold: ask for the report.
readout-line-none-failed = No check failed.
readout-unknown-check = check number { $number } (made by a newer deskcheck)

readout-layer-link = Network connection
readout-layer-address = Address (DHCP)
readout-layer-gateway = Router (gateway)
readout-layer-dns = Name lookup (DNS)
readout-layer-internet = Internet
readout-layer-services = Websites and services

readout-error-length = The code has { $found } characters, but a read-out code has { $expected } (dashes and spaces not counted). Ask for the whole code again.
readout-error-character = "{ $character }" (character { $position }) is not used in read-out codes. Ask for that character again.
readout-error-check = The code is wrong — a character was misheard or two were swapped. Ask for the code again.
readout-error-version = The code is in format { $version }, which this deskcheck does not know. Update deskcheck to read it.
readout-error-no-result = The code is wrong — it holds no result deskcheck makes. Ask for the code again.
