package dev.tollgate.api.facts;

/** Derived by the affected rules: a change that affects every workspace member, and why. */
public record AffectsAll(String path, String reason) {
}
