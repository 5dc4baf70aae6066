package dev.tollgate.api.facts;

/**
 * How precisely a git source names what it wants, from least to most specific, as cargo-deny's
 * {@code required-git-spec} orders them: {@code any < branch < tag < rev}.
 */
public enum GitSpec {
    ANY, BRANCH, TAG, REV;

    /** True when this spec is at least as specific as {@code required}. */
    public boolean satisfies(GitSpec required) {
        return compareTo(required) >= 0;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
