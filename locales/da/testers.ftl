# testers — da messages (Danish).
