package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: a change that affects every workspace member, and why.
 *
 * @param path   the changed path, relative to the repository root (e.g. {@code Cargo.lock},
 *               {@code rust-toolchain.toml})
 * @param reason why it affects every member, e.g. {@code Cargo.lock changed (...)}
 */
public record AffectsAll(String path, String reason) {
}
