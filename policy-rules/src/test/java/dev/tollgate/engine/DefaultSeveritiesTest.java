package dev.tollgate.engine;

import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.facts.AdvisoriesConfig;
import dev.tollgate.api.facts.CrateSpecEntry;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.PrContext;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.fixtures.RuleTester;
import dev.tollgate.scenarios.Scenario;
import dev.tollgate.scenarios.ScenarioFile;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no configuration, a finding has the severity its rule declares ({@code @severity}, which
 * {@code explain} and SARIF's {@code defaultConfiguration} show). Every shipped scenario is evaluated
 * again with its configuration facts put back to their defaults (the settings' {@code defaults(…)}, no
 * PR-mode setting, no deny-multiple-versions entry), and every finding must carry its code's declared
 * severity. A severity that depends on something other than configuration is a second code.
 */
class DefaultSeveritiesTest {
    static final Path SCENARIOS = Corpus.projectRoot().resolve("test-fixtures/scenarios");

    @Test
    void everyFindingWithoutConfigurationHasItsDeclaredSeverity() throws Exception {
        PolicyEngine engine = RuleTester.bundled().engine();
        Map<String, FindingCode> declared = new TreeMap<>();
        for (FindingCode c : engine.codes()) declared.put(c.code(), c);
        Set<String> seen = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Path f : ScenarioFile.find(SCENARIOS)) {
            for (Scenario s : ScenarioFile.read(f, SCENARIOS.relativize(f).toString())) {
                Set<String> policies = new TreeSet<>(s.policies().isEmpty() ? engine.policies() : s.policies());
                List<Object> facts = new ArrayList<>();
                for (Object o : s.facts()) {
                    Object d = unconfigured(o);
                    if (d != null) facts.add(d);
                }
                if (facts.stream().noneMatch(o -> o instanceof RunContext)) facts.add(new RunContext(policies, "Cargo.lock", "deny.toml"));
                for (Finding x : engine.evaluate(facts, policies).findings()) {
                    FindingCode c = declared.get(x.code());
                    seen.add(x.code());
                    if (c == null || c.severity() != x.severity()) {
                        wrong.add(s.title() + ": " + x.code() + " is " + x.severity() + ", declared " + (c == null ? "nowhere" : c.severity()));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        // The scenarios reach most codes without configuration; those they cannot are configuration's own
        // (a level that defaults to allow, an entry that only a setting creates).
        assertTrue(seen.size() * 10 >= declared.size() * 6, "only " + seen.size() + " of " + declared.size() + " codes seen: " + seen);
        assertTrue(seen.containsAll(List.of("unknown-git", "unknown-registry", "non-semver-version-comment",
                "major-only-version-comment", "checksum-mismatch", "build-script-checksum-mismatch")), seen.toString());
    }

    /** The fact as it is with no configuration: a setting at its default, or null when only configuration makes it. */
    static Object unconfigured(Object o) throws Exception {
        if (o instanceof AdvisoriesConfig a) {
            return with(with(with(a, "unusedIgnoredAdvisory", Level.WARN), "prMode", false), "ignoresFromBase", false);
        }
        if (o instanceof PrContext p) return with(p, "policyChanges", "warn");
        if (o instanceof CrateSpecEntry e && e.denyMultipleVersions()) return null;
        for (Method m : o.getClass().getMethods()) {
            if (m.getName().equals("defaults") && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == o.getClass()) {
                return m.getParameterCount() == 0 ? m.invoke(null) : m.invoke(null, "deny.toml");
            }
        }
        return o;
    }

    /** A copy of record {@code r} with one component replaced. */
    static <R extends Record> R with(R r, String component, Object value) throws Exception {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        boolean found = false;
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            boolean hit = cs[i].getName().equals(component);
            found |= hit;
            args[i] = hit ? value : cs[i].getAccessor().invoke(r);
        }
        assertTrue(found, r.getClass().getSimpleName() + " has no component " + component);
        @SuppressWarnings("unchecked")
        R copy = (R) r.getClass().getDeclaredConstructor(types).newInstance(args);
        return copy;
    }
}
