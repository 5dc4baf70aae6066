package dev.tollgate.api.facts;

import java.util.List;

/** A git commit in the evaluated range, with the paths it changed (renames as delete + add). */
public record Commit(String sha, List<String> parents, String date, String message, List<String> changedPaths) {
    public Commit {
        parents = List.copyOf(parents);
        changedPaths = List.copyOf(changedPaths);
    }

    public String header() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
