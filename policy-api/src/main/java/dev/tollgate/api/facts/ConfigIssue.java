package dev.tollgate.api.facts;

/**
 * Something in a configuration file that was read but is not understood: an unknown key, or a
 * value of the wrong shape that the reader could not use. Rules turn these into findings.
 *
 * @param policy the policy whose table holds the key ({@code sources}, ...), or {@code config}
 * @param kind   {@code unknown-key}, {@code deprecated-key} or {@code invalid-value}
 * @param key    the dotted key path ({@code sources.allow-gits})
 * @param detail one line for the finding, e.g. {@code unknown key `allow-gits` in [sources]; did you mean `allow-git`?}
 * @param origin the key's position
 */
public record ConfigIssue(String policy, String kind, String key, String detail, Location origin) {
}
