package dev.tollgate.api.facts;

/**
 * The advisory database a run read.
 *
 * @param location     where it was read from: a directory, or the git URL it was fetched from
 * @param commit       the db's HEAD commit ("" when the directory is not a git repository)
 * @param lastUpdated  ISO date of the db's last commit; for a plain directory, the newest advisory
 *                     {@code date} (a lower bound: the db cannot be older than its newest advisory)
 * @param ageDays      days between {@code lastUpdated} and the run's date
 * @param dateSource   {@code commit} or {@code newest-advisory}
 * @param advisories   how many advisory files were read
 * @param origin       the database's root directory as findings name it (the file part alone, e.g. {@code advisory-db})
 */
public record AdvisoryDb(String location, String commit, String lastUpdated, long ageDays, String dateSource,
                         int advisories, Location origin) {
}
