package dev.tollgate.engine;

import dev.tollgate.api.Policies;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Turns an exception thrown by a rule's consequence into a {@code rule-error} finding instead of
 * aborting the evaluation: the other rules still run, and the error fails the gate. The finding is
 * handed to the session's {@link Evaluation} (never inserted, so no rule can see or delete it), with
 * the rule's FILE:LINE and the fact it was looking at.
 */
public class RuleErrorHandler implements ConsequenceExceptionHandler {
    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        if (runtime instanceof KieSession session) {
            for (RuleRuntimeEventListener l : session.getRuleRuntimeEventListeners()) {
                if (l instanceof Evaluation e) {
                    e.consequenceFailed(match, exception);
                    return;
                }
            }
        }
        runtime.insert(ruleError(match.getRule().getName(), match.getRule().getPackageName(), exception));
    }

    static Finding ruleError(String rule, String pkg, Throwable exception) {
        return ruleError(rule, pkg, null, null, exception);
    }

    /**
     * @param where the rule's FILE:LINE, or null
     * @param fact  what the rule was looking at, or null
     */
    static Finding ruleError(String rule, String pkg, RuleLocations.Where where, FactLabels.Described fact, Throwable exception) {
        String policy = Policies.ofPackage(pkg);
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String name = rule == null ? "a rule" : "rule \"" + rule + "\"" + (where != null ? " (" + where + ")" : pkg == null ? "" : " in " + pkg);
        String on = fact == null ? "" : " on " + fact;
        Finding f = Finding.of(policy == null ? EngineCodes.ENGINE : policy, EngineCodes.RULE_ERROR, Severity.ERROR,
                        name + " failed" + on + ": " + what + "; its policy was not fully evaluated, so the gate fails")
                .about(fact != null && fact.subject() != null ? fact.subject() : rule)
                .with("rule", rule)
                .with("package", pkg)
                .with("ruleFile", where == null ? null : where.toString())
                .with("exception", cause.getClass().getName());
        if (fact != null && fact.location() != null && fact.location().isKnown()) f = f.at(fact.location());
        else if (where != null) f = f.at(dev.tollgate.api.facts.Location.of(where.file(), where.line(), 1));
        return f;
    }
}
