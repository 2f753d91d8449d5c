# printers — da messages (Danish).
