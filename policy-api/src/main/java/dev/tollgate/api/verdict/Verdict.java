package dev.tollgate.api.verdict;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one evaluation and its findings, in a deterministic order: by policy, file, line,
 * code, subject, then column and message. Any error fails the gate; otherwise any warning warns.
 *
 * @param policies the policies that ran, sorted (a policy skipped for want of its inputs is not among
 *                 them; its note is among the findings)
 */
public record Verdict(Outcome outcome, List<Finding> findings, java.util.SortedSet<String> policies) {

    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::policy)
            .thenComparing(f -> f.location().file(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::code)
            .thenComparing(Finding::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::message);

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        policies = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(policies));
    }

    /** A verdict that names no policy. */
    public Verdict(Outcome outcome, List<Finding> findings) {
        this(outcome, findings, new java.util.TreeSet<>());
    }

    /** The verdict that these findings give, findings sorted, naming no policy. */
    public static Verdict of(List<Finding> findings) {
        return of(findings, java.util.Set.of());
    }

    /** The verdict that these findings of these policies give, findings sorted. */
    public static Verdict of(List<Finding> findings, java.util.Set<String> policies) {
        List<Finding> sorted = findings.stream().sorted(ORDER).toList();
        Outcome outcome = Outcome.PASS;
        for (Finding f : sorted) {
            if (f.severity() == Severity.ERROR) {
                outcome = Outcome.FAIL;
                break;
            }
            if (f.severity() == Severity.WARNING) outcome = Outcome.WARN;
        }
        return new Verdict(outcome, sorted, new java.util.TreeSet<>(policies));
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
