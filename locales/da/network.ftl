# network — Danish messages of the network checks (checks/network.rs, net/) and the
# network verdict (diagnose.rs).

## check titles

check-net-link-status = Netværksforbindelse
check-net-wifi-link = Wi-Fi-forbindelse
check-net-dhcp-lease = Adresse (DHCP-lease)
check-net-gateway-ping = Router (gateway)
check-net-dns-resolve = Navneopslag (DNS)
check-net-internet-ping = Internet
check-net-trace-path = Vejen til internettet
check-net-services-tcp = Tjenesteporte
check-net-services-http = Hjemmesider
check-net-services-captive_portal = Login-side (captive portal)
check-net-dhcp-probe = DHCP-servere på dette netværk

## shared words

net-no-answer = intet svar
net-and = { $first } og { $second }

## a layer below failed: the checks above stop

net-stopped-link = ingen netværksforbindelse (netværkskablet er taget ud, eller Wi-Fi er slået fra)
net-stopped-lease = computeren har ingen adresse på netværket
net-stopped-gateway = ingen vej til routeren
net-stopped-dns = DNS svarer ikke
net-not-tested = Ikke testet
    .summary = Ikke testet: { $reason }.
    .detail = Ikke prøvet, fordi { $check } fandt: { $reason }. Ville have prøvet: { $targets }.
net-not-tested-nothing = ingenting
net-target-default-gateway = standardgatewayen

## link

net-link-connected = Forbundet
    .summary = Netværkskortet { $adapter } er forbundet.
net-link-no-adapter = Intet netværkskort
    .summary = Computeren har intet netværkskort, som systemet kan se.
    .next = Tjek at Wi-Fi er slået til (flytilstand slået fra), eller sæt netværkskablet eller netværksadapteren i.
net-link-unplugged = Ikke forbundet
    .summary = Netværkskablet er taget ud, eller Wi-Fi er ikke forbundet.
    .detail = Intet netværkskort har forbindelse: { $adapters }
    .next = Tjek, at netværkskablet sidder godt fast i begge ender (lampen ved stikket skal lyse), eller opret forbindelse til Wi-Fi-netværket. Hvis lampen stadig ikke lyser, så prøv et andet kabel eller et andet stik i væggen.

## Wi-Fi

net-wifi-no-adapter = Intet Wi-Fi-kort
    .summary = Computeren har intet Wi-Fi-kort, der er slået til.
net-wifi-not-connected = Wi-Fi ikke forbundet
    .summary = Wi-Fi-kortet { $adapter } er ikke forbundet til et netværk.
    .detail = { $adapter }{ $description } er { $state }.
net-wifi-state-not-connected = ikke forbundet
net-wifi-very-weak = Meget svagt Wi-Fi-signal
    .summary = Wi-Fi-signalet er meget svagt ({ $signal }): gå tættere på adgangspunktet, eller brug et netværkskabel.
    .detail = { $detail }
    .next = Gå tættere på Wi-Fi-adgangspunktet, eller sæt et netværkskabel i. Vægge, etageadskillelser og metalmøbler svækker signalet; hvis hele området har så svagt et signal, så bed IT om et adgangspunkt tættere på denne plads.
net-wifi-weak = Svagt Wi-Fi-signal
    .summary = Wi-Fi-signalet er svagt ({ $signal }): gå tættere på adgangspunktet, eller brug et netværkskabel.
    .detail = { $detail }
    .next = Gå tættere på Wi-Fi-adgangspunktet, eller sæt et netværkskabel i; et svagt signal gør forbindelsen langsom og får den til at falde ud en gang imellem.
net-wifi-congested = Wi-Fi på 2,4 GHz er overbelastet
    .summary = Wi-Fi-forbindelsen er langsom ({ $rate }) på det travle 2,4 GHz-bånd, selvom signalet er godt ({ $signal }): { $advice }.
    .detail = { $detail }
    .next = Opret forbindelse til netværkets 5 GHz-bånd (tit samme navn eller navnet med "5G"), eller sæt et netværkskabel i. Hvis computeren bliver ved med at vælge 2,4 GHz, så bed IT om at slå band steering til eller flytte adgangspunktet væk fra en travl kanal.
net-wifi-advice-other-band = netværket findes også på { $band } her, så forbind til det, eller brug et netværkskabel
net-wifi-advice-5ghz = forbind til et 5 GHz-netværk, eller brug et netværkskabel
net-wifi-connected = Wi-Fi forbundet
    .summary = Forbundet til { $network }{ $signal }{ $band }.
    .detail = { $detail }
