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
     * @param facts    fact records from {@code dev.tollgate.api.facts}
     * @param policies policy ids to run ({@link Policies}, or custom policies); rules outside any policy always run
     * @throws IllegalArgumentException a policy is unknown
     */
    Verdict evaluate(Collection<?> facts, Set<String> policies);

    /**
     * Reads a repository's inputs the way {@code tollgate check} does and evaluates the selected policies.
     * Safe to call from many threads at once.
     *
     * The command line ({@code tollgate check}) builds a request from its options and takes the same
     * path, so a request gives the findings the command line reports for the same options.
     *
     * @throws InputError               an input cannot be read (one line, {@code FILE:LINE:COLUMN: what}); in
     *                                  PR mode, also a base ref that cannot be resolved
     * @throws IllegalArgumentException a requested policy is unknown or has no rules loaded
     * @throws RulesException           custom rules read from the base (PR mode) do not compile
     */
    default Verdict check(CheckRequest request) {
        throw new UnsupportedOperationException("this engine evaluates facts only");
    }

    /** The policies that have rules in this engine (those {@link #check} runs by default), sorted. */
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
     * @throws IllegalArgumentException an id is neither a plan nor a policy
     */
    default Derivation derive(Collection<?> facts, Set<String> selected) {
        throw new UnsupportedOperationException("this engine cannot derive plans");
    }

    /** The outcome of {@link #derive}: findings as a verdict, and the session's facts. */
    record Derivation(Verdict verdict, List<Object> facts) {
        public Derivation {
            facts = List.copyOf(facts);
        }

        /** The facts of one type, in session order. */
        public <T> List<T> all(Class<T> type) {
            return facts.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Every finding code the loaded rules declare, sorted by code. */
    List<FindingCode> codes();

    /** The declaration of one code. */
    default Optional<FindingCode> code(String code) {
        java.util.Objects.requireNonNull(code, "code");
        return codes().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The rule files this engine was built from (bundled and custom), for reports and {@code rules check}. */
    List<RuleSource> ruleSources();

    /**
     * Where a loaded rule file came from.
     *
     * @param name   file name ({@code sources.drl})
     * @param origin {@code bundled}, or the path of the custom file
     * @param sha256 hash of the file's content
     */
    record RuleSource(String name, String origin, String sha256) {
    }
}
