package dev.tollgate.report;

import dev.tollgate.api.findings.FindingCode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a report may need beyond the verdict: the tool's version, the declared finding codes (their
 * docs become SARIF rules and JUnit test cases), the repository root (paths in reports are relative
 * to it; the {@code github} format annotates only files that exist there), and whether to colour.
 *
 * @param version  Tollgate's version
 * @param codes    every finding code the loaded rules declare ({@code PolicyEngine.codes()})
 * @param repoRoot the repository that was checked
 * @param colour   ANSI colour in the text report (the runner sets it on a terminal without NO_COLOR)
 */
public record ReportContext(String version, List<FindingCode> codes, Path repoRoot, boolean colour) {
    public ReportContext {
        Objects.requireNonNull(version, "version");
        codes = List.copyOf(codes);
        repoRoot = repoRoot == null ? Path.of(".") : repoRoot;
    }
}
