package dev.tollgate.api.facts;

/** Derived by the affected rules: a workspace member changed directly (a file of it, or a path rule named it). */
public record CrateChanged(String crate, String path, String reason) {
}
