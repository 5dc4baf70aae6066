package dev.tollgate.api.facts;

/**
 * deny.toml's {@code [bans.workspace-dependencies]} table, present only when the table is: cargo-deny's
 * workspace dependency checks are opt-in, and once the table is there its keys default to the strict values.
 *
 * @param duplicates              {@code duplicates} (default deny): a crate that members declare more than once
 *                                without {@code workspace = true}
 * @param includePathDependencies {@code include-path-dependencies} (default true): path dependencies take part in
 *                                the duplicates check
 * @param unused                  {@code unused} (default deny): a {@code [workspace.dependencies]} entry that resolves
 *                                to no crate in the graph
 * @param origin                  the table's header line
 */
public record WorkspaceDepsConfig(Level duplicates, boolean includePathDependencies, Level unused, Location origin) {
    /**
     * The table's defaults, for a {@code [bans.workspace-dependencies]} table without keys.
     *
     * @param file the deny.toml display path, where the table is said to be
     * @return duplicates and unused deny, path dependencies included
     */
    public static WorkspaceDepsConfig defaults(String file) {
        return new WorkspaceDepsConfig(Level.DENY, true, Level.DENY, Location.file(file));
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
        b.duplicates = duplicates;
        b.includePathDependencies = includePathDependencies;
        b.unused = unused;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link WorkspaceDepsConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private Level duplicates = Level.values()[0];
        private boolean includePathDependencies;
        private Level unused = Level.values()[0];
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code duplicates}.
         *
         * @param duplicates {@code duplicates} (default deny): a crate that members declare more than once without {@code workspace = true}
         * @return this builder
         */
        public Builder duplicates(Level duplicates) {
            this.duplicates = duplicates;
            return this;
        }

        /**
         * Sets {@code includePathDependencies}.
         *
         * @param includePathDependencies {@code include-path-dependencies} (default true): path dependencies take part in the duplicates check
         * @return this builder
         */
        public Builder includePathDependencies(boolean includePathDependencies) {
            this.includePathDependencies = includePathDependencies;
            return this;
        }

        /**
         * Sets {@code unused}.
         *
         * @param unused {@code unused} (default deny): a {@code [workspace.dependencies]} entry that resolves to no crate in the graph
         * @return this builder
         */
        public Builder unused(Level unused) {
            this.unused = unused;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the table's header line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link WorkspaceDepsConfig}
         */
        public WorkspaceDepsConfig build() {
            return new WorkspaceDepsConfig(duplicates, includePathDependencies, unused, origin);
        }
    }
}
