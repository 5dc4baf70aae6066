package dev.tollgate.report;

import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;

import java.util.Set;

/** The one-line verdict every human-facing report ends (or starts) with. */
final class Summary {
    private Summary() {
    }

    /** {@code fail: 3 errors, 2 warnings, 0 notes (policies: sources)}. */
    static String verdictLine(Verdict verdict, Set<String> evaluated) {
        return verdict.outcome().word() + ": " + counts(verdict) + " (policies: " + policies(evaluated) + ")";
    }

    static String counts(Verdict verdict) {
        return plural(verdict.count(Severity.ERROR), "error") + ", " + plural(verdict.count(Severity.WARNING), "warning") + ", "
                + plural(verdict.count(Severity.NOTE), "note");
    }

    static String policies(Set<String> evaluated) {
        return evaluated.isEmpty() ? "none" : String.join(", ", evaluated.stream().sorted().toList());
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
