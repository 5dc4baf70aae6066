package dev.tollgate.api.facts;

/** A step of a workflow job or composite action: either {@code uses} or {@code run} is set ("" otherwise). */
public record WorkflowStep(String file, String jobId, int index, String name, String uses, String run,
                           Location origin) {
}
