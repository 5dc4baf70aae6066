package dev.tollgate.api.facts;

import java.util.Locale;

/** How far a release moves a crate's version ({@link BumpNeed}, {@link CrateBump}). */
public enum BumpLevel {
    /** {@code 1.2.3} → {@code 1.2.4}. */
    PATCH,
    /** The last pre-release identifier counts up: {@code 1.0.0-rc.1} → {@code 1.0.0-rc.2}. */
    PRERELEASE,
    /** {@code 1.2.3} → {@code 1.3.0}. */
    MINOR,
    /** {@code 1.2.3} → {@code 2.0.0}. */
    MAJOR,
    /** The first release: the manifest's version as it is. */
    INITIAL;

    /**
     * The level as the release plan writes it.
     *
     * @return {@code patch}, {@code prerelease}, {@code minor}, {@code major} or {@code initial}
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
