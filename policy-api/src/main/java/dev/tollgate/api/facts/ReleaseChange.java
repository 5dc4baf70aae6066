package dev.tollgate.api.facts;

/**
 * Derived by the releasejobs rules: an artifact must be rebuilt, and why.
 *
 * @param artifact the artifact's name
 * @param reason   why, e.g. {@code core is affected: `crates/core/src/lib.rs` changed}
 */
public record ReleaseChange(String artifact, String reason) {
}
