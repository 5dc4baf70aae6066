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
    public ConventionalCommit {
        footers = List.copyOf(footers);
        if (messageProblem == null) messageProblem = "";
        if (origin == null) origin = Location.NONE;
    }

    /** One footer: {@code token} ({@code Refs}, {@code BREAKING CHANGE}) and its value (may span lines). */
    public record Footer(String token, String value) {
        public boolean isBreaking() {
            return token.equals("BREAKING CHANGE") || token.equals("BREAKING-CHANGE");
        }
    }

    /** Breaking: a {@code !} in the header or a BREAKING CHANGE footer. */
    public boolean breaking() {
        if (bang) return true;
        for (Footer f : footers) if (f.isBreaking()) return true;
        return false;
    }

    public String typeLower() {
        return type.toLowerCase(Locale.ROOT);
    }

    public boolean typeIsLowercase() {
        return type.equals(typeLower());
    }

    /** Header length in characters (code points). */
    public int headerLength() {
        return header.codePointCount(0, header.length());
    }

    public boolean descriptionEmpty() {
        return description.isBlank();
    }

    /** The header with the type written {@code newType}: how a finding says to fix it. */
    public String withType(String newType) {
        if (!conventional) return newType + ": " + header;
        return newType + (scope.isEmpty() ? "" : "(" + scope + ")") + (bang ? "!" : "") + ": " + description;
    }

    /** The first commit id characters and the header, as messages quote a commit. */
    public String quoted() {
        String h = header.length() > 72 ? header.substring(0, 69) + "..." : header;
        return subject + " \"" + h + "\"";
    }
}
