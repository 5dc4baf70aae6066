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
        b.name = name;
        b.paths = paths;
        b.more = more;
        b.inclusion = inclusion;
        return b;
    }

    /** Builds a {@link InclusionPaths} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private String name = "";
        private List<List<String>> paths = java.util.List.of();
        private int more;
        private Inclusion inclusion = null;

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
         * Sets {@code name}.
         *
         * @param name its crate name (so that rules join on it by an indexed {@code name ==})
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code paths}.
         *
         * @param paths at most a handful of paths, shortest first (ties by id)
         * @return this builder
         */
        public Builder paths(List<List<String>> paths) {
            this.paths = paths;
            return this;
        }

        /**
         * Sets {@code more}.
         *
         * @param more how many further direct dependents lead to the package and were left out
         * @return this builder
         */
        public Builder more(int more) {
            this.more = more;
            return this;
        }

        /**
         * Sets {@code inclusion}.
         *
         * @param inclusion the package's {@link Inclusion}
         * @return this builder
         */
        public Builder inclusion(Inclusion inclusion) {
            this.inclusion = inclusion;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link InclusionPaths}
         */
        public InclusionPaths build() {
            return new InclusionPaths(packageId, name, paths, more, inclusion);
        }
    }
}
