package dev.tollgate.api.facts;

/**
 * A dependency between two workspace members, by crate name: {@code from} depends on {@code to}
 * with this kind (optional and target-specific dependencies included: they can be built).
 */
public record MemberEdge(String from, String to, DepKind kind, Location origin) {
}
