package dev.tollgate.engine;

import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;

import java.util.List;

/**
 * The codes the engine itself emits, not any rule: they are about the rules (a rule that threw, a
 * finding with an undeclared code), so they cannot be declared in the rules they judge.
 */
public final class EngineCodes {
    public static final String ENGINE = "engine";
    public static final String RULE_ERROR = "rule-error";
    public static final String UNDECLARED_CODE = "undeclared-code";
    public static final String RULE_BUDGET_EXCEEDED = "rule-budget-exceeded";
    public static final String SHIPPED_RULES_REPLACED = "shipped-rules-replaced";

    public static final List<FindingCode> ALL = List.of(
            new FindingCode(RULE_ERROR, ENGINE, Severity.ERROR,
                    "A rule threw an exception while it was evaluated; its policy was not fully evaluated, so the gate fails closed.", null),
            new FindingCode(UNDECLARED_CODE, ENGINE, Severity.ERROR,
                    "A rule emitted a finding whose code no rule declares with @code, @severity and @doc.", null),
            new FindingCode(RULE_BUDGET_EXCEEDED, ENGINE, Severity.ERROR,
                    "The rules were stopped at a budget of the evaluation (rule firings, working-memory objects or wall-clock time); "
                            + "the evaluation is incomplete, so the gate fails.", null),
            new FindingCode(SHIPPED_RULES_REPLACED, ENGINE, Severity.NOTE,
                    "A custom rules file replaces a shipped one (same file name): its policy is decided by that file, not by Tollgate's rules.", null));

    private EngineCodes() {
    }
}
