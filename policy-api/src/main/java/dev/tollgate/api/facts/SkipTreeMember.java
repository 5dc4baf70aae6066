package dev.tollgate.api.facts;

/**
 * A locked package inside the tree of a {@code bans.skip-tree} root: the root itself (depth 0) or a
 * package it reaches through locked dependencies within the entry's {@code depth}.
 *
 * @param index     the skip-tree entry's index
 * @param rootId    the root package that the entry matched
 * @param packageId the package in its tree
 * @param depth     the number of dependency edges from the root (shortest)
 */
public record SkipTreeMember(int index, String rootId, String packageId, int depth) {

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
        b.index = index;
        b.rootId = rootId;
        b.packageId = packageId;
        b.depth = depth;
        return b;
    }

    /** Builds a {@link SkipTreeMember} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private int index;
        private String rootId = "";
        private String packageId = "";
        private int depth;

        private Builder() {
        }

        /**
         * Sets {@code index}.
         *
         * @param index the skip-tree entry's index
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@code rootId}.
         *
         * @param rootId the root package that the entry matched
         * @return this builder
         */
        public Builder rootId(String rootId) {
            this.rootId = rootId;
            return this;
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the package in its tree
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code depth}.
         *
         * @param depth the number of dependency edges from the root (shortest)
         * @return this builder
         */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link SkipTreeMember}
         */
        public SkipTreeMember build() {
            return new SkipTreeMember(index, rootId, packageId, depth);
        }
    }
}
