package dev.tollgate.api.findings;

/**
 * The declaration of a finding code: its policy, default severity and one-line doc. Each code is
 * declared once, in the metadata of the rule that emits it ({@code @code}, {@code @severity},
 * {@code @doc}); the engine rejects a finding whose code is declared nowhere.
 */
public record FindingCode(String code, String policy, Severity severity, String doc, String rule) {
}
