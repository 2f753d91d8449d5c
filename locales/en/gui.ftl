# gui — en messages (English).
