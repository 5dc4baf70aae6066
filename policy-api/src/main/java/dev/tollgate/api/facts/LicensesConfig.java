package dev.tollgate.api.facts;

import java.util.Collection;
import java.util.List;

/**
 * The {@code [licenses]} table of deny.toml (cargo-deny v2), with where each setting is. Entries
 * of {@code allow} and {@code exceptions} are also facts of their own ({@link AllowedLicense},
 * {@link LicenseException}) so that a finding can point at the one to remove.
 *
 * @param allowed              every {@code allow} entry, parsed
 * @param includeDev           check packages reached only through dev-dependencies
 * @param includeBuild         check packages reached only through build-dependencies
 * @param confidenceThreshold  read and checked (0.0–1.0), not used: Tollgate reads no license texts
 * @param privateIgnore        {@code private.ignore}: skip workspace members that are not published
 *                             (or published only to {@code privateRegistries})
 * @param privateRegistries    {@code private.registries}
 * @param ignoreSources        {@code private.ignore-sources}: registry URLs whose packages are skipped
 */
public record LicensesConfig(List<LicenseReq> allowed, Level unusedAllowedLicense, Level unusedLicenseException,
                             boolean includeDev, boolean includeBuild, double confidenceThreshold,
                             boolean privateIgnore, List<String> privateRegistries, List<String> ignoreSources,
                             Location tableAt) {
    public LicensesConfig {
        allowed = List.copyOf(allowed);
        privateRegistries = List.copyOf(privateRegistries);
        ignoreSources = List.copyOf(ignoreSources);
    }

    public static LicensesConfig defaults(String file) {
        return new LicensesConfig(List.of(), Level.WARN, Level.WARN, false, true, 0.8, false, List.of(), List.of(),
                Location.file(file));
    }

    /** The crate's license is acceptable: its expression holds with {@code allow} plus its exceptions. */
    public boolean accepts(PackageLicense p) {
        return p.expression() != null && p.expression().satisfiedBy(allowed, p.exceptionAllowed());
    }

    /** The terms of {@code p}'s expression that neither {@code allow} nor its exceptions accept. */
    public List<LicenseReq> rejectedTerms(PackageLicense p) {
        if (p.expression() == null) return List.of();
        if (p.exceptionAllowed().isEmpty()) return p.expression().rejectedTerms(allowed);
        java.util.ArrayList<LicenseReq> all = new java.util.ArrayList<>(allowed);
        all.addAll(p.exceptionAllowed());
        return p.expression().rejectedTerms(all);
    }

    /** {@code p}'s expression against {@code allow} plus its exceptions (not accepted when there is none). */
    public LicenseEvaluation evaluate(PackageLicense p) {
        java.util.ArrayList<LicenseReq> all = new java.util.ArrayList<>(allowed);
        all.addAll(p.exceptionAllowed());
        if (p.expression() == null) return new LicenseEvaluation(false, List.of(), all);
        return new LicenseEvaluation(p.expression().satisfiedBy(all), p.expression().rejectedTerms(all), all);
    }

    /** Whether a member's {@code publish} list names only private registries (or nothing). */
    public boolean publishesOnlyPrivately(Collection<String> publish) {
        if (publish == null) return false;
        for (String r : publish) if (!privateRegistries.contains(r)) return false;
        return true;
    }
}
