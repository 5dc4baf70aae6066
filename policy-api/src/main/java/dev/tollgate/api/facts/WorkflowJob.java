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
     * The fact without {@code failsOnBadResults} (false): the constructor from before that field, kept for callers; a builder names each field.
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
}
