# testers — en messages (English).

## Tester titles: the home screen's buttons and the runs a tester files (gui/tools/mod.rs)
check-peripherals-tester-keyboard = Keyboard tester
check-peripherals-tester-mouse = Mouse tester
check-displays-tester-patterns = Test patterns
check-peripherals-tester-sound = Sound test
testers-it-works = It works
testers-it-does-not-work = It doesn't work
testers-verdict-works = The user's verdict: It works
    .summary = { $summary }
testers-verdict-broken = The user's verdict: It doesn't work
    .summary = { $summary }

## Keyboard tester (gui/tools/keyboard.rs, testers/keyboard.rs)
testers-kb-title = Keyboard tester
testers-kb-intro = Press every key once. A key lights up (⬇) while it is down and is marked ✔ once released.
testers-kb-layout = Layout:
testers-kb-progress = { $tested } of { $total } keys tested
testers-kb-held = ⚠ Still held down: { $keys }
testers-kb-other-keys = Other keys seen: { $keys }
testers-kb-key-name = Key { $key }: { $state }
testers-key-untested = not tested
testers-key-pressed = pressed
testers-key-tested = tested
testers-layout-ansi = ANSI (US)
testers-layout-iso = ISO (European)

## Mouse tester (gui/tools/mouse.rs, testers/mouse.rs)
testers-mouse-title = Mouse tester
testers-mouse-intro = Use the mouse inside the box: every click, double click and wheel step is counted.
testers-mouse-area = Mouse test area
testers-mouse-area-hint = Move, click each button, double-click the target, turn the wheel here
testers-mouse-target = Double-click me
testers-mouse-target-hit = ✔ { $count } double
testers-mouse-target-name = Double-click target: { $count } double click(s)
testers-mouse-button-stats = { $button }: clicks { $clicks }, double clicks { $doubles }, bounces { $bounces }
testers-mouse-wheel = Wheel: { $up } up, { $down } down · pointer moved { $distance } points
testers-mouse-bounce = ⚠ Bounce: the { $button } clicked again { $gap } after letting go
testers-mouse-last-double = Last: double click ({ $button })
testers-mouse-last-click = Last: click ({ $button })
testers-button-primary = Left button
testers-button-secondary = Right button
testers-button-middle = Middle button (wheel click)
testers-button-back = Back thumb button
testers-button-forward = Forward thumb button

## Test patterns (gui/tools/patterns.rs, testers/patterns.rs)
testers-patterns-title = Test patterns
testers-patterns-intro = The screen will show ten full-screen patterns, one after another. Look at each one closely; press any key or click to see the next one. Press Esc to stop at any time.
testers-patterns-show-on = Show the patterns on:
testers-patterns-this-monitor = The patterns use the monitor this window is on. To test another monitor, move this window there first.
testers-patterns-start = Start test patterns
testers-pattern-name = Test pattern { $index } of { $count }: { $title }. Press any key or click for the next one, Esc to stop.
testers-patterns-any-problem = Did you see any problem?
testers-patterns-seen = You saw { $count } test patterns.
testers-patterns-fine = No, everything looked fine
testers-patterns-problem = Yes, I saw a problem
testers-patterns-what = What did you see? Tick everything that applies.
testers-patterns-where = Where on the screen, or anything else (optional):
testers-patterns-finish = Finish
testers-pattern-sample = The quick brown fox jumps over the lazy dog 0123456789
testers-monitor-known = This window's monitor: { $size } pixels, scale { $scale }
testers-monitor-scale-only = This window's monitor: size unknown, scale { $scale }
testers-monitor-unknown = This window's monitor: the system does not say its size or scale
testers-pattern-red = Solid red
    .look = Look for dots of another colour: pixels that stay dark or stay lit.
testers-pattern-green = Solid green
    .look = Look for dots of another colour: pixels that stay dark or stay lit.
testers-pattern-blue = Solid blue
    .look = Look for dots of another colour: pixels that stay dark or stay lit.
testers-pattern-white = Solid white
    .look = Look for dark dots, and for patches that are darker or tinted.
testers-pattern-black = Solid black
    .look = Look for dots that stay lit, and for light bleeding in at the edges.
testers-pattern-grey50 = 50 % grey
    .look = Look for blotches, darker corners or a tint across the screen.
testers-pattern-grey-ramp = Grey ramp
    .look = The ramps should be smooth: look for visible steps or bands.
testers-pattern-rgb-ramps = Red, green and blue ramps
    .look = The ramps should be smooth: look for visible steps or bands.
testers-pattern-checkerboard = 1-pixel checkerboard with small text
    .look = It should look like an even grey and the small text sharp: look for stripes, shimmer or blur.
testers-pattern-moving-box = Moving box
    .look = Look for a smeared trail or a double image behind the moving box.
testers-problem-pixels = Dots that stay dark or stay lit (dead or stuck pixels)
testers-problem-uneven = Patches, dark corners or a tint (uneven brightness)
testers-problem-banding = Steps or bands in the ramps
testers-problem-blur = Blurry or shimmering fine detail or text
testers-problem-ghosting = A trail or double image behind the moving box
testers-problem-other = Something else

## Sound tester (gui/tools/sound.rs)
testers-sound-title = Sound tester
testers-sound-looking = Looking for speakers and microphones…
testers-sound-unavailable = Not available on this system: no sound device was found{ $why }.
testers-sound-read-failed = ⚠ The sound devices could not be read: { $error }
testers-sound-intro = Play the tone on each side and say whether you heard it there; speak to see the microphone level.
testers-sound-speaker-label = Speaker / headset:
testers-sound-speaker = Speaker / headset
testers-sound-microphone-label = Microphone:
testers-sound-microphone = Microphone
testers-sound-none = none
testers-sound-default = { $device } (default)
testers-sound-play-left = Play left
testers-sound-play-right = Play right
testers-sound-playing = Playing on the { $side ->
        [left] left
       *[right] right
    }…
