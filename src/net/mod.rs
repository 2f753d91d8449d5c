//! Network probe primitives: async functions returning typed results (`PingStats`,
//! `TraceSnapshot`, `DnsServerReport`, `DhcpOffer`, …). No findings and no UI here:
//! checks turn these into findings, views draw them.
