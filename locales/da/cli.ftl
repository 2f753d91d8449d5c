# cli — da messages (Danish).
