# printers — en messages (English).
