# displays — da messages (Danish).
