package dev.tollgate.api.facts;

import java.util.List;

/**
 * One dependency a workspace member declares in its {@code Cargo.toml} ({@code [dependencies]},
 * {@code [dev-dependencies]}, {@code [build-dependencies]}, each also under {@code [target.X]}), with the
 * {@code [workspace.dependencies]} entry applied when it is inherited with {@code workspace = true}.
 * Read from the manifests, or from {@code cargo metadata}'s {@code packages[].dependencies[]} (lines and
 * {@code workspace} then come from the manifests when they are beside it).
 *
 * @param member           the declaring member's package id
 * @param name             the name it is declared under (the key; differs from {@code packageName} when renamed)
 * @param packageName      the package it names ({@code package = "..."} when renamed)
 * @param kind             normal, dev or build
 * @param req              the version requirement as written (inherited from the workspace entry when
 *                         {@code workspace}); null or "" when none is written. From {@code cargo metadata}
 *                         it is Cargo's normalized text ({@code "1.0"} reads {@code "^1.0"}), and a path or git
 *                         dependency's {@code *} (metadata's word for "no version") reads as none
 * @param path             the directory of a path dependency relative to the workspace root ("" when not a path
 *                         dependency)
 * @param git              the git repository URL as written ("" when not a git dependency)
 * @param workspace        declared with {@code workspace = true}: {@code req}, {@code path} and {@code git} are the
 *                         workspace entry's
 * @param optional         {@code optional = true}
 * @param target           the {@code [target.X]} key ({@code cfg(unix)}, a triple), "" when unconditional
 * @param enabledByDefault in the graph of the members' default features: always for a non-optional dependency;
 *                         for an optional one, when the workspace's default feature closure enables it
 * @param inGraph          in the graph deny.toml's {@code [graph]} describes: always for a non-optional
 *                         dependency; for an optional one, with {@code all-features}, or when the feature
 *                         closure from the members' start features ({@code default} unless
 *                         {@code no-default-features}, plus {@code [graph] features}) enables it, through any
 *                         chain of features and across members. Equals {@code enabledByDefault} without {@code [graph]}
 * @param featureGates     for an optional dependency, the member features that enable it directly, as
 *                         {@code member/feature}
 * @param packageId        the locked package it resolves to ("" when not known)
 * @param origin           the declaration's line (its key, or its {@code [dependencies.NAME]} header)
 */
