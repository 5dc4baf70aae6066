package dev.tollgate.inputs.cargo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where table headers and keys start in TOML text, for a parser that gives values but no
 * positions. This is not a parser: it reads only the start of each line (a header's key path, or a
 * key path up to {@code =}) and follows brackets through values just far enough to skip the lines of
 * a multi-line array. Values themselves come from the real parser, and {@link ManifestReader} checks
 * that every key it reports was found here, in the right table, before trusting a line.
 *
 * <p>{@link #scan} gives up (returns null) on anything it does not follow, and the caller then takes
 * positions from tomlj: a multi-line string anywhere, an unterminated string or bracket, a line that
 * is neither blank, comment, header nor {@code key = value}.
 */
final class KeyLines {
    /** A header ({@code [a.b]}, {@code [[a]]}) or a key line, by its full key path. */
    private record Entry(List<String> path, int line, int column) {
    }

    private final List<Entry> entries;
    /** Every prefix of every entry's path → the first entry under it; built once, so a look-up is O(1). */
    private java.util.Map<List<String>, Entry> firstUnder;
    /** Every prefix → the keys directly below it, in first-seen order. */
    private java.util.Map<List<String>, Set<String>> keysUnder;

    private KeyLines(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Indexes the entries by each prefix of their paths: a manifest with 100,000 dependencies asks
     * for 100,000 positions, and a scan of every entry per question was quadratic (22 minutes).
     */
    private void index() {
        if (firstUnder != null) return;
        java.util.Map<List<String>, Entry> first = new java.util.HashMap<>();
        java.util.Map<List<String>, Set<String>> keys = new java.util.HashMap<>();
        for (Entry e : entries) {
            for (int n = 0; n <= e.path.size(); n++) {
                List<String> prefix = e.path.subList(0, n);
                if (!first.containsKey(prefix)) first.put(List.copyOf(prefix), e);
                if (n < e.path.size()) {
                    Set<String> below = keys.get(prefix);
                    if (below == null) keys.put(List.copyOf(prefix), below = new LinkedHashSet<>());
                    below.add(e.path.get(n));
                }
            }
        }
        firstUnder = first;
        keysUnder = keys;
    }

    /** Scans the text; null when it holds something the scan does not follow. */
    static KeyLines scan(String text) {
        if (text.contains("\"\"\"") || text.contains("'''")) return null;
        List<Entry> entries = new ArrayList<>();
        List<String> table = List.of();
        int depth = 0;
        int lineNo = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            lineNo++;
            pos = end + 1;
            if (depth > 0) {
                depth = depthAfter(line, 0, depth);
                if (depth < 0) return null;
                if (nl < 0) break;
                continue;
            }
            Cursor c = new Cursor(line);
            c.blanks();
            if (c.atEnd() || c.peek() == '#') {
                if (nl < 0) break;
                continue;
            }
            int column = c.i + 1;
            if (c.peek() == '[') {
                boolean array = line.startsWith("[[", c.i);
                c.i += array ? 2 : 1;
                List<String> path = c.keyPath();
                if (path == null || !c.expect(array ? "]]" : "]")) return null;
                c.blanks();
                if (!c.atEnd() && c.peek() != '#') return null;
                table = path;
                entries.add(new Entry(path, lineNo, column));
            } else {
                List<String> key = c.keyPath();
                if (key == null || !c.expect("=")) return null;
                List<String> full = new ArrayList<>(table);
                full.addAll(key);
                entries.add(new Entry(List.copyOf(full), lineNo, column));
                depth = depthAfter(line, c.i, 0);
                if (depth < 0) return null;
            }
            if (nl < 0) break;
        }
        return depth == 0 ? new KeyLines(entries) : null;
    }

    /**
     * The first line defining {@code path}: a header naming it or a table below it, or a key line
     * whose full path is it or starts with it (dotted keys). {@code {line, column}}, or null when the
     * scan saw no such line.
     */
    int[] first(List<String> path) {
        index();
        Entry e = firstUnder.get(path);
        return e == null ? null : new int[] {e.line, e.column};
    }

    /** The keys directly below {@code table}, as seen in headers and key lines, in first-seen order. */
    Set<String> keys(List<String> table) {
        index();
        Set<String> keys = keysUnder.get(table);
        return keys == null ? new LinkedHashSet<>() : new LinkedHashSet<>(keys);
    }

    /**
     * The bracket depth ({@code [ ]} and {@code { }}) after reading a value from {@code from},
     * starting at {@code depth}; strings and a trailing comment are skipped. -1 when a string is left
     * open or a bracket closes that was never opened.
     */
    static int depthAfter(String line, int from, int depth) {
        int i = from;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '#') break;
            if (ch == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\') i++;
                    i++;
                }
                if (i >= line.length()) return -1;
            } else if (ch == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) return -1;
                i = close;
            } else if (ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ']' || ch == '}') {
                if (--depth < 0) return -1;
            }
            i++;
        }
        return depth;
    }

    /** Reading position in one line. */
    private static final class Cursor {
        private final String s;
        int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }

        void blanks() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        }

        boolean expect(String token) {
            blanks();
            if (!s.startsWith(token, i)) return false;
            i += token.length();
            return true;
        }

        /** {@code key(.key)*} with bare, "basic" and 'literal' keys; null when malformed. */
        List<String> keyPath() {
            List<String> path = new ArrayList<>();
            while (true) {
                blanks();
                String key = key();
                if (key == null) return null;
                path.add(key);
                blanks();
                if (atEnd() || peek() != '.') return path;
                i++;
            }
        }

        private String key() {
            if (atEnd()) return null;
            char ch = peek();
            if (ch == '\'') {
                int close = s.indexOf('\'', i + 1);
                if (close < 0) return null;
                String key = s.substring(i + 1, close);
                i = close + 1;
                return key;
            }
            if (ch == '"') return basicKey();
            int start = i;
            while (i < s.length() && isBare(s.charAt(i))) i++;
            return i > start ? s.substring(start, i) : null;
        }

        private String basicKey() {
            StringBuilder key = new StringBuilder();
            i++;
            while (i < s.length()) {
                char ch = s.charAt(i++);
                if (ch == '"') return key.toString();
                if (ch != '\\') {
                    key.append(ch);
                    continue;
                }
                if (i >= s.length()) return null;
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\' -> key.append(e);
                    case 'n' -> key.append('\n');
                    case 't' -> key.append('\t');
                    case 'r' -> key.append('\r');
                    case 'b' -> key.append('\b');
                    case 'f' -> key.append('\f');
                    case 'u', 'U' -> {
                        int n = e == 'u' ? 4 : 8;
                        if (i + n > s.length()) return null;
                        try {
                            key.appendCodePoint(Integer.parseInt(s.substring(i, i + n), 16));
                        } catch (IllegalArgumentException bad) {
                            return null;
                        }
                        i += n;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }

        private static boolean isBare(char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
        }
    }
}
