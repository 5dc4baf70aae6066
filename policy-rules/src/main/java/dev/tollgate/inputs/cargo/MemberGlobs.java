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

    /** The directories under {@code root} that a glob entry matches, relative to root, sorted. */
    static List<String> expand(Path root, String entry) throws IOException {
        String[] segments = normalize(entry).split("/");
        TreeSet<String> out = new TreeSet<>();
        walk(root, "", segments, 0, out);
        return List.copyOf(out);
    }

    private static void walk(Path root, String prefix, String[] segments, int i, TreeSet<String> out) throws IOException {
        Path dir = prefix.isEmpty() ? root : root.resolve(prefix);
        if (i == segments.length) {
            if (Files.isDirectory(dir)) out.add(prefix);
            return;
        }
        String segment = segments[i];
        if (segment.equals("**")) {
            walk(root, prefix, segments, i + 1, out);
            for (String child : children(dir)) {
                walk(root, join(prefix, child), segments, i, out);
            }
        } else if (!isGlob(segment)) {
            walk(root, join(prefix, segment), segments, i + 1, out);
        } else {
            for (String child : children(dir)) {
                if (matches(segment, child)) walk(root, join(prefix, child), segments, i + 1, out);
            }
        }
    }

    private static List<String> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String join(String prefix, String child) {
        return prefix.isEmpty() ? child : prefix + "/" + child;
    }

    /** Whether one path segment matches one glob segment. */
    static boolean matches(String glob, String name) {
        return matches(glob, 0, name, 0);
    }

    private static boolean matches(String g, int gi, String s, int si) {
        while (gi < g.length()) {
            char c = g.charAt(gi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (matches(g, gi + 1, s, k)) return true;
                }
                return false;
            }
            if (si >= s.length()) return false;
            if (c == '?') {
                gi++;
                si++;
            } else if (c == '[') {
                int close = g.indexOf(']', gi + 2);
                if (close < 0) {
                    if (s.charAt(si) != '[') return false;
                    gi++;
                    si++;
                    continue;
                }
                boolean negate = g.charAt(gi + 1) == '!';
                String set = g.substring(gi + (negate ? 2 : 1), close);
                if (inClass(set, s.charAt(si)) == negate) return false;
                gi = close + 1;
                si++;
            } else {
                if (c != s.charAt(si)) return false;
                gi++;
                si++;
            }
        }
        return si == s.length();
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
