package dev.tollgate.api.facts;

/**
 * Derived by the releasejobs rules: a job of the release graph that runs.
 *
 * @param job      the workflow job id
 * @param kind     {@code build}, {@code publish} or {@code announce}
 * @param artifact the artifact a build job makes, "" for the others
 * @param reason   why it runs
 */
public record ReleaseJob(String job, String kind, String artifact, String reason) {

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
        b.job = job;
        b.kind = kind;
        b.artifact = artifact;
        b.reason = reason;
        return b;
    }

    /** Builds a {@link ReleaseJob} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String job = "";
        private String kind = "";
        private String artifact = "";
        private String reason = "";

        private Builder() {
        }

        /**
         * Sets {@code job}.
         *
         * @param job the workflow job id
         * @return this builder
         */
        public Builder job(String job) {
            this.job = job;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind {@code build}, {@code publish} or {@code announce}
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code artifact}.
         *
         * @param artifact the artifact a build job makes, "" for the others
         * @return this builder
         */
        public Builder artifact(String artifact) {
            this.artifact = artifact;
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param reason why it runs
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ReleaseJob}
         */
        public ReleaseJob build() {
            return new ReleaseJob(job, kind, artifact, reason);
        }
    }
}
