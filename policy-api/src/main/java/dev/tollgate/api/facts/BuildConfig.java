package dev.tollgate.api.facts;

import java.util.List;

/**
 * deny.toml's {@code [bans.build]} table (cargo-deny's checks of crates that run code at compile time),
 * present only when the table is. Defaults are cargo-deny's. The {@code allow-build-scripts} and
 * {@code bypass} entries are {@link CrateSpecEntry} facts of the lists {@code build.allow-build-scripts} and
 * {@code build.bypass}, with {@link BuildBypass} and {@link BuildBypassPath} for what a bypass allows.
 *
 * @param allowBuildScripts   {@code allow-build-scripts} is present: a crate with a build script must be listed
 *                            (an empty list allows none)
 * @param executables         {@code executables} (default deny): native executables (ELF, PE, Mach-O)
 * @param interpreted         {@code interpreted} (default allow): scripts that start with {@code #!}
 * @param scriptExtensions    {@code script-extensions}, plus the builtin ones when {@code enable-builtin-globs}:
 *                            the extensions (without the dot) whose files are denied
 * @param enableBuiltinGlobs  {@code enable-builtin-globs} (default false)
 * @param includeDependencies {@code include-dependencies} (default false): also scan every crate that a crate
 *                            running at compile time depends on, directly or not
 * @param includeWorkspace    {@code include-workspace} (default false): also check workspace members
 * @param includeArchives     {@code include-archives} (default false): {@code ar} archives count as executables
 * @param metadata            the facts came from {@code cargo metadata}, which says which crates have a build
 *                            script or are proc-macros; false means none of the checks can be evaluated
 * @param origin              the table's header line
 * @param allowBuildScriptsAt the {@code allow-build-scripts} key, or the table when absent
 */
