# guided — da messages (Danish).
