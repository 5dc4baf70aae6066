package dev.tollgate.api.facts;

/** Whether the repository has a SECURITY.md (root, {@code .github/} or {@code docs/}); {@code path} is "" when not. */
public record SecurityPolicy(boolean present, String path) {
}
