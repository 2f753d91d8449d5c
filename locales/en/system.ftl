# system — en messages (English).

## Check titles

check-system-os-uptime = Operating system and uptime
check-system-cpu-load = Processor
check-system-memory-usage = Memory
check-system-disk-free = Disk space
check-system-battery-health = Battery
check-system-temperature-sensors = Temperatures
check-system-network-interfaces = Network interfaces

## Operating system and uptime

# A time span from whole days, hours and minutes; other messages include it.
system-duration = { $days ->
    [0] { $hours ->
        [0] { $minutes } min
       *[other] { $hours } h { $minutes } min
    }
   *[other] { $days } days { $hours } h
}

system-os = Operating system
    .summary = This computer runs { $os }.
system-uptime-long = Long time since restart
    .summary = This computer has not been restarted for { system-duration }.
    .detail = Long uptimes leave updates half-installed and drivers in odd states.
    .next = Save your work and restart the computer, then try again.
system-uptime = Uptime
    .summary = Last restarted { system-duration } ago.

## Processor and memory

system-cpu-busy = Processor very busy
    .summary = The processor is { $usage } busy, so everything may feel slow.
    .next = Close programs you are not using; if it stays busy, tell your technician which program uses the most CPU (Task Manager / System Monitor).
system-cpu = Processor
    .summary = The processor is { $usage } busy.

system-memory-unsupported = the OS reports no memory figures
system-memory-ok = Memory
    .summary = { $used } of memory is in use; that is fine.
system-memory-high = Memory
    .summary = { $used } of memory is in use, so programs may slow down or close.
    .detail = Warn at { $warn }, fail at { $fail } (config: thresholds.memory_*).
    .next = Close programs and browser tabs you are not using, or restart the computer.

## Disks

system-disk-none = no writable disks were reported
system-disk-ok = Disk { $mount }
    .summary = { $mount } has { $free } free ({ $percent }).
system-disk-low = Disk { $mount }
    .summary = { $mount } is getting full: only { $free } free ({ $percent }).
    .next = Empty the recycle bin / trash and delete large files you no longer need, or ask IT to free space.
system-disk-full = Disk { $mount }
    .summary = { $mount } is almost full: only { $free } free ({ $percent }). Programs can fail to save files.
    .next = Empty the recycle bin / trash and delete large files you no longer need, or ask IT to free space.

## Battery

system-battery-none = this computer has no battery
# The reason comes from the OS layer as it is.
system-battery-unreadable = { $reason }
system-battery-worn = Battery { $name } worn
    .summary = The battery holds only { $health } of its original charge.
    .next = Ask IT about a replacement battery; keep the charger plugged in meanwhile.
system-battery = Battery { $name }
    .summary = The battery is at { $charge } and { $state }.

## Temperatures

system-temp-none = no temperature sensors are readable here
system-temp-ok = Temperatures
    .summary = All { $count } sensors are in range (hottest { $max }).
system-temp-hot = Running hot
    .summary = Parts of the computer are very hot: { $sensors }.
    .next = Make sure the air vents are free and the fan runs; hot computers slow down and switch off.

## Network interfaces

system-if-none = No network adapter
    .summary = This computer has no network adapter that the system can see.
    .next = Check that Wi-Fi is switched on (airplane mode off) or that the network cable is plugged in.
system-if-disconnected = Not connected
    .summary = No network adapter is connected with an address.
    .next = Plug in the network cable or connect to Wi-Fi, then run the check again.
system-if-connected = Connected
    .summary = { $count } network adapter(s) connected.
system-if-up = Interface { $name }
    .summary = { $adapter } is connected ({ $address }).
system-if-no-address = Interface { $name }
    .summary = { $adapter } is up but has no address.
system-if-down = Interface { $name }
    .summary = { $adapter } is not connected.
