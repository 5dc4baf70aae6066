package dev.tollgate.api.facts;

import java.util.Map;

/**
 * A step of a workflow job or composite action (whose {@code jobId} is "").
 * {@code uses} or {@code run} is set ("" otherwise); {@code condition} is the step's {@code if:}
 * ("" when it has none); {@code with} and {@code env} hold the step's scalar inputs and environment.
 *
 * @param file            the workflow or action file, relative to the repository root
 * @param jobId           the job's id ("" in a composite action)
 * @param index           0-based, in the order of the job's {@code steps:}
 * @param name            the step's {@code name:} ("" when absent)
 * @param uses            the {@code uses:} value as written ({@code actions/checkout@v4}); "" for a run step
 * @param run             the {@code run:} script; "" for a uses step
 * @param condition       the {@code if:} text ("" when absent)
 * @param with            the {@code with:} inputs that are scalars
 * @param env             the step's own {@code env:} values that are scalars
 * @param continueOnError the step's {@code continue-on-error} as written ({@code true}, {@code false}, an
 *                        expression; "" when absent)
 * @param tollgate        whether {@code uses} is the Tollgate action: a remote {@code OWNER/tollgate}, or a
 *                        local {@code ./path} inside the repository whose {@code action.yml} is named
 *                        Tollgate or has a {@code fail-on-findings} input
 * @param withOrigins     where each {@code with:} input is written (its key)
 * @param continueOnErrorOrigin the {@code continue-on-error} key (the step's start when absent)
 * @param origin          where the step starts (its {@code -} entry)
 * @param mapping         the whole YAML mapping of the step, read-only (scalars as {@code String},
 *                        {@code Long}, {@code Double}, {@code Boolean} or null; mappings and lists), for keys
 *                        no field models: see {@link #get}
 */
