# netview — Danish messages of the Network view (gui/views/network/) and the manual trace and ping.

## The view's frame: heading, cards, verdict banner, the layer ladder
netview-back = Tilbage
netview-back-hover = Tilbage til oversigten over alle områder
netview-heading = Netværk
netview-card-interface = Netværkskort og adresse
netview-card-wifi = Wi-Fi
netview-card-manual = Spor eller ping en vært
netview-card-ping = Ping
netview-card-trace = Traceroute
netview-card-dns = Navneopslag (DNS)
netview-card-services = Hjemmesider og tjenester
netview-card-dhcp = DHCP-servere på dette netværk
netview-banner-checking = ⟳ Tjekker netværket…
netview-banner-no-verdict = – Ingen samlet vurdering af netværket: netværkstjekkene kunne ikke køre.
netview-banner-not-checked = ○ Netværket er ikke blevet tjekket endnu. Tryk på “Tjek det hele”.
netview-banner-no-network = ○ Denne pakke indeholder ingen netværkstjek.
netview-layer-link = Netværksforbindelse
netview-layer-address = Adresse (DHCP)
netview-layer-gateway = Router (gateway)
netview-layer-dns = Navneopslag (DNS)
netview-layer-internet = Internet
netview-layer-services = Hjemmesider og tjenester
netview-rung-checking = Tjekker
netview-rung-still-checking = Tjekker stadig.
netview-rung-ok = OK
netview-rung-warning = Advarsel
netview-rung-fail = Fejl
netview-rung-not-checked = Ikke tjekket
netview-rung-nothing-checked = Intet har tjekket dette.
netview-rung-could-not-check = Kunne ikke tjekkes

## Runs without data, and data that cannot be read
netview-data-unreadable = Resultaterne af “{ $check }” i denne pakke kan ikke vises: de er gemt i en form, som denne version ikke kan læse.
netview-outcome-skipped = ℹ Ikke tjekket: { $reason }
netview-outcome-unsupported = ℹ Findes ikke på denne computer: { $reason }
netview-outcome-timed-out = ⚠ Intet resultat: tjekket tog mere end { $ms } ms
netview-outcome-errored = ⚠ Tjekket kunne ikke gøres færdigt: { $message }
netview-not-checked-yet = Ikke tjekket endnu.
netview-none = ingen
netview-no-answer = intet svar
netview-unknown-error = ukendt fejl

## Interface and address card
netview-row-adapter = Netværkskort
netview-no-adapter = intet tilsluttet netværkskort
netview-row-mac = Hardwareadresse (MAC)
netview-row-ipv4 = IPv4-adresse
netview-row-ipv6 = IPv6-adresse
netview-row-router = Router
netview-row-dns-servers = DNS-servere
netview-row-dhcp-server = DHCP-server
netview-row-lease-obtained = Adresse modtaget
netview-row-renews = Fornyes
netview-row-expires = Udløber
netview-row-time-remaining = Tid tilbage
netview-lease-expired = udløbet
netview-when-checked = { $left } (da der blev tjekket)
netview-row-lease-time = Lejetid
netview-row-domain = Domæne
netview-row-recorded-by = Registreret af
netview-row-dhcp-lease = DHCP-lejemål
netview-no-lease-record = der blev ikke fundet noget DHCP-lejemål på denne computer

## Wi-Fi card
netview-wifi-network = Netværk
netview-wifi-name-hidden = (navnet vises ikke af systemet)
netview-wifi-access-point = Adgangspunkt
netview-wifi-signal = Signal
netview-wifi-estimated = { $signal } (anslået)
netview-wifi-with-noise = { $signal }, støj { $noise }
netview-wifi-band = Frekvensbånd
netview-wifi-channel = { $band }, kanal { $channel }
netview-wifi-standard = Standard
netview-wifi-link-rate = Forbindelseshastighed (send / modtag)
netview-wifi-security = Sikkerhed

## Ping card, and a ping the user asked for
netview-ping-router = Router { $address }
netview-ping-not-pinged = ikke pinget
netview-ping-none-yet = Der er ikke kørt nogen ping endnu.
netview-ping-pinging = ⟳ pinger
netview-ping-no-answer = ✖ intet svar
netview-ping-some-lost = ⚠ nogle gik tabt
netview-ping-answers = ✔ svarer
netview-ping-figures = { $received } af { $sent } besvaret · tab { $loss } % · min/gns/maks/afv { $min } / { $avg } / { $max } / { $mdev } ms
netview-ping-probes-failed = Forsøgene mislykkedes: { $error }

## "Trace to…": trace or ping a host the user names
netview-trace-to = Spor til…
netview-trace-to-hint = værtsnavn eller IP-adresse
netview-trace = Spor
netview-trace-hover = Spor vejen til denne vært, 10 forsøg pr. hop
netview-ping = Ping
netview-ping-hover = Ping denne vært, og vis hvert svar, efterhånden som det kommer
netview-stop = Stop
netview-stop-hover = Stop denne sporing eller ping
netview-target-empty = Skriv et værtsnavn eller en IP-adresse, du vil spore til.
# The reason says what is wrong with the name (from the name check, in English).
netview-target-invalid = Det er ikke et gyldigt værtsnavn: { $reason }
netview-manual-trace-title = Din sporing til { $target }
netview-manual-ping-title = Din ping til { $target }
netview-looking-up = Slår { $target } op…
netview-manual-could-not-start = Kunne ikke starte: { $error }

