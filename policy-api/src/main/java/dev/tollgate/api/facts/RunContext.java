package dev.tollgate.api.facts;

import java.util.Set;

/**
 * What this evaluation was asked to do: the selected policy ids and the files read. Exactly one per
 * evaluation; rules outside a policy (configuration checks) use it to speak only about selected policies.
 *
 * @param policies the ids of the policies evaluated ({@code sources}, {@code bans}, ...)
 * @param lockfile the lockfile's display path ("" when none was read)
 * @param config   the deny.toml display path ("" when none was read)
 */
public record RunContext(Set<String> policies, String lockfile, String config) {
    /**
     * Copies {@code policies} (the fact is immutable).
     *
     * @param policies the ids of the policies evaluated ({@code sources}, {@code bans}, ...)
     * @param lockfile the lockfile's display path ("" when none was read)
     * @param config   the deny.toml display path ("" when none was read)
     */
    public RunContext {
        policies = Set.copyOf(policies);
    }

    /**
     * Whether a policy was selected for this evaluation.
     *
     * @param policy a policy id ({@code sources})
     * @return whether {@code policies} holds it
     */
    public boolean selected(String policy) {
        return policies.contains(policy);
    }
}
