# guided — da messages (Danish).
# Guidet tilstand: enkelt du-sprog til en bruger, der taler i telefon med en tekniker; ingen fagord.

guided-step = Trin { $n } af { $total }
guided-step-first = Trin { $n }
guided-back = Tilbage
guided-next = Næste

guided-what-is-wrong = Hvad er der galt?
guided-what-is-wrong-help = Vælg det, der passer bedst, og tryk så på Næste.
guided-problem-internet = Internettet
guided-problem-printer = En printer
guided-problem-screen = Skærmen
guided-problem-devices = Tastatur, mus eller headset
guided-problem-other = Noget andet

guided-checking-network = Tjekker dit netværk… { $done } af { $total }
guided-checking-printer = Tjekker dine printere… { $done } af { $total }
guided-checking-screen = Tjekker din skærm… { $done } af { $total }
guided-checking-devices = Tjekker dit tastatur, din mus og dit headset… { $done } af { $total }
guided-checking-everything = Tjekker din computer… { $done } af { $total }
guided-checking-wait = Det tager et par sekunder. Vent venligst.
guided-checked = Færdig: { $done } af { $total } tjek er udført.
guided-checked-problems = { $count ->
    [one] Vi fandt 1 problem.
   *[other] Vi fandt { $count } problemer.
}
guided-checked-fine = Vi fandt ingen problemer.
guided-press-next = Tryk på Næste for at gå videre.

guided-questions-starting = Gør spørgsmålene klar…
guided-yes = Ja
guided-no = Nej
guided-dont-know = Det ved jeg ikke
guided-done = Færdig
guided-failed = Det virkede ikke
guided-skip-step = Spring dette trin over
guided-works = Det virker
guided-not-works = Det virker ikke
guided-open-tester = Åbn testværktøjet
guided-your-answer = Dit svar:
guided-probe-running = Tjekker… vent venligst.
guided-check-again = Tjek igen
guided-consent-help = Sæt flueben ved de udskrifter, du vil annullere, og tryk så på Næste. Sætter du ingen flueben, bliver intet annulleret.

guided-result = Resultat
guided-result-solved = Godt nyt: problemet er løst.
guided-result-escalate = Det her skal din tekniker se på.
guided-result-nothing = Der kunne ikke tjekkes noget på denne computer.
guided-result-fine = Alt det, vi tjekkede, virker.
guided-result-warn = Vi fandt noget, der kan give problemer.
guided-result-fail = Vi fandt et problem.
guided-what-now = Det skal du gøre nu
guided-next-fine = Hvis problemet kommer igen, så tryk på Start forfra eller ring til din tekniker.
guided-next-code = Læs koden herunder op for din tekniker.
guided-next-technician = Læs koden herunder op for din tekniker, og gem en rapportfil til vedkommende.
guided-read-code = Læs denne kode op for din tekniker
guided-save = Gem en rapportfil
guided-start-again = Start forfra
guided-details = Vis alle detaljer
