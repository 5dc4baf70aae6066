package dev.tollgate.report;

import dev.tollgate.api.Policies;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JUnit XML, which every CI shows: one {@code testsuite} per policy, one {@code testcase} per
 * finding code of that policy (classname {@code tollgate.<policy>}, name the code), and one
 * {@code failure} per error finding of that code. Warnings and notes do not fail the gate, so they
 * are listed in the test case's {@code system-out}. No timestamps or host names: the same findings
 * give the same bytes.
 */
public final class JunitReport implements Report {
    private final ReportContext context;

    public JunitReport(ReportContext context) {
        this.context = context;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        // policy -> code -> findings; every declared code of a policy that ran is a test case.
        Map<String, Map<String, List<Finding>>> suites = new TreeMap<>();
        for (FindingCode c : context.codes()) {
            if (evaluated.contains(c.policy())) suites.computeIfAbsent(c.policy(), k -> new TreeMap<>()).putIfAbsent(c.code(), new ArrayList<>());
        }
        for (String p : evaluated) suites.computeIfAbsent(p, k -> new TreeMap<>());
        for (Finding f : verdict.findings()) {
            suites.computeIfAbsent(f.policy(), k -> new TreeMap<>()).computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f);
        }
        int tests = 0;
        int failures = 0;
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<Finding>>> s : suites.entrySet()) {
            int t = s.getValue().size();
            int fl = 0;
            for (List<Finding> fs : s.getValue().values()) if (fs.stream().anyMatch(f -> f.severity() == Severity.ERROR)) fl++;
            counts.put(s.getKey(), new int[] {t, fl});
            tests += t;
            failures += fl;
        }

        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"tollgate\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        for (Map.Entry<String, Map<String, List<Finding>>> s : suites.entrySet()) {
            String suite = "tollgate." + s.getKey();
            int[] c = counts.get(s.getKey());
            x.append("  <testsuite name=\"").append(attr(suite)).append("\" tests=\"").append(c[0]).append("\" failures=\"").append(c[1])
                    .append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
            x.append("    <properties>\n");
            x.append("      <property name=\"tollgate.version\" value=\"").append(attr(context.version())).append("\"/>\n");
            x.append("      <property name=\"tollgate.verdict\" value=\"").append(verdict.outcome().word()).append("\"/>\n");
            x.append("    </properties>\n");
            for (Map.Entry<String, List<Finding>> tc : s.getValue().entrySet()) {
                x.append("    <testcase classname=\"").append(attr(suite)).append("\" name=\"").append(attr(tc.getKey())).append("\" time=\"0\"");
                List<Finding> fs = tc.getValue();
                if (fs.isEmpty()) {
                    x.append("/>\n");
                    continue;
                }
                x.append(">\n");
                StringBuilder other = new StringBuilder();
                for (Finding f : fs) {
                    String line = describe(f);
                    if (f.severity() == Severity.ERROR) {
                        x.append("      <failure type=\"").append(attr(f.code())).append("\" message=\"").append(attr(line)).append("\">")
                                .append(text(line + "\n" + Printable.escapeKeepingLineBreaks(f.message()) + help(f)))
                                .append("</failure>\n");
                    } else {
                        other.append(f.severity().word()).append(' ').append(line).append('\n').append("    ").append(Printable.escapeKeepingLineBreaks(f.message())).append('\n');
                    }
                }
                if (!other.isEmpty()) x.append("      <system-out>").append(text(other.toString())).append("</system-out>\n");
                x.append("    </testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        x.append("</testsuites>\n");
        out.write(x.toString());
    }

    /** The finding's help link on a line of its own, or nothing when its code has no help page. */
    private String help(Finding f) {
        for (FindingCode c : context.codes()) {
            if (c.code().equals(f.code())) {
                String uri = Reports.helpUri(c);
                return uri == null ? "" : "\n" + uri;
            }
        }
        return "\n" + Reports.helpUri(helpPolicy(f), f.code());
    }

    private String helpPolicy(Finding f) {
        for (FindingCode c : context.codes()) if (c.code().equals(f.code())) return c.policy();
        return Policies.isPolicy(f.policy()) ? f.policy() : "config";
    }

    private static String describe(Finding f) {
        String where = f.location().toString();
        return Printable.escape((where.isEmpty() ? "" : where + " ") + f.code() + (f.subject() == null ? "" : " " + f.subject()));
    }

    static String attr(String s) {
        return text(Printable.escape(s)).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    /**
     * XML character data: markup escaped, characters XML 1.0 cannot hold replaced, and CR and LF as
     * character references, so that no line of the file starts with input text (a workflow command
     * when the report goes to stdout); parsed, the text is the same.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (ok) b.appendCodePoint(cp);
                    else b.append('\uFFFD');
                }
            }
        }
        return b.toString();
    }
}
