package dev.tollgate.api.facts;

/**
 * A workflow, action or dependabot file that could not be read as GitHub would read it (malformed
 * YAML, a duplicate key, a root that is not a mapping, a size or nesting limit): its policies could
 * not check it, so the gate fails closed.
 */
public record WorkflowProblem(String file, String message, Location origin) {
}
