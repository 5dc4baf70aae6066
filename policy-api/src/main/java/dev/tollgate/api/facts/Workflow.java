package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * A GitHub Actions workflow file, or a composite action (filled by the workflows policy's extractor).
 *
 * @param file           relative to the repository root ({@code .github/workflows/ci.yml},
 *                       {@code .github/actions/setup/action.yml})
 * @param name           the top-level {@code name:}; "" when absent
 * @param kind           {@code workflow} (in {@code .github/workflows/}), {@code action} (an
 *                       {@code action.yml}) or {@code misplaced} (a workflow file in a folder GitHub
 *                       does not load workflows from, such as {@code .github/_workflows/})
 * @param triggers       the event names under {@code on:}, in file order
 * @param triggerOrigins where each trigger is named
 * @param schedules      the {@code schedule} cron expressions
 * @param permissions    the workflow-level {@code permissions} ({@code *} holds {@code read-all} / {@code write-all})
 * @param jobsOrigin     the {@code jobs:} key (the {@code runs:} key of an action)
 * @param origin         the file's first line
 * @param daily whether one of {@code schedules} runs at least once every day (day of month and month
 *     {@code *}, day of week {@code *}, {@code 0-6} or <code>*&#47;1</code>)
 */
public record Workflow(String file, String name, String kind, List<String> triggers,
                       Map<String, Location> triggerOrigins, List<String> schedules,
                       Map<String, String> permissions, Location jobsOrigin, Location origin,
                       boolean daily) {
    /**
     * Copies {@code triggers}, {@code triggerOrigins}, {@code schedules} and {@code permissions} (the fact is
     * immutable).
     *
     * @param file           relative to the repository root ({@code .github/workflows/ci.yml},
     *                       {@code .github/actions/setup/action.yml})
     * @param name           the top-level {@code name:}; "" when absent
     * @param kind           {@code workflow} (in {@code .github/workflows/}), {@code action} (an {@code action.yml}) or
     *                       {@code misplaced} (a workflow file in a folder GitHub does not load workflows from, such as
     *                       {@code .github/_workflows/})
     * @param triggers       the event names under {@code on:}, in file order
     * @param triggerOrigins where each trigger is named
     * @param schedules      the {@code schedule} cron expressions
     * @param permissions    the workflow-level {@code permissions} ({@code *} holds {@code read-all} /
     *                       {@code write-all})
     * @param jobsOrigin     the {@code jobs:} key (the {@code runs:} key of an action)
     * @param origin         the file's first line
     * @param daily whether one of {@code schedules} runs at least once every day (day of month and month
     *     {@code *}, day of week {@code *}, {@code 0-6} or <code>*&#47;1</code>)
     */
    public Workflow {
        triggers = List.copyOf(triggers);
        triggerOrigins = Map.copyOf(triggerOrigins);
        schedules = List.copyOf(schedules);
        permissions = Map.copyOf(permissions);
    }

    /**
     * The fact without {@code daily} (false): the constructor from before that field, kept for callers; {@link #builder()} names each field.
     *
     * @param file as the record component
     * @param name as the record component
     * @param kind as the record component
     * @param triggers as the record component
     * @param triggerOrigins as the record component
     * @param schedules as the record component
     * @param permissions as the record component
     * @param jobsOrigin as the record component
     * @param origin as the record component
     */
    public Workflow(String file, String name, String kind, List<String> triggers, Map<String, Location> triggerOrigins, List<String> schedules, Map<String, String> permissions, Location jobsOrigin, Location origin) {
        this(file, name, kind, triggers, triggerOrigins, schedules, permissions, jobsOrigin, origin, false);
    }


    /**
     * Whether pull requests trigger the workflow.
     *
     * @return whether {@code triggers} holds {@code pull_request} or {@code pull_request_target}
     */
    public boolean isPullRequest() {
        return triggers.contains("pull_request") || triggers.contains("pull_request_target");
    }

    /**
     * Whether other workflows can call it.
     *
     * @return whether {@code triggers} holds {@code workflow_call}
     */
    public boolean isReusable() {
        return triggers.contains("workflow_call");
    }

    /**
     * Whether it runs on a schedule.
     *
     * @return whether it has {@code schedule} cron expressions
     */
    public boolean isScheduled() {
        return !schedules.isEmpty();
    }

    /**
     * Whether this is a composite action rather than a workflow.
     *
     * @return whether {@code kind} is {@code action}
     */
    public boolean isAction() {
        return "action".equals(kind);
    }

    /**
     * The file name without its folder ({@code ci.yml}).
     *
     * @return the part of {@code file} after the last {@code /}
     */
    public String basename() {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /**
     * Where trigger {@code event} is named, or the file's first line.
     *
     * @param event an event name ({@code push}, {@code pull_request_target})
     * @return its position under {@code on:}, or {@code origin}
     */
    public Location trigger(String event) {
        Location at = triggerOrigins.get(event);
        return at != null ? at : origin;
    }

    /**
     * Where the pull-request trigger is named ({@code pull_request} before {@code pull_request_target}).
     *
     * @return its position, or the file's first line when neither is a trigger
     */
    public Location pullRequestOrigin() {
        return triggerOrigins.containsKey("pull_request") ? trigger("pull_request") : trigger("pull_request_target");
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
        b.name = name;
        b.kind = kind;
        b.triggers = triggers;
        b.triggerOrigins = triggerOrigins;
        b.schedules = schedules;
        b.permissions = permissions;
        b.jobsOrigin = jobsOrigin;
        b.origin = origin;
        b.daily = daily;
        return b;
    }

    /** Builds a {@link Workflow} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String file = "";
        private String name = "";
        private String kind = "";
        private List<String> triggers = java.util.List.of();
        private Map<String, Location> triggerOrigins = java.util.Map.of();
        private List<String> schedules = java.util.List.of();
        private Map<String, String> permissions = java.util.Map.of();
        private Location jobsOrigin = Location.NONE;
        private Location origin = Location.NONE;
        private boolean daily;

        private Builder() {
        }

        /**
         * Sets {@code file}.
         *
         * @param file relative to the repository root ({@code .github/workflows/ci.yml}, {@code .github/actions/setup/action.yml})
         * @return this builder
         */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the top-level {@code name:}; "" when absent
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind {@code workflow} (in {@code .github/workflows/}), {@code action} (an {@code action.yml}) or {@code misplaced} (a workflow file in a folder GitHub does not load workflows from, such as {@code .github/_workflows/})
         * @return this builder
         */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code triggers}.
         *
         * @param triggers the event names under {@code on:}, in file order
         * @return this builder
         */
        public Builder triggers(List<String> triggers) {
            this.triggers = triggers;
            return this;
        }

        /**
         * Sets {@code triggerOrigins}.
         *
         * @param triggerOrigins where each trigger is named
         * @return this builder
         */
        public Builder triggerOrigins(Map<String, Location> triggerOrigins) {
            this.triggerOrigins = triggerOrigins;
            return this;
        }

        /**
         * Sets {@code schedules}.
         *
         * @param schedules the {@code schedule} cron expressions
         * @return this builder
         */
        public Builder schedules(List<String> schedules) {
            this.schedules = schedules;
            return this;
        }

        /**
         * Sets {@code permissions}.
         *
         * @param permissions the workflow-level {@code permissions} ({@code *} holds {@code read-all} / {@code write-all})
         * @return this builder
         */
        public Builder permissions(Map<String, String> permissions) {
            this.permissions = permissions;
            return this;
        }

        /**
         * Sets {@code jobsOrigin}.
         *
         * @param jobsOrigin the {@code jobs:} key (the {@code runs:} key of an action)
         * @return this builder
         */
        public Builder jobsOrigin(Location jobsOrigin) {
            this.jobsOrigin = jobsOrigin;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the file's first line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code daily}.
         *
         * @param daily whether one of {@code schedules} runs at least once every day (day of month and month {@code *}, day of week {@code *}, {@code 0-6} or <code>*&#47;1</code>)
         * @return this builder
         */
        public Builder daily(boolean daily) {
            this.daily = daily;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link Workflow}
         */
        public Workflow build() {
            return new Workflow(file, name, kind, triggers, triggerOrigins, schedules, permissions, jobsOrigin, origin, daily);
        }
    }
}
