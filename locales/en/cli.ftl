# cli — en messages (English).
