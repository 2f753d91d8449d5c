//! Sound devices: outputs and inputs, a test tone, the microphone level.
