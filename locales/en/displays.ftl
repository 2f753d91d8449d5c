# displays — en messages (English).
