package dev.tollgate.api.facts;

/**
 * deny.toml's {@code [advisories]} thresholds (from the base commit in PR mode, unless
 * {@code --policy-from head}).
 *
 * @param unmaintained          scope of unmaintained advisories: all, workspace, transitive or none
 * @param unsound               scope of unsound advisories: all, workspace, transitive or none
 * @param unusedIgnoredAdvisory level for an ignore entry that matches nothing
 * @param maximumDbStalenessDays the db may be this many days old (cargo-deny's default: 90)
 * @param today                 the run's date (ISO), against which {@code expires} and staleness are judged
 * @param prMode                {@code --base} was given: findings carry {@code new}
 * @param origin                the {@code [advisories]} table, or the file alone when there is none
 * @param unmaintainedOrigin    where {@code unmaintained} is set (the file alone when it is not)
 * @param unsoundOrigin         where {@code unsound} is set (the file alone when it is not)
 * @param stalenessOrigin       where {@code maximum-db-staleness} is set (the file alone when it is not)
 * @param ignoresFromBase       PR mode with the base's policy: the base's ignore entries are the ones in
 *                              force (the change's own are only compared with them, {@code ignore-added})
 */
public record AdvisoriesConfig(String unmaintained, String unsound, Level unusedIgnoredAdvisory,
                               long maximumDbStalenessDays, String today, boolean prMode, Location origin,
                               Location unmaintainedOrigin, Location unsoundOrigin, Location stalenessOrigin,
                               boolean ignoresFromBase) {
    /**
     * Whether a package reached {@code direct}ly (or not) is in the scope {@code scope}.
     *
     * @param scope  {@code all}, {@code workspace} (direct dependencies of members), {@code transitive} (the
     *               others) or {@code none}
     * @param direct whether a workspace member depends on the package directly
     * @return true when advisories of that scope apply to the package; false for {@code none} or an unknown scope
     */
    public static boolean inScope(String scope, boolean direct) {
        return switch (scope) {
            case "all" -> true;
            case "workspace" -> direct;
            case "transitive" -> !direct;
            default -> false;
        };
    }
}
