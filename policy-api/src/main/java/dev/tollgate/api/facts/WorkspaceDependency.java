package dev.tollgate.api.facts;

import java.util.List;

/**
 * One entry of the workspace root's {@code [workspace.dependencies]} table.
 *
 * @param name        the key members inherit it by ({@code name.workspace = true})
 * @param packageName the package it names ({@code package = "..."} when renamed)
 * @param req         the version requirement as written, "" when none
 * @param path        the path as written, relative to the workspace root ("" when none)
 * @param git         the git URL as written ("" when none)
 * @param packageIds  the locked packages the entry can resolve to, as cargo-deny resolves it: same package
 *                    name, same kind of source (a path package for {@code path}, the same repository for
 *                    {@code git}, a registry package otherwise) and a version its requirement matches
 * @param origin      the entry's line in the root {@code Cargo.toml}
 */
public record WorkspaceDependency(String name, String packageName, String req, String path, String git,
                                  List<String> packageIds, Location origin) {
    /**
     * Copies {@code packageIds} (the fact is immutable); a null {@code req}, {@code path} or {@code git} becomes "";
     * a null {@code packageIds} is empty.
     *
     * @param name        the key members inherit it by ({@code name.workspace = true})
     * @param packageName the package it names ({@code package = "..."} when renamed)
     * @param req         the version requirement as written, "" when none
     * @param path        the path as written, relative to the workspace root ("" when none)
     * @param git         the git URL as written ("" when none)
     * @param packageIds  the locked packages the entry can resolve to, as cargo-deny resolves it: same package name,
     *                    same kind of source (a path package for {@code path}, the same repository for {@code git}, a
     *                    registry package otherwise) and a version its requirement matches
     * @param origin      the entry's line in the root {@code Cargo.toml}
     */
    public WorkspaceDependency {
        req = req == null ? "" : req;
        path = path == null ? "" : path;
        git = git == null ? "" : git;
        packageIds = packageIds == null ? List.of() : List.copyOf(packageIds);
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
        b.packageName = packageName;
        b.req = req;
        b.path = path;
        b.git = git;
        b.packageIds = packageIds;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link WorkspaceDependency} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String name = "";
        private String packageName = "";
        private String req = "";
        private String path = "";
        private String git = "";
        private List<String> packageIds = java.util.List.of();
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param name the key members inherit it by ({@code name.workspace = true})
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code packageName}.
         *
         * @param packageName the package it names ({@code package = "..."} when renamed)
         * @return this builder
         */
        public Builder packageName(String packageName) {
            this.packageName = packageName;
            return this;
        }

        /**
         * Sets {@code req}.
         *
         * @param req the version requirement as written, "" when none
         * @return this builder
         */
        public Builder req(String req) {
            this.req = req;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path the path as written, relative to the workspace root ("" when none)
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code git}.
         *
         * @param git the git URL as written ("" when none)
         * @return this builder
         */
        public Builder git(String git) {
            this.git = git;
            return this;
        }

        /**
         * Sets {@code packageIds}.
         *
         * @param packageIds the locked packages the entry can resolve to, as cargo-deny resolves it: same package name, same kind of source (a path package for {@code path}, the same repository for {@code git}, a registry package otherwise) and a version its requirement matches
         * @return this builder
         */
        public Builder packageIds(List<String> packageIds) {
            this.packageIds = packageIds;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the entry's line in the root {@code Cargo.toml}
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link WorkspaceDependency}
         */
        public WorkspaceDependency build() {
            return new WorkspaceDependency(name, packageName, req, path, git, packageIds, origin);
        }
    }
}
