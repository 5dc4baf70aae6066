package dev.tollgate.api.facts;

/** The increment a crate gets: the largest {@link BumpNeed} of the crate, chosen by the version rules. */
public record CrateBump(String crate, String level, String reason) {
}
