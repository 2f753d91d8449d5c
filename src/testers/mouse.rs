//! Mouse tester state: buttons, double clicks and bounces, wheel, pointer path.
