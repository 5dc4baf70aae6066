package dev.tollgate.api.facts;

/**
 * A note from fact extraction that a rule may turn into a finding: a policy skipped because its
 * inputs are absent, an input that could only be read in part.
 *
 * @param policy the policy concerned
 * @param kind   {@code skipped}, {@code partial}, or {@code missing} (an input the policy needs is gone: an error)
 * @param message one line for the finding
 * @param origin  the input concerned, or the file alone
 */
public record InputNote(String policy, String kind, String message, Location origin) {

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
        b.policy = policy;
        b.kind = kind;
        b.message = message;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link InputNote} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String policy = "";
        private String kind = "";
        private String message = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code policy}.
         *
         * @param policy the policy concerned
         * @return this builder
         */
        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind {@code skipped}, {@code partial}, or {@code missing} (an input the policy needs is gone: an error)
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code message}.
         *
         * @param message one line for the finding
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the input concerned, or the file alone
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link InputNote}
         */
        public InputNote build() {
            return new InputNote(policy, kind, message, origin);
        }
    }
}
