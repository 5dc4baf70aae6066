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
}
