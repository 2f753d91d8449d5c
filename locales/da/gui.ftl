# gui — da messages (Danish).

## Top bar
gui-mode = Visning:
gui-mode-guided = Trin for trin
gui-mode-guided-hint = Ét trin ad gangen i almindelige ord, når du taler med support i telefonen
gui-mode-technician = Tekniker
gui-mode-technician-hint = Alle tabeller, grafer, rå data og notatpanelet
gui-language = Sprog
gui-high-contrast = Høj kontrast
gui-high-contrast-hint = Sort og hvid tekst med tydelige kanter
gui-text-smaller = Mindre tekst
gui-text-larger = Større tekst
gui-text-size = Tekst { $percent } %
gui-open-bundle = Åbn pakke…
gui-open-bundle-hint = Åbn en gemt diagnosepakke for at gennemse den (skrivebeskyttet)
gui-technician-notes = Teknikernoter
gui-technician-notes-hint = Sagsnummer, problemet med brugerens egne ord, miljø, løsning, årsag
