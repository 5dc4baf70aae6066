package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * A job of a workflow.
 *
 * @param needs           the job's {@code needs}, as written
 * @param transitiveNeeds every job this one waits for, directly or through other jobs
 * @param condition       the {@code if:} text ("" when absent)
 * @param permissions     the permissions the job runs with: its own {@code permissions}, or the
 *                        workflow's when it has none ({@code *} holds {@code read-all} / {@code write-all})
 * @param uses            the reusable workflow it calls ("" otherwise)
 * @param matrix          the keys of {@code strategy.matrix}
 */
public record WorkflowJob(String file, String id, String name, List<String> needs, List<String> transitiveNeeds,
                          String condition, Map<String, String> permissions, String uses, List<String> matrix,
                          Location needsOrigin, Location conditionOrigin, Location origin) {
    public WorkflowJob {
        needs = List.copyOf(needs);
        transitiveNeeds = List.copyOf(transitiveNeeds);
        permissions = Map.copyOf(permissions);
        matrix = List.copyOf(matrix);
    }

    /** Whether the job may write {@code scope} ({@code id-token}, {@code attestations}, ...). */
    public boolean mayWrite(String scope) {
        return "write".equals(permissions.get(scope)) || "write-all".equals(permissions.get("*"));
    }

    public boolean dependsOn(String job) {
        return transitiveNeeds.contains(job);
    }
}
