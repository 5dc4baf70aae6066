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

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sha = sha;
        b.parents = parents;
        b.date = date;
        b.message = message;
        b.changedPaths = changedPaths;
        b.messageProblem = messageProblem;
        return b;
    }

    /** Builds a {@link Commit} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String sha = "";
        private List<String> parents = java.util.List.of();
        private String date = "";
        private String message = "";
        private List<String> changedPaths = java.util.List.of();
        private String messageProblem = "";

        private Builder() {
        }

        /**
         * Sets {@code sha}.
         *
         * @param sha the full object id
         * @return this builder
         */
        public Builder sha(String sha) {
            this.sha = sha;
            return this;
        }

        /**
         * Sets {@code parents}.
         *
         * @param parents parent ids, first parent first
         * @return this builder
         */
        public Builder parents(List<String> parents) {
            this.parents = parents;
            return this;
        }

        /**
         * Sets {@code date}.
         *
         * @param date the author date, ISO-8601 with offset ({@code 2026-08-22T17:44:00-04:00})
         * @return this builder
         */
        public Builder date(String date) {
            this.date = date;
            return this;
        }

        /**
         * Sets {@code message}.
         *
         * @param message the full message, decoded (CRLF kept as written; a NUL or an undecodable byte is kept as U+FFFD, see {@code messageProblem})
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets {@code changedPaths}.
         *
         * @param changedPaths paths changed against the first parent (all paths for a root commit), sorted; empty when the reader was not asked for them
         * @return this builder
         */
        public Builder changedPaths(List<String> changedPaths) {
            this.changedPaths = changedPaths;
            return this;
        }

        /**
         * Sets {@code messageProblem}.
         *
         * @param messageProblem why the raw message is not clean UTF-8 text ("" when it is): {@code nul}, {@code encoding}
         * @return this builder
         */
        public Builder messageProblem(String messageProblem) {
            this.messageProblem = messageProblem;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link Commit}
         */
        public Commit build() {
            return new Commit(sha, parents, date, message, changedPaths, messageProblem);
        }
    }
}
