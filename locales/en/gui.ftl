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
