package dev.tollgate.api.facts;

import java.util.List;

/**
 * One {@code [[licenses.exceptions]]} entry (from deny.toml or deny.exceptions.toml): licenses
 * allowed for one crate only.
 *
 * @param crate      the crate spec as written ({@code name} or {@code name@req})
 * @param allowed    the licenses it allows
 * @param matchedIds the locked package ids whose name and version the spec matches
 * @param origin     the entry's position
 */
public record LicenseException(String crate, List<LicenseReq> allowed, List<String> matchedIds, Location origin) {
    /**
     * Copies {@code allowed} and {@code matchedIds} (the fact is immutable).
     *
     * @param crate      the crate spec as written ({@code name} or {@code name@req})
     * @param allowed    the licenses it allows
     * @param matchedIds the locked package ids whose name and version the spec matches
     * @param origin     the entry's position
     */
    public LicenseException {
        allowed = List.copyOf(allowed);
        matchedIds = List.copyOf(matchedIds);
    }
}
