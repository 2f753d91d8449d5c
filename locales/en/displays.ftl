# displays — en messages (English).

check-displays-connectors = Display connectors
check-displays-monitors = Monitor modes

displays-no-connectors = the graphics driver lists no display connectors
displays-no-monitor-listed = the windowing system reports no connected monitor

displays-no-monitor = No monitor detected
    .summary = The graphics card does not see a monitor on any of its outputs.
    .detail = Every connector reports "disconnected" or "unknown".
    .next = Check that the monitor is on and its cable is firmly plugged in at both ends; try another cable or port.
displays-unused-outputs = Unused outputs
    .summary = Nothing is plugged into { $outputs }.
displays-state-unknown = { $connector }: state unknown
    .summary = The driver cannot tell whether a monitor is plugged into { $connector }.
displays-no-edid = { $connector }: monitor sends no identification
    .summary = A monitor is connected to { $connector }, but it does not say what it is (no EDID).
    .detail = The EDID file of the connector is empty.
    .next = Plug the cable in firmly or try another cable; adapters, KVM switches and docks often drop the EDID.
displays-no-edid-unread = { $connector }: monitor sends no identification
    .summary = A monitor is connected to { $connector }, but it does not say what it is (no EDID).
    .next = Plug the cable in firmly or try another cable; adapters, KVM switches and docks often drop the EDID.
displays-edid-not-connected = { $connector }: EDID without a connected monitor
    .summary = { $connector } says nothing is connected, yet it holds a monitor's identification ({ $monitor }).
    .detail = The hot-plug signal is missing while the EDID was read: a loose cable, a sleeping monitor or a faulty adapter.
    .next = Wake the monitor, reseat the cable at both ends, then run the check again.
displays-connected-unused = { $connector }: { $monitor } connected but not in use
    .summary = { $monitor } is plugged into { $connector }, but the computer does not send it a picture.
    .next = Open the display settings and turn this display on (or choose "Extend" / "Duplicate").
displays-connected = { $connector }: { $monitor }
    .summary = { $monitor } is connected to { $connector }.
displays-connected-native = { $connector }: { $monitor }
    .summary = { $monitor } is connected to { $connector } (native { $mode }).
displays-edid-damaged = { $connector }: damaged monitor identification
    .summary = The identification (EDID) the monitor on { $connector } sends { $damage ->
        [short] is cut short
        [header] is garbled
       *[checksum] has a wrong checksum
    }. The computer may pick a wrong resolution.
    .detail = { $error } (connector { $connector }; raw bytes in { $connector }.edid.bin)
    .next = Try another cable, and connect the monitor directly instead of through an adapter or dock.
displays-edid-damaged-readable = { $connector }: damaged monitor identification
    .summary = The identification (EDID) the monitor on { $connector } sends { $damage ->
        [short] is cut short
        [header] is garbled
       *[checksum] has a wrong checksum
    }. It still reads as { $monitor }. The computer may pick a wrong resolution.
    .detail = { $error } (connector { $connector }; raw bytes in { $connector }.edid.bin)
    .next = Try another cable, and connect the monitor directly instead of through an adapter or dock.

displays-off = { $output }: connected but off
    .summary = A monitor is connected to { $output }, but the desktop does not use it.
    .next = Open the display settings and turn this display on (or choose "Extend" / "Duplicate").
displays-not-native = { $output }: not at native resolution
    .summary = { $output } shows { $current } but the monitor is made for { $native }, so the picture may look blurry or stretched.
    .next = Open the display settings and choose { $native } ("recommended").
displays-low-refresh = { $output }: lower refresh rate than native
    .summary = { $output } runs at { $current } while the monitor prefers { $native }; motion may look less smooth.
    .next = If motion flickers or stutters, choose the higher refresh rate in the display settings.
displays-mode = { $output }: { $mode }
    .summary = { $output } shows { $mode }.

## Why monitor modes cannot be read here (hw/display/xrandr.rs)
displays-wayland-only = this is a Wayland session without an X display; monitor modes are read from X11 only
displays-no-x-display = there is no X11 display in this session (DISPLAY is not set)
displays-no-xrandr = xrandr is not installed (Debian: x11-xserver-utils)
displays-x-display-closed = the X display { $display } cannot be opened
