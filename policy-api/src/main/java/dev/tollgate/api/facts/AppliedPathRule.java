package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: a path rule that applies to a changed file (it matches, and no
 * earlier matching rule stopped the search).
 *
 * @param path the changed file, relative to the repository root
 * @param rule the rule that applies to it
 */
public record AppliedPathRule(String path, PathRule rule) {
}
