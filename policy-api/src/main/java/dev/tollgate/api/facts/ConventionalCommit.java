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
}
