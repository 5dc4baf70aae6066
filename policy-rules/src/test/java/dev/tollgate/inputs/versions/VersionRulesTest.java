package dev.tollgate.inputs.versions;

import dev.tollgate.inputs.commits.ConventionalCommits;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.CommitTouch;
import dev.tollgate.api.facts.CrateBump;
import dev.tollgate.api.facts.IgnoredTag;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.ReleaseCrate;
import dev.tollgate.api.facts.ReleaseDep;
import dev.tollgate.api.facts.ReleaseSettings;
import dev.tollgate.inputs.cargo.VersionReq.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** release-plz's increments, derived by rules/versions.drl over hand-written facts. */
class VersionRulesTest {
    static PolicyEngine engine;

    @BeforeAll
    static void build() {
        engine = Tollgate.engine(EngineOptions.bundled());
    }

    /** A scenario: crates, commits touching them, dependencies. */
    static final class S {
        final List<Object> facts = new ArrayList<>();
        int n;

        S(boolean featuresMinor) {
            facts.add(new ReleaseSettings(featuresMinor));
        }

        S crate(String name, String version, boolean workspace) {
            return crate(name, version, workspace, "v" + version);
        }

        S crate(String name, String version, boolean workspace, String tag) {
            Version v = Version.tryParse(version);
            facts.add(new ReleaseCrate(name, "crates/" + name, version, v.major(), v.minor(), v.pre(), workspace, tag, Location.NONE));
            return this;
        }

        S commit(String crate, String message) {
            String sha = "c" + (n++);
            facts.add(ConventionalCommits.parse(sha, sha, message, ""));
            facts.add(new CommitTouch(crate, sha));
            return this;
        }

        S dep(String from, String to) {
            facts.add(new ReleaseDep(from, to));
            return this;
        }

        /** crate → "level next" */
        Map<String, String> plan() {
            PolicyEngine.Derivation e = engine.derive(facts, Set.of("versions"));
            Map<String, String> out = new TreeMap<>();
            Map<String, String> versions = new TreeMap<>();
            for (Object f : facts) if (f instanceof ReleaseCrate c) versions.put(c.name(), c.version());
            for (CrateBump b : e.all(CrateBump.class)) {
                out.put(b.crate(), b.level() + " " + Version.tryParse(versions.get(b.crate())).next(b.level()));
            }
            return out;
        }
    }

    @Test
    void stableVersions() {
        assertEquals(Map.of("a", "major 2.0.0"), new S(false).crate("a", "1.4.2", false)
                .commit("a", "fix: x").commit("a", "feat(api)!: drop v1").commit("a", "feat: y").plan());
        assertEquals(Map.of("a", "major 2.0.0"), new S(false).crate("a", "1.4.2", false)
                .commit("a", "fix: x\n\nBREAKING CHANGE: the footer counts too").plan());
        assertEquals(Map.of("a", "minor 1.5.0"), new S(false).crate("a", "1.4.2", false).commit("a", "feat: y").commit("a", "fix: z").plan());
        assertEquals(Map.of("a", "patch 1.4.3"), new S(false).crate("a", "1.4.2", false).commit("a", "docs: y").plan());
        assertEquals(Map.of("a", "patch 1.4.3"), new S(false).crate("a", "1.4.2", false).commit("a", "Updated things").plan(),
                "a commit that is not conventional counts as a patch");
        assertEquals(Map.of("a", "major 2.0.0"), new S(false).crate("a", "1.4.2", false).commit("a", "Feat!: shout").plan(),
                "an uppercase type is a lint error, but the commit still says it breaks");
        assertEquals(Map.of(), new S(false).crate("a", "1.4.2", false).plan(), "no commits, no release");
    }

    @Test
    void zeroVersions() {
        assertEquals(Map.of("a", "minor 0.4.0"), new S(false).crate("a", "0.3.1", false).commit("a", "feat!: break").plan());
        assertEquals(Map.of("a", "patch 0.3.2"), new S(false).crate("a", "0.3.1", false).commit("a", "feat: add").plan());
        assertEquals(Map.of("a", "minor 0.4.0"), new S(true).crate("a", "0.3.1", false).commit("a", "feat: add").plan(),
                "features_always_increment_minor");
        assertEquals(Map.of("a", "patch 0.0.8"), new S(false).crate("a", "0.0.7", false).commit("a", "feat!: break").plan());
        assertEquals(Map.of("a", "patch 0.0.8"), new S(true).crate("a", "0.0.7", false).commit("a", "feat: add").plan());
    }

    @Test
    void prereleases() {
        assertEquals(Map.of("a", "prerelease 1.0.0-alpha.3"), new S(false).crate("a", "1.0.0-alpha.2", false).commit("a", "feat!: x").plan());
        assertEquals(Map.of("a", "prerelease 1.0.0-beta.1"), new S(false).crate("a", "1.0.0-beta", false).commit("a", "fix: x").plan());
        assertEquals(Map.of("a", "prerelease 0.1.9-beta.158"), new S(false).crate("a", "0.1.9-beta.157", false).commit("a", "fix: x").plan());
        assertEquals(Map.of("a", "prerelease 2.0.0-rc.1.hotfix.1"), new S(false).crate("a", "2.0.0-rc.1.hotfix", false).commit("a", "fix: x").plan(),
                "release-plz looks at the last identifier only: a word gets .1 appended");
    }

    @Test
    void workspaceVersionIsSharedAndDependentsFollow() {
        // a, b, c share the workspace version; d is versioned alone and depends on c; e depends on d.
        Map<String, String> plan = new S(false)
                .crate("a", "1.2.0", true).crate("b", "1.2.0", true).crate("c", "1.2.0", true)
                .crate("d", "3.0.1", false, "d-v3.0.1").crate("e", "0.5.0", false, "e-v0.5.0").crate("f", "2.0.0", false, "f-v2.0.0")
                .commit("a", "fix: a bug").commit("b", "feat: b feature")
                .dep("d", "c").dep("e", "d")
                .plan();
        assertEquals(Map.of("a", "minor 1.3.0", "b", "minor 1.3.0", "c", "minor 1.3.0",
                "d", "patch 3.0.2", "e", "patch 0.5.1"), plan, "f depends on nothing released and stays");
    }

    @Test
    void dependencyCyclesTerminate() {
        Map<String, String> plan = new S(false).crate("a", "1.0.0", false, "a-v1.0.0").crate("b", "1.0.0", false, "b-v1.0.0")
                .commit("a", "fix: x").dep("a", "b").dep("b", "a").plan();
        assertEquals(Map.of("a", "patch 1.0.1", "b", "patch 1.0.1"), plan);
    }

    @Test
    void firstReleaseKeepsTheManifestVersion() {
        assertEquals(Map.of("new", "initial 0.1.0", "user", "patch 1.0.1"),
                new S(false).crate("new", "0.1.0", false, "").crate("user", "1.0.0", false, "user-v1.0.0").dep("user", "new").plan());
    }

    @Test
    void nonSemverTagsAreWarnings() {
        S s = new S(false);
        s.facts.add(new IgnoredTag("v1.2", "1.2"));
        var findings = engine.derive(s.facts, Set.of("versions")).verdict().findings();
        assertEquals(1, findings.size());
        assertEquals("release-tag-not-semver", findings.get(0).code());
        assertEquals("v1.2", findings.get(0).subject());
    }
}
