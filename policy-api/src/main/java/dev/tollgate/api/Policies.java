package dev.tollgate.api;

import java.util.List;
import java.util.Locale;

/**
 * The policy ids accepted by {@code --policies}. A rule belongs to the policy named by the last
 * segment of its DRL package ({@code package tollgate.sources;} → {@code sources}); rules in other
 * packages (configuration checks, engine checks) always run.
 */
public final class Policies {
    public static final String SOURCES = "sources";
    public static final String LICENSES = "licenses";
    public static final String BANS = "bans";
    public static final String ADVISORIES = "advisories";
    public static final String WORKFLOWS = "workflows";
    public static final String COMMITS = "commits";

    /** Every policy id, in the order reports list them. */
    public static final List<String> ALL = List.of(SOURCES, LICENSES, BANS, ADVISORIES, WORKFLOWS, COMMITS);

    /**
     * Plans: rule packages that derive a plan (the affected crates, the next versions, the release
     * jobs) rather than judge a gate. Their rules run only when a plan command selects them, never in {@code check},
     * and they are not accepted by {@code --policies}.
     */
    public static final String AFFECTED = "affected";
    public static final String VERSIONS = "versions";
    public static final String RELEASE_JOBS = "releasejobs";
    public static final List<String> PLANS = List.of(AFFECTED, VERSIONS, RELEASE_JOBS);

    private Policies() {
    }

    public static boolean isPlan(String id) {
        return PLANS.contains(id);
    }

    public static boolean isPolicy(String id) {
        return ALL.contains(id);
    }

    /**
     * The id a DRL package names: its last segment, with {@code _} read as {@code -} (a Java package
     * cannot spell {@code pr-mode}, so {@code tollgate.pr_mode} does).
     */
    public static String idOfPackage(String drlPackage) {
        return drlPackage.substring(drlPackage.lastIndexOf('.') + 1).replace('_', '-');
    }

    /**
     * The policy or plan a DRL package belongs to, or null when it belongs to none (always runs).
     * A plan's rules run only when the plan is selected.
     */
    public static String ofPackage(String drlPackage) {
        if (drlPackage == null) return null;
        String last = drlPackage.substring(drlPackage.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return isPolicy(last) || isPlan(last) ? last : null;
    }
}
