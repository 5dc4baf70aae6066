package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * The {@code [graph]} table of deny.toml. See docs/policies/bans.md ("The graph") for how Tollgate applies it.
 *
 * @param targets        the target triples of {@code targets} (known to Tollgate: checked when read)
 * @param targetFeatures for each triple written as {@code { triple, features = [...] }}, its target features
 *                       (what {@code cfg(target_feature = "...")} sees); absent for a plain triple
 */
public record GraphConfig(List<String> targets, List<String> exclude, boolean allFeatures,
                          boolean noDefaultFeatures, List<String> features, boolean excludeDev,
                          boolean excludeUnpublished, Location origin, Map<String, List<String>> targetFeatures) {
    public GraphConfig {
        targets = List.copyOf(targets);
        exclude = List.copyOf(exclude);
        features = List.copyOf(features);
        targetFeatures = targetFeatures == null ? Map.of() : Map.copyOf(targetFeatures);
    }

    /** Without target features. */
    public GraphConfig(List<String> targets, List<String> exclude, boolean allFeatures, boolean noDefaultFeatures,
                       List<String> features, boolean excludeDev, boolean excludeUnpublished, Location origin) {
        this(targets, exclude, allFeatures, noDefaultFeatures, features, excludeDev, excludeUnpublished, origin, Map.of());
    }

    public static GraphConfig defaults(String file) {
        return new GraphConfig(List.of(), List.of(), false, false, List.of(), false, false, Location.file(file));
    }
}
