# checklists — da messages (Danish).
