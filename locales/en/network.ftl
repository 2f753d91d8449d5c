# network — English messages of the network checks (checks/network.rs, net/) and the
# network verdict (diagnose.rs). Scripts and tests match these English words: keep them.

## check titles

check-net-link-status = Network connection
check-net-wifi-link = Wi-Fi link
check-net-dhcp-lease = Address (DHCP lease)
check-net-gateway-ping = Router (gateway)
check-net-dns-resolve = Name lookup (DNS)
check-net-internet-ping = Internet
check-net-trace-path = Path to the internet
check-net-services-tcp = Service ports
check-net-services-http = Websites
check-net-services-captive_portal = Sign-in page (captive portal)
check-net-dhcp-probe = DHCP servers on this network

## shared words

net-no-answer = no answer
net-and = { $first } and { $second }

## a layer below failed: the checks above stop

net-stopped-link = no network connection (the cable is unplugged or Wi-Fi is off)
net-stopped-lease = this computer has no address on the network
net-stopped-gateway = no route to the gateway
net-stopped-dns = DNS does not answer
net-not-tested = Not tested
    .summary = Not tested: { $reason }.
    .detail = Not tried because { $check } found: { $reason }. Would have tried: { $targets }.
net-not-tested-nothing = nothing
net-target-default-gateway = the default gateway

## link

net-link-connected = Connected
    .summary = The network adapter { $adapter } is connected.
net-link-no-adapter = No network adapter
    .summary = This computer has no network adapter that the system can see.
    .next = Check that Wi-Fi is switched on (airplane mode off) or plug in the network cable or adapter.
net-link-unplugged = Not connected
    .summary = The network cable is unplugged or the Wi-Fi is not connected.
    .detail = No adapter has a link: { $adapters }
    .next = Plug the network cable in firmly at both ends (the light at the port should come on), or connect to the Wi-Fi network. If it stays off, try another cable or wall socket.

## Wi-Fi

net-wifi-no-adapter = No Wi-Fi adapter
    .summary = This computer has no Wi-Fi adapter that is switched on.
net-wifi-not-connected = Wi-Fi not connected
    .summary = The Wi-Fi adapter { $adapter } is not connected to a network.
    .detail = { $adapter }{ $description } is { $state }.
net-wifi-state-not-connected = not connected
net-wifi-very-weak = Wi-Fi signal very weak
    .summary = The Wi-Fi signal is very weak ({ $signal }): move closer to the access point or use a cable.
    .detail = { $detail }
    .next = Move closer to the Wi-Fi access point, or plug in a network cable. Walls, floors and metal furniture in between weaken the signal; if the whole area is this weak, ask IT for an access point nearer to this desk.
net-wifi-weak = Wi-Fi signal weak
    .summary = The Wi-Fi signal is weak ({ $signal }): move closer to the access point or use a cable.
    .detail = { $detail }
    .next = Move closer to the Wi-Fi access point or plug in a network cable; a weak signal makes the connection slow and makes it drop now and then.
net-wifi-congested = Wi-Fi 2.4 GHz congested
    .summary = The Wi-Fi link is slow ({ $rate }) on the crowded 2.4 GHz band although the signal is good ({ $signal }): { $advice }.
    .detail = { $detail }
    .next = Connect to the network's 5 GHz band (often the same name, or the name with "5G"), or plug in a network cable. If the computer keeps choosing 2.4 GHz, ask IT to turn on band steering or to move the access point off a crowded channel.
net-wifi-advice-other-band = this network is also on { $band } here, connect to that or use a cable
net-wifi-advice-5ghz = connect to a 5 GHz network or use a cable
net-wifi-connected = Wi-Fi connected
    .summary = Connected to { $network }{ $signal }{ $band }.
    .detail = { $detail }
net-wifi-the-network = the Wi-Fi network
net-wifi-the-network-named = the Wi-Fi network { $ssid }
net-wifi-good-signal = {" "}with a good signal ({ $signal })
net-wifi-on-band = {" "}on { $band }
net-wifi-detail = { $interface } associated{ $bssid }{ $channel }{ $phy }. Thresholds: warn below { $warn } dBm, fail below { $fail } dBm; on 2.4 GHz warn below { $slow } Mbit/s with a good signal.
net-wifi-detail-bssid = {" "}to { $bssid }
net-wifi-detail-channel = {" "}on { $band } channel { $channel }
net-wifi-detail-phy = {" "}with { $phy }

## address (DHCP lease)

net-lease-skipped = not tested: no network connection (no adapter has a link)
net-dhcp-no-address = No address from DHCP
    .summary = The network cable is connected, but no DHCP server answered, so this computer has no address on the network.
    .detail = { $interface } has a link ({ $state }) but { $addresses }: DHCP got no answer.
    .next = Restart the office router (it hands out the addresses). If other computers here work, ask IT to check that this wall socket is patched to the office network.
net-dhcp-no-address-at-all = no address at all
net-dhcp-only-link-local = only self-assigned link-local addresses ({ $addresses })
net-lease-from-dhcp = Address from DHCP
    .summary = This computer has the address { $address }, given by the DHCP server{ $server }.
