package dev.tollgate.api.facts;

import dev.tollgate.api.findings.Severity;

/** cargo-deny's lint levels: what a configured check does when it matches. */
public enum Level {
    DENY, WARN, ALLOW;

    /**
     * The finding severity this level gives. {@code allow} gives a note, as cargo-deny prints one for
     * an allowed unknown source; checks whose allow means silence (unused entries) do not fire at all.
     */
    public Severity severity() {
        return switch (this) {
            case DENY -> Severity.ERROR;
            case WARN -> Severity.WARNING;
            case ALLOW -> Severity.NOTE;
        };
    }

    public boolean reports() {
        return this != ALLOW;
    }

    /** Parses {@code deny}, {@code warn} or {@code allow}; null for anything else. */
    public static Level parse(String word) {
        if (word == null) return null;
        return switch (word) {
            case "deny" -> DENY;
            case "warn" -> WARN;
            case "allow" -> ALLOW;
            default -> null;
        };
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
