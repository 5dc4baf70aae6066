package dev.tollgate.api.facts;

/**
 * The {@code [release]} settings the version rules read.
 *
 * @param featuresAlwaysIncrementMinor in 0.x, a feat bumps the minor version (release-plz's option of that name)
 */
public record ReleaseSettings(boolean featuresAlwaysIncrementMinor) {
}
