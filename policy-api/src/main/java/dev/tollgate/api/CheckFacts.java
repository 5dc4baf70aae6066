package dev.tollgate.api;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts {@link PolicyEngine#check} reads from a repository, before any rule runs: what
 * {@link PolicyEngine#facts(CheckRequest)} returns. Evaluating them with the same engine,
 * {@code engine.evaluate(facts.facts(), facts.policies())}, gives the verdict {@code check} gives for the
 * same request, finding for finding; in between, a tool may inspect them, keep them, or add facts of its own.
 *
 * @param facts    the fact records ({@code dev.tollgate.api.facts}) in the order they were read, the
 *                 {@link dev.tollgate.api.facts.RunContext} naming the policies that run among them, and the
 *                 evaluation's {@link EngineLimits} (from tollgate.toml {@code [engine]}), which
 *                 {@link PolicyEngine#evaluate} reads and never inserts; unmodifiable
 * @param policies the policies that run on them: those selected whose inputs were found (a skipped one is not
 *                 among them; its {@code policy-skipped} note is among the facts); sorted, unmodifiable
 */
public record CheckFacts(List<Object> facts, Set<String> policies) {
    /**
     * Facts and the policies to evaluate them for; both are copied.
     *
     * @param facts    the fact records; no element may be null
     * @param policies the policy ids; no element may be null
     * @throws NullPointerException an argument is null or contains null
     */
    public CheckFacts {
        facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        Objects.requireNonNull(policies, "policies");
        for (String p : policies) Objects.requireNonNull(p, "policies contains null");
        policies = Collections.unmodifiableSet(new TreeSet<>(policies));
    }

    /**
     * The facts of one type, in the order they were read.
     *
     * @param <T>  the fact type
     * @param type the fact class, e.g. {@code LockedPackage.class}; subclasses match too
     * @return the facts that are instances of {@code type}; empty when there are none
     * @throws NullPointerException {@code type} is null
     */
    public <T> List<T> all(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
