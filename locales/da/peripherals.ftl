# peripherals — da messages (Danish).
