package dev.tollgate.api.facts;

import java.util.List;

/** The {@code [graph]} table of deny.toml. See docs/policies/sources.md for how Tollgate applies it. */
public record GraphConfig(List<String> targets, List<String> exclude, boolean allFeatures,
                          boolean noDefaultFeatures, List<String> features, boolean excludeDev,
                          boolean excludeUnpublished, Location origin) {
    public GraphConfig {
        targets = List.copyOf(targets);
        exclude = List.copyOf(exclude);
        features = List.copyOf(features);
    }

    public static GraphConfig defaults(String file) {
        return new GraphConfig(List.of(), List.of(), false, false, List.of(), false, false, Location.file(file));
    }
}