net-wifi-the-network = Wi-Fi-netværket
net-wifi-the-network-named = Wi-Fi-netværket { $ssid }
net-wifi-good-signal = {" "}med et godt signal ({ $signal })
net-wifi-on-band = {" "}på { $band }
net-wifi-detail = { $interface } er forbundet{ $bssid }{ $channel }{ $phy }. Grænser: advarsel under { $warn } dBm, fejl under { $fail } dBm; på 2,4 GHz advarsel under { $slow } Mbit/s ved godt signal.
net-wifi-detail-bssid = {" "}til { $bssid }
net-wifi-detail-channel = {" "}på { $band } kanal { $channel }
net-wifi-detail-phy = {" "}med { $phy }

## address (DHCP lease)

net-lease-skipped = ikke testet: ingen netværksforbindelse (intet netværkskort har forbindelse)
net-dhcp-no-address = Ingen adresse fra DHCP
    .summary = Netværkskablet er sat i, men ingen DHCP-server svarede, så computeren har ingen adresse på netværket.
    .detail = { $interface } har forbindelse ({ $state }), men { $addresses }: DHCP fik intet svar.
    .next = Genstart routeren på kontoret (den deler adresserne ud). Hvis andre computere her virker, så bed IT tjekke, at netværksstikket i væggen er koblet til kontorets netværk.
net-dhcp-no-address-at-all = ingen adresse overhovedet
net-dhcp-only-link-local = kun selvtildelte link-local-adresser ({ $addresses })
net-lease-from-dhcp = Adresse fra DHCP
    .summary = Computeren har adressen { $address }, givet af DHCP-serveren{ $server }.
net-lease-static = Adresse
    .summary = Computeren har adressen { $address }.
    .detail = { $note }
net-lease-no-record = Ingen DHCP-lease fundet: adressen er sat manuelt (statisk) eller af en DHCP-klient, som deskcheck ikke kan læse.
net-lease-expired = Lease udløbet
    .summary = Adressens lease er udløbet og blev ikke fornyet.
    .detail = Udløb for { $ago } siden.
    .next = Afbryd og genopret forbindelsen til netværket, så computeren beder om en ny adresse.

## router (gateway)

net-gw-skipped = intet forbundet netværkskort med en adresse
net-gw-progress = pinger routeren { $gateway }
net-gw-no-router = Ingen router
    .summary = Computeren har ingen router (standardgateway) sat op, så den kan kun nå sit eget lokale netværk.
    .next = Genopret forbindelsen til netværket; hvis adressen er sat manuelt, mangler gatewayen i den: ring til IT.
net-gw-no-answer = Routeren svarer ikke
    .summary = routeren { $gateway } svarer ikke.
    .detail = { $sent } af { $sent } ekkoforespørgsler til { $gateway } blev ikke besvaret ({ $method }).
    .next = Genstart routeren eller switchen på kontoret, eller tjek kablet mellem den og stikket i væggen; hvis andre også har problemer, så ring til IT.
net-gw-very-slow = Routeren er meget langsom
    .summary = routeren { $gateway } svarer meget langsomt ({ $avg }).
    .next = Det lokale netværk er overbelastet, eller Wi-Fi-signalet er svagt: gå tættere på adgangspunktet, eller brug et netværkskabel.
net-gw-answers = Routeren svarer
    .summary = Routeren { $gateway } svarer på { $avg }.
net-gw-loss = Routeren svarer
    .summary = routeren { $gateway } svarer, men { $loss } % af pakkerne til den går tabt.
    .next = Tab så tæt på skyldes kablet eller Wi-Fi: prøv et andet kabel, eller gå tættere på adgangspunktet; hvis andre også har problemer, så ring til IT.

## name lookup (DNS)

net-dns-progress = spørger { $count } DNS-servere
net-dns-no-server = Ingen DNS-server
    .summary = navne kan ikke slås op: computeren har ingen DNS-server sat op.
    .next = Genopret forbindelsen til netværket, så DHCP sætter DNS-serverne; hvis adressen er sat manuelt, skal DNS-serverne tilføjes: ring til IT.
net-dns-dead = DNS-serveren svarer ikke
    .summary = { $count ->
        [one] navne kan ikke slås op: DNS-serveren { $servers } svarer ikke.
       *[other] navne kan ikke slås op: DNS-serverne { $servers } svarer ikke.
    }
    .detail = Alle forespørgsler til { $servers } fik timeout eller blev afvist.
    .next = Genstart routeren på kontoret; hvis det bliver ved, så fortæl IT, at DNS-serveren ikke svarer.
net-dns-some-dead = En DNS-server svarer ikke
    .summary = DNS-serveren { $servers } svarer ikke; de andre gør, så opslag er langsomme.
    .next = Fortæl IT, hvilken DNS-server der er nede; alt virker stadig, bare langsommere.
net-dns-names-fail = Navne kan ikke slås op
    .summary = DNS-serveren { $server } svarer, men kan ikke finde { $names }.
    .next = Fortæl IT, at DNS-serveren ikke kan slå disse navne op.
