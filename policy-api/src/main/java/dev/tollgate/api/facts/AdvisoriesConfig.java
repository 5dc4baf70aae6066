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

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.unmaintained = unmaintained;
        b.unsound = unsound;
        b.unusedIgnoredAdvisory = unusedIgnoredAdvisory;
        b.maximumDbStalenessDays = maximumDbStalenessDays;
        b.today = today;
        b.prMode = prMode;
        b.origin = origin;
        b.unmaintainedOrigin = unmaintainedOrigin;
        b.unsoundOrigin = unsoundOrigin;
        b.stalenessOrigin = stalenessOrigin;
        b.ignoresFromBase = ignoresFromBase;
        return b;
    }

    /** Builds a {@link AdvisoriesConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String unmaintained = "";
        private String unsound = "";
        private Level unusedIgnoredAdvisory = Level.values()[0];
        private long maximumDbStalenessDays;
        private String today = "";
        private boolean prMode;
        private Location origin = Location.NONE;
        private Location unmaintainedOrigin = Location.NONE;
        private Location unsoundOrigin = Location.NONE;
        private Location stalenessOrigin = Location.NONE;
        private boolean ignoresFromBase;

        private Builder() {
        }

        /**
         * Sets {@code unmaintained}.
         *
         * @param unmaintained scope of unmaintained advisories: all, workspace, transitive or none
         * @return this builder
         */
        public Builder unmaintained(String unmaintained) {
            this.unmaintained = unmaintained;
            return this;
        }

        /**
         * Sets {@code unsound}.
         *
         * @param unsound scope of unsound advisories: all, workspace, transitive or none
         * @return this builder
         */
        public Builder unsound(String unsound) {
            this.unsound = unsound;
            return this;
        }

        /**
         * Sets {@code unusedIgnoredAdvisory}.
         *
         * @param unusedIgnoredAdvisory level for an ignore entry that matches nothing
         * @return this builder
         */
        public Builder unusedIgnoredAdvisory(Level unusedIgnoredAdvisory) {
            this.unusedIgnoredAdvisory = unusedIgnoredAdvisory;
            return this;
        }

        /**
         * Sets {@code maximumDbStalenessDays}.
         *
         * @param maximumDbStalenessDays the db may be this many days old (cargo-deny's default: 90)
         * @return this builder
         */
        public Builder maximumDbStalenessDays(long maximumDbStalenessDays) {
            this.maximumDbStalenessDays = maximumDbStalenessDays;
            return this;
        }

        /**
         * Sets {@code today}.
         *
         * @param today the run's date (ISO), against which {@code expires} and staleness are judged
         * @return this builder
         */
        public Builder today(String today) {
            this.today = today;
            return this;
        }

        /**
         * Sets {@code prMode}.
         *
         * @param prMode {@code --base} was given: findings carry {@code new}
         * @return this builder
         */
        public Builder prMode(boolean prMode) {
            this.prMode = prMode;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code [advisories]} table, or the file alone when there is none
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets {@code unmaintainedOrigin}.
         *
         * @param unmaintainedOrigin where {@code unmaintained} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder unmaintainedOrigin(Location unmaintainedOrigin) {
            this.unmaintainedOrigin = unmaintainedOrigin;
            return this;
        }

        /**
         * Sets {@code unsoundOrigin}.
         *
         * @param unsoundOrigin where {@code unsound} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder unsoundOrigin(Location unsoundOrigin) {
            this.unsoundOrigin = unsoundOrigin;
            return this;
        }

        /**
         * Sets {@code stalenessOrigin}.
         *
         * @param stalenessOrigin where {@code maximum-db-staleness} is set (the file alone when it is not)
         * @return this builder
         */
        public Builder stalenessOrigin(Location stalenessOrigin) {
            this.stalenessOrigin = stalenessOrigin;
            return this;
        }

        /**
         * Sets {@code ignoresFromBase}.
         *
         * @param ignoresFromBase PR mode with the base's policy: the base's ignore entries are the ones in force (the change's own are only compared with them, {@code ignore-added})
         * @return this builder
         */
        public Builder ignoresFromBase(boolean ignoresFromBase) {
            this.ignoresFromBase = ignoresFromBase;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link AdvisoriesConfig}
         */
        public AdvisoriesConfig build() {
            return new AdvisoriesConfig(unmaintained, unsound, unusedIgnoredAdvisory, maximumDbStalenessDays, today, prMode, origin, unmaintainedOrigin, unsoundOrigin, stalenessOrigin, ignoresFromBase);
        }
    }
}