public record BuildConfig(boolean allowBuildScripts, Level executables, Level interpreted, List<String> scriptExtensions,
                          boolean enableBuiltinGlobs, boolean includeDependencies, boolean includeWorkspace,
                          boolean includeArchives, boolean metadata, Location origin, Location allowBuildScriptsAt) {
    /**
     * Copies {@code scriptExtensions} (the fact is immutable).
     *
     * @param allowBuildScripts   {@code allow-build-scripts} is present: a crate with a build script must be listed (an
     *                            empty list allows none)
     * @param executables         {@code executables} (default deny): native executables (ELF, PE, Mach-O)
     * @param interpreted         {@code interpreted} (default allow): scripts that start with {@code #!}
     * @param scriptExtensions    {@code script-extensions}, plus the builtin ones when {@code enable-builtin-globs}:
     *                            the extensions (without the dot) whose files are denied
     * @param enableBuiltinGlobs  {@code enable-builtin-globs} (default false)
     * @param includeDependencies {@code include-dependencies} (default false): also scan every crate that a crate
     *                            running at compile time depends on, directly or not
     * @param includeWorkspace    {@code include-workspace} (default false): also check workspace members
     * @param includeArchives     {@code include-archives} (default false): {@code ar} archives count as executables
     * @param metadata            the facts came from {@code cargo metadata}, which says which crates have a build
     *                            script or are proc-macros; false means none of the checks can be evaluated
     * @param origin              the table's header line
     * @param allowBuildScriptsAt the {@code allow-build-scripts} key, or the table when absent
     */
    public BuildConfig {
        scriptExtensions = List.copyOf(scriptExtensions);
    }

    /**
     * cargo-deny's defaults for a {@code [bans.build]} table without keys (metadata assumed present).
     *
     * @param file the deny.toml display path, where every setting is said to be
     * @return executables deny, interpreted allow, no script extensions, nothing included beyond build-time crates
     */
    public static BuildConfig defaults(String file) {
        Location f = Location.file(file);
        return new BuildConfig(false, Level.DENY, Level.ALLOW, List.of(), false, false, false, false, true, f, f);
    }

    /**
     * Files are scanned: cargo-deny scans nothing when {@code executables = "allow"}.
     *
     * @return whether {@code executables} is not {@code allow}
     */
    public boolean scans() {
        return executables != Level.ALLOW;
    }

    /**
     * Whether some configured check reports errors: what a check that cannot run costs.
     *
     * @return true with {@code allow-build-scripts}, or when scanning with a deny level or script extensions
     */
    public boolean denies() {
        return allowBuildScripts
                || (scans() && (executables == Level.DENY || interpreted == Level.DENY || !scriptExtensions.isEmpty()));
    }

    /**
     * Whether cargo-deny would check anything at all with these settings.
     *
     * @return true with {@code allow-build-scripts} or when files are scanned
     */
    public boolean checksAnything() {
        return allowBuildScripts || scans();
    }

    /**
     * This config, with {@code metadata} set.
     *
     * @param hasMetadata whether {@code cargo metadata} was given (without it, no crate's files can be scanned)
     * @return a copy with {@code metadata} set to {@code hasMetadata}
     */
    public BuildConfig withMetadata(boolean hasMetadata) {
        return new BuildConfig(allowBuildScripts, executables, interpreted, scriptExtensions, enableBuiltinGlobs,
                includeDependencies, includeWorkspace, includeArchives, hasMetadata, origin, allowBuildScriptsAt);
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
        b.allowBuildScripts = allowBuildScripts;
        b.executables = executables;
        b.interpreted = interpreted;
        b.scriptExtensions = scriptExtensions;
        b.enableBuiltinGlobs = enableBuiltinGlobs;
        b.includeDependencies = includeDependencies;
        b.includeWorkspace = includeWorkspace;
        b.includeArchives = includeArchives;
        b.metadata = metadata;
        b.origin = origin;
        b.allowBuildScriptsAt = allowBuildScriptsAt;
        return b;
    }

    /** Builds a {@link BuildConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private boolean allowBuildScripts;
        private Level executables = Level.values()[0];
        private Level interpreted = Level.values()[0];
        private List<String> scriptExtensions = java.util.List.of();
        private boolean enableBuiltinGlobs;
        private boolean includeDependencies;
        private boolean includeWorkspace;
        private boolean includeArchives;
        private boolean metadata;
        private Location origin = Location.NONE;
        private Location allowBuildScriptsAt = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code allowBuildScripts}.
         *
         * @param allowBuildScripts {@code allow-build-scripts} is present: a crate with a build script must be listed (an empty list allows none)
         * @return this builder
         */
        public Builder allowBuildScripts(boolean allowBuildScripts) {
            this.allowBuildScripts = allowBuildScripts;
            return this;
        }

        /**
         * Sets {@code executables}.
         *
         * @param executables {@code executables} (default deny): native executables (ELF, PE, Mach-O)
         * @return this builder
         */
        public Builder executables(Level executables) {
            this.executables = executables;
            return this;
        }

        /**
         * Sets {@code interpreted}.
         *
         * @param interpreted {@code interpreted} (default allow): scripts that start with {@code #!}
         * @return this builder
         */
        public Builder interpreted(Level interpreted) {
            this.interpreted = interpreted;
            return this;
        }

        /**
         * Sets {@code scriptExtensions}.
         *
         * @param scriptExtensions {@code script-extensions}, plus the builtin ones when {@code enable-builtin-globs}: the extensions (without the dot) whose files are denied
         * @return this builder
         */
        public Builder scriptExtensions(List<String> scriptExtensions) {
            this.scriptExtensions = scriptExtensions;
            return this;
        }

        /**
         * Sets {@code enableBuiltinGlobs}.
         *
         * @param enableBuiltinGlobs {@code enable-builtin-globs} (default false)
         * @return this builder
         */
        public Builder enableBuiltinGlobs(boolean enableBuiltinGlobs) {
            this.enableBuiltinGlobs = enableBuiltinGlobs;
            return this;
        }

        /**
         * Sets {@code includeDependencies}.
         *
         * @param includeDependencies {@code include-dependencies} (default false): also scan every crate that a crate running at compile time depends on, directly or not
         * @return this builder
         */
        public Builder includeDependencies(boolean includeDependencies) {
            this.includeDependencies = includeDependencies;
            return this;
        }

        /**
         * Sets {@code includeWorkspace}.
         *
         * @param includeWorkspace {@code include-workspace} (default false): also check workspace members
         * @return this builder
         */
        public Builder includeWorkspace(boolean includeWorkspace) {
            this.includeWorkspace = includeWorkspace;
            return this;
        }

        /**
         * Sets {@code includeArchives}.
         *
         * @param includeArchives {@code include-archives} (default false): {@code ar} archives count as executables
         * @return this builder
         */
        public Builder includeArchives(boolean includeArchives) {
            this.includeArchives = includeArchives;
            return this;
        }

        /**
         * Sets {@code metadata}.
         *
         * @param metadata the facts came from {@code cargo metadata}, which says which crates have a build script or are proc-macros; false means none of the checks can be evaluated
         * @return this builder
         */
        public Builder metadata(boolean metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the table's header line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code allowBuildScriptsAt}.
         *
         * @param allowBuildScriptsAt the {@code allow-build-scripts} key, or the table when absent
         * @return this builder
         */
        public Builder allowBuildScriptsAt(Location allowBuildScriptsAt) {
            this.allowBuildScriptsAt = allowBuildScriptsAt;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BuildConfig}
         */
        public BuildConfig build() {
            return new BuildConfig(allowBuildScripts, executables, interpreted, scriptExtensions, enableBuiltinGlobs, includeDependencies, includeWorkspace, includeArchives, metadata, origin, allowBuildScriptsAt);
        }
    }
}
