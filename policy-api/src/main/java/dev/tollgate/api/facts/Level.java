package dev.tollgate.api.facts;

import dev.tollgate.api.findings.Severity;

/** cargo-deny's lint levels: what a configured check does when it matches. */
public enum Level {
    /** {@code deny}: the check reports an error. */
    DENY,
    /** {@code warn}: the check reports a warning. */
    WARN,
    /** {@code allow}: the check reports nothing, or a note. */
    ALLOW;

    /**
     * The finding severity this level gives. {@code allow} gives a note, as cargo-deny prints one for
     * an allowed unknown source; checks whose allow means silence (unused entries) do not fire at all.
     *
     * @return {@code ERROR} for deny, {@code WARNING} for warn, {@code NOTE} for allow
     */
    public Severity severity() {
        return switch (this) {
            case DENY -> Severity.ERROR;
            case WARN -> Severity.WARNING;
            case ALLOW -> Severity.NOTE;
        };
    }

    /**
     * Whether a check at this level reports a warning or an error.
     *
     * @return true for deny and warn
     */
    public boolean reports() {
        return this != ALLOW;
    }

    /**
     * Parses {@code deny}, {@code warn} or {@code allow}; null for anything else.
     *
     * @param word the level as written in deny.toml (lower case); may be null
     * @return the level, or null
     */
    public static Level parse(String word) {
        if (word == null) return null;
        return switch (word) {
            case "deny" -> DENY;
            case "warn" -> WARN;
            case "allow" -> ALLOW;
            default -> null;
        };
    }

    /**
     * The level as deny.toml writes it.
     *
     * @return {@code deny}, {@code warn} or {@code allow}
     */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
