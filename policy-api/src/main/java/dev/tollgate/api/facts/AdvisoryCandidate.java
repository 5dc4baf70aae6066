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

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.advisory = advisory;
        b.crate = crate;
        b.version = version;
        b.packageId = packageId;
        b.base = base;
        b.sourceMatches = sourceMatches;
        b.patched = patched;
        b.unaffected = unaffected;
        b.fixExists = fixExists;
        b.fixCompatible = fixCompatible;
        b.fixVersions = fixVersions;
        return b;
    }

    /** Builds a {@link AdvisoryCandidate} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String advisory = "";
        private String crate = "";
        private String version = "";
        private String packageId = "";
        private boolean base;
        private boolean sourceMatches;
        private boolean patched;
        private boolean unaffected;
        private boolean fixExists;
        private boolean fixCompatible;
        private List<String> fixVersions = java.util.List.of();

        private Builder() {
        }

        /**
         * Sets {@code advisory}.
         *
         * @param advisory the advisory id
         * @return this builder
         */
        public Builder advisory(String advisory) {
            this.advisory = advisory;
            return this;
        }

        /**
         * Sets {@code crate}.
         *
         * @param crate the package name
         * @return this builder
         */
        public Builder crate(String crate) {
            this.crate = crate;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the locked version
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the locked package's id
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code base}.
         *
         * @param base true when the package comes from the base commit's Cargo.lock (PR mode)
         * @return this builder
         */
        public Builder base(boolean base) {
            this.base = base;
            return this;
        }

        /**
         * Sets {@code sourceMatches}.
         *
         * @param sourceMatches the package comes from the advisory's registry (crates.io unless the advisory names another; git and sparse index URLs of one registry are the same registry)
         * @return this builder
         */
        public Builder sourceMatches(boolean sourceMatches) {
            this.sourceMatches = sourceMatches;
            return this;
        }

        /**
         * Sets {@code patched}.
         *
         * @param patched the locked version satisfies one of the advisory's {@code patched} requirements
         * @return this builder
         */
        public Builder patched(boolean patched) {
            this.patched = patched;
            return this;
        }

        /**
         * Sets {@code unaffected}.
         *
         * @param unaffected the locked version satisfies one of its {@code unaffected} requirements
         * @return this builder
         */
        public Builder unaffected(boolean unaffected) {
            this.unaffected = unaffected;
            return this;
        }

        /**
         * Sets {@code fixExists}.
         *
         * @param fixExists the advisory lists at least one {@code patched} requirement
         * @return this builder
         */
        public Builder fixExists(boolean fixExists) {
            this.fixExists = fixExists;
            return this;
        }

        /**
         * Sets {@code fixCompatible}.
         *
         * @param fixCompatible a patched version is semver-compatible with the locked one ({@code cargo update} reaches it without a requirement bump)
         * @return this builder
         */
        public Builder fixCompatible(boolean fixCompatible) {
            this.fixCompatible = fixCompatible;
            return this;
        }

        /**
         * Sets {@code fixVersions}.
         *
         * @param fixVersions the lowest version of each patched requirement above the locked one
         * @return this builder
         */
        public Builder fixVersions(List<String> fixVersions) {
            this.fixVersions = fixVersions;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link AdvisoryCandidate}
         */
        public AdvisoryCandidate build() {
            return new AdvisoryCandidate(advisory, crate, version, packageId, base, sourceMatches, patched, unaffected, fixExists, fixCompatible, fixVersions);
        }
    }
}
