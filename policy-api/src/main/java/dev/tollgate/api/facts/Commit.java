package dev.tollgate.api.facts;

import java.util.List;

/**
 * A git commit in the evaluated range, with the paths it changed (renames as delete + add).
 *
 * @param sha          the full object id
 * @param parents      parent ids, first parent first
 * @param date         the author date, ISO-8601 with offset ({@code 2026-08-22T17:44:00-04:00})
 * @param message      the full message, decoded (CRLF kept as written; a NUL or an undecodable byte
 *                     is kept as U+FFFD, see {@code messageProblem})
 * @param changedPaths paths changed against the first parent (all paths for a root commit), sorted;
 *                     empty when the reader was not asked for them
 * @param messageProblem why the raw message is not clean UTF-8 text ("" when it is): {@code nul},
 *                     {@code encoding}
 */
public record Commit(String sha, List<String> parents, String date, String message, List<String> changedPaths,
                     String messageProblem) {
    /**
     * Copies {@code parents} and {@code changedPaths} (the fact is immutable); a null {@code messageProblem} becomes
     * "".
     *
     * @param sha            the full object id
     * @param parents        parent ids, first parent first
     * @param date           the author date, ISO-8601 with offset ({@code 2026-08-22T17:44:00-04:00})
     * @param message        the full message, decoded (CRLF kept as written; a NUL or an undecodable byte is kept as
     *                       U+FFFD, see {@code messageProblem})
     * @param changedPaths   paths changed against the first parent (all paths for a root commit), sorted; empty when
     *                       the reader was not asked for them
     * @param messageProblem why the raw message is not clean UTF-8 text ("" when it is): {@code nul}, {@code encoding}
     */
    public Commit {
        parents = List.copyOf(parents);
        changedPaths = List.copyOf(changedPaths);
        if (messageProblem == null) messageProblem = "";
    }

    /**
     * A commit whose message is clean UTF-8 text ({@code messageProblem} "").
     *
     * @param sha          the full object id
     * @param parents      parent ids, first parent first
     * @param date         the author date, ISO-8601 with offset ({@code 2026-08-22T17:44:00-04:00})
     * @param message      the full message, decoded (CRLF kept as written; a NUL or an undecodable byte is kept as
     *                     U+FFFD, see {@code messageProblem})
     * @param changedPaths paths changed against the first parent (all paths for a root commit), sorted; empty when the
     *                     reader was not asked for them
     */
    public Commit(String sha, List<String> parents, String date, String message, List<String> changedPaths) {
        this(sha, parents, date, message, changedPaths, "");
    }

    /**
     * The message's first line.
     *
     * @return the header, without its line end ({@code fix(git): read blobs size-limited})
     */
    public String header() {
        int nl = message.indexOf('\n');
        String h = nl < 0 ? message : message.substring(0, nl);
        return h.endsWith("\r") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * The first 10 characters of the id, as reports show it.
     *
     * @return e.g. {@code 58ae103f2c}; the whole id when shorter
     */
    public String shortSha() {
        return sha.length() > 10 ? sha.substring(0, 10) : sha;
    }

    /**
     * A merge commit.
     *
     * @return whether the commit has more than one parent
     */
    public boolean isMerge() {
        return parents.size() > 1;
    }
}
