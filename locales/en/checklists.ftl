# checklists — en messages (English).
