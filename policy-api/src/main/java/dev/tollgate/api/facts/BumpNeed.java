package dev.tollgate.api.facts;

/**
 * A version increment one change asks of a crate, derived by the version rules.
 *
 * @param crate  the crate
 * @param rank   how big: 1 patch or prerelease, 2 minor, 3 major, 9 initial (first release: the manifest's version as is)
 * @param level  patch, prerelease, minor, major or initial
 * @param reason why
 */
public record BumpNeed(String crate, int rank, BumpLevel level, String reason) {
}
