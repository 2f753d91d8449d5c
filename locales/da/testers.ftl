# testers — da messages (Danish).

## Tester titles: the home screen's buttons and the runs a tester files (gui/tools/mod.rs)
check-peripherals-tester-keyboard = Test af tastatur
check-peripherals-tester-mouse = Test af mus
check-displays-tester-patterns = Testbilleder
check-peripherals-tester-sound = Test af lyd
testers-it-works = Det virker
testers-it-does-not-work = Det virker ikke
testers-verdict-works = Brugerens vurdering: Det virker
    .summary = { $summary }
testers-verdict-broken = Brugerens vurdering: Det virker ikke
    .summary = { $summary }

## Keyboard tester (gui/tools/keyboard.rs, testers/keyboard.rs)
testers-kb-title = Test af tastatur
testers-kb-intro = Tryk én gang på hver tast. En tast lyser op (⬇), mens den er trykket ned, og bliver markeret med ✔, når du slipper den.
testers-kb-layout = Layout:
testers-kb-progress = { $tested } af { $total } taster testet
testers-kb-held = ⚠ Stadig holdt nede: { $keys }
testers-kb-other-keys = Andre taster set: { $keys }
testers-kb-key-name = Tast { $key }: { $state }
testers-key-untested = ikke testet
testers-key-pressed = trykket ned
testers-key-tested = testet
testers-layout-ansi = ANSI (amerikansk)
testers-layout-iso = ISO (europæisk)

## Mouse tester (gui/tools/mouse.rs, testers/mouse.rs)
testers-mouse-title = Test af mus
testers-mouse-intro = Brug musen inde i feltet: hvert klik, dobbeltklik og hjul-hak bliver talt.
testers-mouse-area = Testfelt til musen
testers-mouse-area-hint = Bevæg musen, klik på hver knap, dobbeltklik på målet, og drej hjulet her
testers-mouse-target = Dobbeltklik på mig
testers-mouse-target-hit = ✔ { $count } dobbelt
testers-mouse-target-name = Mål til dobbeltklik: { $count } dobbeltklik
testers-mouse-button-stats = { $button }: klik { $clicks }, dobbeltklik { $doubles }, prel { $bounces }
testers-mouse-wheel = Hjul: { $up } op, { $down } ned · markøren flyttet { $distance } punkter
testers-mouse-bounce = ⚠ Prel: { $button } klikkede igen { $gap } efter, at du slap
testers-mouse-last-double = Sidst: dobbeltklik ({ $button })
testers-mouse-last-click = Sidst: klik ({ $button })
testers-button-primary = Venstre knap
testers-button-secondary = Højre knap
testers-button-middle = Midterknap (klik med hjulet)
testers-button-back = Tilbage-knap ved tommelfingeren
testers-button-forward = Frem-knap ved tommelfingeren

## Test patterns (gui/tools/patterns.rs, testers/patterns.rs)
testers-patterns-title = Testbilleder
testers-patterns-intro = Skærmen viser ti billeder i fuld skærm, det ene efter det andet. Se godt på hvert af dem; tryk på en tast eller klik for at se det næste. Tryk på Esc for at stoppe når som helst.
testers-patterns-show-on = Vis testbillederne på:
testers-patterns-this-monitor = Testbillederne bruger den skærm, dette vindue står på. Vil du teste en anden skærm, så flyt først vinduet derhen.
testers-patterns-start = Start testbilleder
testers-pattern-name = Testbillede { $index } af { $count }: { $title }. Tryk på en tast eller klik for det næste, Esc for at stoppe.
testers-patterns-any-problem = Så du nogen problemer?
testers-patterns-seen = Du så { $count } testbilleder.
testers-patterns-fine = Nej, alt så fint ud
testers-patterns-problem = Ja, jeg så et problem
testers-patterns-what = Hvad så du? Sæt flueben ved alt, der passer.
testers-patterns-where = Hvor på skærmen, eller andet (valgfrit):
testers-patterns-finish = Afslut
testers-pattern-sample = Quizdeltagerne spiste jordbær med fløde 0123456789
testers-monitor-known = Dette vindues skærm: { $size } pixels, skalering { $scale }
testers-monitor-scale-only = Dette vindues skærm: ukendt størrelse, skalering { $scale }
testers-monitor-unknown = Dette vindues skærm: systemet oplyser hverken størrelse eller skalering
testers-pattern-red = Helt rød
    .look = Kig efter prikker i en anden farve: pixels, der bliver ved med at være mørke eller lyse.
testers-pattern-green = Helt grøn
    .look = Kig efter prikker i en anden farve: pixels, der bliver ved med at være mørke eller lyse.
testers-pattern-blue = Helt blå
    .look = Kig efter prikker i en anden farve: pixels, der bliver ved med at være mørke eller lyse.
