package dev.tollgate.api.facts;

/**
 * PR mode ({@code --base}): which commits are compared and whose policy applies.
 *
 * @param base           {@code --base} as given
 * @param baseCommit     the commit it resolved to
 * @param headCommit     the head's commit ({@code --head}, else HEAD)
 * @param policyFromHead {@code --policy-from head}: the change's own policy applies
 * @param policyChanges  how a policy change is reported, from the base's tollgate.toml
 *                       {@code [pr] policy-changes}: {@code warn} (the default) or {@code deny}
 * @param settingOrigin  where {@code policy-changes} is set, or the file alone
 */
public record PrContext(String base, String baseCommit, String headCommit, boolean policyFromHead, String policyChanges,
                        Location settingOrigin) {
    /**
     * Whether the base and the head are the same commit, so nothing is compared.
     *
     * @return whether {@code baseCommit} equals {@code headCommit}
     */
    public boolean sameCommit() {
        return baseCommit.equals(headCommit);
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
        b.base = base;
        b.baseCommit = baseCommit;
        b.headCommit = headCommit;
        b.policyFromHead = policyFromHead;
        b.policyChanges = policyChanges;
        b.settingOrigin = settingOrigin;
        return b;
    }

    /** Builds a {@link PrContext} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String base = "";
        private String baseCommit = "";
        private String headCommit = "";
        private boolean policyFromHead;
        private String policyChanges = "";
        private Location settingOrigin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code base}.
         *
         * @param base {@code --base} as given
         * @return this builder
         */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /**
         * Sets {@code baseCommit}.
         *
         * @param baseCommit the commit it resolved to
         * @return this builder
         */
        public Builder baseCommit(String baseCommit) {
            this.baseCommit = baseCommit;
            return this;
        }

        /**
         * Sets {@code headCommit}.
         *
         * @param headCommit the head's commit ({@code --head}, else HEAD)
         * @return this builder
         */
        public Builder headCommit(String headCommit) {
            this.headCommit = headCommit;
            return this;
        }

        /**
         * Sets {@code policyFromHead}.
         *
         * @param policyFromHead {@code --policy-from head}: the change's own policy applies
         * @return this builder
         */
        public Builder policyFromHead(boolean policyFromHead) {
            this.policyFromHead = policyFromHead;
            return this;
        }

        /**
         * Sets {@code policyChanges}.
         *
         * @param policyChanges how a policy change is reported, from the base's tollgate.toml {@code [pr] policy-changes}: {@code warn} (the default) or {@code deny}
         * @return this builder
         */
        public Builder policyChanges(String policyChanges) {
            this.policyChanges = policyChanges;
            return this;
        }

        /**
         * Sets {@code settingOrigin}.
         *
         * @param settingOrigin where {@code policy-changes} is set, or the file alone
         * @return this builder
         */
        public Builder settingOrigin(Location settingOrigin) {
            this.settingOrigin = settingOrigin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link PrContext}
         */
        public PrContext build() {
            return new PrContext(base, baseCommit, headCommit, policyFromHead, policyChanges, settingOrigin);
        }
    }
}
