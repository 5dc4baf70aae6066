package dev.tollgate.api.facts;

import java.util.Set;

/**
 * What this evaluation was asked to do: the selected policy ids and the files read. Exactly one per
 * evaluation; rules outside a policy (configuration checks) use it to speak only about selected policies.
 *
 * @param lockfile the lockfile's display path ("" when none was read)
 * @param config   the deny.toml display path ("" when none was read)
 */
public record RunContext(Set<String> policies, String lockfile, String config) {
    public RunContext {
        policies = Set.copyOf(policies);
    }

    public boolean selected(String policy) {
        return policies.contains(policy);
    }
}
