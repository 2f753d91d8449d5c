# peripherals — en messages (English).

check-peripherals-usb-devices = USB devices
check-peripherals-usb-watch = Plug the device in now
check-peripherals-audio-devices = Sound devices

peripherals-no-usb-bus = this system shows no USB bus ({ $why })
peripherals-no-sound-device = this computer has no sound device{ $why }

peripherals-no-usb-devices = No USB devices
    .summary = No USB device is plugged in (or none is recognised).
    .next = If a device is plugged in, try another USB port, then another cable.
peripherals-usb-devices = USB devices
    .summary = { $count ->
        [one] { $count } USB device found.
       *[other] { $count } USB devices found.
    }
peripherals-usb-slow = USB device running slowly
    .summary = { $device } can do USB 3 but is connected at USB 2 speed or slower.
    .detail = The device claims USB { $version } but the bus negotiated { $speed }; a USB 2 port, hub or cable is in the way.
    .next = Plug it straight into a blue (USB 3) port on the computer, with the cable that came with it.
peripherals-watch-nothing = No new device appeared
    .summary = No new USB device appeared within { $seconds } seconds.
    .next = Try another USB port (on the computer itself, not a hub or dock), then another cable; if the device has a power switch or its own power supply, check it is on.
peripherals-watch-nothing-gone = No new device appeared
    .summary = No new USB device appeared within { $seconds } seconds.
    .detail = Meanwhile this went away: { $gone }
    .next = Try another USB port (on the computer itself, not a hub or dock), then another cable; if the device has a power switch or its own power supply, check it is on.
peripherals-watch-found = New device found
    .summary = The computer noticed { $devices } after { $after }.

peripherals-sound-devices = Sound devices
    .summary = { $outputs } output and { $inputs } input device(s) found.
peripherals-no-speaker = No speaker or headset
    .summary = The sound system shows no output device.
    .next = Plug in the headset or speaker (or switch the monitor's speakers on), then check again.
peripherals-no-microphone = No microphone
    .summary = The sound system shows no microphone.
    .next = Plug in the headset or microphone, then check again.
