package dev.tollgate.report;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For people: findings grouped by policy, each as {@code severity file:line code subject} and its
 * message, then one verdict line. At most {@value PerCode#MAX} findings of one code are shown, then a
 * line with how many more there are ({@link PerCode}). Colour only when asked (the runner enables it on a terminal
 * without {@code NO_COLOR}).
 */
public final class TextReport implements Report {
    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        PerCode.Cut cut = PerCode.cut(verdict.findings());
        Map<String, List<Finding>> byPolicy = new LinkedHashMap<>();
        for (Finding f : cut.shown()) byPolicy.computeIfAbsent(f.policy(), k -> new java.util.ArrayList<>()).add(f);
        for (Map.Entry<String, List<Finding>> group : byPolicy.entrySet()) {
            out.write(bold(Printable.line(Printable.escape(group.getKey()))) + "\n");
            for (Finding f : group.getValue()) {
                StringBuilder line = new StringBuilder("  ").append(severity(f.severity()));
                // Every value may come from a hostile input: escaped, and no line a workflow command.
                String where = Printable.escape(f.location().toString());
                if (!where.isEmpty()) line.append(' ').append(where);
                line.append(' ').append(Printable.escape(f.code()));
                if (f.subject() != null) line.append(' ').append(Printable.escape(f.subject()));
                out.write(line.append('\n').toString());
                out.write(Printable.line("      " + Printable.escape(f.message())) + "\n");
            }
            for (Map.Entry<String, Integer> more : cut.omittedOf(group.getKey()).entrySet()) {
                out.write(Printable.line("  " + Printable.escape(PerCode.moreLine(more.getKey(), more.getValue()))) + "\n");
            }
            out.write("\n");
        }
        String line = Printable.line(Printable.escape(Summary.verdictLine(verdict, evaluated)));
        String word = verdict.outcome().word();
        out.write(verdictWord(word) + line.substring(word.length()) + "\n");
    }

    private String severity(Severity s) {
        String w = String.format("%-7s", s.word());
        if (!colour) return w;
        return switch (s) {
            case ERROR -> "\u001b[31m" + w + "\u001b[0m";
            case WARNING -> "\u001b[33m" + w + "\u001b[0m";
            case NOTE -> "\u001b[36m" + w + "\u001b[0m";
        };
    }

    private String verdictWord(String w) {
        if (!colour) return w;
        String c = switch (w) {
            case "fail" -> "\u001b[1;31m";
            case "warn" -> "\u001b[1;33m";
            default -> "\u001b[1;32m";
        };
        return c + w + "\u001b[0m";
    }

    private String bold(String s) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }
}
