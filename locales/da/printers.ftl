# printers — da messages (Danish).

## Check titles

check-printers-queues = Udskriftskøer
check-printers-status = Printerstatus
check-printers-spooler = Tjenesten Print Spooler
check-printers-reach = Forbindelse til printeren
check-printers-test_page = Udskriv en testside
check-printers-jobs-cancel_stuck = Annuller udskrifter, der sidder fast
check-printers-spooler-restart = Genstart Print Spooler

## Progress notes

printers-progress-mdns = leder efter printere på netværket (mDNS)
printers-progress-asking = spørger { $count ->
    [one] 1 printer
   *[other] { $count } printere
}
printers-progress-trying = prøver { $count ->
    [one] 1 printer
   *[other] { $count } printere
}
printers-progress-cancelling = annullerer job { $job }

## A printer's status: IPP printer-state-reasons, by keyword (the keyword stays visible in the title)

printers-reason = Problem med printeren: { $reason }
    .summary = { $reason ->
        [media-empty] { $name }: Printeren er løbet tør for papir.
        [media-needed] { $name }: Printeren er løbet tør for papir.
        [media-jam] { $name }: Der sidder papir fast i printeren.
        [media-low] { $name }: Der er ved at være lidt papir tilbage.
        [door-open] { $name }: En låge eller et dæksel på printeren står åben.
        [cover-open] { $name }: En låge eller et dæksel på printeren står åben.
        [interlock-open] { $name }: En låge eller et dæksel på printeren står åben.
        [toner-empty] { $name }: Toneren eller blækket er brugt op.
        [marker-supply-empty] { $name }: Toneren eller blækket er brugt op.
        [toner-low] { $name }: Toneren eller blækket er ved at slippe op.
        [marker-supply-low] { $name }: Toneren eller blækket er ved at slippe op.
        [marker-waste-full] { $name }: Beholderen til brugt toner/blæk er (næsten) fuld.
        [marker-waste-almost-full] { $name }: Beholderen til brugt toner/blæk er (næsten) fuld.
        [input-tray-missing] { $name }: En papirbakke mangler eller er ikke skubbet helt ind.
        [output-area-full] { $name }: Udskriftsbakken er fuld: tag de udskrevne papirer ud.
        [output-area-almost-full] { $name }: Udskriftsbakken er fuld: tag de udskrevne papirer ud.
        [offline] { $name }: Printeren er offline.
        [shutdown] { $name }: Printeren er offline.
        [paused] { $name }: Udskriftskøen er sat på pause.
        [connecting-to-device] { $name }: Computeren prøver at få forbindelse til printeren.
        [cups-missing-filter] { $name }: Printerdriveren mangler en del, som skal bruges for at udskrive.
        [media-problem] { $name }: Printeren har et problem med papiret (forkert størrelse eller type, eller papiret blev ikke trukket rigtigt ind).
        [not-available] { $name }: Printeren er ikke tilgængelig for denne computer.
        [page-too-complex] { $name }: En side var for kompliceret til printerens hukommelse.
        [user-intervention] { $name }: Printeren har brug for, at nogen ser til den.
        [out-of-memory] { $name }: Printeren løb tør for hukommelse.
        [server-unknown] { $name }: Printserveren, som printeren hører til, er ukendt.
        [server-offline] { $name }: Printserveren, som printeren hører til, er offline.
        [driver-update-needed] { $name }: Printerens driver skal opdateres.
        [other] { $name }: Printeren melder en fejl.
       *[unknown] { $name } melder et problem: { $reason }.
    }
    .next = { $reason ->
        [media-empty] Læg papir i bakken, og skub den helt ind.
        [media-needed] Læg papir i bakken, og skub den helt ind.
        [media-low] Læg papir i bakken, og skub den helt ind.
        [media-jam] Åbn de låger, som printerens display viser, træk forsigtigt det fastklemte papir ud, og luk lågerne igen.
        [door-open] Luk alle låger og dæksler, til de klikker på plads.
        [cover-open] Luk alle låger og dæksler, til de klikker på plads.
        [interlock-open] Luk alle låger og dæksler, til de klikker på plads.
        [toner-empty] Skift den toner- eller blækpatron, som printerens display nævner.
        [marker-supply-empty] Skift den toner- eller blækpatron, som printerens display nævner.
        [toner-low] Skift den toner- eller blækpatron, som printerens display nævner.
        [marker-supply-low] Skift den toner- eller blækpatron, som printerens display nævner.
        [paused] Genoptag printeren i systemets printerindstillinger.
        [offline] { -printers-next-switch-on }
        [shutdown] { -printers-next-switch-on }
        [connecting-to-device] { -printers-next-switch-on }
        [not-available] { -printers-next-switch-on }
        [server-unknown] Tjek, at printserveren er tændt og kan nås, eller spørg IT.
        [server-offline] Tjek, at printserveren er tændt og kan nås, eller spørg IT.
        [driver-update-needed] Bed IT om at opdatere printerens driver.
       *[other] Se efter beskeden på printerens display, og følg den. Ring til IT, hvis den ikke forsvinder.
    }
