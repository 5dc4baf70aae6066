package dev.tollgate.api.facts;

/**
 * Whether the repository has a SECURITY.md (root, {@code .github/} or {@code docs/}); {@code path} is "" when not.
 *
 * @param present a SECURITY.md was found
 * @param path    the first found, relative to the repository root: {@code SECURITY.md}, {@code .github/SECURITY.md} or
 *                {@code docs/SECURITY.md}; "" when none
 */
public record SecurityPolicy(boolean present, String path) {
}
