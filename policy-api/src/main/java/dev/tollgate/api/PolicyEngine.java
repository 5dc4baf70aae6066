package dev.tollgate.api;

import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.verdict.Verdict;

import java.util.Collection;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled set of policies. Build one with {@link Tollgate#engine(EngineOptions)} and reuse it:
 * every evaluation gets a fresh rule session, so one engine serves many threads at once, and the
 * same inputs always give an equal {@link Verdict} (findings in a fixed order). See docs/embedding.md.
 *
 * <p>One contract for every method: a null argument throws {@link NullPointerException} naming the
 * parameter; a policy id that is neither a shipped policy ({@link Policies#ALL}), nor a plan where plans
 * are taken, nor a policy of this engine's custom rules throws {@link IllegalArgumentException}; a set of
 * policies means exactly those policies, so an empty set runs no policy's rules (only the rules that
 * belong to none, such as the configuration checks). "Every policy" is {@link CheckRequest}'s default.
 */
public interface PolicyEngine {

    /**
     * Evaluates the given facts against the rules of the selected policies and returns the verdict.
     * A rule that throws does not abort the evaluation: it becomes a {@code rule-error} finding and
     * the gate fails (it fails closed, never open).
     *
     * @param facts    fact records from {@code dev.tollgate.api.facts}, in any order; facts of a class no
     *                 rule matches are ignored, and an {@link EngineLimits} among them sets the budgets
     *                 of this evaluation (it is read, never inserted; without one, {@link EngineLimits#DEFAULTS})
     * @param policies policy ids to run ({@link Policies#ALL}, or custom policies); rules outside any policy
     *                 always run; an empty set runs only those. Plan ids ({@link Policies#PLANS}) are not
     *                 policies: {@link #derive} takes them
     * @return the verdict: its findings sorted by {@link Verdict#ORDER}, its {@link Verdict#policies()} the
     *         selected ids (plans left out)
     * @throws NullPointerException     {@code facts} or {@code policies} is null, or {@code policies}
     *                                  contains null
     * @throws IllegalArgumentException a policy is unknown, or is a plan id
     * @throws EvaluationException      the evaluation ended without a verdict: a rule did not return within
     *                                  the wall-clock budget, the rules exhausted the memory, or the calling
     *                                  thread was interrupted
     */
    Verdict evaluate(Collection<?> facts, Set<String> policies);

    /**
     * Reads a repository's inputs the way {@code tollgate check} does and evaluates the selected policies.
     * Safe to call from many threads at once.
     *
     * <p>The command line ({@code tollgate check}) builds a request from its options and takes the same
     * path, so a request gives the findings the command line reports for the same options.
     *
     * <p>Absent inputs skip the policies that need them with a {@code policy-skipped} note, unless the
     * policy was named in {@link CheckRequest#withPolicies}: then they are an {@link InputError}.
     *
     * @param request the repository and the options of the check
     * @return the verdict; its {@link Verdict#policies()} are the policies that ran (a skipped one is not
     *         among them, its note is among the findings)
     * @throws NullPointerException          {@code request} is null
     * @throws InputError                    an input cannot be read (one line, {@code FILE:LINE:COLUMN: what});
     *                                       an input of a policy named in the request is absent; no policy has
     *                                       its inputs and none was named (nothing to check); in PR mode, also a
     *                                       base ref that cannot be resolved
     * @throws IllegalArgumentException      a requested policy is unknown or has no rules loaded; or a cache
     *                                       directory ({@link CheckRequest#withCacheDir},
     *                                       {@link EngineOptions#withCacheDir}) is inside the repository
     * @throws RulesException                custom rules read from the base (PR mode) do not compile
     * @throws EvaluationException           the evaluation ended without a verdict (see {@link #evaluate})
     * @throws UnsupportedOperationException this engine evaluates facts only (the default implementation;
     *                                       the engines of {@link Tollgate#engine} implement it)
     */
    default Verdict check(CheckRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        throw new UnsupportedOperationException("this engine evaluates facts only");
    }

    /**
     * Reads a repository's inputs exactly as {@link #check} does and returns the facts, without evaluating
     * them: {@code evaluate(f.facts(), f.policies())} on this engine then gives the verdict {@code check(request)}
     * gives. The same checks come first and the same exceptions are thrown, so a request that {@code check}
     * refuses is refused here too.
     *
     * <p>One exception to the equality: in PR mode ({@link CheckRequest#withBase}) with rules directories inside
     * the repository, {@code check} evaluates with the base's copy of those rules, and {@code evaluate} with this
     * engine's.
     *
     * @param request the repository and the options of the check
     * @return the facts and the policies that would run on them
     * @throws NullPointerException          {@code request} is null
     * @throws InputError                    as for {@link #check}
     * @throws IllegalArgumentException      as for {@link #check}
     * @throws RulesException                as for {@link #check}
     * @throws UnsupportedOperationException this engine evaluates facts only (the default implementation;
     *                                       the engines of {@link Tollgate#engine} implement it)
     */
    default CheckFacts facts(CheckRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        throw new UnsupportedOperationException("this engine evaluates facts only");
    }

    /**
     * The policies that have rules in this engine (those {@link #check} runs by default), sorted.
     *
     * @return shipped and custom policy ids, sorted; unmodifiable; never a plan
     */
    default Set<String> policies() {
        Set<String> out = new TreeSet<>();
        for (FindingCode c : codes()) if (Policies.isPolicy(c.policy())) out.add(c.policy());
        return java.util.Collections.unmodifiableSet(out);
    }

    /**
     * Like {@link #evaluate}, for plans: runs the rules of {@code selected} (plan ids such as
     * {@code affected}, and policies) over the facts and returns the verdict together with every
     * fact in the session afterwards, the derived ones included, from which the plan is read.
     *
     * @param facts    fact records from {@code dev.tollgate.api.facts}, as for {@link #evaluate}
     * @param selected plan ids ({@link Policies#PLANS}) and policy ids whose rules run; rules outside any
     *                 policy or plan always run
     * @return the verdict (its {@link Verdict#policies()} are the selected policies, plans left out) and
     *         the session's facts
     * @throws NullPointerException          {@code facts} or {@code selected} is null, or {@code selected}
     *                                       contains null
     * @throws IllegalArgumentException      an id is neither a plan nor a policy
     * @throws EvaluationException           the evaluation ended without a verdict (see {@link #evaluate})
     * @throws UnsupportedOperationException this engine cannot derive plans (the default implementation;
     *                                       the engines of {@link Tollgate#engine} implement it)
     */
    default Derivation derive(Collection<?> facts, Set<String> selected) {
        java.util.Objects.requireNonNull(facts, "facts");
        java.util.Objects.requireNonNull(selected, "selected");
        throw new UnsupportedOperationException("this engine cannot derive plans");
    }

    /**
     * The outcome of {@link #derive}: findings as a verdict, and the session's facts.
     *
     * @param verdict the findings of the rules that ran
     * @param facts   every fact in the session when the rules were done, the given and the derived ones,
     *                in session order; unmodifiable
     */
    record Derivation(Verdict verdict, List<Object> facts) {
        /**
         * A derivation; {@code facts} is copied.
         *
         * @param verdict the findings of the rules that ran
         * @param facts   the session's facts, in session order; no element may be null
         * @throws NullPointerException {@code verdict} or {@code facts} is null, or {@code facts} contains null
         */
        public Derivation {
            java.util.Objects.requireNonNull(verdict, "verdict");
            facts = List.copyOf(java.util.Objects.requireNonNull(facts, "facts"));
        }

        /**
         * The facts of one type, in session order.
         *
         * @param <T>  the fact type
         * @param type the fact class, e.g. {@code Affected.class}; subclasses match too
         * @return the facts that are instances of {@code type}, in session order; empty when there are none
         * @throws NullPointerException {@code type} is null
         */
        public <T> List<T> all(Class<T> type) {
            java.util.Objects.requireNonNull(type, "type");
            return facts.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /**
     * Every finding code the loaded rules declare, sorted by code.
     *
     * @return the declarations of the shipped, custom and engine codes ({@code rule-error}, ...), sorted
     *         by code; unmodifiable
     */
    List<FindingCode> codes();

    /**
     * The declaration of one code.
     *
     * @param code a finding code, e.g. {@code unknown-git}
     * @return its declaration; empty when no loaded rule declares it
     * @throws NullPointerException {@code code} is null
     */
    default Optional<FindingCode> code(String code) {
        java.util.Objects.requireNonNull(code, "code");
        return codes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The rule files this engine was built from (bundled and custom), for reports and {@code rules check}.
     *
     * @return one entry per loaded file, sorted by file name; unmodifiable
     */
    List<RuleSource> ruleSources();

    /**
     * Where a loaded rule file came from.
     *
     * @param name   file name ({@code sources.drl})
     * @param origin {@code bundled}, or the path of the custom file
     * @param sha256 hash of the file's content
     */
    record RuleSource(String name, String origin, String sha256) {
        /**
         * Where a rule file came from.
         *
         * @param name   file name ({@code sources.drl})
         * @param origin {@code bundled}, or the path of the custom file
         * @param sha256 hash of the file's content
         * @throws NullPointerException an argument is null
         */
        public RuleSource {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(origin, "origin");
            java.util.Objects.requireNonNull(sha256, "sha256");
        }
    }
}
