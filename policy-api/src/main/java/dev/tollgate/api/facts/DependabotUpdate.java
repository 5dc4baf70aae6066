package dev.tollgate.api.facts;

/**
 * One {@code updates:} entry of {@code .github/dependabot.yml}.
 *
 * @param file      the dependabot file, relative to the repository root ({@code .github/dependabot.yml})
 * @param ecosystem {@code package-ecosystem} as written ({@code cargo}, {@code github-actions}, ...)
 * @param directory {@code directory} as written ({@code /})
 * @param interval  {@code schedule.interval} ({@code daily}, {@code weekly}, ...); "" when absent
 * @param origin    where the entry starts
 */
public record DependabotUpdate(String file, String ecosystem, String directory, String interval, Location origin) {

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
        b.ecosystem = ecosystem;
        b.directory = directory;
        b.interval = interval;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link DependabotUpdate} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String ecosystem = "";
        private String directory = "";
        private String interval = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code file}.
         *
         * @param file the dependabot file, relative to the repository root ({@code .github/dependabot.yml})
         * @return this builder
         */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code ecosystem}.
         *
         * @param ecosystem {@code package-ecosystem} as written ({@code cargo}, {@code github-actions}, ...)
         * @return this builder
         */
        public Builder ecosystem(String ecosystem) {
            this.ecosystem = ecosystem;
            return this;
        }

        /**
         * Sets {@code directory}.
         *
         * @param directory {@code directory} as written ({@code /})
         * @return this builder
         */
        public Builder directory(String directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Sets {@code interval}.
         *
         * @param interval {@code schedule.interval} ({@code daily}, {@code weekly}, ...); "" when absent
         * @return this builder
         */
        public Builder interval(String interval) {
            this.interval = interval;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the entry starts
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link DependabotUpdate}
         */
        public DependabotUpdate build() {
            return new DependabotUpdate(file, ecosystem, directory, interval, origin);
        }
    }
}
