package dev.tollgate.api.facts;

import java.util.Map;

/**
 * A step of a workflow job or composite action (whose {@code jobId} is "").
 * {@code uses} or {@code run} is set ("" otherwise); {@code condition} is the step's {@code if:}
 * ("" when it has none); {@code with} and {@code env} hold the step's scalar inputs and environment.
 */
public record WorkflowStep(String file, String jobId, int index, String name, String uses, String run, String condition,
                           Map<String, String> with, Map<String, String> env, Location origin) {
    public WorkflowStep {
        with = Map.copyOf(with);
        env = Map.copyOf(env);
    }

    /** The {@code with:} input {@code key}, or "" when absent. */
    public String input(String key) {
        return with.getOrDefault(key, "");
    }

    /**
     * The step's {@code if:}, its run script, env and with values: everything that decides what the
     * step does (a gate step may fail on {@code if: contains(needs.*.result, 'failure')} alone).
     */
    public String script() {
        return condition + "\n" + run + "\n" + String.join("\n", env.values()) + "\n" + String.join("\n", with.values());
    }
}
