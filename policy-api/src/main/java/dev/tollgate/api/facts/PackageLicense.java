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
}
