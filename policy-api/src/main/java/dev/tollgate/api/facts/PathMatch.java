package dev.tollgate.api.facts;

/** Derived by the affected rules: a changed file matched a path rule. */
public record PathMatch(String path, PathRule rule) {
    public int order() {
        return rule.order();
    }
}
