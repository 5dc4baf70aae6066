package dev.tollgate.plans;

import java.util.Collection;
import java.util.Map;

/**
 * The one JSON writer of the plans: a tree of {@link Map} (written in its iteration order),
 * {@link Collection}, {@link String}, {@link Boolean}, {@link Number} and {@code null}, written compact
 * ({@code plan affected}, {@code plan release --format matrix}) or indented the way Jackson's default
 * pretty printer indents ({@code plan release --format json}). Strings are escaped as Jackson escapes
 * them; nothing else is, so the output is the input's exact text. No Jackson: a plan run loads none
 * of databind.
 */
public final class PlanJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PlanJson() {
    }

    /** One line, no spaces: {@code {"a":[1,2],"b":null}}. */
    public static String compact(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, -1);
        return s.toString();
    }

    /** Indented like Jackson's {@code INDENT_OUTPUT}: objects one entry a line, arrays on one line. */
    public static String pretty(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.toString();
    }

    /** {@code level} is the object nesting for pretty output, or -1 for compact output. */
    private static void write(StringBuilder s, Object v, int level) {
        boolean pretty = level >= 0;
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            quote(s, str);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            s.append(v);
        } else if (v instanceof Map<?, ?> m) {
            s.append('{');
            if (m.isEmpty()) {
                s.append(pretty ? " }" : "}");
                return;
            }
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) s.append(',');
                first = false;
                if (pretty) newline(s, level + 1);
                quote(s, String.valueOf(e.getKey()));
                s.append(pretty ? " : " : ":");
                write(s, e.getValue(), pretty ? level + 1 : -1);
            }
            if (pretty) newline(s, level);
            s.append('}');
        } else if (v instanceof Collection<?> c) {
            s.append('[');
            if (c.isEmpty()) {
                s.append(pretty ? " ]" : "]");
                return;
            }
            boolean first = true;
            for (Object item : c) {
                if (!first) s.append(',');
                first = false;
                if (pretty) s.append(' ');
                write(s, item, level);
            }
            s.append(pretty ? " ]" : "]");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static void newline(StringBuilder s, int level) {
        s.append('\n');
        for (int i = 0; i < level; i++) s.append("  ");
    }

    /** A JSON string: {@code "} and {@code \} escaped, control characters as {@code \n} or {@code \u001B}. */
    public static String quote(String v) {
        StringBuilder s = new StringBuilder(v.length() + 2);
        quote(s, v);
        return s.toString();
    }

    private static void quote(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\b' -> s.append("\\b");
                case '\f' -> s.append("\\f");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    else s.append(c);
                }
            }
        }
        s.append('"');
    }
}
