//! What a hop's loss means, by mtr's convention: routers answer traceroute probes with
//! ICMP errors, and routers limit those (Linux: a burst of 6 per peer, then 1 per
//! second), so a hop can miss answers while every packet it forwards arrives. Loss is
//! real only when it persists from a hop all the way to the destination; it starts at
//! the first hop from which it does. Pure: it reads hop counts, nothing else.

use serde::{Deserialize, Serialize};

use super::Hop;
use crate::i18n::{self, Lang, Msg};
use crate::msg;

/// What a hop's unanswered probes mean.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// Every finished probe was answered (or none has finished yet).
    #[default]
    None,
    /// Some probes went unanswered, but later hops (or the destination) don't share the
    /// loss, or the answers were a last router's error replies: the router limits its
    /// ICMP answers. Not loss, and never part of a verdict.
    RateLimited,
    /// Loss that persists from this hop to the destination: packets really are lost here
    /// or further on.
    Persistent,
    /// The router never answered while later hops did: it filters or ignores probes.
    NoReply,
}

impl Loss {
    /// Words for a table cell or a tooltip, in English.
    pub fn describe(self) -> String {
        i18n::text(Lang::En, &self.msg())
    }

    /// The words, as a message for a reader's language.
    pub fn msg(self) -> Msg {
        match self {
            Loss::None => msg!("net-loss-none"),
            Loss::RateLimited => msg!("net-loss-rate-limited"),
            Loss::Persistent => msg!("net-loss-persistent"),
            Loss::NoReply => msg!("net-loss-no-reply"),
        }
    }
}

