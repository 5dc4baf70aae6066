package dev.tollgate.inputs.bans;

import dev.tollgate.api.facts.BansConfig;
import dev.tollgate.api.facts.CrateSpecEntry;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.WorkspaceDepsConfig;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BansReaderTest {
    static BansReader.Bans read(String toml) {
        return BansReader.read(DenyTomlReader.parse(toml, "deny.toml"));
    }

    @Test
    void absentTableGivesCargoDenysDefaults() {
        BansConfig c = read("").config();
        assertEquals(Level.WARN, c.multipleVersions());
        assertEquals(Level.WARN, c.wildcards(), "cargo-deny's documented default");
        assertFalse(c.allowWildcardPaths());
        assertFalse(c.multipleVersionsIncludeDev());
        assertEquals("all", c.highlight());
        assertFalse(c.allowlist());
        assertNull(read("").workspaceDeps(), "[bans.workspace-dependencies] is opt-in");
        assertNull(read("[bans]\nmultiple-versions = \"deny\"").workspaceDeps());
        assertFalse(c.allowWorkspace());
        assertEquals(Level.ALLOW, c.prereleases(), "cargo-deny: pre-releases are allowed by default");
    }

    @Test
    void allowWorkspaceAndPrereleasesAreRead() {
        BansConfig c = read("[bans]\nallow-workspace = true\nprereleases = \"deny\"\n").config();
        assertTrue(c.allowWorkspace());
        assertEquals(Level.DENY, c.prereleases());
        assertEquals(3, c.prereleasesAt().line(), "findings point at the setting");
    }

    @Test
    void workspaceDependenciesTableDefaultsToTheStrictValues() {
        WorkspaceDepsConfig w = read("[bans.workspace-dependencies]\n").workspaceDeps();
        assertEquals(Level.DENY, w.duplicates());
        assertTrue(w.includePathDependencies());
        assertEquals(Level.DENY, w.unused());
        assertEquals(1, w.origin().line());
        WorkspaceDepsConfig set = read("[bans]\nworkspace-dependencies = { duplicates = \"warn\", include-path-dependencies = false, unused = \"allow\" }\n").workspaceDeps();
        assertEquals(Level.WARN, set.duplicates());
        assertFalse(set.includePathDependencies());
        assertEquals(Level.ALLOW, set.unused());
    }

    @Test
    void everySettingAndEveryEntryForm() {
        BansReader.Bans b = read("""
                [bans]
                multiple-versions = "deny"
                multiple-versions-include-dev = true
                highlight = "simplest-path"
                wildcards = "warn"
                allow-wildcard-paths = true
                workspace-default-features = "warn"
                external-default-features = "deny"
                deny = [
                    "openssl",
                    "specific@0.1.9",
                    { crate = "lru:<0.18.2", wrappers = ["nostr-database"], reason = "RUSTSEC" },
                    { name = "old", version = ">=1, <2", use-instead = "new" },
                    { crate = "global-state", deny-multiple-versions = true },
                ]
                allow = ["serde"]
                skip = [{ name = "rand", version = "=0.6.5" }]
                skip-tree = [{ crate = "windows-sys@0.48", depth = 3, reason = "tracked" }]
                """);
        BansConfig c = b.config();
        assertEquals(Level.DENY, c.multipleVersions());
        assertTrue(c.multipleVersionsIncludeDev());
        assertEquals("simplest-path", c.highlight());
        assertEquals(Level.WARN, c.wildcards());
        assertTrue(c.allowWildcardPaths());
        assertEquals(Level.WARN, c.workspaceDefaultFeatures());
        assertEquals(Level.DENY, c.externalDefaultFeatures());
        assertTrue(c.allowlist());
        assertEquals(2, c.multipleVersionsAt().line());

        List<CrateSpecEntry> e = b.entries();
        assertEquals(List.of("deny openssl ", "deny specific =0.1.9", "deny lru <0.18.2", "deny old >=1, <2",
                "deny global-state ", "allow serde ", "skip rand =0.6.5", "skip-tree windows-sys =0.48"),
                e.stream().map(x -> x.list() + " " + x.name() + " " + x.versionReq()).toList());
        assertEquals(List.of("nostr-database"), e.get(2).wrappers());
        assertEquals("RUSTSEC", e.get(2).reason());
        assertEquals("new", e.get(3).useInstead());
        assertTrue(e.get(4).denyMultipleVersions());
        assertEquals(3, e.get(7).depth());
        assertEquals(-1, e.get(6).depth());
        assertEquals(10, e.get(0).origin().line());
        assertEquals(12, e.get(2).origin().line());
        // name@version is exact: =0.1.9 matches 0.1.9 only, not 0.1.10 as ^0.1.9 would.
        assertTrue(b.specs().get(1).matches("specific", "0.1.9"));
        assertFalse(b.specs().get(1).matches("specific", "0.1.10"));
        assertTrue(b.specs().get(2).matches("lru", "0.16.4"));
        assertEquals(7, c.workspaceDefaultFeaturesAt().line());
        assertEquals(8, c.externalDefaultFeaturesAt().line());
        assertEquals(Level.WARN, c.defaultFeaturesLevel(true));
        assertFalse(b.specs().get(2).matches("lru", "0.18.2"));
    }

    @Test
    void featureEntriesKeepAllowDenyAndExact() {
        BansReader.Bans b = read("""
                [bans]
                features = [
                    { crate = "reqwest@0.12", allow = ["json", "rustls-tls"], exact = true, reason = "no native TLS" },
                    { crate = "tokio", deny = ["full"] },
                    "serde",
                ]
                """);
        assertEquals(3, b.features().size());
        var first = b.features().get(0);
        assertEquals(List.of("json", "rustls-tls"), first.allow());
        assertTrue(first.exact());
        assertEquals("no native TLS", first.reason());
        assertEquals("reqwest@0.12", first.spec());
        assertEquals(List.of("full"), b.features().get(1).deny());
        assertFalse(b.features().get(1).exact());
        assertEquals(List.of(), b.features().get(2).allow());
        assertEquals(List.of("features reqwest =0.12", "features tokio ", "features serde "),
                b.entries().stream().map(x -> x.list() + " " + x.name() + " " + x.versionReq()).toList());
        // unset default-features levels are not an explicit allow (cargo-deny's None)
        assertEquals(null, b.config().defaultFeaturesLevel(false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`[bans]\nmultiple-versions = \"forbid\"`           | 2 | 1  | multiple-versions: expected one of \"deny\", \"warn\", \"allow\", found \"forbid\"",
        "`[bans]\nwildcards = 1`                            | 2 | 1  | wildcards: expected one of",
        "`[bans]\nwildcards = \"forbid\"`                   | 2 | 1  | [bans] wildcards: expected one of \"deny\", \"warn\", \"allow\", found \"forbid\"",
        "`[bans]\nallow-wildcard-paths = \"yes\"`           | 2 | 1  | [bans] allow-wildcard-paths: expected true or false, found \"yes\"",
        "`[bans]\nworkspace-dependencies = 1`               | 2 | 1  | [bans] workspace-dependencies: expected a table, found 1",
        "`[bans.workspace-dependencies]\nduplicates = \"no\"` | 2 | 1 | [bans] workspace-dependencies.duplicates: expected one of \"deny\", \"warn\", \"allow\", found \"no\"",
        "`[bans.workspace-dependencies]\nunused = true`      | 2 | 1  | [bans] workspace-dependencies.unused: expected one of",
        "`[bans.workspace-dependencies]\ninclude-path-dependencies = \"yes\"` | 2 | 1 | [bans] workspace-dependencies.include-path-dependencies: expected true or false",
        "`[bans]\nprereleases = \"maybe\"`                | 2 | 1  | [bans] prereleases: expected one of \"deny\", \"warn\", \"allow\", found \"maybe\"",
        "`[bans]\nallow-workspace = 1`                     | 2 | 1  | [bans] allow-workspace: expected true or false, found 1",
        "`[bans]\nhighlight = \"shortest\"`                 | 2 | 1  | highlight: expected one of \"lowest-version\"",
        "`[bans]\nmultiple-versions-include-dev = \"yes\"` | 2 | 1  | expected true or false",
        "`bans = 5`                                         | 1 | 1  | [bans]: expected a table, found 5",
        "`[bans]\ndeny = \"openssl\"`                       | 2 | 1  | deny: expected a list of crate specs",
        "`[bans]\ndeny = [\"serde 1.0\"]`                   | 2 | 9  | deny[0]: `serde 1.0` is not a crate spec",
        "`[bans]\ndeny = [\"serde@\"]`                      | 2 | 9  | deny[0]: `serde@`: invalid version requirement ``",
        "`[bans]\ndeny = [\"@1.0\"]`                        | 2 | 9  | has no crate name",
        "`[bans]\nskip = [\"rand@01.2\"]`                   | 2 | 9  | invalid leading zero in major version number",
        "`[bans]\nskip = [5]`                               | 2 | 9  | skip[0]: expected a crate spec string or a table, found 5",
        "`[bans]\nskip = [{ version = \"1\" }]`             | 2 | 9  | expected a table with `crate",
        "`[bans]\nskip = [{ crate = \"a\", name = \"a\" }]` | 2 | 9  | not both",
        "`[bans]\nskip = [{ name = \"a\", version = 1 }]`   | 2 | 23 | skip[0].version: expected a version requirement string",
        "`[bans]\nskip = [{ name = \"a\", version = \"=>1\" }]` | 2 | 23 | skip[0].version",
        "`[bans]\nskip-tree = [{ crate = \"a\", depth = 0 }]` | 2 | 29 | depth: expected a positive integer, found 0",
        "`[bans]\ndeny = [{ crate = \"a\", wrappers = \"b\" }]` | 2 | 24 | wrappers: expected a list of crate names",
        "`[bans]\ndeny = [{ crate = \"a\", reason = 3 }]`  | 2 | 24 | reason: expected a string, found 3",
        "`[bans]\ndeny = [{ crate = \"a\", wrappers = [\"b\"], deny-multiple-versions = true }]` | 2 | 42 | no `wrappers` beside it",
        "`[bans]\nfeatures = [{ crate = \"a\", allow = \"std\" }]` | 2 | 28 | features[0].allow: expected a list of feature names, found \"std\"",
        "`[bans]\nfeatures = [{ crate = \"a\", deny = [\"std\", 1] }]` | 2 | 43 | features[0].deny[1]: expected a feature name, found 1",
        "`[bans]\nfeatures = [{ crate = \"a\", exact = \"yes\" }]` | 2 | 28 | features[0].exact: expected true or false",
    })
    void malformedValuesFailAtTheirPosition(String toml, int line, int column, String message) {
        InputException e = assertThrows(InputException.class, () -> read(toml));
        assertEquals("deny.toml", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
