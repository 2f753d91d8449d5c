# common — English messages: status words, area names and outcomes every view shares.

common-severity-pass = PASS
common-severity-info = INFO
common-severity-warn = WARN
common-severity-fail = FAIL

common-area-network = Network
common-area-printers = Printers
common-area-displays = Displays
common-area-peripherals = Peripherals
common-area-system = System

common-outcome-completed = completed
common-outcome-skipped = skipped
common-outcome-timed-out = timed out
common-outcome-error = error
common-outcome-unsupported = not available on this system
common-outcome-no-answer-within = no answer within { $ms } ms

common-cancelled-by-user = cancelled by the user