net-lease-static = Address
    .summary = This computer has the address { $address }.
    .detail = { $note }
net-lease-no-record = No DHCP lease record found: the address is set by hand (static) or by a DHCP client deskcheck does not read.
net-lease-expired = Lease expired
    .summary = The address lease has expired and was not renewed.
    .detail = Expired { $ago } ago.
    .next = Reconnect to the network so the computer asks for a new address.

## router (gateway)

net-gw-skipped = no connected network adapter with an address
net-gw-progress = pinging the router { $gateway }
net-gw-no-router = No router
    .summary = This computer has no router (default gateway) set, so it can only reach its own local network.
    .next = Reconnect to the network; if the address is set by hand, the gateway is missing from it: call IT.
net-gw-no-answer = Router does not answer
    .summary = the router { $gateway } does not answer.
    .detail = { $sent } of { $sent } echo requests to { $gateway } unanswered ({ $method }).
    .next = Restart the office router or switch, or check the cable between it and the wall socket; if others are affected, call IT.
net-gw-very-slow = Router very slow
    .summary = the router { $gateway } answers very slowly ({ $avg }).
    .next = The local network is overloaded or the Wi-Fi signal is weak: move closer to the access point or use a cable.
net-gw-answers = Router answers
    .summary = The router { $gateway } answers in { $avg }.
net-gw-loss = Router answers
    .summary = the router { $gateway } answers, but { $loss }% of packets to it are lost.
    .next = Loss this close is the cable or the Wi-Fi: try another cable or move closer to the access point; if others are affected, call IT.

## name lookup (DNS)

net-dns-progress = asking { $count } DNS servers
net-dns-no-server = No DNS server
    .summary = names can't be looked up: this computer has no DNS server set.
    .next = Reconnect to the network so DHCP sets the DNS servers; if the address is set by hand, add the DNS servers: call IT.
net-dns-dead = DNS server does not answer
    .summary = { $count ->
        [one] names can't be looked up: the DNS server { $servers } does not answer.
       *[other] names can't be looked up: the DNS servers { $servers } do not answer.
    }
    .detail = Every query to { $servers } timed out or was refused.
    .next = Restart the office router; if it persists, tell IT that the DNS server does not answer.
net-dns-some-dead = A DNS server does not answer
    .summary = the DNS server { $servers } does not answer; the others do, so lookups are slow.
    .next = Tell IT which DNS server is down; things still work, only more slowly.
net-dns-names-fail = Names don't resolve
    .summary = the DNS server { $server } answers but can't find { $names }.
    .next = Tell IT: the DNS server cannot look up these names.
net-dns-unanswered = Some DNS queries unanswered
    .summary = the DNS server { $server } left { $unanswered } of { $total } queries unanswered; the connection may be losing packets.
    .next = If pages sometimes fail to open, give this report to IT: look for packet loss on the path.
net-dns-hijack = DNS answers for names that don't exist
    .summary = the DNS server { $server } invents answers for names that don't exist (NXDOMAIN rewriting).
    .detail = { $name } resolved to { $values } instead of NXDOMAIN.
    .next = Typos will land on ad pages and some software misbehaves: ask IT to use a DNS server without NXDOMAIN rewriting.
net-dns-server-ok = DNS { $server }
    .summary = The DNS server { $server } answers in { $avg } ms.
net-dns-slow = Slow DNS
    .summary = the DNS server { $server } answers slowly ({ $avg } ms on average).
    .next = Web pages will open slowly; tell IT the DNS server is slow.
net-dns-system-ok = System resolver
    .summary = The system's own name lookup works.
net-dns-system-slow = System resolver slow
    .summary = Name lookups through the system's resolver are very slow.
    .next = Pages may open slowly; if it persists, give this report to IT.
net-dns-system-fails = System resolver fails
    .summary = names can't be looked up through the system's resolver.
    .next = Restart the computer; if it persists, call IT.

## internet

net-internet-skipped = no ping targets configured (targets.ping_hosts)
net-internet-none = No internet
    .summary = nothing outside the office network answers ({ $targets }).
    .next = The local network works but the way out does not: restart the office router or modem; if others are affected, call IT or the internet provider.
net-ping-no-answer = Ping { $target }
    .summary = { $target } does not answer.
net-ping-ok = Ping { $target }
    .summary = { $target } answers in { $avg }.
net-ping-loss = Ping { $target }
    .summary = { $loss }% of packets to { $target } are lost on the way.
    .next = Calls and video will stutter. The traceroute shows where the loss starts: give it to IT.
net-ping-error = Ping { $target }
    .summary = { $target } could not be checked: { $error }
    .next = Check the target in the configuration (targets.ping_hosts), or give this report to IT.
net-ping-no-address = { $target } has no address

## path (traceroute)

net-trace-skipped = no outside target configured (targets.ping_hosts)
net-trace-progress = tracing the path to { $target }
net-trace-loss = Packet loss on the way
    .summary = packets to { $target } are lost starting at hop { $hop } ({ $router }): { $loss }% of packets to { $target } are lost.
    .detail = { $path }
    .next = Give this path to IT: the loss begins at the router named here.
