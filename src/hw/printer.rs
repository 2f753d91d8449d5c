//! Printers over IPP: CUPS queues and network printers.
