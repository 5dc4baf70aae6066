package dev.tollgate.api.facts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code [commits]} settings of tollgate.toml, with the defaults filled in.
 *
 * @param types           every allowed type (the RFC's feat, fix, chore, docs, perf, security, plus {@code extra-types})
 * @param headerMaxLength the longest header allowed, in characters
 * @param merge           headers that are merge commits, exempt from the rules
 * @param revert          headers that are git's reverts ({@code Revert "..."}), exempt from the rules
 * @param origin          the {@code [commits]} table, or the file when absent
 */
public record CommitsConfig(List<String> types, int headerMaxLength, Pattern merge, Pattern revert, Location origin) {
    /** The RFC's table: every repository allows these. */
    public static final List<String> RFC_TYPES = List.of("feat", "fix", "chore", "docs", "perf", "security");
    /** What {@code extra-types} is when unset. */
    public static final List<String> DEFAULT_EXTRA_TYPES = List.of("build", "ci", "refactor", "revert", "style", "test");
    /**
     * What {@code header-max-length} is when unset: 100 characters.
     */
    public static final int DEFAULT_HEADER_MAX_LENGTH = 100;
    /**
     * What {@code merge-pattern} is when unset: the headers git and GitHub write for merges
     * ({@code Merge pull request #12 from ...}, {@code Merge branch 'main' into dev}).
     */
    public static final String DEFAULT_MERGE = "^Merge (pull request|branch|remote-tracking branch|tag|commit) .*|^Merge [^ ]+ into [^ ]+.*";
    /**
     * What {@code revert-pattern} is when unset: the header {@code git revert} writes ({@code Revert "feat: ..."}).
     */
    public static final String DEFAULT_REVERT = "^Revert \".*\"";

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("feature", "feat"), Map.entry("features", "feat"), Map.entry("add", "feat"), Map.entry("new", "feat"),
            Map.entry("bugfix", "fix"), Map.entry("bug", "fix"), Map.entry("hotfix", "fix"), Map.entry("fixes", "fix"),
            Map.entry("doc", "docs"), Map.entry("documentation", "docs"), Map.entry("tests", "test"),
            Map.entry("testing", "test"), Map.entry("chores", "chore"), Map.entry("deps", "chore"),
            Map.entry("refactoring", "refactor"), Map.entry("performance", "perf"), Map.entry("sec", "security"),
            Map.entry("release", "chore"), Map.entry("update", "chore"), Map.entry("cleanup", "refactor"));

    /**
     * Copies {@code types} (the fact is immutable).
     *
     * @param types           every allowed type (the RFC's feat, fix, chore, docs, perf, security, plus
     *                        {@code extra-types})
     * @param headerMaxLength the longest header allowed, in characters
     * @param merge           headers that are merge commits, exempt from the rules
     * @param revert          headers that are git's reverts ({@code Revert "..."}), exempt from the rules
     * @param origin          the {@code [commits]} table, or the file when absent
     */
    public CommitsConfig {
        types = List.copyOf(types);
    }

    /**
     * The settings without a {@code [commits]} table.
     *
     * @return the RFC's types and {@link #DEFAULT_EXTRA_TYPES}, {@link #DEFAULT_HEADER_MAX_LENGTH},
     *         {@link #DEFAULT_MERGE} and {@link #DEFAULT_REVERT}; located nowhere ({@link Location#NONE})
     */
    public static CommitsConfig defaults() {
        List<String> all = new java.util.ArrayList<>(RFC_TYPES);
        all.addAll(DEFAULT_EXTRA_TYPES);
        return new CommitsConfig(all, DEFAULT_HEADER_MAX_LENGTH, Pattern.compile(DEFAULT_MERGE), Pattern.compile(DEFAULT_REVERT), Location.NONE);
    }

    /**
     * Whether a commit type is allowed.
     *
     * @param type the type as written in a header ({@code feat}); compared exactly, so {@code Feat} is not {@code feat}
     * @return whether {@code types} holds it
     */
    public boolean allows(String type) {
        return types.contains(type);
    }

    /**
     * Whether a header is a merge commit's, which the commit rules leave alone.
     *
     * @param header a commit's first line
     * @return whether {@code merge} finds a match in it (false when no pattern is set)
     */
    public boolean isMerge(String header) {
        return merge != null && merge.matcher(header).find();
    }

    /**
     * Whether a header is a revert commit's, which the commit rules leave alone.
     *
     * @param header a commit's first line
     * @return whether {@code revert} finds a match in it (false when no pattern is set)
     */
    public boolean isRevert(String header) {
        return revert != null && revert.matcher(header).find();
    }

    /**
     * The allowed type a writer most likely meant ({@code feature} → {@code feat}), or {@code chore}.
     *
     * @param type the type as written, in any case
     * @return an allowed type: the same in lower case, a synonym ({@code bugfix} → {@code fix}), the nearest by
     *         spelling, {@code fix} or {@code feat} by prefix, else {@code chore} (or the first allowed type)
     */
    public String suggestType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (types.contains(t)) return t;
        String syn = SYNONYMS.get(t);
        if (syn != null && types.contains(syn)) return syn;
        java.util.Optional<String> near = dev.tollgate.api.Suggest.closest(t, types, Math.max(1, t.length() / 3));
        if (near.isPresent()) return near.get();
        if (t.startsWith("fix")) return "fix";
        if (t.startsWith("feat")) return "feat";
        return types.contains("chore") ? "chore" : types.get(0);
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
        b.types = types;
        b.headerMaxLength = headerMaxLength;
        b.merge = merge;
        b.revert = revert;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link CommitsConfig} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private List<String> types = java.util.List.of();
        private int headerMaxLength;
        private Pattern merge = null;
        private Pattern revert = null;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code types}.
         *
         * @param types every allowed type (the RFC's feat, fix, chore, docs, perf, security, plus {@code extra-types})
         * @return this builder
         */
        public Builder types(List<String> types) {
            this.types = types;
            return this;
        }

        /**
         * Sets {@code headerMaxLength}.
         *
         * @param headerMaxLength the longest header allowed, in characters
         * @return this builder
         */
        public Builder headerMaxLength(int headerMaxLength) {
            this.headerMaxLength = headerMaxLength;
            return this;
        }

        /**
         * Sets {@code merge}.
         *
         * @param merge headers that are merge commits, exempt from the rules
         * @return this builder
         */
        public Builder merge(Pattern merge) {
            this.merge = merge;
            return this;
        }

        /**
         * Sets {@code revert}.
         *
         * @param revert headers that are git's reverts ({@code Revert "..."}), exempt from the rules
         * @return this builder
         */
        public Builder revert(Pattern revert) {
            this.revert = revert;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the {@code [commits]} table, or the file when absent
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link CommitsConfig}
         */
        public CommitsConfig build() {
            return new CommitsConfig(types, headerMaxLength, merge, revert, origin);
        }
    }
}
