# guided — en messages (English).
