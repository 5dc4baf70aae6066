package dev.tollgate.api.facts;

/**
 * One {@code [advisories] ignore} entry: a plain id, or {@code {id, reason}} with Tollgate's extension
 * keys {@code tracking} (an issue URL or {@code #N}) and {@code expires} (an ISO date after which the
 * ignore stops applying).
 *
 * @param reason   "" when absent
 * @param tracking "" when absent
 * @param expires  ISO date, "" when absent
 * @param base     the entry comes from the base commit's deny.toml (PR mode)
 */
public record AdvisoryIgnore(String id, String reason, String tracking, String expires, boolean base,
                             Location origin) {
    /** Whether the entry has stopped applying on {@code today} (ISO dates compare as strings). */
    public boolean expiredOn(String today) {
        return !expires.isEmpty() && expires.compareTo(today) < 0;
    }
}
