package dev.tollgate.api.findings;

/**
 * The declaration of a finding code: its policy, default severity and one-line doc. Each code is
 * declared once, in the metadata of the rule that emits it ({@code @code}, {@code @severity},
 * {@code @doc}); the engine rejects a finding whose code is declared nowhere.
 *
 * @param url where the code is documented: null for Tollgate's own page of its policy, a custom rule's
 *            {@code @url}, or {@link #NO_URL} when a custom rule names none
 */
public record FindingCode(String code, String policy, Severity severity, String doc, String rule, String url) {
    /** {@link #url} of a code with no help page: a custom rule without {@code @url}. */
    public static final String NO_URL = "";

    /**
     * A code documented in Tollgate's own pages ({@code docs/policies/<policy>.md}): {@link #url} null.
     */
    public FindingCode(String code, String policy, Severity severity, String doc, String rule) {
        this(code, policy, severity, doc, rule, null);
    }

    /** Whether reports can link the code to a help page. */
    public boolean hasHelp() {
        return url == null || !url.isEmpty();
    }
}
