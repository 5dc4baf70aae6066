package dev.tollgate.api;

import java.time.Duration;

/**
 * The budgets of one evaluation, so that no rule can keep the gate from answering: a rule that
 * loops (a {@code modify} of a fact it matches, an endless {@code insert}) is stopped and reported as
 * a {@code rule-budget-exceeded} error naming the rules that fired most.
 *
 * <p>Pass one among the facts of {@link PolicyEngine#evaluate} (it is read, never inserted); without
 * one, {@link #DEFAULTS} apply. The command line reads them from {@code tollgate.toml}'s {@code [engine]}
 * table ({@code max-firings}, {@code timeout-seconds}, {@code max-facts}).
 *
 * @param maxFirings rule firings allowed in one evaluation; 0: {@link #firingsFor} the number of facts
 * @param timeout    wall-clock budget of one evaluation; a rule still running this long after it is
 *                   stopped ends the evaluation without a verdict ({@link EvaluationException})
 * @param maxFacts   objects the rules may hold in working memory (facts given plus facts inserted);
 *                   0: {@link #factsFor} the number of facts
 */
public record EngineLimits(long maxFirings, Duration timeout, long maxFacts) {
    /** The wall-clock budget of one evaluation unless one is given: 60 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Automatic firing and working-memory budgets ({@link #firingsFor}, {@link #factsFor}) and {@link #DEFAULT_TIMEOUT}. */
    public static final EngineLimits DEFAULTS = new EngineLimits(0, DEFAULT_TIMEOUT, 0);

    /**
     * Checks the budgets.
     *
     * @param maxFirings rule firings allowed in one evaluation; 0 for automatic
     * @param timeout    wall-clock budget of one evaluation; null for {@link #DEFAULT_TIMEOUT}
     * @param maxFacts   objects the rules may hold in working memory; 0 for automatic
     * @throws IllegalArgumentException when {@code maxFirings} or {@code maxFacts} is negative, or
     *                                  {@code timeout} is zero or negative (a null {@code timeout} is
     *                                  {@link #DEFAULT_TIMEOUT})
     */
    public EngineLimits {
        if (maxFirings < 0) throw new IllegalArgumentException("maxFirings must be 0 (automatic) or more");
        if (maxFacts < 0) throw new IllegalArgumentException("maxFacts must be 0 (automatic) or more");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    }

    /**
     * The automatic firing budget: 100,000 plus 200 per fact (the shipped rules fire a few times per fact).
     *
     * @param facts the number of facts given to the evaluation
     * @return the rule firings allowed
     */
    public static long firingsFor(int facts) {
        return 100_000L + 200L * facts;
    }

    /**
     * The automatic working-memory cap: 200,000 plus 20 per fact.
     *
     * @param facts the number of facts given to the evaluation
     * @return the objects working memory may hold
     */
    public static long factsFor(int facts) {
        return 200_000L + 20L * facts;
    }

    /**
     * The firing budget of an evaluation of {@code facts} facts: {@link #maxFirings} when set, else
     * {@link #firingsFor}.
     *
     * @param facts the number of facts given to the evaluation
     * @return the rule firings allowed; past it the evaluation ends with {@code rule-budget-exceeded}
     */
    public long firingsBudget(int facts) {
        return maxFirings > 0 ? maxFirings : firingsFor(facts);
    }

    /**
     * The working-memory cap of an evaluation of {@code facts} facts: {@link #maxFacts} when set, else
     * {@link #factsFor}.
     *
     * @param facts the number of facts given to the evaluation
     * @return the objects working memory may hold; past it the evaluation ends with {@code rule-budget-exceeded}
     */
    public long factsBudget(int facts) {
        return maxFacts > 0 ? maxFacts : factsFor(facts);
    }
}
