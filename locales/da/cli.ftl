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
