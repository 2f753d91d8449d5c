# printers — en messages (English).

## Check titles

check-printers-queues = Print queues
check-printers-status = Printer status
check-printers-spooler = Print Spooler service
check-printers-reach = Printer connection
check-printers-test_page = Print a test page
check-printers-jobs-cancel_stuck = Cancel stuck print jobs
check-printers-spooler-restart = Restart the print spooler

## Progress notes

printers-progress-mdns = looking for printers on the network (mDNS)
printers-progress-asking = asking { $count } printer(s)
printers-progress-trying = trying { $count } printer(s)
printers-progress-cancelling = cancelling job { $job }

## A printer's status: IPP printer-state-reasons, by keyword (the keyword stays visible in the title)

printers-reason = Printer problem: { $reason }
    .summary = { $reason ->
        [media-empty] { $name }: The printer is out of paper.
        [media-needed] { $name }: The printer is out of paper.
        [media-jam] { $name }: Paper is jammed in the printer.
        [media-low] { $name }: The paper is running low.
        [door-open] { $name }: A door or cover of the printer is open.
        [cover-open] { $name }: A door or cover of the printer is open.
        [interlock-open] { $name }: A door or cover of the printer is open.
        [toner-empty] { $name }: The toner or ink is empty.
        [marker-supply-empty] { $name }: The toner or ink is empty.
        [toner-low] { $name }: The toner or ink is running low.
        [marker-supply-low] { $name }: The toner or ink is running low.
        [marker-waste-full] { $name }: The waste toner/ink container is (nearly) full.
        [marker-waste-almost-full] { $name }: The waste toner/ink container is (nearly) full.
        [input-tray-missing] { $name }: A paper tray is missing or not pushed in.
        [output-area-full] { $name }: The output tray is full: take the printed paper out.
        [output-area-almost-full] { $name }: The output tray is full: take the printed paper out.
        [offline] { $name }: The printer is offline.
        [shutdown] { $name }: The printer is offline.
        [paused] { $name }: The print queue is paused.
        [connecting-to-device] { $name }: The computer is trying to reach the printer.
        [cups-missing-filter] { $name }: The printer driver is missing a part needed to print.
        [media-problem] { $name }: The printer has a paper problem (wrong size or type, or a misfeed).
        [not-available] { $name }: The printer is not available to this computer.
        [page-too-complex] { $name }: A page was too complex for the printer's memory.
        [user-intervention] { $name }: The printer needs someone to attend to it.
        [out-of-memory] { $name }: The printer ran out of memory.
        [server-unknown] { $name }: The print server this printer belongs to is unknown.
        [server-offline] { $name }: The print server this printer belongs to is offline.
        [driver-update-needed] { $name }: The printer's driver needs an update.
        [other] { $name }: The printer reports an error.
       *[unknown] { $name } reports a problem: { $reason }.
    }
    .next = { $reason ->
        [media-empty] Load paper into the tray and push it in fully.
        [media-needed] Load paper into the tray and push it in fully.
        [media-low] Load paper into the tray and push it in fully.
        [media-jam] Open the doors the printer's panel shows, remove the jammed paper gently, close them.
        [door-open] Close every door and cover until they click.
        [cover-open] Close every door and cover until they click.
        [interlock-open] Close every door and cover until they click.
        [toner-empty] Replace the toner or ink cartridge named on the printer's panel.
        [marker-supply-empty] Replace the toner or ink cartridge named on the printer's panel.
        [toner-low] Replace the toner or ink cartridge named on the printer's panel.
        [marker-supply-low] Replace the toner or ink cartridge named on the printer's panel.
        [paused] Resume the printer in the system's printer settings.
        [offline] { -printers-next-switch-on }
        [shutdown] { -printers-next-switch-on }
        [connecting-to-device] { -printers-next-switch-on }
        [not-available] { -printers-next-switch-on }
        [server-unknown] Check that the print server is on and reachable, or ask IT.
        [server-offline] Check that the print server is on and reachable, or ask IT.
        [driver-update-needed] Ask IT to update the printer's driver.
       *[other] Look at the printer's panel for the message and follow it; call IT if it stays.
    }
