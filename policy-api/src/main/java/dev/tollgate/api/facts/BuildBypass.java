package dev.tollgate.api.facts;

import java.util.List;

/**
 * What one {@code [[bans.build.bypass]]} entry allows; its crate spec is the {@link CrateSpecEntry} of the list
 * {@code build.bypass} with the same index, and its {@code allow} paths are {@link BuildBypassPath} facts.
 *
 * @param index            the entry's index in {@code bypass}
 * @param spec             the crate spec as written
 * @param buildScript      {@code build-script}: the SHA-256 (lower-case hex) the crate's build script must have for
 *                         the crate to be skipped, "" when absent
 * @param requiredFeatures {@code required-features}: when one of them is enabled, the build-script bypass does not apply
 * @param allowGlobs       {@code allow-globs}: files (paths relative to the crate) that are not scanned
 * @param origin           where the entry starts in deny.toml
 * @param buildScriptAt    the {@code build-script} value, or the entry when absent
 */
public record BuildBypass(int index, String spec, String buildScript, List<String> requiredFeatures,
                          List<String> allowGlobs, Location origin, Location buildScriptAt) {
    /**
     * Copies {@code requiredFeatures} and {@code allowGlobs} (the fact is immutable); a null {@code buildScript}
     * becomes "".
     *
     * @param index            the entry's index in {@code bypass}
     * @param spec             the crate spec as written
     * @param buildScript      {@code build-script}: the SHA-256 (lower-case hex) the crate's build script must have for
     *                         the crate to be skipped, "" when absent
     * @param requiredFeatures {@code required-features}: when one of them is enabled, the build-script bypass does not
     *                         apply
     * @param allowGlobs       {@code allow-globs}: files (paths relative to the crate) that are not scanned
     * @param origin           where the entry starts in deny.toml
     * @param buildScriptAt    the {@code build-script} value, or the entry when absent
     */
    public BuildBypass {
        buildScript = buildScript == null ? "" : buildScript;
        requiredFeatures = List.copyOf(requiredFeatures);
        allowGlobs = List.copyOf(allowGlobs);
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
        b.index = index;
        b.spec = spec;
        b.buildScript = buildScript;
        b.requiredFeatures = requiredFeatures;
        b.allowGlobs = allowGlobs;
        b.origin = origin;
        b.buildScriptAt = buildScriptAt;
        return b;
    }

    /** Builds a {@link BuildBypass} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private int index;
        private String spec = "";
        private String buildScript = "";
        private List<String> requiredFeatures = java.util.List.of();
        private List<String> allowGlobs = java.util.List.of();
        private Location origin = Location.NONE;
        private Location buildScriptAt = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code index}.
         *
         * @param index the entry's index in {@code bypass}
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@code spec}.
         *
         * @param spec the crate spec as written
         * @return this builder
         */
        public Builder spec(String spec) {
            this.spec = spec;
            return this;
        }

        /**
         * Sets {@code buildScript}.
         *
         * @param buildScript {@code build-script}: the SHA-256 (lower-case hex) the crate's build script must have for the crate to be skipped, "" when absent
         * @return this builder
         */
        public Builder buildScript(String buildScript) {
            this.buildScript = buildScript;
            return this;
        }

        /**
         * Sets {@code requiredFeatures}.
         *
         * @param requiredFeatures {@code required-features}: when one of them is enabled, the build-script bypass does not apply
         * @return this builder
         */
        public Builder requiredFeatures(List<String> requiredFeatures) {
            this.requiredFeatures = requiredFeatures;
            return this;
        }

        /**
         * Sets {@code allowGlobs}.
         *
         * @param allowGlobs {@code allow-globs}: files (paths relative to the crate) that are not scanned
         * @return this builder
         */
        public Builder allowGlobs(List<String> allowGlobs) {
            this.allowGlobs = allowGlobs;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the entry starts in deny.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code buildScriptAt}.
         *
         * @param buildScriptAt the {@code build-script} value, or the entry when absent
         * @return this builder
         */
        public Builder buildScriptAt(Location buildScriptAt) {
            this.buildScriptAt = buildScriptAt;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BuildBypass}
         */
        public BuildBypass build() {
            return new BuildBypass(index, spec, buildScript, requiredFeatures, allowGlobs, origin, buildScriptAt);
        }
    }
}
