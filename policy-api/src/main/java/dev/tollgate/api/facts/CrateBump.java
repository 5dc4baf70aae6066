package dev.tollgate.api.facts;

/**
 * The increment a crate gets: the largest {@link BumpNeed} of the crate, chosen by the version rules.
 *
 * @param crate  the crate's name
 * @param level  the {@link BumpNeed#level()}: patch, prerelease, minor, major or initial
 * @param reason why, from the {@link BumpNeed} chosen
 */
public record CrateBump(String crate, BumpLevel level, String reason) {
}
