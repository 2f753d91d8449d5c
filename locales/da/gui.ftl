# gui — da messages (Danish).

## Top bar
gui-mode = Visning:
gui-mode-guided = Trin for trin
gui-mode-guided-hint = Ét trin ad gangen i almindelige ord, når du taler med support i telefonen
gui-mode-technician = Tekniker
gui-mode-technician-hint = Alle tabeller, grafer, rå data og notatpanelet
gui-language = Sprog
gui-high-contrast = Høj kontrast
gui-high-contrast-hint = Sort og hvid tekst med tydelige kanter
gui-text-smaller = Mindre tekst
gui-text-larger = Større tekst
gui-text-size = Tekst { $percent } %
gui-open-bundle = Åbn pakke…
gui-open-bundle-hint = Åbn en gemt diagnosepakke for at gennemse den (skrivebeskyttet)
gui-technician-notes = Teknikernoter
gui-technician-notes-hint = Sagsnummer, problemet med brugerens egne ord, miljø, løsning, årsag

## Home screen
gui-check-everything = Tjek alt
gui-check-everything-hint = Kør alle tjek og vis med almindelige ord, hvad der er galt
gui-checks-running = Tjekkene kører
gui-cancel = Annullér
gui-cancel-hint = Stop de tjek, der stadig kører
gui-save-bundle = Gem pakke…
gui-save-bundle-hint = Gem det hele i én .zip-fil, som du kan vedhæfte en supportsag
gui-save-bundle-disabled = Kan bruges, når tjekkene er færdige
gui-copy-summary = Kopiér resumé
gui-copy-summary-hint = Kopiér et kort resumé, som du kan indsætte i en sag eller en chat
gui-privacy = Privatliv:
gui-privacy-standard = Standard
gui-privacy-strict = Streng
gui-privacy-standard-hint = Fjerner adgangskoder, nøgler og tokens
gui-privacy-strict-hint = Erstatter også computernavne, brugernavne, IP- og MAC-adresser med koder; nøglen til dem gemmes ved siden af pakken, aldrig i den
gui-privacy-hint = Hvor meget den gemte pakke skjuler
gui-starting-checks = Starter tjekkene…
gui-checks-done = { $done } af { $total } tjek færdige
gui-running-check = Kører: { $check }
gui-running-check-note = Kører: { $check } — { $note }
gui-area-show-all-hint = Vis resultaterne for alle områder
gui-area-show-only-hint = Vis kun resultaterne for { $area }
gui-area-no-checks = Ingen tjek for dette område i denne version
gui-area-not-in-bundle = Ikke med i denne pakke
gui-area-checks =
    { $count ->
        [one] 1 tjek
       *[other] { $count } tjek
    }
gui-network-details = Netværksdetaljer
gui-network-details-hint = Lagstigen, adresse og lease, ping-grafer, vejen hop for hop, DNS pr. server

## Results
gui-layer-link = Netværksforbindelse
gui-layer-address = Adresse (DHCP)
gui-layer-gateway = Router (gateway)
gui-layer-dns = Navneopslag (DNS)
gui-layer-internet = Internet
gui-layer-services = Websteder og tjenester
gui-where-it-fails = Hvor det går galt: { $layer }
gui-for-technicians = Til teknikere: { $text }
gui-tally-passed = { $count } bestået
gui-tally-warnings =
    { $count ->
        [one] { $count } advarsel
       *[other] { $count } advarsler
    }
gui-tally-failed = { $count } fejlet
gui-tally-not-checked = { $count } ikke tjekket
gui-overall-fail = FEJL — der er fundet problemer
gui-overall-warn = ADVARSEL — noget kræver opmærksomhed
gui-overall-ok = OK — ingen problemer fundet
gui-overall-nothing = INTET TJEKKET — ingen tjek kunne køre
gui-result = Resultat:
gui-results = Resultater
gui-showing-only = Viser kun { $area }
gui-show-all-areas = Vis alle områder
gui-no-findings = ingen fund
gui-did-not-complete = Dette tjek blev ikke gennemført ({ $outcome }): { $reason }
gui-did-not-complete-plain = Dette tjek blev ikke gennemført ({ $outcome }).
gui-nothing-to-report = Tjekket kørte og havde intet at melde.
gui-collected-files = Indsamlede filer: { $files }
gui-run-footer = Tjek { $id } · startet { $started } · tog { $took }
gui-next-step = Næste skridt:

## Status words
gui-badge-not-run = Ikke kørt
gui-badge-running = Kører
gui-badge-not-available = Ikke tilgængelig
gui-badge-pass = OK
gui-badge-warning = Advarsel
gui-badge-fail = Fejl
gui-badge-no-checks = Ikke tilgængelig endnu
gui-outcome-not-available = IKKE TILGÆNGELIG
gui-outcome-no-findings = INGEN FUND
gui-outcome-skipped = SPRUNGET OVER

## Status line
gui-saved-to = Gemt i { $path } ({ $size })
gui-saved-to-with-map = Gemt i { $path } ({ $size }). Nøglen til de skjulte navne ligger i { $map } — hold den privat, og send den ikke.

