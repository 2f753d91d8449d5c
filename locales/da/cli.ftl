# cli — da messages (Danish).

cli-unknown-area = ukendt område '{ $area }' (vælg mellem: system, network, printers, displays, peripherals)
cli-running = kører { $count } tjek ({ $areas })
cli-counts = { $count } tjek: { $pass } OK, { $info } info, { $warn } advarsel, { $fail } fejl, { $notrun } ikke kørt
cli-verdict = vurdering: { $status } — { $headline }
cli-readout-code = aflæsningskode: { $code }
cli-finished-at = færdig kl. { $time }
cli-bundle-saved = pakken er gemt i { $path } ({ $bytes } bytes)
cli-map-saved = nøglen til den strenge anonymisering er gemt ved siden af: { $path } (gem den; vedhæft den ikke)
cli-bundle-intact = { $files } filer kontrolleret mod manifest.json (SHA-256): pakken er intakt — { $path }
cli-bundle-damaged = pakken er beskadiget eller ændret: { $error }
cli-status-done = FÆRDIG
cli-status-na = I/T
cli-status-skip = SPRUNGET OVER
cli-status-timeout = TIDSUDLØB
cli-status-error = FEJL
cli-decode-heading = Aflæsningskode { $code }:
cli-could-not-open-window = kunne ikke åbne vinduet: { $error }

cli-checklist-unusable = denne tjeklistefil kan ikke bruges: { $problem }
cli-checklist-name-one = angiv en tjekliste (vælg mellem: { $ids })
cli-checklist-cannot-use = tjeklisten '{ $name }' kan ikke bruges: { $problem }
cli-checklist-unknown = ukendt tjekliste '{ $name }' (vælg mellem: { $ids })
cli-checklist-answers-unreadable = kunne ikke læse svarfilen { $path }
cli-checklist-start = tjekliste '{ $id }': { $title }
cli-checklist-ended = tjeklisten sluttede: { $end } — { $text }
cli-running-one = kører…
cli-stuck-jobs = Udskriftsjob, der sidder fast (du er '{ $user }'):
cli-none = ingen
cli-yes = ja
cli-no = nej
cli-approved = Godkendt: { $what }
cli-no-approval-jobs = Ingen godkendelse af disse job i { $source }: intet annulleres.
cli-no-approval-restart = Ingen godkendelse af genstarten i { $source }: intet genstartes.
cli-ask-restart = Genstart printerkøen nu? (skriv yes / no — tom linje = nej):
cli-ask-cancel = Hvilke job skal annulleres? (deres numre, f.eks. 12 14; all; none — tom linje = ingen):
cli-step = Trin { $n } af { $total }: { $text }
cli-choices-tool = testen af { $tool } kræver vinduet; svar works / failed
cli-choices-number = et tal
cli-choices-text = skriv teksten
cli-ask-answer = Svar ({ $choices }; tom linje stopper):
cli-json-format-failed = kunne ikke formatere JSON-uddata
cli-json-write-failed = kunne ikke skrive JSON-uddata til stdout