-printers-next-switch-on = Switch the printer on and check its network cable or Wi-Fi light. On Windows, also untick "Use Printer Offline" in the printer's queue window.

printers-stopped = Printer stopped
    .summary = { $name } is stopped and prints nothing.
    .next = Look at the printer's panel for an error; if it shows none, resume the printer in the system's printer settings.
printers-not-accepting = Not accepting jobs
    .summary = { $name } refuses new print jobs.
    .next = Turn 'accept jobs' back on in the printer settings (an administrator may have switched it off).
printers-ready = Printer ready
    .summary = { $state ->
        [printing] { $name } is printing.
       *[other] { $name } is ready.
    }

# A supply's level: a percentage as "4 %", or a keyword when the printer gives none.
printers-level = { $level ->
    [unavailable] level not reported by the printer
    [unknown] level unknown
    [some] level unknown, not empty
   *[other] { $level }
}
printers-supply-empty = Supply empty
    .summary = { $supply } in { $name } is empty ({ printers-level }).
    .next = { -printers-next-supply }
printers-supply-low = Supply low
    .summary = { $supply } in { $name } is low ({ printers-level }).
    .next = { -printers-next-supply }
printers-waste-full = Waste container full
    .summary = { $supply } in { $name } is full ({ printers-level }).
    .next = { -printers-next-waste }
printers-waste-nearly-full = Waste container nearly full
    .summary = { $supply } in { $name } is nearly full ({ printers-level }).
    .next = { -printers-next-waste }
