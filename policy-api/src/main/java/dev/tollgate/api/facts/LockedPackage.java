package dev.tollgate.api.facts;

import java.util.List;

/**
 * One {@code [[package]]} of Cargo.lock (or one package of {@code cargo metadata}).
 *
 * @param id        unique id: {@code name@version}, with {@code " (source)"} appended only when two
 *                  locked packages share name and version
 * @param name      the package name, e.g. {@code serde}
 * @param version   the locked version, e.g. {@code 1.0.219}
 * @param source    where it comes from (crates.io, another registry, git); {@link Source#LOCAL} for path packages and
 *                  members
 * @param checksum  the {@code checksum} of a registry package (SHA-256, lower-case hex); "" when absent (git and path
 *                  packages)
 * @param member    true for workspace members
 * @param dependencies ids of the packages this one depends on, as resolved in the lockfile
 * @param origin    the package's {@code [[package]]} line in Cargo.lock
 */
public record LockedPackage(String id, String name, String version, Source source, String checksum,
                            boolean member, List<String> dependencies, Location origin) {
    /**
     * Copies {@code dependencies} (the fact is immutable); a null {@code checksum} becomes "".
     *
     * @param id           unique id: {@code name@version}, with {@code " (source)"} appended only when two locked
     *                     packages share name and version
     * @param name         the package name, e.g. {@code serde}
     * @param version      the locked version, e.g. {@code 1.0.219}
     * @param source       where it comes from (crates.io, another registry, git); {@link Source#LOCAL} for path
     *                     packages and members
     * @param checksum     the {@code checksum} of a registry package (SHA-256, lower-case hex); "" when absent (git and
     *                     path packages)
     * @param member       true for workspace members
     * @param dependencies ids of the packages this one depends on, as resolved in the lockfile
     * @param origin       the package's {@code [[package]]} line in Cargo.lock
     */
    public LockedPackage {
        dependencies = List.copyOf(dependencies);
        checksum = checksum == null ? "" : checksum;
    }

    /**
     * {@code name@version}, the way findings name a package.
     *
     * @return e.g. {@code serde@1.0.219} (without a source, unlike {@code id})
     */
    public String spec() {
        return name + "@" + version;
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
        b.source = source;
        b.checksum = checksum;
        b.member = member;
        b.dependencies = dependencies;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link LockedPackage} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String version = "";
        private Source source = null;
        private String checksum = "";
        private boolean member;
        private List<String> dependencies = java.util.List.of();
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code id}.
         *
         * @param id unique id: {@code name@version}, with {@code " (source)"} appended only when two locked packages share name and version
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the package name, e.g. {@code serde}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the locked version, e.g. {@code 1.0.219}
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code source}.
         *
         * @param source where it comes from (crates.io, another registry, git); {@link Source#LOCAL} for path packages and members
         * @return this builder
         */
        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        /**
         * Sets {@code checksum}.
         *
         * @param checksum the {@code checksum} of a registry package (SHA-256, lower-case hex); "" when absent (git and path packages)
         * @return this builder
         */
        public Builder checksum(String checksum) {
            this.checksum = checksum;
            return this;
        }

        /**
         * Sets {@code member}.
         *
         * @param member true for workspace members
         * @return this builder
         */
        public Builder member(boolean member) {
            this.member = member;
            return this;
        }

        /**
         * Sets {@code dependencies}.
         *
         * @param dependencies ids of the packages this one depends on, as resolved in the lockfile
         * @return this builder
         */
        public Builder dependencies(List<String> dependencies) {
            this.dependencies = dependencies;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the package's {@code [[package]]} line in Cargo.lock
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link LockedPackage}
         */
        public LockedPackage build() {
            return new LockedPackage(id, name, version, source, checksum, member, dependencies, origin);
        }
    }
}
