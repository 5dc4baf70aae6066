package dev.tollgate.api.facts;

/**
 * A publishable workspace crate as a release plan sees it.
 *
 * @param name             the package name
 * @param dir              its directory relative to the repository root ("" for the root package)
 * @param version          the current version: the baseline tag's, else the manifest's
 * @param major            the current version's major number
 * @param minor            the current version's minor number
 * @param pre              the pre-release part ("" for a release)
 * @param workspaceVersion {@code version.workspace = true}: the crate shares the workspace's version
 * @param baselineTag      the last release tag ("" when the crate was never released)
 * @param origin           the manifest's [package] line
 */
public record ReleaseCrate(String name, String dir, String version, long major, long minor, String pre,
                           boolean workspaceVersion, String baselineTag, Location origin) {
    /**
     * The current version is a pre-release.
     *
     * @return whether {@code pre} is set ({@code 1.0.0-rc.1})
     */
    public boolean prerelease() {
        return !pre.isEmpty();
    }

    /**
     * 1.0.0 and up, not a pre-release.
     *
     * @return whether {@code major} is 1 or more and {@code pre} is empty
     */
    public boolean stable() {
        return major >= 1 && pre.isEmpty();
    }

    /**
     * 0.x.y with x > 0.
     *
     * @return whether {@code major} is 0, {@code minor} is not, and {@code pre} is empty
     */
    public boolean zeroMinor() {
        return major == 0 && minor > 0 && pre.isEmpty();
    }

    /**
     * 0.0.z.
     *
     * @return whether {@code major} and {@code minor} are 0 and {@code pre} is empty
     */
    public boolean zeroZero() {
        return major == 0 && minor == 0 && pre.isEmpty();
    }

    /**
     * The crate was released before.
     *
     * @return whether it has a {@code baselineTag}
     */
    public boolean released() {
        return !baselineTag.isEmpty();
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
        b.name = name;
        b.dir = dir;
        b.version = version;
        b.major = major;
        b.minor = minor;
        b.pre = pre;
        b.workspaceVersion = workspaceVersion;
        b.baselineTag = baselineTag;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link ReleaseCrate} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String name = "";
        private String dir = "";
        private String version = "";
        private long major;
        private long minor;
        private String pre = "";
        private boolean workspaceVersion;
        private String baselineTag = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param name the package name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code dir}.
         *
         * @param dir its directory relative to the repository root ("" for the root package)
         * @return this builder
         */
        public Builder dir(String dir) {
            this.dir = dir;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the current version: the baseline tag's, else the manifest's
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code major}.
         *
         * @param major the current version's major number
         * @return this builder
         */
        public Builder major(long major) {
            this.major = major;
            return this;
        }

        /**
         * Sets {@code minor}.
         *
         * @param minor the current version's minor number
         * @return this builder
         */
        public Builder minor(long minor) {
            this.minor = minor;
            return this;
        }

        /**
         * Sets {@code pre}.
         *
         * @param pre the pre-release part ("" for a release)
         * @return this builder
         */
        public Builder pre(String pre) {
            this.pre = pre;
            return this;
        }

        /**
         * Sets {@code workspaceVersion}.
         *
         * @param workspaceVersion {@code version.workspace = true}: the crate shares the workspace's version
         * @return this builder
         */
        public Builder workspaceVersion(boolean workspaceVersion) {
            this.workspaceVersion = workspaceVersion;
            return this;
        }

        /**
         * Sets {@code baselineTag}.
         *
         * @param baselineTag the last release tag ("" when the crate was never released)
         * @return this builder
         */
        public Builder baselineTag(String baselineTag) {
            this.baselineTag = baselineTag;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the manifest's [package] line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ReleaseCrate}
         */
        public ReleaseCrate build() {
            return new ReleaseCrate(name, dir, version, major, minor, pre, workspaceVersion, baselineTag, origin);
        }
    }
}
