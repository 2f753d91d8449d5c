# checklists — en messages (English).

## Answers as the transcript records them (checklist/walk.rs)
checklists-answer-yes = Yes
checklists-answer-no = No
checklists-answer-done = Done
checklists-answer-failed = It didn't work
checklists-answer-skipped = Skipped
checklists-answer-went-back = Went back
checklists-answer-empty = (left empty)
checklists-probe-passed = Passed: { $summary }
checklists-probe-problem = Found a problem: { $summary }
checklists-probe-unsupported = Not available here: { $summary }
checklists-tool-works = It works
checklists-tool-broken = It doesn't work
checklists-tool-works-because = It works: { $summary }
checklists-tool-broken-because = It doesn't work: { $summary }
checklists-nothing-to-report = nothing to report

## How a walk ends
checklists-end-resolved = resolved
checklists-end-escalate = escalate
checklists-end-abandoned = not finished
checklists-left-at-step = left at step '{ $step }' before the end
checklists-run-title = Checklist: { $title }
checklists-from = from { $source }
checklists-taken-back = taken back
checklists-transcript-end = End: { $kind } — { $text }

## Findings a walk records
checklists-step-skipped = { $title }
    .summary = This step was skipped, so it was not checked.
checklists-solved = Solved
    .summary = { $text }
checklists-needs-technician = Needs a technician
    .summary = { $text }
    .next = Contact IT support and attach this diagnostic bundle to the ticket.
checklists-needs-technician-contact = Needs a technician
    .summary = { $text }
    .next = Contact IT support ({ $contact }) and attach this diagnostic bundle to the ticket.
checklists-not-finished = Checklist not finished
    .summary = The checklist stopped before an answer was found: { $text }.
    .next = Run the checklist again to the end, or contact IT support with this bundle.

## Why a headless walk stopped (checklist/drive.rs)
checklists-stop-loop = the answers go round in a loop at step '{ $step }'
checklists-stop-ran-out = the answers for step '{ $step }' in { $file } ran out: its list has { $listed } and this is visit { $visit }
checklists-stop-no-answer = no answer for step '{ $step }' in { $file }

## Answers a walk cannot take (checklist/walk.rs)
checklists-walk-ended = the checklist has ended; go Back to change an answer
checklists-walk-wrong-answer = step '{ $step }' is a { $kind } step and cannot take the answer '{ $answer }'
checklists-walk-no-option = step '{ $step }' has no option { $index }
checklists-walk-missing-step = the checklist names a step '{ $step }' it does not have
