package dev.tollgate.api.facts;

/**
 * A dependency between two workspace members, by crate name: {@code from} depends on {@code to}
 * with this kind (optional and target-specific dependencies included: they can be built).
 *
 * @param from   the depending member's name
 * @param to     the member it depends on
 * @param kind   normal, dev or build
 * @param origin where the dependency is declared in {@code from}'s manifest
 */
public record MemberEdge(String from, String to, DepKind kind, Location origin) {

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
        b.kind = kind;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link MemberEdge} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String from = "";
        private String to = "";
        private DepKind kind = DepKind.values()[0];
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code from}.
         *
         * @param from the depending member's name
         * @return this builder
         */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /**
         * Sets {@code to}.
         *
         * @param to the member it depends on
         * @return this builder
         */
        public Builder to(String to) {
            this.to = to;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind normal, dev or build
         * @return this builder
         */
        public Builder kind(DepKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the dependency is declared in {@code from}'s manifest
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link MemberEdge}
         */
        public MemberEdge build() {
            return new MemberEdge(from, to, kind, origin);
        }
    }
}
