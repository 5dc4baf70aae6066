package dev.tollgate.engine;

import dev.tollgate.engine.RulesIndex.ModelEntry;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The precompiled rules on the class path are exactly the DRL in rules/: never a stale build. */
class BundledRulesTest {
    @Test
    void indexMatchesEveryShippedRuleFile() {
        List<RuleFile> shipped = RuleFile.readDir(Corpus.projectRoot().resolve("rules"));
        assertTrue(shipped.size() >= 2, "rules/ has the shipped policies");
        Map<String, ModelEntry> index = DroolsPolicyEngine.bundledIndex(getClass().getClassLoader()).models().stream()
                .collect(Collectors.toMap(ModelEntry::file, Function.identity()));
        for (RuleFile f : shipped) {
            ModelEntry m = index.get(f.name());
            assertNotNull(m, f.name() + " is precompiled");
            assertEquals(f.sha256(), m.sha256(), f.name() + " was precompiled from its current content");
            assertEquals(f.drlPackage(), m.drlPackage());
            assertTrue(m.drlPackage().startsWith("tollgate."), "shipped packages are tollgate.<policy>: " + m.drlPackage());
        }
        assertEquals(shipped.size(), index.size(), "no precompiled model without its DRL");
    }

    /** withOnly builds the KieBase from the named policies' rules, config's and pr-mode's, nothing else. */
    @Test
    void onlyTheSelectedPoliciesAreLoaded() {
        var all = DroolsPolicyEngine.create(dev.tollgate.api.EngineOptions.bundled());
        var sources = DroolsPolicyEngine.create(dev.tollgate.api.EngineOptions.bundled().withOnly(java.util.Set.of("sources")));
        java.util.Set<String> policies = new java.util.TreeSet<>();
        for (var c : sources.codes()) policies.add(c.policy());
        assertEquals(java.util.Set.of("config", "engine", "pr-mode", "sources"), policies);
        assertEquals(java.util.Set.of("sources"), sources.policies());
        assertTrue(all.policies().containsAll(List.of("advisories", "bans", "commits", "licenses", "sources", "workflows")), all.policies().toString());
        // The same facts give the same sources verdict either way.
        for (var c : sources.codes()) assertTrue(all.code(c.code()).isPresent(), c.code());
    }

    @Test
    void packageDeclarationIgnoresComments() {
        RuleFile f = new RuleFile("x.drl", "x.drl", "// package wrong.one;\n/* package wrong.two; */\npackage right.one;\n");
        assertEquals("right.one", f.drlPackage());
        assertEquals(null, new RuleFile("y.drl", "y.drl", "rule \"r\" when then end").drlPackage());
    }
}
