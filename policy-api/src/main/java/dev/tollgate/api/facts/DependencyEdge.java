package dev.tollgate.api.facts;

/**
 * A resolved dependency between two locked packages.
 *
 * <p>Below workspace members, a lockfile does not record kinds or optionality: such edges come
 * from the lockfile as {@code NORMAL}, non-optional, with {@code declared == false}. Edges out of
 * workspace members come from their manifests (or from {@code cargo metadata}) and carry the kind,
 * whether the dependency is optional, and its {@code target} cfg ("" when unconditional).
 *
 * @param from     id of the depending package
 * @param to       id of the dependency
 * @param name     the name the dependency is declared under (differs from the package name when renamed)
 * @param kind     normal, dev or build ({@code NORMAL} when inferred from the lockfile)
 * @param optional the dependency is {@code optional = true} (enabled only through a feature)
 * @param target   the {@code [target.'cfg(...)'.dependencies]} key it is declared under, e.g. {@code cfg(windows)}; ""
 *                 when unconditional
 * @param declared true when kind/optional/target are known (manifest or metadata), false when inferred from the lockfile
 * @param origin   where the dependency is declared (a member manifest line), or the lockfile package line
 */
public record DependencyEdge(String from, String to, String name, DepKind kind, boolean optional,
                             String target, boolean declared, Location origin) {
    /**
     * A null {@code target} becomes "".
     *
     * @param from     id of the depending package
     * @param to       id of the dependency
     * @param name     the name the dependency is declared under (differs from the package name when renamed)
     * @param kind     normal, dev or build ({@code NORMAL} when inferred from the lockfile)
     * @param optional the dependency is {@code optional = true} (enabled only through a feature)
     * @param target   the {@code [target.'cfg(...)'.dependencies]} key it is declared under, e.g. {@code cfg(windows)};
     *                 "" when unconditional
     * @param declared true when kind/optional/target are known (manifest or metadata), false when inferred from the
     *                 lockfile
     * @param origin   where the dependency is declared (a member manifest line), or the lockfile package line
     */
    public DependencyEdge {
        target = target == null ? "" : target;
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
        b.from = from;
        b.to = to;
        b.name = name;
        b.kind = kind;
        b.optional = optional;
        b.target = target;
        b.declared = declared;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link DependencyEdge} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String from = "";
        private String to = "";
        private String name = "";
        private DepKind kind = DepKind.values()[0];
        private boolean optional;
        private String target = "";
        private boolean declared;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code from}.
         *
         * @param from id of the depending package
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /**
         * Sets {@code to}.
         *
         * @param to id of the dependency
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the name the dependency is declared under (differs from the package name when renamed)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind normal, dev or build ({@code NORMAL} when inferred from the lockfile)
         * @return this builder
         */
        public Builder kind(DepKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code optional}.
         *
         * @param optional the dependency is {@code optional = true} (enabled only through a feature)
         * @return this builder
         */
        public Builder optional(boolean optional) {
            this.optional = optional;
            return this;
        }

        /**
         * Sets {@code target}.
         *
         * @param target the {@code [target.'cfg(...)'.dependencies]} key it is declared under, e.g. {@code cfg(windows)}; "" when unconditional
         * @return this builder
         */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /**
         * Sets {@code declared}.
         *
         * @param declared true when kind/optional/target are known (manifest or metadata), false when inferred from the lockfile
         * @return this builder
         */
        public Builder declared(boolean declared) {
            this.declared = declared;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the dependency is declared (a member manifest line), or the lockfile package line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link DependencyEdge}
         */
        public DependencyEdge build() {
            return new DependencyEdge(from, to, name, kind, optional, target, declared, origin);
        }
    }
}
