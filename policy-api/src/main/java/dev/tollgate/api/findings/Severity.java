package dev.tollgate.api.findings;

import java.util.Locale;

/** How much a finding weighs in the verdict: errors fail the gate, warnings and notes do not. */
public enum Severity {
    /** Fails the gate ({@link dev.tollgate.api.verdict.Outcome#FAIL}). */
    ERROR,
    /** Warns: without errors, the outcome is {@link dev.tollgate.api.verdict.Outcome#WARN} (the gate passes). */
    WARNING,
    /** For information; does not change the outcome. */
    NOTE;

    /**
     * The severity as reports and settings write it.
     *
     * @return {@code error}, {@code warning} or {@code note}
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a severity as settings and rule metadata write it.
     *
     * @param word {@code error}, {@code warning} (or {@code warn}) or {@code note}, in any case; may be null
     * @return the severity; null when {@code word} is null or none of those
     */
    public static Severity parse(String word) {
        if (word == null) return null;
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "note" -> NOTE;
            default -> null;
        };
    }
}
