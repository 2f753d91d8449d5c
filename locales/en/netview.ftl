# netview — English messages of the Network view (gui/views/network/) and the manual trace and ping.

## The view's frame: heading, cards, verdict banner, the layer ladder
netview-back = Back
netview-back-hover = Back to the overview of every area
netview-heading = Network
netview-card-interface = Interface and address
netview-card-wifi = Wi-Fi
netview-card-manual = Trace or ping a host
netview-card-ping = Ping
netview-card-trace = Traceroute
netview-card-dns = Name lookup (DNS)
netview-card-services = Websites and services
netview-card-dhcp = DHCP servers on this network
netview-banner-checking = ⟳ Checking the network…
netview-banner-no-verdict = – No network verdict: the network checks could not run.
netview-banner-not-checked = ○ The network has not been checked yet. Press “Check everything”.
netview-banner-no-network = ○ This bundle has no network checks.
netview-layer-link = Network connection
netview-layer-address = Address (DHCP)
netview-layer-gateway = Router (gateway)
netview-layer-dns = Name lookup (DNS)
netview-layer-internet = Internet
netview-layer-services = Websites and services
netview-rung-checking = Checking
netview-rung-still-checking = Still checking.
netview-rung-ok = OK
netview-rung-warning = Warning
netview-rung-fail = Fail
netview-rung-not-checked = Not checked
netview-rung-nothing-checked = Nothing checked this.
netview-rung-could-not-check = Could not check

## Runs without data, and data that cannot be read
netview-data-unreadable = The results of “{ $check }” in this bundle cannot be shown: they were saved in a form this version does not read.
netview-outcome-skipped = ℹ Not checked: { $reason }
netview-outcome-unsupported = ℹ Not available on this system: { $reason }
netview-outcome-timed-out = ⚠ No result: the check took longer than { $ms } ms
netview-outcome-errored = ⚠ The check could not finish: { $message }
netview-not-checked-yet = Not checked yet.
netview-none = none
netview-no-answer = no answer
netview-unknown-error = unknown error

## Interface and address card
netview-row-adapter = Adapter
netview-no-adapter = no connected adapter
netview-row-mac = Hardware address
netview-row-ipv4 = IPv4 address
netview-row-ipv6 = IPv6 address
netview-row-router = Router
netview-row-dns-servers = DNS servers
netview-row-dhcp-server = DHCP server
netview-row-lease-obtained = Lease obtained
netview-row-renews = Renews
netview-row-expires = Expires
netview-row-time-remaining = Time remaining
netview-lease-expired = expired
netview-when-checked = { $left } (when checked)
netview-row-lease-time = Lease time
netview-row-domain = Domain
netview-row-recorded-by = Recorded by
netview-row-dhcp-lease = DHCP lease
netview-no-lease-record = no lease record found on this computer

## Wi-Fi card
netview-wifi-network = Network
netview-wifi-name-hidden = (name not shown by the system)
netview-wifi-access-point = Access point
netview-wifi-signal = Signal
netview-wifi-estimated = { $signal } (estimated)
netview-wifi-with-noise = { $signal }, noise { $noise }
netview-wifi-band = Band
netview-wifi-channel = { $band }, channel { $channel }
netview-wifi-standard = Standard
netview-wifi-link-rate = Link rate (send / receive)
netview-wifi-security = Security

## Ping card, and a ping the user asked for
netview-ping-router = Router { $address }
netview-ping-not-pinged = not pinged
netview-ping-none-yet = No ping has run yet.
netview-ping-pinging = ⟳ pinging
netview-ping-no-answer = ✖ no answer
netview-ping-some-lost = ⚠ some lost
netview-ping-answers = ✔ answers
netview-ping-figures = { $received } of { $sent } answered · loss { $loss }% · min/avg/max/mdev { $min } / { $avg } / { $max } / { $mdev } ms
netview-ping-probes-failed = Probes failed: { $error }

## "Trace to…": trace or ping a host the user names
netview-trace-to = Trace to…
netview-trace-to-hint = host name or IP address
netview-trace = Trace
netview-trace-hover = Trace the path to this host, 10 probes per hop
netview-ping = Ping
netview-ping-hover = Ping this host and show each answer as it comes
netview-stop = Stop
netview-stop-hover = Stop this trace or ping
netview-target-empty = Type a host name or an IP address to trace to.
# The reason says what is wrong with the name (from the name check, in English).
netview-target-invalid = { $reason }
netview-manual-trace-title = Your trace to { $target }
netview-manual-ping-title = Your ping to { $target }
netview-looking-up = Looking up { $target }…
netview-manual-could-not-start = Could not start: { $error }

