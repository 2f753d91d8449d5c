# report — da messages (Danish).
