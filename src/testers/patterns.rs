//! Display test patterns: the sequence and what was shown.
