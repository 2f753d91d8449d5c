# report — en messages (English).
