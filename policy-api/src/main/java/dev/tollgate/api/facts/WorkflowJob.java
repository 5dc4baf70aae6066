package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/** A job of a workflow. {@code uses} is set for a reusable-workflow call ("" otherwise). */
public record WorkflowJob(String file, String id, String name, List<String> needs, String condition,
                          Map<String, String> permissions, String uses, Location origin) {
    public WorkflowJob {
        needs = List.copyOf(needs);
        permissions = Map.copyOf(permissions);
    }
}
