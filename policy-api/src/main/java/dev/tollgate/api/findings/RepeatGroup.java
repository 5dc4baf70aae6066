package dev.tollgate.api.findings;

/**
 * One group of {@link Repeat}s (its {@link Repeat#key}), derived once per group by
 * {@code rules/config.drl} so the group's repeats are counted once, not once per repeat.
 */
public record RepeatGroup(String key) {
}
