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

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.targets = targets;
        b.exclude = exclude;
        b.allFeatures = allFeatures;
        b.noDefaultFeatures = noDefaultFeatures;
        b.features = features;
        b.excludeDev = excludeDev;
        b.excludeUnpublished = excludeUnpublished;
        b.origin = origin;
        b.targetFeatures = targetFeatures;
        return b;
    }

    /** Builds a {@link GraphConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private List<String> targets = java.util.List.of();
        private List<String> exclude = java.util.List.of();
        private boolean allFeatures;
        private boolean noDefaultFeatures;
        private List<String> features = java.util.List.of();
        private boolean excludeDev;
        private boolean excludeUnpublished;
        private Location origin = Location.NONE;
        private Map<String, List<String>> targetFeatures = java.util.Map.of();

        private Builder() {
        }

        /**
         * Sets {@code targets}.
         *
         * @param targets the target triples of {@code targets} (known to Tollgate: checked when read)
         * @return this builder
         */
        public Builder targets(List<String> targets) {
            this.targets = targets;
            return this;
        }

        /**
         * Sets {@code exclude}.
         *
         * @param exclude {@code exclude}: package specs ({@code name} or {@code name@version}) left out of the graph
         * @return this builder
         */
        public Builder exclude(List<String> exclude) {
            this.exclude = exclude;
            return this;
        }

        /**
         * Sets {@code allFeatures}.
         *
         * @param allFeatures {@code all-features} (default false)
         * @return this builder
         */
        public Builder allFeatures(boolean allFeatures) {
            this.allFeatures = allFeatures;
            return this;
        }

        /**
         * Sets {@code noDefaultFeatures}.
         *
         * @param noDefaultFeatures {@code no-default-features} (default false)
         * @return this builder
         */
        public Builder noDefaultFeatures(boolean noDefaultFeatures) {
            this.noDefaultFeatures = noDefaultFeatures;
            return this;
        }

        /**
         * Sets {@code features}.
         *
         * @param features {@code features}: features enabled on the members ({@code feature} or {@code member/feature})
         * @return this builder
         */
        public Builder features(List<String> features) {
            this.features = features;
            return this;
        }

        /**
         * Sets {@code excludeDev}.
         *
         * @param excludeDev {@code exclude-dev}: packages reached only through dev-dependencies are left out (default false)
         * @return this builder
         */
        public Builder excludeDev(boolean excludeDev) {
            this.excludeDev = excludeDev;
            return this;
        }

        /**
         * Sets {@code excludeUnpublished}.
         *
         * @param excludeUnpublished {@code exclude-unpublished}: members with {@code publish = false} are left out themselves (default false)
         * @return this builder
         */
        public Builder excludeUnpublished(boolean excludeUnpublished) {
            this.excludeUnpublished = excludeUnpublished;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code [graph]} table (the file alone when there is none)
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code targetFeatures}.
         *
         * @param targetFeatures for each triple written as {@code { triple, features = [...] }}, its target features (what {@code cfg(target_feature = "...")} sees); absent for a plain triple
         * @return this builder
         */
        public Builder targetFeatures(Map<String, List<String>> targetFeatures) {
            this.targetFeatures = targetFeatures;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link GraphConfig}
         */
        public GraphConfig build() {
            return new GraphConfig(targets, exclude, allFeatures, noDefaultFeatures, features, excludeDev, excludeUnpublished, origin, targetFeatures);
        }
    }
}
