package dev.tollgate.api.facts;

import java.util.List;

/**
 * An artifact of the release graph ({@code [release.artifacts.NAME]} in tollgate.toml): the crates
 * or paths that make it, the job that builds it and that job's target matrix.
 *
 * @param name     the {@code NAME} of {@code [release.artifacts.NAME]}
 * @param buildJob the workflow job that builds it: {@code build-job}, by default {@code build-NAME}
 * @param crates  workspace members; the artifact is rebuilt when one of them is affected
 * @param paths   globs (as {@link PathRule}) of files outside crates that also make it
 * @param targets  {@code targets}: the target triples its build job's matrix covers (e.g.
 *                 {@code x86_64-unknown-linux-gnu})
 * @param origin   the {@code [release.artifacts.NAME]} key in tollgate.toml
 */
public record ReleaseArtifact(String name, String buildJob, List<String> crates, List<String> paths,
                              List<String> targets, Location origin) {
    /**
     * Copies {@code crates}, {@code paths} and {@code targets} (the fact is immutable).
     *
     * @param name     the {@code NAME} of {@code [release.artifacts.NAME]}
     * @param buildJob the workflow job that builds it: {@code build-job}, by default {@code build-NAME}
     * @param crates   workspace members; the artifact is rebuilt when one of them is affected
     * @param paths    globs (as {@link PathRule}) of files outside crates that also make it
     * @param targets  {@code targets}: the target triples its build job's matrix covers (e.g.
     *                 {@code x86_64-unknown-linux-gnu})
     * @param origin   the {@code [release.artifacts.NAME]} key in tollgate.toml
     */
    public ReleaseArtifact {
        crates = List.copyOf(crates);
        paths = List.copyOf(paths);
        targets = List.copyOf(targets);
    }

    /**
     * Whether a changed file outside the crates makes this artifact.
     *
     * @param path relative to the repository root
     * @return whether one of {@code paths} matches it ({@link PathRule#compile})
     */
    public boolean madeFrom(String path) {
        for (String g : paths) if (PathRule.compile(g).matcher(path).matches()) return true;
        return false;
    }
}
