package dev.tollgate.api;

import dev.tollgate.api.verdict.Verdict;

import java.util.List;

/**
 * The result of an evaluation that also derives facts: the verdict, and the facts of the asked-for
 * types that the rules inserted (a release plan's {@code CrateBump}s, say), in no particular order.
 */
public record Evaluation(Verdict verdict, List<Object> derived) {
    public Evaluation {
        derived = List.copyOf(derived);
    }

    /** The derived facts of one type. */
    public <T> List<T> derived(Class<T> type) {
        return derived.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
