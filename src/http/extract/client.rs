//! The client address for rate limits and the login throttle.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, request::Parts};

use crate::app::AppState;
use crate::domain::net::{IpNet, forwarded_client};

/// The client address for rate limits: the peer, or the address a trusted proxy forwarded
/// (api-contract §1.8).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub IpAddr);

pub fn client_ip(
    parts_ext: &axum::http::Extensions,
    headers: &HeaderMap,
    trusted: &[IpNet],
) -> IpAddr {
    let peer = parts_ext
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let forwarded = headers.get_all("x-forwarded-for");
    if !trusted.iter().any(|n| n.contains(peer)) {
        if forwarded.iter().next().is_some() {
            warn_untrusted_forwarder(peer);
        }
        return peer;
    }
    // Every line, in order; a line that is not text ends the list there (it cannot be read, so
    // nothing to its left is believed either).
    let lines = forwarded.iter().map(|v| v.to_str().unwrap_or("?"));
    forwarded_client(peer, lines, trusted)
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(
            &parts.extensions,
            &parts.headers,
            &state.settings.trusted_proxies,
        )))
    }
}

/// Said once per process: behind a proxy that is not in `TRUSTED_PROXIES` every client has the
/// proxy's address, so they share one rate limit and one login throttle.
fn warn_untrusted_forwarder(peer: IpAddr) {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        tracing::warn!(
            %peer,
            "a request came with X-Forwarded-For from an address not in TRUSTED_PROXIES: if this \
             is your reverse proxy, add it there, or every client behind it shares one rate limit \
             and one login throttle"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_address_only_from_trusted_proxies() {
        let mut ext = axum::http::Extensions::new();
        ext.insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 1], 1234))));
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.9, 10.0.0.2".parse().unwrap());
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let nets: Vec<IpNet> = vec!["10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap()];
        assert_eq!(client_ip(&ext, &h, &[]), proxy);
        assert_eq!(
            client_ip(&ext, &h, &nets),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        // a second line, as HAProxy's `option forwardfor` appends it, names the real client
        h.append("x-forwarded-for", "198.51.100.4".parse().unwrap());
        assert_eq!(
            client_ip(&ext, &h, &nets),
            "198.51.100.4".parse::<IpAddr>().unwrap()
        );
    }
}
