package dev.tollgate.api.facts;

import java.util.Collection;
import java.util.List;

/**
 * The {@code [licenses]} table of deny.toml (cargo-deny v2), with where each setting is. Entries
 * of {@code allow} and {@code exceptions} are also facts of their own ({@link AllowedLicense},
 * {@link LicenseException}) so that a finding can point at the one to remove.
 *
 * @param allowed              every {@code allow} entry, parsed
 * @param unusedAllowedLicense   {@code unused-allowed-license}: level for an {@code allow} entry no package needs
 *                               (default warn)
 * @param unusedLicenseException {@code unused-license-exception}: level for an exception no package needs (default
 *                               warn)
 * @param includeDev           check packages reached only through dev-dependencies
 * @param includeBuild         check packages reached only through build-dependencies
 * @param confidenceThreshold  read and checked (0.0–1.0), not used: Tollgate reads no license texts
 * @param privateIgnore        {@code private.ignore}: skip workspace members that are not published
 *                             (or published only to {@code privateRegistries})
 * @param privateRegistries    {@code private.registries}
 * @param ignoreSources        {@code private.ignore-sources}: registry URLs whose packages are skipped
 * @param tableAt                the {@code [licenses]} table (the file alone when there is none)
 */
public record LicensesConfig(List<LicenseReq> allowed, Level unusedAllowedLicense, Level unusedLicenseException,
                             boolean includeDev, boolean includeBuild, double confidenceThreshold,
                             boolean privateIgnore, List<String> privateRegistries, List<String> ignoreSources,
                             Location tableAt) {
    /**
     * Copies {@code allowed}, {@code privateRegistries} and {@code ignoreSources} (the fact is immutable).
     *
     * @param allowed                every {@code allow} entry, parsed
     * @param unusedAllowedLicense   {@code unused-allowed-license}: level for an {@code allow} entry no package needs
     *                               (default warn)
     * @param unusedLicenseException {@code unused-license-exception}: level for an exception no package needs (default
     *                               warn)
     * @param includeDev             check packages reached only through dev-dependencies
     * @param includeBuild           check packages reached only through build-dependencies
     * @param confidenceThreshold    read and checked (0.0–1.0), not used: Tollgate reads no license texts
     * @param privateIgnore          {@code private.ignore}: skip workspace members that are not published (or published
     *                               only to {@code privateRegistries})
     * @param privateRegistries      {@code private.registries}
     * @param ignoreSources          {@code private.ignore-sources}: registry URLs whose packages are skipped
     * @param tableAt                the {@code [licenses]} table (the file alone when there is none)
     */
    public LicensesConfig {
        allowed = List.copyOf(allowed);
        privateRegistries = List.copyOf(privateRegistries);
        ignoreSources = List.copyOf(ignoreSources);
    }

    /**
     * cargo-deny's defaults, for a deny.toml without {@code [licenses]}: nothing allowed.
     *
     * @param file the deny.toml display path, where the table is said to be
     * @return an empty allow list, unused entries warn, build-dependencies checked, dev-dependencies not
     */
    public static LicensesConfig defaults(String file) {
        return new LicensesConfig(List.of(), Level.WARN, Level.WARN, false, true, 0.8, false, List.of(), List.of(),
                Location.file(file));
    }

    /**
     * Whether a member's {@code publish} list names only private registries (or nothing).
     *
     * @param publish the member's {@code publish} registries; null means any registry
     * @return true for {@code publish = false} or a list within {@code private.registries}; false for null
     */
    public boolean publishesOnlyPrivately(Collection<String> publish) {
        if (publish == null) return false;
        for (String r : publish) if (!privateRegistries.contains(r)) return false;
        return true;
    }
}