net-dns-unanswered = Nogle DNS-forespørgsler blev ikke besvaret
    .summary = DNS-serveren { $server } besvarede ikke { $unanswered } af { $total } forespørgsler; forbindelsen taber måske pakker.
    .next = Hvis sider nogle gange ikke vil åbne, så giv denne rapport til IT: se efter pakketab på vejen.
net-dns-hijack = DNS svarer for navne, der ikke findes
    .summary = DNS-serveren { $server } finder på svar for navne, der ikke findes (NXDOMAIN-omskrivning).
    .detail = { $name } gav { $values } i stedet for NXDOMAIN.
    .next = Tastefejl ender på reklamesider, og nogle programmer opfører sig forkert: bed IT om at bruge en DNS-server uden NXDOMAIN-omskrivning.
net-dns-server-ok = DNS { $server }
    .summary = DNS-serveren { $server } svarer på { $avg } ms.
net-dns-slow = Langsom DNS
    .summary = DNS-serveren { $server } svarer langsomt ({ $avg } ms i gennemsnit).
    .next = Hjemmesider vil åbne langsomt; fortæl IT, at DNS-serveren er langsom.
net-dns-system-ok = Systemets navneopslag
    .summary = Systemets eget navneopslag virker.
net-dns-system-slow = Systemets navneopslag er langsomt
    .summary = Navneopslag gennem systemets resolver er meget langsomme.
    .next = Sider kan åbne langsomt; hvis det bliver ved, så giv denne rapport til IT.
net-dns-system-fails = Systemets navneopslag fejler
    .summary = navne kan ikke slås op gennem systemets resolver.
    .next = Genstart computeren; hvis det bliver ved, så ring til IT.

## internet

net-internet-skipped = ingen ping-mål sat op (targets.ping_hosts)
net-internet-none = Intet internet
    .summary = intet uden for kontorets netværk svarer ({ $targets }).
    .next = Det lokale netværk virker, men vejen ud gør ikke: genstart routeren eller modemmet på kontoret; hvis andre også har problemer, så ring til IT eller internetudbyderen.
net-ping-no-answer = Ping { $target }
    .summary = { $target } svarer ikke.
net-ping-ok = Ping { $target }
    .summary = { $target } svarer på { $avg }.
net-ping-loss = Ping { $target }
    .summary = { $loss } % af pakkerne til { $target } går tabt på vejen.
    .next = Opkald og video vil hakke. Traceroute viser, hvor tabet begynder: giv det til IT.
net-ping-error = Ping { $target }
    .summary = { $target } kunne ikke tjekkes: { $error }
    .next = Tjek målet i opsætningen (targets.ping_hosts), eller giv denne rapport til IT.
net-ping-no-address = { $target } har ingen adresse

## path (traceroute)

net-trace-skipped = intet mål uden for netværket sat op (targets.ping_hosts)
net-trace-progress = følger vejen til { $target }
net-trace-loss = Pakketab på vejen
    .summary = pakker til { $target } går tabt fra hop { $hop } ({ $router }): { $loss } % af pakkerne til { $target } går tabt.
    .detail = { $path }
    .next = Giv denne vej til IT: tabet begynder ved den router, der står her.
net-trace-ok = Vejen til internettet
    .summary = { $target } nås på { $hops } hop.
    .detail = { $path }
net-trace-ends-early = Vejen slutter for tidligt
    .summary = vejen til { $target } slutter efter { $last }.
    .detail = { $path }
net-trace-last-hop = hop { $hop } ({ $router })
net-trace-this-computer = denne computer
net-trace-path-hop = { $ttl }. { $hop }  { $rtt } ms, { $loss } % ({ $meaning })
net-trace-path-silent-hop = { $ttl }. { $hop }
net-loss-none = intet tab
net-loss-rate-limited = begrænser svar, ikke tab
net-loss-persistent = tab herfra og videre
net-loss-no-reply = routeren svarer ikke på prober

## services

net-tcp-skipped = ingen TCP-porte sat op (targets.tcp_ports)
net-tcp-ok = Port { $target }
    .summary = { $target } tager imod forbindelser ({ $latency }).
net-tcp-fail = Port { $target }
    .summary = { $target } kan ikke nås: { $error }.
    .next = Fortæl IT, hvilken tjeneste der ikke kan nås; en firewall eller selve tjenesten kan være nede.
net-http-skipped = ingen adresser sat op (targets.http_urls)
net-http-ok = Web { $url }
    .summary = { $url } åbner (HTTP { $status }) på { $latency } ms.
net-http-slow = Web { $url }
    .summary = { $url } åbner (HTTP { $status }) på { $latency } ms.
    .next = Hjemmesider er langsomme: fortæl IT det (proxyen eller internetforbindelsen kan være overbelastet).
