# readout — da messages (Danish).
