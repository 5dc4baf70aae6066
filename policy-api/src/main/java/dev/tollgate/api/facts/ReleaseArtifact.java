package dev.tollgate.api.facts;

import java.util.List;

/**
 * An artifact of the release graph ({@code [release.artifacts.NAME]} in tollgate.toml): the crates
 * or paths that make it, the job that builds it and that job's target matrix.
 *
 * @param crates  workspace members; the artifact is rebuilt when one of them is affected
 * @param paths   globs (as {@link PathRule}) of files outside crates that also make it
 */
public record ReleaseArtifact(String name, String buildJob, List<String> crates, List<String> paths,
                              List<String> targets, Location origin) {
    public ReleaseArtifact {
        crates = List.copyOf(crates);
        paths = List.copyOf(paths);
        targets = List.copyOf(targets);
    }

    public boolean madeFrom(String path) {
        for (String g : paths) if (PathRule.compile(g).matcher(path).matches()) return true;
        return false;
    }
}
