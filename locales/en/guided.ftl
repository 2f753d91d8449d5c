# guided — en messages (English).
# Guided mode: plain "you" wording for a user on the phone with a technician; no jargon.

guided-step = Step { $n } of { $total }
guided-step-first = Step { $n }
guided-back = Back
guided-next = Next

guided-what-is-wrong = What is wrong?
guided-what-is-wrong-help = Choose what fits best, then press Next.
guided-problem-internet = The internet
guided-problem-printer = A printer
guided-problem-screen = The screen
guided-problem-devices = Keyboard, mouse or headset
guided-problem-other = Something else

guided-checking-network = Checking your network… { $done } of { $total }
guided-checking-printer = Checking your printers… { $done } of { $total }
guided-checking-screen = Checking your screen… { $done } of { $total }
guided-checking-devices = Checking your keyboard, mouse and headset… { $done } of { $total }
guided-checking-everything = Checking your computer… { $done } of { $total }
guided-checking-wait = This takes a few seconds. Please wait.
guided-checked = Finished: { $done } of { $total } checks done.
guided-checked-problems = { $count ->
    [one] We found 1 problem.
   *[other] We found { $count } problems.
}
guided-checked-fine = We found no problems.
guided-press-next = Press Next to go on.

guided-questions-starting = Getting the questions ready…
guided-yes = Yes
guided-no = No
guided-dont-know = I don't know
guided-done = Done
guided-failed = It didn't work
guided-skip-step = Skip this step
guided-works = It works
guided-not-works = It doesn't work
guided-open-tester = Open the tester
guided-your-answer = Your answer:
guided-probe-running = Checking… please wait.
guided-check-again = Check again
guided-consent-help = Tick the print jobs you want to cancel, then press Next. If you tick none, nothing is cancelled.

guided-result = Result
guided-result-solved = Good news: the problem is solved.
guided-result-escalate = This needs your technician.
guided-result-nothing = Nothing could be checked on this computer.
guided-result-fine = Everything we checked works.
guided-result-warn = We found something that may cause trouble.
guided-result-fail = We found a problem.
guided-what-now = What to do now
guided-next-fine = If the problem comes back, press Start again or call your technician.
guided-next-code = Read the code below to your technician.
guided-next-technician = Read the code below to your technician and save a report file for them.
guided-read-code = Read this code to your technician
guided-save = Save a report file
guided-start-again = Start again
guided-details = Show all details
