package dev.tollgate.api;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON contract for tools, the output of {@code tollgate check --format json}:
 * {@code {"tool","version","verdict","policies","findings":[{"policy","code","severity","message","file",
 * "line","column","subject","new","data"}]}}. Absent values are {@code null} (a line or column of 0 too);
 * keys are added, never renamed. The command line writes its report with this class, so the JSON an
 * embedder writes for a verdict is byte-identical to the command line's for the same check.
 *
 * <p>The text is indented two spaces per object level, with arrays on one line ({@code [ "a", "b" ]}),
 * {@code " : "} between a key and its value and a final newline. Strings are escaped as JSON requires
 * ({@code "}, {@code \}, and control characters: {@code \n}, {@code \t}, {@code \r}, {@code \b}, {@code \f},
 * else {@code \u001B}); every other character is written as it is. A finding's {@code data} values are
 * written by type: maps as objects (in their iteration order, keys as {@link String#valueOf}), collections as
 * arrays, booleans, {@link Integer} and {@link Long} as integers, other numbers as doubles ({@code 2.5}; NaN
 * and infinities as strings), anything else as its {@code toString()}.
 */
public final class VerdictJson {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private VerdictJson() {
    }

    /**
     * The verdict as the command line's {@code --format json} writes it, with this library's version
     * ({@link Tollgate#version()}).
     *
     * @param verdict the verdict, e.g. of {@link PolicyEngine#check}; its {@link Verdict#policies()} are the
     *                {@code policies}
     * @return the JSON text, ending with a newline
     * @throws NullPointerException {@code verdict} is null
     */
    public static String toJson(Verdict verdict) {
        return toJson(verdict, Tollgate.version());
    }

    /**
     * The verdict as JSON, naming another tool version.
     *
     * @param verdict the verdict
     * @param version the {@code version} value
     * @return the JSON text, ending with a newline
     * @throws NullPointerException an argument is null
     */
    public static String toJson(Verdict verdict, String version) {
        StringBuilder s = new StringBuilder(256 + 512 * Objects.requireNonNull(verdict, "verdict").findings().size());
        try {
            write(verdict, version, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return s.toString();
    }

    /**
     * Writes the verdict as JSON.
     *
     * @param verdict the verdict
     * @param version the {@code version} value ({@link Tollgate#version()} for this library's)
     * @param out     where the text goes (not flushed, not closed)
     * @throws IOException          {@code out} throws it
     * @throws NullPointerException an argument is null
     */
    public static void write(Verdict verdict, String version, Appendable out) throws IOException {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(out, "out");
        out.append("{\n  \"tool\" : \"tollgate\",\n  \"version\" : ");
        quote(out, version);
        out.append(",\n  \"verdict\" : ");
        quote(out, verdict.outcome().word());
        out.append(",\n  \"policies\" : ");
        value(out, verdict.policies(), 1);
        out.append(",\n  \"findings\" : [");
        boolean first = true;
        for (Finding f : verdict.findings()) {
            out.append(first ? " {" : ", {");
            first = false;
            Location l = f.location();
            field(out, "policy", true);
            value(out, f.policy(), 2);
            field(out, "code", false);
            value(out, f.code(), 2);
            field(out, "severity", false);
            quote(out, f.severity().word());
            field(out, "message", false);
            value(out, f.message(), 2);
            field(out, "file", false);
            value(out, l.file(), 2);
            field(out, "line", false);
            out.append(l.line() > 0 ? Integer.toString(l.line()) : "null");
            field(out, "column", false);
            out.append(l.column() > 0 ? Integer.toString(l.column()) : "null");
            field(out, "subject", false);
            value(out, f.subject(), 2);
            field(out, "new", false);
            out.append(String.valueOf(f.isNew()));
            field(out, "data", false);
            value(out, f.data(), 2);
            out.append("\n  }");
        }
        out.append(" ]\n}\n");
    }

    /** A field of a finding (object level 2). */
    private static void field(Appendable out, String name, boolean first) throws IOException {
        out.append(first ? "\n    \"" : ",\n    \"").append(name).append("\" : ");
    }

    /** A value inside an object of nesting {@code level} (1 for the top object's fields). */
    private static void value(Appendable out, Object v, int level) throws IOException {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{ }");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, level + 1);
                quote(out, String.valueOf(e.getKey()));
                out.append(" : ");
                value(out, e.getValue(), level + 1);
            }
            newline(out, level);
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                out.append("[ ]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : c) {
                out.append(first ? " " : ", ");
                first = false;
                value(out, item, level);
            }
            out.append(" ]");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            out.append(v.toString());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) quote(out, Double.toString(d));
            else out.append(Double.toString(d));
        } else {
            quote(out, v.toString());
        }
    }

    private static void newline(Appendable out, int level) throws IOException {
        out.append('\n');
        for (int i = 0; i < level; i++) out.append("  ");
    }

    /**
     * A JSON string literal.
     *
     * @param text any text
     * @return {@code text} in double quotes, escaped as this class escapes every string
     * @throws NullPointerException {@code text} is null
     */
    public static String quote(String text) {
        StringBuilder s = new StringBuilder(Objects.requireNonNull(text, "text").length() + 2);
        try {
            quote(s, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static void quote(Appendable s, String v) throws IOException {
        s.append('"');
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String esc = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 ? "\\u00" + HEX[c >> 4] + HEX[c & 0xF] : null;
            };
            if (esc == null) continue;
            s.append(v, from, i).append(esc);
            from = i + 1;
        }
        s.append(v, from, v.length()).append('"');
    }
}
