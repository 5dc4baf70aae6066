package dev.tollgate.api.facts;

import java.util.List;
import java.util.Locale;

/**
 * A commit message (or a PR title) read as a Conventional Commits 1.0.0 message:
 * {@code type(scope)!: description}, a body after one blank line, then footers
 * ({@code Token: value}, {@code Token #value}, {@code BREAKING CHANGE: ...}).
 *
 * @param subject          what findings name: the short commit id, or {@code PR title}
 * @param sha              the full commit id ("" for a PR title)
 * @param header           the first line (a trailing CR removed)
 * @param conventional     whether the header has the {@code type(scope)!: description} shape
 * @param problem          when it does not, what is wrong with it ("" otherwise)
 * @param type             the type as written ("" when not conventional)
 * @param scope            the scope ("" when none)
 * @param bang             whether the header carries {@code !} before the colon
 * @param description      the text after {@code ": "}
 * @param body             the body (between the header's blank line and the footers), LF line ends
 * @param footers          the footers, in order
 * @param blankAfterHeader false when a second line follows the header directly (no blank line)
 * @param messageProblem   {@code nul} or {@code encoding} when the raw message was not clean text, else ""
 * @param origin           where it came from (Location.NONE for commits and titles)
 */
public record ConventionalCommit(String subject, String sha, String header, boolean conventional, String problem,
                                 String type, String scope, boolean bang, String description, String body,
                                 List<Footer> footers, boolean blankAfterHeader, String messageProblem, Location origin) {
    /**
     * Copies {@code footers} (the fact is immutable); a null {@code messageProblem} becomes "", a null
     * {@code origin} {@link Location#NONE}.
     *
     * @param subject          what findings name: the short commit id, or {@code PR title}
     * @param sha              the full commit id ("" for a PR title)
     * @param header           the first line (a trailing CR removed)
     * @param conventional     whether the header has the {@code type(scope)!: description} shape
     * @param problem          when it does not, what is wrong with it ("" otherwise)
     * @param type             the type as written ("" when not conventional)
     * @param scope            the scope ("" when none)
     * @param bang             whether the header carries {@code !} before the colon
     * @param description      the text after {@code ": "}
     * @param body             the body (between the header's blank line and the footers), LF line ends
     * @param footers          the footers, in order
     * @param blankAfterHeader false when a second line follows the header directly (no blank line)
     * @param messageProblem   {@code nul} or {@code encoding} when the raw message was not clean text, else ""
     * @param origin           where it came from (Location.NONE for commits and titles)
     */
    public ConventionalCommit {
        footers = List.copyOf(footers);
        if (messageProblem == null) messageProblem = "";
        if (origin == null) origin = Location.NONE;
    }

    /**
     * One footer: {@code token} ({@code Refs}, {@code BREAKING CHANGE}) and its value (may span lines).
     *
     * @param token the token as written, before {@code ": "} or {@code " #"} ({@code Reviewed-by},
     *              {@code BREAKING CHANGE})
     * @param value the value, continuation lines included
     */
    public record Footer(String token, String value) {
        /**
         * Whether this footer announces a breaking change.
         *
         * @return whether the token is {@code BREAKING CHANGE} or {@code BREAKING-CHANGE}
         */
        public boolean isBreaking() {
            return token.equals("BREAKING CHANGE") || token.equals("BREAKING-CHANGE");
        }
    }

    /**
     * Breaking: a {@code !} in the header or a BREAKING CHANGE footer.
     *
     * @return whether the commit announces a breaking change
     */
    public boolean breaking() {
        if (bang) return true;
        for (Footer f : footers) if (f.isBreaking()) return true;
        return false;
    }

    /**
     * The type in lower case.
     *
     * @return {@code type} in lower case ({@code Feat} gives {@code feat})
     */
    public String typeLower() {
        return type.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the type is written in lower case, as the allowed types are.
     *
     * @return whether {@code type} equals {@link #typeLower()}
     */
    public boolean typeIsLowercase() {
        return type.equals(typeLower());
    }

    /**
     * Header length in characters (code points).
     *
     * @return the number of code points of {@code header}
     */
    public int headerLength() {
        return header.codePointCount(0, header.length());
    }

    /**
     * Whether the header has nothing after {@code ": "}.
     *
     * @return whether {@code description} is blank
     */
    public boolean descriptionEmpty() {
        return description.isBlank();
    }

    /**
     * The header with the type written {@code newType}: how a finding says to fix it.
     *
     * @param newType the type to suggest ({@code fix})
     * @return the header with that type, scope, {@code !} and description kept; a non-conventional header
     *         prefixed with {@code newType: }
     */
    public String withType(String newType) {
        if (!conventional) return newType + ": " + header;
        return newType + (scope.isEmpty() ? "" : "(" + scope + ")") + (bang ? "!" : "") + ": " + description;
    }

    /**
     * The first commit id characters and the header, as messages quote a commit.
     *
     * @return {@code subject} and the header in double quotes, cut to 72 characters ({@code 58ae103f2c "fix: ..."})
     */
    public String quoted() {
        String h = header.length() > 72 ? header.substring(0, 69) + "..." : header;
        return subject + " \"" + h + "\"";
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
        b.subject = subject;
        b.sha = sha;
        b.header = header;
        b.conventional = conventional;
        b.problem = problem;
        b.type = type;
        b.scope = scope;
        b.bang = bang;
        b.description = description;
        b.body = body;
        b.footers = footers;
        b.blankAfterHeader = blankAfterHeader;
        b.messageProblem = messageProblem;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link ConventionalCommit} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String subject = "";
        private String sha = "";
        private String header = "";
        private boolean conventional;
        private String problem = "";
        private String type = "";
        private String scope = "";
        private boolean bang;
        private String description = "";
        private String body = "";
        private List<Footer> footers = java.util.List.of();
        private boolean blankAfterHeader;
        private String messageProblem = "";
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code subject}.
         *
         * @param subject what findings name: the short commit id, or {@code PR title}
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * Sets {@code sha}.
         *
         * @param sha the full commit id ("" for a PR title)
         * @return this builder
         */
        public Builder sha(String sha) {
            this.sha = sha;
            return this;
        }

        /**
         * Sets {@code header}.
         *
         * @param header the first line (a trailing CR removed)
         * @return this builder
         */
        public Builder header(String header) {
            this.header = header;
            return this;
        }

        /**
         * Sets {@code conventional}.
         *
         * @param conventional whether the header has the {@code type(scope)!: description} shape
         * @return this builder
         */
        public Builder conventional(boolean conventional) {
            this.conventional = conventional;
            return this;
        }

        /**
         * Sets {@code problem}.
         *
         * @param problem when it does not, what is wrong with it ("" otherwise)
         * @return this builder
         */
        public Builder problem(String problem) {
            this.problem = problem;
            return this;
        }

        /**
         * Sets {@code type}.
         *
         * @param type the type as written ("" when not conventional)
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets {@code scope}.
         *
         * @param scope the scope ("" when none)
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /**
         * Sets {@code bang}.
         *
         * @param bang whether the header carries {@code !} before the colon
         * @return this builder
         */
        public Builder bang(boolean bang) {
            this.bang = bang;
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description the text after {@code ": "}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code body}.
         *
         * @param body the body (between the header's blank line and the footers), LF line ends
         * @return this builder
         */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /**
         * Sets {@code footers}.
         *
         * @param footers the footers, in order
         * @return this builder
         */
        public Builder footers(List<Footer> footers) {
            this.footers = footers;
            return this;
        }

        /**
         * Sets {@code blankAfterHeader}.
         *
         * @param blankAfterHeader false when a second line follows the header directly (no blank line)
         * @return this builder
         */
        public Builder blankAfterHeader(boolean blankAfterHeader) {
            this.blankAfterHeader = blankAfterHeader;
            return this;
        }

        /**
         * Sets {@code messageProblem}.
         *
         * @param messageProblem {@code nul} or {@code encoding} when the raw message was not clean text, else ""
         * @return this builder
         */
        public Builder messageProblem(String messageProblem) {
            this.messageProblem = messageProblem;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where it came from (Location.NONE for commits and titles)
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link ConventionalCommit}
         */
        public ConventionalCommit build() {
            return new ConventionalCommit(subject, sha, header, conventional, problem, type, scope, bang, description, body, footers, blankAfterHeader, messageProblem, origin);
        }
    }
}
