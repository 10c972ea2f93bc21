//! Fault injection for crash tests: when `GUILDBOOK_FAULT` names a point, the process aborts there,
//! as a power cut or `kill -9` would. Tests use it to prove a write is all-or-nothing. Only test
//! builds (the `fault-injection` feature) read the variable; a shipped app ignores it.

#[cfg(feature = "fault-injection")]
pub fn point(name: &str) {
    if std::env::var("GUILDBOOK_FAULT").is_ok_and(|v| v == name) {
        eprintln!("guildbook: fault injected at {name}; aborting");
        std::process::abort();
    }
}

#[cfg(not(feature = "fault-injection"))]
#[inline(always)]
pub fn point(_name: &str) {}
