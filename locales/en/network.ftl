# network — en messages (English).
