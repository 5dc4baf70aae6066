package dev.tollgate.report;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GitHub-flavoured Markdown for a pull request's step summary ({@code $GITHUB_STEP_SUMMARY}) or a
 * comment: the verdict first, then one summary row per policy (errors, warnings, notes, and how many
 * findings the change introduced, were there before, or could not be told apart without
 * {@code --base}), then each policy's findings as a table. Long lists are cut at
 * {@value #MAX_ROWS} rows (GitHub caps a step summary at 1 MiB), and each code at {@value PerCode#MAX}
 * rows, with a line that counts the rest ({@link PerCode}).
 */
public final class MarkdownReport implements Report {
    static final int MAX_ROWS = 500;

    private final ReportContext context;

    public MarkdownReport(ReportContext context) {
        this.context = context;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        String word = verdict.outcome().word();
        String mark = switch (verdict.outcome()) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
        StringBuilder md = new StringBuilder();
        md.append("## ").append(mark).append(" Tollgate: ").append(word).append("\n\n");
        md.append("**").append(word).append("**: ").append(Summary.counts(verdict))
                .append(" (policies: ").append(Summary.policies(evaluated)).append(")\n\n");

        Map<String, List<Finding>> byPolicy = new TreeMap<>();
        for (String p : evaluated) byPolicy.put(p, new ArrayList<>());
        for (Finding f : verdict.findings()) byPolicy.computeIfAbsent(f.policy(), k -> new ArrayList<>()).add(f);

        md.append("| Policy | Errors | Warnings | Notes | New | Pre-existing | Unknown |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Finding>> e : byPolicy.entrySet()) {
            List<Finding> fs = e.getValue();
            md.append("| ").append(cell(e.getKey()))
                    .append(" | ").append(count(fs, Severity.ERROR))
                    .append(" | ").append(count(fs, Severity.WARNING))
                    .append(" | ").append(count(fs, Severity.NOTE))
                    .append(" | ").append(fs.stream().filter(f -> Boolean.TRUE.equals(f.isNew())).count())
                    .append(" | ").append(fs.stream().filter(f -> Boolean.FALSE.equals(f.isNew())).count())
                    .append(" | ").append(fs.stream().filter(f -> f.isNew() == null).count())
                    .append(" |\n");
        }
        md.append('\n');
        if (verdict.findings().stream().anyMatch(f -> f.isNew() == null)) {
            md.append("New and pre-existing are told apart when Tollgate runs with `--base` (the pull request's base).\n\n");
        }

        PerCode.Cut cut = PerCode.cut(verdict.findings());
        Map<String, List<Finding>> shownByPolicy = new TreeMap<>();
        for (Finding f : cut.shown()) shownByPolicy.computeIfAbsent(f.policy(), k -> new ArrayList<>()).add(f);
        // The rows within MAX_ROWS: the most severe (then new) first across every policy, so warnings of the
        // policies that sort first never push an error of a later policy out of the summary.
        java.util.Set<Finding> rowed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<Finding> ranked = new ArrayList<>(cut.shown());
        ranked.sort(java.util.Comparator.comparingInt((Finding f) -> f.severity().ordinal())
                .thenComparingInt(f -> Boolean.TRUE.equals(f.isNew()) ? 0 : 1));
        rowed.addAll(ranked.subList(0, Math.min(MAX_ROWS, ranked.size())));
        for (Map.Entry<String, List<Finding>> e : shownByPolicy.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            md.append("### ").append(escape(e.getKey())).append("\n\n");
            md.append("| Severity | Code | Where | Subject | New | Message |\n");
            md.append("|---|---|---|---|---|---|\n");
            int left = 0;
            for (Finding f : e.getValue()) {
                if (!rowed.contains(f)) {
                    left++;
                    continue;
                }
                String where = f.location().toString();
                md.append("| ").append(f.severity().word())
                        .append(" | ").append(code(f.code()))
                        .append(" | ").append(where.isEmpty() ? "" : code(where))
                        .append(" | ").append(f.subject() == null ? "" : code(f.subject()))
                        .append(" | ").append(f.isNew() == null ? "" : f.isNew() ? "new" : "pre-existing")
                        .append(" | ").append(cell(f.message()))
                        .append(" |\n");
            }
            for (Map.Entry<String, Integer> more : cut.omittedOf(e.getKey()).entrySet()) {
                md.append("\n").append(escape(PerCode.moreLine(more.getKey(), more.getValue()))).append('\n');
            }
            if (left > 0) md.append("\n… and ").append(left).append(" more (see the full report).\n");
            md.append('\n');
        }
        md.append("<sub>Tollgate ").append(escape(context.version())).append("</sub>\n");
        out.write(md.toString());
    }

    private static long count(List<Finding> fs, Severity s) {
        return fs.stream().filter(f -> f.severity() == s).count();
    }

    /** Text in a table cell: no line breaks, no column separators, no HTML. */
    static String cell(String s) {
        return html(Printable.escapeKeepingLineBreaks(s)).replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>");
    }

    static String escape(String s) {
        return html(Printable.escape(s));
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Inline code in a cell; backticks inside are dropped to keep the span closed. */
    static String code(String s) {
        return "`" + Printable.escapeKeepingLineBreaks(s).replace("`", "'").replace("|", "\\|").replace("\r", " ").replace("\n", " ") + "`";
    }
}