## Traceroute card
netview-trace-checked-title = Vejen til { $target } (sporet af tjekket)
netview-trace-none-yet = Ingen traceroute endnu.
netview-trace-reached = ✔ nået efter { $hops } { $hops ->
        [one] hop
       *[other] hop
    }
netview-trace-tracing = ⟳ sporer… { $hops } { $hops ->
        [one] hop
       *[other] hop
    } indtil nu
netview-trace-stopped = – stoppet efter { $hops } { $hops ->
        [one] hop
       *[other] hop
    }
netview-trace-not-reached = ✖ ikke nået ({ $hops } { $hops ->
        [one] hop
       *[other] hop
    } svarede)
netview-trace-facts = til { $target } · { $protocol } · { $elapsed }
netview-hop-no-name = (intet navn)
netview-hop-lookup-failed = (opslag mislykkedes)
netview-hop-lookup-timed-out = (opslaget tog for lang tid)
netview-hop-none-yet = Intet hop har svaret endnu.
netview-hop-col-hop = Hop
netview-hop-col-address = Adresse
netview-hop-col-name = Navn
netview-hop-col-loss = Tab %
netview-hop-col-sent = Sendt
netview-hop-col-last = Seneste
netview-hop-col-avg = Gns.
netview-hop-col-best = Bedste
netview-hop-col-worst = Værste
netview-hop-also-answered = Svarede også for dette hop: { $others }
netview-hop-no-answer = (intet svar)
netview-loss-persistent-hover = Tab, der fortsætter fra dette hop helt til målet: her går pakker tabt.
netview-loss-rate-limited = { $loss } (begrænset svarrate, ikke tab)
netview-loss-rate-limited-hover = Denne router begrænser, hvor tit den svarer på forsøg; de næste hop har ikke tabet, så her går ingen pakker tabt.
netview-loss-no-replies = { $loss } (svarer ikke)
netview-loss-no-replies-hover = Denne router svarer ikke på forsøg, men sender dem videre: de næste hop svarer.

## DNS card
netview-dns-nxdomain = ⚠ NXDOMAIN (navnet findes ikke)
netview-dns-servfail = ✖ SERVFAIL (fejl på serveren)
netview-dns-timeout = ✖ TIMEOUT (intet svar)
netview-dns-no-server = Der er ikke sat nogen DNS-server op på denne computer.
netview-dns-reverse = Omvendte opslag (navnet på hver adresse)
netview-dns-answers = { $server } — svarer
netview-dns-answers-avg = { $server } — svarer, { $ms } ms i gennemsnit
netview-dns-not-responding = { $server } — SVARER IKKE: intet svar på nogen forespørgsel
netview-dns-col-name = Navn
netview-dns-col-type = Type
netview-dns-col-status = Status
netview-dns-col-answer = Svar
netview-dns-col-latency = Svartid ms
netview-dns-hijacked = NXDOMAIN omskrives: spurgt efter det opdigtede navn { $name } svarede { $server } { $values } i stedet for “navnet findes ikke”.
netview-dns-not-hijacked = NXDOMAIN omskrives ikke: et opdigtet navn får svaret “navnet findes ikke”.
netview-dns-made-up = Opdigtet navn { $name }: { $status }

## Websites and services card
netview-tcp-connected = { $target } — forbundet på { $ms } ms
netview-tcp-failed = { $target } — kunne ikke forbinde: { $error }
netview-http-answered = { $url } — svarede { $status } på { $ms } ms
netview-http-error = { $url } — svarede med fejl { $status }
netview-http-no-answer = { $url } — intet svar: { $error }
netview-http-redirected = { $text } (endte på { $url })
netview-portal-none = Der er ingen login-side (captive portal) i vejen.
netview-portal-suspected = En login-side (captive portal) opfanger trafikken til hjemmesider.
netview-portal-redirects = En login-side (captive portal) opfanger trafikken til hjemmesider: den sender sider videre til { $url }.
netview-portal-unreachable = Testsiden for login-sider { $url } svarede ikke: { $error }.
netview-services-none-yet = Der er ikke kørt nogen tjek af tjenester endnu.

## DHCP servers card
netview-dhcp-explain = Sender én DHCP-forespørgsel uden at tage en adresse og viser alle servere, der tilbyder en. Mere end én server er den klassiske årsag til forkerte adresser. Kræver administratorrettigheder.
netview-dhcp-look = Søg efter DHCP-servere
netview-dhcp-already = Lytter allerede
netview-dhcp-listening = Lytter efter tilbud (cirka { $seconds } s)…
netview-dhcp-not-run = Ikke kørt for denne pakke.
netview-dhcp-col-server = Server
netview-dhcp-col-offers = Tilbyder
netview-dhcp-col-router = Router
netview-dhcp-col-dns = DNS
netview-dhcp-col-lease = Lejetid
netview-dhcp-col-after = Efter
