package dev.tollgate.report;

import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/**
 * Renders a verdict for one audience: people ({@link TextReport}, {@link MarkdownReport}), tools
 * ({@link JsonReport}, {@link SarifReport}, {@link JunitReport}) or the CI runner
 * ({@link GithubReport}). {@link Reports#create} makes them. Every report is deterministic: the same
 * verdict gives the same bytes.
 */
public interface Report {
    /**
     * @param verdict   what the gate answered
     * @param evaluated the policies that ran (for the summary line)
     */
    void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException;
}
