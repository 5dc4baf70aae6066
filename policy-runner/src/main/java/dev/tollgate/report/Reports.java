package dev.tollgate.report;

import java.util.List;

/**
 * The report formats and the one place that creates them. Each format is its own class, created
 * only when asked for, so a run loads the classes of the formats it writes and no others (the
 * start-up budget counts every class).
 */
public final class Reports {
    /** The project's home; rule help links point into its docs. */
    public static final String PROJECT_URL = "https://github.com/tollgate-dev/tollgate";

    /** Where the docs of a policy's codes live: {@code docs/policies/<policy>.md#<code>} on the default branch. */
    public static final String DOCS_URL = PROJECT_URL + "/blob/main/docs/policies/";

    /** Every format {@code --format} and {@code --output FORMAT=FILE} accept, in the order help lists them. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "markdown", "junit");

    private Reports() {
    }

    public static boolean isFormat(String name) {
        return FORMATS.contains(name);
    }

    /** The report for one format; only that format's class is loaded. */
    public static Report create(String format, ReportContext context) {
        return switch (format) {
            case "text" -> new TextReport(context.colour());
            case "json" -> new JsonReport(context.version());
            case "sarif" -> new SarifReport(context);
            case "github" -> new GithubReport(context);
            case "markdown" -> new MarkdownReport(context);
            case "junit" -> new JunitReport(context);
            default -> throw new IllegalArgumentException("unknown report format `" + format + "`; use " + String.join(", ", FORMATS));
        };
    }

    /** The help link of a declared code: a custom rule's {@code @url}, else its heading on the policy's page; null when it has none. */
    public static String helpUri(dev.tollgate.api.findings.FindingCode c) {
        if (!c.hasHelp()) return null;
        return c.url() != null ? c.url() : helpUri(c.policy(), c.code());
    }

    /** The help link of a finding code: its heading on the policy's page (docs/policies/POLICY.md#CODE, generated from the rules). */
    public static String helpUri(String policy, String code) {
        return DOCS_URL + policy + ".md#" + code;
    }
}