-printers-next-switch-on = Tænd printeren, og tjek dens netværkskabel eller Wi-Fi-lampe. På Windows skal du også fjerne fluebenet ved "Brug printer offline" i printerens kø-vindue.

printers-stopped = Printeren er stoppet
    .summary = { $name } er stoppet og udskriver ikke noget.
    .next = Se efter en fejl på printerens display. Hvis der ikke er nogen, så genoptag printeren i systemets printerindstillinger.
printers-not-accepting = Tager ikke imod udskrifter
    .summary = { $name } afviser nye udskrifter.
    .next = Slå "accepter job" til igen i printerindstillingerne (en administrator kan have slået det fra).
printers-ready = Printeren er klar
    .summary = { $state ->
        [printing] { $name } er i gang med at udskrive.
       *[other] { $name } er klar.
    }

printers-level = { $level ->
    [unavailable] printeren oplyser ikke niveauet
    [unknown] ukendt niveau
    [some] ukendt niveau, men ikke tom
   *[other] { $level }
}
printers-supply-empty = Forbrugsvare brugt op
    .summary = { $supply } i { $name } er brugt op ({ printers-level }).
    .next = { -printers-next-supply }
printers-supply-low = Forbrugsvare ved at slippe op
    .summary = { $supply } i { $name } er ved at slippe op ({ printers-level }).
    .next = { -printers-next-supply }
printers-waste-full = Affaldsbeholderen er fuld
    .summary = { $supply } i { $name } er fuld ({ printers-level }).
    .next = { -printers-next-waste }
printers-waste-nearly-full = Affaldsbeholderen er næsten fuld
    .summary = { $supply } i { $name } er næsten fuld ({ printers-level }).
    .next = { -printers-next-waste }
-printers-next-supply = Hav en ny klar, og skift, når printeren beder om det – eller med det samme, hvis udskrifterne er blege.
-printers-next-waste = Skift beholderen snart (printerens display eller vejledning viser hvordan).

printers-stuck-jobs = Udskrifter, der sidder fast
    .summary = { $count ->
        [one] 1 udskrift på { $name } har ventet længe og blokerer køen.
       *[other] { $count } udskrifter på { $name } har ventet længe og blokerer køen.
    }
    .next = Annuller de udskrifter, der sidder fast (deskcheck kan gøre det, når du har sagt ja), og udskriv så igen.

## printers.queues