public record DeclaredDependency(String member, String name, String packageName, DepKind kind, String req,
                                 String path, String git, boolean workspace, boolean optional, String target,
                                 boolean enabledByDefault, boolean inGraph, List<String> featureGates,
                                 String packageId, Location origin) {
    /**
     * Copies {@code featureGates} (the fact is immutable); a null {@code path}, {@code git}, {@code target} or
     * {@code packageId} becomes ""; a null {@code featureGates} is empty.
     *
     * @param member           the declaring member's package id
     * @param name             the name it is declared under (the key; differs from {@code packageName} when renamed)
     * @param packageName      the package it names ({@code package = "..."} when renamed)
     * @param kind             normal, dev or build
     * @param req              the version requirement as written (inherited from the workspace entry when
     *                         {@code workspace}); null or "" when none is written. From {@code cargo metadata} it is
     *                         Cargo's normalized text ({@code "1.0"} reads {@code "^1.0"}), and a path or git
     *                         dependency's {@code *} (metadata's word for "no version") reads as none
     * @param path             the directory of a path dependency relative to the workspace root ("" when not a path
     *                         dependency)
     * @param git              the git repository URL as written ("" when not a git dependency)
     * @param workspace        declared with {@code workspace = true}: {@code req}, {@code path} and {@code git} are the
     *                         workspace entry's
     * @param optional         {@code optional = true}
     * @param target           the {@code [target.X]} key ({@code cfg(unix)}, a triple), "" when unconditional
     * @param enabledByDefault in the graph of the members' default features: always for a non-optional dependency; for
     *                         an optional one, when the workspace's default feature closure enables it
     * @param inGraph          in the graph deny.toml's {@code [graph]} describes: always for a non-optional dependency;
     *                         for an optional one, with {@code all-features}, or when the feature closure from the
     *                         members' start features ({@code default} unless {@code no-default-features}, plus
     *                         {@code [graph] features}) enables it, through any chain of features and across members.
     *                         Equals {@code enabledByDefault} without {@code [graph]}
     * @param featureGates     for an optional dependency, the member features that enable it directly, as
     *                         {@code member/feature}
     * @param packageId        the locked package it resolves to ("" when not known)
     * @param origin           the declaration's line (its key, or its {@code [dependencies.NAME]} header)
     */
    public DeclaredDependency {
        path = path == null ? "" : path;
        git = git == null ? "" : git;
        target = target == null ? "" : target;
        featureGates = featureGates == null ? List.of() : List.copyOf(featureGates);
        packageId = packageId == null ? "" : packageId;
    }

    /**
     * The same declaration, in or out of the graph {@code [graph]} describes.
     *
     * @param in whether the dependency is in the graph
     * @return a copy with {@code inGraph} set to {@code in}
     */
    public DeclaredDependency withInGraph(boolean in) {
        return new DeclaredDependency(member, name, packageName, kind, req, path, git, workspace, optional, target,
                enabledByDefault, in, featureGates, packageId, origin);
    }

    /**
     * A wildcard requirement, as cargo-deny's {@code wildcards} check sees it: none written (Cargo then
     * takes {@code *}), or {@code *} itself.
     *
     * @return whether {@code req} is absent, empty, {@code *}, {@code x} or {@code X}
     */
    public boolean isWildcard() {
        if (req == null) return true;
        String r = req.trim();
        return r.isEmpty() || r.equals("*") || r.equals("x") || r.equals("X");
    }

    /**
     * A path or git dependency (not from a registry).
     *
     * @return whether {@code path} or {@code git} is set
     */
    public boolean isPathOrGit() {
        return !path.isEmpty() || !git.isEmpty();
    }

    /**
     * The requirement as a reader sees it: the text, or "none" when none is written.
     *
     * @return {@code req} in backticks ({@code `^1.0`}), or {@code none}
     */
    public String reqText() {
        return req == null || req.isBlank() ? "none" : "`" + req + "`";
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
        b.member = member;
        b.name = name;
        b.packageName = packageName;
        b.kind = kind;
        b.req = req;
        b.path = path;
        b.git = git;
        b.workspace = workspace;
        b.optional = optional;
        b.target = target;
        b.enabledByDefault = enabledByDefault;
        b.inGraph = inGraph;
        b.featureGates = featureGates;
        b.packageId = packageId;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link DeclaredDependency} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String member = "";
        private String name = "";
        private String packageName = "";
        private DepKind kind = DepKind.values()[0];
        private String req = "";
        private String path = "";
        private String git = "";
        private boolean workspace;
        private boolean optional;
        private String target = "";
        private boolean enabledByDefault;
        private boolean inGraph;
        private List<String> featureGates = java.util.List.of();
        private String packageId = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code member}.
         *
         * @param member the declaring member's package id
         * @return this builder
         */
        public Builder member(String member) {
            this.member = member;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the name it is declared under (the key; differs from {@code packageName} when renamed)
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
         * Sets {@code kind}.
         *
         * @param kind normal, dev or build
         * @return this builder
         */
        public Builder kind(DepKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code req}.
         *
         * @param req the version requirement as written (inherited from the workspace entry when {@code workspace}); null or "" when none is written. From {@code cargo metadata} it is Cargo's normalized text ({@code "1.0"} reads {@code "^1.0"}), and a path or git dependency's {@code *} (metadata's word for "no version") reads as none
         * @return this builder
         */
        public Builder req(String req) {
            this.req = req;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path the directory of a path dependency relative to the workspace root ("" when not a path dependency)
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code git}.
         *
         * @param git the git repository URL as written ("" when not a git dependency)
         * @return this builder
         */
        public Builder git(String git) {
            this.git = git;
            return this;
        }

        /**
         * Sets {@code workspace}.
         *
         * @param workspace declared with {@code workspace = true}: {@code req}, {@code path} and {@code git} are the workspace entry's
         * @return this builder
         */
        public Builder workspace(boolean workspace) {
            this.workspace = workspace;
            return this;
        }

        /**
         * Sets {@code optional}.
         *
         * @param optional {@code optional = true}
         * @return this builder
         */
        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        /**
         * Sets {@code target}.
         *
         * @param target the {@code [target.X]} key ({@code cfg(unix)}, a triple), "" when unconditional
         * @return this builder
         */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /**
         * Sets {@code enabledByDefault}.
         *
         * @param enabledByDefault in the graph of the members' default features: always for a non-optional dependency; for an optional one, when the workspace's default feature closure enables it
         * @return this builder
         */
        public Builder enabledByDefault(boolean enabledByDefault) {
            this.enabledByDefault = enabledByDefault;
            return this;
        }

        /**
         * Sets {@code inGraph}.
         *
         * @param inGraph in the graph deny.toml's {@code [graph]} describes: always for a non-optional dependency; for an optional one, with {@code all-features}, or when the feature closure from the members' start features ({@code default} unless {@code no-default-features}, plus {@code [graph] features}) enables it, through any chain of features and across members. Equals {@code enabledByDefault} without {@code [graph]}
         * @return this builder
         */
        public Builder inGraph(boolean inGraph) {
            this.inGraph = inGraph;
            return this;
        }

        /**
         * Sets {@code featureGates}.
         *
         * @param featureGates for an optional dependency, the member features that enable it directly, as {@code member/feature}
         * @return this builder
         */
        public Builder featureGates(List<String> featureGates) {
            this.featureGates = featureGates;
            return this;
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the locked package it resolves to ("" when not known)
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the declaration's line (its key, or its {@code [dependencies.NAME]} header)
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link DeclaredDependency}
         */
        public DeclaredDependency build() {
            return new DeclaredDependency(member, name, packageName, kind, req, path, git, workspace, optional, target, enabledByDefault, inGraph, featureGates, packageId, origin);
        }
    }
}
