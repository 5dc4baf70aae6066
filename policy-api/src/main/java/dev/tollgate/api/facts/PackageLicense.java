package dev.tollgate.api.facts;

import java.util.List;

/**
 * The license of one package, from {@code cargo metadata} ({@code license}, {@code license_file}),
 * or from a {@code [[licenses.clarify]]} entry of deny.toml that replaces it.
 *
 * @param packageId        the locked package id ({@link LockedPackage#id()})
 * @param name             the package name
 * @param version          the package version
 * @param declared         the {@code license} field as published, or null when there is none
 * @param licenseFile      the {@code license_file} field, or null
 * @param expression       the parsed requirement (the clarified one when {@code clarifiedAt} is known);
 *                         null when there is none or it does not parse
 * @param parseError       why {@code declared} does not parse ({@code column N: ...}), or null
 * @param clarifiedAt      the {@code [[licenses.clarify]]} entry applied, or {@link Location#NONE}
 * @param unverified       what a clarification could not check (its license-files hashes), or ""
 * @param exceptionAllowed licenses that {@code [[licenses.exceptions]]} entries matching this
 *                         package allow for it, in file order
 * @param member           a workspace member
 * @param publish          the registries the package may be published to; null means any (no
 *                         {@code publish} key), empty means {@code publish = false}
 * @param source           the package's source URL (registry or git), "" for path packages
 * @param origin           where findings point: the package's Cargo.lock entry or the metadata file
 */
