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
 * @param outcome  {@link Outcome#FAIL} with any error, else {@link Outcome#WARN} with any warning, else
 *                 {@link Outcome#PASS} (as {@link #of} computes it)
 * @param findings every finding, in {@link #ORDER}; unmodifiable
 * @param policies the policies that ran, sorted (a policy skipped for want of its inputs is not among
 *                 them; its note is among the findings)
 */
public record Verdict(Outcome outcome, List<Finding> findings, java.util.SortedSet<String> policies) {

    /**
     * The order of a verdict's findings: by policy, file (findings with no file first), line, code, subject
     * (none first), column, then message. Reports rendered in it are byte-identical across runs.
     */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::policy)
            .thenComparing(f -> f.location().file(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::code)
            .thenComparing(Finding::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::message);

    /**
     * A verdict as given: the findings are copied, not sorted, and the outcome is not checked against them
     * ({@link #of} sorts them and computes it).
     *
     * @param outcome  the gate's answer
     * @param findings the findings, in the order to keep
     * @param policies the policies that ran; copied and sorted
     * @throws NullPointerException an argument is null, or {@code findings} or {@code policies} contains null
     */
    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        policies = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(Objects.requireNonNull(policies, "policies")));
    }

    /**
     * A verdict that names no policy.
     *
     * @param outcome  the gate's answer
     * @param findings the findings, in the order to keep (copied, not sorted)
     * @throws NullPointerException an argument is null, or {@code findings} contains null
     */
    public Verdict(Outcome outcome, List<Finding> findings) {
        this(outcome, findings, new java.util.TreeSet<>());
    }

    /**
     * The verdict that these findings give, findings sorted, naming no policy.
     *
     * @param findings the findings, in any order
     * @return the verdict: its outcome from the findings' severities, its findings in {@link #ORDER}
     * @throws NullPointerException {@code findings} is null or contains null
     */
    public static Verdict of(List<Finding> findings) {
        return of(findings, java.util.Set.of());
    }

    /**
     * The verdict that these findings of these policies give, findings sorted.
     *
     * @param findings the findings, in any order
     * @param policies the policies that ran
     * @return the verdict: {@link Outcome#FAIL} with any error, else {@link Outcome#WARN} with any warning,
     *         else {@link Outcome#PASS}; its findings in {@link #ORDER}, its policies sorted
     * @throws NullPointerException an argument is null or contains null
     */
    public static Verdict of(List<Finding> findings, java.util.Set<String> policies) {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(policies, "policies");
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

    /**
     * How many findings have a severity.
     *
     * @param severity the severity to count
     * @return the number of findings of that severity; 0 for none (and for null)
     */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
