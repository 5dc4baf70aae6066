package dev.tollgate.scenarios;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.SourceKind;
import dev.tollgate.api.facts.SourcesConfig;
import dev.tollgate.api.facts.WorkspaceMember;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario YAML to fact records (here, where the Cargo value parsers of policy-rules are registered). */
class FactMapperTest {
    private static List<Object> facts(String yaml) {
        return ScenarioFile.parse("scenarios:\n  - name: x\n    expect: none\n    facts:\n" + yaml.indent(6), "t.yaml",
                FactMapperTest.class.getClassLoader()).get(0).facts();
    }

    @Test
    void packageShorthandAndDefaults() {
        LockedPackage p = (LockedPackage) facts("- LockedPackage: serde@1.0.210").get(0);
        assertEquals("serde@1.0.210", p.id());
        assertEquals("serde", p.name());
        assertEquals("1.0.210", p.version());
        assertEquals(SourceKind.REGISTRY, p.source().kind());
        assertEquals("crates.io", p.source().key());
        assertEquals("", p.checksum());
        assertEquals(List.of(), p.dependencies());
        assertEquals(Location.NONE, p.origin());
    }

    /** `null` writes Java's null (what an extractor may leave), where an absent field is the default. */
    @Test
    void nullIsNullAndAbsentIsTheDefault() {
        List<Object> f = facts("""
                - ConfigIssue: {policy: sources, kind: unknown-key, key: x, detail: null}
                - ConfigIssue: {policy: sources, kind: unknown-key, key: y, detail: ~}
                - ConfigIssue: {policy: sources, kind: unknown-key, key: z}
                - LockedPackage: {package: local@0.1.0, source: null, dependencies: null}
                """);
        assertEquals(null, ((dev.tollgate.api.facts.ConfigIssue) f.get(0)).detail());
        assertEquals(null, ((dev.tollgate.api.facts.ConfigIssue) f.get(1)).detail());
        assertEquals("", ((dev.tollgate.api.facts.ConfigIssue) f.get(2)).detail());
        LockedPackage p = (LockedPackage) f.get(3);
        assertEquals(null, p.source());
        assertEquals(List.of(), p.dependencies(), "a collection is never null");
    }

    @Test
    void typeKeyKebabFieldsSourcesAndLocations() {
        LockedPackage p = (LockedPackage) facts("""
                - type: LockedPackage
                  name: gizmo
                  version: 0.3.0
                  source: git+https://github.com/Example-Org/gizmo.git?tag=v1#abc
                  member: true
                  origin: Cargo.lock:20:1
                """).get(0);
        assertEquals("gizmo@0.3.0", p.id());
        assertEquals(GitSpec.TAG, p.source().gitSpec());
        assertEquals("example-org", p.source().org());
        assertEquals("https://github.com/Example-Org/gizmo", p.source().key(), "scheme and host lower case, path kept, .git and query dropped");
        assertTrue(p.member());
        assertEquals(Location.of("Cargo.lock", 20, 1), p.origin());
    }

    @Test
    void enumsSetsAndConfigTablesStartFromTheirDefaults() {
        List<Object> f = facts("""
                - Inclusion: {package: a@1.0.0, kinds: [dev, build], via-defaults: true}
                - SourcesConfig: {unknown-git: deny, requiredGitSpec: rev}
                - GraphConfig: {exclude: x}
                - AllowedSource: github Some-Org
                - WorkspaceMember: {package: app@0.1.0, features: {default: [std], std: []}}
                """);
        Inclusion i = (Inclusion) f.get(0);
        assertEquals("a@1.0.0", i.packageId());
        assertEquals(Set.of(DepKind.DEV, DepKind.BUILD), i.kinds());
        assertTrue(i.viaDefaults());
        SourcesConfig c = (SourcesConfig) f.get(1);
        assertEquals(Level.DENY, c.unknownGit());
        assertEquals(Level.WARN, c.unknownRegistry(), "cargo-deny's default, from SourcesConfig.defaults");
        assertEquals(GitSpec.REV, c.requiredGitSpec());
        assertEquals(Location.file("deny.toml"), c.tableAt());
        assertEquals(List.of("x"), ((GraphConfig) f.get(2)).exclude());
        AllowedSource a = (AllowedSource) f.get(3);
        assertEquals(AllowKind.ORG, a.kind());
        assertEquals("some-org", a.org());
        assertEquals("github.com", a.host());
        WorkspaceMember m = (WorkspaceMember) f.get(4);
        assertEquals(Map.of("default", List.of("std"), "std", List.of()), m.features());
        assertEquals(List.of("std"), m.defaultFeatures());
    }

    @Test
    void mistakesArePositionedWithSuggestions() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> facts("- LockedPackage: {package: a@1, versoin: 2}"));
        assertEquals("t.yaml:5:48: unknown field `versoin` of LockedPackage; did you mean `version`?; its fields: "
                + "id, name, version, source, checksum, member, dependencies, origin", e.located());
        e = assertThrows(ScenarioException.class, () -> facts("- LockedPackge: a@1"));
        assertTrue(e.located().startsWith("t.yaml:5:9: unknown fact type `LockedPackge`; did you mean `LockedPackage`?"), e.located());
        e = assertThrows(ScenarioException.class, () -> facts("- SourcesConfig: {unknownGit: forbid}"));
        assertEquals("t.yaml:5:37: SourcesConfig.unknownGit is one of deny, warn, allow; found `forbid`", e.located());
        e = assertThrows(ScenarioException.class, () -> facts("- LockedPackage: {package: a@1, source: \"svn+x\"}"));
        assertTrue(e.located().startsWith("t.yaml:5:47: not a valid Source `svn+x`"), e.located());
        e = assertThrows(ScenarioException.class, () -> facts("- LockedPackage: {package: a@1, member: yes-please}"));
        assertEquals("t.yaml:5:47: LockedPackage.member takes true or false, found `yes-please`", e.located());
    }

    @Test
    void scenarioFileMistakes() {
        ClassLoader l = getClass().getClassLoader();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFile.parse("scenario: []", "s.yaml", l));
        assertTrue(e.located().startsWith("s.yaml:1:11: unknown key `scenario` in a scenario file; did you mean `scenarios`?"), e.located());
        e = assertThrows(ScenarioException.class, () -> ScenarioFile.parse("scenarios:\n  - name: a\n    facts: []\n", "s.yaml", l));
        assertTrue(e.located().startsWith("s.yaml:2:5: scenario \"a\" expects nothing"), e.located());
        e = assertThrows(ScenarioException.class, () -> ScenarioFile.parse("scenarios:\n  - name: a\n    expect: [{cod: x}]\n", "s.yaml", l));
        assertTrue(e.located().startsWith("s.yaml:3:20: unknown key `cod` in an expected finding"), e.located());
        e = assertThrows(ScenarioException.class, () -> ScenarioFile.parse("scenarios: [\n", "s.yaml", l));
        assertTrue(e.located().startsWith("s.yaml:1:13: not valid YAML"), e.located());
    }
}
