package dev.tollgate.api.facts;

import java.util.List;
import java.util.TreeSet;

/**
 * The packages that depend directly on a package a {@code bans.deny} entry matches (one per package with a
 * {@link CrateMatch} of list {@code deny}, also when nothing depends on it): the {@code from} of every
 * {@link DependencyEdge} whose {@code to} is that package. The extractor computes it so that the wrapper
 * rules need not join all the dependency edges of the graph; {@code DependencyEdge} is still there for
 * rules that want the edges themselves.
 *
 * @param packageId the matched locked package
 * @param from      the ids of the packages that depend on it directly, distinct and sorted (empty when none)
 */
public record DirectDependents(String packageId, List<String> from) {
    /**
     * Sorts {@code from} and copies it (the fact is immutable); a null {@code from} is empty.
     *
     * @param packageId the matched locked package
     * @param from      the ids of the packages that depend on it directly, distinct and sorted (empty when none)
     */
    public DirectDependents {
        from = from == null ? List.of() : List.copyOf(new TreeSet<>(from));
    }
}
