package dev.tollgate.api.facts;

/**
 * One {@code allow} entry of a {@code [[bans.build.bypass]]}: a file, relative to the crate, that is not scanned,
 * or (with a checksum) is allowed only while its content has that SHA-256.
 *
 * @param bypass   the {@link BuildBypass} index
 * @param index    the entry's index in {@code allow}
 * @param path     the path relative to the crate root, with {@code /}
 * @param checksum the SHA-256 (lower-case hex), "" when absent
 * @param origin   the entry's {@code path} value in deny.toml
 */
public record BuildBypassPath(int bypass, int index, String path, String checksum, Location origin) {
    /**
     * A null {@code checksum} becomes "".
     *
     * @param bypass   the {@link BuildBypass} index
     * @param index    the entry's index in {@code allow}
     * @param path     the path relative to the crate root, with {@code /}
     * @param checksum the SHA-256 (lower-case hex), "" when absent
     * @param origin   the entry's {@code path} value in deny.toml
     */
    public BuildBypassPath {
        checksum = checksum == null ? "" : checksum;
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
        b.bypass = bypass;
        b.index = index;
        b.path = path;
        b.checksum = checksum;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link BuildBypassPath} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private int bypass;
        private int index;
        private String path = "";
        private String checksum = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code bypass}.
         *
         * @param bypass the {@link BuildBypass} index
         * @return this builder
         */
        public Builder bypass(int bypass) {
            this.bypass = bypass;
            return this;
        }

        /**
         * Sets {@code index}.
         *
         * @param index the entry's index in {@code allow}
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path the path relative to the crate root, with {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code checksum}.
         *
         * @param checksum the SHA-256 (lower-case hex), "" when absent
         * @return this builder
         */
        public Builder checksum(String checksum) {
            this.checksum = checksum;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the entry's {@code path} value in deny.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BuildBypassPath}
         */
        public BuildBypassPath build() {
            return new BuildBypassPath(bypass, index, path, checksum, origin);
        }
    }
}
