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
}
