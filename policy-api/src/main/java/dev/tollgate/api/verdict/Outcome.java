package dev.tollgate.api.verdict;

import java.util.Locale;

/** The gate's answer: {@code pass} (exit 0), {@code warn} (exit 0), {@code fail} (exit 1). */
public enum Outcome {
    PASS, WARN, FAIL;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
