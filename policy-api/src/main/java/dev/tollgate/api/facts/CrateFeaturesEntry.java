package dev.tollgate.api.facts;

import java.util.List;

/**
 * The feature rules of one {@code [bans] features} entry (cargo-deny's {@code { crate, allow, deny, exact }});
 * its crate spec is the {@link CrateSpecEntry} of list {@code features} with the same index, and the locked
 * packages it matches are its {@link CrateMatch}es.
 *
 * @param index  the entry's index in {@code features}
 * @param spec   the crate spec as written
 * @param allow  {@code allow}: the features allowed (when not empty, every other enabled feature is reported)
 * @param deny   {@code deny}: features that must not be enabled
 * @param exact  {@code exact}: the enabled features must be exactly {@code allow}
 * @param reason {@code reason}, "" when absent
 * @param origin where the entry starts in deny.toml
 */
public record CrateFeaturesEntry(int index, String spec, List<String> allow, List<String> deny, boolean exact,
                                 String reason, Location origin) {
    /**
     * Copies {@code allow} and {@code deny} (the fact is immutable); a null {@code reason} becomes "".
     *
     * @param index  the entry's index in {@code features}
     * @param spec   the crate spec as written
     * @param allow  {@code allow}: the features allowed (when not empty, every other enabled feature is reported)
     * @param deny   {@code deny}: features that must not be enabled
     * @param exact  {@code exact}: the enabled features must be exactly {@code allow}
     * @param reason {@code reason}, "" when absent
     * @param origin where the entry starts in deny.toml
     */
    public CrateFeaturesEntry {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        reason = reason == null ? "" : reason;
    }
}