testers-pattern-white = Helt hvid
    .look = Kig efter mørke prikker og efter pletter, der er mørkere eller har et farveskær.
testers-pattern-black = Helt sort
    .look = Kig efter prikker, der bliver ved med at lyse, og efter lys, der siver ind ved kanterne.
testers-pattern-grey50 = 50 % grå
    .look = Kig efter skjolder, mørkere hjørner eller et farveskær hen over skærmen.
testers-pattern-grey-ramp = Grå overgang
    .look = Overgangene skal være jævne: kig efter synlige trin eller striber.
testers-pattern-rgb-ramps = Røde, grønne og blå overgange
    .look = Overgangene skal være jævne: kig efter synlige trin eller striber.
testers-pattern-checkerboard = Skakternet mønster på 1 pixel med lille tekst
    .look = Det skal ligne en jævn grå flade, og den lille tekst skal være skarp: kig efter striber, flimmer eller sløret billede.
testers-pattern-moving-box = Firkant i bevægelse
    .look = Kig efter et udtværet spor eller et dobbeltbillede bag den firkant, der bevæger sig.
testers-problem-pixels = Prikker, der bliver ved med at være mørke eller lyse (døde eller fastlåste pixels)
testers-problem-uneven = Pletter, mørke hjørner eller et farveskær (ujævn lysstyrke)
testers-problem-banding = Trin eller striber i overgangene
testers-problem-blur = Sløret eller flimrende fine detaljer eller tekst
testers-problem-ghosting = Et spor eller dobbeltbillede bag firkanten i bevægelse
testers-problem-other = Noget andet

## Sound tester (gui/tools/sound.rs)
testers-sound-title = Test af lyd
testers-sound-looking = Leder efter højttalere og mikrofoner…
testers-sound-unavailable = Ikke muligt på dette system: der blev ikke fundet nogen lydenhed{ $why }.
testers-sound-read-failed = ⚠ Lydenhederne kunne ikke læses: { $error }
testers-sound-intro = Afspil tonen i hver side, og sig, om du hørte den der; tal for at se mikrofonens niveau.
testers-sound-speaker-label = Højttaler / headset:
testers-sound-speaker = Højttaler / headset
testers-sound-microphone-label = Mikrofon:
testers-sound-microphone = Mikrofon
testers-sound-none = ingen
testers-sound-default = { $device } (standard)
testers-sound-play-left = Afspil venstre
testers-sound-play-right = Afspil højre
testers-sound-playing = Afspiller i { $side ->
        [left] venstre
       *[right] højre
    } side…
testers-sound-played-mono = Afspillet på { $device } (en monoenhed: kun én kanal)
testers-sound-played = Afspillet i { $side ->
        [left] venstre
       *[right] højre
    } side af { $device }
testers-sound-play-failed = ⚠ Kunne ikke afspille: { $error }
testers-sound-mic-starting = Starter mikrofonen…
testers-sound-mic-failed = ⚠ Mikrofon: { $error }
testers-sound-mic = Mikrofon: { $device }
testers-sound-mic-level = Mikrofonniveau { $level }
testers-sound-no-mic = Ingen mikrofon at vise et niveau for.
testers-sound-result = Lydtest
    .summary = Testtonen blev afspillet i: { $sides ->
        [both] venstre, højre
        [left] venstre
       *[right] højre
    }. Højeste mikrofonniveau: { $level }.
testers-sound-result-none = Lydtest
    .summary = Testtonen blev afspillet i: ingenting. Højeste mikrofonniveau: { $level }.
testers-sound-tone-failed = Testtonen blev ikke afspillet
    .summary = Testtonen i { $side ->
        [left] venstre
       *[right] højre
    } side kunne ikke afspilles.
    .next = Tjek, at headsettet eller højttaleren er valgt som output og ikke er optaget af et opkald.
testers-sound-no-device = Ingen lydenhed
    .summary = Denne computer har ingen lydenhed{ $why }.
testers-sound-unreadable = Lydenhederne kan ikke læses
    .summary = { $error }
testers-sound-faulty = Lyden blev meldt defekt
    .summary = Du sagde, at lyden ikke virker.
    .next = Tjek lydstyrke- og lydløs-knapperne på headsettet og i opkaldsprogrammet, og prøv så en anden port.

## What the mouse tester reports (testers/mouse.rs)
testers-mouse-result = Museknapper og hjul
    .summary = Venstre { $left } klik ({ $doubles } dobbelt), højre { $right }, midterste { $middle }; hjul { $up } op, { $down } ned; markøren flyttet { $distance } punkter.
