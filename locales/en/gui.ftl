# gui — en messages (English).

## Top bar
gui-mode = Mode:
gui-mode-guided = Guided
gui-mode-guided-hint = One step at a time in plain words, for a user on the phone with support
gui-mode-technician = Technician
gui-mode-technician-hint = Every table, graph, raw evidence and the notes panel
gui-language = Language
gui-high-contrast = High contrast
gui-high-contrast-hint = Black and white text with strong borders
gui-text-smaller = Smaller text
gui-text-larger = Larger text
gui-text-size = Text { $percent } %
gui-open-bundle = Open bundle…
gui-open-bundle-hint = Open a saved bundle to review it (read-only)
gui-technician-notes = Technician notes
gui-technician-notes-hint = Ticket reference, the issue in the user's words, environment, resolution, cause

## Home screen
gui-check-everything = Check everything
gui-check-everything-hint = Run every check and show what is wrong, in plain words
gui-checks-running = Checks are running
gui-cancel = Cancel
gui-cancel-hint = Stop the checks that are still running
gui-save-bundle = Save bundle…
gui-save-bundle-hint = Save everything into one .zip file to attach to a support ticket
gui-save-bundle-disabled = Available once the checks have finished
gui-copy-summary = Copy summary
gui-copy-summary-hint = Copy a short text summary, for pasting into a ticket or chat
gui-privacy = Privacy:
gui-privacy-standard = Standard
gui-privacy-strict = Strict
gui-privacy-standard-hint = Removes passwords, keys and tokens
gui-privacy-strict-hint = Also replaces host names, user names, IP and MAC addresses with tokens; the key to them is saved beside the bundle, never inside
gui-privacy-hint = How much the saved bundle hides
gui-starting-checks = Starting the checks…
gui-checks-done = { $done } of { $total } checks done
gui-running-check = Running: { $check }
gui-running-check-note = Running: { $check } — { $note }
gui-area-show-all-hint = Show the results of every area
gui-area-show-only-hint = Show only the { $area } results
gui-area-no-checks = No checks for this area in this version
gui-area-not-in-bundle = Not in this bundle
gui-area-checks =
    { $count ->
        [one] 1 check
       *[other] { $count } checks
    }
gui-network-details = Network details
gui-network-details-hint = The layer ladder, address and lease, ping graphs, the path hop by hop, DNS per server

