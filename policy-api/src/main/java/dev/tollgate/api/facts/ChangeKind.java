package dev.tollgate.api.facts;

import java.util.Locale;

/** Why a crate changes in a release plan ({@link CrateChange}). */
public enum ChangeKind {
    /** A breaking change ({@code !} or a {@code BREAKING CHANGE} footer). */
    BREAKING,
    /** A {@code feat} commit. */
    FEAT,
    /** Any other commit, conventional or not. */
    OTHER,
    /** No commit of its own: it depends on a crate that is released. */
    DEPENDENCY;

    /**
     * The kind in lower case.
     *
     * @return {@code breaking}, {@code feat}, {@code other} or {@code dependency}
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
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
