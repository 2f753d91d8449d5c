# displays — da messages (Danish).

check-displays-connectors = Skærmudgange
check-displays-monitors = Skærmtilstande

displays-no-connectors = grafikdriveren viser ingen skærmudgange
displays-no-monitor-listed = vinduessystemet melder ingen tilsluttet skærm

displays-no-monitor = Ingen skærm fundet
    .summary = Grafikkortet kan ikke se en skærm på nogen af sine udgange.
    .detail = Alle udgange melder "disconnected" eller "unknown".
    .next = Tjek, at skærmen er tændt, og at dens kabel sidder godt fast i begge ender; prøv et andet kabel eller en anden port.
displays-unused-outputs = Ubrugte udgange
    .summary = Der er ikke noget sat i { $outputs }.
displays-state-unknown = { $connector }: ukendt tilstand
    .summary = Driveren kan ikke se, om der er sat en skærm i { $connector }.
displays-no-edid = { $connector }: skærmen sender ingen identifikation
    .summary = Der er tilsluttet en skærm til { $connector }, men den fortæller ikke, hvad den er (ingen EDID).
    .detail = Udgangens EDID-fil er tom.
    .next = Sæt kablet godt i, eller prøv et andet kabel; adaptere, KVM-omskiftere og docke mister ofte EDID'en.
displays-no-edid-unread = { $connector }: skærmen sender ingen identifikation
    .summary = Der er tilsluttet en skærm til { $connector }, men den fortæller ikke, hvad den er (ingen EDID).
    .next = Sæt kablet godt i, eller prøv et andet kabel; adaptere, KVM-omskiftere og docke mister ofte EDID'en.
displays-edid-not-connected = { $connector }: EDID uden en tilsluttet skærm
    .summary = { $connector } siger, at intet er tilsluttet, men har alligevel en skærms identifikation ({ $monitor }).
    .detail = Hot-plug-signalet mangler, mens EDID'en blev læst: et løst kabel, en skærm i dvale eller en defekt adapter.
    .next = Væk skærmen, sæt kablet i igen i begge ender, og kør så tjekket igen.
displays-connected-unused = { $connector }: { $monitor } er tilsluttet, men bruges ikke
    .summary = { $monitor } er sat i { $connector }, men computeren sender ikke noget billede til den.
    .next = Åbn skærmindstillingerne, og slå denne skærm til (eller vælg "Udvid" / "Dupliker").
displays-connected = { $connector }: { $monitor }
    .summary = { $monitor } er tilsluttet { $connector }.
displays-connected-native = { $connector }: { $monitor }
    .summary = { $monitor } er tilsluttet { $connector } (egen opløsning { $mode }).
displays-edid-damaged = { $connector }: skærmens identifikation er beskadiget
    .summary = Den identifikation (EDID), som skærmen på { $connector } sender, { $damage ->
        [short] er afkortet
        [header] er forvansket
       *[checksum] har en forkert kontrolsum
    }. Computeren vælger måske en forkert opløsning.
    .detail = { $error } (udgang { $connector }; de rå bytes ligger i { $connector }.edid.bin)
    .next = Prøv et andet kabel, og sæt skærmen direkte i computeren i stedet for gennem en adapter eller dock.
displays-edid-damaged-readable = { $connector }: skærmens identifikation er beskadiget
    .summary = Den identifikation (EDID), som skærmen på { $connector } sender, { $damage ->
        [short] er afkortet
        [header] er forvansket
       *[checksum] har en forkert kontrolsum
    }. Den kan stadig læses som { $monitor }. Computeren vælger måske en forkert opløsning.
    .detail = { $error } (udgang { $connector }; de rå bytes ligger i { $connector }.edid.bin)
    .next = Prøv et andet kabel, og sæt skærmen direkte i computeren i stedet for gennem en adapter eller dock.

displays-off = { $output }: tilsluttet, men slukket
    .summary = Der er tilsluttet en skærm til { $output }, men skrivebordet bruger den ikke.
    .next = Åbn skærmindstillingerne, og slå denne skærm til (eller vælg "Udvid" / "Dupliker").
displays-not-native = { $output }: kører ikke med sin egen opløsning
    .summary = { $output } viser { $current }, men skærmen er lavet til { $native }, så billedet kan se utydeligt eller strakt ud.
    .next = Åbn skærmindstillingerne, og vælg { $native } ("anbefalet").
displays-low-refresh = { $output }: lavere opdateringshastighed end skærmens egen
    .summary = { $output } kører med { $current }, men skærmen foretrækker { $native }; bevægelser kan se mindre glidende ud.
    .next = Hvis billedet flimrer eller hakker, så vælg den højere opdateringshastighed i skærmindstillingerne.
displays-mode = { $output }: { $mode }
    .summary = { $output } viser { $mode }.

## Why monitor modes cannot be read here (hw/display/xrandr.rs)
displays-wayland-only = dette er en Wayland-session uden X-skærm; skærmtilstande læses kun fra X11
displays-no-x-display = der er ingen X11-skærm i denne session (DISPLAY er ikke sat)
displays-no-xrandr = xrandr er ikke installeret (Debian: x11-xserver-utils)
displays-x-display-closed = X-skærmen { $display } kan ikke åbnes
