package dev.tollgate.api.facts;

import java.util.List;
import java.util.Set;

/**
 * How a locked package is reached from the workspace: derived from the dependency graph, one per
 * non-member package. This is what findings quote so that a reader knows whether a package ships.
 *
 * @param packageId     the package
 * @param reachable     reached from some workspace member at all (false: an orphan lockfile entry)
 * @param viaDefaults   reached with every member's default features, through non-optional member
 *                      dependencies only (what cargo-deny's default graph sees, as far as the facts tell)
 * @param featureGates  when not {@code viaDefaults}: the member features that pull it in, as
 *                      {@code member/feature}, each of which is not a default feature
 * @param kinds         the dependency kinds on the way from a member (normal, build, dev)
 * @param direct        a workspace member depends on it directly
 * @param path          a shortest path of package ids from a workspace member to it
 * @param defaultKinds  the dependency kinds on the way from a member through the default graph only (the
 *                      edges {@code viaDefaults} follows); empty when not {@code viaDefaults}. A package
 *                      that a member declares both as an optional normal dependency (not enabled by
 *                      default) and as a dev-dependency has {@code kinds} {normal, dev} but
 *                      {@code defaultKinds} {dev}.
 * @param targetExcluded reachable, but only through dependencies declared for targets that {@code [graph] targets}
 *                      leaves out (then not {@code viaDefaults}); false when no targets are listed
 * @param defaultFeaturesOff {@code [graph] no-default-features} is set: the members start without their default
 *                      features, so {@code viaDefaults} means "with the features [graph] asks for" and a gate may
 *                      be a default feature
 */
