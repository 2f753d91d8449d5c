# report — da messages (Danish).

report-title = deskcheck-rapport — { $host }
report-overall = Samlet:
report-not-run = IKKE KØRT
report-ok = OK
report-meaning-fail = der er fundet problemer
report-meaning-warn = noget skal ses efter
report-meaning-ok = ingen problemer fundet
report-meaning-none-ran = intet tjek kunne køre
report-verdict-network = Netværk: { $layer }
report-verdict-no-layer = alle led svarede
report-for-technician = Til teknikeren:
report-next-step = Næste skridt:
report-readout-code = Aflæsningskode:
report-readout-hint = (læs den op for din tekniker i telefonen)
report-computer-and-run = Computer og kørsel
report-host-name = Computernavn
report-os = Styresystem
report-kernel = Kerne
report-architecture = Arkitektur
report-started = Startet
report-finished = Færdig
report-did-not-finish = blev ikke færdig
report-tool = Værktøj
report-privacy = Privatlivsprofil
report-ticket = Sag
report-notes = Teknikerens noter
report-notes-issue = Problemet (med brugerens ord)
report-notes-environment = Omgivelser
report-notes-resolution = Løsning
report-notes-cause = Årsag
report-note = Bemærk:
report-all-checks = Alle tjek
report-col-status = Status
report-col-check = Tjek
report-col-outcome = Udfald
report-col-time = Tid
report-col-step = Trin
report-col-question = Spørgsmål
report-col-answer = Svar
report-taken-back = (trukket tilbage)
report-checklist = Tjekliste: { $title }
report-checklist-meta = { $id } · fra { $source } · { $start } til { $end }
report-checklist-resolved = løst
report-checklist-escalate = send videre
report-checklist-abandoned = ikke afsluttet
report-could-not-finish = Kunne ikke køre til ende — { $outcome }: { $reason }
report-structured-data = Strukturerede data
report-raw-evidence = Rå data i pakken:
report-bytes = { $bytes ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
}

report-text-head = deskcheck-rapport ({ $version }) — { $host } — { $time }
report-text-readout = Aflæsningskode: { $code }
report-text-system = System: { $os } { $version } ({ $arch }, kerne { $kernel })
report-text-overall = Samlet: { $overall }
report-text-verdict = Vurdering: { $status } { $headline }
report-text-next-step = Næste skridt: { $next }
report-text-ticket = Sag: { $ticket }
report-text-issue = Problemet (med brugerens ord): { $issue }
report-text-checklist = Tjekliste: { $title } — { $end }: { $text } ({ $answers ->
    [one] { $answers } svar
   *[other] { $answers } svar
})
report-text-not-run = Ikke kørt: { $id } — { $why }
report-text-counts = { $count ->
    [one] { $count } tjek
   *[other] { $count } tjek
}: { $pass } OK, { $info } info, { $warn } advarsel, { $fail } fejl, { $notrun } ikke kørt
report-text-no-problems = Ingen problemer fundet.
report-text-more-findings = … { $count } fund mere i report.html
report-text-more-not-run = … { $count } tjek mere, der ikke blev kørt, står i report.html
report-text-finding-next = {" "}— Næste: { $next }
report-text-unfinished = { $title }: blev ikke færdig — { $why }
