package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: a workspace member changed directly (a file of it, or a path rule named it).
 *
 * @param crate  the workspace member's name
 * @param path   the changed file or the path rule's match, relative to the repository root
 * @param reason why, e.g. {@code `crates/core/src/lib.rs` changed}
 */
public record CrateChanged(String crate, String path, String reason) {
}
