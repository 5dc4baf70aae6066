package dev.tollgate.api.facts;

import java.util.List;

/**
 * Several ways a package is reached from the workspace members, shortest first and bounded: each path
 * is a list of package ids from a member to the package, and no two paths end in the same last edge.
 * {@link Inclusion#path()} is the first of them. Built for packages a finding lists side by side
 * (the versions of a duplicate).
 *
 * @param packageId the package
 * @param name      its crate name (so that rules join on it by an indexed {@code name ==})
 * @param paths     at most a handful of paths, shortest first (ties by id)
 * @param more      how many further direct dependents lead to the package and were left out
 * @param inclusion the package's {@link Inclusion}
 */
public record InclusionPaths(String packageId, String name, List<List<String>> paths, int more, Inclusion inclusion) {
    /**
     * Copies {@code paths} and each path (the fact is immutable).
     *
     * @param packageId the package
     * @param name      its crate name (so that rules join on it by an indexed {@code name ==})
     * @param paths     at most a handful of paths, shortest first (ties by id)
     * @param more      how many further direct dependents lead to the package and were left out
     * @param inclusion the package's {@link Inclusion}
     */
    public InclusionPaths {
        paths = paths.stream().map(List::copyOf).toList();
    }
}
