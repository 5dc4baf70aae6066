package dev.tollgate.api.facts;

/**
 * Cargo.lock changed between the base and the head. {@code member} is a workspace member whose
 * resolved dependencies (every locked package it reaches) differ, with what differs in
 * {@code detail}; when the base lockfile could not be compared (no base ref, or no lockfile at the
 * base) {@code compared} is false and {@code member} is "".
 *
 * @param member   the workspace member's name; "" when {@code compared} is false
 * @param detail   what differs, packages added with {@code +} and removed with {@code -} (e.g. {@code +log@0.4.22;
 *                 -log@0.4.21}); or why no comparison was made (e.g. {@code the base has no Cargo.lock})
 * @param compared the base and head lockfiles were compared
 */
public record LockfileChange(String member, String detail, boolean compared) {
}
