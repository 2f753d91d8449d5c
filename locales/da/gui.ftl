# gui — da messages (Danish).
