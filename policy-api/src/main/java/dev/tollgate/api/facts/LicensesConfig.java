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
        b.allowed = allowed;
        b.unusedAllowedLicense = unusedAllowedLicense;
        b.unusedLicenseException = unusedLicenseException;
        b.includeDev = includeDev;
        b.includeBuild = includeBuild;
        b.confidenceThreshold = confidenceThreshold;
        b.privateIgnore = privateIgnore;
        b.privateRegistries = privateRegistries;
        b.ignoreSources = ignoreSources;
        b.tableAt = tableAt;
        return b;
    }

    /** Builds a {@link LicensesConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private List<LicenseReq> allowed = java.util.List.of();
        private Level unusedAllowedLicense = Level.values()[0];
        private Level unusedLicenseException = Level.values()[0];
        private boolean includeDev;
        private boolean includeBuild;
        private double confidenceThreshold;
        private boolean privateIgnore;
        private List<String> privateRegistries = java.util.List.of();
        private List<String> ignoreSources = java.util.List.of();
        private Location tableAt = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code allowed}.
         *
         * @param allowed every {@code allow} entry, parsed
         * @return this builder
         */
        public Builder allowed(List<LicenseReq> allowed) {
            this.allowed = allowed;
            return this;
        }

        /**
         * Sets {@code unusedAllowedLicense}.
         *
         * @param unusedAllowedLicense {@code unused-allowed-license}: level for an {@code allow} entry no package needs (default warn)
         * @return this builder
         */
        public Builder unusedAllowedLicense(Level unusedAllowedLicense) {
            this.unusedAllowedLicense = unusedAllowedLicense;
            return this;
        }

        /**
         * Sets {@code unusedLicenseException}.
         *
         * @param unusedLicenseException {@code unused-license-exception}: level for an exception no package needs (default warn)
         * @return this builder
         */
        public Builder unusedLicenseException(Level unusedLicenseException) {
            this.unusedLicenseException = unusedLicenseException;
            return this;
        }

        /**
         * Sets {@code includeDev}.
         *
         * @param includeDev check packages reached only through dev-dependencies
         * @return this builder
         */
        public Builder includeDev(boolean includeDev) {
            this.includeDev = includeDev;
            return this;
        }

        /**
         * Sets {@code includeBuild}.
         *
         * @param includeBuild check packages reached only through build-dependencies
         * @return this builder
         */
        public Builder includeBuild(boolean includeBuild) {
            this.includeBuild = includeBuild;
            return this;
        }

        /**
         * Sets {@code confidenceThreshold}.
         *
         * @param confidenceThreshold read and checked (0.0–1.0), not used: Tollgate reads no license texts
         * @return this builder
         */
        public Builder confidenceThreshold(double confidenceThreshold) {
            this.confidenceThreshold = confidenceThreshold;
            return this;
        }

        /**
         * Sets {@code privateIgnore}.
         *
         * @param privateIgnore {@code private.ignore}: skip workspace members that are not published (or published only to {@code privateRegistries})
         * @return this builder
         */
        public Builder privateIgnore(boolean privateIgnore) {
            this.privateIgnore = privateIgnore;
            return this;
        }

        /**
         * Sets {@code privateRegistries}.
         *
         * @param privateRegistries {@code private.registries}
         * @return this builder
         */
        public Builder privateRegistries(List<String> privateRegistries) {
            this.privateRegistries = privateRegistries;
            return this;
        }

        /**
         * Sets {@code ignoreSources}.
         *
         * @param ignoreSources {@code private.ignore-sources}: registry URLs whose packages are skipped
         * @return this builder
         */
        public Builder ignoreSources(List<String> ignoreSources) {
            this.ignoreSources = ignoreSources;
            return this;
        }

        /**
         * Sets {@code tableAt}.
         *
         * @param tableAt the {@code [licenses]} table (the file alone when there is none)
         * @return this builder
         */
        public Builder tableAt(Location tableAt) {
            this.tableAt = tableAt;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link LicensesConfig}
         */
        public LicensesConfig build() {
            return new LicensesConfig(allowed, unusedAllowedLicense, unusedLicenseException, includeDev, includeBuild, confidenceThreshold, privateIgnore, privateRegistries, ignoreSources, tableAt);
        }
    }
}
