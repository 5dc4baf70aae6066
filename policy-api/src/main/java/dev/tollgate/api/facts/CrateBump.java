package dev.tollgate.api.facts;

/**
 * The increment a crate gets: the largest {@link BumpNeed} of the crate, chosen by the version rules.
 *
 * @param crate  the crate's name
 * @param level  the {@link BumpNeed#level()}: {@code patch}, {@code prerelease}, {@code minor}, {@code major} or
 *               {@code initial}
 * @param reason why, from the {@link BumpNeed} chosen
 */
public record CrateBump(String crate, String level, String reason) {
}
