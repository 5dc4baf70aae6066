package dev.tollgate.engine;

import dev.tollgate.api.Policies;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Turns an exception thrown by a rule's consequence into a {@code rule-error} finding instead of
 * aborting the evaluation: the other rules still run, and the error fails the gate.
 */
public class RuleErrorHandler implements ConsequenceExceptionHandler {
    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        String rule = match.getRule().getName();
        String pkg = match.getRule().getPackageName();
        runtime.insert(ruleError(rule, pkg, exception));
    }

    static Finding ruleError(String rule, String pkg, Throwable exception) {
        String policy = Policies.ofPackage(pkg);
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String where = rule == null ? "a rule" : "rule \"" + rule + "\"" + (pkg == null ? "" : " in " + pkg);
        return Finding.of(policy == null ? EngineCodes.ENGINE : policy, EngineCodes.RULE_ERROR, Severity.ERROR,
                        where + " failed: " + what + "; its policy was not fully evaluated, so the gate fails")
                .about(rule)
                .with("rule", rule)
                .with("package", pkg)
                .with("exception", cause.getClass().getName());
    }
}