## Bundle view and technician notes
gui-viewing-bundle = Du ser den gemte pakke { $file } — skrivebeskyttet
gui-close-bundle = Luk pakke
gui-close-bundle-hint = Tilbage til tjekkene af denne computer
gui-copy-bundle-summary-hint = Kopiér pakkens tekstresumé
gui-did-not-finish = blev ikke færdig
gui-fact-computer = Computer
gui-fact-system = System
gui-fact-system-value = { $os } { $version } (kerne { $kernel }, { $arch })
gui-fact-started = Startet
gui-fact-finished = Færdig
gui-fact-tool = Værktøj
gui-fact-privacy = Privatliv
gui-log = Log (log.txt)
gui-log-empty = Loggen er tom.
gui-notes-title = Teknikernoter
gui-notes-saved-hint = Gemmes i pakken sammen med rapporten.
gui-notes-readonly-hint = Fra den gemte pakke (skrivebeskyttet).
gui-notes-ticket = Sagsnummer
gui-notes-issue = Problem (med brugerens egne ord)
gui-notes-environment = Miljø
gui-notes-resolution = Løsning
gui-notes-cause = Årsag
gui-notes-empty = (tom)

## Checklists
gui-checklists-title = Tjeklister trin for trin
gui-checklists-hint = Ét spørgsmål ad gangen, til de mest almindelige problemer.
gui-testers = Testere
gui-checklist-unusable = Denne tjeklistefil kan ikke bruges: { $problem }
gui-close-checklist = Luk tjekliste
gui-close-checklist-hint = Tilbage til startskærmen
gui-step-of = Trin { $n } af { $total }
gui-end-solved = Løst
gui-end-escalate = En tekniker skal tage over
gui-end-abandoned = Ikke færdig
gui-back = Tilbage
gui-skip = Spring over
gui-skip-hint = Gå videre uden at svare; rapporten noterer, at trinnet blev sprunget over
gui-yes = Ja
gui-no = Nej
gui-done = Færdig
gui-did-not-work = Det virkede ikke
gui-your-answer = Dit svar:
gui-continue = Fortsæt
gui-checking = Tjekker…
gui-checking-note = Tjekker… { $note }
gui-check-again = Tjek igen
gui-starting-check = Starter tjekket…
gui-tester-missing = Testeren { $tool } findes ikke i denne udgave.
gui-open-tester = Åbn testeren { $tool }
gui-answer-without = Eller svar uden den:
gui-it-works = Det virker
gui-it-does-not-work = Det virker ikke
gui-recorded = Noteret i rapporten: { $detail }
gui-save-then-close = Gem pakken, så alle svar kan vedhæftes sagen, og luk derefter tjeklisten.
gui-reading-jobs = Læser udskriftsjobbene…
gui-no-stuck-jobs = Du har ingen fastlåste udskriftsjob i kø.
gui-tick-jobs = Sæt hak ved de job, der skal annulleres:
gui-job-not-yours = Ikke dit, bliver ikke rørt: { $job }
gui-job-held = Tilbageholdt med vilje, bliver ikke rørt: { $job }
gui-job-not-read = Ikke læst: { $note }
gui-offer-others-jobs = Tilbyd også andre brugeres fastlåste job
gui-cancel-selected-jobs =
    { $count ->
        [one] Annullér det valgte job
       *[other] Annullér de { $count } valgte job
    }
gui-cancel-nothing = Annullér intet

## Status messages
gui-cancelling = Annullerer…
gui-copied-summary = Resuméet er kopieret til udklipsholderen.
gui-cancelled = Annulleret. Tjek, der ikke var færdige, er markeret som sprunget over.
gui-no-results-yet = Ingen resultater endnu. Tryk på “Tjek alt” for at begynde.
gui-bundle-no-results = Denne pakke har ingen resultater.
gui-err-start-checks = Tjekkene kunne ikke startes: { $error }
gui-err-start-dhcp-probe = DHCP-prøven kunne ikke startes: { $error }
gui-no-dialog = Der kunne ikke vises en fildialog på dette system. På Linux skal du installere xdg-desktop-portal (med en GTK- eller KDE-backend) eller zenity.
gui-err-save = Pakken kunne ikke gemmes: { $error }
gui-err-open = Pakken kunne ikke åbnes: { $error }
gui-choose-save = Vælg, hvor pakken skal gemmes…
gui-err-save-dialog = Dialogen til at gemme kunne ikke åbnes: { $error }
gui-saving-to = Gemmer i { $path }…
gui-choose-open = Vælg en pakke, der skal åbnes…
gui-err-open-dialog = Fildialogen kunne ikke åbnes: { $error }
gui-opening = Åbner { $path }…

## Graphs and dialogs
gui-rtt-axis-probe = prøve
gui-rtt-hover-lost = prøve { $n }: intet svar
gui-rtt-hover = prøve { $n }: { $ms } ms
gui-rtt-description = Svartider til { $name }: { $answered } af { $sent } prøver besvaret
gui-dialog-save-title = Gem diagnosepakke
gui-dialog-open-title = Åbn diagnosepakke
gui-dialog-filter = deskcheck-pakke

## Decode a code
gui-decode-title = Afkod en kode
gui-decode-hint = Skriv den kode, brugeren læser op for dig fra resultatskærmen i trin-for-trin-visningen.
gui-decode-label = Kode:
gui-decode-button = Afkod
gui-decode-results = Koden betyder:
