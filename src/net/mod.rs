//! Network probe primitives: async functions returning typed results (`PingStats`,
//! `TraceSnapshot`, `DnsServerReport`, `DhcpOffer`, …). No findings and no UI here:
//! checks turn these into findings, views draw them.
pub mod dhcp;
pub mod dns;
pub mod live;
pub mod ping;
pub mod reach;
pub mod trace;
pub mod wifi;

/// Await every future, keeping order; they run concurrently on the runtime.
pub async fn join_all<F>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future,
{
    let futures: Vec<F> = futures.into_iter().collect();
    let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
    })
    .await;
    out.into_iter().flatten().collect()
}
