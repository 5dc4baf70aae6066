package dev.tollgate.report;

import dev.tollgate.api.VerdictJson;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/**
 * The JSON contract other tools build on:
 * {@code {"tool","version","verdict","policies","findings":[{"policy","code","severity","message","file","line",
 * "column","subject","new","data"}]}}. Absent values are null. Keys may be added, never renamed. Written by
 * policy-api's {@link VerdictJson}, the writer embedders use, so their JSON is this report's, byte for byte.
 */
public final class JsonReport implements Report {
    private final String version;

    public JsonReport(String version) {
        this.version = version;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        // the policies that ran are the verdict's (CheckRun gives both the same set)
        Verdict shown = verdict.policies().equals(evaluated) ? verdict
                : new Verdict(verdict.outcome(), verdict.findings(), new java.util.TreeSet<>(evaluated));
        VerdictJson.write(shown, version, out);
    }
}
