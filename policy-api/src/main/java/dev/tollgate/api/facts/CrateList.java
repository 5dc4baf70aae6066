package dev.tollgate.api.facts;

/** The deny.toml lists whose entries are crate specs ({@link CrateSpecEntry}, {@link CrateMatch}). */
public enum CrateList {
    /** {@code [bans] deny}. */
    DENY("deny"),
    /** {@code [bans] allow}: when present, every crate in the graph must be listed. */
    ALLOW("allow"),
    /** {@code [bans] skip}: versions left out of duplicate detection. */
    SKIP("skip"),
    /** {@code [bans] skip-tree}: a crate and its dependencies left out of duplicate detection. */
    SKIP_TREE("skip-tree"),
    /** {@code [bans] features}: feature bans per crate. */
    FEATURES("features"),
    /** {@code [bans.build] allow-build-scripts}: crates whose build script may run. */
    BUILD_ALLOW_BUILD_SCRIPTS("build.allow-build-scripts"),
    /** {@code [bans.build] bypass}: crates whose build-time executables are accepted by checksum. */
    BUILD_BYPASS("build.bypass");

    private final String word;

    CrateList(String word) {
        this.word = word;
    }

    /**
     * The list as deny.toml names it under {@code [bans]}.
     *
     * @return {@code deny}, {@code allow}, {@code skip}, {@code skip-tree}, {@code features},
     *         {@code build.allow-build-scripts} or {@code build.bypass}
     */
    public String word() {
        return word;
    }

    /**
     * The list deny.toml names {@code word}.
     *
     * @param word as {@link #word()} gives it ({@code skip-tree}, {@code build.bypass})
     * @return the list
     * @throws IllegalArgumentException for a word that names no list
     */
    public static CrateList of(String word) {
        for (CrateList l : values()) if (l.word.equals(word)) return l;
        throw new IllegalArgumentException("no crate list `" + word + "`");
    }

    /**
     * The word, so that a message that joins the value reads as the text it replaced.
     *
     * @return {@link #word()}
     */
    @Override
    public String toString() {
        return word();
    }
}
