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
