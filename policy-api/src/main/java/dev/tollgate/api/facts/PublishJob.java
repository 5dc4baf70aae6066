package dev.tollgate.api.facts;

import java.util.List;

/**
 * A publish job of the release graph ({@code [release.publish.NAME]}): it runs when one of the
 * artifacts it {@code needs} is rebuilt. An {@code announce} job needs no artifact: it runs last,
 * after every publish job that runs, and only when one does.
 *
 * @param name     the {@code NAME} of {@code [release.publish.NAME]}
 * @param job      the workflow job id: {@code job}, by default {@code publish-NAME} ({@code NAME} for an announce job)
 * @param needs    the names of the artifacts it publishes (empty for an announce job)
 * @param announce {@code announce = true}
 * @param origin   the {@code [release.publish.NAME]} key in tollgate.toml
 */
public record PublishJob(String name, String job, List<String> needs, boolean announce, Location origin) {
    /**
     * Copies {@code needs} (the fact is immutable).
     *
     * @param name     the {@code NAME} of {@code [release.publish.NAME]}
     * @param job      the workflow job id: {@code job}, by default {@code publish-NAME} ({@code NAME} for an announce
     *                 job)
     * @param needs    the names of the artifacts it publishes (empty for an announce job)
     * @param announce {@code announce = true}
     * @param origin   the {@code [release.publish.NAME]} key in tollgate.toml
     */
    public PublishJob {
        needs = List.copyOf(needs);
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
        b.name = name;
        b.job = job;
        b.needs = needs;
        b.announce = announce;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link PublishJob} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String name = "";
        private String job = "";
        private List<String> needs = java.util.List.of();
        private boolean announce;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param name the {@code NAME} of {@code [release.publish.NAME]}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code job}.
         *
         * @param job the workflow job id: {@code job}, by default {@code publish-NAME} ({@code NAME} for an announce job)
         * @return this builder
         */
        public Builder job(String job) {
            this.job = job;
            return this;
        }

        /**
         * Sets {@code needs}.
         *
         * @param needs the names of the artifacts it publishes (empty for an announce job)
         * @return this builder
         */
        public Builder needs(List<String> needs) {
            this.needs = needs;
            return this;
        }

        /**
         * Sets {@code announce}.
         *
         * @param announce {@code announce = true}
         * @return this builder
         */
        public Builder announce(boolean announce) {
            this.announce = announce;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code [release.publish.NAME]} key in tollgate.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link PublishJob}
         */
        public PublishJob build() {
            return new PublishJob(name, job, needs, announce, origin);
        }
    }
}