-printers-next-supply = Get a replacement ready and swap it when the printer asks, or now if prints are faint.
-printers-next-waste = Replace the waste container soon (the printer's panel or manual shows how).

printers-stuck-jobs = Stuck print jobs
    .summary = { $count } job(s) on { $name } have been waiting for a long time and block the queue.
    .next = Cancel the stuck jobs (deskcheck can do it after you confirm), then print again.

## printers.queues

printers-no-cups = no CUPS print server answers on this computer ({ $error })
printers-no-queues = No printers set up
    .summary = No printer is set up on this computer.
    .next = Add the printer in the system's printer settings, or type its address (ipp://…) into deskcheck.
printers-queues = Print queues
    .summary = { $count } printer(s) set up on this computer: { $list }.
printers-default = Default printer
    .summary = The default printer is { $name }.
printers-no-default = No default printer
    .summary = No default printer is set: programs may not know where to print.
    .next = Choose a default printer in the system's printer settings.
printers-queue-paused = Queue paused
    .summary = The print queue { $name } is paused: jobs wait and nothing prints.
    .next = Resume the printer in the system's printer settings (or `cupsenable` as an administrator).
printers-queue-paused-spooler = Queue paused
    .summary = The print queue { $name } is paused: jobs wait and nothing prints.
    .next = Open the printer's queue window (Settings, Printers, Open print queue) and untick "Pause printing".
printers-queue-rejects = Queue rejects jobs
    .summary = The print queue { $name } refuses new jobs.
    .next = Allow jobs again in the printer settings (or `cupsaccept` as an administrator).

## printers.status and printers.reach

printers-none-to-check = No printers to check
    .summary = No printer is set up on this computer, none is configured, and none was found on the network.
    .detail = Queues: { $queues ->
        [none] none
       *[other] { $queues }
    }. Discovery: { $discovery ->
        [nothing-found] nothing found
        [switched-off] mDNS discovery is switched off (printers.discover_mdns)
       *[other] { $discovery }
    }.
    .next = Type the printer's address (for example ipp://192.0.2.7/ipp/print) into deskcheck and run the check again.
printers-unreachable-service = Printer unreachable
    .summary = The printer { $name } is unreachable for printing: its address { $host } answers on the network, but its print service does not.
    .next = Switch the printer off and on again and wait until it says it is ready. If it stays, check in the printer's network settings that IPP printing is on, or call IT.
printers-unreachable = Printer unreachable
    .summary = The printer { $name } is unreachable: nothing answers at { $host }.
    .next = Check that the printer is switched on and shows no error, that its network cable is plugged in (or its Wi-Fi light is on), and that its IP address on the printer's network page is still the one above. Then run the check again.
printers-not-an-address = Not a printer address
    .summary = '{ $uri }' is not a printer address: { $problem ->
        [scheme] it must start with ipp://, ipps://, http:// or https://
        [no-host] it has no host
       *[other] { $reason }
    }.
    .next = Type the address as the printer shows it, for example ipp://192.0.2.7/ipp/print.
printers-bad-answer = Printer did not answer properly
    .summary = The printer at { $uri } answered, but not as a printer should.
    .next = Check that the address is the printer's IPP address (ipp://…/ipp/print); if it is, restart the printer.
printers-reach-none = no network printer is known to this computer: none is configured and no queue prints to a network address
printers-reach-none-server = no network printer is known to this computer: none is configured and no queue prints to a network address (the local print server: { $error })
printers-reachable = Printer reachable
    .summary = The printer { $name } answers ({ $state }).
printers-not-checked = Printer not checked
    .summary = The printer { $name } could not be asked.

## printers.test_page

printers-test-page-no-target = no printer to print to: none is configured and there is no default printer
printers-test-page-no-server = no printer to print to: none is configured and the local print server does not answer ({ $error })
printers-test-page-sent = Test page sent
    .summary = A test page went to { $uri } as job { $job }.
    .next = Fetch the page from the printer: it names { $host } and { $time }. If none comes out, the problem is at the printer.
printers-test-page-stopped = Test page not sent
    .summary = The run was stopped before the test page was sent: nothing was printed.
printers-test-page-no-format = No format the printer takes
    .summary = The test page was not sent: { $uri } takes none of the formats deskcheck can make, so nothing was printed.
    .next = Print a page from another program (the printer's own driver converts it), or ask IT to check the printer's settings.
printers-test-page-failed = Test page not printed
    .summary = The test page could not be sent to { $uri }.
    .next = Look at the printer's panel for an error, then try again; call IT if it stays.

## printers.jobs.cancel_stuck

# What cancelling did, from lists of job ids ($cancelled_n ids: $cancelled_head and $cancelled_last, …).
printers-cancel-first = { $cancelled_n ->
    [0] cancelled no job
    [1] cancelled job { $cancelled_last }
   *[other] cancelled job { $cancelled_head } and { $cancelled_last }
}
printers-cancel-rest = { $failed_n ->
    [0] { "" }
    [1] ; { $failed_last } could not be cancelled
   *[other] ; { $failed_head } and { $failed_last } could not be cancelled
}{ $flight_n ->
    [0] { "" }
    [1] ; { $flight_last } was being cancelled when it stopped (check the queue)
   *[other] ; { $flight_head } and { $flight_last } was being cancelled when it stopped (check the queue)
}{ $unreached_n ->
    [0] { "" }
    [1] ; { $unreached_last } was not reached
   *[other] ; { $unreached_head } and { $unreached_last } were not reached
}
printers-cancel-unapproved = Nothing cancelled
    .summary = Nothing was cancelled: deskcheck cancels print jobs only after you approve them by id, from the list it shows.
printers-cancel-none-waiting = Nothing cancelled
    .summary = No stuck job of yours was waiting, so nothing was cancelled.
printers-cancel-none-approved = Nothing cancelled
    .summary = No job was approved, so nothing was cancelled.
printers-cancel-done = Stuck jobs cancelled
    .summary = { $cancelled_n ->
        [0] Cancelled no job
        [1] Cancelled job { $cancelled_last }
       *[other] Cancelled job { $cancelled_head } and { $cancelled_last }
    }{ printers-cancel-rest }.
    .next = Print the document again.
printers-cancel-partly = Not every approved job was cancelled
    .summary = { $cancelled_n ->
        [0] Cancelled no job
        [1] Cancelled job { $cancelled_last }
       *[other] Cancelled job { $cancelled_head } and { $cancelled_last }
    }{ printers-cancel-rest }.
    .next = Cancel the remaining jobs in the system's printer settings as an administrator, or ask IT.
printers-cancel-stopped = Cancelling stopped
    .summary = Cancelling stuck jobs stopped ({ $stop ->
        [timeout] no answer within { $ms } ms
        [user] cancelled by the user
       *[other] { $why }
    }): { printers-cancel-first }{ printers-cancel-rest }.
    .next = Look at the print queue; run the step again to cancel the jobs that were not reached.
printers-not-offered = Not offered, left alone
    .summary = Job(s) { $ids } were approved but not among the jobs shown, so they were left alone.

## The jobs the cancel step shows

printers-job-line = job { $id } on { $printer }: "{ $title_kind ->
        [none] untitled
       *[given] { $title }
    }" by { $owner_kind ->
        [none] an unknown user
       *[given] { $owner }
    }, { $state }{ $age_kind ->
        [min] { " " }for { $age } min
        [s] { " " }for { $age } s
       *[none] { "" }
    }
