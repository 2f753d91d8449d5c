# cli — en messages (English).

cli-unknown-area = unknown area '{ $area }' (choose from: system, network, printers, displays, peripherals)
cli-running = running { $count ->
    [one] { $count } check
   *[other] { $count } checks
} ({ $areas })
cli-counts = { $count ->
    [one] { $count } check
   *[other] { $count } checks
}: { $pass } pass, { $info } info, { $warn } warn, { $fail } fail, { $notrun } not run
cli-verdict = verdict: { $status } — { $headline }
cli-readout-code = read-out code: { $code }
cli-finished-at = finished at { $time }
cli-bundle-saved = bundle saved to { $path } ({ $bytes } bytes)
cli-map-saved = strict-privacy token map saved beside it: { $path } (keep it; do not attach it)
cli-bundle-intact = { $files } files verified against manifest.json (SHA-256): bundle intact — { $path }
cli-bundle-damaged = bundle is damaged or was changed: { $error }
cli-status-done = DONE
cli-status-na = N/A
cli-status-skip = SKIP
cli-status-timeout = TIMEOUT
cli-status-error = ERROR
cli-decode-heading = Read-out code { $code }:
cli-could-not-open-window = could not open the window: { $error }

cli-checklist-unusable = this checklist file cannot be used: { $problem }
cli-checklist-name-one = name a checklist (choose from: { $ids })
cli-checklist-cannot-use = checklist '{ $name }' cannot be used: { $problem }
cli-checklist-unknown = unknown checklist '{ $name }' (choose from: { $ids })
cli-checklist-answers-unreadable = could not read the answers file { $path }
cli-checklist-start = checklist '{ $id }': { $title }
cli-checklist-ended = checklist ended: { $end } — { $text }
cli-running-one = running…
cli-stuck-jobs = Stuck print jobs (you are '{ $user }'):
cli-none = none
cli-yes = yes
cli-no = no
cli-approved = Approved: { $what }
cli-no-approval-jobs = No approval for these jobs in { $source }: nothing is cancelled.
cli-no-approval-restart = No approval for the restart in { $source }: nothing is restarted.
cli-ask-restart = Restart the print spooler now? (yes / no — empty line = no):
cli-ask-cancel = Cancel which jobs? (their numbers, e.g. 12 14; all; none — empty line = none):
cli-step = Step { $n } of { $total }: { $text }
cli-choices-tool = the { $tool } tester needs the window; answer works / failed
cli-choices-number = a number
cli-choices-text = type the text
cli-ask-answer = Answer ({ $choices }; empty line stops):
cli-json-format-failed = could not format the JSON output
cli-json-write-failed = could not write the JSON output to stdout