public record PackageLicense(String packageId, String name, String version, String declared, String licenseFile,
                             LicenseExpression expression, String parseError, Location clarifiedAt, String unverified,
                             List<LicenseReq> exceptionAllowed, boolean member, List<String> publish, String source,
                             Location origin) {
    /**
     * Copies the lists (the fact is immutable); a null {@code clarifiedAt} is {@link Location#NONE}, a null
     * {@code unverified} or {@code source} is "", and an empty {@code parseError} or {@code licenseFile} is null.
     *
     * @param packageId        the locked package id ({@link LockedPackage#id()})
     * @param name             the package name
     * @param version          the package version
     * @param declared         the {@code license} field as published, or null when there is none
     * @param licenseFile      the {@code license_file} field, or null
     * @param expression       the parsed requirement (the clarified one when {@code clarifiedAt} is known); null when
     *                         there is none or it does not parse
     * @param parseError       why {@code declared} does not parse ({@code column N: ...}), or null
     * @param clarifiedAt      the {@code [[licenses.clarify]]} entry applied, or {@link Location#NONE}
     * @param unverified       what a clarification could not check (its license-files hashes), or ""
     * @param exceptionAllowed licenses that {@code [[licenses.exceptions]]} entries matching this package allow for it,
     *                         in file order
     * @param member           a workspace member
     * @param publish          the registries the package may be published to; null means any (no {@code publish} key),
     *                         empty means {@code publish = false}
     * @param source           the package's source URL (registry or git), "" for path packages
     * @param origin           where findings point: the package's Cargo.lock entry or the metadata file
     */
    public PackageLicense {
        exceptionAllowed = List.copyOf(exceptionAllowed);
        publish = publish == null ? null : List.copyOf(publish);
        if (clarifiedAt == null) clarifiedAt = Location.NONE;
        if (unverified == null) unverified = "";
        if (source == null) source = "";
        if (parseError != null && parseError.isEmpty()) parseError = null; // an empty reason is no error
        if (licenseFile != null && licenseFile.isEmpty()) licenseFile = null; // an empty path is no file
    }

    /**
     * The way findings name a package.
     *
     * @return {@code name@version}
     */
    public String spec() {
        return name + "@" + version;
    }

    /**
     * Whether a {@code [[licenses.clarify]]} entry replaced the published license.
     *
     * @return whether {@code clarifiedAt} is known
     */
    public boolean isClarified() {
        return clarifiedAt.isKnown();
    }

    /**
     * No license expression: none declared (or only a {@code license_file}) and none clarified.
     *
     * @return whether there is neither an expression nor a parse error
     */
    public boolean isUnlicensed() {
        return expression == null && parseError == null;
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
        b.name = name;
        b.version = version;
        b.declared = declared;
        b.licenseFile = licenseFile;
        b.expression = expression;
        b.parseError = parseError;
        b.clarifiedAt = clarifiedAt;
        b.unverified = unverified;
        b.exceptionAllowed = exceptionAllowed;
        b.member = member;
        b.publish = publish;
        b.source = source;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link PackageLicense} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private String name = "";
        private String version = "";
        private String declared = "";
        private String licenseFile = "";
        private LicenseExpression expression = null;
        private String parseError = "";
        private Location clarifiedAt = Location.NONE;
        private String unverified = "";
        private List<LicenseReq> exceptionAllowed = java.util.List.of();
        private boolean member;
        private List<String> publish = java.util.List.of();
        private String source = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the locked package id ({@link LockedPackage#id()})
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the package name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param version the package version
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code declared}.
         *
         * @param declared the {@code license} field as published, or null when there is none
         * @return this builder
         */
        public Builder declared(String declared) {
            this.declared = declared;
            return this;
        }

        /**
         * Sets {@code licenseFile}.
         *
         * @param licenseFile the {@code license_file} field, or null
         * @return this builder
         */
        public Builder licenseFile(String licenseFile) {
            this.licenseFile = licenseFile;
            return this;
        }

        /**
         * Sets {@code expression}.
         *
         * @param expression the parsed requirement (the clarified one when {@code clarifiedAt} is known); null when there is none or it does not parse
         * @return this builder
         */
        public Builder expression(LicenseExpression expression) {
            this.expression = expression;
            return this;
        }

        /**
         * Sets {@code parseError}.
         *
         * @param parseError why {@code declared} does not parse ({@code column N: ...}), or null
         * @return this builder
         */
        public Builder parseError(String parseError) {
            this.parseError = parseError;
            return this;
        }

        /**
         * Sets {@code clarifiedAt}.
         *
         * @param clarifiedAt the {@code [[licenses.clarify]]} entry applied, or {@link Location#NONE}
         * @return this builder
         */
        public Builder clarifiedAt(Location clarifiedAt) {
            this.clarifiedAt = clarifiedAt;
            return this;
        }

        /**
         * Sets {@code unverified}.
         *
         * @param unverified what a clarification could not check (its license-files hashes), or ""
         * @return this builder
         */
        public Builder unverified(String unverified) {
            this.unverified = unverified;
            return this;
        }

        /**
         * Sets {@code exceptionAllowed}.
         *
         * @param exceptionAllowed licenses that {@code [[licenses.exceptions]]} entries matching this package allow for it, in file order
         * @return this builder
         */
        public Builder exceptionAllowed(List<LicenseReq> exceptionAllowed) {
            this.exceptionAllowed = exceptionAllowed;
            return this;
        }

        /**
         * Sets {@code member}.
         *
         * @param member a workspace member
         * @return this builder
         */
        public Builder member(boolean member) {
            this.member = member;
            return this;
        }

        /**
         * Sets {@code publish}.
         *
         * @param publish the registries the package may be published to; null means any (no {@code publish} key), empty means {@code publish = false}
         * @return this builder
         */
        public Builder publish(List<String> publish) {
            this.publish = publish;
            return this;
        }

        /**
         * Sets {@code source}.
         *
         * @param source the package's source URL (registry or git), "" for path packages
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where findings point: the package's Cargo.lock entry or the metadata file
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link PackageLicense}
         */
        public PackageLicense build() {
            return new PackageLicense(packageId, name, version, declared, licenseFile, expression, parseError, clarifiedAt, unverified, exceptionAllowed, member, publish, source, origin);
        }
    }
}
