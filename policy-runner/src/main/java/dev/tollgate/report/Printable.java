package dev.tollgate.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Input text made safe for a terminal and for the GitHub Actions log. Every value that reaches a
 * human-readable output (text, Markdown, github, JUnit reports, one-line errors on stderr) may come
 * from a hostile file: a crate name with ESC sequences that steer the terminal, CR/LF that start a
 * new log line, {@code ::add-mask::} that the Actions runner obeys, bidi overrides that make text
 * read differently from what it is. This class shows such characters as visible escapes
 * ({@code \x1b}, {@code &#92;u{202e}}); JSON and SARIF keep the exact value (JSON escapes it).
 */
public final class Printable {
    private Printable() {
    }

    /** Whether {@code cp} is shown as an escape: C0 and C1 controls, DEL, bidi and line-separator characters. */
    static boolean unsafe(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f
                || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** The text with every unsafe character, line breaks and tabs too, as a visible escape. */
    public static String escape(String s) {
        return escape(s, false);
    }

    /**
     * The text with every unsafe character except CR and LF as a visible escape, for a format that
     * encodes line breaks its own way (GitHub's {@code %0A}, Markdown's {@code <br>}, XML text).
     */
    public static String escapeKeepingLineBreaks(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLineBreaks) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (keepLineBreaks && (c == '\r' || c == '\n')) b.append(c);
            else appendChar(b, c, false);
        }
        return b.toString();
    }

    private static void appendChar(StringBuilder b, char c, boolean keepLayout) {
        if (!unsafe(c) || (keepLayout && (c == '\n' || c == '\t'))) {
            b.append(c);
        } else if (c < 0x100) {
            b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
        } else {
            b.append("\\u{").append(Integer.toHexString(c)).append('}');
        }
    }

    /**
     * A line that GitHub Actions cannot take for a workflow command: the runner ignores leading
     * white space and obeys a line that then starts with {@code ::}, so such a line's first colon is
     * written as {@code \x3a}.
     */
    public static String line(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        if (s.startsWith("::", i)) return s.substring(0, i) + "\\x3a" + s.substring(i + 1);
        return s;
    }

    /** Text of many lines for people (a changelog, Markdown): {@link #lines} applied to all of it. */
    public static String text(String s) {
        java.io.StringWriter w = new java.io.StringWriter(s.length() + 16);
        try (Writer safe = lines(w)) {
            safe.write(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * A writer for lines meant for people (stderr): unsafe characters escaped, except line breaks and
     * tabs, and no line a workflow command. Buffers one line at a time.
     */
    public static Writer lines(Writer out) {
        return new Writer() {
            private final StringBuilder pending = new StringBuilder();
            private boolean lineStart = true;

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    char c = cbuf[i];
                    if (c == '\n') {
                        out.write(lineStart ? line(pending.toString()) : pending.toString());
                        out.write('\n');
                        pending.setLength(0);
                        lineStart = true;
                    } else {
                        appendChar(pending, c, true);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                if (pending.length() > 0) {
                    // a partial line cannot be checked against its continuation: write it as it stands
                    out.write(lineStart ? line(pending.toString()) : pending.toString());
                    pending.setLength(0);
                    lineStart = false;
                }
                out.flush();
            }

            @Override
            public void close() throws IOException {
                flush();
                out.close();
            }
        };
    }
}
