package dev.tollgate.api.findings;

/**
 * The declaration of a finding code: its policy, default severity and one-line doc. Each code is
 * declared once, in the metadata of the rule that emits it ({@code @code}, {@code @severity},
 * {@code @doc}); the engine rejects a finding whose code is declared nowhere.
 *
 * @param code     the stable kebab-case code, e.g. {@code unknown-git}
 * @param policy   the id of the declaring rule's package: its shipped policy or plan
 *                 ({@link dev.tollgate.api.Policies#ofPackage}), else the package's last segment (a custom
 *                 policy, {@code config}); {@code engine} for the codes the engine itself emits
 * @param severity the default severity of its findings ({@code @severity}); null only in the engine that
 *                 {@code rules check} builds to lint rules, for a rule whose {@code @severity} is missing or wrong
 * @param doc      one line saying what the code means ({@code @doc}); null only where {@code severity} may be,
 *                 for a rule without {@code @doc}
 * @param rule     the name of the declaring rule; null for the codes the engine itself emits
 * @param url where the code is documented: null for Tollgate's own page of its policy, a custom rule's
 *            {@code @url}, or {@link #NO_URL} when a custom rule names none
 */
public record FindingCode(String code, String policy, Severity severity, String doc, String rule, String url) {
    /** {@link #url} of a code with no help page: a custom rule without {@code @url}. */
    public static final String NO_URL = "";

    /**
     * A code declaration.
     *
     * @param code     the stable kebab-case code
     * @param policy   the policy of the declaring rule's package
     * @param severity the default severity; null as described above
     * @param doc      one line saying what the code means; null as described above
     * @param rule     the name of the declaring rule; null for the engine's own codes
     * @param url      the help page: null for Tollgate's own, or {@link #NO_URL}
     * @throws NullPointerException {@code code} or {@code policy} is null
     */
    public FindingCode {
        java.util.Objects.requireNonNull(code, "code");
        java.util.Objects.requireNonNull(policy, "policy");
    }

    /**
     * A code documented in Tollgate's own pages ({@code docs/policies/<policy>.md}): {@link #url} null.
     *
     * @param code     the stable kebab-case code
     * @param policy   the policy of the declaring rule's package
     * @param severity the default severity
     * @param doc      one line saying what the code means
     * @param rule     the name of the declaring rule; null for the engine's own codes
     */
    public FindingCode(String code, String policy, Severity severity, String doc, String rule) {
        this(code, policy, severity, doc, rule, null);
    }

    /**
     * Whether reports can link the code to a help page.
     *
     * @return false only for {@link #NO_URL}: a custom rule's code without {@code @url}
     */
    public boolean hasHelp() {
        return url == null || !url.isEmpty();
    }
}
