package dev.tollgate.inputs.cargo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands {@code workspace.members} entries the way Cargo does with the {@code glob} crate: per path
 * segment, {@code *} (any run of characters), {@code ?} (one character) and {@code [...]} /
 * {@code [!...]} (a character class), plus {@code **} as a whole segment for any depth of directories.
 * Hidden directories match like any other, as with {@code glob}'s default options. Results are sorted,
 * as {@code glob} yields them; only directories are kept (Cargo drops files such as {@code .DS_Store}).
 */
final class MemberGlobs {
    private MemberGlobs() {
    }

    /** Whether an entry uses glob syntax; one that does not names a member directly. */
    static boolean isGlob(String entry) {
        return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('[') >= 0;
    }

    /**
     * Normalizes a member path as written ({@code ./crates/a/}, {@code .}) to the form members are
     * compared by: forward slashes, no {@code .} segments, no trailing slash, "" for the root itself.
     */
    static String normalize(String entry) {
        List<String> parts = new ArrayList<>();
        for (String s : entry.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    /** Directories a glob may look at before it is refused: a glob over a whole file system is a mistake or an attack. */
    static final int MAX_VISITS = 100_000;

    /** The directories under {@code root} that a glob entry matches, relative to root, sorted. */
    static List<String> expand(Path root, String entry) throws IOException {
        return expand(root, entry, MAX_VISITS);
    }

    static List<String> expand(Path root, String entry, int maxVisits) throws IOException {
        String[] segments = normalize(entry).split("/");
        TreeSet<String> out = new TreeSet<>();
        new Walk(root, maxVisits).walk("", segments, 0, out);
        return List.copyOf(out);
    }

    /**
     * One expansion. {@code **} descends only into real directories, never through a symbolic link
     * (a link to {@code ..} or {@code /} would make the walk exponential or endless), as Cargo does
     * not; a linked directory is matched by a one-level pattern ({@code crates/*}) only. At most {@link #MAX_VISITS} directories are listed.
     */
    private static final class Walk {
        private final Path root;
        private final int maxVisits;
        private int visits;

        Walk(Path root, int maxVisits) {
            this.root = root;
            this.maxVisits = maxVisits;
        }

        void walk(String prefix, String[] segments, int i, TreeSet<String> out) throws IOException {
            Path dir = prefix.isEmpty() ? root : root.resolve(prefix);
            if (i == segments.length) {
                if (Files.isDirectory(dir)) out.add(prefix);
                return;
            }
            String segment = segments[i];
            if (segment.equals("**")) {
                walk(prefix, segments, i + 1, out);
                if (Files.isSymbolicLink(dir)) return;
                for (String child : children(dir)) {
                    if (!Files.isSymbolicLink(dir.resolve(child))) walk(join(prefix, child), segments, i, out);
                }
            } else if (!isGlob(segment)) {
                walk(join(prefix, segment), segments, i + 1, out);
            } else {
                for (String child : children(dir)) {
                    if (matches(segment, child)) walk(join(prefix, child), segments, i + 1, out);
                }
            }
        }

        private List<String> children(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) return List.of();
            if (++visits > maxVisits) {
                throw new IOException("the glob looks at more than " + maxVisits + " directories; name the members more narrowly");
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            }
        }
    }

    private static String join(String prefix, String child) {
        return prefix.isEmpty() ? child : prefix + "/" + child;
    }

    /**
     * Whether one path segment matches one glob segment, in O(glob × name) time at worst: the usual
     * two-pointer wildcard match, which backtracks only to the last {@code *} (never exponential).
     */
    static boolean matches(String g, String s) {
        int gi = 0;
        int si = 0;
        int starG = -1;
        int starS = -1;
        while (si < s.length()) {
            if (gi < g.length() && g.charAt(gi) == '*') {
                while (gi < g.length() && g.charAt(gi) == '*') gi++;
                starG = gi;
                starS = si;
                continue;
            }
            int next = gi < g.length() ? matchOne(g, gi, s.charAt(si)) : -1;
            if (next >= 0) {
                gi = next;
                si++;
            } else if (starG >= 0) {
                gi = starG;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (gi < g.length() && g.charAt(gi) == '*') gi++;
        return gi == g.length();
    }

    /** The glob index after the element at {@code gi} when it matches {@code ch}; -1 when it does not. */
    private static int matchOne(String g, int gi, char ch) {
        char c = g.charAt(gi);
        if (c == '?') return gi + 1;
        if (c == '[') {
            int close = gi + 2 <= g.length() ? g.indexOf(']', gi + 2) : -1;
            if (close < 0) return ch == '[' ? gi + 1 : -1;
            boolean negate = g.charAt(gi + 1) == '!';
            String set = g.substring(gi + (negate ? 2 : 1), close);
            return inClass(set, ch) == negate ? -1 : close + 1;
        }
        return c == ch ? gi + 1 : -1;
    }

    private static boolean inClass(String set, char ch) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (ch >= set.charAt(i) && ch <= set.charAt(i + 2)) return true;
                i += 2;
            } else if (set.charAt(i) == ch) {
                return true;
            }
        }
        return false;
    }
}
