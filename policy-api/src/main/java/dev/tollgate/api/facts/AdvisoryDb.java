package dev.tollgate.api.facts;

/**
 * The advisory database a run read.
 *
 * @param location     where it was read from: a directory, or the git URL it was fetched from
 * @param commit       the db's HEAD commit ("" when the directory is not a git repository)
 * @param lastUpdated  ISO date of the db's last commit; for a plain directory, the newest advisory
 *                     {@code date} (a lower bound: the db cannot be older than its newest advisory)
 * @param ageDays      days between {@code lastUpdated} and the run's date
 * @param dateSource   {@code commit} or {@code newest-advisory}
 * @param advisories   how many advisory files were read
 * @param origin       the database's root directory as findings name it (the file part alone, e.g. {@code advisory-db})
 */
public record AdvisoryDb(String location, String commit, String lastUpdated, long ageDays, String dateSource,
                         int advisories, Location origin) {

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
        b.location = location;
        b.commit = commit;
        b.lastUpdated = lastUpdated;
        b.ageDays = ageDays;
        b.dateSource = dateSource;
        b.advisories = advisories;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link AdvisoryDb} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String location = "";
        private String commit = "";
        private String lastUpdated = "";
        private long ageDays;
        private String dateSource = "";
        private int advisories;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code location}.
         *
         * @param location where it was read from: a directory, or the git URL it was fetched from
         * @return this builder
         */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /**
         * Sets {@code commit}.
         *
         * @param commit the db's HEAD commit ("" when the directory is not a git repository)
         * @return this builder
         */
        public Builder commit(String commit) {
            this.commit = commit;
            return this;
        }

        /**
         * Sets {@code lastUpdated}.
         *
         * @param lastUpdated ISO date of the db's last commit; for a plain directory, the newest advisory {@code date} (a lower bound: the db cannot be older than its newest advisory)
         * @return this builder
         */
        public Builder lastUpdated(String lastUpdated) {
            this.lastUpdated = lastUpdated;
            return this;
        }

        /**
         * Sets {@code ageDays}.
         *
         * @param ageDays days between {@code lastUpdated} and the run's date
         * @return this builder
         */
        public Builder ageDays(long ageDays) {
            this.ageDays = ageDays;
            return this;
        }

        /**
         * Sets {@code dateSource}.
         *
         * @param dateSource {@code commit} or {@code newest-advisory}
         * @return this builder
         */
        public Builder dateSource(String dateSource) {
            this.dateSource = dateSource;
            return this;
        }

        /**
         * Sets {@code advisories}.
         *
         * @param advisories how many advisory files were read
         * @return this builder
         */
        public Builder advisories(int advisories) {
            this.advisories = advisories;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the database's root directory as findings name it (the file part alone, e.g. {@code advisory-db})
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link AdvisoryDb}
         */
        public AdvisoryDb build() {
            return new AdvisoryDb(location, commit, lastUpdated, ageDays, dateSource, advisories, origin);
        }
    }
}