## Traceroute card
netview-trace-checked-title = Path to { $target } (traced by the check)
netview-trace-none-yet = No traceroute yet.
netview-trace-reached = ✔ reached in { $hops } { $hops ->
        [one] hop
       *[other] hops
    }
netview-trace-tracing = ⟳ tracing… { $hops } { $hops ->
        [one] hop
       *[other] hops
    } so far
netview-trace-stopped = – stopped after { $hops } { $hops ->
        [one] hop
       *[other] hops
    }
netview-trace-not-reached = ✖ not reached ({ $hops } { $hops ->
        [one] hop
       *[other] hops
    } answered)
netview-trace-facts = to { $target } · { $protocol } · { $elapsed }
netview-hop-no-name = (no name)
netview-hop-lookup-failed = (lookup failed)
netview-hop-lookup-timed-out = (lookup timed out)
netview-hop-none-yet = No hop has answered yet.
netview-hop-col-hop = Hop
netview-hop-col-address = Address
netview-hop-col-name = Name
netview-hop-col-loss = Loss %
netview-hop-col-sent = Snt
netview-hop-col-last = Last
netview-hop-col-avg = Avg
netview-hop-col-best = Best
netview-hop-col-worst = Wrst
netview-hop-also-answered = Also answered for this hop: { $others }
netview-hop-no-answer = (no answer)
netview-loss-persistent-hover = Loss that persists from this hop to the destination: packets are lost here.
netview-loss-rate-limited = { $loss } (rate-limited, not loss)
netview-loss-rate-limited-hover = This router limits how often it answers probes; later hops don't share the loss, so no packet is lost here.
netview-loss-no-replies = { $loss } (no answers)
netview-loss-no-replies-hover = This router does not answer probes, but it forwards them: later hops answer.

## DNS card
netview-dns-nxdomain = ⚠ NXDOMAIN (no such name)
netview-dns-servfail = ✖ SERVFAIL (server failure)
netview-dns-timeout = ✖ TIMEOUT (no answer)
netview-dns-no-server = No DNS server is configured on this computer.
netview-dns-reverse = Reverse lookups (the name of each address)
netview-dns-answers = { $server } — answers
netview-dns-answers-avg = { $server } — answers, { $ms } ms on average
netview-dns-not-responding = { $server } — NOT RESPONDING: no answer to any question
netview-dns-col-name = Name
netview-dns-col-type = Type
netview-dns-col-status = Status
netview-dns-col-answer = Answer
netview-dns-col-latency = Latency ms
netview-dns-hijacked = NXDOMAIN rewriting: asked for the made-up name { $name }, { $server } answered { $values } instead of “no such name”.
netview-dns-not-hijacked = No NXDOMAIN rewriting: a made-up name gets “no such name”.
netview-dns-made-up = Made-up name { $name }: { $status }

## Websites and services card
netview-tcp-connected = { $target } — connected in { $ms } ms
netview-tcp-failed = { $target } — could not connect: { $error }
netview-http-answered = { $url } — answered { $status } in { $ms } ms
netview-http-error = { $url } — answered with error { $status }
netview-http-no-answer = { $url } — no answer: { $error }
netview-http-redirected = { $text } (ended at { $url })
netview-portal-none = No sign-in page (captive portal) is in the way.
netview-portal-suspected = A sign-in page (captive portal) intercepts web traffic.
netview-portal-redirects = A sign-in page (captive portal) intercepts web traffic: it sends web pages to { $url }.
netview-portal-unreachable = The sign-in check page { $url } did not answer: { $error }.
netview-services-none-yet = No service checks have run yet.

## DHCP servers card
netview-dhcp-explain = Sends one DHCP request without taking an address and lists every server that offers one. More than one server is the classic cause of wrong addresses. Needs administrator rights.
netview-dhcp-look = Look for DHCP servers
netview-dhcp-already = Already listening
netview-dhcp-listening = Listening for offers (about { $seconds } s)…
netview-dhcp-not-run = Not run for this bundle.
netview-dhcp-col-server = Server
netview-dhcp-col-offers = Offers
netview-dhcp-col-router = Router
netview-dhcp-col-dns = DNS
netview-dhcp-col-lease = Lease
netview-dhcp-col-after = After
