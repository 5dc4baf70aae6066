package dev.tollgate.engine;

import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.SourcesConfig;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.FactBuilder;
import dev.tollgate.fixtures.RuleTester;
import dev.tollgate.fixtures.ScenarioAssert;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a team writing its own rules uses from test-fixtures: FactBuilder, RuleTester, ScenarioAssert. */
class TestFixturesApiTest {
    @Test
    void factBuildersMatchWhatTheExtractorsBuild() {
        LockedPackage p = FactBuilder.lockedPackage("gizmo@0.3.0", "git+https://github.com/example-org/gizmo?tag=v0.3.0#abc");
        assertEquals(Facts.pkg("gizmo", "0.3.0", "git+https://github.com/example-org/gizmo?tag=v0.3.0#abc", 0).source(), p.source());
        assertEquals(GitSpec.TAG, p.source().gitSpec());
        Inclusion i = FactBuilder.directInclusion("gizmo@0.3.0");
        assertTrue(i.reachable() && i.viaDefaults() && i.direct() && !i.isDevOnly());
        WorkspaceMember m = FactBuilder.member("app@0.1.0", null);
        assertEquals("crates/app/Cargo.toml", m.manifestPath());
        assertEquals("", m.rustVersion());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactBuilder.of("LockedPackage").set("nmae", "x").build());
        assertTrue(e.getMessage().contains("did you mean `name`?"), e.getMessage());
    }

    @Test
    void ruleTesterAndScenarioAssert() {
        RuleTester rules = RuleTester.bundled();
        LockedPackage p = FactBuilder.lockedPackage("gizmo@0.3.0", "git+https://github.com/example-org/gizmo#abc");
        Verdict v = rules.evaluate(List.of(SourcesConfig.defaults("deny.toml"), GraphConfig.defaults("deny.toml"), p,
                FactBuilder.directInclusion(p.id())), Set.of("sources"));
        ScenarioAssert.assertThat(v).hasOutcome(Outcome.WARN).has("unknown-git", "gizmo@0.3.0", Severity.WARNING)
                .hasNo("unknown-registry", null).hasCodes("unknown-git");
        AssertionFailedError f = assertThrows(AssertionFailedError.class, () -> ScenarioAssert.assertThat(v).has("unknown-git", "other@1.0.0"));
        assertEquals("no finding unknown-git other@1.0.0; the findings:\n  warning unknown-git gizmo@0.3.0", f.getMessage());
    }
}
