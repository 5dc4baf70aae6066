package dev.tollgate.api.facts;

/**
 * Derived by the affected rules: the workspace member whose directory holds a changed file.
 *
 * @param path  the changed file, relative to the repository root
 * @param crate the member's name (the innermost member whose directory holds it)
 */
public record FileOwner(String path, String crate) {
}
