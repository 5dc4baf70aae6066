package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * A job of a workflow.
 *
 * @param file            the workflow file, relative to the repository root
 * @param id              the job's key under {@code jobs:} ({@code build})
 * @param name            the job's {@code name:} ("" when absent)
 * @param needs           the job's {@code needs}, as written
 * @param transitiveNeeds every job this one waits for, directly or through other jobs
 * @param condition       the {@code if:} text ("" when absent)
 * @param permissions     the permissions the job runs with: its own {@code permissions}, or the
 *                        workflow's when it has none ({@code *} holds {@code read-all} / {@code write-all})
 * @param uses            the reusable workflow it calls ("" otherwise)
 * @param matrix          the keys of {@code strategy.matrix}
 * @param continueOnError the job's {@code continue-on-error} as written ({@code true}, {@code false}, an
 *                        expression; "" when absent)
 * @param conditionAfterFailure what the {@code if:} comes to when a needed job failed: {@code true},
 *                        {@code false}, or "" when it depends on more than the job results (a context, a
 *                        function other than the status checks); {@code false} for a condition without
 *                        a status check function, which GitHub prefixes with {@code success() &&}
 * @param needsOrigin     the {@code needs} key (the job's key when absent)
 * @param conditionOrigin the {@code if} key (the job's key when absent)
 * @param continueOnErrorOrigin the {@code continue-on-error} key (the job's key when absent)
 * @param origin          the job's key under {@code jobs:}
 * @param mapping         the whole YAML mapping of the job, read-only (scalars as {@code String},
 *                        {@code Long}, {@code Double}, {@code Boolean} or null; mappings and lists), for keys
 *                        no field models: see {@link #get}
 * @param failsOnBadResults whether the job's steps ({@code if}, {@code run}, {@code env} and {@code with} text)
 *     fail on a needed job's {@code failure} and {@code cancelled} results: they name both, or compare a result
 *     with {@code != 'success'}
 */
public record WorkflowJob(String file, String id, String name, List<String> needs, List<String> transitiveNeeds,
                          String condition, Map<String, String> permissions, String uses, List<String> matrix,
                          String continueOnError, String conditionAfterFailure,
                          Location needsOrigin, Location conditionOrigin, Location continueOnErrorOrigin, Location origin,
                          java.util.Map<String, Object> mapping,
                          boolean failsOnBadResults) {
    /**
     * Copies {@code mapping}, {@code needs}, {@code transitiveNeeds}, {@code permissions} and {@code matrix} (the fact
     * is immutable); a null {@code mapping} is empty.
     *
     * @param file                  the workflow file, relative to the repository root
     * @param id                    the job's key under {@code jobs:} ({@code build})
     * @param name                  the job's {@code name:} ("" when absent)
     * @param needs                 the job's {@code needs}, as written
     * @param transitiveNeeds       every job this one waits for, directly or through other jobs
     * @param condition             the {@code if:} text ("" when absent)
     * @param permissions           the permissions the job runs with: its own {@code permissions}, or the workflow's
     *                              when it has none ({@code *} holds {@code read-all} / {@code write-all})
     * @param uses                  the reusable workflow it calls ("" otherwise)
     * @param matrix                the keys of {@code strategy.matrix}
     * @param continueOnError       the job's {@code continue-on-error} as written ({@code true}, {@code false}, an
     *                              expression; "" when absent)
     * @param conditionAfterFailure what the {@code if:} comes to when a needed job failed: {@code true}, {@code false},
     *                              or "" when it depends on more than the job results (a context, a function other than
     *                              the status checks); {@code false} for a condition without a status check function,
     *                              which GitHub prefixes with {@code success() &&}
     * @param needsOrigin           the {@code needs} key (the job's key when absent)
     * @param conditionOrigin       the {@code if} key (the job's key when absent)
     * @param continueOnErrorOrigin the {@code continue-on-error} key (the job's key when absent)
     * @param origin                the job's key under {@code jobs:}
     * @param mapping               the whole YAML mapping of the job, read-only (scalars as {@code String},
     *                              {@code Long}, {@code Double}, {@code Boolean} or null; mappings and lists), for keys
     *                              no field models: see {@link #get}
     * @param failsOnBadResults whether the job's steps ({@code if}, {@code run}, {@code env} and {@code with} text)
     *     fail on a needed job's {@code failure} and {@code cancelled} results: they name both, or compare a result
     *     with {@code != 'success'}
     */
    public WorkflowJob {
        mapping = mapping == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
        needs = List.copyOf(needs);
        transitiveNeeds = List.copyOf(transitiveNeeds);
        permissions = Map.copyOf(permissions);
        matrix = List.copyOf(matrix);
    }

    /**
     * The fact without {@code failsOnBadResults} (false): the constructor from before that field, kept for callers; {@link #builder()} names each field.
     *
     * @param file as the record component
     * @param id as the record component
     * @param name as the record component
     * @param needs as the record component
     * @param transitiveNeeds as the record component
     * @param condition as the record component
     * @param permissions as the record component
     * @param uses as the record component
     * @param matrix as the record component
     * @param continueOnError as the record component
     * @param conditionAfterFailure as the record component
     * @param needsOrigin as the record component
     * @param conditionOrigin as the record component
     * @param continueOnErrorOrigin as the record component
     * @param origin as the record component
     * @param mapping as the record component
     */
    public WorkflowJob(String file, String id, String name, List<String> needs, List<String> transitiveNeeds, String condition, Map<String, String> permissions, String uses, List<String> matrix, String continueOnError, String conditionAfterFailure, Location needsOrigin, Location conditionOrigin, Location continueOnErrorOrigin, Location origin, java.util.Map<String, Object> mapping) {
        this(file, id, name, needs, transitiveNeeds, condition, permissions, uses, matrix, continueOnError, conditionAfterFailure, needsOrigin, conditionOrigin, continueOnErrorOrigin, origin, mapping, false);
    }


    /**
     * Whether the job may write {@code scope} ({@code id-token}, {@code attestations}, ...).
     *
     * @param scope a permission scope ({@code contents}, {@code id-token})
     * @return whether its permissions give {@code scope: write}, or {@code write-all}
     */
    public boolean mayWrite(String scope) {
        return "write".equals(permissions.get(scope)) || "write-all".equals(permissions.get("*"));
    }

    /**
     * Whether the job waits for another, directly or through other jobs.
     *
     * @param job the other job's id
     * @return whether {@code transitiveNeeds} holds it
     */
    public boolean dependsOn(String job) {
        return transitiveNeeds.contains(job);
    }

    /**
     * The value of {@code key} in the job's YAML mapping ({@code get("timeout-minutes")}), or null when
     * absent: what a rule needs that no field models.
     *
     * @param key a key of the job's mapping
     * @return a scalar ({@code String}, {@code Long}, {@code Double}, {@code Boolean}), a read-only map or list,
     *         or null when absent (or written as null)
     */
    public Object get(String key) {
        return mapping.get(key);
    }

    /**
     * Whether {@code continue-on-error} as written lets the job fail without failing: anything but absent or
     * {@code false} (an expression may come to true). Read from the YAML value here, so
     * rules compare a boolean and never parse it.
     *
     * @return true when {@link #continueOnError} is neither empty nor {@code false}
     */
    public boolean mayContinue() {
        return ContinueOnError.mayContinue(continueOnError);
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
        b.id = id;
        b.name = name;
        b.needs = needs;
        b.transitiveNeeds = transitiveNeeds;
        b.condition = condition;
        b.permissions = permissions;
        b.uses = uses;
        b.matrix = matrix;
        b.continueOnError = continueOnError;
        b.conditionAfterFailure = conditionAfterFailure;
        b.needsOrigin = needsOrigin;
        b.conditionOrigin = conditionOrigin;
        b.continueOnErrorOrigin = continueOnErrorOrigin;
        b.origin = origin;
        b.mapping = mapping;
        b.failsOnBadResults = failsOnBadResults;
        return b;
    }

    /** Builds a {@link WorkflowJob} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String id = "";
        private String name = "";
        private List<String> needs = java.util.List.of();
        private List<String> transitiveNeeds = java.util.List.of();
        private String condition = "";
        private Map<String, String> permissions = java.util.Map.of();
        private String uses = "";
        private List<String> matrix = java.util.List.of();
        private String continueOnError = "";
        private String conditionAfterFailure = "";
        private Location needsOrigin = Location.NONE;
        private Location conditionOrigin = Location.NONE;
        private Location continueOnErrorOrigin = Location.NONE;
        private Location origin = Location.NONE;
        private java.util.Map<String, Object> mapping = java.util.Map.of();
        private boolean failsOnBadResults;

        private Builder() {
        }

        /**
         * Sets {@code file}.
         *
         * @param file the workflow file, relative to the repository root
         * @return this builder
         */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the job's key under {@code jobs:} ({@code build})
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the job's {@code name:} ("" when absent)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code needs}.
         *
         * @param needs the job's {@code needs}, as written
         * @return this builder
         */
        public Builder needs(List<String> needs) {
            this.needs = needs;
            return this;
        }

        /**
         * Sets {@code transitiveNeeds}.
         *
         * @param transitiveNeeds every job this one waits for, directly or through other jobs
         * @return this builder
         */
        public Builder transitiveNeeds(List<String> transitiveNeeds) {
            this.transitiveNeeds = transitiveNeeds;
            return this;
        }

        /**
         * Sets {@code condition}.
         *
         * @param condition the {@code if:} text ("" when absent)
         * @return this builder
         */
        public Builder condition(String condition) {
            this.condition = condition;
            return this;
        }

        /**
         * Sets {@code permissions}.
         *
         * @param permissions the permissions the job runs with: its own {@code permissions}, or the workflow's when it has none ({@code *} holds {@code read-all} / {@code write-all})
         * @return this builder
         */
        public Builder permissions(Map<String, String> permissions) {
            this.permissions = permissions;
            return this;
        }

        /**
         * Sets {@code uses}.
         *
         * @param uses the reusable workflow it calls ("" otherwise)
         * @return this builder
         */
        public Builder uses(String uses) {
            this.uses = uses;
            return this;
        }

        /**
         * Sets {@code matrix}.
         *
         * @param matrix the keys of {@code strategy.matrix}
         * @return this builder
         */
        public Builder matrix(List<String> matrix) {
            this.matrix = matrix;
            return this;
        }

        /**
         * Sets {@code continueOnError}.
         *
         * @param continueOnError the job's {@code continue-on-error} as written ({@code true}, {@code false}, an expression; "" when absent)
         * @return this builder
         */
        public Builder continueOnError(String continueOnError) {
            this.continueOnError = continueOnError;
            return this;
        }

        /**
         * Sets {@code conditionAfterFailure}.
         *
         * @param conditionAfterFailure what the {@code if:} comes to when a needed job failed: {@code true}, {@code false}, or "" when it depends on more than the job results (a context, a function other than the status checks); {@code false} for a condition without a status check function, which GitHub prefixes with {@code success() &&}
         * @return this builder
         */
        public Builder conditionAfterFailure(String conditionAfterFailure) {
            this.conditionAfterFailure = conditionAfterFailure;
            return this;
        }

        /**
         * Sets {@code needsOrigin}.
         *
         * @param needsOrigin the {@code needs} key (the job's key when absent)
         * @return this builder
         */
        public Builder needsOrigin(Location needsOrigin) {
            this.needsOrigin = needsOrigin;
            return this;
        }

        /**
         * Sets {@code conditionOrigin}.
         *
         * @param conditionOrigin the {@code if} key (the job's key when absent)
         * @return this builder
         */
        public Builder conditionOrigin(Location conditionOrigin) {
            this.conditionOrigin = conditionOrigin;
            return this;
        }

        /**
         * Sets {@code continueOnErrorOrigin}.
         *
         * @param continueOnErrorOrigin the {@code continue-on-error} key (the job's key when absent)
         * @return this builder
         */
        public Builder continueOnErrorOrigin(Location continueOnErrorOrigin) {
            this.continueOnErrorOrigin = continueOnErrorOrigin;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the job's key under {@code jobs:}
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code mapping}.
         *
         * @param mapping the whole YAML mapping of the job, read-only (scalars as {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null; mappings and lists), for keys no field models: see {@link WorkflowJob#get}
         * @return this builder
         */
        public Builder mapping(java.util.Map<String, Object> mapping) {
            this.mapping = mapping;
            return this;
        }

        /**
         * Sets {@code failsOnBadResults}.
         *
         * @param failsOnBadResults whether the job's steps ({@code if}, {@code run}, {@code env} and {@code with} text) fail on a needed job's {@code failure} and {@code cancelled} results: they name both, or compare a result with {@code != 'success'}
         * @return this builder
         */
        public Builder failsOnBadResults(boolean failsOnBadResults) {
            this.failsOnBadResults = failsOnBadResults;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link WorkflowJob}
         */
        public WorkflowJob build() {
            return new WorkflowJob(file, id, name, needs, transitiveNeeds, condition, permissions, uses, matrix, continueOnError, conditionAfterFailure, needsOrigin, conditionOrigin, continueOnErrorOrigin, origin, mapping, failsOnBadResults);
        }
    }
}
