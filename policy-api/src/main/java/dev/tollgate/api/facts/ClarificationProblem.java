package dev.tollgate.api.facts;

/**
 * A {@code [[licenses.clarify]]} entry that was not applied to a package because one of its
 * {@code license-files} does not match the crate's sources on disk (cargo-deny applies a
 * clarification only when every listed file exists and has the listed hash).
 *
 * @param packageId the locked package id ({@link LockedPackage#id()})
 * @param spec      {@code name@version}
 * @param kind      {@code missing} (no such file in the crate's directory) or {@code mismatch} (the hash differs)
 * @param path      the {@code path} of the license-files entry, relative to the crate's directory
 * @param expected  the entry's {@code hash} as written ({@code 0x...}), or "" when it gives none
 * @param actual    the file's hash ({@code 0x...}, cargo-deny's xxHash32 of the text), or "" when missing
 * @param at        the license-files entry in deny.toml
 */
public record ClarificationProblem(String packageId, String spec, String kind, String path, String expected,
                                   String actual, Location at) {
    /**
     * A null {@code expected} or {@code actual} becomes "", a null {@code at} {@link Location#NONE}.
     *
     * @param packageId the locked package id ({@link LockedPackage#id()})
     * @param spec      {@code name@version}
     * @param kind      {@code missing} (no such file in the crate's directory) or {@code mismatch} (the hash differs)
     * @param path      the {@code path} of the license-files entry, relative to the crate's directory
     * @param expected  the entry's {@code hash} as written ({@code 0x...}), or "" when it gives none
     * @param actual    the file's hash ({@code 0x...}, cargo-deny's xxHash32 of the text), or "" when missing
     * @param at        the license-files entry in deny.toml
     */
    public ClarificationProblem {
        if (expected == null) expected = "";
        if (actual == null) actual = "";
        if (at == null) at = Location.NONE;
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
        b.packageId = packageId;
        b.spec = spec;
        b.kind = kind;
        b.path = path;
        b.expected = expected;
        b.actual = actual;
        b.at = at;
        return b;
    }

    /** Builds a {@link ClarificationProblem} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private String spec = "";
        private String kind = "";
        private String path = "";
        private String expected = "";
        private String actual = "";
        private Location at = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the locked package id ({@link LockedPackage#id()})
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code spec}.
         *
         * @param spec {@code name@version}
         * @return this builder
         */
        public Builder spec(String spec) {
            this.spec = spec;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind {@code missing} (no such file in the crate's directory) or {@code mismatch} (the hash differs)
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path the {@code path} of the license-files entry, relative to the crate's directory
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code expected}.
         *
         * @param expected the entry's {@code hash} as written ({@code 0x...}), or "" when it gives none
         * @return this builder
         */
        public Builder expected(String expected) {
            this.expected = expected;
            return this;
        }

        /**
         * Sets {@code actual}.
         *
         * @param actual the file's hash ({@code 0x...}, cargo-deny's xxHash32 of the text), or "" when missing
         * @return this builder
         */
        public Builder actual(String actual) {
            this.actual = actual;
            return this;
        }

        /**
         * Sets {@code at}.
         *
         * @param at the license-files entry in deny.toml
         * @return this builder
         */
        public Builder at(Location at) {
            this.at = at;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ClarificationProblem}
         */
        public ClarificationProblem build() {
            return new ClarificationProblem(packageId, spec, kind, path, expected, actual, at);
        }
    }
}
