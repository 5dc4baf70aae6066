package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * A workspace member crate, from its {@code Cargo.toml}.
 *
 * @param id               the locked package id of this member ({@code name@version})
 * @param name             the {@code package.name} ({@code my-crate})
 * @param version          the {@code package.version}, resolved when inherited ({@code 0.4.1})
 * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
 * @param dir              the member's directory relative to the root ("" for the root package)
 * @param versionInherited {@code version.workspace = true}
 * @param publish          false when {@code publish = false} (or an empty registry list)
 * @param features         the {@code [features]} table, in manifest order
 * @param origin           the manifest's {@code [package]} line
 * @param rustVersion      the crate's {@code rust-version} (the minimum supported Rust version), resolved when
 *                         inherited with {@code rust-version.workspace = true}; "" when the crate sets none
 */
public record WorkspaceMember(String id, String name, String version, String manifestPath, String dir,
                              boolean versionInherited, boolean publish,
                              Map<String, List<String>> features, Location origin, String rustVersion) {
    /**
     * Copies {@code features} (the fact is immutable); a null {@code rustVersion} becomes "".
     *
     * @param id               the locked package id of this member ({@code name@version})
     * @param name             the {@code package.name} ({@code my-crate})
     * @param version          the {@code package.version}, resolved when inherited ({@code 0.4.1})
     * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
     * @param dir              the member's directory relative to the root ("" for the root package)
     * @param versionInherited {@code version.workspace = true}
     * @param publish          false when {@code publish = false} (or an empty registry list)
     * @param features         the {@code [features]} table, in manifest order
     * @param origin           the manifest's {@code [package]} line
     * @param rustVersion      the crate's {@code rust-version} (the minimum supported Rust version), resolved when
     *                         inherited with {@code rust-version.workspace = true}; "" when the crate sets none
     */
    public WorkspaceMember {
        features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
        rustVersion = rustVersion == null ? "" : rustVersion;
    }

    /**
     * A member whose {@code rust-version} is not known (the constructor before {@code rustVersion} was added).
     *
     * @param id               the locked package id of this member ({@code name@version})
     * @param name             the {@code package.name} ({@code my-crate})
     * @param version          the {@code package.version}, resolved when inherited ({@code 0.4.1})
     * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
     * @param dir              the member's directory relative to the root ("" for the root package)
     * @param versionInherited {@code version.workspace = true}
     * @param publish          false when {@code publish = false} (or an empty registry list)
     * @param features         the {@code [features]} table, in manifest order
     * @param origin           the manifest's {@code [package]} line
     */
    public WorkspaceMember(String id, String name, String version, String manifestPath, String dir,
                           boolean versionInherited, boolean publish, Map<String, List<String>> features, Location origin) {
        this(id, name, version, manifestPath, dir, versionInherited, publish, features, origin, "");
    }

    /**
     * The features the {@code default} feature enables.
     *
     * @return the {@code default} entry of {@code features}, or an empty list
     */
    public List<String> defaultFeatures() {
        return features.getOrDefault("default", List.of());
    }
}