testers-mouse-bouncing = Knappen klikker af sig selv
    .summary = { $button ->
        [primary] Venstre knap
        [secondary] Højre knap
        [middle] Midterknappen (klik med hjulet)
        [back] Tilbage-knappen ved tommelfingeren
       *[forward] Frem-knappen ved tommelfingeren
    } klikkede { $count } ekstra gang(e) lige efter, at den blev sluppet: en slidt kontakt (en mus, der "dobbeltklikker").
    .detail = Tryk mindre end { $limit } efter, at knappen blev sluppet, er for hurtige til en finger; set mellemrum: { $gaps }.
    .next = Udskift musen; en slidt kontakt bliver kun værre.
testers-mouse-untried = Knapper, der ikke blev klikket på
    .summary = Aldrig klikket: { $buttons ->
        [primary] Venstre knap
        [secondary] Højre knap
        [middle] Midterknap (klik med hjulet)
        [primary-secondary] Venstre knap, Højre knap
        [primary-middle] Venstre knap, Midterknap (klik med hjulet)
        [secondary-middle] Højre knap, Midterknap (klik med hjulet)
       *[primary-secondary-middle] Venstre knap, Højre knap, Midterknap (klik med hjulet)
    }.
    .next = Klik én gang på hver knap i testfeltet; hvis en af dem ikke bliver talt, er den knap defekt.
testers-mouse-wheel-untried = Hjulet blev ikke prøvet helt
    .summary = Hjulet blev drejet op { $up } og ned { $down } gang(e).
    .next = Drej hjulet begge veje over testfeltet.
testers-mouse-faulty = Musen blev meldt defekt
    .summary = Du sagde, at musen ikke virker.
    .next = Prøv en anden USB-port eller nye batterier; hjælper det ikke, så udskift musen.

## What the keyboard tester reports (testers/keyboard.rs)
testers-kb-result = Testede taster
    .summary = { $tested } af { $total } taster testet med layoutet { $layout }.
testers-kb-stuck = Tast sidder fast
    .summary = Disse taster var stadig trykket ned til sidst: { $keys }.
    .detail = En tast, der bliver nede uden at blive holdt, sidder mekanisk fast eller er kortsluttet.
    .next = Tryk godt på tasten et par gange; bliver den nede, så rens under den, eller udskift tastaturet.
testers-kb-never-pressed = Taster, der aldrig blev trykket på
    .summary = { $count } tast(er) blev aldrig trykket på: { $keys }.
    .detail = Nogle taster når aldrig frem til et program: systemet kan beholde Print Screen, Windows-tasten og genveje som Alt+Tab; Fn håndteres inde i tastaturet.
    .next = Tryk én gang på hver af disse taster; lyser en af dem ikke op, er den tast defekt.
testers-kb-faulty = Tastaturet blev meldt defekt
    .summary = Du sagde, at tastaturet ikke virker.
    .next = Prøv en anden USB-port eller nye batterier; hjælper det ikke, så udskift tastaturet.

## What the test patterns report (testers/patterns.rs)
testers-patterns-unfinished = Testbillederne blev ikke gjort færdige
    .summary = Testbillederne blev forladt efter { $shown } af { $total }{ $place ->
        [window] {""}
       *[named] {" "}på { $monitor }
    }, uden et svar.
testers-patterns-fine-result = Testbillederne ser rigtige ud
    .summary = Du så ingen problemer i { $shown } testbilleder{ $place ->
        [window] {""}
       *[named] {" "}på { $monitor }
    }.
testers-found-pixels = Døde eller fastlåste pixels
    .summary = Du så pixels, der bliver ved med at være mørke eller lyse.
    .next = Notér, hvor de sidder; sidder de midt på skærmen, eller er der flere, så spørg IT om en udskiftning under garantien.
testers-found-uneven = Ujævn lysstyrke
    .summary = Du så pletter, mørke hjørner eller et farveskær på ensfarvede flader.
    .next = Nulstil skærmens billedindstillinger i dens egen menu; bliver det ved, kan baggrundslyset eller panelet være ved at gå i stykker.
testers-found-banding = Striber i farveovergange
    .summary = Du så trin eller striber i farveovergangene.
    .next = Vælg skærmens egen opløsning og den højeste farvedybde; prøv et andet kabel (en HDMI- eller USB-C-adapter kan begrænse farverne).
testers-found-blur = Sløret eller flimrende detaljer
    .summary = Fine detaljer eller lille tekst så ikke skarpe ud.
    .next = Vælg skærmens egen ("anbefalede") opløsning og 100 % skalering; på VGA skal du bruge skærmens automatiske justering.
testers-found-ghosting = Skyggebilleder
    .summary = Du så et spor eller et dobbeltbillede bag firkanten i bevægelse.
    .next = Slå skærmens overdrive- eller svartidsindstilling til, eller vælg dens højeste opdateringshastighed.
testers-found-other = Andet skærmproblem
    .summary = Du så noget forkert, som ikke står på listen.
    .next = Beskriv for din tekniker, hvad du så.
