package dev.tollgate.api.facts;

import java.util.List;

/**
 * One locked package whose name an advisory names, with the version arithmetic the rules need
 * (Cargo semver requirement matching is done in Java; whether that makes the package affected,
 * and what to do about it, is decided by the rules).
 *
 * @param advisory      the advisory id
 * @param crate         the package name
 * @param version       the locked version
 * @param packageId     the locked package's id
 * @param base          true when the package comes from the base commit's Cargo.lock (PR mode)
 * @param sourceMatches the package comes from the advisory's registry (crates.io unless the advisory
 *                      names another; git and sparse index URLs of one registry are the same registry)
 * @param patched       the locked version satisfies one of the advisory's {@code patched} requirements
 * @param unaffected    the locked version satisfies one of its {@code unaffected} requirements
 * @param fixExists     the advisory lists at least one {@code patched} requirement
 * @param fixCompatible a patched version is semver-compatible with the locked one ({@code cargo update}
 *                      reaches it without a requirement bump)
 * @param fixVersions   the lowest version of each patched requirement above the locked one
 */
public record AdvisoryCandidate(String advisory, String crate, String version, String packageId, boolean base, boolean sourceMatches,
                                boolean patched, boolean unaffected, boolean fixExists, boolean fixCompatible,
                                List<String> fixVersions) {
    /**
     * Copies {@code fixVersions} (the fact is immutable).
     *
     * @param advisory      the advisory id
     * @param crate         the package name
     * @param version       the locked version
     * @param packageId     the locked package's id
     * @param base          true when the package comes from the base commit's Cargo.lock (PR mode)
     * @param sourceMatches the package comes from the advisory's registry (crates.io unless the advisory names another;
     *                      git and sparse index URLs of one registry are the same registry)
     * @param patched       the locked version satisfies one of the advisory's {@code patched} requirements
     * @param unaffected    the locked version satisfies one of its {@code unaffected} requirements
     * @param fixExists     the advisory lists at least one {@code patched} requirement
     * @param fixCompatible a patched version is semver-compatible with the locked one ({@code cargo update} reaches it
     *                      without a requirement bump)
     * @param fixVersions   the lowest version of each patched requirement above the locked one
     */
    public AdvisoryCandidate {
        fixVersions = List.copyOf(fixVersions);
    }

    /**
     * The rules' definition of affected, kept here so that every rule reads it the same way.
     *
     * @return {@code sourceMatches}, and the locked version is neither patched nor unaffected
     */
    public boolean isAffected() {
        return sourceMatches && !patched && !unaffected;
    }
}