public record WorkflowStep(String file, String jobId, int index, String name, String uses, String run, String condition,
                           Map<String, String> with, Map<String, String> env, String continueOnError, boolean tollgate,
                           Map<String, Location> withOrigins, Location continueOnErrorOrigin, Location origin,
                           java.util.Map<String, Object> mapping) {
    /**
     * Copies {@code mapping}, {@code with}, {@code env} and {@code withOrigins} (the fact is immutable); a null
     * {@code mapping} is empty.
     *
     * @param file                  the workflow or action file, relative to the repository root
     * @param jobId                 the job's id ("" in a composite action)
     * @param index                 0-based, in the order of the job's {@code steps:}
     * @param name                  the step's {@code name:} ("" when absent)
     * @param uses                  the {@code uses:} value as written ({@code actions/checkout@v4}); "" for a run step
     * @param run                   the {@code run:} script; "" for a uses step
     * @param condition             the {@code if:} text ("" when absent)
     * @param with                  the {@code with:} inputs that are scalars
     * @param env                   the step's own {@code env:} values that are scalars
     * @param continueOnError       the step's {@code continue-on-error} as written ({@code true}, {@code false}, an
     *                              expression; "" when absent)
     * @param tollgate              whether {@code uses} is the Tollgate action: a remote {@code OWNER/tollgate}, or a
     *                              local {@code ./path} inside the repository whose {@code action.yml} is named
     *                              Tollgate or has a {@code fail-on-findings} input
     * @param withOrigins           where each {@code with:} input is written (its key)
     * @param continueOnErrorOrigin the {@code continue-on-error} key (the step's start when absent)
     * @param origin                where the step starts (its {@code -} entry)
     * @param mapping               the whole YAML mapping of the step, read-only (scalars as {@code String},
     *                              {@code Long}, {@code Double}, {@code Boolean} or null; mappings and lists), for keys
     *                              no field models: see {@link #get}
     */
    public WorkflowStep {
        mapping = mapping == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
        with = Map.copyOf(with);
        env = Map.copyOf(env);
        withOrigins = Map.copyOf(withOrigins);
    }

    /**
     * Where the {@code with:} input {@code key} is written, or the step's start when absent.
     *
     * @param key the input's name ({@code fail-on-findings})
     * @return its key's position, or {@code origin}
     */
    public Location inputOrigin(String key) {
        Location at = withOrigins.get(key);
        return at != null ? at : origin;
    }

    /**
     * The {@code with:} input {@code key}, or "" when absent.
     *
     * @param key the input's name
     * @return its scalar value as written, or ""
     */
    public String input(String key) {
        return with.getOrDefault(key, "");
    }

    /**
     * Whether the step's {@code args} input (the Tollgate action's extra arguments) makes the change's
     * own policy apply: {@code --policy-from head} or {@code --policy-from=head}, as the action splits
     * it (on spaces).
     *
     * @return whether {@code args} asks for the head's policy
     */
    public boolean argsPolicyFromHead() {
        String[] words = input("args").trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--policy-from=head")) return true;
            if (words[i].equals("--policy-from") && i + 1 < words.length && words[i + 1].equals("head")) return true;
        }
        return false;
    }

    /**
     * The step's {@code if:}, its run script, env and with values: everything that decides what the
     * step does (a gate step may fail on {@code if: contains(needs.*.result, 'failure')} alone).
     *
     * @return those texts, one after the other, separated by line ends
     */
    public String script() {
        return condition + "\n" + run + "\n" + String.join("\n", env.values()) + "\n" + String.join("\n", with.values());
    }

    /**
     * The value of {@code key} in the step's YAML mapping ({@code get("timeout-minutes")}), or null when
     * absent: what a rule needs that no field models.
     *
     * @param key a key of the step's mapping
     * @return a scalar ({@code String}, {@code Long}, {@code Double}, {@code Boolean}), a read-only map or list,
     *         or null when absent (or written as null)
     */
    public Object get(String key) {
        return mapping.get(key);
    }

    /**
     * Whether {@code continue-on-error} as written lets the step fail without failing: anything but absent or
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
        b.jobId = jobId;
        b.index = index;
        b.name = name;
        b.uses = uses;
        b.run = run;
        b.condition = condition;
        b.with = with;
        b.env = env;
        b.continueOnError = continueOnError;
        b.tollgate = tollgate;
        b.withOrigins = withOrigins;
        b.continueOnErrorOrigin = continueOnErrorOrigin;
        b.origin = origin;
        b.mapping = mapping;
        return b;
    }

    /** Builds a {@link WorkflowStep} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String jobId = "";
        private int index;
        private String name = "";
        private String uses = "";
        private String run = "";
        private String condition = "";
        private Map<String, String> with = java.util.Map.of();
        private Map<String, String> env = java.util.Map.of();
        private String continueOnError = "";
        private boolean tollgate;
        private Map<String, Location> withOrigins = java.util.Map.of();
        private Location continueOnErrorOrigin = Location.NONE;
        private Location origin = Location.NONE;
        private java.util.Map<String, Object> mapping = java.util.Map.of();

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
         * @param jobId the job's id ("" in a composite action)
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Sets {@code index}.
         *
         * @param index 0-based, in the order of the job's {@code steps:}
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the step's {@code name:} ("" when absent)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code uses}.
         *
         * @param uses the {@code uses:} value as written ({@code actions/checkout@v4}); "" for a run step
         * @return this builder
         */
        public Builder uses(String uses) {
            this.uses = uses;
            return this;
        }

        /**
         * Sets {@code run}.
         *
         * @param run the {@code run:} script; "" for a uses step
         * @return this builder
         */
        public Builder run(String run) {
            this.run = run;
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
         * Sets {@code with}.
         *
         * @param with the {@code with:} inputs that are scalars
         * @return this builder
         */
        public Builder with(Map<String, String> with) {
            this.with = with;
            return this;
        }

        /**
         * Sets {@code env}.
         *
         * @param env the step's own {@code env:} values that are scalars
         * @return this builder
         */
        public Builder env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        /**
         * Sets {@code continueOnError}.
         *
         * @param continueOnError the step's {@code continue-on-error} as written ({@code true}, {@code false}, an expression; "" when absent)
         * @return this builder
         */
        public Builder continueOnError(String continueOnError) {
            this.continueOnError = continueOnError;
            return this;
        }

        /**
         * Sets {@code tollgate}.
         *
         * @param tollgate whether {@code uses} is the Tollgate action: a remote {@code OWNER/tollgate}, or a local {@code ./path} inside the repository whose {@code action.yml} is named Tollgate or has a {@code fail-on-findings} input
         * @return this builder
         */
        public Builder tollgate(boolean tollgate) {
            this.tollgate = tollgate;
            return this;
        }

        /**
         * Sets {@code withOrigins}.
         *
         * @param withOrigins where each {@code with:} input is written (its key)
         * @return this builder
         */
        public Builder withOrigins(Map<String, Location> withOrigins) {
            this.withOrigins = withOrigins;
            return this;
        }

        /**
         * Sets {@code continueOnErrorOrigin}.
         *
         * @param continueOnErrorOrigin the {@code continue-on-error} key (the step's start when absent)
         * @return this builder
         */
        public Builder continueOnErrorOrigin(Location continueOnErrorOrigin) {
            this.continueOnErrorOrigin = continueOnErrorOrigin;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the step starts (its {@code -} entry)
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code mapping}.
         *
         * @param mapping the whole YAML mapping of the step, read-only (scalars as {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null; mappings and lists), for keys no field models: see {@link WorkflowStep#get}
         * @return this builder
         */
        public Builder mapping(java.util.Map<String, Object> mapping) {
            this.mapping = mapping;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link WorkflowStep}
         */
        public WorkflowStep build() {
            return new WorkflowStep(file, jobId, index, name, uses, run, condition, with, env, continueOnError, tollgate, withOrigins, continueOnErrorOrigin, origin, mapping);
        }
    }
}
