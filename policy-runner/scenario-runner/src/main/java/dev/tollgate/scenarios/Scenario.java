package dev.tollgate.scenarios;

import java.util.List;
import java.util.Set;

/**
 * One scenario: facts given, the findings expected, and the findings that must not appear.
 *
 * @param policies the policies to evaluate; empty means every policy the engine has rules for
 * @param partial  false (the default): {@code expect} lists every finding; true: only those listed must be present
 */
public record Scenario(String file, int line, String name, Set<String> policies, List<Object> facts,
                       List<Expectation> expect, List<Expectation> absent, boolean partial) {
    public Scenario {
        policies = Set.copyOf(policies);
        facts = List.copyOf(facts);
        expect = List.copyOf(expect);
        absent = List.copyOf(absent);
    }

    /** {@code FILE:LINE "name"}. */
    public String title() {
        return file + ":" + line + " \"" + name + "\"";
    }
}
