package dev.tollgate.api.facts;

import java.util.Locale;

/** What an advisory reports: a vulnerability, or the kind its {@code informational} key names. */
public enum AdvisoryKind {
    /** A vulnerability ({@code informational} absent). */
    VULNERABILITY,
    /** {@code informational = "unmaintained"}: nobody maintains the crate. */
    UNMAINTAINED,
    /** {@code informational = "unsound"}: safe code can cause undefined behaviour. */
    UNSOUND,
    /** {@code informational = "notice"}: something to know, not a flaw. */
    NOTICE,
    /** Any other {@code informational} value, which Tollgate does not know ({@link Advisory#kindName()} holds it). */
    OTHER;

    /**
     * The kind as RustSec writes it.
     *
     * @return {@code vulnerability}, {@code unmaintained}, {@code unsound}, {@code notice} or {@code other}
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of an advisory's {@code informational} value.
     *
     * @param word {@code informational} as written, or {@code vulnerability} when it is absent
     * @return its kind; {@link #OTHER} for a value Tollgate does not know
     */
    public static AdvisoryKind of(String word) {
        for (AdvisoryKind k : values()) if (k != OTHER && k.word().equals(word)) return k;
        return OTHER;
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
