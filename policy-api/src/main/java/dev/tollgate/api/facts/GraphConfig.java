package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * The {@code [graph]} table of deny.toml. See docs/policies/bans.md ("The graph") for how Tollgate applies it.
 *
 * @param targets            the target triples of {@code targets} (known to Tollgate: checked when read)
 * @param exclude            {@code exclude}: package specs ({@code name} or {@code name@version}) left out of the graph
 * @param allFeatures        {@code all-features} (default false)
 * @param noDefaultFeatures  {@code no-default-features} (default false)
 * @param features           {@code features}: features enabled on the members ({@code feature} or {@code member/feature})
 * @param excludeDev         {@code exclude-dev}: packages reached only through dev-dependencies are left out (default false)
 * @param excludeUnpublished {@code exclude-unpublished}: members with {@code publish = false} are left out themselves
 *                           (default false)
 * @param origin             the {@code [graph]} table (the file alone when there is none)
 * @param targetFeatures     for each triple written as {@code { triple, features = [...] }}, its target features
 *                           (what {@code cfg(target_feature = "...")} sees); absent for a plain triple
 */
public record GraphConfig(List<String> targets, List<String> exclude, boolean allFeatures,
                          boolean noDefaultFeatures, List<String> features, boolean excludeDev,
                          boolean excludeUnpublished, Location origin, Map<String, List<String>> targetFeatures) {
    /**
     * Copies {@code targets}, {@code exclude}, {@code features} and {@code targetFeatures} (the fact is immutable);
     * a null {@code targetFeatures} is empty.
     *
     * @param targets            the target triples of {@code targets} (known to Tollgate: checked when read)
     * @param exclude            {@code exclude}: package specs ({@code name} or {@code name@version}) left out of the
     *                           graph
     * @param allFeatures        {@code all-features} (default false)
     * @param noDefaultFeatures  {@code no-default-features} (default false)
     * @param features           {@code features}: features enabled on the members ({@code feature} or
     *                           {@code member/feature})
     * @param excludeDev         {@code exclude-dev}: packages reached only through dev-dependencies are left out
     *                           (default false)
     * @param excludeUnpublished {@code exclude-unpublished}: members with {@code publish = false} are left out
     *                           themselves (default false)
     * @param origin             the {@code [graph]} table (the file alone when there is none)
     * @param targetFeatures     for each triple written as {@code { triple, features = [...] }}, its target features
     *                           (what {@code cfg(target_feature = "...")} sees); absent for a plain triple
     */
    public GraphConfig {
        targets = List.copyOf(targets);
        exclude = List.copyOf(exclude);
        features = List.copyOf(features);
        targetFeatures = targetFeatures == null ? Map.of() : Map.copyOf(targetFeatures);
    }

    /**
     * Without target features.
     *
     * @param targets            the target triples of {@code targets} (known to Tollgate: checked when read)
     * @param exclude            {@code exclude}: package specs ({@code name} or {@code name@version}) left out of the
     *                           graph
     * @param allFeatures        {@code all-features} (default false)
     * @param noDefaultFeatures  {@code no-default-features} (default false)
     * @param features           {@code features}: features enabled on the members ({@code feature} or
     *                           {@code member/feature})
     * @param excludeDev         {@code exclude-dev}: packages reached only through dev-dependencies are left out
     *                           (default false)
     * @param excludeUnpublished {@code exclude-unpublished}: members with {@code publish = false} are left out
     *                           themselves (default false)
     * @param origin             the {@code [graph]} table (the file alone when there is none)
     */
    public GraphConfig(List<String> targets, List<String> exclude, boolean allFeatures, boolean noDefaultFeatures,
                       List<String> features, boolean excludeDev, boolean excludeUnpublished, Location origin) {
        this(targets, exclude, allFeatures, noDefaultFeatures, features, excludeDev, excludeUnpublished, origin, Map.of());
    }

    /**
     * The graph without a {@code [graph]} table: every target, the default features, nothing excluded.
     *
     * @param file the deny.toml display path, where the table is said to be
     * @return the defaults
     */
    public static GraphConfig defaults(String file) {
        return new GraphConfig(List.of(), List.of(), false, false, List.of(), false, false, Location.file(file));
    }
}
