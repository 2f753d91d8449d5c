# network — da messages (Danish).
