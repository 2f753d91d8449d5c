# evidence — English labels of evidence lines (`.evidence("Interface", ..)` → `ev-interface`,
# see i18n::evidence_id). One section per part of the program; add yours in your section.

## network (checks/network.rs, net/, diagnose.rs)

## printers and system (checks/printers*, checks/system.rs, hw/printer)

## displays, peripherals, testers, checklists (checks/displays.rs, checks/peripherals.rs, testers/, checklist/, gui/tools/)

## gui and reports (gui/ except tools, bundle/, cli/)

