package dev.tollgate.api.verdict;

import java.util.Locale;

/** The gate's answer: {@code pass} (exit 0), {@code warn} (exit 0), {@code fail} (exit 1). */
public enum Outcome {
    /** No error and no warning (notes at most): the gate passes, exit 0. */
    PASS,
    /** No error, at least one warning: the gate passes, exit 0. */
    WARN,
    /** At least one error: the gate fails, exit 1. */
    FAIL;

    /**
     * The outcome as reports write it.
     *
     * @return {@code pass}, {@code warn} or {@code fail}
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
