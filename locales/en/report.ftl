# report — en messages (English).

report-title = deskcheck report — { $host }
report-overall = Overall:
report-not-run = NOT RUN
report-ok = OK
report-meaning-fail = problems found
report-meaning-warn = something needs attention
report-meaning-ok = no problems found
report-meaning-none-ran = no check could run
report-verdict-network = Network: { $layer }
report-verdict-no-layer = every layer answered
report-for-technician = For the technician:
report-next-step = Next step:
report-readout-code = Read-out code:
report-readout-hint = (read it to your technician on the phone)
report-computer-and-run = Computer and run
report-host-name = Host name
report-os = Operating system
report-kernel = Kernel
report-architecture = Architecture
report-started = Started
report-finished = Finished
report-did-not-finish = did not finish
report-tool = Tool
report-privacy = Privacy profile
report-ticket = Ticket
report-notes = Technician notes
report-notes-issue = Issue (user's words)
report-notes-environment = Environment
report-notes-resolution = Resolution
report-notes-cause = Cause
report-note = Note:
report-all-checks = All checks
report-col-status = Status
report-col-check = Check
report-col-outcome = Outcome
report-col-time = Time
report-col-step = Step
report-col-question = Question
report-col-answer = Answer
report-taken-back = (taken back)
report-checklist = Checklist: { $title }
report-checklist-meta = { $id } · from { $source } · { $start } to { $end }
report-checklist-resolved = resolved
report-checklist-escalate = escalate
report-checklist-abandoned = not finished
report-could-not-finish = Could not run to the end — { $outcome }: { $reason }
report-structured-data = Structured data
report-raw-evidence = Raw evidence in the bundle:
report-bytes = { $bytes ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
}

report-text-head = deskcheck { $version } report — { $host } — { $time }
report-text-readout = Read-out code: { $code }
report-text-system = System: { $os } { $version } ({ $arch }, kernel { $kernel })
report-text-overall = Overall: { $overall }
report-text-verdict = Verdict: { $status } { $headline }
report-text-next-step = Next step: { $next }
report-text-ticket = Ticket: { $ticket }
report-text-issue = Issue (user's words): { $issue }
report-text-checklist = Checklist: { $title } — { $end }: { $text } ({ $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
})
report-text-not-run = Not run: { $id } — { $why }
report-text-counts = { $count ->
    [one] { $count } check
   *[other] { $count } checks
}: { $pass } pass, { $info } info, { $warn } warn, { $fail } fail, { $notrun } not run
report-text-no-problems = No problems found.
report-text-more-findings = … { $count } more findings in report.html
report-text-more-not-run = … { $count } more checks not run, listed in report.html
report-text-finding-next = {" "}— Next: { $next }
report-text-unfinished = { $title }: could not finish — { $why }
