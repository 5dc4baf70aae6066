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
}