net-http-error-status = Web { $url }
    .summary = { $url } svarer med en fejl (HTTP { $status }).
    .next = Forbindelsen virker; det er selve hjemmesiden, der har et problem: fortæl IT hvilken.
net-http-fail = Web { $url }
    .summary = { $url } åbner ikke: { $error }.
    .next = Fortæl IT, hvilken hjemmeside der ikke åbner.
net-portal-skipped = ingen adresse til login-tjekket sat op
net-portal-none = Ingen login-side
    .summary = Ingen login-side står i vejen.
net-portal-found = En login-side står i vejen
    .summary = en login-side opfanger trafikken til hjemmesider{ $redirect }.
    .next = Åbn en webbrowser og log ind på netværket (gæste-Wi-Fi, hotel), og kør så tjekket igen.
net-portal-redirect = {" "}(den sender dig til { $target })
net-portal-unreachable = Login-tjek
    .summary = Siden til login-tjekket svarede ikke: { $error }.

## active DHCP probe

net-dhcp-probe-no-link = intet forbundet netværkskort at undersøge
net-dhcp-probe-no-lease = ikke kørt: { $interface } fik ikke sin adresse fra DHCP (ingen lease fundet), så der er ingen DHCP-server at spørge
net-dhcp-probe-needs-root = DHCP-undersøgelsen kræver administratorrettigheder (kør som root / administrator)
net-dhcp-probe-progress = lytter { $seconds } s efter DHCP-tilbud på { $interface }
net-dhcp-silent = DHCP-serveren svarer ikke
    .summary = DHCP-serveren svarede ikke på en ny forespørgsel; næste fornyelse kan slå fejl.
    .detail = Intet tilbud inden for { $ms } ms. Den nuværende lease{ $server } gælder stadig.
    .next = Du skal ikke gøre noget nu; hvis netværket falder ud senere, så genstart routeren på kontoret, eller bed IT tjekke dens DHCP-tjeneste.
net-dhcp-lease-from = {" "}fra { $server }
net-dhcp-none = Ingen DHCP-server
    .summary = ingen DHCP-server svarer på dette netværk, og computerens lease er udløbet.
    .next = Genstart routeren på kontoret; hvis det bliver ved, så bed IT tjekke netværkets DHCP-tjeneste.
net-dhcp-one = Én DHCP-server
    .summary = Én DHCP-server svarer: { $servers }.
net-dhcp-several = Flere DHCP-servere
    .summary = mere end én DHCP-server svarer på dette netværk: { $servers }. En af dem kan være en fremmed enhed, der deler forkerte adresser ud.
    .detail = { $offers }
    .next = Giv IT adresserne på begge DHCP-servere: nogen har måske sat en hjemmerouter i.
net-dhcp-offer = { $server } tilbyder { $address } (router { $routers })

## the verdict (diagnose.rs): layers, headline, technician lines, next step

net-layer-link = Netværksforbindelse
net-layer-address = Adresse (DHCP)
net-layer-gateway = Router (gateway)
net-layer-dns = Navneopslag (DNS)
net-layer-internet = Internet
net-layer-services = Hjemmesider og tjenester
net-layer-next-link = Tjek, at netværkskablet sidder godt fast i begge ender, eller opret forbindelse til Wi-Fi-netværket.
net-layer-next-address = Genstart routeren på kontoret; hvis det bliver ved, så bed IT tjekke netværkets DHCP-tjeneste.
net-layer-next-gateway = Genstart routeren eller switchen på kontoret; hvis andre også har problemer, så ring til IT.
net-layer-next-dns = Genstart routeren på kontoret; hvis det bliver ved, så fortæl IT, at navneopslag slår fejl.
net-layer-next-internet = Genstart routeren eller modemmet på kontoret; hvis det bliver ved, så ring til IT eller internetudbyderen.
net-layer-next-services = Fortæl IT, hvilken hjemmeside eller tjeneste der ikke virker, og giv dem denne rapport.
net-verdict-ok = Netværket virker: forbindelse, adresse, router, navneopslag og internet svarede alle.
    .technician = Tjekkede lag: { $layers }.
net-verdict-problem = { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-gateway = Du er forbundet til netværket og har en adresse, men { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-dns = Du er forbundet til netværket, og routeren svarer, men { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-internet = Dit lokale netværk og navneopslag virker, men { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-services = Du er forbundet til internettet, men { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-layer-finding = { $layer }: { $title }
net-verdict-line = { $severity } { $text }
net-verdict-layer-problem = { $severity } { $layer } ({ $title })
net-verdict-also-affected = Også ramt, sandsynligvis som følge heraf: { $problems }.
net-verdict-also = Også: { $line }
