package dev.tollgate.api.facts;

/** Cargo's dependency kinds. */
public enum DepKind {
    NORMAL, DEV, BUILD;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
