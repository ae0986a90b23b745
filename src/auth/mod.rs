//! Credentials: access tokens (JWT), password hashes and one-time tokens.

pub mod jwt;
pub mod password;

use base64::Engine;
use sha2::{Digest, Sha256};

/// SHA-256 of a string, lower-case hex: how tokens are stored (decisions F10, F11).
pub fn sha256_hex(s: &str) -> String {
    let d = Sha256::digest(s.as_bytes());
    let mut out = String::with_capacity(64);
    for b in d {
        use std::fmt::Write;
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A one-time token: 32 bytes from the OS CSPRNG, base64url without padding (43 characters).
pub fn new_one_time_token() -> String {
    let mut buf = [0u8; 32];
    getrandom::fill(&mut buf).expect("the OS random number generator is available");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_a_known_vector() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn one_time_tokens_are_43_chars_and_distinct() {
        let a = new_one_time_token();
        let b = new_one_time_token();
        assert_eq!(a.len(), 43);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        assert_ne!(a, b);
    }
}
