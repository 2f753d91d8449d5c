# readout — en messages (English).
