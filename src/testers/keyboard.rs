//! Keyboard tester state: keys pressed, tested, never pressed, stuck.