/// Classify each hop's loss; `reached` says whether the last hop is the destination.
///
/// - The destination's own loss is the end-to-end loss (echo replies are not rate
///   limited); without it there is nothing loss could persist to.
/// - Reached with loss at the destination: the loss starts at the first answering hop
///   from which every answering hop up to the destination lost probes too.
/// - Not reached: the last answering router's replies are its error messages ("network
///   unreachable", "time exceeded"), which it rate-limits, so its loss alone is not
///   loss; loss counts only when it persists over several hops up to that router.
pub fn classify_loss(hops: &[Hop], reached: bool) -> Vec<Loss> {
    let finished = |h: &Hop| h.rtts_ms.len();
    // Echo requests straight to the router, where there are any, are not rate-limited:
    // they say better than its traceroute answers whether packets get that far.
    let lossy = |h: &Hop| match h.echo {
        Some(e) if e.sent > 0 => e.received < e.sent,
        _ => finished(h) > 0 && h.loss_percent > 0.0,
    };
    let answering: Vec<usize> = (0..hops.len()).filter(|&i| hops[i].received > 0).collect();
    let last = answering.last().copied();

    // The first answering hop from which every later answering hop lost probes.
    let persistent_from = last.and_then(|last| {
        if !lossy(&hops[last]) {
            return None;
        }
        let mut start = last;
        for &i in answering.iter().rev().skip(1) {
            if !lossy(&hops[i]) {
                break;
            }
            start = i;
        }
        // An unreached path's last router may only be rate-limiting its error replies:
        // it takes a run of lossy hops ending there to call it loss.
        (reached || start < last).then_some(start)
    });

    hops.iter()
        .enumerate()
        .map(|(i, h)| {
            if finished(h) == 0 {
                Loss::None
            } else if h.received == 0 {
                if last.is_some_and(|l| l > i) { Loss::NoReply } else { Loss::None }
            } else if persistent_from.is_some_and(|s| i >= s) {
                Loss::Persistent
            } else if h.loss_percent > 0.0 || lossy(h) {
                Loss::RateLimited
            } else {
                Loss::None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::trace::HopName;

    /// A hop with `lost` of `sent` probes unanswered (lost ones first).
    fn hop(ttl: u8, sent: usize, lost: usize) -> Hop {
        let rtts: Vec<Option<f64>> = (0..sent).map(|i| (i >= lost).then_some(1.0)).collect();
        let s = crate::net::ping::summarize(&rtts);
        Hop {
            ttl,
            addr: (lost < sent).then(|| std::net::IpAddr::from([10, 0, 0, ttl])),
            other_addrs: Vec::new(),
            name: HopName::Disabled,
            sent: s.sent,
            received: s.received,
            loss_percent: s.loss_percent,
            last_ms: None,
            avg_ms: s.avg_ms,
            best_ms: None,
            worst_ms: None,
            rtts_ms: rtts,
            is_destination: false,
            loss: Loss::None,
            echo: None,
        }
    }

    use Loss::{NoReply, None as Clean, Persistent, RateLimited};

    #[test]
    fn loss_that_does_not_reach_the_destination_is_rate_limiting() {
        // Stock limits at every router, one stricter at hop 3; the destination answers echo.
        let hops = [hop(1, 10, 0), hop(2, 10, 2), hop(3, 10, 6), hop(4, 40, 0)];
        assert_eq!(classify_loss(&hops, true), [Clean, RateLimited, RateLimited, Clean]);
    }

    #[test]
    fn loss_is_placed_at_the_first_hop_it_persists_from() {
        // 20 % loss entering hop 2: hops 2, 3 and the destination all miss answers.
        let hops = [hop(1, 8, 0), hop(2, 8, 2), hop(3, 8, 1), hop(4, 40, 8)];
        assert_eq!(classify_loss(&hops, true), [Clean, Persistent, Persistent, Persistent]);
        // A rate-limited router before the loss is still only rate-limiting.
        let hops = [hop(1, 8, 3), hop(2, 8, 0), hop(3, 8, 2), hop(4, 40, 9)];
        assert_eq!(classify_loss(&hops, true), [RateLimited, Clean, Persistent, Persistent]);
    }

    #[test]
    fn loss_only_at_the_destination_starts_there() {
        let hops = [hop(1, 8, 0), hop(2, 8, 0), hop(3, 20, 5)];
        assert_eq!(classify_loss(&hops, true), [Clean, Clean, Persistent]);
    }

    #[test]
    fn a_last_router_answering_unreachable_now_and_then_is_not_loss() {
        // "Network unreachable" to 1 of 3 probes, the rest rate-limited away.
        let hops = [hop(1, 3, 0), hop(2, 3, 0), hop(3, 3, 2)];
        assert_eq!(classify_loss(&hops, false), [Clean, Clean, RateLimited]);
        // But loss over several hops up to that router is loss.
        let hops = [hop(1, 3, 0), hop(2, 9, 3), hop(3, 9, 4)];
        assert_eq!(classify_loss(&hops, false), [Clean, Persistent, Persistent]);
    }

    #[test]
    fn silent_routers_and_silent_tails() {
        let hops = [hop(1, 3, 0), hop(2, 3, 3), hop(3, 3, 0), hop(4, 3, 3)];
        assert_eq!(classify_loss(&hops, false), [Clean, NoReply, Clean, Clean]);
        assert_eq!(classify_loss(&[], true), Vec::<Loss>::new());
        let unfinished = Hop { rtts_ms: Vec::new(), sent: 3, received: 0, ..hop(1, 0, 0) };
        assert_eq!(classify_loss(&[unfinished], false), [Clean]);
    }

    #[test]
    fn echo_straight_to_the_routers_places_the_loss_when_their_answers_cannot() {
        use crate::net::trace::EchoCounts;
        let echo = |sent, received| Some(EchoCounts { sent, received, loss_percent: 0.0 });
        // Hop 2's eight traceroute answers all came back by chance; its echo shows the loss.
        let mut hops = [hop(1, 8, 0), hop(2, 8, 0), hop(3, 8, 2), hop(4, 40, 8)];
        (hops[0].echo, hops[1].echo, hops[2].echo) = (echo(40, 40), echo(40, 31), echo(40, 33));
        assert_eq!(classify_loss(&hops, true), [Clean, Persistent, Persistent, Persistent]);
        // A router whose traceroute answers are rate-limited but whose echo is clean.
        hops[0] = hop(1, 8, 3);
        hops[0].echo = echo(40, 40);
        assert_eq!(classify_loss(&hops, true)[0], RateLimited);
    }

    #[test]
    fn a_silent_hop_in_the_middle_does_not_break_persistence() {
        let hops = [hop(1, 8, 0), hop(2, 8, 2), hop(3, 8, 8), hop(4, 40, 8)];
        assert_eq!(classify_loss(&hops, true), [Clean, Persistent, NoReply, Persistent]);
    }
}
