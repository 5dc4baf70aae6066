package dev.tollgate.api;

import java.util.List;
import java.util.Locale;

/**
 * The policy ids accepted by {@code --policies}. A rule belongs to the policy named by the last
 * segment of its DRL package ({@code package tollgate.sources;} → {@code sources}); rules in other
 * packages (configuration checks, engine checks) always run.
 */
public final class Policies {
    /** Where locked packages come from: crates.io, other registries, git ({@code [sources]} of deny.toml). */
    public static final String SOURCES = "sources";
    /** Which licenses the packages of the build carry ({@code [licenses]} of deny.toml). */
    public static final String LICENSES = "licenses";
    /** Which crates may be in the graph, and in how many versions ({@code [bans]} of deny.toml). */
    public static final String BANS = "bans";
    /** RustSec advisories that affect the locked packages ({@code [advisories]} of deny.toml). */
    public static final String ADVISORIES = "advisories";
    /** The GitHub Actions workflows and actions under {@code .github/}. */
    public static final String WORKFLOWS = "workflows";
    /**
     * Conventional Commits for the commits of a range and a pull request's title; its inputs are there
     * only with {@link CheckRequest#withBase} or {@link CheckRequest#withPrTitle}.
     */
    public static final String COMMITS = "commits";

    /** Every policy id, in the order reports list them. */
    public static final List<String> ALL = List.of(SOURCES, LICENSES, BANS, ADVISORIES, WORKFLOWS, COMMITS);

    /**
     * Plan {@code affected}: which workspace members a change affects ({@code tollgate plan affected}).
     *
     * <p>Plans are rule packages that derive a plan (the affected crates, the next versions, the release
     * jobs) rather than judge a gate. Their rules run only when a plan command selects them, never in {@code check},
     * and they are not accepted by {@code --policies}. See {@link PolicyEngine#derive}.
     */
    public static final String AFFECTED = "affected";
    /** Plan {@code versions}: the next version and changelog of every changed crate ({@code plan release}). */
    public static final String VERSIONS = "versions";
    /** Plan {@code releasejobs}: which build and publish jobs a release runs ({@code plan release}). */
    public static final String RELEASE_JOBS = "releasejobs";
    /** Every plan id: {@link #AFFECTED}, {@link #VERSIONS}, {@link #RELEASE_JOBS}. */
    public static final List<String> PLANS = List.of(AFFECTED, VERSIONS, RELEASE_JOBS);

    private Policies() {
    }

    /**
     * Whether an id names a plan.
     *
     * @param id an id, e.g. {@code affected}; compared exactly (case matters)
     * @return true when it is one of {@link #PLANS}
     * @throws NullPointerException {@code id} is null
     */
    public static boolean isPlan(String id) {
        java.util.Objects.requireNonNull(id, "id");
        return PLANS.contains(id);
    }

    /**
     * Whether an id names a shipped policy. Custom policies are not among them: ask the engine
     * ({@link PolicyEngine#policies()}).
     *
     * @param id an id, e.g. {@code sources}; compared exactly (case matters)
     * @return true when it is one of {@link #ALL}
     * @throws NullPointerException {@code id} is null
     */
    public static boolean isPolicy(String id) {
        java.util.Objects.requireNonNull(id, "id");
        return ALL.contains(id);
    }

    /**
     * The id a DRL package names: its last segment, with {@code _} read as {@code -} (a Java package
     * cannot spell {@code pr-mode}, so {@code tollgate.pr_mode} does).
     *
     * @param drlPackage a DRL package name, e.g. {@code acme.msrv}, or a name without dots
     * @return its last segment with {@code _} as {@code -} (case kept), e.g. {@code msrv}; whether or not
     *         it names a known policy
     * @throws NullPointerException {@code drlPackage} is null
     */
    public static String idOfPackage(String drlPackage) {
        return drlPackage.substring(drlPackage.lastIndexOf('.') + 1).replace('_', '-');
    }

    /**
     * The policy or plan a DRL package belongs to, or null when it belongs to none (always runs).
     * A plan's rules run only when the plan is selected.
     *
     * @param drlPackage a DRL package name, e.g. {@code tollgate.sources}; null is allowed
     * @return the shipped policy or plan id its last segment names (ignoring case), e.g. {@code sources};
     *         null when {@code drlPackage} is null or names none (custom policies included)
     */
    public static String ofPackage(String drlPackage) {
        if (drlPackage == null) return null;
        String last = drlPackage.substring(drlPackage.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return isPolicy(last) || isPlan(last) ? last : null;
    }
}
