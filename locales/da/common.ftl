# common — Danish messages: status words, area names and outcomes every view shares.

common-severity-pass = OK
common-severity-info = INFO
common-severity-warn = ADVARSEL
common-severity-fail = FEJL

common-area-network = Netværk
common-area-printers = Printere
common-area-displays = Skærme
common-area-peripherals = Tilbehør
common-area-system = System

common-outcome-completed = gennemført
common-outcome-skipped = sprunget over
common-outcome-timed-out = fik ikke svar i tide
common-outcome-error = fejl
common-outcome-unsupported = findes ikke på dette system
common-outcome-no-answer-within = intet svar inden for { $ms } ms

common-cancelled-by-user = afbrudt af brugeren
