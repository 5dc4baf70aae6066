package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: a changed file matched a path rule.
 *
 * @param path the changed file, relative to the repository root
 * @param rule the rule whose globs match it
 */
public record PathMatch(String path, PathRule rule) {
    /**
     * The rule's place in the order rules are tried.
     *
     * @return {@code rule.order()}
     */
    public int order() {
        return rule.order();
    }
}
