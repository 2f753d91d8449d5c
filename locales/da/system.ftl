# system — da messages (Danish).