printers-no-cups = der er ingen CUPS-printserver på denne computer, der svarer ({ $error })
printers-no-queues = Ingen printere sat op
    .summary = Der er ikke sat nogen printer op på denne computer.
    .next = Tilføj printeren i systemets printerindstillinger, eller skriv dens adresse (ipp://…) i deskcheck.
printers-queues = Udskriftskøer
    .summary = { $count ->
        [one] 1 printer er sat op på denne computer: { $list }.
       *[other] { $count } printere er sat op på denne computer: { $list }.
    }
printers-default = Standardprinter
    .summary = Standardprinteren er { $name }.
printers-no-default = Ingen standardprinter
    .summary = Der er ikke valgt nogen standardprinter, så programmer ved måske ikke, hvor de skal udskrive.
    .next = Vælg en standardprinter i systemets printerindstillinger.
printers-queue-paused = Køen er sat på pause
    .summary = Udskriftskøen { $name } er sat på pause: udskrifterne venter, og intet bliver udskrevet.
    .next = Genoptag printeren i systemets printerindstillinger (eller kør `cupsenable` som administrator).
printers-queue-paused-spooler = Køen er sat på pause
    .summary = Udskriftskøen { $name } er sat på pause: udskrifterne venter, og intet bliver udskrevet.
    .next = Åbn printerens kø-vindue (Indstillinger, Printere, Åbn udskriftskø), og fjern fluebenet ved "Afbryd udskrivning midlertidigt".
printers-queue-rejects = Køen afviser udskrifter
    .summary = Udskriftskøen { $name } afviser nye udskrifter.
    .next = Tillad udskrifter igen i printerindstillingerne (eller kør `cupsaccept` som administrator).

## printers.status and printers.reach

printers-none-to-check = Ingen printere at tjekke
    .summary = Der er ikke sat nogen printer op på denne computer, ingen er angivet i indstillingerne, og der blev ikke fundet nogen på netværket.
    .detail = Køer: { $queues ->
        [none] ingen
       *[other] { $queues }
    }. Søgning på netværket: { $discovery ->
        [nothing-found] intet fundet
        [switched-off] mDNS-søgning er slået fra (printers.discover_mdns)
       *[other] { $discovery }
    }.
    .next = Skriv printerens adresse (for eksempel ipp://192.0.2.7/ipp/print) i deskcheck, og kør tjekket igen.
printers-unreachable-service = Printeren kan ikke nås
    .summary = Printeren { $name } kan ikke nås, når der skal udskrives: dens adresse { $host } svarer på netværket, men dens udskriftstjeneste gør ikke.
    .next = Sluk printeren, tænd den igen, og vent, til den melder klar. Hvis det ikke hjælper, så tjek i printerens netværksindstillinger, at IPP-udskrivning er slået til, eller ring til IT.
printers-unreachable = Printeren kan ikke nås
    .summary = Printeren { $name } kan ikke nås: intet svarer på { $host }.
    .next = Tjek, at printeren er tændt og ikke viser en fejl, at netværkskablet sidder i (eller at Wi-Fi-lampen lyser), og at IP-adressen på printerens netværksside stadig er den samme som ovenfor. Kør så tjekket igen.
printers-not-an-address = Ikke en printeradresse
    .summary = '{ $uri }' er ikke en printeradresse: { $problem ->
        [scheme] den skal begynde med ipp://, ipps://, http:// eller https://
        [no-host] der står ingen printer (værtsnavn eller IP-adresse) i den
       *[other] { $reason }
    }.
    .next = Skriv adressen, som printeren viser den, for eksempel ipp://192.0.2.7/ipp/print.
printers-bad-answer = Printeren svarede ikke rigtigt
    .summary = Printeren på { $uri } svarede, men ikke sådan som en printer skal.
    .next = Tjek, at adressen er printerens IPP-adresse (ipp://…/ipp/print). Hvis den er, så genstart printeren.
printers-reach-none = denne computer kender ingen netværksprinter: ingen er angivet i indstillingerne, og ingen kø udskriver til en netværksadresse
printers-reach-none-server = denne computer kender ingen netværksprinter: ingen er angivet i indstillingerne, og ingen kø udskriver til en netværksadresse (den lokale printserver: { $error })
printers-reachable = Printeren kan nås
    .summary = Printeren { $name } svarer ({ $state ->
        [idle] klar
        [printing] udskriver
        [stopped] stoppet
       *[other] ukendt tilstand
    }).
printers-not-checked = Printeren blev ikke tjekket
    .summary = Det lykkedes ikke at spørge printeren { $name }.

## printers.test_page

printers-test-page-no-target = der er ingen printer at udskrive på: ingen er angivet i indstillingerne, og der er ingen standardprinter
printers-test-page-no-server = der er ingen printer at udskrive på: ingen er angivet i indstillingerne, og den lokale printserver svarer ikke ({ $error })
printers-test-page-sent = Testside sendt
    .summary = En testside blev sendt til { $uri } som job { $job }.
    .next = Hent siden i printeren: der står { $host } og { $time } på den. Hvis der ikke kommer noget ud, ligger problemet i printeren.
printers-test-page-stopped = Testside ikke sendt
    .summary = Kørslen blev stoppet, før testsiden blev sendt: der blev ikke udskrevet noget.
printers-test-page-no-format = Printeren tager ikke imod de formater, deskcheck kan lave
    .summary = Testsiden blev ikke sendt: { $uri } tager ikke imod nogen af de formater, deskcheck kan lave, så der blev ikke udskrevet noget.
    .next = Udskriv en side fra et andet program (printerens egen driver omsætter den), eller bed IT om at tjekke printerens indstillinger.
printers-test-page-failed = Testside ikke udskrevet
    .summary = Testsiden kunne ikke sendes til { $uri }.
    .next = Se efter en fejl på printerens display, og prøv så igen. Ring til IT, hvis fejlen ikke forsvinder.

## printers.jobs.cancel_stuck

printers-cancel-first = { $cancelled_n ->
    [0] ingen udskrift blev annulleret
    [1] job { $cancelled_last } blev annulleret
   *[other] job { $cancelled_head } og { $cancelled_last } blev annulleret
}
printers-cancel-rest = { $failed_n ->
    [0] { "" }
    [1] ; job { $failed_last } kunne ikke annulleres
   *[other] ; job { $failed_head } og { $failed_last } kunne ikke annulleres
}{ $flight_n ->
    [0] { "" }
    [1] ; job { $flight_last } var ved at blive annulleret, da det stoppede (tjek køen)
   *[other] ; job { $flight_head } og { $flight_last } var ved at blive annulleret, da det stoppede (tjek køen)
}{ $unreached_n ->
    [0] { "" }
    [1] ; job { $unreached_last } nåede deskcheck ikke
   *[other] ; job { $unreached_head } og { $unreached_last } nåede deskcheck ikke
}
printers-cancel-unapproved = Intet annulleret
    .summary = Intet blev annulleret: deskcheck annullerer kun udskrifter, når du har godkendt dem med deres nummer fra den liste, den viser.
printers-cancel-none-waiting = Intet annulleret
    .summary = Ingen af dine udskrifter sad fast, så intet blev annulleret.
printers-cancel-none-approved = Intet annulleret
    .summary = Ingen udskrift blev godkendt, så intet blev annulleret.
printers-cancel-done = Udskrifterne, der sad fast, er annulleret
    .summary = { $cancelled_n ->
        [0] Ingen udskrift blev annulleret
        [1] Job { $cancelled_last } blev annulleret
       *[other] Job { $cancelled_head } og { $cancelled_last } blev annulleret
    }{ printers-cancel-rest }.
    .next = Udskriv dokumentet igen.
printers-cancel-partly = Ikke alle godkendte udskrifter blev annulleret
    .summary = { $cancelled_n ->
        [0] Ingen udskrift blev annulleret
        [1] Job { $cancelled_last } blev annulleret
       *[other] Job { $cancelled_head } og { $cancelled_last } blev annulleret
    }{ printers-cancel-rest }.
    .next = Annuller de resterende udskrifter i systemets printerindstillinger som administrator, eller spørg IT.
printers-cancel-stopped = Annulleringen stoppede
    .summary = Annulleringen af udskrifter, der sad fast, stoppede ({ $stop ->
        [timeout] intet svar inden for { $ms } ms
        [user] afbrudt af brugeren
       *[other] { $why }
    }): { printers-cancel-first }{ printers-cancel-rest }.
    .next = Se på udskriftskøen, og kør trinnet igen for at annullere de udskrifter, som ikke blev nået.
printers-not-offered = Ikke tilbudt, ikke rørt
    .summary = Job { $ids } blev godkendt, men var ikke blandt de viste udskrifter, så de blev ikke rørt.

## The jobs the cancel step shows

printers-job-line = job { $id } på { $printer }: "{ $title_kind ->
        [none] uden navn
       *[given] { $title }
    }" fra { $owner_kind ->
        [none] en ukendt bruger
       *[given] { $owner }
    }, { $state ->
        [waiting] venter
        [held] tilbageholdt
        [printing] udskrives
        [stopped] stoppet
        [cancelled] annulleret
        [aborted] afbrudt
        [completed] færdig
       *[other] ukendt tilstand
    }{ $age_kind ->
        [min] { " " }i { $age } min.
        [s] { " " }i { $age } sek.
       *[none] { "" }
    }
printers-offer-not-yours = ikke din, ikke rørt: { $job }
printers-offer-held = tilbageholdt med vilje, ikke rørt: { $job }
printers-offer-not-read = ikke læst: { $note }
printers-not-an-approval = "{ $text }" er ikke et svar, deskcheck kan bruge: skriv jobnumre ("12 14"), "all" for alle viste job, eller "none" for ingen

## printers.spooler and printers.spooler.restart (Windows)

printers-spooler-unsupported = Windows' Print Spooler findes ikke her: { $why }
printers-restart-step = Genstart Print Spooler: deskcheck kan gøre det, når du har sagt ja (det kræver administratorrettigheder), eller en administrator kører `net stop spooler` og `net start spooler`.
printers-restart-plan = deskcheck stopper Windows-tjenesten Print Spooler og starter den igen. Udskrivningen stopper i nogle sekunder; dokumenter, der venter i køerne, bliver liggende og bliver udskrevet bagefter. Det kræver administratorrettigheder: uden dem bliver intet ændret, og deskcheck siger det.
printers-spooler-running = Print Spooler kører
    .summary = Windows-tjenesten Print Spooler kører.
printers-spooler-stopped = Print Spooler er stoppet
    .summary = Windows-tjenesten Print Spooler er stoppet, så der kan ikke udskrives fra denne computer.
    .next = { printers-restart-step }
printers-spooler-stopped-code = Print Spooler er stoppet
    .summary = Windows-tjenesten Print Spooler er stoppet, så der kan ikke udskrives fra denne computer. { $code ->
        [1077] Den er ikke blevet startet, siden Windows startede.
       *[other] Den stoppede med fejl { $code }.
    }
    .next = { printers-restart-step }
printers-spooler-starting = Print Spooler starter
    .summary = Windows-tjenesten Print Spooler er ved at starte. Udskrivning virker, når den kører.
    .next = Vent et halvt minut, og kør tjekket igen. Hvis den stadig er ved at starte, så genstart Print Spooler.
printers-spooler-not-running = Print Spooler kører ikke
    .summary = Windows-tjenesten Print Spooler { $state ->
        [stopped] er stoppet
        [starting] er ved at starte
        [stopping] er ved at stoppe
        [running] kører
        [resuming] er ved at fortsætte
        [pausing] er ved at holde pause
        [paused] holder pause
       *[other] er i en ukendt tilstand
    }, så udskrivning virker ikke.
    .next = { printers-restart-step }
printers-restart-unapproved = Intet genstartet
    .summary = Intet blev genstartet: deskcheck genstarter kun Print Spooler, når du har godkendt det.
printers-restart-done = Print Spooler er genstartet
    .summary = Tjenesten Print Spooler blev stoppet og startet igen. Den kører nu.
    .next = Udskriv dokumentet igen.
printers-restart-started = Print Spooler er genstartet
    .summary = Tjenesten Print Spooler var stoppet. Den blev startet og kører nu.
    .next = Udskriv dokumentet igen.
printers-restart-needs-admin = Kræver administratorrettigheder
    .summary = Print Spooler blev ikke genstartet: det kræver administratorrettigheder, og deskcheck kører uden. Intet blev ændret.
    .detail = Windows afviste: { $what } (adgang nægtet)
    .next = Spørg IT, eller kør deskcheck som administrator (højreklik, "Kør som administrator"), og udfør trinnet igen.
printers-restart-failed = Print Spooler blev ikke genstartet
    .summary = Print Spooler kunne ikke genstartes.
    .next = Genstart computeren, eller bed IT om at se på tjenesten Print Spooler.
