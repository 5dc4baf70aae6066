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
}
