package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * A workspace member crate, from its {@code Cargo.toml}.
 *
 * @param id               the locked package id of this member ({@code name@version})
 * @param manifestPath     manifest path relative to the repository root ({@code crates/foo/Cargo.toml})
 * @param dir              the member's directory relative to the root ("" for the root package)
 * @param versionInherited {@code version.workspace = true}
 * @param publish          false when {@code publish = false} (or an empty registry list)
 * @param features         the {@code [features]} table, in manifest order
 * @param origin           the manifest's {@code [package]} line
 */
public record WorkspaceMember(String id, String name, String version, String manifestPath, String dir,
                              boolean versionInherited, boolean publish,
                              Map<String, List<String>> features, Location origin) {
    public WorkspaceMember {
        features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
    }

    public List<String> defaultFeatures() {
        return features.getOrDefault("default", List.of());
    }
}
