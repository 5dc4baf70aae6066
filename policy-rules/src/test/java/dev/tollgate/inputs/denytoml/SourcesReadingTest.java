package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.SourcesConfig;
import dev.tollgate.inputs.cargo.SourceParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tollgate.inputs.denytoml.Fixtures.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcesReadingTest {

    private static Location at(int line, int column) {
        return Location.of(NAME, line, column);
    }

    @Test
    void readsEverySourcesSettingWithItsPosition() {
        SourcesConfig s = Fixtures.read("sources-full.toml").sources();

        assertEquals(Level.ALLOW, s.unknownRegistry());
        assertEquals(Level.DENY, s.unknownGit());
        assertEquals(Level.ALLOW, s.unusedAllowedSource());
        assertEquals(GitSpec.TAG, s.requiredGitSpec());
        assertEquals(at(3, 1), s.unknownRegistryAt());
        assertEquals(at(4, 1), s.unknownGitAt());
        assertEquals(at(6, 1), s.requiredGitSpecAt());
        assertEquals(at(2, 1), s.tableAt());
    }

    @Test
    void allowListEntriesAreNormalizedAndPointAtThemselves() {
        List<AllowedSource> allowed = Fixtures.read("sources-full.toml").allowedSources();

        assertEquals(List.of(
                new AllowedSource(AllowKind.REGISTRY, "https://github.com/rust-lang/crates.io-index",
                        Source.CRATES_IO_KEY, "github.com", "", false, at(8, 5)),
                // comment lines between entries are skipped; the sparse prefix stays part of the key
                new AllowedSource(AllowKind.REGISTRY, "sparse+https://Registry.Example.com/index/",
                        "sparse+https://registry.example.com/index", "registry.example.com", "", false, at(10, 5)),
                new AllowedSource(AllowKind.GIT, "https://github.com/Foo/bar.git",
                        "https://github.com/Foo/bar", "github.com", "", false, at(12, 14)),
                new AllowedSource(AllowKind.GIT, "https://gitlab.com/acme/widget",
                        "https://gitlab.com/acme/widget", "gitlab.com", "", false, at(12, 48)),
                new AllowedSource(AllowKind.ORG, "YourOrg", "", "github.com", "yourorg", false, at(18, 11)),
                new AllowedSource(AllowKind.ORG, "other", "", "github.com", "other", false, at(18, 22)),
                new AllowedSource(AllowKind.ORG, "gitlab-org", "", "gitlab.com", "gitlab-org", false, at(19, 11)),
                new AllowedSource(AllowKind.ORG, "Atlassian", "", "bitbucket.org", "atlassian", false, at(20, 14))),
                allowed);
    }

    @Test
    void allowListKeysEqualTheKeysOfTheLockfileSourcesTheyAllow() {
        List<String> keys = Fixtures.read("sources-full.toml").allowedSources().stream()
                .map(AllowedSource::key).toList();

        for (String lockfileSource : List.of(
                "registry+https://github.com/rust-lang/crates.io-index",
                "sparse+https://index.crates.io/",
                "sparse+https://registry.example.com/index/",
                "git+https://github.com/Foo/bar?rev=0123abc#0123abc",
                "git+https://gitlab.com/acme/widget.git#fedcba9")) {
            assertTrue(keys.contains(SourceParser.parse(lockfileSource).key()), lockfileSource);
        }
    }

    @Test
    void privateEntriesArePrefixesOnAPathBoundary() {
        List<PrivateSource> privates = Fixtures.read("sources-full.toml").privateSources();

        assertEquals(List.of(new PrivateSource("https://git.corp.example/repos", "https://git.corp.example/repos",
                "git.corp.example", at(14, 3))), privates);
        PrivateSource p = privates.get(0);
        assertTrue(p.covers("https://git.corp.example/repos"));
        assertTrue(p.covers("https://git.corp.example/repos/tool"));
        assertFalse(p.covers("https://git.corp.example/repos-archive/tool"));
        assertFalse(p.covers("https://github.com/repos/tool"));
    }

    @Test
    void anEmptyAllowRegistryAllowsNoRegistry() {
        DenyConfig c = Fixtures.read("sources-empty-registry.toml");

        assertEquals(List.of(), c.allowedSources());
        assertEquals(Level.DENY, c.sources().unknownRegistry());
        // unset levels keep cargo-deny's defaults and point at the file
        assertEquals(Level.WARN, c.sources().unknownGit());
        assertEquals(Level.WARN, c.sources().unusedAllowedSource());
        assertEquals(Location.file(NAME), c.sources().unknownGitAt());
        assertNull(c.sources().requiredGitSpec());
        assertEquals(Location.file(NAME), c.sources().requiredGitSpecAt());
    }

    @Test
    void anAbsentAllowRegistryAllowsCratesIoImplicitly() {
        DenyConfig c = Fixtures.read("sources-absent-registry.toml");

        assertEquals(List.of(DenyConfig.implicitCratesIo(NAME)), c.allowedSources());
        AllowedSource implicit = c.allowedSources().get(0);
        assertTrue(implicit.implicit());
        assertEquals(Source.CRATES_IO_KEY, implicit.key());
        assertEquals(Location.file(NAME), implicit.origin());
        assertEquals(at(3, 1), c.sources().tableAt());
        assertEquals(Level.WARN, c.sources().unknownRegistry());
    }

    @Test
    void aFileWithoutSourcesUsesCargoDenyDefaults() {
        DenyConfig c = Fixtures.read("graph.toml");

        assertEquals(SourcesConfig.defaults(NAME), c.sources());
        assertEquals(List.of(DenyConfig.implicitCratesIo(NAME)), c.allowedSources());
        assertEquals(List.of(), c.privateSources());
    }
}
