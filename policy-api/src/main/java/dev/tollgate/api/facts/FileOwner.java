package dev.tollgate.api.facts;

/** Derived by the affected rules: the workspace member whose directory holds a changed file. */
public record FileOwner(String path, String crate) {
}
