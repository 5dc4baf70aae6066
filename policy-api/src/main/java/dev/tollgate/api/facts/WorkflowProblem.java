package dev.tollgate.api.facts;

/**
 * A workflow, action or dependabot file that could not be read as GitHub would read it (malformed
 * YAML, a duplicate key, a root that is not a mapping, a size or nesting limit): its policies could
 * not check it, so the gate fails closed.
 *
 * @param file    the file, relative to the repository root
 * @param message what is wrong, one line
 * @param origin  where it is wrong (the file alone when no position is known)
 */
public record WorkflowProblem(String file, String message, Location origin) {
}
