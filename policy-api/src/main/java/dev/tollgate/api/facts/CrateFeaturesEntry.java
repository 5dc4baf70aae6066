package dev.tollgate.api.facts;

import java.util.List;

/**
 * The feature rules of one {@code [bans] features} entry (cargo-deny's {@code { crate, allow, deny, exact }});
 * its crate spec is the {@link CrateSpecEntry} of list {@code features} with the same index, and the locked
 * packages it matches are its {@link CrateMatch}es.
 *
 * @param index  the entry's index in {@code features}
 * @param spec   the crate spec as written
 * @param allow  {@code allow}: the features allowed (when not empty, every other enabled feature is reported)
 * @param deny   {@code deny}: features that must not be enabled
 * @param exact  {@code exact}: the enabled features must be exactly {@code allow}
 * @param reason {@code reason}, "" when absent
 * @param origin where the entry starts in deny.toml
 */
public record CrateFeaturesEntry(int index, String spec, List<String> allow, List<String> deny, boolean exact,
                                 String reason, Location origin) {
    /**
     * Copies {@code allow} and {@code deny} (the fact is immutable); a null {@code reason} becomes "".
     *
     * @param index  the entry's index in {@code features}
     * @param spec   the crate spec as written
     * @param allow  {@code allow}: the features allowed (when not empty, every other enabled feature is reported)
     * @param deny   {@code deny}: features that must not be enabled
     * @param exact  {@code exact}: the enabled features must be exactly {@code allow}
     * @param reason {@code reason}, "" when absent
     * @param origin where the entry starts in deny.toml
     */
    public CrateFeaturesEntry {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        reason = reason == null ? "" : reason;
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
        b.index = index;
        b.spec = spec;
        b.allow = allow;
        b.deny = deny;
        b.exact = exact;
        b.reason = reason;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link CrateFeaturesEntry} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private int index;
        private String spec = "";
        private List<String> allow = java.util.List.of();
        private List<String> deny = java.util.List.of();
        private boolean exact;
        private String reason = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code index}.
         *
         * @param index the entry's index in {@code features}
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@code spec}.
         *
         * @param spec the crate spec as written
         * @return this builder
         */
        public Builder spec(String spec) {
            this.spec = spec;
            return this;
        }

        /**
         * Sets {@code allow}.
         *
         * @param allow {@code allow}: the features allowed (when not empty, every other enabled feature is reported)
         * @return this builder
         */
        public Builder allow(List<String> allow) {
            this.allow = allow;
            return this;
        }

        /**
         * Sets {@code deny}.
         *
         * @param deny {@code deny}: features that must not be enabled
         * @return this builder
         */
        public Builder deny(List<String> deny) {
            this.deny = deny;
            return this;
        }

        /**
         * Sets {@code exact}.
         *
         * @param exact {@code exact}: the enabled features must be exactly {@code allow}
         * @return this builder
         */
        public Builder exact(boolean exact) {
            this.exact = exact;
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param reason {@code reason}, "" when absent
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the entry starts in deny.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link CrateFeaturesEntry}
         */
        public CrateFeaturesEntry build() {
            return new CrateFeaturesEntry(index, spec, allow, deny, exact, reason, origin);
        }
    }
}
