//! Turns on the PostgreSQL and Redis variants of the integration tests when the CI variables
//! are set at build time (the same tests then run on every backend; without the variables those
//! variants are reported as ignored, not silently passed).

fn main() {
    // The commit the binary is built from (`--version`, `solarintel_build_info`); "unknown"
    // outside a git checkout.
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SOLARINTEL_COMMIT={commit}");
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
