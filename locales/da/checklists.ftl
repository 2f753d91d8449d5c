# checklists — da messages (Danish).

## Answers as the transcript records them (checklist/walk.rs)
checklists-answer-yes = Ja
checklists-answer-no = Nej
checklists-answer-done = Færdig
checklists-answer-failed = Det virkede ikke
checklists-answer-skipped = Sprunget over
checklists-answer-went-back = Gik tilbage
checklists-answer-empty = (tomt)
checklists-probe-passed = Bestået: { $summary }
checklists-probe-problem = Fandt et problem: { $summary }
checklists-probe-unsupported = Ikke muligt her: { $summary }
checklists-tool-works = Det virker
checklists-tool-broken = Det virker ikke
checklists-tool-works-because = Det virker: { $summary }
checklists-tool-broken-because = Det virker ikke: { $summary }
checklists-nothing-to-report = intet at bemærke

## How a walk ends
checklists-end-resolved = løst
checklists-end-escalate = sendt videre
checklists-end-abandoned = ikke afsluttet
checklists-left-at-step = stoppet ved trinnet '{ $step }' før slutningen
checklists-run-title = Tjekliste: { $title }
checklists-from = fra { $source }
checklists-taken-back = trukket tilbage
checklists-transcript-end = Slut: { $kind } — { $text }

## Findings a walk records
checklists-step-skipped = { $title }
    .summary = Dette trin blev sprunget over, så det blev ikke tjekket.
checklists-solved = Løst
    .summary = { $text }
checklists-needs-technician = Kræver en tekniker
    .summary = { $text }
    .next = Kontakt IT-support, og vedhæft denne diagnosepakke til sagen.
checklists-needs-technician-contact = Kræver en tekniker
    .summary = { $text }
    .next = Kontakt IT-support ({ $contact }), og vedhæft denne diagnosepakke til sagen.
checklists-not-finished = Tjeklisten blev ikke gjort færdig
    .summary = Tjeklisten stoppede, før der blev fundet et svar: { $text }.
    .next = Kør tjeklisten igen til slutningen, eller kontakt IT-support med denne pakke.

## Why a headless walk stopped (checklist/drive.rs)
checklists-stop-loop = svarene kører i ring ved trinnet '{ $step }'
checklists-stop-ran-out = svarene til trinnet '{ $step }' i { $file } slap op: listen har { $listed }, og dette er besøg nummer { $visit }
checklists-stop-no-answer = intet svar til trinnet '{ $step }' i { $file }

## Answers a walk cannot take (checklist/walk.rs)
checklists-walk-ended = tjeklisten er slut; gå Tilbage for at ændre et svar
checklists-walk-wrong-answer = trinnet '{ $step }' er et { $kind }-trin og kan ikke tage svaret '{ $answer }'
checklists-walk-no-option = trinnet '{ $step }' har ikke mulighed { $index }
checklists-walk-missing-step = tjeklisten nævner et trin '{ $step }', som den ikke har
