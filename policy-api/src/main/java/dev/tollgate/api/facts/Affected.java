package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: a workspace member whose tests must run, and the first reason found.
 *
 * @param crate  the workspace member's name
 * @param reason why its tests must run, e.g. {@code depends on core (dev-dependency)}
 */
public record Affected(String crate, String reason) {
}