net-trace-ok = Path to the internet
    .summary = { $hops ->
        [one] { $target } is reached in 1 hop.
       *[other] { $target } is reached in { $hops } hops.
    }
    .detail = { $path }
net-trace-ends-early = Path ends early
    .summary = the path to { $target } ends after { $last }.
    .detail = { $path }
net-trace-last-hop = hop { $hop } ({ $router })
net-trace-this-computer = this computer
net-trace-path-hop = { $ttl }. { $hop }  { $rtt } ms, { $loss }% ({ $meaning })
net-trace-path-silent-hop = { $ttl }. { $hop }
net-loss-none = no loss
net-loss-rate-limited = rate-limited, not loss
net-loss-persistent = loss from here on
net-loss-no-reply = router does not answer probes

## services

net-tcp-skipped = no TCP ports configured (targets.tcp_ports)
net-tcp-ok = Port { $target }
    .summary = { $target } accepts connections ({ $latency }).
net-tcp-fail = Port { $target }
    .summary = { $target } can't be reached: { $error }.
    .next = Tell IT which service can't be reached; a firewall or the service itself may be down.
net-http-skipped = no URLs configured (targets.http_urls)
net-http-ok = Web { $url }
    .summary = { $url } opens (HTTP { $status }) in { $latency } ms.
net-http-slow = Web { $url }
    .summary = { $url } opens (HTTP { $status }) in { $latency } ms.
    .next = Websites are slow: tell IT (the proxy or the internet line may be overloaded).
net-http-error-status = Web { $url }
    .summary = { $url } answers with an error (HTTP { $status }).
    .next = The connection works; the website itself has a problem: tell IT which one.
net-http-fail = Web { $url }
    .summary = { $url } does not open: { $error }.
    .next = Tell IT which website does not open.
net-portal-skipped = no captive-portal URL configured
net-portal-none = No sign-in page
    .summary = No sign-in page is in the way.
net-portal-found = Sign-in page in the way
    .summary = a sign-in page intercepts web traffic{ $redirect }.
    .next = Open a web browser and sign in to the network (guest Wi-Fi, hotel), then run the check again.
net-portal-redirect = {" "}(it sends you to { $target })
net-portal-unreachable = Sign-in check
    .summary = The sign-in check page did not answer: { $error }.

## active DHCP probe

net-dhcp-probe-no-link = no connected network adapter to probe
net-dhcp-probe-no-lease = not run: { $interface } did not get its address by DHCP (no lease found), so there is no DHCP server to ask
net-dhcp-probe-needs-root = the DHCP probe needs administrator rights (run as root / administrator)
net-dhcp-probe-progress = listening { $seconds } s for DHCP offers on { $interface }
net-dhcp-silent = DHCP server silent
    .summary = the DHCP server did not answer a new request; the next renewal may fail.
    .detail = No offer within { $ms } ms. The current lease{ $server } is still valid.
    .next = Nothing to do now; if the network drops out later, restart the office router or ask IT to check its DHCP service.
net-dhcp-lease-from = {" "}from { $server }
net-dhcp-none = No DHCP server
    .summary = no DHCP server answers on this network, and this computer's lease has expired.
    .next = Restart the office router; if it persists, ask IT to check the network's DHCP service.
net-dhcp-one = One DHCP server
    .summary = One DHCP server answers: { $servers }.
net-dhcp-several = Several DHCP servers
    .summary = more than one DHCP server answers on this network: { $servers }. One of them may be a rogue device handing out wrong addresses.
    .detail = { $offers }
    .next = Tell IT the addresses of both DHCP servers: someone may have plugged in a home router.
net-dhcp-offer = { $server } offers { $address } (router { $routers })

## the verdict (diagnose.rs): layers, headline, technician lines, next step

net-layer-link = Network connection
net-layer-address = Address (DHCP)
net-layer-gateway = Router (gateway)
net-layer-dns = Name lookup (DNS)
net-layer-internet = Internet
net-layer-services = Websites and services
net-layer-next-link = Plug the network cable in firmly at both ends, or connect to the Wi-Fi network.
net-layer-next-address = Restart the office router; if it persists, ask IT to check the network's DHCP service.
net-layer-next-gateway = Restart the office router or switch; if others are affected, call IT.
net-layer-next-dns = Restart the office router; if it persists, tell IT that name lookups fail.
net-layer-next-internet = Restart the office router or modem; if it persists, call IT or the internet provider.
net-layer-next-services = Tell IT which website or service does not work, with this report.
net-verdict-ok = The network works: connection, address, router, name lookup and internet all answered.
    .technician = Layers checked: { $layers }.
net-verdict-problem = { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-gateway = You are connected to the network and have an address, but { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-dns = You are connected to the network and the router answers, but { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-internet = Your local network and name lookup work, but { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-services = You are connected to the internet, but { $problem }
    .technician = { $technician }
    .next = { $next }
net-verdict-layer-finding = { $layer }: { $title }
net-verdict-line = { $severity } { $text }
net-verdict-layer-problem = { $severity } { $layer } ({ $title })
net-verdict-also-affected = Also affected, probably as a consequence: { $problems }.
net-verdict-also = Also: { $line }
