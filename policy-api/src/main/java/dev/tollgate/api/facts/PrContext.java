package dev.tollgate.api.facts;

/**
 * PR mode ({@code --base}): which commits are compared and whose policy applies.
 *
 * @param base           {@code --base} as given
 * @param baseCommit     the commit it resolved to
 * @param headCommit     the head's commit ({@code --head}, else HEAD)
 * @param policyFromHead {@code --policy-from head}: the change's own policy applies
 * @param policyChanges  how a policy change is reported, from the base's tollgate.toml
 *                       {@code [pr] policy-changes}: {@code warn} (the default) or {@code deny}
 * @param settingOrigin  where {@code policy-changes} is set, or the file alone
 */
public record PrContext(String base, String baseCommit, String headCommit, boolean policyFromHead, String policyChanges,
                        Location settingOrigin) {
    /**
     * Whether the base and the head are the same commit, so nothing is compared.
     *
     * @return whether {@code baseCommit} equals {@code headCommit}
     */
    public boolean sameCommit() {
        return baseCommit.equals(headCommit);
    }
}
