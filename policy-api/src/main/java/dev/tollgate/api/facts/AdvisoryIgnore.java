package dev.tollgate.api.facts;

/**
 * One {@code [advisories] ignore} entry: a plain id, or {@code {id, reason}} with Tollgate's extension
 * keys {@code tracking} (an issue URL or {@code #N}) and {@code expires} (an ISO date after which the
 * ignore stops applying).
 *
 * @param id       the advisory id ({@code RUSTSEC-2023-0071})
 * @param reason   "" when absent
 * @param tracking "" when absent
 * @param expires  ISO date, "" when absent
 * @param expired  {@code expires} is before the run's date
 * @param base     the entry comes from the base commit's deny.toml (PR mode)
 * @param origin   the entry's position in deny.toml
 */
public record AdvisoryIgnore(String id, String reason, String tracking, String expires, boolean expired, boolean base,
                             Location origin) {
    /**
     * Whether this entry allows more than {@code older} did: no expiry where it had one, or a later one.
     *
     * @param older the entry for the same advisory in the base commit's deny.toml
     * @return true when {@code older} expires and this entry does not, or expires later
     */
    public boolean loosens(AdvisoryIgnore older) {
        if (older.expires.isEmpty()) return false;
        return expires.isEmpty() || expires.compareTo(older.expires) > 0;
    }
}