printers-offer-not-yours = not yours, left alone: { $job }
printers-offer-held = held on purpose, left alone: { $job }
printers-offer-not-read = not read: { $note }
printers-not-an-approval = "{ $text }" is not an approval: give job ids ("12 14"), "all" for every job shown, or "none"

## printers.spooler and printers.spooler.restart (Windows)

# The reason comes from the OS layer as it is.
printers-spooler-unsupported = { $why }
printers-restart-step = Restart the print spooler: deskcheck can do it after you confirm (it needs administrator rights), or an administrator runs `net stop spooler` and `net start spooler`.
printers-restart-plan = deskcheck will stop the Windows Print Spooler service and start it again. Printing stops for a few seconds; documents waiting in the queues stay and print afterwards. This needs administrator rights: without them nothing is changed and deskcheck says so.
printers-spooler-running = Print spooler running
    .summary = The Windows Print Spooler service is running.
printers-spooler-stopped = Print spooler stopped
    .summary = The Windows Print Spooler service is stopped, so nothing can print from this computer.
    .next = { printers-restart-step }
printers-spooler-stopped-code = Print spooler stopped
    .summary = The Windows Print Spooler service is stopped, so nothing can print from this computer. { $code ->
        [1077] It has not been started since Windows started.
       *[other] It stopped with error { $code }.
    }
    .next = { printers-restart-step }
printers-spooler-starting = Print spooler starting
    .summary = The Windows Print Spooler service is starting; printing works once it runs.
    .next = Wait half a minute and run the check again; if it is still starting, restart the print spooler.
printers-spooler-not-running = Print spooler not running
    .summary = The Windows Print Spooler service is { $state }, so printing does not work.
    .next = { printers-restart-step }
printers-restart-unapproved = Nothing restarted
    .summary = Nothing was restarted: deskcheck restarts the print spooler only after you approve it.
printers-restart-done = Print spooler restarted
    .summary = The Print Spooler service was stopped and started again; it is running.
    .next = Print the document again.
printers-restart-started = Print spooler restarted
    .summary = The Print Spooler service was stopped; it was started and is running.
    .next = Print the document again.
printers-restart-needs-admin = Needs administrator rights
    .summary = The print spooler was not restarted: this needs administrator rights, and deskcheck runs without them. Nothing was changed.
    .detail = { $what } was refused (access denied)
    .next = Ask IT, or run deskcheck as an administrator (right-click, "Run as administrator") and do this step again.
printers-restart-failed = Print spooler not restarted
    .summary = The print spooler could not be restarted.
    .next = Restart the computer, or ask IT to look at the Print Spooler service.
