package dev.tollgate.api.facts;

import java.util.List;

/**
 * One crate-spec entry of a deny.toml list ({@code bans.deny}, {@code bans.allow}, {@code bans.skip},
 * {@code bans.skip-tree}, {@code bans.features}), in any of the forms cargo-deny v2 accepts:
 * {@code "name"}, {@code "name@version"} (exact), {@code "name:requirement"}, {@code { crate = "..." }}
 * or the older {@code { name = "...", version = "..." }}.
 *
 * @param list                 {@code deny}, {@code allow}, {@code skip}, {@code skip-tree} or {@code features}; for
 *                             {@code [bans.build]}, {@code build.allow-build-scripts} or {@code build.bypass}
 * @param index                the entry's index in its list
 * @param spec                 the spec as written ({@code lru:<0.18.2}, {@code rand@=0.6.5} for the split form)
 * @param name                 the crate name
 * @param versionReq           the version requirement as cargo-deny applies it ({@code =0.1.2} for
 *                             {@code name@0.1.2}), "" for every version
 * @param reason               {@code reason}, "" when absent
 * @param useInstead           {@code use-instead} (deny only), "" when absent
 * @param wrappers             {@code wrappers} (deny only): crate names allowed to depend on it directly
 * @param denyMultipleVersions {@code deny-multiple-versions} (deny only)
 * @param depth                {@code depth} (skip-tree only), -1 for unbounded
 * @param origin               where the entry starts in deny.toml
 */
public record CrateSpecEntry(CrateList list, int index, String spec, String name, String versionReq, String reason,
                             String useInstead, List<String> wrappers, boolean denyMultipleVersions, int depth,
                             Location origin) {
    /**
     * Copies {@code wrappers} (the fact is immutable); a null {@code reason}, {@code useInstead} or {@code versionReq}
     * becomes "".
     *
     * @param list                 {@code deny}, {@code allow}, {@code skip}, {@code skip-tree} or {@code features}; for
     *                             {@code [bans.build]}, {@code build.allow-build-scripts} or {@code build.bypass}
     * @param index                the entry's index in its list
     * @param spec                 the spec as written ({@code lru:<0.18.2}, {@code rand@=0.6.5} for the split form)
     * @param name                 the crate name
     * @param versionReq           the version requirement as cargo-deny applies it ({@code =0.1.2} for
     *                             {@code name@0.1.2}), "" for every version
     * @param reason               {@code reason}, "" when absent
     * @param useInstead           {@code use-instead} (deny only), "" when absent
     * @param wrappers             {@code wrappers} (deny only): crate names allowed to depend on it directly
     * @param denyMultipleVersions {@code deny-multiple-versions} (deny only)
     * @param depth                {@code depth} (skip-tree only), -1 for unbounded
     * @param origin               where the entry starts in deny.toml
     */
    public CrateSpecEntry {
        wrappers = List.copyOf(wrappers);
        reason = reason == null ? "" : reason;
        useInstead = useInstead == null ? "" : useInstead;
        versionReq = versionReq == null ? "" : versionReq;
    }

    /**
     * {@code name} alone, or {@code name} with its requirement, the way messages quote an entry.
     *
     * @return e.g. {@code openssl} or {@code openssl <0.10}
     */
    public String describe() {
        return versionReq.isEmpty() ? name : name + " " + versionReq;
    }

}
