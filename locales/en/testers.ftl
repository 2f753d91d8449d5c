# testers — en messages (English).
