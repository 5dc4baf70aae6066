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
}
