//! Displays: the EDID parser and connector facts.
