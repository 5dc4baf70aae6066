package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A path rule of the affected-crates plan, as guppy's determinator has them: changed files matching
 * one of {@code globs} mark {@code markChanged} crates as changed ({@code all} marks every member),
 * then {@code post} says what happens next: {@code skip} (the file is decided), {@code skip-rules}
 * (no later rule, but the owning crate still counts) or {@code fallthrough} (later rules and the
 * owning crate still count). Rules are tried in {@code order}: tollgate.toml's first, the
 * built-in defaults after them.
 *
 * @param order       the position in which rules are tried: tollgate.toml's {@code [[affected.rules]]} from 0, the
 *                    built-in defaults after them (1000 and up)
 * @param globs       patterns on the whole repository-relative path: {@code *} and {@code ?} stop at
 *                    {@code /}, {@code **} crosses directories
 * @param markAll     true for {@code mark-changed = "all"}
 * @param markChanged crate names, when not {@code markAll}
 * @param post        {@code post-rule}: {@code skip} (the default), {@code skip-rules} or {@code fallthrough}
 * @param why         a short reason the plan prints ({@code "documentation"}, {@code "tollgate.toml rule 2"})
 * @param origin      the {@code [[affected.rules]]} entry in tollgate.toml; {@link Location#NONE} for a built-in rule
 */
public record PathRule(int order, List<String> globs, boolean markAll, List<String> markChanged, String post,
                       String why, Location origin) {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    /**
     * Copies {@code globs} and {@code markChanged} (the fact is immutable).
     *
     * @param order       the position in which rules are tried: tollgate.toml's {@code [[affected.rules]]} from 0, the
     *                    built-in defaults after them (1000 and up)
     * @param globs       patterns on the whole repository-relative path: {@code *} and {@code ?} stop at {@code /},
     *                    {@code **} crosses directories
     * @param markAll     true for {@code mark-changed = "all"}
     * @param markChanged crate names, when not {@code markAll}
     * @param post        {@code post-rule}: {@code skip} (the default), {@code skip-rules} or {@code fallthrough}
     * @param why         a short reason the plan prints ({@code "documentation"}, {@code "tollgate.toml rule 2"})
     * @param origin      the {@code [[affected.rules]]} entry in tollgate.toml; {@link Location#NONE} for a built-in
     *                    rule
     */
    public PathRule {
        globs = List.copyOf(globs);
        markChanged = List.copyOf(markChanged);
    }

    /**
     * Whether a changed file matches one of the rule's globs.
     *
     * @param path relative to the repository root, with {@code /}
     * @return whether a glob matches the whole path
     */
    public boolean covers(String path) {
        for (String g : globs) if (COMPILED.computeIfAbsent(g, PathRule::compile).matcher(path).matches()) return true;
        return false;
    }

    /**
     * Whether no later rule is tried for a file this rule applies to.
     *
     * @return true for {@code skip} and {@code skip-rules}
     */
    public boolean stops() {
        return !post.equals("fallthrough");
    }

    /**
     * Whether the crate owning a file this rule applies to does not count as changed by it.
     *
     * @return true for {@code skip}
     */
    public boolean skipsOwner() {
        return post.equals("skip");
    }

    /**
     * A glob as a regular expression over the whole path.
     *
     * @param glob {@code *} and {@code ?} within a path segment, {@code **} across directories ({@code docs/**})
     * @return a pattern to match whole paths with
     */
    public static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < n && glob.charAt(i + 1) == '*') {
                    boolean slash = i + 2 < n && glob.charAt(i + 2) == '/';
                    re.append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return Pattern.compile(re.toString());
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
        b.order = order;
        b.globs = globs;
        b.markAll = markAll;
        b.markChanged = markChanged;
        b.post = post;
        b.why = why;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link PathRule} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private int order;
        private List<String> globs = java.util.List.of();
        private boolean markAll;
        private List<String> markChanged = java.util.List.of();
        private String post = "";
        private String why = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code order}.
         *
         * @param order the position in which rules are tried: tollgate.toml's {@code [[affected.rules]]} from 0, the built-in defaults after them (1000 and up)
         * @return this builder
         */
        public Builder order(int order) {
            this.order = order;
            return this;
        }

        /**
         * Sets {@code globs}.
         *
         * @param globs patterns on the whole repository-relative path: {@code *} and {@code ?} stop at {@code /}, {@code **} crosses directories
         * @return this builder
         */
        public Builder globs(List<String> globs) {
            this.globs = globs;
            return this;
        }

        /**
         * Sets {@code markAll}.
         *
         * @param markAll true for {@code mark-changed = "all"}
         * @return this builder
         */
        public Builder markAll(boolean markAll) {
            this.markAll = markAll;
            return this;
        }

        /**
         * Sets {@code markChanged}.
         *
         * @param markChanged crate names, when not {@code markAll}
         * @return this builder
         */
        public Builder markChanged(List<String> markChanged) {
            this.markChanged = markChanged;
            return this;
        }

        /**
         * Sets {@code post}.
         *
         * @param post {@code post-rule}: {@code skip} (the default), {@code skip-rules} or {@code fallthrough}
         * @return this builder
         */
        public Builder post(String post) {
            this.post = post;
            return this;
        }

        /**
         * Sets {@code why}.
         *
         * @param why a short reason the plan prints ({@code "documentation"}, {@code "tollgate.toml rule 2"})
         * @return this builder
         */
        public Builder why(String why) {
            this.why = why;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code [[affected.rules]]} entry in tollgate.toml; {@link Location#NONE} for a built-in rule
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link PathRule}
         */
        public PathRule build() {
            return new PathRule(order, globs, markAll, markChanged, post, why, origin);
        }
    }
}
