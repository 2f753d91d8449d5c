# system — da messages (Danish).

## Check titles

check-system-os-uptime = Styresystem og oppetid
check-system-cpu-load = Processor
check-system-memory-usage = Hukommelse
check-system-disk-free = Diskplads
check-system-battery-health = Batteri
check-system-temperature-sensors = Temperaturer
check-system-network-interfaces = Netværkskort

## Operating system and uptime

system-duration = { $days ->
    [0] { $hours ->
        [0] { $minutes ->
            [one] 1 minut
           *[other] { $minutes } minutter
        }
       *[other] { $hours ->
            [one] 1 time
           *[other] { $hours } timer
        } og { $minutes ->
            [one] 1 minut
           *[other] { $minutes } minutter
        }
    }
   *[other] { $days ->
        [one] 1 dag
       *[other] { $days } dage
    } og { $hours ->
        [one] 1 time
       *[other] { $hours } timer
    }
}

system-os = Styresystem
    .summary = Computeren kører { $os }.
system-uptime-long = Lang tid siden genstart
    .summary = Computeren er ikke blevet genstartet i { system-duration }.
    .detail = Når en computer kører længe uden genstart, bliver opdateringer kun halvt installeret, og drivere kan ende i en mærkelig tilstand.
    .next = Gem dit arbejde, og genstart computeren. Prøv så igen.
system-uptime = Oppetid
    .summary = Sidst genstartet for { system-duration } siden.

## Processor and memory

system-cpu-busy = Processoren har meget travlt
    .summary = Processoren er { $usage } optaget, så alt kan føles langsomt.
    .next = Luk de programmer, du ikke bruger. Hvis den bliver ved med at have travlt, så fortæl din tekniker, hvilket program der bruger mest CPU (Jobliste / Systemovervågning).
system-cpu = Processor
    .summary = Processoren er { $usage } optaget.

system-memory-unsupported = styresystemet oplyser ingen tal for hukommelsen
system-memory-ok = Hukommelse
    .summary = { $used } af hukommelsen er i brug. Det er fint.
system-memory-high = Hukommelse
    .summary = { $used } af hukommelsen er i brug, så programmer kan blive langsomme eller lukke.
    .detail = Advarsel ved { $warn }, fejl ved { $fail } (indstilling: thresholds.memory_*).
    .next = Luk programmer og faner i browseren, som du ikke bruger, eller genstart computeren.

## Disks

system-disk-none = der blev ikke fundet nogen diske, der kan skrives på
system-disk-ok = Disk { $mount }
    .summary = Der er { $free } ledig plads på { $mount } ({ $percent }).
system-disk-low = Disk { $mount }
    .summary = { $mount } er ved at være fuld: kun { $free } ledig plads ({ $percent }).
    .next = Tøm papirkurven, og slet store filer, du ikke længere skal bruge, eller bed IT om at skaffe plads.
system-disk-full = Disk { $mount }
    .summary = { $mount } er næsten fuld: kun { $free } ledig plads ({ $percent }). Programmer kan få problemer med at gemme filer.
    .next = Tøm papirkurven, og slet store filer, du ikke længere skal bruge, eller bed IT om at skaffe plads.

## Battery

system-battery-none = computeren har intet batteri
system-battery-unreadable = batteriet kunne ikke læses: { $reason }
system-battery-worn = Batteri { $name } er slidt
    .summary = Batteriet kan kun rumme { $health } af den strøm, det kunne som nyt.
    .next = Spørg IT om et nyt batteri, og lad opladeren sidde i så længe.
system-battery = Batteri { $name }
    .summary = Batteriet er på { $charge ->
        [unknown] et ukendt niveau
       *[other] { $charge }
    } og { $state ->
        [charging] lader op
        [discharging] kører på batteri
        [full] er fuldt opladet
        [notcharging] lader ikke op
       *[other] har ukendt status
    }.

## Temperatures

system-temp-none = der er ingen temperaturfølere, som kan aflæses her
system-temp-ok = Temperaturer
    .summary = { $count ->
        [one] Føleren viser en normal temperatur (varmest { $max }).
       *[other] Alle { $count } følere viser normale temperaturer (varmest { $max }).
    }
system-temp-hot = Kører varm
    .summary = Dele af computeren er meget varme: { $sensors }.
    .next = Sørg for, at luftåbningerne ikke er dækket til, og at blæseren kører. En varm computer bliver langsom og kan slukke af sig selv.

## Network interfaces

system-if-none = Intet netværkskort
    .summary = Computeren har intet netværkskort, som systemet kan se.
    .next = Tjek, at Wi-Fi er slået til (flytilstand slået fra), eller at netværkskablet sidder i.
system-if-disconnected = Ikke forbundet
    .summary = Intet netværkskort er forbundet med en adresse.
    .next = Sæt netværkskablet i, eller opret forbindelse til Wi-Fi, og kør så tjekket igen.
system-if-connected = Forbundet
    .summary = { $count ->
        [one] 1 netværkskort er forbundet.
       *[other] { $count } netværkskort er forbundet.
    }
system-if-up = Netværkskort { $name }
    .summary = { $adapter } er forbundet ({ $address }).
system-if-no-address = Netværkskort { $name }
    .summary = { $adapter } er tændt, men har ingen adresse.
system-if-down = Netværkskort { $name }
    .summary = { $adapter } er ikke forbundet.
