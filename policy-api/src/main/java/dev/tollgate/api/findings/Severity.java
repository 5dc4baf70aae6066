package dev.tollgate.api.findings;

import java.util.Locale;

/** How much a finding weighs in the verdict: errors fail the gate, warnings and notes do not. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

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
