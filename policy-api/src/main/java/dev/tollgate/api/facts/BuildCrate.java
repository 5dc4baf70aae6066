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
        b.packageId = packageId;
        b.buildScript = buildScript;
        b.procMacro = procMacro;
        b.member = member;
        b.inScope = inScope;
        b.sourcesHere = sourcesHere;
        b.crateDir = crateDir;
        b.buildScriptPath = buildScriptPath;
            b.buildScriptSha256 = buildScriptSha256;
        b.features = features;
        b.bypass = bypass;
        b.filesScanned = filesScanned;
        return b;
    }

    /** Builds a {@link BuildCrate} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private boolean buildScript;
        private boolean procMacro;
        private boolean member;
        private boolean inScope;
        private boolean sourcesHere;
        private String crateDir = "";
        private String buildScriptPath = "";
        private String buildScriptSha256 = "";
        private List<String> features = java.util.List.of();
        private int bypass;
        private int filesScanned;

        private Builder() {
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the package ({@code name@version})
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code buildScript}.
         *
         * @param buildScript it has a build script (a {@code custom-build} target)
         * @return this builder
         */
        public Builder buildScript(boolean buildScript) {
            this.buildScript = buildScript;
            return this;
        }

        /**
         * Sets {@code procMacro}.
         *
         * @param procMacro it is a proc-macro
         * @return this builder
         */
        public Builder procMacro(boolean procMacro) {
            this.procMacro = procMacro;
            return this;
        }

        /**
         * Sets {@code member}.
         *
         * @param member it is a workspace member
         * @return this builder
         */
        public Builder member(boolean member) {
            this.member = member;
            return this;
        }

        /**
         * Sets {@code inScope}.
         *
         * @param inScope cargo-deny checks it: a crate that runs at compile time, or (with {@code include-dependencies}) a crate such a crate depends on; members only with {@code include-workspace}
         * @return this builder
         */
        public Builder inScope(boolean inScope) {
            this.inScope = inScope;
            return this;
        }

        /**
         * Sets {@code sourcesHere}.
         *
         * @param sourcesHere its sources are on this machine (the directory of its manifest exists), so its files were scanned when in scope
         * @return this builder
         */
        public Builder sourcesHere(boolean sourcesHere) {
            this.sourcesHere = sourcesHere;
            return this;
        }

        /**
         * Sets {@code crateDir}.
         *
         * @param crateDir the directory of its manifest, as metadata gives it
         * @return this builder
         */
        public Builder crateDir(String crateDir) {
            this.crateDir = crateDir;
            return this;
        }

        /**
         * Sets {@code buildScriptPath}.
         *
         * @param buildScriptPath the build script, relative to the crate, "" when none
         * @return this builder
         */
        public Builder buildScriptPath(String buildScriptPath) {
            this.buildScriptPath = buildScriptPath;
            return this;
        }

        /**
         * Sets {@code buildScriptSha256}.
         *
         * @param buildScriptSha256 the build script's SHA-256, computed when a bypass gives {@code build-script}; "" when not computed (no such bypass, or the sources are not here)
         * @return this builder
         */
        public Builder buildScriptSha256(String buildScriptSha256) {
            this.buildScriptSha256 = buildScriptSha256;
            return this;
        }

        /**
         * Sets {@code features}.
         *
         * @param features the features enabled on it in the resolve
         * @return this builder
         */
        public Builder features(List<String> features) {
            this.features = features;
            return this;
        }

        /**
         * Sets {@code bypass}.
         *
         * @param bypass the index of the first {@code bypass} entry whose spec matches it, -1 when none
         * @return this builder
         */
        public Builder bypass(int bypass) {
            this.bypass = bypass;
            return this;
        }

        /**
         * Sets {@code filesScanned}.
         *
         * @param filesScanned how many files were scanned (0 when not scanned)
         * @return this builder
         */
        public Builder filesScanned(int filesScanned) {
            this.filesScanned = filesScanned;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link BuildCrate}
         */
        public BuildCrate build() {
            return new BuildCrate(packageId, buildScript, procMacro, member, inScope, sourcesHere, crateDir, buildScriptPath, buildScriptSha256, features, bypass, filesScanned);
        }
    }
}
