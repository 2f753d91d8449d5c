# system — en messages (English).
