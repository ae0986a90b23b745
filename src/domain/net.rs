//! Client addresses behind reverse proxies: `TRUSTED_PROXIES` networks and the walk over
//! `X-Forwarded-For`.

use std::fmt;
use std::net::IpAddr;

/// An address or a CIDR network (`10.0.0.0/8`, `2001:db8::/32`, `192.0.2.7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Whether `ip` is in this network. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, as a
    /// dual-stack socket reports an IPv4 peer) is matched as the IPv4 address.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

impl std::str::FromStr for IpNet {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr = canonical(
            addr.parse::<IpAddr>()
                .map_err(|_| format!("{s} is not an address or a CIDR network"))?,
        );
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{s}: the prefix length must be 0 to {max}"))?,
        };
        Ok(IpNet { addr, prefix })
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = if self.addr.is_ipv4() { 32 } else { 128 };
        if self.prefix == max {
            write!(f, "{}", self.addr)
        } else {
            write!(f, "{}/{}", self.addr, self.prefix)
        }
    }
}

/// The client of a request that came from `peer` with these `X-Forwarded-For` header lines.
///
/// Only a peer in `trusted` is believed at all. Then every line and every comma-separated value
/// is read in order, as one list (a proxy may append a line rather than extend the last one:
/// HAProxy's `option forwardfor` does), and walked from the right: each trusted proxy names the
/// hop before it, and the first address that is not a trusted proxy is the client. Anything to
/// its left was written by the client and is ignored. A value that is not an address stops the
/// walk at the last hop a trusted proxy vouched for, so a client can never choose its address.
pub fn forwarded_client<'a>(
    peer: IpAddr,
    forwarded_lines: impl Iterator<Item = &'a str>,
    trusted: &[IpNet],
) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let values: Vec<&str> = forwarded_lines
        .flat_map(|line| line.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for v in values.iter().rev() {
        match parse_forwarded(v) {
            Some(ip) => {
                client = ip;
                if !is_trusted(ip) {
                    return ip;
                }
            }
            None => return client,
        }
    }
    client
}

/// One `X-Forwarded-For` value: an address, possibly `[v6]` or with a port (`1.2.3.4:5678`).
fn parse_forwarded(v: &str) -> Option<IpAddr> {
    if let Ok(ip) = v.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Ok(sa) = v.parse::<std::net::SocketAddr>() {
        return Some(canonical(sa.ip()));
    }
    v.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|r| r.parse::<IpAddr>().ok())
        .map(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }
    fn nets(s: &[&str]) -> Vec<IpNet> {
        s.iter().map(|n| n.parse().unwrap()).collect()
    }

    #[test]
    fn networks_parse_and_match() {
        let n: IpNet = "10.0.0.0/8".parse().unwrap();
        assert!(n.contains(ip("10.200.3.4")));
        assert!(n.contains(ip("::ffff:10.1.1.1")));
        assert!(!n.contains(ip("11.0.0.1")));
        let one: IpNet = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: IpNet = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
        let all: IpNet = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("203.0.113.9")) && !all.contains(ip("::1")));
        assert_eq!(one.to_string(), "192.0.2.7");
        assert_eq!(v6.to_string(), "2001:db8::/32");
        for bad in ["10.0.0.0/33", "x", "::/129", "10.0.0.0/", "1.2.3.4/-1"] {
            assert!(bad.parse::<IpNet>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_walk_reads_every_line_from_the_right() {
        let t = nets(&["10.0.0.0/24"]);
        let proxy = ip("10.0.0.1");
        // HAProxy appends a second line after the client's own
        let lines = ["203.0.113.9", "198.51.100.4"];
        assert_eq!(
            forwarded_client(proxy, lines.into_iter(), &t),
            ip("198.51.100.4")
        );
        // a chain of trusted proxies is skipped
        let lines = ["203.0.113.9, 198.51.100.4, 10.0.0.2", "10.0.0.3"];
        assert_eq!(
            forwarded_client(proxy, lines.into_iter(), &t),
            ip("198.51.100.4")
        );
        // an untrusted peer's header is ignored
        assert_eq!(
            forwarded_client(ip("198.51.100.4"), ["203.0.113.9"].into_iter(), &t),
            ip("198.51.100.4")
        );
        // garbage stops the walk at the last vouched hop, never the peer's claims further left
        let lines = ["203.0.113.9, junk, 10.0.0.2"];
        assert_eq!(
            forwarded_client(proxy, lines.into_iter(), &t),
            ip("10.0.0.2")
        );
        // no header: the proxy itself
        assert_eq!(forwarded_client(proxy, std::iter::empty(), &t), proxy);
        // ports and brackets as some proxies write them
        assert_eq!(
            forwarded_client(proxy, ["[2001:db8::5]:443"].into_iter(), &t),
            ip("2001:db8::5")
        );
        assert_eq!(
            forwarded_client(proxy, ["198.51.100.4:5555"].into_iter(), &t),
            ip("198.51.100.4")
        );
    }
}
