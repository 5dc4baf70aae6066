package dev.tollgate.api.facts;

/**
 * How precisely a git source names what it wants, from least to most specific, as cargo-deny's
 * {@code required-git-spec} orders them: {@code any < branch < tag < rev}.
 */
public enum GitSpec {
    /** The URL names no branch, tag or rev: the default branch. */
    ANY,
    /** {@code ?branch=NAME}. */
    BRANCH,
    /** {@code ?tag=NAME}. */
    TAG,
    /** {@code ?rev=REV}: a commit. */
    REV;

    /**
     * True when this spec is at least as specific as {@code required}.
     *
     * @param required the spec {@code required-git-spec} asks for
     * @return whether this spec comes at or after {@code required} in {@code any < branch < tag < rev}
     */
    public boolean satisfies(GitSpec required) {
        return compareTo(required) >= 0;
    }

    /**
     * The spec as deny.toml writes it.
     *
     * @return {@code any}, {@code branch}, {@code tag} or {@code rev}
     */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