## Results
gui-layer-link = Network connection
gui-layer-address = Address (DHCP)
gui-layer-gateway = Router (gateway)
gui-layer-dns = Name lookup (DNS)
gui-layer-internet = Internet
gui-layer-services = Websites and services
gui-where-it-fails = Where it fails: { $layer }
gui-for-technicians = For technicians: { $text }
gui-tally-passed = { $count } passed
gui-tally-warnings =
    { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
gui-tally-failed = { $count } failed
gui-tally-not-checked = { $count } not checked
gui-overall-fail = FAIL — problems found
gui-overall-warn = WARNING — something needs attention
gui-overall-ok = OK — no problems found
gui-overall-nothing = NOTHING CHECKED — no check could run
gui-result = Result:
gui-results = Results
gui-showing-only = Showing only { $area }
gui-show-all-areas = Show all areas
gui-no-findings = no findings
gui-did-not-complete = This check did not complete ({ $outcome }): { $reason }
gui-did-not-complete-plain = This check did not complete ({ $outcome }).
gui-nothing-to-report = The check ran and had nothing to report.
gui-collected-files = Collected files: { $files }
gui-run-footer = Check { $id } · started { $started } · took { $took }
gui-next-step = Next step:

## Status words
gui-badge-not-run = Not run
gui-badge-running = Running
gui-badge-not-available = Not available
gui-badge-pass = Pass
gui-badge-warning = Warning
gui-badge-fail = Fail
gui-badge-no-checks = Not available yet
gui-outcome-not-available = NOT AVAILABLE
gui-outcome-no-findings = NO FINDINGS
gui-outcome-skipped = SKIPPED

## Status line
gui-saved-to = Saved to { $path } ({ $size })
gui-saved-to-with-map = Saved to { $path } ({ $size }). The key to the hidden names is in { $map } — keep it private, do not send it.

## Bundle view and technician notes
gui-viewing-bundle = Viewing saved bundle { $file } — read-only
gui-close-bundle = Close bundle
gui-close-bundle-hint = Back to this computer's checks
gui-copy-bundle-summary-hint = Copy the bundle's text summary
gui-did-not-finish = did not finish
gui-fact-computer = Computer
gui-fact-system = System
gui-fact-system-value = { $os } { $version } (kernel { $kernel }, { $arch })
gui-fact-started = Started
gui-fact-finished = Finished
gui-fact-tool = Tool
gui-fact-privacy = Privacy
gui-log = Log (log.txt)
gui-log-empty = The log is empty.
gui-notes-title = Technician notes
gui-notes-saved-hint = Saved into the bundle with the report.
gui-notes-readonly-hint = From the saved bundle (read-only).
gui-notes-ticket = Ticket reference
gui-notes-issue = Issue (in the user's words)
gui-notes-environment = Environment
gui-notes-resolution = Resolution
gui-notes-cause = Cause
gui-notes-empty = (empty)

## Checklists
gui-checklists-title = Guided checklists
gui-checklists-hint = One question at a time, for the most common problems.
gui-testers = Testers
gui-checklist-unusable = This checklist file cannot be used: { $problem }
gui-close-checklist = Close checklist
gui-close-checklist-hint = Back to the home screen
gui-step-of = Step { $n } of { $total }
gui-end-solved = Solved
gui-end-escalate = A technician needs to take over
gui-end-abandoned = Not finished
gui-back = Back
gui-skip = Skip
gui-skip-hint = Go on without answering; the report notes that this step was skipped
gui-yes = Yes
gui-no = No
gui-done = Done
gui-did-not-work = It didn't work
gui-your-answer = Your answer:
gui-continue = Continue
gui-checking = Checking…
gui-checking-note = Checking… { $note }
gui-check-again = Check again
gui-starting-check = Starting the check…
gui-tester-missing = The { $tool } tester is not available in this build.
gui-open-tester = Open the { $tool } tester
gui-answer-without = Or answer without it:
gui-it-works = It works
gui-it-does-not-work = It doesn't work
gui-recorded = Recorded in the report: { $detail }
gui-save-then-close = Save the bundle to attach every answer to the ticket, then close the checklist.
gui-reading-jobs = Reading the print jobs…
gui-no-stuck-jobs = No stuck print job of yours is waiting.
gui-tick-jobs = Tick the jobs to cancel:
gui-job-not-yours = Not yours, left alone: { $job }
gui-job-held = Held on purpose, left alone: { $job }
gui-job-not-read = Not read: { $note }
gui-offer-others-jobs = Also offer other users' stuck jobs
gui-cancel-selected-jobs =
    { $count ->
        [one] Cancel the selected job
       *[other] Cancel the { $count } selected jobs
    }
gui-cancel-nothing = Cancel nothing

## Status messages
gui-cancelling = Cancelling…
gui-copied-summary = Copied the summary to the clipboard.
gui-cancelled = Cancelled. Checks that had not finished are marked skipped.
gui-no-results-yet = No results yet. Press “Check everything” to start.
gui-bundle-no-results = This bundle has no results.
gui-err-start-checks = Could not start the checks: { $error }
gui-err-start-dhcp-probe = Could not start the DHCP probe: { $error }
gui-no-dialog = No file dialog could be shown on this system. On Linux, install xdg-desktop-portal (with a GTK or KDE backend) or zenity.
gui-err-save = Could not save the bundle: { $error }
gui-err-open = Could not open the bundle: { $error }
gui-choose-save = Choose where to save the bundle…
gui-err-save-dialog = Could not open the save dialog: { $error }
gui-saving-to = Saving to { $path }…
gui-choose-open = Choose a bundle to open…
gui-err-open-dialog = Could not open the file dialog: { $error }
gui-opening = Opening { $path }…

## Graphs and dialogs
gui-rtt-axis-probe = probe
gui-rtt-hover-lost = probe { $n }: no answer
gui-rtt-hover = probe { $n }: { $ms } ms
gui-rtt-description = Round-trip times to { $name }: { $answered } of { $sent } probes answered
gui-dialog-save-title = Save diagnostic bundle
gui-dialog-open-title = Open diagnostic bundle
gui-dialog-filter = deskcheck bundle

## Decode a code
gui-decode-title = Decode a code
gui-decode-hint = Type the read-out code the user reads to you from the guided result screen.
gui-decode-label = Read-out code:
gui-decode-button = Decode
gui-decode-results = The code stands for:
