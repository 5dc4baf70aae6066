package dev.tollgate.api.facts;

import java.util.List;

/**
 * A package of {@code cargo metadata} as {@code [bans.build]} sees it (only when that table is present): whether
 * it runs code at compile time, whether it is to be scanned, and whether its sources are on this machine.
 *
 * @param packageId         the package ({@code name@version})
 * @param buildScript       it has a build script (a {@code custom-build} target)
 * @param procMacro         it is a proc-macro
 * @param member            it is a workspace member
 * @param inScope           cargo-deny checks it: a crate that runs at compile time, or (with
 *                          {@code include-dependencies}) a crate such a crate depends on; members only with
 *                          {@code include-workspace}
 * @param sourcesHere       its sources are on this machine (the directory of its manifest exists), so its files
 *                          were scanned when in scope
 * @param crateDir          the directory of its manifest, as metadata gives it
 * @param buildScriptPath   the build script, relative to the crate, "" when none
 * @param buildScriptSha256 the build script's SHA-256, computed when a bypass gives {@code build-script}; "" when
 *                          not computed (no such bypass, or the sources are not here)
 * @param features          the features enabled on it in the resolve
 * @param bypass            the index of the first {@code bypass} entry whose spec matches it, -1 when none
 * @param filesScanned      how many files were scanned (0 when not scanned)
 */
public record BuildCrate(String packageId, boolean buildScript, boolean procMacro, boolean member, boolean inScope,
                         boolean sourcesHere, String crateDir, String buildScriptPath, String buildScriptSha256,
                         List<String> features, int bypass, int filesScanned) {
    /**
     * Copies {@code features} (the fact is immutable); a null {@code buildScriptPath}, {@code buildScriptSha256} or
     * {@code crateDir} becomes "".
     *
     * @param packageId         the package ({@code name@version})
     * @param buildScript       it has a build script (a {@code custom-build} target)
     * @param procMacro         it is a proc-macro
     * @param member            it is a workspace member
     * @param inScope           cargo-deny checks it: a crate that runs at compile time, or (with
     *                          {@code include-dependencies}) a crate such a crate depends on; members only with
     *                          {@code include-workspace}
     * @param sourcesHere       its sources are on this machine (the directory of its manifest exists), so its files
     *                          were scanned when in scope
     * @param crateDir          the directory of its manifest, as metadata gives it
     * @param buildScriptPath   the build script, relative to the crate, "" when none
     * @param buildScriptSha256 the build script's SHA-256, computed when a bypass gives {@code build-script}; "" when
     *                          not computed (no such bypass, or the sources are not here)
     * @param features          the features enabled on it in the resolve
     * @param bypass            the index of the first {@code bypass} entry whose spec matches it, -1 when none
     * @param filesScanned      how many files were scanned (0 when not scanned)
     */
    public BuildCrate {
        features = List.copyOf(features);
        buildScriptPath = buildScriptPath == null ? "" : buildScriptPath;
        buildScriptSha256 = buildScriptSha256 == null ? "" : buildScriptSha256;
        crateDir = crateDir == null ? "" : crateDir;
    }

    /**
     * It runs code at compile time: a build script or a proc-macro.
     *
     * @return {@code buildScript || procMacro}
     */
    public boolean runsAtBuildTime() {
        return buildScript || procMacro;
    }
}