public record Inclusion(String packageId, boolean reachable, boolean viaDefaults, List<String> featureGates,
                        Set<DepKind> kinds, boolean direct, List<String> path, Set<DepKind> defaultKinds,
                        boolean targetExcluded, boolean defaultFeaturesOff) {
    /**
     * Copies {@code featureGates}, {@code kinds}, {@code path} and {@code defaultKinds} (the fact is immutable).
     *
     * @param packageId          the package
     * @param reachable          reached from some workspace member at all (false: an orphan lockfile entry)
     * @param viaDefaults        reached with every member's default features, through non-optional member dependencies
     *                           only (what cargo-deny's default graph sees, as far as the facts tell)
     * @param featureGates       when not {@code viaDefaults}: the member features that pull it in, as
     *                           {@code member/feature}, each of which is not a default feature
     * @param kinds              the dependency kinds on the way from a member (normal, build, dev)
     * @param direct             a workspace member depends on it directly
     * @param path               a shortest path of package ids from a workspace member to it
     * @param defaultKinds       the dependency kinds on the way from a member through the default graph only (the edges
     *                           {@code viaDefaults} follows); empty when not {@code viaDefaults}. A package that a
     *                           member declares both as an optional normal dependency (not enabled by default) and as a
     *                           dev-dependency has {@code kinds} {normal, dev} but {@code defaultKinds} {dev}.
     * @param targetExcluded     reachable, but only through dependencies declared for targets that {@code [graph]
     *                           targets} leaves out (then not {@code viaDefaults}); false when no targets are listed
     * @param defaultFeaturesOff {@code [graph] no-default-features} is set: the members start without their default
     *                           features, so {@code viaDefaults} means "with the features [graph] asks for" and a gate
     *                           may be a default feature
     */
    public Inclusion {
        featureGates = List.copyOf(featureGates);
        kinds = Set.copyOf(kinds);
        path = List.copyOf(path);
        defaultKinds = Set.copyOf(defaultKinds);
    }

    /**
     * For every target, with the default features.
     *
     * @param packageId    the package
     * @param reachable    reached from some workspace member at all (false: an orphan lockfile entry)
     * @param viaDefaults  reached with every member's default features, through non-optional member dependencies only
     *                     (what cargo-deny's default graph sees, as far as the facts tell)
     * @param featureGates when not {@code viaDefaults}: the member features that pull it in, as {@code member/feature},
     *                     each of which is not a default feature
     * @param kinds        the dependency kinds on the way from a member (normal, build, dev)
     * @param direct       a workspace member depends on it directly
     * @param path         a shortest path of package ids from a workspace member to it
     * @param defaultKinds the dependency kinds on the way from a member through the default graph only (the edges
     *                     {@code viaDefaults} follows); empty when not {@code viaDefaults}. A package that a member
     *                     declares both as an optional normal dependency (not enabled by default) and as a
     *                     dev-dependency has {@code kinds} {normal, dev} but {@code defaultKinds} {dev}.
     */
    public Inclusion(String packageId, boolean reachable, boolean viaDefaults, List<String> featureGates,
                     Set<DepKind> kinds, boolean direct, List<String> path, Set<DepKind> defaultKinds) {
        this(packageId, reachable, viaDefaults, featureGates, kinds, direct, path, defaultKinds, false, false);
    }

    /**
     * Without {@code defaultKinds}: they are taken to be {@code kinds} when {@code viaDefaults}.
     *
     * @param packageId    the package
     * @param reachable    reached from some workspace member at all (false: an orphan lockfile entry)
     * @param viaDefaults  reached with every member's default features, through non-optional member dependencies only
     *                     (what cargo-deny's default graph sees, as far as the facts tell)
     * @param featureGates when not {@code viaDefaults}: the member features that pull it in, as {@code member/feature},
     *                     each of which is not a default feature
     * @param kinds        the dependency kinds on the way from a member (normal, build, dev)
     * @param direct       a workspace member depends on it directly
     * @param path         a shortest path of package ids from a workspace member to it
     */
    public Inclusion(String packageId, boolean reachable, boolean viaDefaults, List<String> featureGates,
                     Set<DepKind> kinds, boolean direct, List<String> path) {
        this(packageId, reachable, viaDefaults, featureGates, kinds, direct, path, viaDefaults ? kinds : Set.of());
    }

    /**
     * Reached through the default graph only by dev-dependencies (dev-only as cargo-deny's default graph sees it).
     *
     * @return whether {@code defaultKinds} is exactly {@code DEV}
     */
    public boolean isDevOnlyByDefault() {
        return defaultKinds.equals(Set.of(DepKind.DEV));
    }

    /**
     * Reached only by dev-dependencies, with any features.
     *
     * @return whether {@code kinds} is exactly {@code DEV}
     */
    public boolean isDevOnly() {
        return kinds.equals(Set.of(DepKind.DEV));
    }

    /**
     * One clause for a finding message: how this package gets into the build.
     *
     * @return e.g. {@code a direct dependency}, {@code reached through app@0.1.0 -> tokio@1.38.0}, or
     *         {@code reached only through the optional feature `tls` of app, which is not a default feature}
     */
    public String describe() {
        if (!reachable) return "it is not reached from any workspace member";
        if (targetExcluded) {
            return "reached only through dependencies for targets that [graph] targets leaves out" + kindsClause();
        }
        StringBuilder s = new StringBuilder();
        if (viaDefaults) {
            s.append(direct ? "a direct dependency" : "reached through " + String.join(" -> ", path));
        } else if (!featureGates.isEmpty()) {
            s.append("reached only through the optional feature");
            if (featureGates.size() > 1) s.append('s');
            s.append(' ');
            for (int i = 0; i < featureGates.size(); i++) {
                String g = featureGates.get(i);
                int slash = g.indexOf('/');
                if (i > 0) s.append(i == featureGates.size() - 1 ? " or " : ", ");
                s.append('`').append(g.substring(slash + 1)).append("` of ").append(g, 0, slash);
            }
            if (defaultFeaturesOff) {
                s.append(featureGates.size() > 1 ? ", none of which [graph] enables (no-default-features)"
                        : ", which [graph] does not enable (no-default-features)");
            } else {
                s.append(featureGates.size() > 1 ? ", none of which is a default feature" : ", which is not a default feature");
            }
        } else {
            s.append("reached only through optional dependencies");
        }
        s.append(kindsClause());
        return s.toString();
    }

    /** How the package is depended on, when not only as a normal dependency: " (build-dependency only)", ... */
    private String kindsClause() {
        if (kinds.isEmpty() || kinds.equals(Set.of(DepKind.NORMAL))) return "";
        if (kinds.size() == 1) return " (" + kinds.iterator().next().word() + "-dependency only)";
        java.util.List<String> words = new java.util.ArrayList<>();
        for (DepKind k : DepKind.values()) if (kinds.contains(k)) words.add(k.word());
        String last = words.remove(words.size() - 1);
        return " (as a " + String.join(", ", words) + " and " + last + " dependency)";
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
        b.packageId = packageId;
        b.reachable = reachable;
        b.viaDefaults = viaDefaults;
        b.featureGates = featureGates;
        b.kinds = kinds;
        b.direct = direct;
        b.path = path;
        b.defaultKinds = defaultKinds;
        b.targetExcluded = targetExcluded;
        b.defaultFeaturesOff = defaultFeaturesOff;
        return b;
    }

    /** Builds a {@link Inclusion} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private boolean reachable;
        private boolean viaDefaults;
        private List<String> featureGates = java.util.List.of();
        private Set<DepKind> kinds = java.util.Set.of();
        private boolean direct;
        private List<String> path = java.util.List.of();
        private Set<DepKind> defaultKinds = java.util.Set.of();
        private boolean targetExcluded;
        private boolean defaultFeaturesOff;

        private Builder() {
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the package
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code reachable}.
         *
         * @param reachable reached from some workspace member at all (false: an orphan lockfile entry)
         * @return this builder
         */
        public Builder reachable(boolean reachable) {
            this.reachable = reachable;
            return this;
        }

        /**
         * Sets {@code viaDefaults}.
         *
         * @param viaDefaults reached with every member's default features, through non-optional member dependencies only (what cargo-deny's default graph sees, as far as the facts tell)
         * @return this builder
         */
        public Builder viaDefaults(boolean viaDefaults) {
            this.viaDefaults = viaDefaults;
            return this;
        }

        /**
         * Sets {@code featureGates}.
         *
         * @param featureGates when not {@code viaDefaults}: the member features that pull it in, as {@code member/feature}, each of which is not a default feature
         * @return this builder
         */
        public Builder featureGates(List<String> featureGates) {
            this.featureGates = featureGates;
            return this;
        }

        /**
         * Sets {@code kinds}.
         *
         * @param kinds the dependency kinds on the way from a member (normal, build, dev)
         * @return this builder
         */
        public Builder kinds(Set<DepKind> kinds) {
            this.kinds = kinds;
            return this;
        }

        /**
         * Sets {@code direct}.
         *
         * @param direct a workspace member depends on it directly
         * @return this builder
         */
        public Builder direct(boolean direct) {
            this.direct = direct;
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path a shortest path of package ids from a workspace member to it
         * @return this builder
         */
        public Builder path(List<String> path) {
            this.path = path;
            return this;
        }

        /**
         * Sets {@code defaultKinds}.
         *
         * @param defaultKinds the dependency kinds on the way from a member through the default graph only (the edges {@code viaDefaults} follows); empty when not {@code viaDefaults}. A package that a member declares both as an optional normal dependency (not enabled by default) and as a dev-dependency has {@code kinds} {normal, dev} but {@code defaultKinds} {dev}
         * @return this builder
         */
        public Builder defaultKinds(Set<DepKind> defaultKinds) {
            this.defaultKinds = defaultKinds;
            return this;
        }

        /**
         * Sets {@code targetExcluded}.
         *
         * @param targetExcluded reachable, but only through dependencies declared for targets that {@code [graph] targets} leaves out (then not {@code viaDefaults}); false when no targets are listed
         * @return this builder
         */
        public Builder targetExcluded(boolean targetExcluded) {
            this.targetExcluded = targetExcluded;
            return this;
        }

        /**
         * Sets {@code defaultFeaturesOff}.
         *
         * @param defaultFeaturesOff {@code [graph] no-default-features} is set: the members start without their default features, so {@code viaDefaults} means "with the features [graph] asks for" and a gate may be a default feature
         * @return this builder
         */
        public Builder defaultFeaturesOff(boolean defaultFeaturesOff) {
            this.defaultFeaturesOff = defaultFeaturesOff;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link Inclusion}
         */
        public Inclusion build() {
            return new Inclusion(packageId, reachable, viaDefaults, featureGates, kinds, direct, path, defaultKinds, targetExcluded, defaultFeaturesOff);
        }
    }
}
