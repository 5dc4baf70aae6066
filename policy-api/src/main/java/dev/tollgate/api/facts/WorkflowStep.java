package dev.tollgate.api.facts;

import java.util.Map;

/**
 * A step of a workflow job or composite action (whose {@code jobId} is "").
 * {@code uses} or {@code run} is set ("" otherwise); {@code with} and {@code env} hold the step's
 * scalar inputs and environment.
 */
public record WorkflowStep(String file, String jobId, int index, String name, String uses, String run,
                           Map<String, String> with, Map<String, String> env, Location origin) {
    public WorkflowStep {
        with = Map.copyOf(with);
        env = Map.copyOf(env);
    }

    /** The {@code with:} input {@code key}, or "" when absent. */
    public String input(String key) {
        return with.getOrDefault(key, "");
    }

    /** The run script with the step's env and with values: everything the step's shell sees. */
    public String script() {
        return run + "\n" + String.join("\n", env.values()) + "\n" + String.join("\n", with.values());
    }
}
