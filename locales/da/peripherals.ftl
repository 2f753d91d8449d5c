# peripherals — da messages (Danish).

check-peripherals-usb-devices = USB-enheder
check-peripherals-usb-watch = Sæt enheden i nu
check-peripherals-audio-devices = Lydenheder

peripherals-no-usb-bus = dette system viser ingen USB-bus ({ $why })
peripherals-no-sound-device = denne computer har ingen lydenhed{ $why }

peripherals-no-usb-devices = Ingen USB-enheder
    .summary = Der er ingen USB-enhed sat i (eller ingen bliver genkendt).
    .next = Hvis der er sat en enhed i, så prøv en anden USB-port og derefter et andet kabel.
peripherals-usb-devices = USB-enheder
    .summary = { $count ->
        [one] { $count } USB-enhed fundet.
       *[other] { $count } USB-enheder fundet.
    }
peripherals-usb-slow = USB-enhed kører langsomt
    .summary = { $device } kan køre USB 3, men er tilsluttet med USB 2-hastighed eller langsommere.
    .detail = Enheden angiver USB { $version }, men bussen aftalte { $speed }; en USB 2-port, en hub eller et kabel er i vejen.
    .next = Sæt den direkte i en blå port (USB 3) på computeren, med det kabel, der fulgte med.
peripherals-watch-nothing = Ingen ny enhed dukkede op
    .summary = Der dukkede ingen ny USB-enhed op inden for { $seconds } sekunder.
    .next = Prøv en anden USB-port (på selve computeren, ikke i en hub eller dock) og derefter et andet kabel; hvis enheden har en tænd/sluk-knap eller egen strømforsyning, så tjek, at den er tændt.
peripherals-watch-nothing-gone = Ingen ny enhed dukkede op
    .summary = Der dukkede ingen ny USB-enhed op inden for { $seconds } sekunder.
    .detail = I mellemtiden forsvandt dette: { $gone }
    .next = Prøv en anden USB-port (på selve computeren, ikke i en hub eller dock) og derefter et andet kabel; hvis enheden har en tænd/sluk-knap eller egen strømforsyning, så tjek, at den er tændt.
peripherals-watch-found = Ny enhed fundet
    .summary = Computeren opdagede { $devices } efter { $after }.

peripherals-sound-devices = Lydenheder
    .summary = { $outputs } enhed(er) til lyd ud og { $inputs } til lyd ind fundet.
peripherals-no-speaker = Ingen højttaler eller headset
    .summary = Lydsystemet viser ingen enhed til lyd ud.
    .next = Sæt headsettet eller højttaleren i (eller tænd skærmens højttalere), og tjek igen.
peripherals-no-microphone = Ingen mikrofon
    .summary = Lydsystemet viser ingen mikrofon.
    .next = Sæt headsettet eller mikrofonen i, og tjek igen.
