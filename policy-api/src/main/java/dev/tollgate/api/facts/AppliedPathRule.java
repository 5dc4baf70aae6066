package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: a path rule that applies to a changed file (it matches, and no
 * earlier matching rule stopped the search).
 */
public record AppliedPathRule(String path, PathRule rule) {
}
