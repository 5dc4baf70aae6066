package dev.tollgate.api.facts;

import dev.tollgate.api.findings.Severity;

/** cargo-deny's lint levels: what a configured check does when it matches. */
public enum Level {
    DENY, WARN, ALLOW;

    /** The finding severity this level gives; {@code ALLOW} emits nothing (null). */
    public Severity severity() {
        return switch (this) {
            case DENY -> Severity.ERROR;
            case WARN -> Severity.WARNING;
            case ALLOW -> null;
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
