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
     * The fact without {@code daily} (false): the constructor from before that field, kept for callers; a builder names each field.
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
}
