package dev.tollgate.api.facts;

/**
 * A dependency between two workspace members, by crate name: {@code from} depends on {@code to}
 * with this kind (optional and target-specific dependencies included: they can be built).
 *
 * @param from   the depending member's name
 * @param to     the member it depends on
 * @param kind   normal, dev or build
 * @param origin where the dependency is declared in {@code from}'s manifest
 */
public record MemberEdge(String from, String to, DepKind kind, Location origin) {
}
