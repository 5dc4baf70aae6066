package dev.tollgate.api.facts;

/**
 * A {@code uses:} reference (step action, reusable workflow call, or a Docker action's image) with
 * the comment on its line.
 *
 * @param file     the workflow or action file, relative to the repository root
 * @param jobId    the job ("" in a composite action)
 * @param action   {@code owner/repo[/path]}, {@code ./local/path} or the image of {@code docker://image}
 * @param ref      what follows {@code @} ("" when absent); for an image, its {@code sha256:} digest or tag
 * @param comment  the trailing comment without {@code #}, trimmed ("" when absent)
 * @param local    a {@code ./path} reference to an action or workflow in the same repository
 * @param docker   a {@code docker://} image
 * @param reusable whether it is a job-level reusable workflow call
 * @param origin   the {@code uses} key
 */
public record ActionRef(String file, String jobId, String action, String ref, String comment,
                        boolean local, boolean docker, boolean reusable, Location origin) {

    /**
     * {@code action@ref}, as written after {@code uses:}.
     *
     * @return {@code action@ref}, or {@code action} alone when there is no ref
     */
    public String spec() {
        return ref.isEmpty() ? action : action + "@" + ref;
    }
}