testers-sound-played-mono = Played on { $device } (a mono device: one channel only)
testers-sound-played = Played on the { $side ->
        [left] left
       *[right] right
    } of { $device }
testers-sound-play-failed = ⚠ Could not play: { $error }
testers-sound-mic-starting = Starting the microphone…
testers-sound-mic-failed = ⚠ Microphone: { $error }
testers-sound-mic = Microphone: { $device }
testers-sound-mic-level = Microphone level { $level }
testers-sound-no-mic = No microphone to show a level for.
testers-sound-result = Sound test
    .summary = Test tone played on: { $sides ->
        [both] left, right
        [left] left
       *[right] right
    }. Loudest microphone level: { $level }.
testers-sound-result-none = Sound test
    .summary = Test tone played on: nothing. Loudest microphone level: { $level }.
testers-sound-tone-failed = Test tone did not play
    .summary = The { $side ->
        [left] left
       *[right] right
    } test tone could not be played.
    .next = Check that the headset or speaker is chosen as the output and not in use by a call.
testers-sound-no-device = No sound device
    .summary = This computer has no sound device{ $why }.
testers-sound-unreadable = Sound devices not readable
    .summary = { $error }
testers-sound-faulty = Sound reported faulty
    .summary = You said the sound doesn't work.
    .next = Check the volume and mute buttons on the headset and in the call app, then try another port.

## What the mouse tester reports (testers/mouse.rs)
testers-mouse-result = Mouse buttons and wheel
    .summary = Left { $left } clicks ({ $doubles } double), right { $right }, middle { $middle }; wheel { $up } up, { $down } down; pointer moved { $distance } points.
testers-mouse-bouncing = Button clicks by itself
    .summary = The { $button ->
        [primary] left button
        [secondary] right button
        [middle] middle button (wheel click)
        [back] back thumb button
       *[forward] forward thumb button
    } clicked { $count } extra time(s) right after being released: a worn switch ("double-clicking" mouse).
    .detail = Presses less than { $limit } after a release are too fast for a finger; gaps seen: { $gaps }.
    .next = Replace the mouse; a worn switch keeps getting worse.
testers-mouse-untried = Buttons not clicked
    .summary = Never clicked: { $buttons ->
        [primary] Left button
        [secondary] Right button
        [middle] Middle button (wheel click)
        [primary-secondary] Left button, Right button
        [primary-middle] Left button, Middle button (wheel click)
        [secondary-middle] Right button, Middle button (wheel click)
       *[primary-secondary-middle] Left button, Right button, Middle button (wheel click)
    }.
    .next = Click each button once in the test area; if one does not count, that button is faulty.
testers-mouse-wheel-untried = Wheel not fully tried
    .summary = The wheel was turned up { $up } and down { $down } time(s).
    .next = Turn the wheel both ways over the test area.
testers-mouse-faulty = Mouse reported faulty
    .summary = You said the mouse doesn't work.
    .next = Try another USB port or fresh batteries; if that does not help, replace the mouse.

## What the keyboard tester reports (testers/keyboard.rs)
testers-kb-result = Keys tested
    .summary = { $tested } of { $total } keys tested on the { $layout } layout.
testers-kb-stuck = Key stuck down
    .summary = These keys were still held down at the end: { $keys }.
    .detail = A key that stays down without being held is mechanically stuck or shorted.
    .next = Press the key firmly a few times; if it stays down, clean under it or replace the keyboard.
testers-kb-never-pressed = Keys never pressed
    .summary = { $count } key(s) were never pressed: { $keys }.
    .detail = Some keys never reach an app: the system may keep Print Screen, the Windows key and shortcuts such as Alt+Tab; Fn is handled inside the keyboard.
    .next = Press each of these keys once; if one does not light up, that key is faulty.
testers-kb-faulty = Keyboard reported faulty
    .summary = You said the keyboard doesn't work.
    .next = Try another USB port or fresh batteries; if that does not help, replace the keyboard.

## What the test patterns report (testers/patterns.rs)
testers-patterns-unfinished = Test patterns not finished
    .summary = The test patterns were left after { $shown } of { $total }{ $place ->
        [window] {""}
       *[named] {" "}on { $monitor }
    }, without an answer.
testers-patterns-fine-result = Test patterns look right
    .summary = You saw no problem in { $shown } test patterns{ $place ->
        [window] {""}
       *[named] {" "}on { $monitor }
    }.
testers-found-pixels = Dead or stuck pixels
    .summary = You saw pixels that stay dark or stay lit.
    .next = Note where they are; if they are in the middle or there are several, ask IT about a warranty replacement.
testers-found-uneven = Uneven brightness
    .summary = You saw patches, dark corners or a tint on plain colours.
    .next = Reset the monitor's picture settings in its own menu; if it stays, the backlight or panel may be failing.
testers-found-banding = Banding in gradients
    .summary = You saw steps or bands in the colour ramps.
    .next = Set the native resolution and the highest colour depth; try another cable (an HDMI or USB-C adapter can limit colours).
testers-found-blur = Blurry or shimmering detail
    .summary = Fine detail or small text did not look sharp.
    .next = Choose the native ("recommended") resolution and 100 % scaling; on VGA use the monitor's auto-adjust.
testers-found-ghosting = Ghosting
    .summary = You saw a trail or a double image behind the moving box.
    .next = Turn on the monitor's overdrive/response-time setting or choose its highest refresh rate.
testers-found-other = Other display problem
    .summary = You saw something wrong that is not in the list.
    .next = Describe what you saw to your technician.
