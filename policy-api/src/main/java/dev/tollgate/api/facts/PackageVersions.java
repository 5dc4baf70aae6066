package dev.tollgate.api.facts;

import java.util.List;

/**
 * A crate name that the lockfile holds in more than one version: the extractor groups the locked
 * packages by name once (O(V)), so that duplicate detection is a per-name accumulate rather than an
 * all-pairs join.
 *
 * @param name the crate name
 * @param ids  the locked package ids with that name, by ascending version
 */
public record PackageVersions(String name, List<String> ids) {
    /**
     * Copies {@code ids} (the fact is immutable).
     *
     * @param name the crate name
     * @param ids  the locked package ids with that name, by ascending version
     */
    public PackageVersions {
        ids = List.copyOf(ids);
    }
}
