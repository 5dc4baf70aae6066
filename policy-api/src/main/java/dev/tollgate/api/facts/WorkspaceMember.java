package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * A workspace member crate, from its {@code Cargo.toml}.
 *
 * @param id               the locked package id of this member ({@code name@version})
 * @param name             the {@code package.name} ({@code my-crate})
 * @param version          the {@code package.version}, resolved when inherited ({@code 0.4.1})
 * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
 * @param dir              the member's directory relative to the root ("" for the root package)
 * @param versionInherited {@code version.workspace = true}
 * @param publish          false when {@code publish = false} (or an empty registry list)
 * @param features         the {@code [features]} table, in manifest order
 * @param origin           the manifest's {@code [package]} line
 * @param rustVersion      the crate's {@code rust-version} (the minimum supported Rust version), resolved when
 *                         inherited with {@code rust-version.workspace = true}; "" when the crate sets none
 */
public record WorkspaceMember(String id, String name, String version, String manifestPath, String dir,
                              boolean versionInherited, boolean publish,
                              Map<String, List<String>> features, Location origin, String rustVersion) {
    /**
     * Copies {@code features} (the fact is immutable); a null {@code rustVersion} becomes "".
     *
     * @param id               the locked package id of this member ({@code name@version})
     * @param name             the {@code package.name} ({@code my-crate})
     * @param version          the {@code package.version}, resolved when inherited ({@code 0.4.1})
     * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
     * @param dir              the member's directory relative to the root ("" for the root package)
     * @param versionInherited {@code version.workspace = true}
     * @param publish          false when {@code publish = false} (or an empty registry list)
     * @param features         the {@code [features]} table, in manifest order
     * @param origin           the manifest's {@code [package]} line
     * @param rustVersion      the crate's {@code rust-version} (the minimum supported Rust version), resolved when
     *                         inherited with {@code rust-version.workspace = true}; "" when the crate sets none
     */
    public WorkspaceMember {
        features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
        rustVersion = rustVersion == null ? "" : rustVersion;
    }

    /**
     * A member whose {@code rust-version} is not known (the constructor before {@code rustVersion} was added).
     *
     * @param id               the locked package id of this member ({@code name@version})
     * @param name             the {@code package.name} ({@code my-crate})
     * @param version          the {@code package.version}, resolved when inherited ({@code 0.4.1})
     * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
     * @param dir              the member's directory relative to the root ("" for the root package)
     * @param versionInherited {@code version.workspace = true}
     * @param publish          false when {@code publish = false} (or an empty registry list)
     * @param features         the {@code [features]} table, in manifest order
     * @param origin           the manifest's {@code [package]} line
     */
    public WorkspaceMember(String id, String name, String version, String manifestPath, String dir,
                           boolean versionInherited, boolean publish, Map<String, List<String>> features, Location origin) {
        this(id, name, version, manifestPath, dir, versionInherited, publish, features, origin, "");
    }

    /**
     * The features the {@code default} feature enables.
     *
     * @return the {@code default} entry of {@code features}, or an empty list
     */
    public List<String> defaultFeatures() {
        return features.getOrDefault("default", List.of());
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
        b.id = id;
        b.name = name;
        b.version = version;
        b.manifestPath = manifestPath;
        b.dir = dir;
        b.versionInherited = versionInherited;
        b.publish = publish;
        b.features = features;
        b.origin = origin;
        b.rustVersion = rustVersion;
        return b;
    }

    /** Builds a {@link WorkspaceMember} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String version = "";
        private String manifestPath = "";
        private String dir = "";
        private boolean versionInherited;
        private boolean publish;
        private Map<String, List<String>> features = java.util.Map.of();
        private Location origin = Location.NONE;
        private String rustVersion = "";

        private Builder() {
        }

        /**
         * Sets {@code id}.
         *
         * @param id the locked package id of this member ({@code name@version})
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the {@code package.name} ({@code my-crate})
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the {@code package.version}, resolved when inherited ({@code 0.4.1})
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code manifestPath}.
         *
         * @param manifestPath manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
         * @return this builder
         */
        public Builder manifestPath(String manifestPath) {
            this.manifestPath = manifestPath;
            return this;
        }

        /**
         * Sets {@code dir}.
         *
         * @param dir the member's directory relative to the root ("" for the root package)
         * @return this builder
         */
        public Builder dir(String dir) {
            this.dir = dir;
            return this;
        }

        /**
         * Sets {@code versionInherited}.
         *
         * @param versionInherited {@code version.workspace = true}
         * @return this builder
         */
        public Builder versionInherited(boolean versionInherited) {
            this.versionInherited = versionInherited;
            return this;
        }

        /**
         * Sets {@code publish}.
         *
         * @param publish false when {@code publish = false} (or an empty registry list)
         * @return this builder
         */
        public Builder publish(boolean publish) {
            this.publish = publish;
            return this;
        }

        /**
         * Sets {@code features}.
         *
         * @param features the {@code [features]} table, in manifest order
         * @return this builder
         */
        public Builder features(Map<String, List<String>> features) {
            this.features = features;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the manifest's {@code [package]} line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code rustVersion}.
         *
         * @param rustVersion the crate's {@code rust-version} (the minimum supported Rust version), resolved when inherited with {@code rust-version.workspace = true}; "" when the crate sets none
         * @return this builder
         */
        public Builder rustVersion(String rustVersion) {
            this.rustVersion = rustVersion;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link WorkspaceMember}
         */
        public WorkspaceMember build() {
            return new WorkspaceMember(id, name, version, manifestPath, dir, versionInherited, publish, features, origin, rustVersion);
        }
    }
}
