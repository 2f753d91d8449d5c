# peripherals — en messages (English).
