package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.Location;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line look-ups in a text, for the positions that a parser without positions cannot give. The line
 * index is built on first use, so the fast path of a reader that never reports an error pays nothing.
 */
final class TextLines {
    private final String text;
    private int[] starts;

    TextLines(String text) {
        this.text = text;
    }

    /** Number of lines (a final line without a newline counts). */
    int count() {
        return starts().length;
    }

    /**
     * The first occurrence of {@code needle} on lines {@code [fromLine, toLine)}, as a location in
     * {@code file}; {@code fromLine} alone (column 1) when not found, or an unknown line when
     * {@code fromLine} is unknown.
     */
    Location find(String needle, int fromLine, int toLine, String file) {
        if (fromLine <= 0) return Location.file(file);
        int[] s = starts();
        int from = s[Math.min(fromLine, s.length) - 1];
        int to = toLine - 1 < s.length && toLine > 0 ? s[toLine - 1] : text.length();
        int at = text.indexOf(needle, from);
        if (at < 0 || at >= to) return Location.of(file, fromLine, 1);
        int line = lineOf(at);
        return Location.of(file, line, at - s[line - 1] + 1);
    }

    /** The line of the first match of {@code pattern} before the first table header, 0 when none. */
    int firstMatchBeforeTables(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return 0;
        int firstTable = indexOfTableHeader();
        if (firstTable >= 0 && m.start() > firstTable) return 0;
        return lineOf(m.start());
    }

    private int indexOfTableHeader() {
        Matcher m = Pattern.compile("^[ \\t]*\\[", Pattern.MULTILINE | Pattern.UNIX_LINES).matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** The 1-based line holding character {@code offset}. */
    int lineOf(int offset) {
        int[] s = starts();
        int i = Arrays.binarySearch(s, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private int[] starts() {
        if (starts == null) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n' && i + 1 < text.length()) n++;
            }
            int[] s = new int[n];
            int k = 1;
            for (int i = 0; i < text.length() && k < n; i++) {
                if (text.charAt(i) == '\n' && i + 1 < text.length()) s[k++] = i + 1;
            }
            starts = s;
        }
        return starts;
    }
}
