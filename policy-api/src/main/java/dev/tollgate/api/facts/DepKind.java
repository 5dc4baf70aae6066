package dev.tollgate.api.facts;

/** Cargo's dependency kinds. */
public enum DepKind {
    /** {@code [dependencies]}: built into the crate. */
    NORMAL,
    /** {@code [dev-dependencies]}: tests, examples and benchmarks only. */
    DEV,
    /** {@code [build-dependencies]}: the build script only. */
    BUILD;

    /**
     * The kind as Cargo's metadata and messages write it.
     *
     * @return {@code normal}, {@code dev} or {@code build}
     */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
