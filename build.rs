//! Turns on the PostgreSQL and Redis variants of the integration tests when the CI variables
//! are set at build time (the same tests then run on every backend; without the variables those
//! variants are reported as ignored, not silently passed).

fn main() {
    println!("cargo:rerun-if-env-changed=TEST_DATABASE_URL");
    println!("cargo:rerun-if-env-changed=TEST_REDIS_URL");
    println!("cargo:rustc-check-cfg=cfg(pg_tests)");
    println!("cargo:rustc-check-cfg=cfg(redis_tests)");
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|v| !v.trim().is_empty()) {
        println!("cargo:rustc-cfg=pg_tests");
    }
    if std::env::var("TEST_REDIS_URL").is_ok_and(|v| !v.trim().is_empty()) {
        println!("cargo:rustc-cfg=redis_tests");
    }
}
