package dev.tollgate.api.facts;

/**
 * Cargo.lock changed between the base and the head. {@code member} is a workspace member whose
 * resolved dependencies (every locked package it reaches) differ, with what differs in
 * {@code detail}; when the base lockfile could not be compared (no base ref, or no lockfile at the
 * base) {@code compared} is false and {@code member} is "".
 */
public record LockfileChange(String member, String detail, boolean compared) {
}
