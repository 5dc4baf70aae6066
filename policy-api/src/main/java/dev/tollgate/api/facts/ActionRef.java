package dev.tollgate.api.facts;

/**
 * A {@code uses:} reference (step action or reusable workflow) with the comment on its line.
 *
 * @param action  {@code owner/repo[/path]}, {@code ./local/path} or {@code docker://image}
 * @param ref     what follows {@code @} ("" when absent)
 * @param comment the trailing comment without {@code #} ("" when absent)
 */
public record ActionRef(String file, String jobId, String action, String ref, String comment,
                        boolean local, boolean docker, Location origin) {
}
