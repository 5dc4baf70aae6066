package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * The features a package is built with in the graph, for cargo-deny's feature bans. Exact for every
 * package when {@code cargo metadata} is given ({@code resolve.nodes[].features}); without it, exact for
 * workspace members (their manifests' feature closure under {@code [graph]}) and unknown below them,
 * because Cargo.lock does not record features.
 *
 * @param packageId the package
 * @param name      its crate name
 * @param member    a workspace member
 * @param known     the enabled features are known ({@code false}: a non-member without cargo metadata)
 * @param enabled   the enabled features, sorted ({@code default} only when the package declares it)
 * @param declared  the package's features: each name with what it enables (implicit features of optional
 *                  dependencies included); empty when not known
 */
public record EnabledFeatures(String packageId, String name, boolean member, boolean known, List<String> enabled,
                              Map<String, List<String>> declared) {
    /**
     * Copies {@code enabled} and {@code declared} (the fact is immutable).
     *
     * @param packageId the package
     * @param name      its crate name
     * @param member    a workspace member
     * @param known     the enabled features are known ({@code false}: a non-member without cargo metadata)
     * @param enabled   the enabled features, sorted ({@code default} only when the package declares it)
     * @param declared  the package's features: each name with what it enables (implicit features of optional
     *                  dependencies included); empty when not known
     */
    public EnabledFeatures {
        enabled = List.copyOf(enabled);
        declared = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declared));
    }
}
