package dev.tollgate.api.facts;

/**
 * A {@code uses:} reference (step action, reusable workflow call, or a Docker action's image) with
 * the comment on its line.
 *
 * @param file     the workflow or action file, relative to the repository root
 * @param jobId    the job ("" in a composite action)
 * @param action   {@code owner/repo[/path]}, {@code ./local/path} or the image of {@code docker://image}
 * @param ref      what follows {@code @} ("" when absent); for an image, its {@code sha256:} digest or tag
 * @param comment  the trailing comment without {@code #}, trimmed ("" when absent)
 * @param local    a {@code ./path} reference to an action or workflow in the same repository
 * @param docker   a {@code docker://} image
 * @param reusable whether it is a job-level reusable workflow call
 * @param origin   the {@code uses} key
 */
public record ActionRef(String file, String jobId, String action, String ref, String comment,
                        boolean local, boolean docker, boolean reusable, Location origin) {

    /**
     * {@code action@ref}, as written after {@code uses:}.
     *
     * @return {@code action@ref}, or {@code action} alone when there is no ref
     */
    public String spec() {
        return ref.isEmpty() ? action : action + "@" + ref;
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
        b.file = file;
        b.jobId = jobId;
        b.action = action;
        b.ref = ref;
        b.comment = comment;
        b.local = local;
        b.docker = docker;
        b.reusable = reusable;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link ActionRef} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String jobId = "";
        private String action = "";
        private String ref = "";
        private String comment = "";
        private boolean local;
        private boolean docker;
        private boolean reusable;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code file}.
         *
         * @param file the workflow or action file, relative to the repository root
         * @return this builder
         */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code jobId}.
         *
         * @param jobId the job ("" in a composite action)
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Sets {@code action}.
         *
         * @param action {@code owner/repo[/path]}, {@code ./local/path} or the image of {@code docker://image}
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * Sets {@code ref}.
         *
         * @param ref what follows {@code @} ("" when absent); for an image, its {@code sha256:} digest or tag
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /**
         * Sets {@code comment}.
         *
         * @param comment the trailing comment without {@code #}, trimmed ("" when absent)
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /**
         * Sets {@code local}.
         *
         * @param local a {@code ./path} reference to an action or workflow in the same repository
         * @return this builder
         */
        public Builder local(boolean local) {
            this.local = local;
            return this;
        }

        /**
         * Sets {@code docker}.
         *
         * @param docker a {@code docker://} image
         * @return this builder
         */
        public Builder docker(boolean docker) {
            this.docker = docker;
            return this;
        }

        /**
         * Sets {@code reusable}.
         *
         * @param reusable whether it is a job-level reusable workflow call
         * @return this builder
         */
        public Builder reusable(boolean reusable) {
            this.reusable = reusable;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code uses} key
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ActionRef}
         */
        public ActionRef build() {
            return new ActionRef(file, jobId, action, ref, comment, local, docker, reusable, origin);
        }
    }
}
