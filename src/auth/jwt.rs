//! HS256 access tokens compatible with the old service (decision C3; api-contract §1.3).

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime_secs: i64,
}

/// The claims of a verified token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claims {
    pub user_id: i32,
    /// Issue time; a token without `iat` counts as issued at the epoch.
    pub iat: i64,
    pub exp: i64,
    /// The account's `token_version` when the login read its password hash; 0 when absent (the
    /// old service's tokens). A token of an older version is revoked.
    pub version: i64,
}

#[derive(Serialize)]
struct OutClaims<'a> {
    sub: &'a str,
    exp: i64,
    iat: i64,
    /// 128 random bits, so two tokens issued in the same second differ: logging out or keeping
    /// one of them never touches the other (decision F10). Old tokens have none and stay valid.
    jti: &'a str,
    /// The account's token version at login: a revocation increments it, so every
    /// token issued before it, even in the same second or by a login racing it, stops working.
    ver: i32,
}

#[derive(Deserialize)]
struct InClaims {
    sub: Option<serde_json::Value>,
    exp: Option<serde_json::Value>,
    iat: Option<serde_json::Value>,
    ver: Option<serde_json::Value>,
}

impl JwtKeys {
    pub fn new(secret: &str, lifetime_minutes: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.validate_exp = true;
        validation.validate_nbf = false;
        validation.set_required_spec_claims(&["exp"]);
        JwtKeys {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            lifetime_secs: lifetime_minutes.saturating_mul(60),
        }
    }

    /// Issue a token for `user_id` at `now` (Unix seconds), of the account's `version` as read
    /// together with the password hash the login checked.
    pub fn issue(&self, user_id: i32, version: i32, now: i64) -> String {
        let sub = user_id.to_string();
        let jti = token_id();
        let claims = OutClaims {
            sub: &sub,
            iat: now,
            exp: now.saturating_add(self.lifetime_secs),
            jti: &jti,
            ver: version,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .expect("HS256 encoding of plain claims cannot fail")
    }

    /// Verify signature and expiry; `sub` must be a string holding a decimal integer
    /// (decision F14). Any failure is `None`: the caller answers 401.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let data =
            jsonwebtoken::decode::<InClaims>(token, &self.decoding, &self.validation).ok()?;
        let c = data.claims;
        let sub = match c.sub? {
            serde_json::Value::String(s) => s,
            _ => return None,
        };
        if sub.is_empty() || !sub.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let user_id: i32 = sub.parse().ok()?;
        let exp = c.exp.as_ref().and_then(number_as_i64)?;
        let iat = c.iat.as_ref().and_then(number_as_i64).unwrap_or(0);
        let version = match &c.ver {
            None => 0,
            Some(v) => v.as_i64()?,
        };
        Some(Claims {
            user_id,
            iat,
            exp,
            version,
        })
    }
}

/// A token id: 16 bytes from the OS CSPRNG, base64url without padding (22 characters).
fn token_id() -> String {
    use base64::Engine;
    let mut buf = [0u8; 16];
    getrandom::fill(&mut buf).expect("the OS random number generator is available");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

fn number_as_i64(v: &serde_json::Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_f64().map(|f| f.floor() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors from ../shared/fixtures/README.md, issued by the old service.
    const OLD_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiaWF0IjoxNzYyOTAwMDAwLCJleHAiOjQxMDI0NDQ4MDB9.8wy93hdVcPWL7vJPbAWee47hXMTSryz8alTll3vHop4";
    const OLD_EXPIRED: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiaWF0IjoxNzYyOTAwMDAwLCJleHAiOjE3NjI5MDM2MDB9.WALMryAkUb0AH8nVAtuGwy55Z6pf9IeOqOUl7JmeU_8";

    #[test]
    fn old_service_tokens() {
        let k = JwtKeys::new("dev-secret-key", 10080);
        assert_eq!(
            k.verify(OLD_TOKEN),
            Some(Claims {
                user_id: 1,
                iat: 1_762_900_000,
                exp: 4_102_444_800,
                version: 0
            })
        );
        assert_eq!(k.verify(OLD_EXPIRED), None);
        assert_eq!(JwtKeys::new("other-secret", 10080).verify(OLD_TOKEN), None);
    }

    #[test]
    fn issue_and_verify_round_trip() {
        let k = JwtKeys::new("s", 10);
        let now = chrono::Utc::now().timestamp();
        let t = k.issue(17, 4, now);
        assert_eq!(
            k.verify(&t),
            Some(Claims {
                user_id: 17,
                iat: now,
                exp: now + 600,
                version: 4
            })
        );
        // the header is the one the old service wrote
        let header = t.split('.').next().unwrap();
        let header: serde_json::Value = serde_json::from_slice(
            &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, header)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(header, serde_json::json!({"alg": "HS256", "typ": "JWT"}));
    }

    #[test]
    fn tokens_of_the_same_second_differ() {
        let k = JwtKeys::new("s", 10);
        let now = chrono::Utc::now().timestamp();
        let (a, b) = (k.issue(3, 0, now), k.issue(3, 0, now));
        assert_ne!(a, b);
        assert_eq!(k.verify(&a), k.verify(&b));
        let payload = |t: &str| -> serde_json::Value {
            let p = t.split('.').nth(1).unwrap();
            serde_json::from_slice(
                &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, p)
                    .unwrap(),
            )
            .unwrap()
        };
        let (pa, pb) = (payload(&a), payload(&b));
        assert_eq!(pa["jti"].as_str().unwrap().len(), 22);
        assert_ne!(pa["jti"], pb["jti"]);
        assert_eq!(pa["sub"], "3");
    }

    #[test]
    fn malformed_sub_and_missing_exp_are_refused() {
        let key = EncodingKey::from_secret(b"s");
        let k = JwtKeys::new("s", 10);
        let far = 4_102_444_800i64;
        let cases = [
            serde_json::json!({"sub": "abc", "exp": far}),
            serde_json::json!({"sub": 1, "exp": far}),
            serde_json::json!({"sub": "-1", "exp": far}),
            serde_json::json!({"sub": "99999999999", "exp": far}),
            serde_json::json!({"exp": far}),
            serde_json::json!({"sub": "1"}),
            serde_json::json!({"sub": "1", "exp": far, "ver": "1"}),
            serde_json::json!({"sub": "1", "exp": far, "ver": 1.5}),
        ];
        for c in cases {
            let t = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &c, &key).unwrap();
            assert_eq!(k.verify(&t), None, "{c}");
        }
        let ok = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &serde_json::json!({"sub": "5", "exp": far}),
            &key,
        )
        .unwrap();
        assert_eq!(
            k.verify(&ok),
            Some(Claims {
                user_id: 5,
                iat: 0,
                exp: far,
                version: 0
            })
        );
        assert_eq!(k.verify("not.a.token"), None);
        assert_eq!(k.verify(""), None);
    }
}
